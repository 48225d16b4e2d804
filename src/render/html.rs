//! Texts from YAML as HTML for the views: escaped, Markdown where the format allows it, and
//! wrapped in an element with `lang` when the text falls back to another language, so that
//! screen readers pronounce it right.

use crate::base::escape::Html;
use crate::base::text::Text;
use crate::markdown::Fields;

/// A short text, escaped.
pub(crate) fn tx(t: &Text, lang: &str, default: &str) -> Html {
    let l = t.get(lang, default);
    written(&l.text, &l.lang, lang)
}

/// A text written in `in_lang`, escaped, for a page in `lang`: in a `<span lang>` when the
/// two differ. This and [`block`] are the one way a text shown in a fallback language is
/// marked, so that screen readers pronounce it right: views hand templates the marked
/// [`Html`], and templates never add `lang` attributes of their own.
pub(crate) fn written(text: &str, in_lang: &str, lang: &str) -> Html {
    let text = crate::base::escape::escape(text);
    Html::trusted(if in_lang == lang {
        text
    } else {
        format!(
            "<span lang=\"{}\">{text}</span>",
            crate::base::escape::escape(in_lang)
        )
    })
}

/// Markup in the language `in_lang`; in a `<div lang>` when that is not the page's language.
pub(crate) fn block(html: Html, in_lang: &str, lang: &str) -> Html {
    if in_lang == lang {
        html
    } else {
        Html::trusted(format!(
            "<div lang=\"{}\">{html}</div>",
            crate::base::escape::escape(in_lang)
        ))
    }
}

/// A short text as plain text (for `<title>` and descriptions).
pub(crate) fn plain(t: &Text, lang: &str, default: &str) -> String {
    t.get(lang, default).text
}

/// A Markdown text written in YAML (a summary, a description) as a block of HTML for a reader
/// in `lang`, in the site's one dialect and through the page's event loop
/// ([`crate::markdown::Fields`]: links resolved, raw HTML per `markdown.raw_html`).
pub(crate) fn md(fields: &Fields<'_>, t: &Text, lang: &str, default: &str) -> Html {
    let l = t.get(lang, default);
    block(
        Html::trusted(fields.html(&l.text, lang, &l.lang)),
        &l.lang,
        lang,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::{Resolver, Target};

    struct NoPages;

    impl Resolver for NoPages {
        fn resolve(&self, _: &std::path::Path, _: &str) -> Target {
            Target::Missing { suggestion: None }
        }
    }

    #[test]
    fn fallbacks_carry_their_language() {
        let t = Text::plain("Mielen <hyvinvointi>");
        assert_eq!(tx(&t, "fi", "fi").to_string(), "Mielen &lt;hyvinvointi&gt;");
        assert_eq!(
            tx(&t, "sv", "fi").to_string(),
            "<span lang=\"fi\">Mielen &lt;hyvinvointi&gt;</span>"
        );
        let labels = Default::default();
        let fields = Fields::new(Default::default(), &NoPages, &labels);
        assert_eq!(
            md(&fields, &Text::plain("**a**"), "sv", "fi").to_string(),
            "<div lang=\"fi\"><p><strong>a</strong></p>\n</div>"
        );
    }
}
