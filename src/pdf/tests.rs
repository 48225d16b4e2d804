//! Author text through the markup into the typeset document: whatever it holds, it comes out
//! as the same text, and nothing in it runs.

use super::markup::{escape, string, Markup, Table};
use super::world::{self, Files, ProblemKind, Typesetter};

/// Everything in Typst's markup and code that author text must not be able to reach.
const HOSTILE: &[&str] = &[
    "#read(\"/etc/passwd\")",
    "#eval(\"1 + 1\")",
    "#import \"x.typ\": *",
    "#set page(paper: \"a0\")",
    "] #pagebreak() [",
    "[x] $x^2$ *lihava* _kursiivi_",
    "\\ \\\\ \\u{41} \\#",
    "<etiketti> @viite",
    "// ei kommentti /* eikä tämä */",
    "`koodia` ```raw```",
    "= ei otsikko",
    "- ei luettelo",
    "+ ei numeroitu",
    "1. ei numeroitu",
    "/ Termi: ei termi",
    "~ -- --- ... 'lainaus' \"lainaus\"",
    "https://example.fi/ei-linkki",
    "{ let x = 1 } #{ \"koodia\" } #(1 + 2)",
    "Äiti ja Åbo, ½ · – — ’",
];

/// The text of the typeset pages, in the order it was laid out, without whitespace.
fn typeset_text(markup: &str) -> String {
    let t = Typesetter::new();
    world::compile_for_test(&t, markup, &Files::default())
        .unwrap_or_else(|p| panic!("{p:?}\n{markup}"))
}

/// `s` without whitespace, as [`typeset_text`] gives it.
fn bare(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn hostile_text_comes_out_as_itself() {
    let mut m = Markup::new("fi");
    for h in HOSTILE {
        m.text(h).par();
    }
    // In a content argument too, and marked as another language.
    m.raw("#strong[")
        .text_in("] #read(\"x\") [", "sv")
        .raw("]\n\n");
    let text = typeset_text(&m.out);
    for h in HOSTILE {
        assert!(
            text.contains(&bare(h)),
            "{h:?} did not come out as itself in:\n{text}"
        );
    }
    assert!(text.contains(&bare("] #read(\"x\") [")));
}

#[test]
fn hostile_text_in_strings_and_tables_comes_out_as_itself() {
    let mut m = Markup::new("fi");
    let head: Vec<String> = HOSTILE[..3].iter().map(|h| escape(h)).collect();
    let rows: Vec<Vec<String>> = vec![HOSTILE[3..6].iter().map(|h| escape(h)).collect()];
    Table::text(3, true).write(&mut m, Some(&escape(HOSTILE[6])), &head, &rows);
    m.raw(&format!(
        "#text({})\n\n",
        string("\" + read(\"/etc/passwd\") + \"")
    ));
    let text = typeset_text(&m.out);
    for h in &HOSTILE[..7] {
        assert!(
            text.contains(&bare(h)),
            "{h:?} did not come out as itself in:\n{text}"
        );
    }
    assert!(text.contains(&bare("\" + read(\"/etc/passwd\") + \"")));
}

#[test]
fn a_character_no_font_has_is_reported_where_it_was_written() {
    let mut m = Markup::new("fi");
    m.text("Tekstiä ").par();
    let at = m.out.len();
    m.text("ja \u{1F600} hymiö");
    let t = Typesetter::new();
    let problems = world::compile_for_test(&t, &m.out, &Files::default())
        .map(|_| Vec::new())
        .unwrap_or_else(|p| p);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].kind, ProblemKind::Glyph('\u{1F600}'));
    let offset = problems[0].offset.expect("placed");
    assert!(offset >= at, "{offset} < {at}");
}
