//! Content diagnostics: a problem an author can fix, with the file, line and column it sits at.
//!
//! Every stage of the build pushes diagnostics into one list instead of stopping at the first
//! problem, so a single run shows everything that is wrong. [`report`] prints them in the
//! `path:line:col: error: message` form that editors and CI logs turn into clickable links.
//! Written by hand rather than with miette: the first line's exact shape is a contract with
//! authors and tools (`kertomus check --format json` will reuse it), and it is 40 lines.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The build fails.
    Error,
    /// Reported; the build goes on.
    Warning,
}

/// One problem in the site's sources.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// Path as the author knows it, relative to the site root (`content/index.md`).
    pub path: PathBuf,
    /// 1-based line; 0 when the problem concerns the whole file.
    pub line: usize,
    /// 1-based column in characters.
    pub col: usize,
    /// What is wrong.
    pub message: String,
    /// What to do about it.
    pub hint: Option<String>,
    /// The offending source line, shown under the message.
    pub source_line: Option<String>,
}

impl Diagnostic {
    /// An error concerning a whole file (no position).
    pub fn file_error(path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            path: path.into(),
            line: 0,
            col: 0,
            message: message.into(),
            hint: None,
            source_line: None,
        }
    }

    /// An error at a 1-based line and column of `text`, the full text of the file.
    pub fn at_line_col(
        path: impl Into<PathBuf>,
        text: &str,
        line: usize,
        col: usize,
        message: impl Into<String>,
    ) -> Self {
        let source_line = text.lines().nth(line.saturating_sub(1)).map(str::to_owned);
        Diagnostic {
            line,
            col,
            source_line,
            ..Diagnostic::file_error(path, message)
        }
    }

    /// An error at a line and column already known, with that line's text: for readers that
    /// know where each record starts, so a file with many errors is not rescanned per error.
    pub fn at_known_line(
        path: impl Into<PathBuf>,
        line: usize,
        col: usize,
        line_text: &str,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            line,
            col,
            source_line: Some(line_text.to_owned()),
            ..Diagnostic::file_error(path, message)
        }
    }

    /// An error at a byte offset of `text`, the full text of the file.
    pub fn at_offset(
        path: impl Into<PathBuf>,
        text: &str,
        offset: usize,
        message: impl Into<String>,
    ) -> Self {
        let (line, col) = line_col(text, offset);
        Diagnostic::at_line_col(path, text, line, col, message)
    }

    /// The same diagnostic with a hint on what to do.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// The same diagnostic as a warning.
    pub fn warning(mut self) -> Self {
        self.severity = Severity::Warning;
        self
    }

    /// Whether it fails the build.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The first line: `path:line:col: error: message`.
    pub fn headline(&self) -> String {
        let kind = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let path = display_path(&self.path);
        if self.line == 0 {
            format!("{path}: {kind}: {}", self.message)
        } else {
            format!(
                "{path}:{}:{}: {kind}: {}",
                self.line, self.col, self.message
            )
        }
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = text[line_start..offset].chars().count() + 1;
    (line, col)
}

/// At most 100 characters of a long source line, around the column; returns the shown text
/// and the column within it.
fn window(src: &str, col: usize) -> (String, usize) {
    const WIDTH: usize = 100;
    let chars: Vec<char> = src.chars().collect();
    if chars.len() <= WIDTH {
        return (src.to_string(), col);
    }
    let start = col.saturating_sub(WIDTH / 2).min(chars.len() - WIDTH);
    let mut shown: String = chars[start..start + WIDTH].iter().collect();
    let mut col = col - start;
    if start > 0 {
        shown.insert(0, '…');
        col += 1;
    }
    if start + WIDTH < chars.len() {
        shown.push('…');
    }
    (shown, col)
}

fn display_path(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

/// At most this many problems of one file are printed: one bad column of a large export gives
/// an error per row, and the first few say what to fix.
const SHOWN_PER_FILE: usize = 20;
/// At most this many problems in all.
const SHOWN_IN_ALL: usize = 100;

fn write_one(out: &mut String, d: &Diagnostic) {
    let _ = writeln!(out, "{}", d.headline());
    if let Some(src) = &d.source_line {
        let (src, col) = window(src, d.col);
        let num = d.line.to_string();
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
        let _ = writeln!(out, "  = hint: {hint}");
    }
    out.push('\n');
}

/// Renders diagnostics for the terminal, sorted by file and position so the output is stable;
/// long lists are cut (the counts at the end are always complete).
pub fn report(diagnostics: &[Diagnostic]) -> String {
    let mut sorted: Vec<&Diagnostic> = diagnostics.iter().collect();
    sorted.sort_by(|a, b| {
        (&a.path, a.line, a.col, &a.message).cmp(&(&b.path, b.line, b.col, &b.message))
    });
    let mut out = String::new();
    let mut shown = 0;
    for group in sorted.chunk_by(|a, b| a.path == b.path) {
        for d in group.iter().take(SHOWN_PER_FILE) {
            if shown == SHOWN_IN_ALL {
                break;
            }
            write_one(&mut out, d);
            shown += 1;
        }
        let left = group.len() - group.len().min(SHOWN_PER_FILE);
        if left > 0 && shown < SHOWN_IN_ALL {
            let path = display_path(&group[0].path);
            let _ = writeln!(out, "{path}: … and {left} more in this file\n");
        }
    }
    if shown == SHOWN_IN_ALL && diagnostics.len() > shown {
        let _ = writeln!(out, "… only the first {SHOWN_IN_ALL} are shown\n");
    }
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = diagnostics.len() - errors;
    let _ = writeln!(
        out,
        "{errors} error{}, {warnings} warning{}",
        if errors == 1 { "" } else { "s" },
        if warnings == 1 { "" } else { "s" }
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_reports_are_cut_but_counted() {
        let many: Vec<Diagnostic> = (1..=30)
            .map(|l| Diagnostic::at_known_line("a.csv", l, 1, "x;y", "bad"))
            .chain(
                (1..=200).map(|l| Diagnostic::at_known_line(format!("f{l}.csv"), 1, 1, "x", "bad")),
            )
            .collect();
        let out = report(&many);
        assert!(out.contains("a.csv: … and 10 more in this file"), "{out}");
        assert_eq!(out.matches("error: bad").count(), 100);
        assert!(out.contains("… only the first 100 are shown"));
        assert!(out.ends_with("230 errors, 0 warnings\n"));
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
        let d =
            Diagnostic::at_line_col("content/a.md", "x\ntitel: 1\n", 2, 1, "unknown key `titel`")
                .with_hint("did you mean `title`?");
        let out = report(&[d]);
        assert!(
            out.starts_with("content/a.md:2:1: error: unknown key `titel`\n"),
            "{out}"
        );
        assert!(out.contains("2 | titel: 1"));
        assert!(out.contains("= hint: did you mean `title`?"));
        assert!(out.ends_with("1 error, 0 warnings\n"));
    }
}
