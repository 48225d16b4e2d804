//! Where a link or image written in Markdown leads, for paper: every link becomes the full
//! address of the published page or file (from `base_url`), and an image the bytes of its file
//! under `content/`. The Markdown stage has already reported every link that leads nowhere;
//! here such a link is simply not made live.

use super::Cx;
use crate::model::content;
use std::path::{Path, PathBuf};

impl Cx<'_> {
    /// The absolute address a link written on the page in `dir` (at `page_path`, read in
    /// `lang`) leads to; `None` for what cannot be a live link in a PDF.
    pub(crate) fn link_target(
        &self,
        dir: &Path,
        page_path: &str,
        lang: &str,
        dest: &str,
    ) -> Option<String> {
        let dest = dest.trim();
        let config = &self.site.config;
        let permalink = |address: &str| crate::address::permalink(config, address);
        if let Some(anchor) = dest.strip_prefix('#') {
            return Some(permalink(&format!("{page_path}#{anchor}")));
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
        let site_path = self.site_path(&target, lang)?;
        Some(match fragment {
            Some(f) => permalink(&format!("{site_path}#{f}")),
            None => permalink(&site_path),
        })
    }

    /// The site-relative address of a page or published file under `content/`.
    fn site_path(&self, target: &Path, lang: &str) -> Option<String> {
        let site = self.site;
        let translated = |i: usize| {
            let key = &site.pages[i].key;
            site.find(key, lang).unwrap_or(i)
        };
        if target.extension().is_some_and(|e| e == "md") {
            let i = *self.by_rel.get(target)?;
            return Some(site.pages[translated(i)].path.clone());
        }
        let key = content::dir_key(target);
        if let Some(i) = site.find(&key, site.config.default_language()) {
            return Some(site.pages[translated(i)].path.clone());
        }
        self.assets
            .contains(target)
            .then(|| crate::address::content::asset(target))
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
