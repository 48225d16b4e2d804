//! Writing the site: every page and file rendered into a sink, the staged replacement of the
//! output folder, the partial rewrite for `serve` and the in-memory render for `check`.

use super::{Stage, Timings};
use crate::base::error::Error;
use crate::model::data::SiteData;
use crate::model::indicators;
use crate::output::search::IndexStats;
use crate::output::{feeds, Memory, Sink, Staging};
use crate::render;
use crate::routes::{self, Route, Routes};
use rayon::prelude::*;
use std::path::Path;

/// `serve`, when nothing but page bodies changed since the last build written to `output`:
/// only the pages that show those bodies are rendered, and written where their bytes changed.
pub(super) fn rewrite_pages(
    input: render::Input<'_>,
    output: &Path,
    pages: &[crate::model::content::PageId],
) -> Result<usize, Error> {
    let rendered = render::render_partial(input, pages)?;
    crate::output::write_changed(output, &rendered)
}

/// Where a build reads its authors' files from and writes the site to.
#[derive(Clone, Copy)]
pub(super) struct Place<'a> {
    pub content_dir: &'a Path,
    /// The output folder, which still holds the previous build while this one is staged.
    pub output: &'a Path,
}

/// What a build wrote: pages, other files, and how the search index came about.
pub(super) type Written = (usize, usize, Option<IndexStats>);

/// The whole site into a staging folder that replaces `output` once everything is written;
/// with `search` (pages per shard), the index too, reusing the previous output's unchanged
/// shards.
pub(super) fn write_site(
    input: render::Input<'_>,
    place: Place<'_>,
    search: Option<usize>,
    timings: &mut Timings,
) -> Result<Written, Error> {
    let staging = Staging::new(place.output)?;
    let search = search.map(|shard_pages| (Some(place.output), shard_pages));
    let written = render_and_write(input, place.content_dir, &staging, search, timings)?;
    staging.commit()?;
    timings.lap(Stage::Write);
    Ok(written)
}

/// Renders every page into `out`, then writes the other files; with `search` (the previous
/// output, pages per shard), the index is built from the pages as they rendered.
pub(super) fn render_and_write(
    input: render::Input<'_>,
    content_dir: &Path,
    out: &dyn Sink,
    search: Option<(Option<&Path>, usize)>,
    timings: &mut Timings,
) -> Result<Written, Error> {
    let indexer = search.map(|_| crate::output::search::Indexer::start());
    let sender = indexer.as_ref().map(|i| i.sender());
    let pages = render::render_all(input, out, sender.as_ref())?;
    let mut files = write_files(input, content_dir, out)?;
    files += write_open_data(out, input)?;
    files += write_pdfs(input, out)?;
    timings.lap(Stage::Render);
    let mut stats = None;
    if let (Some(indexer), Some((previous, shard_pages))) = (indexer, search) {
        drop(sender);
        let (bundle, s) = indexer.finish(previous, shard_pages)?;
        for (rel, bytes) in bundle {
            out.write(&format!("pagefind/{rel}"), &bytes)?;
            files += 1;
        }
        stats = Some(s);
        timings.lap(Stage::Search);
    }
    Ok((pages, files, stats))
}

/// `check`: the whole site rendered into memory (without the search index), then every link
/// in it checked against what it holds.
pub(super) fn check_output_in_memory(
    input: render::Input<'_>,
    content_dir: &Path,
    external: bool,
) -> Result<Vec<crate::check::Finding>, Error> {
    let memory = Memory::default();
    render_and_write(input, content_dir, &memory, None, &mut Timings::start())?;
    let files = memory.into_files();
    let mut findings = crate::check::after_assembly(
        input.site,
        input.view.model,
        input.routes,
        content_dir,
        external,
    );
    findings.extend(crate::check::output_links(&files, &input.site.config));
    Ok(findings)
}

/// Each document's PDF, where the route table puts it.
fn write_pdfs(input: render::Input<'_>, out: &dyn Sink) -> Result<usize, Error> {
    let mut written = 0;
    for e in input.routes.entries() {
        if let Route::Pdf(i) = e.route {
            if let Some(bytes) = input.pdfs.get(&i) {
                out.write(e.path.as_str(), bytes)?;
                written += 1;
            }
        }
    }
    Ok(written)
}

/// The open data downloads under `/data/`: indicator values and metadata, measures and plans,
/// the documents with their PDFs.
pub(super) fn write_open_data(out: &dyn Sink, input: render::Input<'_>) -> Result<usize, Error> {
    let (data, routes): (&SiteData<'_>, &Routes) = (input.view.model, input.routes);
    let mut written = 0;
    for e in routes.entries() {
        let Route::OpenData(name) = e.route else {
            continue;
        };
        let text = match name {
            routes::DATA_INDICATORS_CSV => {
                indicators::export::values_csv(data.indicators, data.register)
            }
            routes::DATA_INDICATORS_JSON => {
                indicators::export::metadata_json(data.indicators, |id| {
                    routes.addresses.indicator_csv(id).as_str().to_string()
                })
            }
            routes::DATA_MEASURES_CSV => crate::output::opendata::measures_csv(data),
            routes::DATA_DOCUMENTS_JSON => {
                crate::output::opendata::documents_json(input.site, routes, input.pdfs)
            }
            _ => crate::output::opendata::plan_json(data, &routes.addresses),
        };
        out.write(e.path.as_str(), text.as_bytes())?;
        written += 1;
    }
    Ok(written)
}

/// Theme static files, the authors' files beside their pages, sitemap, robots.txt, feeds.
pub(super) fn write_files(
    input: render::Input<'_>,
    content_dir: &Path,
    out: &dyn Sink,
) -> Result<usize, Error> {
    let (site, theme, routes) = (input.site, input.theme, input.routes);
    for (rel, bytes) in &theme.statics {
        out.write(rel, bytes)?;
    }
    site.assets.par_iter().try_for_each(|rel| {
        out.copy(&content_dir.join(rel), &crate::address::content::asset(rel))
    })?;
    let sitemaps = feeds::sitemaps(site, routes);
    for (path, text) in &sitemaps {
        out.write(path.as_str(), text.as_bytes())?;
    }
    out.write("robots.txt", feeds::robots(&routes.addresses).as_bytes())?;
    let default = site.config.default_language();
    for lang in &site.config.languages {
        let title = site.config.title.get(lang, default).text;
        out.write(
            routes.addresses.feed(lang).as_str(),
            feeds::atom(site, lang, &title, &routes.addresses).as_bytes(),
        )?;
    }
    Ok(theme.statics.len() + site.assets.len() + sitemaps.len() + 1 + site.config.languages.len())
}
