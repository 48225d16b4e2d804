//! The PDF of every document, for the council's agenda: Typst markup generated from the model
//! and the pages' Markdown events (`document.rs`, `markdown.rs`, `plan.rs`, `annual.rs`,
//! `embeds.rs`), typeset by the Typst crates in a world of its own (`world.rs`: the markup,
//! images from memory, fonts embedded in the binary) into a tagged PDF/UA-1 file.
//!
//! Typst rather than a browser or hand-written PDF: it tags headings, lists, tables with their
//! header cells, figures with their alternative text, footnotes and links, marks every
//! passage in another language, writes the title, language and PDF/UA identification into the
//! metadata and refuses to write a file that breaks PDF/UA-1; and it needs no browser, so every
//! machine makes the same bytes. Author text enters the markup only escaped (`markup.rs`).
//! Problems Typst reports are placed in the author's files (`errors.rs`).

mod annual;
mod blocks;
mod document;
mod embeds;
mod errors;
mod goal_tables;
mod links;
mod markdown;
mod markup;
mod plan;
#[cfg(test)]
mod tests;
mod world;

use crate::base::diagnostics::Diagnostic;
use crate::model::content::PageId;
use crate::render::view::View;
use crate::routes::{Route, Routes};
use crate::site::Site;
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::path::Path;

/// What making the PDFs reads.
pub(crate) struct Cx<'a> {
    pub site: &'a Site,
    pub view: &'a View<'a>,
    /// Where the pages and images are read from.
    pub content_dir: &'a Path,
    by_rel: HashMap<&'a Path, PageId>,
    assets: HashSet<&'a Path>,
}

impl<'a> Cx<'a> {
    pub(crate) fn new(site: &'a Site, view: &'a View<'a>, content_dir: &'a Path) -> Cx<'a> {
        Cx {
            site,
            view,
            content_dir,
            by_rel: site
                .enumerate()
                .map(|(i, p)| (p.rel.as_path(), i))
                .collect(),
            assets: site.assets.iter().map(|a| a.as_path()).collect(),
        }
    }

    /// Page `i` read again from `content/` (the site keeps only its HTML): the file as the
    /// author knows it, its text and where its Markdown starts.
    fn read_page(&self, i: PageId) -> Result<document::PageText, Diagnostic> {
        let rel = &self.site[i].rel;
        let shown = Path::new("content").join(rel);
        let bytes = std::fs::read(self.content_dir.join(rel)).map_err(|e| {
            Diagnostic::file_error(
                &shown,
                crate::msg!(
                    "could not read the page again for its PDF: {e}",
                    e = e.to_string()
                ),
            )
        })?;
        let text = crate::base::locate::utf8(&shown, bytes)?;
        let text = text
            .strip_prefix('\u{feff}')
            .map_or(text.clone(), str::to_string);
        let body = crate::model::content::frontmatter::split(&text)
            .map(|s| s.body_offset)
            .unwrap_or(0);
        Ok((shown, text.into(), body))
    }
}

/// One document's PDF, or what stopped it.
type Made = Result<Vec<u8>, Vec<Diagnostic>>;

/// Each document's PDF, by the document page's index.
pub(crate) type Pdfs = HashMap<PageId, Vec<u8>>;

/// Makes the PDF of every document the route table lists, in parallel; the problems of all
/// that fail.
pub(crate) fn make(cx: &Cx<'_>, routes: &Routes) -> Result<Pdfs, Vec<Diagnostic>> {
    let wanted: Vec<PageId> = routes
        .entries()
        .iter()
        .filter_map(|e| {
            if let Route::Pdf(i) = e.route {
                Some(i)
            } else {
                None
            }
        })
        .collect();
    if wanted.is_empty() {
        return Ok(Pdfs::new());
    }
    let typesetter = world::Typesetter::new();
    let made: Vec<(PageId, Made)> = wanted
        .par_iter()
        .map(|&page| (page, one(cx, &typesetter, page)))
        .collect();
    // Typst memoises what it computed; nothing of it is needed after the last document.
    typst::comemo::evict(0);
    let (mut pdfs, mut errors) = (Pdfs::new(), Vec::new());
    for (page, r) in made {
        match r {
            Ok(bytes) => {
                pdfs.insert(page, bytes);
            }
            // A chapter two languages share fails both documents: one error per cause.
            Err(e) => {
                let new: Vec<Diagnostic> = e.into_iter().filter(|d| !errors.contains(d)).collect();
                errors.extend(new);
            }
        }
    }
    if errors.is_empty() {
        Ok(pdfs)
    } else {
        Err(errors)
    }
}

/// The PDF of document page `page`.
fn one(
    cx: &Cx<'_>,
    typesetter: &world::Typesetter,
    page: PageId,
) -> Result<Vec<u8>, Vec<Diagnostic>> {
    let doc = document::write(cx, page).map_err(|d| vec![d])?;
    let meta = world::Meta {
        ident: identifier(&doc.m.out, &doc.files),
        creator: concat!("kertomus ", env!("CARGO_PKG_VERSION")),
    };
    world::typeset(typesetter, doc.m.out.clone(), &doc.files, &meta)
        .map_err(|problems| doc.map.diagnostics(&problems, &doc.m.out))
}

/// The document's identifier: a hash of everything it shows (the markup and its files), so
/// that the same content gives the same file and changed content another identifier.
fn identifier(markup: &str, files: &world::Files) -> String {
    let hash = typst::utils::hash128(&(markup, files.sorted()));
    format!("{hash:032x}")
}
