//! Finding where a value sits in a YAML file after it has been parsed, so that problems found
//! while resolving references (an unknown organisation, a duplicate id) point at a line and
//! column. serde_yaml reports positions only for syntax errors and gives parsed values no spans,
//! hence this small text search: ids are unique within a file (each file's entries are indexed
//! by id in one pass, [`Entries`]), and a reference is looked for after the offset of the entry
//! it belongs to, only when it is reported.

use crate::base::diagnostics::Diagnostic;
use crate::base::messages::Msg;
use crate::base::text::{Spot, Text};
use crate::base::yaml::YamlError;
use crate::msg;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

mod entries;
pub(crate) use entries::Entries;

/// One YAML file's text and the path it is reported under.
///
/// A spreadsheet of measures is a source too: its rows are written out as YAML-like
/// `key: value` lines (one line per cell), so that the same key and value search finds
/// references in it, and `cells` names each line's cell (`Toimenpiteet!C5`) so that its
/// problems are reported as `file:sheet!CELL` with the cell's text.
#[derive(Debug, Clone)]
pub(crate) struct Source {
    pub path: PathBuf,
    /// The file's text. Add to it with [`Source::push_str`], which keeps `lines` true.
    pub text: String,
    /// For a sheet: per line of `text`, the cell it came from and the cell's own text.
    pub cells: Option<Vec<(String, String)>>,
    /// Where each line of `text` starts, found at the first error: a plan with thousands of
    /// errors does not count its lines again for each.
    lines: OnceLock<Vec<usize>>,
    /// The texts for readers the file holds, in the order they are written: filled by
    /// [`Source::parse`], read by `kertomus check` for texts that lack a language.
    pub texts: Vec<Text>,
    /// Where each of `texts` is, found when the first is asked for ([`Source::text_offset`]):
    /// a build that reports none searches for none.
    text_offsets: OnceLock<Vec<usize>>,
}

/// A place in one of the [`Source`]s of a model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct At {
    pub file: usize,
    pub offset: usize,
}

impl Source {
    pub(crate) fn new(path: &Path, text: String) -> Source {
        Source {
            path: path.to_path_buf(),
            text,
            cells: None,
            lines: OnceLock::new(),
            texts: Vec::new(),
            text_offsets: OnceLock::new(),
        }
    }

    /// Adds `more` to the text.
    pub(crate) fn push_str(&mut self, more: &str) {
        self.text.push_str(more);
        self.lines = OnceLock::new();
    }

    /// The 1-based line and column (in characters) of `offset`, and where its line starts.
    fn line_col(&self, offset: usize) -> (usize, usize, usize) {
        let text = &self.text;
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let lines = self.lines.get_or_init(|| {
            std::iter::once(0)
                .chain(text.match_indices('\n').map(|(i, _)| i + 1))
                .collect()
        });
        let line = lines.partition_point(|&start| start <= offset);
        let start = lines[line - 1];
        (line, text[start..offset].chars().count() + 1, start)
    }

    /// Where `offset` is, for a hint: "content/x/plan.yaml line 4" or
    /// "content/x/kuopio.xlsx:Toimenpiteet!C5".
    pub(crate) fn place(&self, offset: usize) -> String {
        let (line, _, _) = self.line_col(offset);
        match self.cells.as_ref().and_then(|c| c.get(line - 1)) {
            Some((cell, _)) => format!("{}:{cell}", self.path.display()),
            None => format!("{} line {line}", self.path.display()),
        }
    }

    /// Offset of `value` as a whole token at or after `from` (else `from`); a blank value is
    /// the first quoted blank (`""`, `' '`) there.
    pub(crate) fn value(&self, value: &str, from: usize) -> usize {
        self::value(&self.text, value, from)
    }

    /// Parses the file into `T`, giving every [`Text`] it holds its place ([`Spot`]); the
    /// texts are kept in [`Source::texts`] too, in the order they are written.
    pub(crate) fn parse<T: serde::de::DeserializeOwned>(&mut self) -> Result<T, YamlError> {
        let (value, texts) = crate::base::yaml::parse_located(&self.text)?;
        self.texts = texts;
        self.text_offsets = OnceLock::new();
        Ok(value)
    }

    /// Offset of the text at `spot` (one of [`Source::texts`]): its first written string,
    /// searched for from where the text before it was found (a text that repeats the one before
    /// it is placed with it), as serde_yaml gives values no position. The first call places
    /// every text of the file, in one pass.
    pub(crate) fn text_offset(&self, spot: &Spot) -> usize {
        let offsets = self.text_offsets.get_or_init(|| {
            let mut cursor = 0;
            self.texts
                .iter()
                .map(|t| {
                    let at = value(&self.text, t.first_written(), cursor);
                    cursor = cursor.max(at);
                    at
                })
                .collect()
        });
        offsets.get(spot.index).copied().unwrap_or(0)
    }

    /// Offset of `key:` at or after `from` (else `from`).
    pub(crate) fn key(&self, key: &str, from: usize) -> usize {
        self.value(&format!("{key}:"), from)
    }

    /// An error at `offset`: at its line and column, or in its cell for a sheet.
    pub(crate) fn error(&self, offset: usize, message: Msg) -> Diagnostic {
        let (line, col, start) = self.line_col(offset);
        if let Some((cell, text)) = self.cells.as_ref().and_then(|c| c.get(line - 1)) {
            return Diagnostic::in_cell(&self.path, cell, text, message);
        }
        if start == self.text.len() {
            // After the last line break: no line to show.
            let mut d = Diagnostic::at_known_line(&self.path, line, col, "", message);
            d.source_line = None;
            return d;
        }
        let rest = &self.text[start..];
        let line_text = match rest.find('\n') {
            Some(end) => rest[..end].strip_suffix('\r').unwrap_or(&rest[..end]),
            None => rest,
        };
        Diagnostic::at_known_line(&self.path, line, col, line_text, message)
    }
}

/// Offset of `value` in `text` as a whole token at or after `from` (else `from`); a blank value
/// is the first quoted blank (`""`, `' '`) there.
pub(crate) fn value(text: &str, value: &str, from: usize) -> usize {
    if value.trim().is_empty() {
        return quoted_blank(text, from).unwrap_or(from);
    }
    token(text, value, from).unwrap_or(from)
}

/// Offset of `value` as a whole token (not part of a longer name) at or after `from`. An empty
/// value is never found: it would match everywhere.
pub(crate) fn token(text: &str, value: &str, from: usize) -> Option<usize> {
    if value.is_empty() {
        return None;
    }
    let mut start = from.min(text.len());
    while let Some(pos) = text.get(start..)?.find(value) {
        let at = start + pos;
        let end = at + value.len();
        let before_ok = at == 0 || !is_word(text.as_bytes()[at - 1]);
        let after_ok = end >= text.len() || !is_word(text.as_bytes()[end]);
        if before_ok && after_ok {
            return Some(at);
        }
        start = end;
    }
    None
}

/// Offset of the first quoted string at or after `from` that holds only white space.
fn quoted_blank(text: &str, from: usize) -> Option<usize> {
    let rest = text.get(from..)?;
    rest.char_indices()
        .filter(|(_, c)| *c == '"' || *c == '\'')
        .find(|&(i, q)| {
            let inner = &rest[i + 1..];
            inner
                .find(q)
                .is_some_and(|end| inner[..end].chars().all(|c| c == ' ' || c == '\t'))
        })
        .map(|(i, _)| from + i)
}

/// Offset of a `key:` that starts a line (after indentation), the first one in the text.
pub(crate) fn key(text: &str, key: &str) -> Option<usize> {
    let needle = format!("{key}:");
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if trimmed.starts_with(&needle) {
            return Some(offset + line.len() - trimmed.len());
        }
        offset += line.len();
    }
    None
}

/// An error at `offset` when it is known, else about the whole file: never a made-up 1:1.
pub(crate) fn error_at(
    path: impl Into<PathBuf>,
    text: &str,
    offset: Option<usize>,
    message: Msg,
) -> Diagnostic {
    match offset {
        Some(at) => Diagnostic::at_offset(path, text, at, message),
        None => Diagnostic::file_error(path, message),
    }
}

pub(super) fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-' || b == b'_'
}

/// A YAML parse error as a diagnostic of `source`.
pub(crate) fn yaml_error(source: &Source, e: YamlError) -> Diagnostic {
    let d = Diagnostic::at_line_col(&source.path, &source.text, e.line, e.col, e.message);
    match e.hint {
        Some(h) => d.with_hint(h),
        None => d,
    }
}

/// Reads `content/<rel>`: `None` when it does not exist, a diagnostic when it cannot be read.
pub(crate) fn read(content: &Path, rel: &Path) -> Result<Option<Source>, Diagnostic> {
    let shown = Path::new("content").join(rel);
    match std::fs::read(content.join(rel)) {
        Ok(bytes) => Ok(Some(Source::new(&shown, utf8(&shown, bytes)?))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(Diagnostic::file_error(&shown, msg!("cannot read: {e}", e))),
    }
}

/// A file's bytes as text; invalid UTF-8 is an error at the first bad byte, naming it (a file
/// saved as Latin-1 or Windows-1252 shows its first ä or ö there).
pub(crate) fn utf8(shown: &Path, bytes: Vec<u8>) -> Result<String, Diagnostic> {
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let byte = e.as_bytes().get(at).copied().unwrap_or(0);
        let lossy = String::from_utf8_lossy(e.as_bytes()).into_owned();
        let message = msg!(
            "the file is not valid UTF-8 (byte 0x{byte} at byte offset {at})",
            byte = format!("{byte:02X}"),
            at
        );
        Diagnostic::at_offset(shown, &lossy, at, message).with_hint(
            msg!("save the file with UTF-8 encoding (most editors offer it under \"Save with encoding\")"),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_names_the_line_column_and_byte() {
        let d = utf8(
            Path::new("content/a.yaml"),
            b"a: 1\nb: \"k\xe4si\"\n".to_vec(),
        )
        .unwrap_err();
        assert_eq!((d.line, d.col), (2, 6));
        assert_eq!(
            d.message,
            "the file is not valid UTF-8 (byte 0xE4 at byte offset 10)"
        );
    }

    #[test]
    fn finds_entries_and_values() {
        let s = Source::new(
            Path::new("x.yaml"),
            "- id: a-1\n  p: [a]\n- {id: \"a\", p: [kuopio, a-1]}\n".into(),
        );
        let entries = Entries::new(&s.text);
        let a = entries.offset("a", 0);
        assert_eq!(&s.text[a..a + 7], "id: \"a\"");
        assert_eq!(s.value("a-1", a), s.text.rfind("a-1").unwrap());
        assert_eq!(entries.offset("a-1", 0), 2);
    }

    /// Errors are placed as `Diagnostic::at_offset` places them, by the lines counted once.
    #[test]
    fn errors_are_placed_as_by_a_count_from_the_start() {
        for text in ["a: 1\r\nbä: ö\n\nc: 3\r", "x\n", "", "ä"] {
            let mut s = Source::new(Path::new("x.yaml"), String::new());
            s.push_str(text);
            for offset in 0..=text.len() + 1 {
                let expected = Diagnostic::at_offset("x.yaml", text, offset, msg!("error"));
                assert_eq!(
                    s.error(offset, msg!("error")),
                    expected,
                    "{text:?} {offset}"
                );
            }
        }
        let mut s = Source::new(Path::new("x.yaml"), "a\n".into());
        assert_eq!(s.place(2), "x.yaml line 2");
        s.push_str("b\nc\n");
        assert_eq!(s.place(4), "x.yaml line 3");
    }

    #[test]
    fn empty_and_absent_values_are_not_found_and_never_loop() {
        let text = "a: x\n  b: \"\"\n";
        assert_eq!(token(text, "", 0), None);
        assert_eq!(token(text, "zz", 0), None);
        assert_eq!(token(text, "x", 99), None);
        assert_eq!(key(text, "b"), Some(7));
        assert_eq!(key(text, "c"), None);
        let s = Source::new(Path::new("x.yaml"), text.into());
        // A blank value is the quoted blank after `from`, else `from` itself.
        assert_eq!(s.value("", 3), text.find("\"\"").unwrap());
        assert_eq!(s.value(" ", 12), 12);
    }
}
