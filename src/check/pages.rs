//! Checks of the authors' pages: Markdown that builds but reads badly (links without text,
//! headings that skip a level, pages without a title), pages that no link or menu leads to,
//! and root-relative links (`/osio/sivu/`) that lead to nothing.

use super::{Finding, Kind};
use crate::base::diagnostics::Diagnostic;
use crate::markdown::{Noted, Remark};
use crate::model::content::PageId;
use crate::model::content::{self, SourcePage};
use crate::msg;
use crate::site::Site;
use std::collections::{BTreeSet, HashSet, VecDeque};
use std::path::Path;

fn shown(rel: &Path) -> std::path::PathBuf {
    Path::new("content").join(rel)
}

/// Pages without a title, at the top of their file, from the pages as the build parsed them.
pub(super) fn untitled(sources: &[SourcePage]) -> Vec<Finding> {
    sources
        .iter()
        .filter(|s| s.front.title.is_none() && !s.key.is_empty())
        .filter(|s| !content::is_card_prose(&s.rel, s.is_index))
        .map(|s| {
            let title = crate::site::fallback_title(s);
            (
                Kind::Untitled,
                Diagnostic::at_line_col(s.shown(), &s.text, 1, 1, msg!("the page has no title"))
                    .warning()
                    .with_hint(msg!("add title: to the front matter; the page is now called \"{title}\" after its file", title)),
            )
        })
        .collect()
}

/// What the build's Markdown stage noticed in the pages' bodies: skipped heading levels and
/// links without text (root-relative links are [`root_links`]'s).
pub(super) fn markdown(site: &Site) -> Vec<Finding> {
    bodies(site)
        .filter_map(|n| match n.remark {
            Remark::SkippedHeading => Some((Kind::SkippedHeadings, n.warning.clone())),
            Remark::EmptyLinkText => Some((Kind::EmptyLinkText, n.warning.clone())),
            Remark::RootLink { .. } => None,
        })
        .collect()
}

/// Each authors' page's remarks (card prose is merged into cards, and checked there).
fn bodies(site: &Site) -> impl Iterator<Item = &Noted> {
    site.pages
        .iter()
        .filter(|p| !p.is_card_prose())
        .flat_map(|p| &p.remarks)
}

/// Root-relative paths (`/a/b/`) that a page's HTML links to (shortcodes' links included,
/// which the Markdown loop does not see).
fn links(html: &str) -> Vec<String> {
    let mut links = crate::html::links::links(html.as_bytes()).links;
    links.retain(|l| l.starts_with('/'));
    links
}

/// The site-relative path a root-relative href leads to, without `#anchor` or `?query`.
fn target<'a>(site: &Site, href: &'a str) -> &'a str {
    let href = href.split(['#', '?']).next().unwrap_or(href);
    href.strip_prefix(site.config.base_path.as_str())
        .unwrap_or(href.trim_start_matches('/'))
}

/// Pages no menu, list or link leads to, starting from the front pages. A translation counts
/// as reachable when its default-language page is (the language switcher leads to it).
pub(super) fn reachability(site: &Site) -> Vec<Finding> {
    let by_path: std::collections::HashMap<&str, PageId> = site
        .enumerate()
        .map(|(i, p)| (p.path.as_str(), i))
        .collect();
    let mut seen: HashSet<PageId> = HashSet::new();
    let mut queue: VecDeque<PageId> = VecDeque::new();
    for lang in &site.config.languages {
        if let Some(f) = site.find("", lang) {
            queue.push_back(f);
        }
        // The top menu: the front page's children in every language.
        queue.extend(site.children("", lang).iter().copied());
    }
    while let Some(i) = queue.pop_front() {
        if !seen.insert(i) {
            continue;
        }
        let p = &site[i];
        queue.extend(site.children(&p.key, &p.lang).iter().copied());
        queue.extend(site.translations(i));
        if p.is_index {
            queue.extend(site.chapters_with_fallback(i));
        }
        for href in links(&p.body) {
            if let Some(&j) = by_path.get(target(site, &href)) {
                queue.push_back(j);
            }
        }
    }
    let default = site.config.default_language();
    site.enumerate()
        .filter(|(i, p)| !seen.contains(i) && !p.is_card_prose())
        .filter(|(_, p)| {
            p.lang == default
                || site
                    .find(&p.key, default)
                    .is_none_or(|d| !seen.contains(&d))
        })
        .map(|(_, p)| {
            (
                Kind::Unreachable,
                Diagnostic::file_error(
                    shown(&p.rel),
                    msg!(
                        "no menu, list or link leads to /{path}",
                        path = p.path.as_str()
                    ),
                )
                .warning()
                .with_hint(msg!(
                    "add an index.md to its folder, or link to it from another page"
                )),
            )
        })
        .collect()
}

/// Root-relative links written by authors that lead to no page or file of the site.
pub(super) fn root_links(site: &Site, generated: &[String]) -> Vec<Finding> {
    let mut known: BTreeSet<String> = site
        .pages
        .iter()
        .map(|p| p.path.as_str().to_string())
        .collect();
    known.extend(generated.iter().cloned());
    known.extend(
        site.assets
            .iter()
            .map(|a| crate::address::content::asset(a)),
    );
    let mut out = Vec::new();
    for n in bodies(site) {
        let Remark::RootLink { href } = &n.remark else {
            continue;
        };
        let t = target(site, href);
        let t_dir = if t.is_empty() || t.ends_with('/') || t.contains('.') {
            t.to_string()
        } else {
            format!("{t}/")
        };
        if !(known.contains(t) || known.contains(&t_dir) || t.is_empty()) {
            out.push((Kind::LinksToMissing, n.warning.clone()));
        }
    }
    out
}
