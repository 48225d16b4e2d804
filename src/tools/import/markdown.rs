//! One page of the document as Markdown in the site's own dialect: headings, paragraphs with
//! bold and italic, links (bookmarks become links to the chapter and heading), nested lists,
//! block quotes, footnotes, images with their alternative text, tables. Every text is
//! escaped so that the author's words never become Markdown, raw HTML or a shortcode.
//!
//! What needs a person is gathered as messages for the page's `todo:` list: an image without
//! alternative text (it gets a marked placeholder, so the page builds), a paragraph that looks
//! like a heading, merged table cells and the like.

use super::mdtext::{emphasised, escape, escape_line_start, tidy, url_escape};
use super::model::{Block, Doc, Inline, Missing, Target};
use super::pages::{Outline, Section};
use super::plan::PlanBuilder;
use super::site::SiteInfo;
use crate::base::messages::Msg;
use crate::msg;
use std::collections::BTreeMap;

/// What all pages of one import share.
pub(crate) struct Context<'a> {
    pub doc: &'a Doc,
    pub outline: &'a Outline,
    pub site: &'a SiteInfo,
    pub images: Images,
    pub plan: PlanBuilder,
    /// Links to bookmarks that are not in the document, written as text.
    pub lost_links: usize,
}

/// The images written so far: part name → file name beside the pages.
#[derive(Debug, Default)]
pub(crate) struct Images {
    pub files: BTreeMap<String, String>,
}

/// Formats a browser shows.
const SHOWN: &[&str] = &["png", "jpg", "jpeg", "gif", "webp"];

impl Images {
    /// The file an image part is written to (`kuva-2.png` for image 2: the document's own
    /// part names are Word's `image2.png` or LibreOffice's long hashes); the format instead
    /// when browsers do not show it (EMF, WMF, TIFF).
    fn file(&mut self, part: &str, number: usize) -> Result<String, String> {
        if let Some(f) = self.files.get(part) {
            return Ok(f.clone());
        }
        let ext = part
            .rsplit_once('.')
            .map(|(_, e)| e.to_lowercase())
            .unwrap_or_default();
        if !SHOWN.contains(&ext.as_str()) {
            return Err(ext.to_uppercase());
        }
        let file = format!("kuva-{number}.{ext}");
        self.files.insert(part.to_string(), file.clone());
        Ok(file)
    }
}

/// A page written: its Markdown body and what needs a person on it.
pub(crate) struct Written {
    pub body: String,
    pub items: Vec<Msg>,
    pub footnotes: usize,
    pub tables: usize,
}

/// How text is written where it stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    Paragraph,
    Heading,
    Cell,
    /// A cell of a table's header row: bold as the header already is.
    HeaderCell,
}

/// The writer of one page.
pub(crate) struct Page<'c, 'a> {
    pub(crate) cx: &'c mut Context<'a>,
    /// Notes referred to on this page, in order: their labels are 1, 2, …
    notes: Vec<usize>,
    pub(crate) items: Vec<Msg>,
    out: String,
    /// The text of the last heading above (a plan table's focus area is named after it).
    pub(crate) heading: String,
    pub(crate) tables: usize,
}

/// Writes page `page` (0 the front page) of the outline.
pub(crate) fn write(cx: &mut Context<'_>, section: &Section) -> Written {
    let heading = section.title.clone();
    let mut p = Page {
        cx,
        notes: Vec::new(),
        items: Vec::new(),
        out: String::new(),
        heading,
        tables: 0,
    };
    p.blocks(section);
    p.note_definitions();
    Written {
        body: p.out,
        items: p.items,
        footnotes: p.notes.len(),
        tables: p.tables,
    }
}

impl Page<'_, '_> {
    /// Adds a block, a blank line apart from the one before.
    pub(crate) fn block(&mut self, text: &str) {
        if !self.out.is_empty() {
            self.out.push('\n');
        }
        self.out.push_str(text.trim_end());
        self.out.push('\n');
    }

    fn blocks(&mut self, section: &Section) {
        let blocks = &section.blocks;
        let mut i = 0;
        while i < blocks.len() {
            match &blocks[i] {
                Block::Item { .. } => {
                    let end = (i..blocks.len())
                        .find(|&j| !matches!(blocks[j], Block::Item { .. }))
                        .unwrap_or(blocks.len());
                    self.list(&blocks[i..end]);
                    i = end;
                    continue;
                }
                Block::Heading { level, text, .. } => {
                    let mut line = "#".repeat(usize::from(*level)) + " ";
                    line.push_str(&self.inline(text, Mode::Heading));
                    if let Some(id) = section.ids.get(&i) {
                        line.push_str(&format!(" {{#{id}}}"));
                    }
                    self.heading = Inline::plain(text);
                    self.block(&line);
                }
                Block::Paragraph { text, quote, .. } => {
                    if looks_like_heading(text, blocks.get(i + 1)) {
                        let words = super::pages::clean(&Inline::plain(text));
                        self.items.push(msg!("the paragraph \"{words}\" is all bold and looks like a heading: if it is one, make it a heading (##)", words));
                    }
                    let md = self.inline(text, Mode::Paragraph);
                    if *quote {
                        let quoted: Vec<String> = md.lines().map(|l| format!("> {l}")).collect();
                        self.block(&quoted.join("\n"));
                    } else {
                        self.block(&md);
                    }
                }
                Block::Title(text) => {
                    let md = self.inline(text, Mode::Paragraph);
                    self.block(&md);
                }
                Block::Table(t) => self.table(t),
                Block::Missing(m) => self.items.push(missing(m)),
            }
            i += 1;
        }
    }

    /// Consecutive list items as nested Markdown lists.
    fn list(&mut self, items: &[Block]) {
        // The content column of each open level, and the number of its next item.
        let mut open: Vec<(usize, usize)> = Vec::new();
        let mut lines = Vec::new();
        for b in items {
            let Block::Item {
                level,
                ordered,
                text,
                ..
            } = b
            else {
                continue;
            };
            let level = (*level).min(open.len());
            open.truncate(level + 1);
            let indent = if level == 0 { 0 } else { open[level - 1].0 };
            let number = match open.get(level) {
                Some(&(_, n)) => n,
                None => 1,
            };
            let marker = if *ordered {
                format!("{number}.")
            } else {
                "-".to_string()
            };
            let column = indent + marker.len() + 1;
            if open.len() > level {
                open[level] = (column, number + 1);
            } else {
                open.push((column, number + 1));
            }
            let md = self.inline(text, Mode::Paragraph);
            let mut item = format!("{}{marker} ", " ".repeat(indent));
            let pad = " ".repeat(column);
            for (k, line) in md.lines().enumerate() {
                if k > 0 {
                    item.push('\n');
                    item.push_str(&pad);
                }
                item.push_str(line);
            }
            lines.push(item);
        }
        self.block(&lines.join("\n"));
    }

    /// Inline content as Markdown.
    pub(crate) fn inline(&mut self, items: &[Inline], mode: Mode) -> String {
        let mut out = String::new();
        for (k, item) in items.iter().enumerate() {
            match item {
                Inline::Text { text, bold, italic } => {
                    let next = items.get(k + 1).and_then(first_char);
                    let strong = *bold && !matches!(mode, Mode::Heading | Mode::HeaderCell);
                    emphasised(&mut out, &tidy(text), strong, *italic, next);
                }
                Inline::Link { target, text } => {
                    // A link inside a link (a table of contents' page number) is its text.
                    let flat: Vec<Inline> = text.iter().flat_map(unlinked).collect();
                    let inner = self.inline(&flat, mode);
                    match self.href(target) {
                        Some(href) => out.push_str(&format!("[{inner}]({href})")),
                        None => out.push_str(&inner),
                    }
                }
                Inline::Note(i) => {
                    self.notes.push(*i);
                    out.push_str(&format!("[^{}]", self.notes.len()));
                }
                Inline::Image(img) => out.push_str(&self.image(img)),
                Inline::Break => out.push_str(match mode {
                    Mode::Paragraph => "\\\n",
                    Mode::Heading => " ",
                    Mode::Cell | Mode::HeaderCell if self.cx.site.raw_html => "<br>",
                    Mode::Cell | Mode::HeaderCell => " ",
                }),
            }
        }
        let lines: Vec<String> = out
            .trim()
            .lines()
            .map(|l| escape_line_start(&single_spaces(l.trim())))
            .collect();
        lines.join("\n")
    }

    fn href(&mut self, target: &Target) -> Option<String> {
        match target {
            Target::External(url) => Some(url_escape(url.trim())),
            Target::Bookmark(name) => match self.cx.outline.links.get(name) {
                Some((page, id)) => {
                    let file = self.cx.outline.file(*page);
                    Some(match id {
                        Some(id) => format!("{file}#{id}"),
                        None => file.to_string(),
                    })
                }
                None => {
                    self.cx.lost_links += 1;
                    None
                }
            },
        }
    }

    fn image(&mut self, img: &super::model::Image) -> String {
        let source = img.part.trim_start_matches("word/").to_string();
        let n = img.number;
        if !self.cx.doc.media.contains_key(&img.part) {
            self.items.push(msg!("image {n} ({source}): the document does not hold the image itself (it is linked to a file elsewhere, or missing); add the image to the page with its alternative text", n, source));
            return String::new();
        }
        match self.cx.images.file(&img.part, n) {
            Err(format) => {
                self.items.push(msg!("image {n} ({source}): browsers do not show {format} images; save it as PNG or JPEG and add it to the page with its alternative text", n, source, format));
                String::new()
            }
            Ok(file) => {
                let alt = match &img.alt {
                    Some(a) => a.clone(),
                    None => {
                        let placeholder =
                            msg!("Image {n}: description missing", n).render(self.cx.site.lang);
                        self.items.push(msg!("image {n} ({source}): the image has no alternative text; write one in place of \"{placeholder}\"", n, source, placeholder = placeholder.clone()));
                        placeholder
                    }
                };
                format!("![{}]({file})", escape(&tidy(&alt)))
            }
        }
    }

    /// The footnote definitions of the page, in the order of their references.
    fn note_definitions(&mut self) {
        let notes = std::mem::take(&mut self.notes);
        let mut defs = Vec::new();
        for (label, &i) in notes.iter().enumerate() {
            let paragraphs = self.cx.doc.notes[i].paragraphs.clone();
            let texts: Vec<String> = paragraphs
                .iter()
                .map(|p| {
                    let without_notes: Vec<Inline> = p
                        .iter()
                        .filter(|i| !matches!(i, Inline::Note(_)))
                        .cloned()
                        .collect();
                    self.inline(&without_notes, Mode::Paragraph)
                })
                .filter(|t| !t.is_empty())
                .collect();
            let body = if texts.is_empty() {
                "–".to_string()
            } else {
                texts
                    .iter()
                    .map(|t| t.replace('\n', "\n    "))
                    .collect::<Vec<_>>()
                    .join("\n\n    ")
            };
            defs.push(format!("[^{}]: {body}", label + 1));
        }
        self.notes = notes;
        if !defs.is_empty() {
            self.block(&defs.join("\n"));
        }
    }
}

/// What to tell the author about a part that was not taken over.
fn missing(m: &Missing) -> Msg {
    match m {
        Missing::Chart { number, alt: Some(alt) } => msg!("chart {number} (\"{alt}\") was not imported: add it as an image with alternative text, or draw it from data with the indicator shortcode", number = *number, alt = alt.clone()),
        Missing::Chart { number, alt: None } => msg!("chart {number} was not imported: add it as an image with alternative text, or draw it from data with the indicator shortcode", number = *number),
        Missing::Object { number } => msg!("object {number} (an embedded spreadsheet, diagram or other object) was not imported: add its content as text, a table or an image", number = *number),
    }
}

/// The documented rule for fake headings: a paragraph whose text is all bold, short (at most
/// 80 characters), not ending in a sentence's punctuation, and followed by more text, is kept
/// as a bold paragraph and named for the author, not turned into a heading.
fn looks_like_heading(text: &[Inline], next: Option<&Block>) -> bool {
    let words = Inline::plain(text);
    let words = words.trim();
    let all_bold = text.iter().all(|i| match i {
        Inline::Text { text, bold, .. } => *bold || text.trim().is_empty(),
        _ => false,
    });
    let followed = matches!(
        next,
        Some(Block::Paragraph { .. } | Block::Item { .. } | Block::Table(_))
    );
    all_bold
        && followed
        && (3..=80).contains(&words.chars().count())
        && !words.ends_with(['.', '!', '?', ':', ';', ','])
}

/// An inline without links: a link as its text.
fn unlinked(i: &Inline) -> Vec<Inline> {
    match i {
        Inline::Link { text, .. } => text.iter().flat_map(unlinked).collect(),
        other => vec![other.clone()],
    }
}

/// Runs of spaces (left between two runs of a paragraph) as one.
fn single_spaces(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    for c in line.chars() {
        if !(c == ' ' && out.ends_with(' ')) {
            out.push(c);
        }
    }
    out
}

/// The first character an inline writes (for the emphasis rules of its neighbour).
fn first_char(i: &Inline) -> Option<char> {
    match i {
        Inline::Text { text, .. } => text.chars().next(),
        Inline::Link { .. } | Inline::Note(_) => Some('['),
        Inline::Image(_) => Some('!'),
        Inline::Break => Some('\n'),
    }
}
