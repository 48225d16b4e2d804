//! Hostile content: what the build accepts comes out without a script, an event handler or a
//! script URL; what it refuses is an error at the value's position, one test per URL field.

use crate::common;

use crate::common::{fixture_with, kertomus};
use std::path::Path;

const ROOT: &str = "tests/fixtures/hostile";

/// Every written HTML file of a built site, with its path.
fn html_files(public: &Path) -> Vec<(String, String)> {
    walkdir::WalkDir::new(public)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .map(|e| {
            let text = std::fs::read_to_string(e.path()).unwrap();
            (e.path().display().to_string(), text)
        })
        .collect()
}

/// Whether any tag has an `on…=` attribute (the HTML is lower-cased). Quoted attribute
/// values are left out first: escaped author text inside them is harmless.
fn has_handler(html: &str) -> bool {
    html.split('<').skip(1).any(|tag| {
        let tag = tag.split('>').next().unwrap_or_default();
        let mut names = String::new();
        let mut quote = None;
        for c in tag.chars() {
            match (quote, c) {
                (None, '"' | '\'') => quote = Some(c),
                (Some(q), c) if c == q => quote = None,
                (None, c) => names.push(c),
                _ => {}
            }
        }
        names
            .split(|c: char| c.is_whitespace())
            .skip(1)
            .any(|attr| {
                let name = attr.split('=').next().unwrap_or_default();
                attr.contains('=')
                    && name.len() > 2
                    && name.starts_with("on")
                    && name.chars().all(|c| c.is_ascii_lowercase())
            })
    })
}

#[test]
fn accepted_payloads_leave_no_script_handler_or_script_url() {
    let (_dir, public) = common::build_fixture(ROOT);
    let files = html_files(&public);
    let page = common::read(&public, "vihamielinen/index.html");
    assert!(page.contains("<h2 id=\"otsikko-ja\">"), "{page}");
    // The table of contents has the heading's words only: no tag, no script's code.
    assert!(
        page.contains("<li><a href=\"#otsikko-ja\">Otsikko ja</a></li>"),
        "{page}"
    );
    assert!(page.contains("<section class=\"footnotes\""), "{page}");
    for (path, html) in &files {
        let lower = html.to_ascii_lowercase();
        assert!(
            !lower.contains("javascript:"),
            "{path}: a script URL survived"
        );
        assert!(!lower.contains("<iframe"), "{path}: an iframe survived");
        assert!(
            !lower.contains(" style="),
            "{path}: an inline style survived"
        );
        assert!(!has_handler(&lower), "{path}: an event handler survived");
        for tag in lower.match_indices("<script").map(|(i, _)| &lower[i..]) {
            let tag = &tag[..tag.find('>').unwrap()];
            assert!(
                tag.contains(" src=\"/hyte/js/"),
                "{path}: a script that is not ours: {tag}"
            );
        }
    }
}

/// Builds the fixture with one file changed and returns stderr; the build must fail.
fn refused(file: &str, text: &str) -> String {
    let dir = fixture_with(ROOT, &[(file, text.as_bytes())]);
    let o = kertomus(&["build", "-q", "--root", dir.path().to_str().unwrap()]);
    let err = String::from_utf8_lossy(&o.stderr).to_string();
    assert!(!o.status.success(), "{file} was accepted");
    assert!(!dir.path().join("public").exists(), "{err}");
    err
}

const SITE: &str = "title: {fi: \"Testikunta\", sv: \"Testkommun\"}\nbase_url: \"https://example.fi/hyte/\"\nlanguages: [fi, sv]\n";

fn document(field: &str) -> String {
    format!(
        "---\ntitle: \"Raportti\"\ndocument:\n  type: kertomus\n  council_term: 2025-2029\n  period: 2025-2029\n  status: draft\n{field}\n---\n\nTeksti.\n"
    )
}

#[test]
fn a_script_url_in_front_matter_is_an_error_at_its_position() {
    let err = refused(
        "content/raportti/index.md",
        &document("  handling:\n    - {body: \"Hallitus\", date: 2026-03-16, minutes_url: \"javascript:alert(1)\"}"),
    );
    assert!(
        err.contains("content/raportti/index.md:9:58: error: document.handling[0]: `javascript:` links are not allowed"),
        "{err}"
    );
    assert!(
        err.contains("hint: link to a page or a web address instead"),
        "{err}"
    );

    let err = refused(
        "content/raportti/index.md",
        &document(
            "  approval: {body: \"Valtuusto\", date: 2026-04-14, minutes_url: \"vbscript:x\"}",
        ),
    );
    assert!(err.contains("content/raportti/index.md:8:"), "{err}");
    assert!(err.contains("`vbscript:` links are not allowed"), "{err}");

    let err = refused(
        "content/raportti/index.md",
        &document(
            "  related:\n    - {title: \"Muu\", url: \"data:text/html,<script>alert(1)</script>\"}",
        ),
    );
    assert!(err.contains("content/raportti/index.md:9:"), "{err}");
    assert!(err.contains("`data:` links are not allowed"), "{err}");
}

#[test]
fn a_bad_address_in_site_yaml_is_an_error_at_its_position() {
    for (field, line, message) in [
        (
            "contact: {name: \"K\", email: \"javascript:alert(1)\"}",
            4,
            "is not an e-mail address",
        ),
        (
            "accessibility: {compliance: full, feedback_url: \"javascript:alert(1)\"}",
            4,
            "`javascript:` links are not allowed",
        ),
        (
            "accessibility: {compliance: full, feedback_email: \"x@y.fi?bcc=z@w.fi\"}",
            4,
            "is not an e-mail address",
        ),
        (
            "accessibility:\n  compliance: full\n  supervisor: {url: \"javascript:alert(1)\"}",
            6,
            "`javascript:` links are not allowed",
        ),
        (
            "accessibility:\n  compliance: full\n  supervisor: {email: \"a b@c.fi\"}",
            6,
            "is not an e-mail address",
        ),
    ] {
        let err = refused("content/site.yaml", &format!("{SITE}{field}\n"));
        let at = format!("content/site.yaml:{line}:");
        assert!(
            err.contains(&at) && err.contains(message),
            "{field}:\n{err}"
        );
    }
}

#[test]
fn a_script_url_for_an_organisation_is_an_error_at_its_position() {
    let err = refused(
        "content/data/organisations.yaml",
        "- {id: kunta, type: kunta, name: \"Kunta\", url: \"javascript:alert(1)\"}\n",
    );
    assert!(
        err.contains("content/data/organisations.yaml:1:")
            && err.contains("`javascript:` links are not allowed"),
        "{err}"
    );
}

#[test]
fn the_handler_scan_sees_handlers_but_not_escaped_text() {
    assert!(has_handler("<h2 id=\"y\" onfocus=\"alert(1)\">"));
    assert!(has_handler("<img src=x onerror=alert(1)>"));
    assert!(!has_handler(
        "<meta content=\"a &quot; onmouseover=&quot;x\">"
    ));
    assert!(!has_handler("<p>one=1 onward</p>"));
}
