//! The body of an OpenDocument text as blocks. Headings are `text:h` with their outline
//! level; lists nest as elements (a list's style says whether a level is numbered); tables
//! mark spans with `covered-table-cell`s; notes, frames (images, text boxes, charts) and
//! bookmarks stand inside paragraphs. Tracked deletions live apart from the text, so the text
//! as it stands is the changes accepted.

use super::super::model::{
    has_content, push_text, Block, Dropped, Gathered, Image, Inline, Missing, Note, Target,
};
use super::super::style::{Look, Role};
use super::super::xml::{Element, Node, Ns};
use super::styles::Styles;
use std::collections::BTreeSet;

/// The state of reading one document.
pub(super) struct Reader<'a> {
    pub(super) styles: &'a Styles,
    /// Object folders that hold charts (`Object 1`), from the manifest.
    pub(super) charts: BTreeSet<String>,
    pub(super) notes: Vec<Note>,
    pub(super) dropped: Dropped,
    images: usize,
    objects: usize,
    tables: usize,
    pub(super) table_depth: usize,
    pending_anchors: Vec<String>,
}

impl<'a> Reader<'a> {
    pub(super) fn new(styles: &'a Styles, charts: BTreeSet<String>) -> Reader<'a> {
        Reader {
            styles,
            charts,
            notes: Vec::new(),
            dropped: Dropped::default(),
            images: 0,
            objects: 0,
            tables: 0,
            table_depth: 0,
            pending_anchors: Vec::new(),
        }
    }

    pub(super) fn next_table(&mut self) -> usize {
        if self.table_depth > 0 {
            return 0;
        }
        self.tables += 1;
        self.tables
    }

    /// The block-level content of `parent`.
    pub(super) fn blocks(&mut self, parent: &Element, out: &mut Vec<Block>) {
        for e in parent.elements() {
            match (e.ns, e.name.as_str()) {
                (Ns::Text, "p") => self.paragraph(e, None, out),
                (Ns::Text, "h") => self.heading(e, out),
                (Ns::Text, "list") => self.list(e, 0, None, out),
                (Ns::Table, "table") => self.table(e, out),
                (Ns::Text, "section" | "index-body") => self.blocks(e, out),
                (Ns::Text, "tracked-changes") => {
                    self.dropped.tracked_changes += e.elements().count();
                }
                (Ns::Text, name)
                    if name.ends_with("-index")
                        || name == "table-of-content"
                        || name == "bibliography" =>
                {
                    self.dropped.fields += 1;
                }
                _ => {}
            }
        }
    }

    fn list(&mut self, list: &Element, level: usize, style: Option<&str>, out: &mut Vec<Block>) {
        let style = list.attr(Ns::Text, "style-name").or(style);
        let ordered = self.styles.numbered(style, level + 1);
        for item in list.elements() {
            if !item.is(Ns::Text, "list-item") && !item.is(Ns::Text, "list-header") {
                continue;
            }
            for c in item.elements() {
                match (c.ns, c.name.as_str()) {
                    (Ns::Text, "p") => self.paragraph(c, Some((level.min(8), ordered)), out),
                    (Ns::Text, "h") => self.heading(c, out),
                    (Ns::Text, "list") => self.list(c, level + 1, style, out),
                    (Ns::Table, "table") => self.table(c, out),
                    _ => {}
                }
            }
        }
    }

    /// A paragraph; `item` is its list level and kind when it stands in a list.
    fn paragraph(&mut self, p: &Element, item: Option<(usize, bool)>, out: &mut Vec<Block>) {
        let style = p.attr(Ns::Text, "style-name");
        if self.styles.breaks_page(style) {
            self.dropped.breaks += 1;
        }
        let Some((text, anchors, extra)) = self.gather(p, style, out) else {
            return;
        };
        out.push(match (item, self.styles.role(style)) {
            (Some((level, ordered)), _) => Block::Item {
                level,
                ordered,
                text,
                anchors,
            },
            (None, Role::Heading(level)) => Block::Heading {
                level,
                text,
                anchors,
            },
            (None, Role::Title) => Block::Title(text),
            (None, Role::Contents) => {
                self.dropped.fields += 1;
                return;
            }
            (None, role) => Block::Paragraph {
                text,
                quote: role == Role::Quote,
                anchors,
            },
        });
        out.extend(extra);
    }

    fn heading(&mut self, h: &Element, out: &mut Vec<Block>) {
        let style = h.attr(Ns::Text, "style-name");
        let level = h
            .attr(Ns::Text, "outline-level")
            .and_then(|l| l.parse::<u8>().ok())
            .or(match self.styles.role(style) {
                Role::Heading(l) => Some(l),
                _ => None,
            })
            .unwrap_or(1)
            .clamp(1, 9);
        let Some((text, mut anchors, extra)) = self.gather(h, style, out) else {
            return;
        };
        // LibreOffice links to a heading by its text: `#3 Suunnitelma|outline`.
        anchors.push(format!("{}|outline", Inline::plain(&text).trim()));
        out.push(Block::Heading {
            level,
            text,
            anchors,
        });
        out.extend(extra);
    }

    /// A paragraph's content; `None` (after counting it) when it shows nothing.
    #[allow(clippy::type_complexity)]
    fn gather(
        &mut self,
        p: &Element,
        style: Option<&str>,
        out: &mut Vec<Block>,
    ) -> Option<(Vec<Inline>, Vec<String>, Vec<Block>)> {
        let mut g = Gathered {
            anchors: std::mem::take(&mut self.pending_anchors),
            ..Gathered::default()
        };
        self.inlines(p, self.styles.paragraph_look(style), &mut g);
        if has_content(&g.items) {
            return Some((g.items, g.anchors, g.extra));
        }
        self.pending_anchors = g.anchors;
        // An empty cell is no empty paragraph of the text.
        if !g.suppressed && self.table_depth == 0 {
            self.dropped.empty_paragraphs += 1;
        }
        out.extend(g.extra);
        None
    }

    fn inlines(&mut self, parent: &Element, look: Look, g: &mut Gathered) {
        for child in &parent.children {
            let e = match child {
                Node::Text(t) => {
                    push_text(g, t, look);
                    continue;
                }
                Node::Element(e) => e,
            };
            match (e.ns, e.name.as_str()) {
                (Ns::Text, "span") => {
                    let inner = self
                        .styles
                        .text_look(e.attr(Ns::Text, "style-name"))
                        .over(look);
                    self.inlines(e, inner, g);
                }
                (Ns::Text, "a") => {
                    let href = e.attr(Ns::XLink, "href").unwrap_or_default();
                    let target = match href.strip_prefix('#') {
                        Some(b) => Target::Bookmark(b.to_string()),
                        None => Target::External(href.to_string()),
                    };
                    self.linked(e, look, Some(target), g);
                }
                (Ns::Text, "bookmark-ref" | "reference-ref") => {
                    let target = e
                        .attr(Ns::Text, "ref-name")
                        .map(|r| Target::Bookmark(r.to_string()));
                    self.linked(e, look, target, g);
                }
                (Ns::Text, "s") => {
                    let n = e
                        .attr(Ns::Text, "c")
                        .and_then(|c| c.parse().ok())
                        .unwrap_or(1usize);
                    push_text(g, &" ".repeat(n.min(8)), look);
                }
                (Ns::Text, "tab") => push_text(g, " ", look),
                (Ns::Text, "line-break") => g.items.push(Inline::Break),
                (Ns::Text, "note") => self.note(e, g),
                (Ns::Text, "bookmark" | "bookmark-start") => {
                    g.anchors
                        .extend(e.attr(Ns::Text, "name").map(str::to_string));
                }
                (Ns::Office, "annotation") => self.dropped.comments += 1,
                (Ns::Text, "page-number" | "page-count" | "page-continuation") => {
                    self.dropped.fields += 1;
                    g.suppressed = true;
                }
                (Ns::Text, "note-citation" | "soft-page-break" | "bookmark-end")
                | (Ns::Office, "annotation-end") => {}
                (Ns::Draw, "frame") => self.frame(e, g),
                (Ns::Draw, "custom-shape" | "rect" | "ellipse") => self.blocks(e, &mut g.extra),
                _ => self.inlines(e, look, g),
            }
        }
    }

    fn linked(&mut self, e: &Element, look: Look, target: Option<Target>, g: &mut Gathered) {
        let mut inner = Gathered::default();
        self.inlines(e, look, &mut inner);
        g.anchors.extend(inner.anchors);
        g.extra.extend(inner.extra);
        match target {
            Some(Target::External(url)) if !super::super::docx::linkable(&url) => {
                self.dropped.local_links += 1;
                g.items.extend(inner.items);
            }
            Some(t) if !inner.items.is_empty() => g.items.push(Inline::Link {
                target: t,
                text: inner.items,
            }),
            _ => g.items.extend(inner.items),
        }
    }

    fn note(&mut self, n: &Element, g: &mut Gathered) {
        let endnote = n.attr(Ns::Text, "note-class") == Some("endnote");
        let mut blocks = Vec::new();
        if let Some(body) = n.child(Ns::Text, "note-body") {
            self.blocks(body, &mut blocks);
        }
        let mut paragraphs = Vec::new();
        for b in &blocks {
            super::super::model::each_inlines(b, &mut |t| paragraphs.push(t.to_vec()));
        }
        self.notes.push(Note {
            endnote,
            paragraphs,
        });
        g.items.push(Inline::Note(self.notes.len() - 1));
    }

    /// A frame: an image, a text box, a chart or another object.
    fn frame(&mut self, f: &Element, g: &mut Gathered) {
        let text = |name: &str| {
            f.child(Ns::Svg, name)
                .map(|e| super::super::pages::clean(&e.text()))
                .filter(|t| !t.is_empty())
        };
        let alt = text("desc").or_else(|| text("title"));
        if let Some(b) = f.child(Ns::Draw, "text-box") {
            self.dropped.text_boxes += 1;
            self.blocks(b, &mut g.extra);
        }
        if let Some(o) = f
            .elements()
            .find(|e| e.is(Ns::Draw, "object") || e.is(Ns::Draw, "object-ole"))
        {
            self.objects += 1;
            let number = self.objects;
            let dir = o
                .attr(Ns::XLink, "href")
                .unwrap_or_default()
                .trim_start_matches("./");
            g.extra.push(Block::Missing(if self.charts.contains(dir) {
                Missing::Chart { number, alt }
            } else {
                Missing::Object { number }
            }));
            return;
        }
        let images: Vec<&Element> = f.elements().filter(|e| e.is(Ns::Draw, "image")).collect();
        let shown = |e: &&&Element| {
            let href = e.attr(Ns::XLink, "href").unwrap_or_default().to_lowercase();
            [".png", ".jpg", ".jpeg", ".gif", ".webp"]
                .iter()
                .any(|x| href.ends_with(x))
        };
        let Some(image) = images.iter().find(shown).or(images.first()) else {
            return;
        };
        let Some(part) = image.attr(Ns::XLink, "href").filter(|h| !h.contains("://")) else {
            return;
        };
        if f.attr(Ns::Other, "decorative") == Some("true") {
            self.dropped.decorative_images += 1;
            return;
        }
        self.images += 1;
        g.items.push(Inline::Image(Image {
            number: self.images,
            part: part.trim_start_matches("./").to_string(),
            alt,
        }));
    }
}
