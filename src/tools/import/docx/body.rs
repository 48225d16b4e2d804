//! The body of a Word document as blocks: paragraphs by their style's role (heading, title,
//! quotation, list item by its numbering, body text), tables, and the notes the text refers
//! to. Content controls and markup wrappers are walked through; a table of contents is left
//! out; tracked insertions are kept and deletions dropped (the changes accepted).

use super::super::model::{each_inlines, has_content, Block, Doc, Dropped, Gathered, Inline, Note};
use super::super::style::Role;
use super::super::xml::{Element, Ns};
use super::fields::Field;
use super::styles::{numbering_of, Styles};
use super::Rels;
use std::collections::{BTreeSet, HashMap};

/// The state of reading one document.
pub(super) struct Reader<'a> {
    pub(super) styles: &'a Styles,
    /// The relationships of the part being read.
    pub(super) rels: Rels,
    notes_by_id: [HashMap<String, Vec<Vec<Inline>>>; 2],
    pub(super) notes: Vec<Note>,
    /// Complex fields open at this point, outermost first (they may span paragraphs).
    pub(super) fields: Vec<Field>,
    pub(super) comments: BTreeSet<String>,
    pub(super) dropped: Dropped,
    pub(super) images: usize,
    /// Charts and objects, numbered together in document order.
    pub(super) objects: usize,
    tables: usize,
    pub(super) table_depth: usize,
    /// Bookmarks seen between paragraphs, given to the next one.
    pending_anchors: Vec<String>,
    /// The number of the paragraph being read (fields remember where they started).
    pub(super) paragraph: usize,
    /// The last paragraph was an entry of a table of contents.
    in_contents: bool,
}

impl<'a> Reader<'a> {
    pub(super) fn new(styles: &'a Styles) -> Reader<'a> {
        Reader {
            styles,
            rels: Rels::new(),
            notes_by_id: [HashMap::new(), HashMap::new()],
            notes: Vec::new(),
            fields: Vec::new(),
            comments: BTreeSet::new(),
            dropped: Dropped::default(),
            images: 0,
            objects: 0,
            tables: 0,
            table_depth: 0,
            pending_anchors: Vec::new(),
            paragraph: 0,
            in_contents: false,
        }
    }

    pub(super) fn body(&mut self, body: &Element) -> Vec<Block> {
        let mut out = Vec::new();
        self.blocks(body, &mut out);
        out
    }

    pub(super) fn finish(mut self, blocks: Vec<Block>) -> Doc {
        self.dropped.comments = self.comments.len();
        Doc {
            title: None,
            blocks,
            notes: self.notes,
            media: Default::default(),
            dropped: self.dropped,
        }
    }

    /// The block-level content of `parent`, in order.
    pub(super) fn blocks(&mut self, parent: &Element, out: &mut Vec<Block>) {
        for e in parent.elements() {
            if e.is(Ns::Mc, "AlternateContent") {
                if let Some(choice) = e.elements().next() {
                    self.blocks(choice, out);
                }
                continue;
            }
            if e.ns != Ns::W {
                continue;
            }
            match e.name.as_str() {
                "p" => self.paragraph(e, out),
                "tbl" => self.table(e, out),
                "sdt" if is_table_of_contents(e) => self.dropped.fields += 1,
                "sdt" | "sdtContent" | "customXml" | "smartTag" => self.blocks(e, out),
                "ins" | "moveTo" => {
                    self.dropped.tracked_changes += 1;
                    self.blocks(e, out);
                }
                "del" | "moveFrom" => self.dropped.tracked_changes += 1,
                "bookmarkStart" => self.pending_anchors.extend(bookmark(e)),
                _ => {}
            }
        }
    }

    fn paragraph(&mut self, p: &Element, out: &mut Vec<Block>) {
        self.paragraph += 1;
        let ppr = p.child(Ns::W, "pPr");
        let style = ppr
            .and_then(|p| p.child(Ns::W, "pStyle"))
            .and_then(|s| s.attr(Ns::W, "val"));
        if ppr.is_some_and(|p| p.child(Ns::W, "sectPr").is_some()) {
            self.dropped.breaks += 1;
        }
        let mut g = Gathered {
            anchors: std::mem::take(&mut self.pending_anchors),
            ..Gathered::default()
        };
        self.inlines(p, self.styles.paragraph_look(style), &mut g);
        if !has_content(&g.items) {
            self.pending_anchors = g.anchors;
            // An empty cell is no empty paragraph of the text.
            if !g.suppressed && self.table_depth == 0 {
                self.dropped.empty_paragraphs += 1;
            }
            out.extend(g.extra);
            return;
        }
        let (text, anchors) = (g.items, g.anchors);
        let role = self.role(ppr, style);
        // A table of contents typed out (or left without its field) is left out: counted
        // once, however many entries it has.
        let contents = role == Role::Contents;
        if contents && !self.in_contents {
            self.dropped.fields += 1;
        }
        self.in_contents = contents;
        if contents {
            return;
        }
        let block = match role {
            Role::Heading(level) => Block::Heading {
                level,
                text,
                anchors,
            },
            Role::Title => Block::Title(text),
            Role::Contents | Role::Quote => Block::Paragraph {
                text,
                quote: true,
                anchors,
            },
            Role::Body => match self.list(ppr, style) {
                Some((ordered, level)) => Block::Item {
                    level,
                    ordered,
                    text,
                    anchors,
                },
                None => Block::Paragraph {
                    text,
                    quote: false,
                    anchors,
                },
            },
        };
        out.push(block);
        out.extend(g.extra);
    }

    /// The paragraph's role: its style's, unless it sets an outline level of its own.
    fn role(&self, ppr: Option<&Element>, style: Option<&str>) -> Role {
        let direct = ppr
            .and_then(|p| p.child(Ns::W, "outlineLvl"))
            .and_then(|o| o.attr(Ns::W, "val"))
            .and_then(|v| v.parse::<u8>().ok());
        match (direct, self.styles.role(style)) {
            (Some(l @ 0..=8), _) => Role::Heading(l + 1),
            (Some(_), Role::Heading(_)) => Role::Body,
            (_, role) => role,
        }
    }

    /// Whether the paragraph is a list item: numbered or not, and its level.
    fn list(&self, ppr: Option<&Element>, style: Option<&str>) -> Option<(bool, usize)> {
        let (id, level) = ppr
            .and_then(numbering_of)
            .or_else(|| self.styles.style_numbering(style))?;
        let ordered = self.styles.list_kind(&id, level)?;
        Some((ordered, level.min(8)))
    }

    /// Reads `footnotes.xml` or `endnotes.xml`; the text refers to the notes by id.
    pub(super) fn read_notes(&mut self, xml: &Element, endnote: bool) {
        for n in xml.elements() {
            let kind = n.attr(Ns::W, "type").unwrap_or("normal");
            let Some(id) = n.attr(Ns::W, "id").filter(|_| kind == "normal") else {
                continue;
            };
            let mut blocks = Vec::new();
            self.blocks(n, &mut blocks);
            let mut paragraphs = Vec::new();
            for b in &blocks {
                each_inlines(b, &mut |text| paragraphs.push(text.to_vec()));
            }
            self.notes_by_id[usize::from(endnote)].insert(id.to_string(), paragraphs);
        }
    }

    /// A reference to a note: the note joins the document's notes.
    pub(super) fn note(&mut self, id: Option<&str>, endnote: bool) -> Option<Inline> {
        let paragraphs = self.notes_by_id[usize::from(endnote)].get(id?)?.clone();
        self.notes.push(Note {
            endnote,
            paragraphs,
        });
        Some(Inline::Note(self.notes.len() - 1))
    }

    /// Numbers the next top-level table (nested tables are named by their outer table).
    pub(super) fn next_table(&mut self) -> usize {
        if self.table_depth > 0 {
            return 0;
        }
        self.tables += 1;
        self.tables
    }
}

/// A bookmark's name, unless it is Word's hidden cursor mark.
pub(super) fn bookmark(e: &Element) -> Option<String> {
    e.attr(Ns::W, "name")
        .filter(|n| *n != "_GoBack")
        .map(str::to_string)
}

/// A content control holding a table of contents.
fn is_table_of_contents(sdt: &Element) -> bool {
    sdt.child(Ns::W, "sdtPr")
        .and_then(|p| p.find(Ns::W, "docPartGallery"))
        .and_then(|g| g.attr(Ns::W, "val"))
        .is_some_and(|v| v.contains("Table of Contents"))
}
