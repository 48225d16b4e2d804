//! The document as the readers give it, whatever its format: blocks of formatted text,
//! tables, notes and images, with what was left out counted. The Word and OpenDocument
//! readers both produce this; the conversion to pages reads only this.

use super::style::Look;
use std::collections::{BTreeMap, HashMap};

/// A whole document read from its file.
#[derive(Debug, Default)]
pub(crate) struct Doc {
    /// The title property (Word's core properties, ODF's meta), when set.
    pub title: Option<String>,
    pub blocks: Vec<Block>,
    /// Footnotes and endnotes, referred to by [`Inline::Note`] by index.
    pub notes: Vec<Note>,
    /// The bytes of the images the blocks show, by their part name (`word/media/image1.png`).
    pub media: BTreeMap<String, Vec<u8>>,
    /// What was left out or changed on the way.
    pub dropped: Dropped,
}

/// A block of the document's body.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Block {
    /// A heading of a level from 1 (the highest).
    Heading {
        level: u8,
        text: Vec<Inline>,
        anchors: Vec<String>,
    },
    /// A paragraph in the title style.
    Title(Vec<Inline>),
    Paragraph {
        text: Vec<Inline>,
        quote: bool,
        anchors: Vec<String>,
    },
    /// An item of a (possibly nested) list; `level` 0 is the outermost.
    Item {
        level: usize,
        ordered: bool,
        text: Vec<Inline>,
        anchors: Vec<String>,
    },
    Table(Table),
    /// A part of the document that could not be taken over (a chart, an equation, an
    /// embedded object): what it was, for the author.
    Missing(Missing),
}

/// Something the readers saw but could not convert.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Missing {
    /// A chart, with its alternative text if it had one.
    Chart { number: usize, alt: Option<String> },
    /// An embedded object (a spreadsheet, an equation editor's object).
    Object { number: usize },
}

/// Inline content of a paragraph, heading, list item or cell.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Inline {
    Text {
        text: String,
        bold: bool,
        italic: bool,
    },
    Link {
        target: Target,
        text: Vec<Inline>,
    },
    /// A reference to `Doc::notes[i]`.
    Note(usize),
    Image(Image),
    /// A line break inside the paragraph.
    Break,
}

/// Where a link leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Target {
    /// An address outside the document.
    External(String),
    /// A bookmark (or heading anchor) inside it.
    Bookmark(String),
}

/// An image in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Image {
    /// 1-based, in document order: "kuva 2".
    pub number: usize,
    /// The part holding its bytes (`word/media/image2.png`), a key of `Doc::media`.
    pub part: String,
    /// The alternative text as written, trimmed; `None` when there was none.
    pub alt: Option<String>,
}

/// A footnote or endnote.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Note {
    pub endnote: bool,
    /// Its paragraphs.
    pub paragraphs: Vec<Vec<Inline>>,
}

/// A table with its grid of cells.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Table {
    /// 1-based, in document order: "taulukko 3".
    pub number: usize,
    /// How many of the first rows are marked as header rows.
    pub header_rows: usize,
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    /// The table of rows as a reader found them, each cell's row span counted from the
    /// vertical merges below it ([`row_spans`]): how both readers finish a table.
    pub(crate) fn from_rows(number: usize, header_rows: usize, mut rows: Vec<Vec<Cell>>) -> Table {
        row_spans(&mut rows);
        Table {
            number,
            header_rows,
            rows,
        }
    }
}

/// One cell as written: its paragraphs and how far it spans.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Cell {
    pub paragraphs: Vec<Vec<Inline>>,
    /// Grid columns it spans (1 for a plain cell).
    pub columns: usize,
    /// Rows it spans downwards (1 for a plain cell); the cells it covers are `covered`.
    pub rows: usize,
    /// A place covered by a cell above it (a vertical merge).
    pub covered: bool,
    /// Tables inside this cell, flattened into its paragraphs.
    pub nested_tables: usize,
}

/// What the readers left out or changed, counted for the report.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Dropped {
    /// Tracked insertions and deletions, accepted.
    pub tracked_changes: usize,
    pub comments: usize,
    /// Tables of contents, page numbers and other fields whose result is not text.
    pub fields: usize,
    pub headers_footers: usize,
    /// Page, column and section breaks.
    pub breaks: usize,
    /// Paragraphs with no text.
    pub empty_paragraphs: usize,
    /// Images marked as decorative.
    pub decorative_images: usize,
    /// Text boxes, whose paragraphs were taken into the text where they stood.
    pub text_boxes: usize,
    /// Equations, written as their text.
    pub equations: usize,
    /// Links to files on a computer or other addresses a web page cannot link to, kept as
    /// their text.
    pub local_links: usize,
}

impl Inline {
    /// Plain text of the given inlines (links by their text, images by their alt text).
    pub(crate) fn plain(inlines: &[Inline]) -> String {
        let mut out = String::new();
        for i in inlines {
            match i {
                Inline::Text { text, .. } => out.push_str(text),
                Inline::Link { text, .. } => out.push_str(&Inline::plain(text)),
                Inline::Break => out.push(' '),
                Inline::Note(_) | Inline::Image(_) => {}
            }
        }
        out
    }
}

/// Calls `f` with every sequence of inlines in `block`: its text, or each paragraph of each
/// cell of a table.
pub(crate) fn each_inlines(block: &Block, f: &mut dyn FnMut(&[Inline])) {
    match block {
        Block::Heading { text, .. }
        | Block::Title(text)
        | Block::Paragraph { text, .. }
        | Block::Item { text, .. } => f(text),
        Block::Table(t) => {
            for cell in t.rows.iter().flatten() {
                for p in &cell.paragraphs {
                    f(p);
                }
            }
        }
        Block::Missing(_) => {}
    }
}

/// What one paragraph (or link, or cell) gathered while its content was walked.
#[derive(Debug, Default)]
pub(crate) struct Gathered {
    pub items: Vec<Inline>,
    /// Bookmarks that start in it.
    pub anchors: Vec<String>,
    /// Blocks that stood inside it (text boxes' paragraphs, charts) and follow it.
    pub extra: Vec<Block>,
    /// Text was hidden in it by a field (a table of contents, a page number).
    pub suppressed: bool,
}

/// Whether a paragraph's content shows anything: text, an image or a note.
pub(crate) fn has_content(items: &[Inline]) -> bool {
    items.iter().any(|i| match i {
        Inline::Text { text, .. } => !text.trim().is_empty(),
        Inline::Link { text, .. } => has_content(text),
        Inline::Image(_) | Inline::Note(_) => true,
        Inline::Break => false,
    })
}

/// Adds text in `look`, joined to the text before it when that has the same look.
pub(crate) fn push_text(g: &mut Gathered, text: &str, look: Look) {
    if text.is_empty() {
        return;
    }
    let (bold, italic) = (look.bold.unwrap_or(false), look.italic.unwrap_or(false));
    if let Some(Inline::Text {
        text: last,
        bold: b,
        italic: i,
    }) = g.items.last_mut()
    {
        if *b == bold && *i == italic {
            last.push_str(text);
            return;
        }
    }
    g.items.push(Inline::Text {
        text: text.to_string(),
        bold,
        italic,
    });
}

/// A cell spans at most this many columns (Word's own limit is 63), and a repeated cell or
/// row of an OpenDocument table counts at most this many times.
pub(crate) const MAX_SPAN: usize = 64;

impl Cell {
    /// A cell of the given span from the blocks read inside it: paragraphs, list items with a
    /// mark, nested tables flattened into text. Blocks that cannot stand in a cell (a chart's
    /// notice) are given back, to follow the table.
    pub(crate) fn from_blocks(
        blocks: Vec<Block>,
        columns: usize,
        covered: bool,
    ) -> (Cell, Vec<Block>) {
        let mut cell = Cell {
            columns,
            rows: 1,
            covered,
            ..Cell::default()
        };
        let mut left = Vec::new();
        for b in blocks {
            match b {
                Block::Heading { text, .. }
                | Block::Title(text)
                | Block::Paragraph { text, .. } => cell.paragraphs.push(text),
                Block::Item { ordered, text, .. } => {
                    let mark = if ordered { "– " } else { "• " };
                    let mut item = vec![plain(mark)];
                    item.extend(text);
                    cell.paragraphs.push(item);
                }
                Block::Table(t) => {
                    cell.nested_tables += 1;
                    flatten(&t, &mut cell);
                }
                Block::Missing(_) => left.push(b),
            }
        }
        (cell, left)
    }
}

fn plain(text: &str) -> Inline {
    Inline::Text {
        text: text.to_string(),
        bold: false,
        italic: false,
    }
}

/// A nested table's rows as paragraphs of its cell: each row's cells joined with `; `.
fn flatten(t: &Table, into: &mut Cell) {
    into.nested_tables += t
        .rows
        .iter()
        .flatten()
        .map(|c| c.nested_tables)
        .sum::<usize>();
    for row in &t.rows {
        let texts: Vec<String> = row
            .iter()
            .filter(|c| !c.covered)
            .map(|c| {
                let ps: Vec<String> = c.paragraphs.iter().map(|p| Inline::plain(p)).collect();
                ps.join(" ")
            })
            .filter(|t| !t.trim().is_empty())
            .collect();
        if !texts.is_empty() {
            into.paragraphs.push(vec![plain(&texts.join("; "))]);
        }
    }
}

/// Counts how many rows each cell spans: a cell covered by a vertical merge adds one to the
/// cell above it in the same grid column.
fn row_spans(rows: &mut [Vec<Cell>]) {
    let mut origin: HashMap<usize, (usize, usize)> = HashMap::new();
    for r in 0..rows.len() {
        let mut col = 0;
        for i in 0..rows[r].len() {
            let cell = &rows[r][i];
            let width = cell.columns;
            if cell.covered {
                if let Some(&(r0, i0)) = origin.get(&col) {
                    rows[r0][i0].rows += 1;
                }
            } else {
                // The cell starts a column run of its own: no cell above reaches into it.
                for c in col + 1..col + width {
                    origin.remove(&c);
                }
                origin.insert(col, (r, i));
            }
            col += width;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn covered_cells_lengthen_the_cell_above() {
        let c = |covered| Cell {
            columns: 1,
            rows: 1,
            covered,
            ..Cell::default()
        };
        let mut rows = vec![
            vec![c(false), c(false)],
            vec![c(true), c(false)],
            vec![c(true), c(false)],
        ];
        row_spans(&mut rows);
        assert_eq!(rows[0][0].rows, 3);
        assert_eq!(rows[0][1].rows, 1);
    }
}
