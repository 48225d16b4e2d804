//! Assembling the site from its source pages (each at an address of its own, which
//! `routes::clashes` saw to): Markdown bodies (through a body store, so `serve` can reuse
//! unchanged ones), pages, children, document checks.

use super::{Links, Page, Site};
use crate::address::Addresses;
use crate::base::diagnostics::Diagnostic;
use crate::markdown;
use crate::model::config::Config;
use crate::model::content::{PageId, SourcePage};
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Markdown bodies rendered by earlier builds, by page file and text. `serve` keeps them
/// between builds (`cache.rs`); this trait lets the site reuse them without knowing the cache.
pub(crate) trait BodyStore: Sync {
    /// The body rendered earlier from exactly `text`, if kept.
    fn get(&self, rel: &Path, text: &Arc<str>) -> Option<&markdown::Output>;
    /// Keeps the body rendered from `text`.
    fn put(&mut self, rel: &Path, text: Arc<str>, out: &markdown::Output);
}

/// What rendering Markdown needs besides the pages: shortcodes, the few words Markdown output
/// contains, and (in serve) the bodies rendered by earlier builds.
pub(crate) struct MarkdownEnv<'a, 'r> {
    /// The address formulas, for the pages' own addresses.
    pub addresses: &'a Addresses,
    pub shortcodes: &'a markdown::shortcodes::Registry<'r>,
    pub labels: &'a BTreeMap<String, markdown::Labels>,
    pub bodies: Option<&'a mut dyn BodyStore>,
}

/// Builds the site from its pages, in file order and each at an address of its own (as
/// `routes::clashes` left them): renders Markdown in parallel,
/// relative links resolved by `links`, and checks the links between pages. Problems are
/// pushed to `diags`.
pub(crate) fn assemble(
    config: Config,
    mut sources: Vec<SourcePage>,
    assets: Vec<PathBuf>,
    links: &Links<'_>,
    markdown_env: MarkdownEnv<'_, '_>,
    diags: &mut Vec<Diagnostic>,
) -> Site {
    let addresses = markdown_env.addresses;
    let rendered = render_bodies(&config, &mut sources, links, markdown_env);
    let pages = pages(sources, rendered, addresses, diags);
    let children = children(&pages);
    Site {
        config,
        pages,
        assets,
        by_key: links.by_key.clone(),
        children,
    }
}

/// Every page's Markdown as HTML, in parallel; bodies an earlier build rendered from the same
/// text and surroundings are reused, and the new ones kept for the next build. Each page's
/// text is dropped once its body is made (nothing later reads it), so the site's Markdown and
/// its HTML are not held in memory at once.
pub(super) fn render_bodies(
    config: &Config,
    sources: &mut [SourcePage],
    links: &Links<'_>,
    markdown_env: MarkdownEnv<'_, '_>,
) -> Vec<markdown::Output> {
    let MarkdownEnv {
        shortcodes,
        addresses: _,
        labels,
        bodies,
    } = markdown_env;
    let texts: Vec<Arc<str>> = sources
        .iter_mut()
        .map(|s| std::mem::take(&mut s.text))
        .collect();
    let sources: &[SourcePage] = sources;
    let prior = bodies.as_deref();
    let keep = prior.is_some();
    // Each body with its text when the store is to keep it (not when it came from there).
    let rendered: Vec<(Option<Arc<str>>, markdown::Output)> = texts
        .into_par_iter()
        .zip(sources.par_iter())
        .map(|(text, s)| {
            if let Some(out) = prior.and_then(|b| b.get(&s.rel, &text)) {
                return (None, out.clone());
            }
            let shown = s.shown();
            let input = markdown::Input {
                text: &text,
                body_offset: s.body_offset,
                shown: &shown,
                dir: s.dir(),
                lang: &s.lang,
                page_path: &s.path,
            };
            let env = markdown::Env {
                raw_html: config.raw_html,
                resolver: links,
                shortcodes,
                labels: &labels[&s.lang],
            };
            let out = markdown::render(&input, &env);
            (keep.then_some(text), out)
        })
        .collect();
    if let Some(b) = bodies {
        for (s, (text, out)) in sources.iter().zip(&rendered) {
            if let Some(text) = text {
                b.put(&s.rel, text.clone(), out);
            }
        }
    }
    rendered.into_iter().map(|(_, out)| out).collect()
}

/// The pages with their bodies; links to `#anchors` of other pages are checked once every
/// page's ids are known.
pub(super) fn pages(
    sources: Vec<SourcePage>,
    rendered: Vec<markdown::Output>,
    addresses: &Addresses,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Page> {
    let mut pages = Vec::with_capacity(sources.len());
    let mut anchor_refs = Vec::new();
    for (s, mut out) in sources.into_iter().zip(rendered) {
        diags.append(&mut out.diagnostics);
        anchor_refs.append(&mut out.anchor_refs);
        let parent_key = s.parent_key();
        let title = s.front.title.clone().unwrap_or_else(|| fallback_title(&s));
        pages.push(Page {
            title,
            body: out.html,
            headings: out.headings,
            ids: out.ids,
            shortcodes: out.shortcodes,
            remarks: out.remarks,
            parent_key,
            rel: s.rel,
            lang: s.lang,
            key: s.key,
            is_index: s.is_index,
            path: addresses.content_page(&s.path),
            front: s.front,
        });
    }
    for r in anchor_refs {
        if !pages[r.page.index()].ids.contains(&r.anchor) {
            diags.push(r.missing);
        }
    }
    pages
}

/// Each page's children by (parent key, language), in `weight`-then-name order. Card prose is
/// merged into the cards, so it is nobody's child.
pub(super) fn children(pages: &[Page]) -> HashMap<(String, String), Vec<PageId>> {
    let mut children: HashMap<(String, String), Vec<PageId>> = HashMap::new();
    for (i, p) in pages.iter().enumerate() {
        if let (Some(parent), false) = (&p.parent_key, p.is_card_prose()) {
            children
                .entry((parent.clone(), p.lang.clone()))
                .or_default()
                .push(PageId::nth(i));
        }
    }
    for list in children.values_mut() {
        list.sort_by(|&a, &b| order_key(&pages[a.index()]).cmp(&order_key(&pages[b.index()])));
    }
    children
}

/// Reading order among siblings: by `weight` (pages with one first), then by file name.
pub(super) fn order_key(p: &Page) -> (bool, i64, &Path) {
    (
        p.front.weight.is_none(),
        p.front.weight.unwrap_or(0),
        p.rel.as_path(),
    )
}

/// A page without `title:` is named after its file (`01-tausta` → `01 tausta`).
pub(crate) fn fallback_title(s: &SourcePage) -> String {
    let name = if s.is_index {
        s.dir()
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    } else {
        s.key.rsplit('/').next().unwrap_or_default().to_string()
    };
    let name = name.replace(['-', '_'], " ");
    if name.trim().is_empty() {
        // The front page has no file name to go by: its name in the page's language.
        let lang =
            crate::base::messages::Lang::parse(&s.lang).unwrap_or(crate::base::messages::Lang::Fi);
        crate::msg!("Front page").render(lang)
    } else {
        name
    }
}
