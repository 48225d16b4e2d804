//! The content of a Word paragraph: runs of text with their bold and italic, links, fields,
//! notes, images and what stands inside drawings (text boxes, charts).
//! Fields are in `fields.rs`.

use super::super::model::{push_text, Gathered};
use super::super::model::{Block, Image, Inline, Missing, Target};
use super::super::style::Look;
use super::super::xml::{Element, Ns};
use super::body::{bookmark, Reader};
use super::fields::{kind_of, Kind};
use super::styles::{look_of, on};

/// Addresses a link may keep: the web, e-mail and telephone.
pub(crate) fn linkable(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    ["http://", "https://", "mailto:", "tel:"]
        .iter()
        .any(|s| lower.starts_with(s))
}

impl Reader<'_> {
    /// Walks the inline content of `parent` (a paragraph, a link, a field).
    pub(super) fn inlines(&mut self, parent: &Element, look: Look, g: &mut Gathered) {
        for e in parent.elements() {
            if e.is(Ns::Mc, "AlternateContent") {
                if let Some(choice) = e.elements().next() {
                    self.inlines(choice, look, g);
                }
                continue;
            }
            if e.is(Ns::Math, "oMath") || e.is(Ns::Math, "oMathPara") {
                self.dropped.equations += 1;
                let mut ts = Vec::new();
                e.find_all(Ns::Math, "t", &mut ts);
                let text: String = ts.iter().map(|t| t.text()).collect();
                push_text(
                    g,
                    &text,
                    Look {
                        bold: None,
                        italic: Some(true),
                    },
                );
                continue;
            }
            if e.ns != Ns::W {
                continue;
            }
            match e.name.as_str() {
                "r" => self.run(e, look, g),
                "hyperlink" => {
                    let target = self.hyperlink_target(e);
                    self.linked(e, look, target, g);
                }
                "fldSimple" => match kind_of(e.attr(Ns::W, "instr").unwrap_or_default()) {
                    Kind::Drop => self.dropped.fields += 1,
                    Kind::Link(t) => self.linked(e, look, Some(t), g),
                    Kind::Keep => self.inlines(e, look, g),
                },
                "ins" | "moveTo" => {
                    self.dropped.tracked_changes += 1;
                    self.inlines(e, look, g);
                }
                "del" | "moveFrom" => self.dropped.tracked_changes += 1,
                "bookmarkStart" => g.anchors.extend(bookmark(e)),
                "commentRangeStart" => {
                    self.comments
                        .extend(e.attr(Ns::W, "id").map(str::to_string));
                }
                "pPr" => {}
                _ => self.inlines(e, look, g),
            }
        }
    }

    fn hyperlink_target(&self, e: &Element) -> Option<Target> {
        let external = e
            .attr(Ns::R, "id")
            .and_then(|id| self.rels.get(id))
            .filter(|r| r.external)
            .map(|r| r.target.clone());
        match (external, e.attr(Ns::W, "anchor")) {
            (Some(url), _) => Some(Target::External(url)),
            (None, Some(a)) => Some(Target::Bookmark(a.to_string())),
            (None, None) => None,
        }
    }

    /// The content of `e` as a link to `target`; as plain text when the address is not one
    /// a page may link to (a file on someone's computer).
    fn linked(&mut self, e: &Element, look: Look, target: Option<Target>, g: &mut Gathered) {
        let mut inner = Gathered::default();
        self.inlines(e, look, &mut inner);
        g.anchors.extend(inner.anchors);
        g.extra.extend(inner.extra);
        g.suppressed |= inner.suppressed;
        match target {
            Some(Target::External(url)) if !linkable(&url) => {
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

    fn run(&mut self, r: &Element, base: Look, g: &mut Gathered) {
        let rpr = r.child(Ns::W, "rPr");
        let hidden = rpr.and_then(|p| p.child(Ns::W, "vanish")).is_some_and(on);
        let style = rpr
            .and_then(|p| p.child(Ns::W, "rStyle"))
            .and_then(|s| s.attr(Ns::W, "val"));
        let look = look_of(rpr)
            .over(self.styles.character_look(style))
            .over(base);
        for c in r.elements() {
            self.run_child(c, look, hidden, g);
        }
    }

    fn run_child(&mut self, c: &Element, look: Look, hidden: bool, g: &mut Gathered) {
        if c.is(Ns::Mc, "AlternateContent") {
            for inner in c.elements().next().iter().flat_map(|ch| ch.elements()) {
                self.run_child(inner, look, hidden, g);
            }
            return;
        }
        if c.ns != Ns::W {
            return;
        }
        let shown = !hidden && !self.hides();
        if !shown && matches!(c.name.as_str(), "t" | "tab" | "br" | "cr" | "noBreakHyphen") {
            g.suppressed |= self.hides();
            return;
        }
        match c.name.as_str() {
            "t" => push_text(g, &c.text(), look),
            "tab" | "ptab" => push_text(g, " ", look),
            "noBreakHyphen" => push_text(g, "-", look),
            "br" | "cr" => match c.attr(Ns::W, "type") {
                Some("page" | "column") => self.dropped.breaks += 1,
                _ => g.items.push(Inline::Break),
            },
            "fldChar" => self.field_char(c, g),
            "instrText" => self.instr_text(c),
            "drawing" => self.drawing(c, g),
            "pict" => self.vml(c, g),
            "object" => self.missing(g, |number| Missing::Object { number }),
            "footnoteReference" | "endnoteReference" => {
                let endnote = c.name == "endnoteReference";
                g.items.extend(self.note(c.attr(Ns::W, "id"), endnote));
            }
            "commentReference" => {
                self.comments
                    .extend(c.attr(Ns::W, "id").map(str::to_string));
            }
            _ => {}
        }
    }

    /// A chart or an embedded object: named for the author after the paragraph.
    fn missing(&mut self, g: &mut Gathered, what: impl FnOnce(usize) -> Missing) {
        self.objects += 1;
        g.extra.push(Block::Missing(what(self.objects)));
    }

    /// A DrawingML drawing: pictures, a chart, SmartArt, shapes with text boxes.
    fn drawing(&mut self, d: &Element, g: &mut Gathered) {
        for frame in d.elements() {
            let doc_pr = frame.child(Ns::Wp, "docPr");
            let alt = doc_pr.and_then(|p| alt_text(p, "descr").or_else(|| alt_text(p, "title")));
            let uri = frame
                .find(Ns::A, "graphicData")
                .and_then(|d| d.attr(Ns::Other, "uri"))
                .unwrap_or_default();
            if uri.ends_with("/chart") {
                self.missing(g, |number| Missing::Chart { number, alt });
                continue;
            }
            if uri.ends_with("/diagram") {
                self.missing(g, |number| Missing::Object { number });
                continue;
            }
            let decorative = doc_pr
                .and_then(|p| p.find(Ns::Other, "decorative"))
                .is_some_and(|d| matches!(d.attr(Ns::Other, "val"), Some("1" | "true")));
            let mut found = Vec::new();
            frame.find_all(Ns::A, "blip", &mut found);
            self.pictures(&found, "embed", &Alt { alt, decorative }, g);
            self.text_boxes(frame, g);
        }
    }

    /// An old VML picture (`w:pict`): its image and its text box.
    fn vml(&mut self, pict: &Element, g: &mut Gathered) {
        let mut shapes = Vec::new();
        pict.find_all(Ns::V, "shape", &mut shapes);
        let alt = shapes.iter().find_map(|s| alt_text(s, "alt"));
        let mut found = Vec::new();
        pict.find_all(Ns::V, "imagedata", &mut found);
        self.pictures(
            &found,
            "id",
            &Alt {
                alt,
                decorative: false,
            },
            g,
        );
        self.text_boxes(pict, g);
    }

    /// The images whose relationship id is in `rel_attr` of each of `found`.
    fn pictures(&mut self, found: &[&Element], rel_attr: &str, alt: &Alt, g: &mut Gathered) {
        for pic in found {
            let rel = pic.attr(Ns::R, rel_attr).and_then(|id| self.rels.get(id));
            let Some(part) = rel.filter(|r| !r.external).map(|r| r.target.clone()) else {
                continue;
            };
            if alt.decorative {
                self.dropped.decorative_images += 1;
                continue;
            }
            self.images += 1;
            g.items.push(Inline::Image(Image {
                number: self.images,
                part,
                alt: alt.alt.clone(),
            }));
        }
    }

    /// Text boxes' paragraphs follow the paragraph they stand in.
    fn text_boxes(&mut self, frame: &Element, g: &mut Gathered) {
        let mut boxes = Vec::new();
        frame.find_all(Ns::W, "txbxContent", &mut boxes);
        for b in boxes {
            self.dropped.text_boxes += 1;
            self.blocks(b, &mut g.extra);
        }
    }
}

/// A drawing's alternative text, and whether it is marked as decoration.
struct Alt {
    alt: Option<String>,
    decorative: bool,
}

/// An alternative text attribute, trimmed; `None` when empty.
fn alt_text(e: &Element, name: &str) -> Option<String> {
    let t = e.attr(Ns::Other, name)?;
    let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
    (!t.is_empty()).then_some(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_mail_and_phone_links_are_kept() {
        assert!(linkable("https://sotkanet.fi/"));
        assert!(linkable("mailto:hyte@example.fi"));
        assert!(!linkable("file:///C:/Users/aino/raportti.docx"));
        assert!(!linkable("javascript:alert(1)"));
    }
}
