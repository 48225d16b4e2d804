//! Content diagnostics: a problem an author can fix, with the file, line and column it sits at.
//!
//! Every stage of the build pushes diagnostics into one list instead of stopping at the first
//! problem, so a single run shows everything that is wrong. [`report()`] prints them in the
//! `path:line:col: error: message` form that editors and CI logs turn into clickable links,
//! grouped and ordered as `report.rs` says.
//! Written by hand rather than with miette: the first line's exact shape is a contract with
//! authors and tools (`kertomus check --format json` will reuse it), and it is 40 lines.

mod report;

pub use report::{grouped, report, Class};

use crate::base::messages::{Lang, Msg};
use crate::msg;
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
    pub message: Msg,
    /// What to do about it.
    pub hint: Option<Msg>,
    /// The offending source line (at most about 100 characters of it, around the column),
    /// shown under the message; cut when the diagnostic is made, so that a 5 MiB line is not
    /// kept once per error.
    pub source_line: Option<Box<Snippet>>,
    /// How many more problems like this one were found but not kept (a file with very many
    /// problems keeps only the first ones).
    pub more: u32,
}

/// A window of a source line and the column within it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    /// The shown text, with `…` where it was cut.
    pub text: String,
    /// 1-based column of the problem within `text`.
    pub col: usize,
}

impl Diagnostic {
    /// An error concerning a whole file (no position).
    pub fn file_error(path: impl Into<PathBuf>, message: Msg) -> Self {
        Diagnostic {
            severity: Severity::Error,
            path: path.into(),
            line: 0,
            col: 0,
            message,
            hint: None,
            source_line: None,
            more: 0,
        }
    }

    /// An error at a 1-based line and column of `text`, the full text of the file.
    pub fn at_line_col(
        path: impl Into<PathBuf>,
        text: &str,
        line: usize,
        col: usize,
        message: Msg,
    ) -> Self {
        let source_line = text
            .lines()
            .nth(line.saturating_sub(1))
            .map(|l| Box::new(window(l, col)));
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
        message: Msg,
    ) -> Self {
        Diagnostic {
            line,
            col,
            source_line: Some(Box::new(window(line_text, col))),
            ..Diagnostic::file_error(path, message)
        }
    }

    /// An error in a spreadsheet cell, `file:sheet!CELL` (for a CSV sheet `file:line:col`),
    /// showing the cell's text.
    pub fn in_cell(path: impl Into<PathBuf>, cell: &str, cell_text: &str, message: Msg) -> Self {
        let path: PathBuf = path.into();
        let mut d = Diagnostic::file_error(format!("{}:{cell}", display_path(&path)), message);
        d.source_line = Some(Box::new(window(cell_text, 1)));
        d
    }

    /// An error at a byte offset of `text`, the full text of the file.
    pub fn at_offset(path: impl Into<PathBuf>, text: &str, offset: usize, message: Msg) -> Self {
        let (line, col) = line_col(text, offset);
        Diagnostic::at_line_col(path, text, line, col, message)
    }

    /// The same diagnostic with a hint on what to do.
    pub fn with_hint(mut self, hint: Msg) -> Self {
        self.hint = Some(hint);
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

    /// The first line: `path:line:col: error: message`, the severity and message in `lang`;
    /// the `path:line:col` part is the same in every language, for editors to jump to.
    pub fn headline(&self, lang: Lang) -> String {
        let kind = match self.severity {
            Severity::Error => msg!("error"),
            Severity::Warning => msg!("warning"),
        };
        let (kind, message) = (kind.render(lang), self.message.render(lang));
        let path = display_path(&self.path);
        if self.line == 0 {
            format!("{path}: {kind}: {message}")
        } else {
            format!("{path}:{}:{}: {kind}: {message}", self.line, self.col)
        }
    }
}

/// One file's problems of one kind, of which at most [`Capped::KEPT`] are kept: a large export
/// with one bad column gives an error per row, and a million of them would take half a
/// gigabyte. The rest are only counted, into one closing diagnostic, and never built.
pub(crate) struct Capped {
    kept: Vec<Diagnostic>,
    dropped: usize,
}

impl Capped {
    /// Problems kept per file and kind.
    pub(crate) const KEPT: usize = 200;

    pub(crate) fn new() -> Capped {
        Capped {
            kept: Vec::new(),
            dropped: 0,
        }
    }

    /// Whether the next problem is to be kept; if not, it is counted here. Build the
    /// diagnostic only when this says yes.
    pub(crate) fn keeps_next(&mut self) -> bool {
        let keeps = self.kept.len() < Capped::KEPT;
        if !keeps {
            self.dropped += 1;
        }
        keeps
    }

    /// Keeps a diagnostic (after [`Capped::keeps_next`] said yes).
    pub(crate) fn push(&mut self, d: Diagnostic) {
        self.kept.push(d);
    }

    /// The kept diagnostics; the last one counts those that were not kept.
    pub(crate) fn finish(mut self) -> Vec<Diagnostic> {
        if self.dropped > 0 {
            if let Some(last) = self.kept.last() {
                let mut more = Diagnostic::file_error(
                    last.path.clone(),
                    msg!(
                        "{n} more {n|problem|problems} like the ones above (not listed)",
                        n = self.dropped
                    ),
                );
                more.severity = last.severity;
                more.more = u32::try_from(self.dropped - 1).unwrap_or(u32::MAX);
                self.kept.push(more);
            }
        }
        self.kept
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

/// At most 100 characters of a long source line, around the column, and the column within
/// them.
fn window(src: &str, col: usize) -> Snippet {
    const WIDTH: usize = 100;
    if src.len() <= WIDTH {
        return Snippet {
            text: src.to_string(),
            col,
        };
    }
    // Only the characters around the column are looked at: the line may be megabytes long.
    let start = col.saturating_sub(WIDTH / 2 + 1);
    let chars: Vec<char> = src.chars().skip(start).take(WIDTH + 1).collect();
    let more = chars.len() > WIDTH;
    let mut text: String = chars.iter().take(WIDTH).collect();
    let mut col = col - start;
    if start > 0 {
        text.insert(0, '…');
        col += 1;
    }
    if more {
        text.push('…');
    }
    Snippet { text, col }
}

fn display_path(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

#[cfg(test)]
mod tests;
