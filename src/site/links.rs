//! Where a relative link of the content leads: the one [`markdown::Resolver`] of the build.
//! It is made from the loaded pages before their bodies are rendered and owns what it needs,
//! so it outlives them: page bodies ask it while the site is assembled, and the Markdown of
//! YAML fields ([`markdown::Fields`]) asks it from the views, before and after.

use super::Excluded;
use crate::address::Addresses;
use crate::markdown::{self, Target};
use crate::model::config::Config;
use crate::model::content::{self, PageId, SourcePage};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// A page as a link target: its key, language and address.
struct Linked {
    key: String,
    lang: String,
    path: String,
}

/// The pages (by index in the site, which is the order of the sources given to
/// [`Links::new`]), published files and left-out pages that links can lead to.
pub(crate) struct Links<'a> {
    config: &'a Config,
    addresses: &'a Addresses,
    pages: Vec<Linked>,
    by_rel: HashMap<PathBuf, PageId>,
    pub(super) by_key: HashMap<(String, String), PageId>,
    assets: HashSet<PathBuf>,
    excluded: &'a Excluded,
}

impl<'a> Links<'a> {
    /// `sources` sorted and without clashing addresses, as the site will have them.
    pub(crate) fn new(
        config: &'a Config,
        addresses: &'a Addresses,
        sources: &[SourcePage],
        assets: &[PathBuf],
        excluded: &'a Excluded,
    ) -> Self {
        Links {
            config,
            addresses,
            pages: sources
                .iter()
                .map(|s| Linked {
                    key: s.key.clone(),
                    lang: s.lang.clone(),
                    path: s.path.clone(),
                })
                .collect(),
            by_rel: sources
                .iter()
                .enumerate()
                .map(|(i, s)| (s.rel.clone(), PageId::nth(i)))
                .collect(),
            by_key: sources
                .iter()
                .enumerate()
                .map(|(i, s)| ((s.key.clone(), s.lang.clone()), PageId::nth(i)))
                .collect(),
            assets: assets.iter().cloned().collect(),
            excluded,
        }
    }

    /// Page `id`, or its translation in `lang` when there is one.
    fn page(&self, id: PageId, lang: &str) -> Target {
        let key = (self.pages[id.index()].key.clone(), lang.to_string());
        let id = self.by_key.get(&key).copied().unwrap_or(id);
        let page = &self.pages[id.index()];
        Target::Page {
            id,
            href: self.addresses.content_page(&page.path).href(),
            lang: (page.lang != lang).then(|| page.lang.clone()),
        }
    }
}

impl markdown::Resolver for Links<'_> {
    fn resolve(&self, path: &Path, lang: &str) -> Target {
        if path.extension().is_some_and(|e| e == "md") {
            if let Some(&id) = self.by_rel.get(path) {
                return self.page(id, lang);
            }
        } else if let Some(&id) = self.by_key.get(&(
            content::dir_key(path),
            self.config.default_language().to_string(),
        )) {
            return self.page(id, lang);
        } else if self.assets.contains(path) {
            return Target::File {
                href: self.addresses.asset(path).href(),
            };
        }
        if self.excluded.failed.contains(path) {
            return Target::Unchecked;
        }
        if self.excluded.drafts.contains(path) {
            return Target::Draft;
        }
        let given = path.to_string_lossy();
        let names: Vec<String> = self
            .by_rel
            .keys()
            .map(|p| p.to_string_lossy().into_owned())
            .collect();
        let refs: Vec<&str> = names.iter().map(String::as_str).collect();
        Target::Missing {
            suggestion: crate::base::yaml::closest(&given, &refs).map(str::to_string),
        }
    }
}
