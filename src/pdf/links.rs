//! Where a link or image written in Markdown leads, for paper: every link becomes the full
//! address of the published page or file (from `base_url`), and an image the bytes of its file
//! under `content/`. The Markdown stage has already reported every link that leads nowhere;
//! here such a link is simply not made live.

use super::Cx;
use crate::address::Address;
use crate::model::content;
use crate::model::content::PageId;
use std::path::{Path, PathBuf};

impl Cx<'_> {
    /// The absolute address a link written on the page in `dir` (at `page`, read in
    /// `lang`) leads to; `None` for what cannot be a live link in a PDF.
    pub(crate) fn link_target(
        &self,
        dir: &Path,
        page: &Address,
        lang: &str,
        dest: &str,
    ) -> Option<String> {
        let dest = dest.trim();
        let config = &self.site.config;
        if let Some(anchor) = dest.strip_prefix('#') {
            return Some(page.at(anchor).permalink());
        }
        if crate::base::url::scheme(dest).is_some() || dest.starts_with('/') {
            let url = crate::base::url::Url::parse(dest).ok()?;
            return Some(match url.as_str().strip_prefix('/') {
                Some(path) => format!("{}/{path}", origin(&config.base_url)),
                None => url.as_str().to_string(),
            });
        }
        let (path, fragment) = match dest.split_once('#') {
            Some((p, f)) => (p, Some(f)),
            None => (dest, None),
        };
        let path = path.split('?').next().unwrap_or_default();
        let target = content::resolve_relative(dir, path)?;
        let address = self.address_of(&target, lang)?;
        Some(match fragment {
            Some(f) => address.at(f).permalink(),
            None => address.permalink(),
        })
    }

    /// The address of a page or published file under `content/`.
    fn address_of(&self, target: &Path, lang: &str) -> Option<Address> {
        let site = self.site;
        let translated = |i: PageId| {
            let key = &site[i].key;
            site.find(key, lang).unwrap_or(i)
        };
        if target.extension().is_some_and(|e| e == "md") {
            let i = *self.by_rel.get(target)?;
            return Some(site[translated(i)].path.clone());
        }
        let key = content::dir_key(target);
        if let Some(i) = site.find(&key, site.config.default_language()) {
            return Some(site[translated(i)].path.clone());
        }
        self.assets
            .contains(target)
            .then(|| self.view.addresses.asset(target))
    }

    /// The file under `content/` an image written on the page in `dir` shows, when it is one
    /// of the site's published files (not a web address).
    pub(crate) fn image_file(&self, dir: &Path, dest: &str) -> Option<PathBuf> {
        let dest = dest.trim();
        if crate::base::url::scheme(dest).is_some() {
            return None;
        }
        let path = dest.split(['?', '#']).next().unwrap_or_default();
        let target = content::resolve_relative(dir, path)?;
        self.assets.contains(target.as_path()).then_some(target)
    }
}

/// `https://example.fi/hyte/` → `https://example.fi`.
fn origin(base_url: &str) -> &str {
    let after_scheme = base_url.find("://").map_or(0, |i| i + 3);
    match base_url[after_scheme..].find('/') {
        Some(i) => &base_url[..after_scheme + i],
        None => base_url.trim_end_matches('/'),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn origins() {
        assert_eq!(super::origin("https://a.fi/hyte/"), "https://a.fi");
        assert_eq!(super::origin("https://a.fi/"), "https://a.fi");
        assert_eq!(super::origin("https://a.fi"), "https://a.fi");
    }
}
