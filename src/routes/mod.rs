//! The route table: every address the build writes, in one place.
//!
//! [`Addresses`] is the only code that spells an address out (`mittarit/4/`, `sv/sok/`,
//! `<document>/suunnitelma/<focus area>/`); [`Routes`] lists every page and file of one build
//! with its language, its address, whether it belongs in the sitemap, the search index and the
//! main menu, and which entries are the same page in the other languages. Rendering, the
//! sitemap, the menu, the language switch, `hreflang`, the addresses content pages may not take
//! and `check`'s link checks all read this table, so adding a page kind is one entry in
//! [`Routes::generated`] and they cannot disagree.

use crate::data::SiteData;
use crate::diagnostics::Diagnostic;
use crate::site::Site;

mod addresses;
pub(crate) use addresses::{Addresses, Section};
use std::collections::HashMap;
use std::path::Path;

/// The folder of a plan below its document.
pub(crate) const PLAN_SLUG: &str = "suunnitelma";
/// The "together and separately" page below a plan.
pub(crate) const TOGETHER_SLUG: &str = "yhdessa-ja-erikseen";
/// The printable page below a document.
pub(crate) const PRINT_SLUG: &str = "tulosta";

/// What an entry is. Indices point into the site's pages or the data's lists; the language
/// is the entry's, so a route names the same page in every language.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Route {
    /// A content page, by index in `Site::pages`.
    Page(usize),
    /// The printable page of the document at this page index.
    Print(usize),
    /// The front page of a language without `index.<lang>.md`.
    FallbackFront,
    /// `404.html`.
    NotFound,
    /// A redirect stub: the `nth` alias of a page.
    Alias {
        /// The page it leads to.
        page: usize,
        /// Which of the page's aliases.
        nth: usize,
    },
    /// `/mittarit/`.
    IndicatorIndex,
    /// An indicator's page, by index in indicators.yaml.
    Indicator(usize),
    /// The data an indicator's page shows, as CSV.
    IndicatorCsv(usize),
    /// `/kuntakortit/`.
    CardIndex,
    /// A municipality's card, by position among the card members.
    Card(usize),
    /// A plan's overview, by plan index.
    PlanOverview(usize),
    /// A plan's "together and separately" page.
    Together(usize),
    /// A focus area: plan and focus-area index.
    FocusArea(usize, usize),
    /// A goal: plan, focus-area and goal index.
    Goal(usize, usize, usize),
    /// `/organisaatiot/`.
    OrgIndex,
    /// An organisation, by position among those with a page.
    Org(usize),
    /// `/kyselyt/`.
    SurveyIndex,
    /// A survey, by index.
    Survey(usize),
    /// The annual clock.
    Clock,
    /// The cooperation structure.
    Cooperation,
    /// The accessibility statement.
    Statement,
    /// The search page.
    Search,
    /// The Atom feed of a language.
    Feed,
    /// `sitemap.xml`.
    Sitemap,
    /// `robots.txt`.
    Robots,
    /// An open data file under `data/`.
    OpenData(&'static str),
    /// The search index folder.
    Pagefind,
    /// A theme static file (stylesheets, scripts).
    Static,
}

impl Route {}

/// What makes entries of different languages the same page.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Peer {
    /// Content pages (and a language's fallback front page) by page key.
    Content(String),
    /// Printable pages by their document's key.
    Print(String),
    /// Generated pages by route.
    Generated(Route),
    /// A page of one language only.
    Alone,
}

/// One page or file the build writes.
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    /// What it is.
    pub route: Route,
    /// Its language; `None` for files that are the same in every language.
    pub lang: Option<String>,
    /// The site-relative address: `""` for the front page, folders end in `/`.
    pub path: String,
    /// Listed in `sitemap.xml`.
    pub sitemap: bool,
    /// Indexed for search.
    pub search: bool,
    /// Shown in the main menu, with the theme string of its title.
    pub nav: Option<&'static str>,
    peer: Peer,
}

impl Entry {
    /// The file the entry is written to, relative to the output folder.
    pub(crate) fn file(&self) -> String {
        if self.path.is_empty() || self.path.ends_with('/') {
            format!("{}index.html", self.path)
        } else {
            self.path.clone()
        }
    }
}

/// The open data files and the index folder, relative to the output.
pub(crate) const DATA_INDICATORS_CSV: &str = "data/indicators.csv";
/// Indicator metadata as JSON.
pub(crate) const DATA_INDICATORS_JSON: &str = "data/indicators.json";
/// Every plan's measures as CSV.
pub(crate) const DATA_MEASURES_CSV: &str = "data/measures.csv";
/// Every plan as JSON.
pub(crate) const DATA_PLAN_JSON: &str = "data/plan.json";

/// Every page and file of one build.
#[derive(Debug, Clone)]
pub(crate) struct Routes {
    /// The formulas the entries were made with.
    pub addresses: Addresses,
    entries: Vec<Entry>,
    by_peer: HashMap<Peer, Vec<usize>>,
    by_route: HashMap<(Route, Option<String>), usize>,
    /// The entries in the main menu, in menu order.
    nav: Vec<usize>,
    languages: Vec<String>,
}

/// What the generated part of the table depends on besides the data.
pub(crate) struct Options<'a> {
    /// Whether the build writes a search index and search pages.
    pub search: bool,
    /// The theme's static files, by output path.
    pub statics: Vec<&'a str>,
}

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
        for (pi, plan) in data.plans.iter().enumerate() {
            self.push(Route::PlanOverview(pi), l, a.plan(plan, lang), true, true);
            self.push(Route::Together(pi), l, a.together(plan, lang), true, true);
            for (fi, fa) in plan.focus_areas.iter().enumerate() {
                self.push(
                    Route::FocusArea(pi, fi),
                    l,
                    a.focus_area(plan, fa, lang),
                    true,
                    true,
                );
                for (gi, g) in fa.goals.iter().enumerate() {
                    let path = a.goal(plan, fa, g, lang);
                    self.push(Route::Goal(pi, fi, gi), l, path, true, true);
                }
            }
        }
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
                let path = self.addresses.print(&p.path);
                self.push_entry(Route::Print(i), Some(&p.lang), path, peer, (false, false));
            }
            for (nth, alias) in p.front.aliases.iter().enumerate() {
                if let Some(from) = crate::site::alias_path(alias) {
                    let route = Route::Alias { page: i, nth };
                    self.push_entry(route, Some(&p.lang), from, Peer::Alone, (false, false));
                }
            }
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

    /// Every entry.
    pub(crate) fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The entry of `route` in `lang` (in no language for files that have none).
    pub(crate) fn get(&self, route: &Route, lang: Option<&str>) -> Option<&Entry> {
        let key = (route.clone(), lang.map(str::to_string));
        self.by_route.get(&key).map(|&i| &self.entries[i])
    }

    /// The same page as `entry` in `lang`: its translation, or for a generated page its
    /// version in that language; `None` when the page has none there.
    pub(crate) fn peer(&self, entry: &Entry, lang: &str) -> Option<&Entry> {
        self.by_peer
            .get(&entry.peer)?
            .iter()
            .map(|&i| &self.entries[i])
            .find(|e| e.lang.as_deref() == Some(lang))
    }

    /// The front page of `lang` (its own or the fallback).
    pub(crate) fn front(&self, lang: &str) -> Option<&Entry> {
        self.by_peer
            .get(&Peer::Content(String::new()))?
            .iter()
            .map(|&i| &self.entries[i])
            .find(|e| e.lang.as_deref() == Some(lang))
    }

    /// The main menu's generated sections in `lang`, in menu order.
    pub(crate) fn nav<'a>(&'a self, lang: &'a str) -> impl Iterator<Item = &'a Entry> + 'a {
        self.nav
            .iter()
            .map(|&i| &self.entries[i])
            .filter(move |e| e.lang.as_deref() == Some(lang))
    }

    /// Folders that generated pages and files own: no content page may have an address inside
    /// one. A generated page owns its address and everything below it; open data and the
    /// search index own their folders.
    pub(crate) fn reserved(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for e in &self.entries {
            let owned = match &e.route {
                Route::OpenData(_) => Some("data/".to_string()),
                // Single files, and what the authors' pages make.
                Route::NotFound
                | Route::Feed
                | Route::Sitemap
                | Route::Robots
                | Route::Static
                | Route::IndicatorCsv(_)
                | Route::Page(_)
                | Route::Print(_)
                | Route::FallbackFront
                | Route::Alias { .. } => None,
                // Generated pages and the search index folder.
                _ => Some(e.path.clone()),
            };
            if let Some(p) = owned {
                if !out.contains(&p) {
                    out.push(p);
                }
            }
        }
        // A folder inside another reserved one says nothing more.
        let all = out.clone();
        out.retain(|p| !all.iter().any(|q| q != p && p.starts_with(q.as_str())));
        out
    }

    /// Errors for two entries with one address: a content page where a printable page or a
    /// redirect must go, two aliases, and the like. Each names what clashes.
    pub(crate) fn clashes(&self, site: &Site) -> Vec<Diagnostic> {
        let mut seen: HashMap<&str, &Entry> = HashMap::new();
        let mut out = Vec::new();
        let content = |e: &Entry| {
            matches!(
                e.route,
                Route::Page(_) | Route::Print(_) | Route::Alias { .. }
            )
        };
        for e in &self.entries {
            match seen.get(e.path.as_str()) {
                // A content page at a generated address is reported by the reserved-address
                // check, with the list of those addresses.
                Some(first) if matches!(e.route, Route::Page(_)) && !content(first) => {}
                Some(first) => out.push(clash(site, first, e)),
                None => {
                    seen.insert(&e.path, e);
                }
            }
        }
        out
    }
}

fn clash(site: &Site, first: &Entry, second: &Entry) -> Diagnostic {
    let what = |e: &Entry| match e.route {
        Route::Page(i) | Route::Print(i) | Route::Alias { page: i, .. } => {
            format!("content/{}", site.pages[i].rel.display())
        }
        _ => format!("kertomus's {:?} page", e.route),
    };
    let page = [second, first].into_iter().find_map(|e| match e.route {
        Route::Page(i) | Route::Print(i) | Route::Alias { page: i, .. } => Some(i),
        _ => None,
    });
    let message = format!(
        "two pages would be written to /{}: {} and {}",
        second.path,
        what(first),
        what(second)
    );
    let d = match page {
        Some(i) => Diagnostic::file_error(Path::new("content").join(&site.pages[i].rel), message),
        None => Diagnostic::file_error("content", message),
    };
    d.with_hint("rename the folder or the alias so that each address is used once")
}
