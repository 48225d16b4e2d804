//! The catalogue is complete: every message the code can make has its three languages, with
//! the same placeholders, and nothing in it is left unused.

use super::catalogue::{parse, Entry, ENTRIES};
use super::*;
use std::collections::BTreeSet;

#[test]
fn placeholders_plurals_and_braces_are_filled() {
    let m = crate::msg!(
        "{n} {n|goal|goals} in `{plan}`, {{literal}}",
        n = 1,
        plan = "x"
    );
    assert_eq!(m.to_string(), "1 goal in `x`, {literal}");
    let m = crate::msg!(
        "Pulled {n} {n|indicator|indicators} ({rows} {rows|row|rows}).",
        n = 3,
        rows = 1
    );
    assert_eq!(m.to_string(), "Pulled 3 indicators (1 row).");
    assert_eq!(m.render(Lang::Fi), "Haettiin 3 mittaria (1 rivi).");
    assert_eq!(m.render(Lang::Sv), "Hämtade 3 indikatorer (1 rad).");
    let noun = crate::msg!("a municipality");
    let nested = crate::msg!("{id} is not {noun}", id = "KUNTA:999", noun: noun);
    assert_eq!(nested.render(Lang::Fi), "KUNTA:999 ei ole kunta");
    assert_eq!(nested.render(Lang::Sv), "KUNTA:999 är inte en kommun");
}

#[test]
fn long_values_are_clipped_where_the_message_is_made() {
    let huge = "ä".repeat(5 << 20);
    let m = crate::msg!(
        "`{s}` is not a valid date; write it as YYYY-MM-DD, e.g. 2026-04-14",
        s = huge
    );
    let text = m.render(Lang::Fi);
    assert!(text.len() < 1000, "{}", text.len());
    assert!(
        text.contains(&format!("`{}…`", "ä".repeat(super::MAX_VALUE_CHARS))),
        "{text}"
    );
    let short = crate::msg!(
        "`{s}` is not a valid date; write it as YYYY-MM-DD, e.g. 2026-04-14",
        s = "ok"
    );
    assert!(short.render(Lang::En).starts_with("`ok` is"));
}

#[test]
fn a_packed_message_comes_back_whole() {
    let m = crate::msg!("`{written}` is not {what}", written = "valmis", what: crate::msg!("a measure status"));
    let text = format!("focus_areas[0]: {}", m.pack());
    let (before, back, rest) = Msg::unpack(&text).unwrap();
    assert_eq!((before, rest), ("focus_areas[0]: ", ""));
    assert_eq!(back.render(Lang::Fi), "`valmis` ei ole toimenpiteen tila");
}

/// The English templates of every `msg!` (and `vocabulary!`) in the source, read from the
/// source files themselves: a message added without a catalogue entry fails here.
fn templates_in_source() -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    for entry in walkdir::WalkDir::new(src).into_iter().flatten() {
        let is_tests = entry.file_name() == "tests.rs";
        if entry.path().extension().is_some_and(|e| e == "rs") && !is_tests {
            let text = std::fs::read_to_string(entry.path()).unwrap();
            // A file's own unit tests come last; their messages are the tests' own.
            let own_tests = format!("#[cfg(test)]\nmod tests {OPEN}");
            let text = text.split(&own_tests).next().unwrap_or_default();
            out.extend(literals_after(text, "msg!("));
            out.extend(literals_after(text, "vocabulary!("));
        }
    }
    out.remove("");
    out
}

/// The string literal that opens each call of `open` in `text` (comments skipped), unescaped.
fn literals_after<'a>(text: &'a str, open: &'a str) -> impl Iterator<Item = String> + 'a {
    text.match_indices(open).filter_map(move |(at, _)| {
        let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
        if text[line_start..at].contains("//") {
            return None;
        }
        let mut rest = text[at + open.len()..].trim_start();
        if open.starts_with("vocabulary") {
            rest = rest.split_once(',')?.1.trim_start();
        }
        literal(rest)
    })
}

/// A Rust string literal at the start of `s`: `"…"` with escapes, or `r#"…"#`.
fn literal(s: &str) -> Option<String> {
    if let Some(raw) = s.strip_prefix('r') {
        let hashes = raw.chars().take_while(|&c| c == '#').count();
        let body = raw[hashes..].strip_prefix('"')?;
        let end = body.find(&format!("\"{}", "#".repeat(hashes)))?;
        return Some(body[..end].to_string());
    }
    let mut chars = s.strip_prefix('"')?.chars();
    let mut out = String::new();
    while let Some(c) = chars.next() {
        match c {
            '"' => return Some(out),
            '\\' => match chars.next()? {
                'n' => out.push('\n'),
                't' => out.push('\t'),
                '\n' => {
                    let rest: String = chars.clone().collect();
                    let skipped = rest.len() - rest.trim_start().len();
                    for _ in 0..rest[..skipped].chars().count() {
                        chars.next();
                    }
                }
                other => out.push(other),
            },
            c => out.push(c),
        }
    }
    None
}

/// Braces, written so to keep brace-counting tools right.
const OPEN: char = '\u{7b}';
const CLOSE: char = '\u{7d}';

/// The placeholders of a template: `{name}` and the name of `{name|one|other}`.
fn placeholders(template: &str) -> BTreeSet<String> {
    let plain = template
        .replace(&OPEN.to_string().repeat(2), "")
        .replace(&CLOSE.to_string().repeat(2), "");
    plain
        .split(OPEN)
        .skip(1)
        .filter_map(|p| p.split_once(CLOSE))
        .map(|(inner, _)| inner.split('|').next().unwrap_or_default().to_string())
        .collect()
}

/// Whether a template says anything besides its placeholders (a frame such as
/// `{path}: {detail}` is the same in every language).
fn has_words(template: &str) -> bool {
    let mut depth = 0;
    template.chars().any(|c| {
        if c == OPEN {
            depth += 1;
        } else if c == CLOSE {
            depth -= 1;
        }
        depth == 0 && c.is_alphabetic()
    })
}

#[test]
fn every_message_in_the_source_has_all_three_languages() {
    let known: BTreeSet<&str> = ENTRIES.iter().map(|e| e.en).collect();
    let missing: Vec<String> = templates_in_source()
        .into_iter()
        .filter(|t| !known.contains(t.as_str()))
        .collect();
    assert!(
        missing.is_empty(),
        "messages without a catalogue entry: {missing:#?}"
    );
}

#[test]
fn every_entry_is_complete_and_its_placeholders_agree() {
    let mut problems = Vec::new();
    let mut seen = BTreeSet::new();
    for e in ENTRIES.iter() {
        if !seen.insert(e.en) {
            problems.push(format!("line {}: `{}` is listed twice", e.line, e.en));
        }
        let (Some(fi), Some(sv)) = (e.fi, e.sv) else {
            problems.push(format!("line {}: `{}` lacks fi: or sv:", e.line, e.en));
            continue;
        };
        for (lang, text) in [("fi", fi), ("sv", sv)] {
            if placeholders(text) != placeholders(e.en) {
                problems.push(format!(
                    "line {}: the {lang} text of `{}` has other placeholders",
                    e.line, e.en
                ));
            }
            if text.trim().is_empty() || (text == e.en && has_words(e.en)) {
                problems.push(format!(
                    "line {}: `{}` is not translated into {lang}",
                    e.line, e.en
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn no_entry_is_left_unused() {
    let used = templates_in_source();
    let unused: Vec<&Entry> = ENTRIES
        .iter()
        .filter(|e| !e.help && !used.contains(e.en))
        .collect();
    assert!(
        unused.is_empty(),
        "catalogue entries no code uses: {unused:#?}"
    );
}

#[test]
fn a_block_without_a_language_is_seen() {
    let entries = parse("en: one\nfi: yksi\n\nen: two\nsv: två\n");
    assert_eq!(entries.len(), 2);
    assert_eq!(entries[1].fi, None);
    assert_eq!(entries[1].line, 4);
}

#[test]
fn numbers_are_written_in_the_language_of_the_message() {
    let m = crate::msg!(
        "mean {computed} computed, {published} published",
        computed => Arg::number(1.5, 2),
        published => Arg::number_as_written(1.7)
    );
    assert_eq!(m.render(Lang::En), "mean 1.50 computed, 1.7 published");
    assert_eq!(m.render(Lang::Fi), "laskettu keskiarvo 1,50, julkaistu 1,7");
    assert_eq!(
        m.render(Lang::Sv),
        "beräknat medelvärde 1,50, publicerat 1,7"
    );
}
