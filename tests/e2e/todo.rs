//! Front matter `todo:`: what the author still has to do on a page. `kertomus check` reports
//! each item at its line (in the page's language for an item written in several), so
//! `--deny-warnings` fails while any is left; `kertomus build` warns once with the count.

use crate::common::{fixture_with, kertomus};

const BASIC: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/basic");

const PAGE: &str = "---
title: \"Tavallinen sivu\"
todo:
  - \"Lisää kuvalle vaihtoehtoinen teksti\"
  - fi: \"Tarkista luvut\"
    sv: \"Kontrollera siffrorna\"
---

Tekstiä.
";

const SWEDISH: &str = "---
title: \"Vanlig sida\"
todo: [{fi: \"Tarkista luvut\", sv: \"Kontrollera siffrorna\"}]
---

Text.
";

#[test]
fn check_reports_each_item_and_build_counts_the_pages() {
    let site = fixture_with(
        BASIC,
        &[
            ("content/sivu.md", PAGE.as_bytes()),
            ("content/sivu.sv.md", SWEDISH.as_bytes()),
        ],
    );
    let root = site.path().to_str().unwrap();
    let o = kertomus(&["check", "--root", root, "--format", "json"]);
    let report: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let items: Vec<(String, u64, u64, String)> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["kind"] == "unfinished items")
        .map(|d| {
            (
                d["path"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap(),
                d["column"].as_u64().unwrap(),
                d["message"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let expected = [
        (
            "content/sivu.md",
            4,
            5,
            "still to do: Lisää kuvalle vaihtoehtoinen teksti",
        ),
        ("content/sivu.md", 5, 5, "still to do: Tarkista luvut"),
        (
            "content/sivu.sv.md",
            3,
            1,
            "still to do: Kontrollera siffrorna",
        ),
    ];
    let expected: Vec<(String, u64, u64, String)> = expected
        .iter()
        .map(|(p, l, c, m)| (p.to_string(), *l, *c, m.to_string()))
        .collect();
    assert_eq!(items, expected);
    let o = kertomus(&["check", "--root", root, "--deny-warnings", "-q"]);
    assert_eq!(o.status.code(), Some(1));
    let o = kertomus(&["build", "--root", root]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{stderr}");
    let warnings: Vec<&str> = stderr.lines().filter(|l| l.contains("warning:")).collect();
    assert_eq!(
        warnings,
        ["content: warning: 2 pages have unfinished items (todo:); kertomus check lists them"]
    );
}

#[test]
fn a_todo_that_is_not_a_list_of_texts_is_an_error_at_its_line() {
    let page = "---\ntitle: \"Sivu\"\ntodo:\n  - {a: [1]}\n---\n";
    let site = fixture_with(BASIC, &[("content/sivu.md", page.as_bytes())]);
    let o = kertomus(&["build", "--root", site.path().to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr.contains("content/sivu.md:4:"), "{stderr}");
}
