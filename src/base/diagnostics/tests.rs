//! Unit tests of diagnostics: positions, windows of long lines, capped reports.

use super::*;
use crate::msg;

#[test]
fn many_alike_are_one_entry_and_other_files_are_counted() {
    let many: Vec<Diagnostic> = (1..=30)
        .map(|l| Diagnostic::at_known_line("a.csv", l, 1, "x;y", msg!("bad")))
        .chain(
            (1..=200)
                .map(|l| Diagnostic::at_known_line(format!("f{l}.csv"), 1, 1, "x", msg!("bad"))),
        )
        .collect();
    let out = report(&many, crate::base::messages::Lang::En);
    assert!(
        out.contains("a.csv: 30 errors of this kind in this file, lines 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, …"),
        "{out}"
    );
    assert_eq!(out.matches("error: bad").count(), 10, "{out}");
    assert!(
        out.contains("… and in 191 other files: 191 errors"),
        "{out}"
    );
    assert!(out.ends_with("230 errors, 0 warnings\n"));
}

#[test]
fn errors_come_first_and_warnings_are_never_crowded_out() {
    let mut many: Vec<Diagnostic> = (1..=300)
        .map(|l| Diagnostic::at_known_line(format!("w{l}.csv"), 1, 1, "x", msg!("bad")).warning())
        .collect();
    many.push(Diagnostic::at_known_line("z.csv", 9, 1, "x", msg!("worse")));
    let out = report(&many, crate::base::messages::Lang::En);
    assert!(out.starts_with("z.csv:9:1: error: worse"), "{out}");
    assert!(
        out.contains("… and in 290 other files: 290 warnings"),
        "{out}"
    );
    assert!(out.len() < 10_000, "{}", out.len());
}

#[test]
fn a_huge_line_is_kept_as_a_short_window_around_the_column() {
    let line = format!("{}X{}", "a".repeat(5 << 20), "b".repeat(1000));
    let d = Diagnostic::at_known_line("v.csv", 2, (5 << 20) + 1, &line, msg!("bad"));
    let snippet = d.source_line.clone().unwrap();
    assert!(
        snippet.text.chars().count() <= 102,
        "{}",
        snippet.text.len()
    );
    assert_eq!(snippet.text.chars().nth(snippet.col - 1), Some('X'));
    assert!(d
        .headline(crate::base::messages::Lang::En)
        .starts_with("v.csv:2:5242881: error: bad"));
    let short = Diagnostic::at_known_line("v.csv", 1, 3, "abcdef", msg!("bad"));
    assert_eq!(
        *short.source_line.unwrap(),
        Snippet {
            text: "abcdef".into(),
            col: 3
        }
    );
}

#[test]
fn line_col_counts_characters_not_bytes() {
    let text = "ab\näö x";
    assert_eq!(line_col(text, 0), (1, 1));
    assert_eq!(line_col(text, 3), (2, 1));
    // "äö " is 5 bytes; x is the 4th character of line 2
    assert_eq!(line_col(text, 8), (2, 4));
}

#[test]
fn report_shows_position_source_and_hint() {
    let d = Diagnostic::at_line_col(
        "content/a.md",
        "x\ntitel: 1\n",
        2,
        1,
        msg!("unknown key `titel`"),
    )
    .with_hint(msg!("did you mean `title`?"));
    let out = report(&[d], crate::base::messages::Lang::En);
    assert!(
        out.starts_with("content/a.md:2:1: error: unknown key `titel`\n"),
        "{out}"
    );
    assert!(out.contains("2 | titel: 1"));
    assert!(out.contains("= hint: did you mean `title`?"));
    assert!(out.ends_with("1 error, 0 warnings\n"));
}

#[test]
fn files_come_in_the_order_their_first_problem_was_found() {
    let at = |path: &str, line| Diagnostic::at_known_line(path, line, 1, "x", msg!("bad"));
    // Found in this order: the cause in z.md, then what followed from it in a.md and in z.md.
    let found = [at("z.md", 5), at("a.md", 2), at("z.md", 1), at("a.md", 1)];
    let out = report(&found, crate::base::messages::Lang::En);
    let lines: Vec<&str> = out.lines().filter(|l| l.contains(": error:")).collect();
    assert_eq!(
        lines,
        [
            "z.md:1:1: error: bad",
            "z.md:5:1: error: bad",
            "a.md:1:1: error: bad",
            "a.md:2:1: error: bad"
        ]
    );
}
