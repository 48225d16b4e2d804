//! What Word's styles and numbering definitions say about a paragraph: is it a heading (and
//! of which level), the title, a quotation, a list item (bulleted or numbered), and are its
//! runs bold or italic.
//!
//! Headings are known by the style's *name* and outline level, never by its id: a Finnish
//! Word writes the id `Otsikko1`, a Swedish one `Rubrik1`, LibreOffice `Heading1`, and all
//! of them name the style "heading 1" (LibreOffice "Heading 1") with outline level 0. A style
//! based on a heading style is a heading of that level unless it sets an outline level of its
//! own (Word's "TOC Heading" is based on "heading 1" with level 9, body text).

use super::super::style::{role_by_name, Look, Role};
use super::super::xml::{Element, Ns};
use std::collections::HashMap;

/// The look of a `w:rPr`.
pub(crate) fn look_of(rpr: Option<&Element>) -> Look {
    let flag = |name: &str| rpr.and_then(|r| r.child(Ns::W, name)).map(on);
    Look {
        bold: flag("b"),
        italic: flag("i"),
    }
}

/// An OOXML on/off property: on unless its value says off.
pub(crate) fn on(e: &Element) -> bool {
    !matches!(e.attr(Ns::W, "val"), Some("false" | "0" | "off"))
}

/// One style as written.
#[derive(Debug, Clone, Default)]
struct Raw {
    name: String,
    based_on: Option<String>,
    outline: Option<u8>,
    numbering: Option<(String, usize)>,
    look: Look,
}

/// The paragraph and character styles of a document, and its numbering definitions.
#[derive(Debug, Default)]
pub(crate) struct Styles {
    paragraph: HashMap<String, Raw>,
    character: HashMap<String, Raw>,
    default_paragraph: Option<String>,
    /// numId → list kind per level (`true`: numbered).
    lists: HashMap<String, HashMap<usize, Option<bool>>>,
}

impl Styles {
    /// Reads `styles.xml` and `numbering.xml` (either may be missing).
    pub(crate) fn read(styles: Option<&Element>, numbering: Option<&Element>) -> Styles {
        let mut out = Styles::default();
        for s in styles.iter().flat_map(|s| s.elements()) {
            if !s.is(Ns::W, "style") {
                continue;
            }
            let Some(id) = s.attr(Ns::W, "styleId") else {
                continue;
            };
            let raw = raw_style(s);
            match s.attr(Ns::W, "type") {
                Some("character") => {
                    out.character.insert(id.to_string(), raw);
                }
                Some("paragraph") | None => {
                    if s.attr(Ns::W, "default")
                        .is_some_and(|d| d == "1" || d == "true")
                    {
                        out.default_paragraph = Some(id.to_string());
                    }
                    out.paragraph.insert(id.to_string(), raw);
                }
                _ => {}
            }
        }
        if let Some(n) = numbering {
            out.lists = lists(n);
        }
        out
    }

    /// The paragraph style of a paragraph's `pStyle` value (or the default style).
    fn chain<'a>(&'a self, map: &'a HashMap<String, Raw>, id: Option<&str>) -> Vec<&'a Raw> {
        let mut out = Vec::new();
        let mut next = id.map(str::to_string);
        // A cycle of basedOn is broken by the bound.
        while let Some(id) = next.take().filter(|_| out.len() < 16) {
            if let Some(raw) = map.get(&id) {
                out.push(raw);
                next = raw.based_on.clone();
            }
        }
        out
    }

    fn paragraph_chain(&self, id: Option<&str>) -> Vec<&Raw> {
        let id = id.or(self.default_paragraph.as_deref());
        self.chain(&self.paragraph, id)
    }

    /// What the paragraph style `id` makes a paragraph.
    pub(crate) fn role(&self, id: Option<&str>) -> Role {
        for raw in self.paragraph_chain(id) {
            match (role_by_name(&raw.name), raw.outline) {
                (Some(r @ Role::Heading(_)), _) => return r,
                (_, Some(l @ 0..=8)) => return Role::Heading(l + 1),
                (_, Some(_)) => return Role::Body,
                (Some(r), None) => return r,
                (None, None) => {}
            }
        }
        Role::Body
    }

    /// The numbering the paragraph style `id` gives its paragraphs.
    pub(crate) fn style_numbering(&self, id: Option<&str>) -> Option<(String, usize)> {
        self.paragraph_chain(id)
            .into_iter()
            .find_map(|r| r.numbering.clone())
    }

    /// The look of the paragraph style `id`.
    pub(crate) fn paragraph_look(&self, id: Option<&str>) -> Look {
        self.paragraph_chain(id)
            .into_iter()
            .fold(Look::default(), |acc, r| acc.over(r.look))
    }

    /// The look of the character style `id`.
    pub(crate) fn character_look(&self, id: Option<&str>) -> Look {
        self.chain(&self.character, id)
            .into_iter()
            .fold(Look::default(), |acc, r| acc.over(r.look))
    }

    /// Whether list `num_id` at `level` is numbered (`Some(true)`), bulleted (`Some(false)`)
    /// or no list at all (`None`: numbering id 0, an unknown list, or a level without
    /// numbers, as in LibreOffice's heading outline).
    pub(crate) fn list_kind(&self, num_id: &str, level: usize) -> Option<bool> {
        *self.lists.get(num_id)?.get(&level)?
    }
}

fn raw_style(s: &Element) -> Raw {
    let val = |e: Option<&Element>| e.and_then(|e| e.attr(Ns::W, "val")).map(str::to_string);
    let ppr = s.child(Ns::W, "pPr");
    Raw {
        name: val(s.child(Ns::W, "name")).unwrap_or_default(),
        based_on: val(s.child(Ns::W, "basedOn")),
        outline: val(ppr.and_then(|p| p.child(Ns::W, "outlineLvl"))).and_then(|v| v.parse().ok()),
        numbering: ppr.and_then(numbering_of),
        look: look_of(s.child(Ns::W, "rPr")),
    }
}

/// A `w:pPr`'s `numPr`: the list and level.
pub(crate) fn numbering_of(ppr: &Element) -> Option<(String, usize)> {
    let num = ppr.child(Ns::W, "numPr")?;
    let val = |n: &str| num.child(Ns::W, n).and_then(|e| e.attr(Ns::W, "val"));
    let id = val("numId")?.to_string();
    let level = val("ilvl").and_then(|l| l.parse().ok()).unwrap_or(0);
    Some((id, level))
}

/// A numbering level's number and kind.
fn level_kind(l: &Element) -> Option<(usize, Option<bool>)> {
    let level = l.attr(Ns::W, "ilvl")?.parse().ok()?;
    let format = l.child(Ns::W, "numFmt").and_then(|f| f.attr(Ns::W, "val"));
    let kind = match format {
        Some("none") => None,
        Some("bullet") | None => Some(false),
        Some(_) => Some(true),
    };
    Some((level, kind))
}

/// The list kinds of `numbering.xml` by numId and level: an abstract definition's levels,
/// with the overrides a numbering instance makes.
fn lists(numbering: &Element) -> HashMap<String, HashMap<usize, Option<bool>>> {
    let levels = |parent: &Element| -> HashMap<usize, Option<bool>> {
        parent
            .elements()
            .filter(|l| l.is(Ns::W, "lvl"))
            .filter_map(level_kind)
            .collect()
    };
    let abstracts: HashMap<&str, HashMap<usize, Option<bool>>> = numbering
        .elements()
        .filter(|a| a.is(Ns::W, "abstractNum"))
        .filter_map(|a| Some((a.attr(Ns::W, "abstractNumId")?, levels(a))))
        .collect();
    let mut out = HashMap::new();
    for num in numbering.elements().filter(|n| n.is(Ns::W, "num")) {
        let (Some(id), Some(abs)) = (
            num.attr(Ns::W, "numId"),
            num.child(Ns::W, "abstractNumId")
                .and_then(|a| a.attr(Ns::W, "val")),
        ) else {
            continue;
        };
        let mut kinds = abstracts.get(abs).cloned().unwrap_or_default();
        for o in num.elements().filter(|o| o.is(Ns::W, "lvlOverride")) {
            kinds.extend(o.child(Ns::W, "lvl").and_then(level_kind));
        }
        out.insert(id.to_string(), kinds);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tools::import::xml::parse;

    const W: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

    fn styles(body: &str) -> Styles {
        let xml = format!("<w:styles {W}>{body}</w:styles>");
        Styles::read(Some(&parse(xml.as_bytes()).unwrap()), None)
    }

    #[test]
    fn headings_by_name_and_outline_level_whatever_the_id() {
        let s = styles(
            r#"<w:style w:type="paragraph" w:styleId="Otsikko1"><w:name w:val="heading 1"/></w:style>
            <w:style w:type="paragraph" w:styleId="Rubrik2"><w:name w:val="heading 2"/></w:style>
            <w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="Heading 3"/><w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style>
            <w:style w:type="paragraph" w:styleId="Luku"><w:name w:val="Luvun otsikko"/><w:basedOn w:val="Otsikko1"/></w:style>
            <w:style w:type="paragraph" w:styleId="Oma"><w:name w:val="Oma"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
            <w:style w:type="paragraph" w:styleId="Sisllysluettelonotsikko"><w:name w:val="TOC Heading"/><w:basedOn w:val="Otsikko1"/><w:pPr><w:outlineLvl w:val="9"/></w:pPr></w:style>
            <w:style w:type="paragraph" w:styleId="Otsikko"><w:name w:val="Title"/></w:style>
            <w:style w:type="paragraph" w:styleId="Lainaus"><w:name w:val="Quote"/></w:style>"#,
        );
        assert_eq!(s.role(Some("Otsikko1")), Role::Heading(1));
        assert_eq!(s.role(Some("Rubrik2")), Role::Heading(2));
        assert_eq!(s.role(Some("Heading3")), Role::Heading(3));
        assert_eq!(s.role(Some("Luku")), Role::Heading(1));
        assert_eq!(s.role(Some("Oma")), Role::Heading(2));
        assert_eq!(s.role(Some("Sisllysluettelonotsikko")), Role::Body);
        assert_eq!(s.role(Some("Otsikko")), Role::Title);
        assert_eq!(s.role(Some("Lainaus")), Role::Quote);
        assert_eq!(s.role(Some("Unknown")), Role::Body);
    }

    #[test]
    fn list_kinds_by_level_with_overrides() {
        let xml = format!(
            r#"<w:numbering {W}><w:abstractNum w:abstractNumId="0">
            <w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/></w:lvl>
            <w:lvl w:ilvl="1"><w:numFmt w:val="decimal"/></w:lvl>
            <w:lvl w:ilvl="2"><w:numFmt w:val="none"/></w:lvl></w:abstractNum>
            <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
            <w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:lvl w:ilvl="0"><w:numFmt w:val="lowerLetter"/></w:lvl></w:lvlOverride></w:num>
            </w:numbering>"#
        );
        let s = Styles::read(None, Some(&parse(xml.as_bytes()).unwrap()));
        assert_eq!(s.list_kind("1", 0), Some(false));
        assert_eq!(s.list_kind("1", 1), Some(true));
        assert_eq!(s.list_kind("1", 2), None);
        assert_eq!(s.list_kind("2", 0), Some(true));
        assert_eq!(s.list_kind("0", 0), None);
    }
}
