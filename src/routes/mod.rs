//! The route table: every address the build writes, in one place.
//!
//! [`Addresses`] is the only code that spells an address out (`mittarit/4/`, `sv/sok/`,
//! `<document>/suunnitelma/<focus area>/`); [`Routes`] lists every page and file of one build
//! with its language, its address, whether it belongs in the sitemap, the search index and the
//! main menu, and which entries are the same page in the other languages. Rendering, the
//! sitemap, the menu, the language switch, `hreflang`, the addresses content pages may not take
//! and `check`'s link checks all read this table, so adding a page kind is one entry in
//! [`Routes::generated`] and they cannot disagree.

pub(crate) mod clashes;
mod route;
mod table;
pub(crate) use crate::address::{Address, Addresses, Section, Slugs};
pub(crate) use route::{Generated, IndicatorPage, PlanPage, RegisterPage, Route, SinglePage};
use std::collections::HashMap;

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
    /// Its address.
    pub path: Address,
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
        let path = self.path.as_str();
        if path.is_empty() || path.ends_with('/') {
            format!("{path}index.html")
        } else {
            path.to_string()
        }
    }
}

/// The sitemap (or the index of sitemaps), named in `robots.txt`.
pub(crate) const SITEMAP: &str = "sitemap.xml";
/// The open data files and the index folder, relative to the output.
pub(crate) const DATA_INDICATORS_CSV: &str = "data/indicators.csv";
/// Indicator metadata as JSON.
pub(crate) const DATA_INDICATORS_JSON: &str = "data/indicators.json";
/// Every plan's measures as CSV.
pub(crate) const DATA_MEASURES_CSV: &str = "data/measures.csv";
/// Every plan as JSON.
pub(crate) const DATA_PLAN_JSON: &str = "data/plan.json";
/// Every document with its PDFs, as JSON.
pub(crate) const DATA_DOCUMENTS_JSON: &str = "data/documents.json";

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
    /// Whether documents get a PDF entry.
    pdf: bool,
}

/// What the generated part of the table depends on besides the data.
pub(crate) struct Options<'a> {
    /// Whether the build writes a search index and search pages.
    pub search: bool,
    /// Whether the build writes each document's PDF.
    pub pdf: bool,
    /// The theme's static files, by output path.
    pub statics: Vec<&'a str>,
}

impl Routes {
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
                | Route::Pdf(_)
                | Route::FallbackFront
                | Route::Alias { .. } => None,
                // Generated pages and the search index folder.
                Route::Generated(_) | Route::Pagefind => Some(e.path.as_str().to_string()),
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
}
