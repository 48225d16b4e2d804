//! The links kertomus writes, checked on what it wrote: every internal `href`, `src` and
//! `srcset` of every HTML file, the `hreflang` alternates and canonical links, and every URL
//! of the sitemap and the feeds must lead to a file of the same output, and a `#fragment` to an
//! `id` in it. A broken one is kertomus's bug, not the author's: the authors' own links are
//! checked (with positions) while Markdown renders.
//!
//! HTML is read by the HTML layer (`html::links`, on lol_html). The
//! sitemap and the Atom feeds are XML that kertomus writes itself with one escaper, so their
//! URLs are taken from `<loc>` elements and `href="…"` attributes by a plain scan.

use crate::base::messages::Msg;
// The links and ids of one file, HTML or XML.
use crate::html::links::Links as Scan;
use crate::msg;
use percent_encoding::percent_decode_str;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

/// A link in the output that leads nowhere.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Broken {
    /// The file it is in, relative to the output.
    pub file: String,
    /// The link as written.
    pub link: String,
    /// Why it leads nowhere.
    pub reason: Msg,
}

/// Every broken link of an output, given as file contents by output path. `base_url` is the
/// site's published address (`https://example.org/hyte/`).
pub fn broken(files: &BTreeMap<String, Vec<u8>>, base_url: &str) -> Vec<Broken> {
    let (origin, base_path) = split_base(base_url);
    let mut scans: HashMap<&str, Scan> = HashMap::new();
    for (path, bytes) in files {
        if path.ends_with(".html") {
            scans.insert(path, crate::html::links::links(bytes));
        } else if path.ends_with(".xml") {
            let links = scan_xml(&String::from_utf8_lossy(bytes));
            scans.insert(
                path,
                Scan {
                    links,
                    ids: BTreeSet::new(),
                },
            );
        }
    }
    let site = Site {
        files,
        scans: &scans,
        origin,
        base_path,
    };
    let mut out = Vec::new();
    let mut sorted: Vec<(&&str, &Scan)> = scans.iter().collect();
    sorted.sort_by_key(|(k, _)| **k);
    for (file, scan) in sorted {
        for link in &scan.links {
            if let Err(reason) = site.resolve(file, link) {
                out.push(Broken {
                    file: file.to_string(),
                    link: link.clone(),
                    reason,
                });
            }
        }
    }
    out
}

/// The published address of the site at `root` (its site.yaml's `base_url`), or `None` when
/// site.yaml does not load.
pub fn base_url(root: &Path) -> Option<String> {
    crate::model::config::Config::load(root, None)
        .ok()
        .map(|c| c.base_url)
}

/// Every file under `dir`, by `/`-separated path, for checking a written output.
pub fn read_folder(dir: &Path) -> std::io::Result<BTreeMap<String, Vec<u8>>> {
    let mut out = BTreeMap::new();
    for e in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let e = e.map_err(std::io::Error::other)?;
        if e.file_type().is_file() {
            let rel = e.path().strip_prefix(dir).unwrap_or(e.path());
            let rel = rel.to_string_lossy().replace('\\', "/");
            out.insert(rel, std::fs::read(e.path())?);
        }
    }
    Ok(out)
}

/// `https://example.org/hyte/` → (`https://example.org`, `/hyte/`).
fn split_base(base_url: &str) -> (&str, &str) {
    let after_scheme = base_url.find("://").map_or(0, |i| i + 3);
    match base_url[after_scheme..].find('/') {
        Some(i) => (&base_url[..after_scheme + i], &base_url[after_scheme + i..]),
        None => (base_url, "/"),
    }
}

struct Site<'a> {
    files: &'a BTreeMap<String, Vec<u8>>,
    scans: &'a HashMap<&'a str, Scan>,
    origin: &'a str,
    base_path: &'a str,
}

impl Site<'_> {
    /// Ok when `link` in `file` leads to a file of the output (and to its fragment).
    fn resolve(&self, file: &str, link: &str) -> Result<(), Msg> {
        let link = link.trim();
        // Other sites, mail and phone links and inline data are not the output's to resolve.
        let ours = link.starts_with(self.origin)
            && link[self.origin.len()..]
                .chars()
                .next()
                .is_none_or(|c| c == '/');
        if link.starts_with("//") || (crate::base::url::scheme(link).is_some() && !ours) {
            return Ok(());
        }
        // The same host outside the site's path is another site (the municipality's own
        // pages, say): not ours to resolve.
        if ours && !link[self.origin.len()..].starts_with(self.base_path.trim_end_matches('/')) {
            return Ok(());
        }
        let (target, fragment) = match link.split_once('#') {
            Some((t, f)) => (t, Some(f)),
            None => (link, None),
        };
        let target = target.split('?').next().unwrap_or("");
        let path = if target.is_empty() {
            file.to_string()
        } else {
            self.site_path(file, target)?
        };
        let path = percent_decode_str(&path).decode_utf8_lossy().to_string();
        let path = if path.is_empty() || path.ends_with('/') {
            format!("{path}index.html")
        } else {
            path
        };
        if !self.files.contains_key(&path) {
            return Err(msg!("no file {path} in the output", path));
        }
        match fragment.filter(|f| !f.is_empty()) {
            Some(f) => {
                let id = percent_decode_str(f).decode_utf8_lossy();
                let has = self
                    .scans
                    .get(path.as_str())
                    .is_some_and(|s| s.ids.contains(id.as_ref()));
                if has {
                    Ok(())
                } else {
                    Err(msg!("{path} has no element with id=\"{id}\"", path, id))
                }
            }
            None => Ok(()),
        }
    }

    /// The output path `target` leads to from `file`.
    fn site_path(&self, file: &str, target: &str) -> Result<String, Msg> {
        let rooted = if let Some(rest) = target.strip_prefix(self.origin) {
            if rest.is_empty() {
                "/"
            } else {
                rest
            }
        } else {
            target
        };
        if let Some(rest) = rooted.strip_prefix('/') {
            let base = self.base_path.trim_start_matches('/');
            return rest.strip_prefix(base).map(str::to_string).ok_or_else(|| {
                msg!(
                    "outside the site's path {base_path}",
                    base_path = self.base_path
                )
            });
        }
        let dir = file.rsplit_once('/').map_or("", |(d, _)| d);
        normalise(&format!("{dir}/{rooted}")).ok_or_else(|| msg!("leads above the site's root"))
    }
}

/// `a/./b/../c` → `a/c`; `None` when `..` leaves the root.
fn normalise(path: &str) -> Option<String> {
    let mut parts: Vec<&str> = Vec::new();
    let trailing = path.ends_with('/');
    for seg in path.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    let mut out = parts.join("/");
    if trailing && !out.is_empty() {
        out.push('/');
    }
    Some(out)
}

/// URLs in kertomus's own XML: `<loc>` contents and `href="…"` attributes, unescaped.
fn scan_xml(text: &str) -> Vec<String> {
    let mut out = between(text, "<loc>", "</loc>");
    out.extend(between(text, " href=\"", "\""));
    out
}

/// Every text between `open` and the next `close`, unescaped.
fn between(text: &str, open: &str, close: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find(open) {
        rest = &rest[i + open.len()..];
        if let Some(end) = rest.find(close) {
            out.push(crate::base::escape::decode(&rest[..end]));
            rest = &rest[end..];
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(files: &[(&str, &str)]) -> BTreeMap<String, Vec<u8>> {
        files
            .iter()
            .map(|(p, t)| (p.to_string(), t.as_bytes().to_vec()))
            .collect()
    }

    #[test]
    fn finds_missing_pages_fragments_and_alternates() {
        let files = site(&[
            (
                "index.html",
                r##"<link rel="alternate" hreflang="sv" href="https://e.org/h/sv/haku/">
                <a href="/h/sv/sok/">ok</a> <a href="/h/sv/haku/">bad</a>
                <a href="#main">ok</a> <a href="#nope">bad</a> <img src="kuva.png" alt="">
                <a href="https://other.org/x">ext</a> <a href="mailto:a@b.fi">m</a>
                <main id="main"></main>"##,
            ),
            (
                "sv/sok/index.html",
                r#"<a href="../../#main">ok</a> <a href="../../../x/">bad</a>"#,
            ),
            ("kuva.png", ""),
            (
                "sitemap.xml",
                "<loc>https://e.org/h/sv/sok/</loc><loc>https://e.org/h/en/</loc>",
            ),
        ]);
        let broken: Vec<(String, String)> = broken(&files, "https://e.org/h/")
            .into_iter()
            .map(|b| (b.file, b.link))
            .collect();
        assert_eq!(
            broken,
            [
                ("index.html".into(), "https://e.org/h/sv/haku/".into()),
                ("index.html".into(), "/h/sv/haku/".into()),
                ("index.html".into(), "#nope".into()),
                ("sitemap.xml".into(), "https://e.org/h/en/".into()),
                ("sv/sok/index.html".into(), "../../../x/".into()),
            ]
        );
    }

    #[test]
    fn links_outside_the_base_path_are_broken() {
        let files = site(&[(
            "index.html",
            r#"<a href="/muu/">x</a> <a href="/h/">ok</a>"#,
        )]);
        let b = broken(&files, "https://e.org/h/");
        assert_eq!(b.len(), 1);
        assert!(b[0].reason.contains("outside"), "{b:?}");
    }
}
