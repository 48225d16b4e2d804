//! OpenDocument styles: a paragraph style's role by its name (or display name) and outline
//! level, bold and italic of paragraph and text styles through their parents, whether a
//! style breaks the page, and list styles' kinds per level (numbered or bulleted).

use super::super::style::{role_by_name, Look, Role};
use super::super::xml::{Element, Ns};
use std::collections::HashMap;

#[derive(Debug, Clone, Default)]
struct Raw {
    name: String,
    parent: Option<String>,
    outline: Option<u8>,
    look: Look,
    page_break: bool,
}

/// The styles of `styles.xml` and of `content.xml`'s automatic styles.
#[derive(Debug, Default)]
pub(crate) struct Styles {
    paragraph: HashMap<String, Raw>,
    text: HashMap<String, Raw>,
    /// List style → level (1-based) → numbered.
    lists: HashMap<String, HashMap<usize, bool>>,
}

impl Styles {
    /// Adds the styles under `parent` (`office:styles` or `office:automatic-styles`).
    pub(crate) fn add(&mut self, parent: &Element) {
        for s in parent.elements() {
            let Some(name) = s.attr(Ns::Style, "name") else {
                continue;
            };
            if s.is(Ns::Text, "list-style") {
                self.lists.insert(name.to_string(), list_levels(s));
                continue;
            }
            if !s.is(Ns::Style, "style") {
                continue;
            }
            let raw = raw(s, name);
            match s.attr(Ns::Style, "family") {
                Some("paragraph") => {
                    self.paragraph.insert(name.to_string(), raw);
                }
                Some("text") => {
                    self.text.insert(name.to_string(), raw);
                }
                _ => {}
            }
        }
    }

    fn chain<'a>(map: &'a HashMap<String, Raw>, id: Option<&str>) -> Vec<&'a Raw> {
        let mut out = Vec::new();
        let mut next = id.map(str::to_string);
        while let Some(id) = next.take().filter(|_| out.len() < 16) {
            if let Some(raw) = map.get(&id) {
                out.push(raw);
                next = raw.parent.clone();
            }
        }
        out
    }

    /// What the paragraph style `id` makes a paragraph (the title, a quotation…).
    pub(crate) fn role(&self, id: Option<&str>) -> Role {
        for raw in Self::chain(&self.paragraph, id) {
            match (role_by_name(&raw.name), raw.outline) {
                (Some(r @ Role::Heading(_)), _) => return r,
                (_, Some(l @ 1..=9)) => return Role::Heading(l),
                (Some(r), _) => return r,
                _ => {}
            }
        }
        Role::Body
    }

    pub(crate) fn paragraph_look(&self, id: Option<&str>) -> Look {
        Self::chain(&self.paragraph, id)
            .into_iter()
            .fold(Look::default(), |acc, r| acc.over(r.look))
    }

    pub(crate) fn text_look(&self, id: Option<&str>) -> Look {
        Self::chain(&self.text, id)
            .into_iter()
            .fold(Look::default(), |acc, r| acc.over(r.look))
    }

    /// Whether the paragraph style `id` starts a new page.
    pub(crate) fn breaks_page(&self, id: Option<&str>) -> bool {
        Self::chain(&self.paragraph, id)
            .iter()
            .any(|r| r.page_break)
    }

    /// Whether level `level` (1-based) of list style `list` is numbered.
    pub(crate) fn numbered(&self, list: Option<&str>, level: usize) -> bool {
        list.and_then(|l| self.lists.get(l))
            .and_then(|levels| levels.get(&level))
            .copied()
            .unwrap_or(false)
    }
}

fn raw(s: &Element, name: &str) -> Raw {
    let text = s.child(Ns::Style, "text-properties");
    let bold = text
        .and_then(|t| t.attr(Ns::Fo, "font-weight"))
        .map(|w| w == "bold" || w.parse::<u32>().is_ok_and(|n| n >= 600));
    let italic = text
        .and_then(|t| t.attr(Ns::Fo, "font-style"))
        .map(|s| s == "italic" || s == "oblique");
    let para = s.child(Ns::Style, "paragraph-properties");
    let page = |attr: &str| para.and_then(|p| p.attr(Ns::Fo, attr)) == Some("page");
    Raw {
        name: s
            .attr(Ns::Style, "display-name")
            .map_or_else(|| name.replace("_20_", " "), str::to_string),
        parent: s.attr(Ns::Style, "parent-style-name").map(str::to_string),
        outline: s
            .attr(Ns::Style, "default-outline-level")
            .and_then(|l| l.parse().ok()),
        look: Look { bold, italic },
        page_break: page("break-before") || page("break-after"),
    }
}

/// A list style's levels: numbered unless a bullet, a picture, or a number with no format.
fn list_levels(style: &Element) -> HashMap<usize, bool> {
    style
        .elements()
        .filter_map(|l| {
            let level = l.attr(Ns::Text, "level")?.parse().ok()?;
            let numbered = l.is(Ns::Text, "list-level-style-number")
                && l.attr(Ns::Style, "num-format")
                    .is_some_and(|f| !f.is_empty());
            Some((level, numbered))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tools::import::xml::parse;

    #[test]
    fn roles_looks_and_lists() {
        let xml = br#"<office:styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0">
          <style:style style:name="Title" style:family="paragraph"/>
          <style:style style:name="Quotations" style:family="paragraph"/>
          <style:style style:name="Otsikko_20_2" style:display-name="Otsikko 2" style:family="paragraph"/>
          <style:style style:name="P7" style:family="paragraph" style:parent-style-name="Quotations"><style:text-properties fo:font-weight="700"/></style:style>
          <style:style style:name="T1" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>
          <text:list-style style:name="L1"><text:list-level-style-bullet text:level="1"/><text:list-level-style-number text:level="2" style:num-format="1"/><text:list-level-style-number text:level="3" style:num-format=""/></text:list-style>
        </office:styles>"#;
        let mut s = Styles::default();
        s.add(&parse(xml).unwrap());
        assert_eq!(s.role(Some("Title")), Role::Title);
        assert_eq!(s.role(Some("P7")), Role::Quote);
        assert_eq!(s.role(Some("Otsikko_20_2")), Role::Heading(2));
        assert_eq!(s.paragraph_look(Some("P7")).bold, Some(true));
        assert_eq!(s.text_look(Some("T1")).italic, Some(true));
        assert!(!s.numbered(Some("L1"), 1));
        assert!(s.numbered(Some("L1"), 2));
        assert!(!s.numbered(Some("L1"), 3));
    }
}
