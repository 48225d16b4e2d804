//! Checks of the authors' pages: Markdown that builds but reads badly (links without text,
//! headings that skip a level, pages without a title), pages that no link or menu leads to,
//! and root-relative links (`/osio/sivu/`) that lead to nothing.

use super::{Finding, Kind};
use crate::base::diagnostics::Diagnostic;
use crate::msg;
use crate::site::Site;
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::collections::{BTreeSet, HashSet, VecDeque};
use std::path::Path;

/// Each page's file text and the offset of its Markdown body, read once for every check
/// (`None` for card prose, which is merged into cards, and for unreadable files).
pub(super) type Sources = Vec<Option<(String, usize)>>;

pub(super) fn sources(site: &Site, content: &Path) -> Sources {
    site.pages
        .iter()
        .map(|p| {
            if p.is_card_prose() {
                return None;
            }
            let text = std::fs::read_to_string(content.join(&p.rel)).ok()?;
            let body = crate::model::content::frontmatter::split(&text)
                .ok()?
                .body_offset;
            Some((text, body))
        })
        .collect()
}

fn shown(rel: &Path) -> std::path::PathBuf {
    Path::new("content").join(rel)
}

pub(super) fn markdown(site: &Site, sources: &Sources) -> Vec<Finding> {
    let mut out = Vec::new();
    for (p, source) in site.pages.iter().zip(sources) {
        let Some((text, body)) = source else {
            continue;
        };
        let body = *body;
        if p.front.title.is_none() && !p.key.is_empty() {
            out.push((
                Kind::Untitled,
                Diagnostic::at_line_col(shown(&p.rel), text, 1, 1, msg!("the page has no title"))
                    .warning()
                    .with_hint(msg!("add title: to the front matter; the page is now called \"{title}\" after its file", title = p.title)),
            ));
        }
        let opts =
            Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_HEADING_ATTRIBUTES;
        // The page title is the h1; the body's headings start from h2.
        let mut level = 1usize;
        let mut link: Option<(usize, bool)> = None;
        for (event, range) in Parser::new_ext(&text[body..], opts).into_offset_iter() {
            let at = body + range.start;
            match event {
                Event::Start(Tag::Heading { level: h, .. }) => {
                    let h = heading(h);
                    if h > level + 1 {
                        out.push((
                            Kind::SkippedHeadings,
                            Diagnostic::at_offset(
                                shown(&p.rel),
                                text,
                                at,
                                msg!(
                                    "heading level {h} follows level {level}; a level is skipped",
                                    h,
                                    level
                                ),
                            )
                            .warning()
                            .with_hint(msg!(
                                "use {level} here: screen reader users move by heading levels",
                                level = "#".repeat(level + 1)
                            )),
                        ));
                    }
                    level = h;
                }
                Event::Start(Tag::Link { .. }) => link = Some((at, false)),
                Event::Text(t) | Event::Code(t) if !t.trim().is_empty() => {
                    if let Some(l) = link.as_mut() {
                        l.1 = true;
                    }
                }
                Event::Start(Tag::Image { .. }) => {
                    // An image with alt text names the link; a missing alt is a build error.
                    if let Some(l) = link.as_mut() {
                        l.1 = true;
                    }
                }
                Event::End(TagEnd::Link) => {
                    if let Some((start, false)) = link.take() {
                        out.push((
                            Kind::EmptyLinkText,
                            Diagnostic::at_offset(shown(&p.rel), text, start, msg!("the link has no text"))
                                .warning()
                                .with_hint(msg!("write what the link leads to between the brackets: [Väestö ja elinolot](02-vaesto.md)")),
                        ));
                    }
                }
                _ => {}
            }
        }
    }
    out
}

fn heading(h: HeadingLevel) -> usize {
    match h {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// Root-relative paths (`/a/b/`) that a page's HTML links to.
fn links(html: &str) -> impl Iterator<Item = &str> {
    html.split("href=\"").skip(1).filter_map(|rest| {
        let href = &rest[..rest.find('"')?];
        href.starts_with('/').then_some(href)
    })
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
    let by_path: std::collections::HashMap<&str, usize> = site
        .pages
        .iter()
        .enumerate()
        .map(|(i, p)| (p.path.as_str(), i))
        .collect();
    let mut seen: HashSet<usize> = HashSet::new();
    let mut queue: VecDeque<usize> = VecDeque::new();
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
        let p = &site.pages[i];
        queue.extend(site.children(&p.key, &p.lang).iter().copied());
        queue.extend(site.translations(i));
        if p.is_index {
            queue.extend(site.chapters_with_fallback(i));
        }
        for href in links(&p.body) {
            if let Some(&j) = by_path.get(target(site, href)) {
                queue.push_back(j);
            }
        }
    }
    let default = site.config.default_language();
    site.pages
        .iter()
        .enumerate()
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
                    msg!("no menu, list or link leads to /{path}", path = p.path),
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
pub(super) fn root_links(site: &Site, sources: &Sources, generated: &[String]) -> Vec<Finding> {
    let mut known: BTreeSet<String> = site.pages.iter().map(|p| p.path.clone()).collect();
    known.extend(generated.iter().cloned());
    known.extend(
        site.assets
            .iter()
            .map(|a| crate::model::content::asset_url_path(a)),
    );
    let mut out = Vec::new();
    for (p, source) in site.pages.iter().zip(sources) {
        let Some((text, body)) = source else {
            continue;
        };
        let body = *body;
        for href in links(&p.body) {
            let t = target(site, href);
            let t_dir = if t.is_empty() || t.ends_with('/') || t.contains('.') {
                t.to_string()
            } else {
                format!("{t}/")
            };
            if known.contains(t) || known.contains(&t_dir) || t.is_empty() {
                continue;
            }
            // Generated links (shortcodes) are kertomus's own; only what the author wrote counts.
            let written = href
                .strip_prefix(site.config.base_path.as_str())
                .map(|h| format!("/{h}"));
            let at = written
                .as_deref()
                .and_then(|w| text[body..].find(&format!("]({w}")).map(|o| body + o + 2))
                .or_else(|| {
                    text[body..]
                        .find(&format!("]({href}"))
                        .map(|o| body + o + 2)
                });
            if let Some(at) = at {
                out.push((
                    Kind::LinksToMissing,
                    Diagnostic::at_offset(shown(&p.rel), text, at, msg!("`{href}` leads to no page or file of this site", href))
                        .warning()
                        .with_hint(msg!("link to the page's .md file with a relative path; such links are checked and follow renames")),
                ));
            }
        }
    }
    out
}
