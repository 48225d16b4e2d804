//! Filling the route table: the generated pages from the site's data, then the pages the
//! authors wrote, each entry with its language, flags and peers.

use super::{
    Address, Addresses, Entry, IndicatorPage, Options, Peer, PlanPage, RegisterPage, Route, Routes,
    Section, SinglePage, DATA_INDICATORS_CSV, DATA_INDICATORS_JSON, DATA_MEASURES_CSV,
    DATA_PLAN_JSON, SITEMAP,
};
use crate::base::nth;
use crate::model::data::SiteData;
use crate::model::organisations::Organisation;
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
        for (i, ind) in nth::enumerate(&data.indicators.list) {
            r.push(
                Route::IndicatorCsv(i),
                None,
                a.indicator_csv(&ind.id),
                false,
                false,
            );
        }
        r.push(Route::Sitemap, None, a.file(SITEMAP), false, false);
        r.push(Route::Robots, None, a.file("robots.txt"), false, false);
        let mut data_files = Vec::new();
        if !data.indicators.list.is_empty() {
            data_files.extend([DATA_INDICATORS_CSV, DATA_INDICATORS_JSON]);
        }
        if !data.plans.is_empty() {
            data_files.extend([DATA_MEASURES_CSV, DATA_PLAN_JSON]);
        }
        for f in data_files {
            r.push(Route::OpenData(f), None, a.file(f), false, false);
        }
        if opts.search {
            r.push(Route::Pagefind, None, a.file("pagefind/"), false, false);
        }
        for s in &opts.statics {
            r.push(Route::Static, None, a.file(s), false, false);
        }
        r
    }

    /// Each plan's overview, "together and separately", focus areas and goals.
    fn plan_pages(&mut self, data: &SiteData<'_>, a: &Addresses, lang: &str) {
        for (pi, plan) in nth::enumerate(data.plans) {
            let mut page = |page, path| self.page(Route::plan(pi, page), lang, path);
            page(PlanPage::Overview, a.plan(plan, lang));
            page(PlanPage::Together, a.together(plan, lang));
            if data.region.links.receives(pi.index()) {
                page(PlanPage::Region, a.region(plan, lang));
            }
            for (focus, fa) in nth::enumerate(&plan.focus_areas) {
                page(PlanPage::FocusArea { focus }, a.focus_area(plan, fa, lang));
                for (goal, g) in nth::enumerate(&fa.goals) {
                    page(PlanPage::Goal { focus, goal }, a.goal(plan, fa, g, lang));
                }
            }
        }
    }

    /// The generated pages of one language, in menu order where they are in the menu.
    fn generated_pages(&mut self, data: &SiteData<'_>, a: &Addresses, lang: &str, search: bool) {
        self.indicator_pages(data, a, lang);
        self.plan_pages(data, a, lang);
        self.register_pages(data, a, lang);
        self.single_pages(data, a, lang, search);
        if lang == data.config.default_language() {
            self.push(
                Route::NotFound,
                Some(lang),
                a.file("404.html"),
                false,
                false,
            );
        }
    }

    /// A generated page in the sitemap and the search index.
    fn page(&mut self, route: Route, lang: &str, path: Address) {
        self.push(route, Some(lang), path, true, true);
    }

    /// The municipality cards, the indicators and the reference lists' appendices.
    fn indicator_pages(&mut self, data: &SiteData<'_>, a: &Addresses, lang: &str) {
        let route = Route::indicators;
        if !data.cards.is_empty() {
            let path = a.section(Section::Cards, lang);
            self.push_nav(route(IndicatorPage::CardIndex), lang, path, "cards_title");
            for (i, m) in nth::enumerate(&data.cards) {
                self.page(route(IndicatorPage::Card(i)), lang, a.card(m, lang));
            }
        }
        if !data.indicators.list.is_empty() {
            let path = a.section(Section::Indicators, lang);
            self.push_nav(route(IndicatorPage::Index), lang, path, "indicators_title");
            for (i, ind) in nth::enumerate(&data.indicators.list) {
                let path = a.indicator(&ind.id, lang);
                self.page(route(IndicatorPage::Indicator(i)), lang, path);
            }
        }
        for (i, _) in nth::enumerate(data.indicator_lists) {
            let path = a.indicator_list(i.index(), lang);
            self.page(route(IndicatorPage::List(i)), lang, path);
        }
    }

    /// The organisations with a page and the surveys, with their indexes.
    fn register_pages(&mut self, data: &SiteData<'_>, a: &Addresses, lang: &str) {
        let route = Route::register;
        let orgs = data.organisations_with_pages();
        if !orgs.is_empty() {
            let path = a.section(Section::Organisations, lang);
            self.page(route(RegisterPage::OrgIndex), lang, path);
            for (i, o) in nth::enumerate::<Organisation, _>(&orgs) {
                let path = a.organisation(&o.id, lang);
                self.page(route(RegisterPage::Org(i)), lang, path);
            }
        }
        if !data.surveys.is_empty() {
            let path = a.section(Section::Surveys, lang);
            self.push_nav(
                route(RegisterPage::SurveyIndex),
                lang,
                path,
                "surveys_title",
            );
            for (i, s) in nth::enumerate(data.surveys) {
                self.page(route(RegisterPage::Survey(i)), lang, a.survey(s, lang));
            }
        }
    }

    /// The annual clock, the cooperation structure, the accessibility statement and search.
    fn single_pages(&mut self, data: &SiteData<'_>, a: &Addresses, lang: &str, search: bool) {
        let route = Route::single;
        if data.cooperation.clock.is_some() {
            let path = a.section(Section::Clock, lang);
            self.push_nav(route(SinglePage::Clock), lang, path, "clock_title");
        }
        if !data.cooperation.bodies.is_empty() {
            let path = a.section(Section::Cooperation, lang);
            self.push_nav(
                route(SinglePage::Cooperation),
                lang,
                path,
                "cooperation_title",
            );
        }
        self.page(route(SinglePage::Statement), lang, a.statement(lang));
        if search {
            // The search page is not itself searched.
            let path = a.search(lang);
            self.push(route(SinglePage::Search), Some(lang), path, true, false);
        }
    }

    /// Adds the content pages, printable pages, fallback front pages and redirect stubs of the
    /// assembled site.
    pub(crate) fn add_site(&mut self, site: &Site) {
        for (i, p) in site.enumerate() {
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
                if let Some(from) = self.addresses.old(alias) {
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
            let path = self.addresses.file(super::DATA_DOCUMENTS_JSON);
            let route = Route::OpenData(super::DATA_DOCUMENTS_JSON);
            self.push_entry(route, None, path, Peer::Alone, (false, false));
        }
        for lang in self.languages.clone() {
            if site.find("", &lang).is_none() {
                let path = self.addresses.home(&lang);
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
        path: Address,
        sitemap: bool,
        search: bool,
    ) {
        // The 404 page is one file for all languages.
        let peer = if lang.is_none() || route == Route::NotFound {
            Peer::Alone
        } else {
            Peer::Generated(route.clone())
        };
        self.push_entry(route, lang, path, peer, (sitemap, search));
    }

    fn push_nav(&mut self, route: Route, lang: &str, path: Address, title: &'static str) {
        self.page(route, lang, path);
        if let Some(e) = self.entries.last_mut() {
            e.nav = Some(title);
            self.nav.push(self.entries.len() - 1);
        }
    }

    fn push_entry(
        &mut self,
        route: Route,
        lang: Option<&str>,
        path: Address,
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
