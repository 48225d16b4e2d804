//! The resolved site: every page with its URL and rendered body, the lookups between pages
//! (translations, parents, children, document chapters), and published files. Built by
//! [`assemble()`] from loaded sources; read by rendering. Holds no HTML templates.

mod assemble;
mod checks;
pub(crate) mod fields;
mod links;

use crate::markdown::Heading;
use crate::model::config::Config;
use crate::model::content::document::RawDocument;
use crate::model::content::frontmatter::FrontMatter;
use crate::model::content::{self, PageId};
pub(crate) use assemble::{assemble, fallback_title, BodyStore, MarkdownEnv};
pub(crate) use checks::check_document_links;
pub(crate) use links::Links;
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

/// A page ready for rendering.
#[derive(Debug)]
pub(crate) struct Page {
    pub rel: PathBuf,
    pub lang: String,
    pub key: String,
    pub is_index: bool,
    /// Its address (`kertomus/01-tausta/`).
    pub path: crate::address::Address,
    pub front: FrontMatter,
    pub title: String,
    pub body: std::sync::Arc<str>,
    pub headings: Vec<Heading>,
    pub ids: Vec<String>,
    /// The shortcodes the body embeds.
    pub shortcodes: Vec<crate::markdown::shortcodes::Call>,
    /// What reads badly in the body but builds, for `kertomus check`.
    pub remarks: Vec<crate::markdown::Noted>,
    pub parent_key: Option<String>,
}

impl Page {
    /// `content/kuntakortit/<code>.md`: prose merged into a municipality card, not a page.
    pub(crate) fn is_card_prose(&self) -> bool {
        content::is_card_prose(&self.rel, self.is_index)
    }
}

/// All pages and files of the site.
pub(crate) struct Site {
    pub config: Config,
    /// Sorted by source path, so every output is in a stable order.
    pub pages: Vec<Page>,
    /// Published files (images, PDFs) relative to `content/`.
    pub assets: Vec<PathBuf>,
    by_key: HashMap<(String, String), PageId>,
    /// Children of a key in a language, in reading order.
    children: HashMap<(String, String), Vec<PageId>>,
}

/// Pages that exist on disk but are not in the site: links to them get a clearer message
/// (drafts), or none at all (pages that failed to load report their own errors).
#[derive(Debug, Default)]
pub(crate) struct Excluded {
    pub drafts: HashSet<PathBuf>,
    pub failed: HashSet<PathBuf>,
}

impl Site {
    /// Every page's id, in file order.
    pub(crate) fn ids(&self) -> impl Iterator<Item = PageId> + use<> {
        (0..self.pages.len()).map(PageId::nth)
    }

    /// Every page with its id, in file order.
    pub(crate) fn enumerate(&self) -> impl Iterator<Item = (PageId, &Page)> {
        self.pages
            .iter()
            .enumerate()
            .map(|(i, p)| (PageId::nth(i), p))
    }

    pub(crate) fn find(&self, key: &str, lang: &str) -> Option<PageId> {
        self.by_key
            .get(&(key.to_string(), lang.to_string()))
            .copied()
    }

    /// The page for `key` in `lang`, else in the default language.
    pub(crate) fn find_or_default(&self, key: &str, lang: &str) -> Option<PageId> {
        self.find(key, lang)
            .or_else(|| self.find(key, self.config.default_language()))
    }

    pub(crate) fn children(&self, key: &str, lang: &str) -> &[PageId] {
        self.children
            .get(&(key.to_string(), lang.to_string()))
            .map_or(&[], Vec::as_slice)
    }

    /// Translations of page `i` (itself included), in the order of `languages`.
    pub(crate) fn translations(&self, i: PageId) -> Vec<PageId> {
        let key = &self[i].key;
        self.config
            .languages
            .iter()
            .filter_map(|l| self.find(key, l))
            .collect()
    }

    /// Ancestors of page `i` from the front page down, each in the page's language if it
    /// exists, else in the default language.
    pub(crate) fn ancestors(&self, i: PageId) -> Vec<PageId> {
        let page = &self[i];
        let mut out = Vec::new();
        let mut key = page.parent_key.clone();
        while let Some(k) = key {
            if let Some(a) = self.find_or_default(&k, &page.lang) {
                out.push(a);
            }
            key = parent_of_key(&k);
        }
        out.reverse();
        out
    }

    /// The document block that applies to page `i` (its own, or its default-language twin's).
    pub(crate) fn document_of(&self, i: PageId) -> Option<&RawDocument> {
        let p = &self[i];
        let twin = || Some(&self[self.find(&p.key, self.config.default_language())?].front);
        content::document_block(&p.front, p.is_index, twin)
    }

    /// The key of the plan document that the annual report at page `i` follows.
    pub(crate) fn reported_plan_key(&self, i: PageId) -> Option<String> {
        let rel = self.document_of(i)?.plan.as_deref()?;
        let dir = self[i].rel.parent().unwrap_or(std::path::Path::new(""));
        content::resolve_relative(dir, rel).map(|d| content::dir_key(&d))
    }

    /// The annual reports of the plan document `plan_key`, newest first, each as its page in
    /// `lang` (or in the default language): their year and page.
    pub(crate) fn annual_reports_of(&self, plan_key: &str, lang: &str) -> Vec<(i32, PageId)> {
        let default = self.config.default_language();
        let mut out: Vec<(i32, PageId)> = self
            .ids()
            .filter(|&i| self[i].is_index && self[i].lang == default)
            .filter_map(|i| {
                let year = self.document_of(i)?.year?;
                (self.reported_plan_key(i)? == plan_key)
                    .then(|| (year, self.find(&self[i].key, lang).unwrap_or(i)))
            })
            .collect();
        out.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        out
    }

    /// The document page that page `i` is a chapter of.
    pub(crate) fn document_for_chapter(&self, i: PageId) -> Option<PageId> {
        let p = &self[i];
        if p.is_index {
            return None;
        }
        let doc = self.find_or_default(p.parent_key.as_deref()?, &p.lang)?;
        self.document_of(doc).map(|_| doc)
    }

    /// Chapters of document page `doc`, in its language, in reading order.
    pub(crate) fn chapters(&self, doc: PageId) -> &[PageId] {
        let d = &self[doc];
        self.children(&d.key, &d.lang)
    }

    /// Chapters for a reader of the document's language: its own chapters, and the default
    /// language's for those not translated (marked by their `lang`).
    pub(crate) fn chapters_with_fallback(&self, doc: PageId) -> Vec<PageId> {
        let d = &self[doc];
        let default = self.config.default_language();
        if d.lang == default {
            return self.chapters(doc).to_vec();
        }
        let mut keys: Vec<PageId> = self.children(&d.key, default).to_vec();
        keys.extend(
            self.children(&d.key, &d.lang)
                .iter()
                .filter(|&&c| self.find(&self[c].key, default).is_none()),
        );
        keys.into_iter()
            .map(|c| self.find(&self[c].key, &d.lang).unwrap_or(c))
            .filter(|&c| !self[c].is_index)
            .collect()
    }
}

/// A page by its id.
impl std::ops::Index<PageId> for Site {
    type Output = Page;
    fn index(&self, id: PageId) -> &Page {
        &self.pages[id.index()]
    }
}

/// `a/b/c` → `a/b/`; `a/b/` → `a/`; `a/` → `""`; `""` → none.
fn parent_of_key(key: &str) -> Option<String> {
    if key.is_empty() {
        return None;
    }
    let trimmed = key.trim_end_matches('/');
    Some(match trimmed.rfind('/') {
        Some(i) => trimmed[..=i].to_string(),
        None => String::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parent_keys() {
        assert_eq!(parent_of_key("a/b/c").as_deref(), Some("a/b/"));
        assert_eq!(parent_of_key("a/b/").as_deref(), Some("a/"));
        assert_eq!(parent_of_key("a/").as_deref(), Some(""));
        assert_eq!(parent_of_key(""), None);
    }
}
