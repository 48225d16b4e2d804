//! Rendering: every HTML page the route table lists (content pages, printable documents,
//! fallback front pages, the 404 page, redirect stubs and the generated pages) through the
//! theme's tera templates, in parallel (rayon), written into the staging folder.

pub(crate) mod cards;
pub(crate) mod charts;
pub(crate) mod context;
pub(crate) mod cooperation;
pub(crate) mod frame;
mod generated;
pub(crate) mod html;
pub(crate) mod indicators;
mod pages;
pub(crate) mod plan;
pub(crate) mod shortcodes;
pub(crate) mod statement;
pub(crate) mod surveys;
pub(crate) mod theme;
pub(crate) mod view;

use crate::base::error::Error;
use crate::model::content::PageId;
use crate::output::Sink;
use crate::routes::{Entry, Route, Routes};
use crate::site::Site;
use rayon::prelude::*;
use tera::Context;
use theme::Theme;
use view::View;

/// What a render stage reads: the assembled site, the theme, the data's views and the route
/// table.
#[derive(Clone, Copy)]
pub(crate) struct Input<'a> {
    /// The assembled site.
    pub site: &'a Site,
    /// Templates and strings.
    pub theme: &'a Theme,
    /// Data, strings and addresses for the views.
    pub view: &'a View<'a>,
    /// Every address of the build.
    pub routes: &'a Routes,
    /// What the frame of every page in a language shares.
    pub frame: &'a frame::Shared,
    /// Each document's PDF, by the document page's index (none when the build makes no
    /// PDFs); the route table says where each goes.
    pub pdfs: &'a std::collections::HashMap<PageId, Vec<u8>>,
}

/// Renders and writes every page of the route table; returns how many were written. Pages
/// marked for search are sent to `search` as they are rendered.
pub(crate) fn render_all(
    input: Input<'_>,
    out: &dyn Sink,
    search: Option<&std::sync::mpsc::Sender<crate::output::search::Record>>,
) -> Result<usize, Error> {
    let written = input
        .routes
        .entries()
        .par_iter()
        .map(|e| {
            let Some(text) = render_entry(input, e)? else {
                return Ok(0);
            };
            if let (Some(tx), true, Some(lang)) = (search, e.search, e.lang.as_deref()) {
                let html = String::from_utf8_lossy(&text);
                if let Some(record) = crate::output::search::record(&e.path.href(), lang, &html) {
                    // The indexer outlives rendering; a send fails only if it stopped, and
                    // `finish` reports that.
                    let _ = tx.send(record);
                }
            }
            out.write(&e.file(), &text)?;
            Ok(1)
        })
        .collect::<Result<Vec<usize>, Error>>()?;
    Ok(written.iter().sum())
}

/// Renders only what shows the bodies of `pages`: the pages themselves, the printable pages of
/// documents that include them (also through a translation's fallback), and the fallback front
/// pages when the front page changed. For `serve`, when nothing but page bodies changed.
pub(crate) fn render_partial(
    input: Input<'_>,
    pages: &[PageId],
) -> Result<Vec<(String, Vec<u8>)>, Error> {
    let site = input.site;
    let front_changed = pages.iter().any(|&i| site[i].key.is_empty());
    let affected = |e: &Entry| match e.route {
        Route::Page(i) => pages.contains(&i),
        Route::Print(d) => {
            let chapters = site.chapters_with_fallback(d);
            pages.iter().any(|i| *i == d || chapters.contains(i))
        }
        Route::FallbackFront => front_changed,
        // Generated pages and files show no page's body.
        Route::Pdf(_)
        | Route::NotFound
        | Route::Alias { .. }
        | Route::IndicatorCsv(_)
        | Route::Generated(_)
        | Route::Feed
        | Route::Sitemap
        | Route::Robots
        | Route::OpenData(_)
        | Route::Pagefind
        | Route::Static => false,
    };
    let entries: Vec<&Entry> = input
        .routes
        .entries()
        .iter()
        .filter(|e| affected(e))
        .collect();
    let rendered = entries
        .par_iter()
        .map(|e| Ok(render_entry(input, e)?.map(|text| (e.file(), text))))
        .collect::<Result<Vec<_>, Error>>()?;
    Ok(rendered.into_iter().flatten().collect())
}

/// The text of one entry, or `None` for files that other stages write (feeds, data, statics).
fn render_entry(input: Input<'_>, e: &Entry) -> Result<Option<Vec<u8>>, Error> {
    let lang = e
        .lang
        .as_deref()
        .unwrap_or(input.site.config.default_language());
    let text = match &e.route {
        Route::Page(i) => pages::content(input, e, *i)?,
        Route::Print(i) => pages::print(input, e, *i)?,
        Route::FallbackFront => pages::fallback_front(input, e, lang)?,
        Route::NotFound => pages::not_found(input, e, lang)?,
        Route::Alias { page, .. } => pages::alias(input, e, *page)?,
        Route::IndicatorCsv(i) => {
            let indicator = i.of(&input.view.model.indicators.list);
            let indicator =
                indicator.ok_or_else(|| Error::Template(format!("internal: no {i:?}")))?;
            indicators::shown_csv(input.view, indicator).into_bytes()
        }
        Route::Feed
        | Route::Sitemap
        | Route::Robots
        | Route::OpenData(_)
        | Route::Pdf(_)
        | Route::Pagefind
        | Route::Static => return Ok(None),
        Route::Generated(page) => generated::render(input, e, page, lang)?,
    };
    Ok(Some(text))
}

/// A page's HTML as bytes: they go to the file as they are, without the check that they are
/// UTF-8 (they are, being written from strings) that a `String` would cost on every page.
fn render(theme: &Theme, template: &str, ctx: &Context) -> Result<Vec<u8>, Error> {
    let mut out = Vec::with_capacity(32 * 1024);
    theme
        .tera
        .render_to(template, ctx, &mut out)
        .map_err(|e| Error::Template(format!("while rendering {template}:\n{e}")))?;
    Ok(crate::html::label_cells(out))
}
