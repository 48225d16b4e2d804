//! The one HTML and XML escaper (and its inverse, [`decode`]), and the [`Html`] type that says
//! a string is already markup.
//!
//! Every place that puts text into HTML, SVG or XML (attributes included) escapes it here, so
//! there is one set of rules: `&`, `<`, `>`, `"` and `'` become entities. That set is safe in
//! element content and in both quoted attribute forms.

use serde::{Serialize, Serializer};
use std::fmt;

/// Turns HTML back into text: every named and numeric character reference (`&apos;`,
/// `&#39;`, `&nbsp;`, …) decoded by the html-escape crate, the one decoder for every place
/// that reads the written HTML (the search records, the link checker), so they agree.
pub(crate) fn decode(s: &str) -> String {
    html_escape::decode_html_entities(s).into_owned()
}

/// Escapes text for HTML, SVG and XML, element content and attribute values alike.
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    escape_into(s, &mut out);
    out
}

/// [`escape`], appending to `out`.
pub(crate) fn escape_into(s: &str, out: &mut String) {
    let mut last = 0;
    for (i, b) in s.bytes().enumerate() {
        let entity = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&apos;",
            _ => continue,
        };
        out.push_str(&s[last..i]);
        out.push_str(entity);
        last = i + 1;
    }
    out.push_str(&s[last..]);
}

/// Text as a quoted CSS string that is safe inside a `<style>` element: quotes, backslashes
/// and line breaks are escaped, and `<` is written as `\3c ` so that no `</style>` can end the
/// element early (HTML entities mean nothing there).
pub(crate) fn css_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '<' | '>' | '&' => out.push_str(&format!("\\{:x} ", c as u32)),
            c if c.is_control() => out.push_str(&format!("\\{:x} ", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A string of HTML that is safe to insert as it is: escaped text, or markup that kertomus
/// generated (charts, sanitised Markdown). Views hand generated markup to templates in this
/// type, so a field's type says that it is printed with `| safe`:
/// every view field that templates print with `| safe` has this type, and a `String` field is
/// plain text that templates escape.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct Html(String);

impl Html {
    /// Plain text, escaped.
    pub(crate) fn text(text: &str) -> Html {
        Html(escape(text))
    }

    /// Markup kertomus built itself, from escaped parts. The caller vouches for it.
    pub(crate) fn trusted(markup: impl Into<String>) -> Html {
        Html(markup.into())
    }

    /// The markup, owned.
    pub(crate) fn into_string(self) -> String {
        self.0
    }
}

/// Reading the markup as text (to search it, to measure it) cannot make it unsafe.
impl std::ops::Deref for Html {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Html {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for Html {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_undoes_escape_and_knows_every_entity_form() {
        let written = "Children's & Co\u{a0}<x> \"q\"";
        assert_eq!(decode(&escape(written)), written);
        assert_eq!(
            decode("&#39;&apos;&#x27;&nbsp;&auml;&amp;lt;"),
            "'''\u{a0}ä&lt;"
        );
    }

    #[test]
    fn escapes_every_character_that_can_leave_text_or_an_attribute() {
        assert_eq!(
            escape(r#"<a href="x" title='y'>&</a>"#),
            "&lt;a href=&quot;x&quot; title=&apos;y&apos;&gt;&amp;&lt;/a&gt;"
        );
        assert_eq!(escape("Väestö 2025–2029"), "Väestö 2025–2029");
        assert_eq!(Html::trusted("<b>").to_string(), "<b>");
    }

    #[test]
    fn css_strings_cannot_end_their_string_or_style_element() {
        assert_eq!(
            css_string("Lasten \"hyvä\" arki\\</style>\n"),
            "\"Lasten \\\"hyvä\\\" arki\\\\\\3c /style\\3e \\a \""
        );
    }
}
