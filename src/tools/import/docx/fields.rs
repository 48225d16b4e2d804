//! Word fields, read as Word shows them: a hyperlink field becomes a link around its result;
//! a table of contents, page number or page reference is left out (counted); any other field
//! (a date, a cross-reference's text) keeps its result as text. Complex fields
//! (`w:fldChar` … `w:instrText` … `w:fldChar`) may span paragraphs, so their state lives in
//! the [`Reader`].

use super::super::model::{Gathered, Inline, Target};
use super::super::xml::{Element, Ns};
use super::body::Reader;

/// An open complex field.
#[derive(Debug)]
pub(super) struct Field {
    instr: String,
    /// Past its `separate` mark: what follows is the field's result.
    result: bool,
    kind: Kind,
    /// For a link: the paragraph and the index of its first result item.
    start: Option<(usize, usize)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Kind {
    Keep,
    Drop,
    Link(Target),
}

/// What a field instruction makes of its result.
pub(super) fn kind_of(instr: &str) -> Kind {
    let mut words = instr.split_whitespace();
    let name = words.next().unwrap_or_default().to_ascii_uppercase();
    let args: Vec<String> = quoted_args(instr);
    match name.as_str() {
        "HYPERLINK" => {
            let anchor = instr
                .find("\\l")
                .and_then(|i| quoted_args(&instr[i..]).into_iter().next());
            match (args.first(), anchor) {
                (_, Some(a)) => Kind::Link(Target::Bookmark(a)),
                (Some(url), None) => Kind::Link(Target::External(url.clone())),
                (None, None) => Kind::Keep,
            }
        }
        "REF" if instr.contains("\\h") => match words.next() {
            Some(b) => Kind::Link(Target::Bookmark(b.to_string())),
            None => Kind::Keep,
        },
        "TOC" | "PAGE" | "NUMPAGES" | "SECTIONPAGES" | "PAGEREF" | "INDEX" | "TOA" => Kind::Drop,
        _ => Kind::Keep,
    }
}

/// The arguments of an instruction: quoted strings, else the bare word after the name.
fn quoted_args(instr: &str) -> Vec<String> {
    let quoted: Vec<String> = instr
        .split('"')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect();
    if !quoted.is_empty() {
        return quoted;
    }
    instr
        .split_whitespace()
        .skip(1)
        .filter(|w| !w.starts_with('\\'))
        .take(1)
        .map(str::to_string)
        .collect()
}

impl Reader<'_> {
    /// A piece of the open field's instruction.
    pub(super) fn instr_text(&mut self, c: &Element) {
        if let Some(f) = self.fields.last_mut().filter(|f| !f.result) {
            f.instr.push_str(&c.text());
        }
    }

    /// Whether the text at this point is inside a field's instruction or a left-out result.
    pub(super) fn hides(&self) -> bool {
        self.fields
            .iter()
            .any(|f| !f.result || f.kind == Kind::Drop)
    }

    pub(super) fn field_char(&mut self, c: &Element, g: &mut Gathered) {
        match c.attr(Ns::W, "fldCharType") {
            Some("begin") => self.fields.push(Field {
                instr: String::new(),
                result: false,
                kind: Kind::Keep,
                start: None,
            }),
            Some("separate") => {
                let paragraph = self.paragraph;
                if let Some(f) = self.fields.last_mut() {
                    f.result = true;
                    f.kind = kind_of(&f.instr);
                    f.start = Some((paragraph, g.items.len()));
                }
                if self.fields.last().is_some_and(|f| f.kind == Kind::Drop) {
                    self.dropped.fields += 1;
                }
            }
            Some("end") => {
                let Some(f) = self.fields.pop() else { return };
                if let (Kind::Link(target), Some((p, at))) = (f.kind, f.start) {
                    if p == self.paragraph && at <= g.items.len() {
                        let text: Vec<Inline> = g.items.drain(at..).collect();
                        if !text.is_empty() {
                            g.items.push(Inline::Link { target, text });
                        }
                    }
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_instructions() {
        assert_eq!(
            kind_of(r#" HYPERLINK "https://thl.fi/" "#),
            Kind::Link(Target::External("https://thl.fi/".into()))
        );
        assert_eq!(
            kind_of(r#"HYPERLINK \l "_Toc123""#),
            Kind::Link(Target::Bookmark("_Toc123".into()))
        );
        assert_eq!(
            kind_of(r#"REF _Ref42 \h"#),
            Kind::Link(Target::Bookmark("_Ref42".into()))
        );
        assert_eq!(kind_of(r#" TOC \o "1-3" \h \z \u "#), Kind::Drop);
        assert_eq!(kind_of(" PAGE "), Kind::Drop);
        assert_eq!(kind_of(r#" DATE \@ "d.M.yyyy" "#), Kind::Keep);
    }
}
