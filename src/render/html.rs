//! Texts from YAML as HTML for the views: escaped, Markdown where the format allows it, and
//! wrapped in an element with `lang` when the text falls back to another language, so that
//! screen readers pronounce it right.

use crate::text::Text;

/// Markdown written in YAML (a summary, a description) as sanitized HTML.
pub(crate) fn markdown_to_safe_html(text: &str) -> String {
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, pulldown_cmark::Parser::new(text));
    ammonia::clean(&html)
}

/// A short text, escaped.
pub(crate) fn tx(t: &Text, lang: &str, default: &str) -> String {
    let l = t.get(lang, default);
    let text = crate::escape::escape(&l.text);
    if l.lang == lang {
        text
    } else {
        format!("<span lang=\"{}\">{text}</span>", l.lang)
    }
}

/// A short text as plain text (for `<title>` and descriptions).
pub(crate) fn plain(t: &Text, lang: &str, default: &str) -> String {
    t.get(lang, default).text
}

/// A Markdown text as a block of HTML.
pub(crate) fn md(t: &Text, lang: &str, default: &str) -> String {
    let l = t.get(lang, default);
    let html = markdown_to_safe_html(&l.text);
    if l.lang == lang {
        html
    } else {
        format!("<div lang=\"{}\">{html}</div>", l.lang)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fallbacks_carry_their_language() {
        let t = Text::Plain("Mielen <hyvinvointi>".into());
        assert_eq!(tx(&t, "fi", "fi"), "Mielen &lt;hyvinvointi&gt;");
        assert_eq!(
            tx(&t, "sv", "fi"),
            "<span lang=\"fi\">Mielen &lt;hyvinvointi&gt;</span>"
        );
        assert_eq!(
            md(&Text::Plain("**a**".into()), "sv", "fi"),
            "<div lang=\"fi\"><p><strong>a</strong></p>\n</div>"
        );
    }
}
