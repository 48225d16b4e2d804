//! `kertomus import FILE`: last term's report, a Word (`.docx`) or OpenDocument (`.odt`)
//! document, as a new document folder of the site that builds at once.
//!
//! The stages, in order: `package` opens the file and tells what it is (one clear error
//! for a PDF, an old `.doc`, a password or a damaged file); `docx` or `odt` read it into
//! the `model`; `pages` cuts it into the front page and the chapters; `markdown`,
//! `tables` and `plan` write each page (plan tables become the plan's measures); `files`
//! makes the files with their front matter, and `write` puts the folder in place through a
//! staging folder. Everything is made in memory before anything is written, and the same
//! file gives the same bytes every time.

mod docx;
mod error;
mod files;
mod markdown;
mod mdtext;
mod model;
mod odt;
mod package;
mod pages;
mod plan;
mod site;
mod style;
mod tables;
mod write;
mod xml;

pub use error::ImportError;

use crate::base::messages::Msg;
use crate::msg;
use markdown::{Context, Written};
use std::path::{Path, PathBuf};

/// What to import and where.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    /// The `.docx` or `.odt` file.
    pub file: PathBuf,
    /// The site folder (holding `content/`).
    pub root: PathBuf,
    /// The folder to write; `content/<the title as a name>` when not given.
    pub into: Option<PathBuf>,
    /// Replace the folder if it exists.
    pub force: bool,
}

/// What an import wrote, and what needs a person.
#[derive(Debug)]
pub struct Outcome {
    /// The folder written, as the author knows it (`content/hyvinvointikertomus-2021-2025`).
    pub folder: PathBuf,
    /// Chapters (pages besides the front page), images, tables and footnotes written.
    pub chapters: usize,
    /// Images written.
    pub images: usize,
    /// Markdown tables written.
    pub tables: usize,
    /// Footnotes and endnotes written.
    pub footnotes: usize,
    /// Goals and measures of the plan read from plan tables.
    pub goals: usize,
    /// See `goals`.
    pub measures: usize,
    /// What was left out or changed on the way (tracked changes accepted, comments dropped…).
    pub notices: Vec<Msg>,
    /// What needs a person: the page's file and the item (also in its `todo:` list).
    pub items: Vec<(PathBuf, Msg)>,
}

/// Imports a document. Nothing is written unless everything succeeds.
pub fn import(opts: &ImportOptions) -> Result<Outcome, ImportError> {
    let site = site::SiteInfo::read(&opts.root)?;
    let (mut pkg, format) = package::open(&opts.file)?;
    let doc = match format {
        package::Format::Docx => docx::read(&mut pkg)?,
        package::Format::Odt => odt::read(&mut pkg)?,
    };
    let untitled = opts
        .file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let outline = pages::outline(&doc, &untitled);
    let (target, shown) = target(opts, &outline.title)?;
    let mut cx = Context {
        doc: &doc,
        outline: &outline,
        site: &site,
        images: markdown::Images::default(),
        plan: plan::PlanBuilder::default(),
        lost_links: 0,
    };
    let summary = markdown::write(&mut cx, &outline.summary);
    let chapters: Vec<Written> = outline
        .chapters
        .iter()
        .map(|c| markdown::write(&mut cx, c))
        .collect();
    let source = opts
        .file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let (files, outcome) = assemble(&cx, &summary, &chapters, &source, &shown);
    write::commit(&target, &files)?;
    Ok(outcome)
}

/// The folder to write and how it is shown: `--into`, else `content/<title>`; it must be a
/// new folder inside `content/` (or an existing one with `--force`).
fn target(opts: &ImportOptions, title: &str) -> Result<(PathBuf, PathBuf), ImportError> {
    let content = opts.root.join("content");
    let given = match &opts.into {
        Some(p) => p.clone(),
        None => content.join(pages::short_slug(title, "kertomus")),
    };
    let outside = || ImportError::Outside(given.clone());
    let canonical_content = content.canonicalize().map_err(|_| outside())?;
    let absolute = std::path::absolute(&given).map_err(|_| outside())?;
    // The nearest folder that exists, resolved, with the rest of the path after it.
    let existing = absolute
        .ancestors()
        .find(|a| a.exists())
        .ok_or_else(outside)?;
    let rest = absolute.strip_prefix(existing).map_err(|_| outside())?;
    if rest
        .components()
        .any(|c| !matches!(c, std::path::Component::Normal(_)))
    {
        return Err(outside());
    }
    let resolved = existing.canonicalize().map_err(|_| outside())?.join(rest);
    let rel = resolved
        .strip_prefix(&canonical_content)
        .map_err(|_| outside())?
        .to_path_buf();
    let first = rel.components().next().map(|c| c.as_os_str().to_owned());
    if rel.as_os_str().is_empty() || first.as_deref() == Some("data".as_ref()) {
        return Err(outside());
    }
    if resolved.exists() && !opts.force {
        return Err(ImportError::Exists(Path::new("content").join(&rel)));
    }
    if resolved.exists() && !resolved.is_dir() {
        return Err(outside());
    }
    Ok((resolved, Path::new("content").join(rel)))
}

/// The folder's files and the report.
fn assemble(
    cx: &Context<'_>,
    summary: &Written,
    chapters: &[Written],
    source: &str,
    shown: &Path,
) -> (Vec<(String, Vec<u8>)>, Outcome) {
    let lang = cx.site.lang;
    let has_plan = !cx.plan.focus_areas.is_empty();
    let (block, doc_items) =
        files::DocumentBlock::new(cx.outline, has_plan, cx.site.organisation.clone());
    let mut index = Written {
        body: summary.body.clone(),
        items: doc_items,
        footnotes: summary.footnotes,
        tables: summary.tables,
    };
    index.items.extend(summary.items.iter().cloned());
    let mut files = vec![(
        "index.md".to_string(),
        files::page(&cx.outline.title, None, Some(&block), &index, lang),
    )];
    let mut items: Vec<(PathBuf, Msg)> = index
        .items
        .iter()
        .map(|m| (shown.join("index.md"), m.clone()))
        .collect();
    for (i, (w, section)) in chapters.iter().zip(&cx.outline.chapters).enumerate() {
        let name = cx.outline.files[i].clone();
        items.extend(w.items.iter().map(|m| (shown.join(&name), m.clone())));
        files.push((
            name,
            files::page(&section.title, Some((i + 1) * 10), None, w, lang),
        ));
    }
    for (part, file) in &cx.images.files {
        if let Some(bytes) = cx.doc.media.get(part) {
            files.push((file.clone(), bytes.clone()));
        }
    }
    if has_plan {
        files.push((
            "plan.yaml".to_string(),
            files::plan_yaml(&cx.plan, source, lang),
        ));
        files.push((plan::CSV.to_string(), files::plan_csv(&cx.plan)));
    }
    let outcome = Outcome {
        folder: shown.to_path_buf(),
        chapters: chapters.len(),
        images: cx.images.files.len(),
        tables: summary.tables + chapters.iter().map(|w| w.tables).sum::<usize>(),
        footnotes: summary.footnotes + chapters.iter().map(|w| w.footnotes).sum::<usize>(),
        goals: cx.plan.focus_areas.iter().map(|f| f.goals.len()).sum(),
        measures: cx.plan.rows.len(),
        notices: notices(&cx.doc.dropped, cx.lost_links),
        items,
    };
    (files, outcome)
}

/// What was left out or changed, one line each.
fn notices(d: &model::Dropped, lost_links: usize) -> Vec<Msg> {
    let counts = [
        (d.tracked_changes, msg!("{n} tracked {n|change was|changes were} accepted", n = d.tracked_changes)),
        (d.comments, msg!("{n} {n|comment was|comments were} left out", n = d.comments)),
        (d.fields, msg!("{n} {n|field|fields} (a table of contents, page numbers) left out", n = d.fields)),
        (d.headers_footers, msg!("{n} {n|header or footer|headers and footers} left out", n = d.headers_footers)),
        (d.breaks, msg!("{n} page and section {n|break|breaks} left out", n = d.breaks)),
        (d.empty_paragraphs, msg!("{n} empty {n|paragraph|paragraphs} left out", n = d.empty_paragraphs)),
        (d.decorative_images, msg!("{n} {n|image|images} marked as decoration left out", n = d.decorative_images)),
        (d.text_boxes, msg!("{n} {n|text box was|text boxes were} written as paragraphs where {n|it|they} stood", n = d.text_boxes)),
        (d.equations, msg!("{n} {n|equation was|equations were} written as plain text", n = d.equations)),
        (d.local_links, msg!("{n} {n|link|links} to files on a computer kept as text", n = d.local_links)),
        (lost_links, msg!("{n} {n|link|links} to places not in the document kept as text", n = lost_links)),
    ];
    counts
        .into_iter()
        .filter(|(n, _)| *n > 0)
        .map(|(_, m)| m)
        .collect()
}
