//! Unit tests of site.yaml: defaults and the base path, unknown keys and values with hints.

use super::*;

fn parse(text: &str) -> Result<Config, Vec<Diagnostic>> {
    Config::parse(text, Path::new("content/site.yaml"), None)
}

#[test]
fn defaults_and_base_path() {
    let c =
        parse("title: Testi\nbase_url: https://example.fi/hyte\nlanguages: [fi, sv]\n").unwrap();
    assert_eq!(c.base_url, "https://example.fi/hyte/");
    assert_eq!(c.base_path, "/hyte/");
    assert_eq!(c.default_language(), "fi");
    assert_eq!(c.raw_html, RawHtml::Sanitize);
    assert_eq!(c.theme, "default");
}

#[test]
fn unknown_key_is_an_error_with_a_hint() {
    let errs = parse("title: Testi\nlanguage: [fi]\n").unwrap_err();
    assert_eq!((errs[0].line, errs[0].col), (2, 1));
    assert_eq!(
        errs[0].hint.as_ref().map(ToString::to_string).as_deref(),
        Some("did you mean `languages`?")
    );
}

#[test]
fn bad_enum_value_names_the_choices() {
    let errs = parse("title: T\nmarkdown: {raw_html: sanitise}\n").unwrap_err();
    assert!(errs[0].message.contains("sanitise"));
    assert_eq!(
        errs[0].hint.as_ref().map(ToString::to_string).as_deref(),
        Some("did you mean `sanitize`?")
    );
}
