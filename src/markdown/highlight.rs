//! Syntax highlighting of fenced code with syntect, as CSS classes (`hl-*`) rather than inline
//! styles, so the theme's stylesheet decides the colours (and can keep them at AA contrast).

use std::sync::OnceLock;
use syntect::html::{ClassStyle, ClassedHTMLGenerator};
use syntect::parsing::SyntaxSet;
use syntect::util::LinesWithEndings;

/// Loaded on first use: most pages have no code, and loading the syntaxes takes milliseconds.
fn syntaxes() -> &'static SyntaxSet {
    static SET: OnceLock<SyntaxSet> = OnceLock::new();
    SET.get_or_init(SyntaxSet::load_defaults_newlines)
}

/// Highlighted HTML (`<pre>` element) for `code` in `lang`, or `None` when syntect does not
/// know the language (the caller then prints it plain).
pub(crate) fn highlight(code: &str, lang: &str) -> Option<String> {
    let set = syntaxes();
    let syntax = set.find_syntax_by_token(lang)?;
    let mut gen = ClassedHTMLGenerator::new_with_class_style(
        syntax,
        set,
        ClassStyle::SpacedPrefixed { prefix: "hl-" },
    );
    for line in LinesWithEndings::from(code) {
        gen.parse_html_for_line_which_includes_newline(line).ok()?;
    }
    let lang_class: String = lang
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    Some(format!(
        "<pre class=\"code\" tabindex=\"0\"><code class=\"language-{lang_class}\">{}</code></pre>\n",
        gen.finalize()
    ))
}

#[cfg(test)]
mod tests {
    #[test]
    fn yaml_gets_classes_not_styles() {
        let html = super::highlight("title: \"x\"\n", "yaml").unwrap();
        assert!(html.contains("class=\"hl-"), "{html}");
        assert!(!html.contains("style="));
        assert!(super::highlight("x", "no-such-language").is_none());
    }
}
