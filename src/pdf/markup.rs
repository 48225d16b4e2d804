//! Writing Typst markup: the one escaper for text that enters it, string literals for text in
//! code positions, and a builder that marks every text written in another language than the
//! document's.
//!
//! Author text is hostile: a `#` would start code (`#read("/etc/passwd")`), `[` and `]` would
//! close the content block it stands in, `$` would start math, `*` and `_` would make bold and
//! italics, `<` a label, `@` a reference, `//` a comment, `http://` a link, a line starting
//! with `-`, `+`, `=` or `1.` a list or heading. Every ASCII punctuation character is written
//! with a backslash, which Typst's markup reads as that character and nothing else; control
//! characters become spaces, so no author text can end a line of its own.

use std::fmt::Write as _;

/// Text as Typst markup that shows exactly that text.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        if c.is_ascii_punctuation() {
            out.push('\\');
            out.push(c);
        } else if c.is_control() {
            out.push(' ');
        } else {
            out.push(c);
        }
    }
    out
}

/// Text as a Typst string literal (`"…"`), for arguments such as a link's address, an image's
/// alternative text or the document's title.
pub(crate) fn string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Markup for one document, in its language.
#[derive(Debug, Default)]
pub(crate) struct Markup {
    /// The markup written so far.
    pub out: String,
    /// The document's language; text in another one is marked with `#text(lang: …)`.
    pub lang: String,
}

impl Markup {
    /// Empty markup of a document in `lang`.
    pub(crate) fn new(lang: &str) -> Markup {
        Markup {
            out: String::new(),
            lang: lang.to_string(),
        }
    }

    /// Markup the builder wrote itself.
    pub(crate) fn raw(&mut self, markup: &str) -> &mut Self {
        self.out.push_str(markup);
        self
    }

    /// Text in the document's language.
    pub(crate) fn text(&mut self, text: &str) -> &mut Self {
        self.out.push_str(&escape(text));
        self
    }

    /// Text written in `in_lang`: marked when that is not the document's language, so that a
    /// screen reader pronounces it right.
    pub(crate) fn text_in(&mut self, text: &str, in_lang: &str) -> &mut Self {
        if in_lang == self.lang || in_lang.is_empty() {
            self.text(text)
        } else {
            let _ = write!(
                self.out,
                "#text(lang: {})[{}]",
                string(in_lang),
                escape(text)
            );
            self
        }
    }

    /// A localised text of the model, in the document's language or its fallback.
    pub(crate) fn tx(&mut self, t: &crate::base::text::Text, default: &str) -> &mut Self {
        let l = t.get(&self.lang, default);
        self.text_in(&l.text, &l.lang)
    }

    /// A heading of `level` (1 for the document's parts).
    pub(crate) fn heading(&mut self, level: u8, f: impl FnOnce(&mut Markup)) -> &mut Self {
        self.out.push('\n');
        for _ in 0..level.max(1) {
            self.out.push('=');
        }
        self.out.push(' ');
        f(self);
        self.out.push_str("\n\n");
        self
    }

    /// A paragraph break.
    pub(crate) fn par(&mut self) -> &mut Self {
        self.out.push_str("\n\n");
        self
    }

    /// A live link to an absolute address, with `f` writing its text.
    pub(crate) fn link(&mut self, url: &str, f: impl FnOnce(&mut Markup)) -> &mut Self {
        let _ = write!(self.out, "#link({})[", string(url));
        f(self);
        self.out.push(']');
        self
    }

    /// A link whose text is its own address, as paper needs it.
    pub(crate) fn url(&mut self, url: &str) -> &mut Self {
        self.link(url, |m| {
            m.text(url);
        })
    }
}

/// A table with a header row and, when `row_heads`, a header cell at the start of each row,
/// so that the PDF tags every cell with the headers it falls under.
pub(crate) struct Table {
    /// Column widths or count, as Typst reads them (`(auto, 1fr)` or `3`).
    pub columns: String,
    /// The alignment of each column (`(left, right)`).
    pub align: String,
    /// Whether the first cell of each body row heads its row.
    pub row_heads: bool,
}

impl Table {
    /// A table of `n` columns, the first left-aligned and the rest right-aligned (numbers):
    /// as narrow as its cells when it has few columns, else sharing the width, the first
    /// (the rows' names) twice as wide as the others.
    pub(crate) fn numeric(n: usize, row_heads: bool) -> Table {
        let mut align = vec!["left"];
        align.extend(std::iter::repeat_n("right", n.saturating_sub(1)));
        let columns = if n <= 3 {
            vec!["auto"; n]
        } else {
            std::iter::once("2fr")
                .chain(std::iter::repeat_n("1fr", n - 1))
                .collect()
        };
        Table {
            columns: format!("({},)", columns.join(", ")),
            align: format!("({},)", align.join(", ")),
            row_heads,
        }
    }

    /// A table of `n` left-aligned columns sharing the width.
    pub(crate) fn text(n: usize, row_heads: bool) -> Table {
        Table {
            columns: format!("({},)", vec!["1fr"; n].join(", ")),
            align: "left".to_string(),
            row_heads,
        }
    }

    /// Writes the table: `caption` (when given) above it, `head` the column heads, each of
    /// `rows` its cells as markup.
    pub(crate) fn write(
        &self,
        m: &mut Markup,
        caption: Option<&str>,
        head: &[String],
        rows: &[Vec<String>],
    ) {
        let mut t = format!(
            "table(columns: {}, align: {}, table.header(",
            self.columns, self.align
        );
        for h in head {
            let _ = write!(t, "[{h}], ");
        }
        t.push_str("),\n");
        for row in rows {
            for (i, cell) in row.iter().enumerate() {
                if i == 0 && self.row_heads {
                    let _ = write!(t, "pdf.header-cell(scope: \"row\")[{cell}], ");
                } else {
                    let _ = write!(t, "[{cell}], ");
                }
            }
            t.push('\n');
        }
        t.push(')');
        match caption {
            Some(c) => {
                let _ = write!(m.out, "\n#figure(kind: table, caption: [{c}], {t})\n\n");
            }
            None => {
                let _ = write!(m.out, "\n#{t}\n\n");
            }
        }
    }
}

/// `text` as table-cell markup (escaped).
pub(crate) fn cell(text: &str) -> String {
    escape(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_literals() {
        assert_eq!(string("a\"b\\c\nd"), "\"a\\\"b\\\\c\\nd\"");
        assert_eq!(string("x\u{7}"), "\"x\\u{7}\"");
    }

    #[test]
    fn punctuation_is_escaped_and_letters_are_not() {
        assert_eq!(escape("Äiti #1 [x]"), "Äiti \\#1 \\[x\\]");
        assert_eq!(escape("a\u{0}b"), "a b");
    }
}
