//! Finding where a value sits in a YAML file after it has been parsed, so that problems found
//! while resolving references (an unknown organisation, a duplicate id) point at a line and
//! column. serde_yaml reports positions only for syntax errors and gives parsed values no spans,
//! hence this small text search: ids are unique within a file, and a reference is looked for
//! after the offset of the entry it belongs to.

use crate::diagnostics::Diagnostic;
use crate::messages::Msg;
use crate::msg;
use std::path::{Path, PathBuf};

/// One YAML file's text and the path it is reported under.
///
/// A spreadsheet of measures is a source too: its rows are written out as YAML-like
/// `key: value` lines (one line per cell), so that the same key and value search finds
/// references in it, and `cells` names each line's cell (`Toimenpiteet!C5`) so that its
/// problems are reported as `file:sheet!CELL` with the cell's text.
#[derive(Debug, Clone)]
pub(crate) struct Source {
    pub path: PathBuf,
    pub text: String,
    /// For a sheet: per line of `text`, the cell it came from and the cell's own text.
    pub cells: Option<Vec<(String, String)>>,
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
        }
    }

    /// Where `offset` is, for a hint: "content/x/plan.yaml line 4" or
    /// "content/x/kuopio.xlsx:Toimenpiteet!C5".
    pub(crate) fn place(&self, offset: usize) -> String {
        let (line, _) = crate::diagnostics::line_col(&self.text, offset);
        match self.cells.as_ref().and_then(|c| c.get(line - 1)) {
            Some((cell, _)) => format!("{}:{cell}", self.path.display()),
            None => format!("{} line {line}", self.path.display()),
        }
    }

    /// Offset of the entry whose `id` is `id` (`id: x`, `id: "x"`, `{id: x, ...}`), searching
    /// from `from`; the n-th such entry when an id repeats.
    pub(crate) fn entry(&self, id: &str, from: usize, nth: usize) -> usize {
        let t = &self.text;
        let mut found = Vec::new();
        for q in ["", "\"", "'"] {
            let needle = format!("id: {q}{id}{q}");
            let mut start = from.min(t.len());
            while let Some(pos) = t[start..].find(&needle) {
                let at = start + pos;
                let end = at + needle.len();
                let before_ok = at == 0 || !is_word(t.as_bytes()[at - 1]);
                let after_ok = end >= t.len() || !is_word(t.as_bytes()[end]);
                if before_ok && after_ok {
                    found.push(at);
                }
                start = end;
            }
        }
        found.sort_unstable();
        found.get(nth).or(found.last()).copied().unwrap_or(from)
    }

    /// Offset of `value` as a whole token at or after `from` (else `from`); a blank value is
    /// the first quoted blank (`""`, `' '`) there.
    pub(crate) fn value(&self, value: &str, from: usize) -> usize {
        if value.trim().is_empty() {
            return quoted_blank(&self.text, from).unwrap_or(from);
        }
        token(&self.text, value, from).unwrap_or(from)
    }

    /// Offset of `key:` at or after `from` (else `from`).
    pub(crate) fn key(&self, key: &str, from: usize) -> usize {
        self.value(&format!("{key}:"), from)
    }

    pub(crate) fn error(&self, offset: usize, message: Msg) -> Diagnostic {
        let (line, _) = crate::diagnostics::line_col(&self.text, offset);
        if let Some((cell, text)) = self.cells.as_ref().and_then(|c| c.get(line - 1)) {
            return Diagnostic::in_cell(&self.path, cell, text, message);
        }
        Diagnostic::at_offset(&self.path, &self.text, offset, message)
    }
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

fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-' || b == b'_'
}

/// A YAML parse error as a diagnostic of `source`.
pub(crate) fn yaml_error(source: &Source, e: crate::yaml::YamlError) -> Diagnostic {
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
        let a = s.entry("a", 0, 0);
        assert_eq!(&s.text[a..a + 7], "id: \"a\"");
        assert_eq!(s.value("a-1", a), s.text.rfind("a-1").unwrap());
        assert_eq!(s.entry("a-1", 0, 0), 2);
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
