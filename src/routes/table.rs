//! Filling the route table: the generated pages from the site's data, then the pages the
//! authors wrote, each entry with its language, flags and peers.

use super::{
    Addresses, Entry, Options, Peer, Route, Routes, Section, DATA_INDICATORS_CSV,
    DATA_INDICATORS_JSON, DATA_MEASURES_CSV, DATA_PLAN_JSON,
};
use crate::model::data::SiteData;
use crate::site::Site;
use std::collections::HashMap;

impl Routes {
    /// The entries of everything kertomus generates from data (not yet the content pages).
    pub(crate) fn generated(
        data: &SiteData<'_>,
        addresses: Addresses,
        opts: &Options<'_>,
    ) -> Routes {
        let mut r = Routes {
            addresses,
            entries: Vec::new(),
            by_peer: HashMap::new(),
            by_route: HashMap::new(),
            nav: Vec::new(),
            languages: data.config.languages.clone(),
            pdf: opts.pdf,
        };
        let a = r.addresses.clone();
        for lang in &data.config.languages {
            r.generated_pages(data, &a, lang, opts.search);
            r.push(Route::Feed, Some(lang), a.feed(lang), false, false);
        }
        for (i, ind) in data.indicators.list.iter().enumerate() {
            r.push(
                Route::IndicatorCsv(i),
                None,
                a.indicator_csv(&ind.id),
                false,
                false,
            );
        }
        r.push(Route::Sitemap, None, "sitemap.xml".into(), false, false);
        r.push(Route::Robots, None, "robots.txt".into(), false, false);
        let mut data_files = Vec::new();
        if !data.indicators.list.is_empty() {
            data_files.extend([DATA_INDICATORS_CSV, DATA_INDICATORS_JSON]);
        }
        if !data.plans.is_empty() {
            data_files.extend([DATA_MEASURES_CSV, DATA_PLAN_JSON]);
        }
        for f in data_files {
            r.push(Route::OpenData(f), None, f.into(), false, false);
        }
        if opts.search {
            r.push(Route::Pagefind, None, "pagefind/".into(), false, false);
        }
        for s in &opts.statics {
            r.push(Route::Static, None, (*s).to_string(), false, false);
        }
        r
    }

    /// Each plan's overview, "together and separately", focus areas and goals.
    fn plan_pages(&mut self, data: &SiteData<'_>, a: &Addresses, lang: &str) {
        let l = Some(lang);
        for (pi, plan) in data.plans.iter().enumerate() {
            self.push(Route::PlanOverview(pi), l, a.plan(plan, lang), true, true);
            self.push(Route::Together(pi), l, a.together(plan, lang), true, true);
            if data.region.links.receives(pi) {
                self.push(Route::Region(pi), l, a.region(plan, lang), true, true);
            }
            for (fi, fa) in plan.focus_areas.iter().enumerate() {
                let path = a.focus_area(plan, fa, lang);
                self.push(Route::FocusArea(pi, fi), l, path, true, true);
                for (gi, g) in fa.goals.iter().enumerate() {
                    let path = a.goal(plan, fa, g, lang);
                    self.push(Route::Goal(pi, fi, gi), l, path, true, true);
                }
            }
        }
    }

    /// The generated pages of one language, in menu order where they are in the menu.
    fn generated_pages(&mut self, data: &SiteData<'_>, a: &Addresses, lang: &str, search: bool) {
        let l = Some(lang);
        if !data.cards.is_empty() {
            self.push_nav(
                Route::CardIndex,
                lang,
                a.section(Section::Cards, lang),
                "cards_title",
            );
            for (i, m) in data.cards.iter().enumerate() {
                self.push(Route::Card(i), l, a.card(m, lang), true, true);
            }
        }
        if !data.indicators.list.is_empty() {
            let path = a.section(Section::Indicators, lang);
            self.push_nav(Route::IndicatorIndex, lang, path, "indicators_title");
            for (i, ind) in data.indicators.list.iter().enumerate() {
                self.push(
                    Route::Indicator(i),
                    l,
                    a.indicator(&ind.id, lang),
                    true,
                    true,
                );
            }
        }
        for i in 0..data.indicator_lists.len() {
            let path = a.indicator_list(i, lang);
            self.push(Route::IndicatorList(i), l, path, true, true);
        }
        self.plan_pages(data, a, lang);
        let orgs = data.organisations_with_pages();
        if !orgs.is_empty() {
            let path = a.section(Section::Organisations, lang);
            self.push(Route::OrgIndex, l, path, true, true);
            for (i, o) in orgs.iter().enumerate() {
                self.push(Route::Org(i), l, a.organisation(&o.id, lang), true, true);
            }
        }
        if !data.surveys.is_empty() {
            let path = a.section(Section::Surveys, lang);
            self.push_nav(Route::SurveyIndex, lang, path, "surveys_title");
            for (i, s) in data.surveys.iter().enumerate() {
                self.push(Route::Survey(i), l, a.survey(s, lang), true, true);
            }
        }
        if data.cooperation.clock.is_some() {
            self.push_nav(
                Route::Clock,
                lang,
                a.section(Section::Clock, lang),
                "clock_title",
            );
        }
        if !data.cooperation.bodies.is_empty() {
            let path = a.section(Section::Cooperation, lang);
            self.push_nav(Route::Cooperation, lang, path, "cooperation_title");
        }
        self.push(Route::Statement, l, a.statement(lang), true, true);
        if search {
            self.push(Route::Search, l, a.search(lang), true, false);
        }
        if lang == data.config.default_language() {
            self.push(Route::NotFound, l, "404.html".into(), false, false);
        }
    }

    /// Adds the content pages, printable pages, fallback front pages and redirect stubs of the
    /// assembled site.
    pub(crate) fn add_site(&mut self, site: &Site) {
        for (i, p) in site.pages.iter().enumerate() {
            // Card prose is merged into the cards.
            if p.is_card_prose() {
                continue;
            }
            let peer = Peer::Content(p.key.clone());
            self.push_entry(
                Route::Page(i),
                Some(&p.lang),
                p.path.clone(),
                peer,
                (true, true),
            );
            if p.is_index && site.document_of(i).is_some() {
                let peer = Peer::Print(p.key.clone());
                let path = self.addresses.print(&p.path, &p.lang);
                self.push_entry(Route::Print(i), Some(&p.lang), path, peer, (false, false));
                if self.pdf {
                    let path = self.addresses.pdf(&p.path, &p.lang);
                    let peer = Peer::Alone;
                    self.push_entry(Route::Pdf(i), Some(&p.lang), path, peer, (false, false));
                }
            }
            for (nth, alias) in p.front.aliases.iter().enumerate() {
                if let Some(from) = crate::site::alias_path(alias) {
                    let route = Route::Alias { page: i, nth };
                    self.push_entry(route, Some(&p.lang), from, Peer::Alone, (false, false));
                }
            }
        }
        if self
            .entries
            .iter()
            .any(|e| matches!(e.route, Route::Pdf(_)))
        {
            let path = super::DATA_DOCUMENTS_JSON.to_string();
            let route = Route::OpenData(super::DATA_DOCUMENTS_JSON);
            self.push_entry(route, None, path, Peer::Alone, (false, false));
        }
        for lang in self.languages.clone() {
            if site.find("", &lang).is_none() {
                let path = self.addresses.prefix(&lang).to_string();
                let peer = Peer::Content(String::new());
                self.push_entry(
                    Route::FallbackFront,
                    Some(&lang),
                    path,
                    peer,
                    (false, false),
                );
            }
        }
    }

    fn push(
        &mut self,
        route: Route,
        lang: Option<&str>,
        path: String,
        sitemap: bool,
        search: bool,
    ) {
        let peer = match (&route, lang) {
            (Route::NotFound, _) | (_, None) => Peer::Alone,
            _ => Peer::Generated(route.clone()),
        };
        self.push_entry(route, lang, path, peer, (sitemap, search));
    }

    fn push_nav(&mut self, route: Route, lang: &str, path: String, title: &'static str) {
        self.push(route, Some(lang), path, true, true);
        if let Some(e) = self.entries.last_mut() {
            e.nav = Some(title);
            self.nav.push(self.entries.len() - 1);
        }
    }

    fn push_entry(
        &mut self,
        route: Route,
        lang: Option<&str>,
        path: String,
        peer: Peer,
        (sitemap, search): (bool, bool),
    ) {
        if peer != Peer::Alone {
            self.by_peer
                .entry(peer.clone())
                .or_default()
                .push(self.entries.len());
        }
        self.by_route.insert(
            (route.clone(), lang.map(str::to_string)),
            self.entries.len(),
        );
        self.entries.push(Entry {
            route,
            lang: lang.map(str::to_string),
            path,
            sitemap,
            search,
            nav: None,
            peer,
        });
    }
}
