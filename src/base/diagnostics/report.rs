//! Diagnostics printed for people: the important ones first, many alike as one entry, and no
//! kind of problem hidden behind the number of another.
//!
//! A report orders diagnostics by their [`Class`] (for a build, errors before warnings; for
//! `kertomus check`, the kinds of finding in their sections), then by file and position. Within
//! a file, problems of one class with the same message are one group: a group of up to
//! [`GROUP_FROM`]` - 1` is printed in full, a larger one as its first problem in full and one
//! line that counts them and lists their lines. At most [`FILES_PER_CLASS`] files are shown
//! per class; the rest of the class is counted on one line. `all` prints every problem in full.

use super::{display_path, Diagnostic, Severity};
use crate::base::messages::{Lang, Msg};
use crate::msg;
use std::collections::HashMap;
use std::fmt::Write as _;

/// What a report groups and orders diagnostics by, in its `Ord` order.
pub trait Class: Ord + Copy {
    /// `n` problems of this class, counted in words ("23 missing translations").
    fn counted(&self, n: usize) -> Msg;

    /// `n` problems of this class with one message, counted in words: the same as
    /// [`Class::counted`] when a class is one kind of problem.
    fn alike(&self, n: usize) -> Msg {
        self.counted(n)
    }
}

/// A build's plain diagnostics: errors, then warnings; alike when their messages are.
impl Class for Severity {
    fn counted(&self, n: usize) -> Msg {
        match self {
            Severity::Error => msg!("{n} {n|error|errors}", n),
            Severity::Warning => msg!("{n} {n|warning|warnings}", n),
        }
    }

    fn alike(&self, n: usize) -> Msg {
        match self {
            Severity::Error => msg!("{n} {n|error|errors} of this kind", n),
            Severity::Warning => msg!("{n} {n|warning|warnings} of this kind", n),
        }
    }
}

/// A group of this many problems of one class and message in one file is printed as its first
/// problem and a line listing the rest.
const GROUP_FROM: usize = 4;
/// Files shown per class; the rest of the class is counted on one line.
const FILES_PER_CLASS: usize = 10;
/// Lines (or cells) a group's line lists.
const PLACES_SHOWN: usize = 12;

/// Renders a build's diagnostics for the terminal in `lang`: grouped as the module says,
/// then the counts of errors and warnings (always complete).
pub fn report(diagnostics: &[Diagnostic], lang: Lang) -> String {
    let items: Vec<(Severity, &Diagnostic)> = diagnostics.iter().map(|d| (d.severity, d)).collect();
    let mut out = grouped(&items, lang, false);
    let count = |error: bool| -> usize {
        diagnostics
            .iter()
            .filter(|d| d.is_error() == error)
            .map(|d| 1 + d.more as usize)
            .sum()
    };
    let (errors, warnings) = (count(true), count(false));
    let counts = msg!(
        "{errors} {errors|error|errors}, {warnings} {warnings|warning|warnings}",
        errors,
        warnings
    );
    let _ = writeln!(out, "{}", counts.render(lang));
    out
}

/// How many problems a diagnostic stands for (a capped file's closing one counts the rest).
fn weight(d: &Diagnostic) -> usize {
    1 + d.more as usize
}

/// The file a diagnostic is in and its place there for a group's line: its line, or for a
/// spreadsheet cell (`file:Sheet!B3`, no line) the cell.
fn file_and_place(d: &Diagnostic) -> (String, Option<String>) {
    let path = display_path(&d.path);
    if d.line > 0 {
        return (path, Some(d.line.to_string()));
    }
    match (&d.source_line, path.split_once(':')) {
        (Some(_), Some((file, cell))) => (file.to_string(), Some(cell.to_string())),
        _ => (path, None),
    }
}

/// `items` grouped and ordered for people, in `lang`; every problem in full with `all`.
pub fn grouped<C: Class>(items: &[(C, &Diagnostic)], lang: Lang, all: bool) -> String {
    let mut sorted: Vec<(C, &Diagnostic, String)> = items
        .iter()
        .map(|(c, d)| (*c, *d, file_and_place(d).0))
        .collect();
    // Within a class, files come in the order their first problem was found: the build finds
    // problems stage by stage, so a cause comes before its consequences (a plan document's
    // broken front matter before the pages that name the document).
    let mut first: HashMap<String, usize> = HashMap::new();
    for (i, (_, _, file)) in sorted.iter().enumerate() {
        first.entry(file.clone()).or_insert(i);
    }
    sorted.sort_by(|a, b| {
        let (fa, fb) = (first[&a.2], first[&b.2]);
        (a.0, fa, a.1.line, a.1.col, &a.1.message).cmp(&(b.0, fb, b.1.line, b.1.col, &b.1.message))
    });
    let mut out = String::new();
    for class in sorted.chunk_by(|a, b| a.0 == b.0) {
        let mut files = 0;
        let (mut left, mut left_files) = (0, 0);
        for file in class.chunk_by(|a, b| a.2 == b.2) {
            files += 1;
            if all {
                file.iter()
                    .for_each(|(_, d, _)| write_one(&mut out, d, lang));
            } else if files <= FILES_PER_CLASS {
                write_file(&mut out, file, lang);
            } else {
                left += file.iter().map(|(_, d, _)| weight(d)).sum::<usize>();
                left_files += 1;
            }
        }
        if left > 0 {
            let counted = class[0].0.counted(left);
            let line = msg!("… and in {files} other {files|file|files}: {counted}", files = left_files, counted: counted);
            let _ = writeln!(out, "{}\n", line.render(lang));
        }
    }
    out
}

/// One file's problems of one class: small groups in full, large ones as their first problem
/// and a line with their count and places.
fn write_file<C: Class>(out: &mut String, file: &[(C, &Diagnostic, String)], lang: Lang) {
    let mut by_message: HashMap<&str, Vec<&Diagnostic>> = HashMap::new();
    for (_, d, _) in file {
        by_message.entry(d.message.template()).or_default().push(d);
    }
    for (class, d, path) in file {
        let group = &by_message[d.message.template()];
        if group.len() < GROUP_FROM {
            write_one(out, d, lang);
        } else if std::ptr::eq(group[0], *d) {
            write_one(out, d, lang);
            let n = group.iter().map(|d| weight(d)).sum();
            let _ = writeln!(
                out,
                "{}\n",
                group_line(path, class.alike(n), group).render(lang)
            );
        }
    }
}

/// `content/data/bodies.yaml: 23 missing translations in this file, lines 7, 8, 9, 12, …`.
fn group_line(path: &str, counted: Msg, group: &[&Diagnostic]) -> Msg {
    let mut places: Vec<String> = Vec::new();
    let mut cells = false;
    for d in group {
        let (_, place) = file_and_place(d);
        cells |= d.line == 0 && place.is_some();
        if let Some(p) = place.filter(|p| places.last() != Some(p)) {
            places.push(p);
        }
    }
    let mut shown = places
        .iter()
        .take(PLACES_SHOWN)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    if places.len() > PLACES_SHOWN {
        shown.push_str(", …");
    }
    let path = path.to_string();
    match (places.is_empty(), cells) {
        (true, _) => msg!("{path}: {counted} in this file", path, counted: counted),
        (false, false) => {
            msg!("{path}: {counted} in this file, lines {places}", path, counted: counted, places = shown)
        }
        (false, true) => {
            msg!("{path}: {counted} in this file, cells {places}", path, counted: counted, places = shown)
        }
    }
}

/// One problem in full: its headline, the source line with a marker under the column, and
/// the hint.
pub(super) fn write_one(out: &mut String, d: &Diagnostic, lang: Lang) {
    let _ = writeln!(out, "{}", d.headline(lang));
    if let Some(snippet) = &d.source_line {
        let (src, col) = (&snippet.text, snippet.col);
        // A cell has no line number: its place is in the headline.
        let num = if d.line == 0 {
            " ".to_string()
        } else {
            d.line.to_string()
        };
        let pad = " ".repeat(num.len());
        let marker: String = src
            .chars()
            .take(col.saturating_sub(1))
            .map(|c| if c == '\t' { '\t' } else { ' ' })
            .collect();
        let _ = writeln!(out, "{pad} |");
        let _ = writeln!(out, "{num} | {src}");
        let _ = writeln!(out, "{pad} | {marker}^");
    }
    if let Some(hint) = &d.hint {
        let _ = writeln!(
            out,
            "  = {}: {}",
            msg!("hint").render(lang),
            hint.render(lang)
        );
    }
    out.push('\n');
}
