//! Finding where a value sits in a YAML file after it has been parsed, so that problems found
//! while resolving references (an unknown organisation, a duplicate id) point at a line and
//! column. serde_yaml reports positions only for syntax errors and gives parsed values no spans,
//! hence this small text search: ids are unique within a file, and a reference is looked for
//! after the offset of the entry it belongs to.

use crate::diagnostics::Diagnostic;
use std::path::{Path, PathBuf};

/// One YAML file's text and the path it is reported under.
#[derive(Debug, Clone)]
pub struct Source {
    pub path: PathBuf,
    pub text: String,
}

/// A place in one of the [`Source`]s of a model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct At {
    pub file: usize,
    pub offset: usize,
}

impl Source {
    pub fn new(path: &Path, text: String) -> Source {
        Source {
            path: path.to_path_buf(),
            text,
        }
    }

    /// Offset of the entry whose `id` is `id` (`id: x`, `id: "x"`, `{id: x, ...}`), searching
    /// from `from`; the n-th such entry when an id repeats.
    pub fn entry(&self, id: &str, from: usize, nth: usize) -> usize {
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

    /// Offset of `value` as a whole token at or after `from` (else `from`).
    pub fn value(&self, value: &str, from: usize) -> usize {
        let t = &self.text;
        let mut start = from.min(t.len());
        while let Some(pos) = t[start..].find(value) {
            let at = start + pos;
            let end = at + value.len();
            let before_ok = at == 0 || !is_word(t.as_bytes()[at - 1]);
            let after_ok = end >= t.len() || !is_word(t.as_bytes()[end]);
            if before_ok && after_ok {
                return at;
            }
            start = end;
        }
        from
    }

    /// Offset of `key:` at or after `from` (else `from`).
    pub fn key(&self, key: &str, from: usize) -> usize {
        self.value(&format!("{key}:"), from)
    }

    pub fn error(&self, offset: usize, message: impl Into<String>) -> Diagnostic {
        Diagnostic::at_offset(&self.path, &self.text, offset, message)
    }
}

fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-' || b == b'_'
}

/// A YAML parse error as a diagnostic of `source`.
pub fn yaml_error(source: &Source, e: crate::yaml::YamlError) -> Diagnostic {
    let d = Diagnostic::at_line_col(&source.path, &source.text, e.line, e.col, e.message);
    match e.hint {
        Some(h) => d.with_hint(h),
        None => d,
    }
}

/// Reads `content/<rel>`: `None` when it does not exist, a diagnostic when it cannot be read.
pub fn read(content: &Path, rel: &Path) -> Result<Option<Source>, Diagnostic> {
    let shown = Path::new("content").join(rel);
    match std::fs::read_to_string(content.join(rel)) {
        Ok(text) => Ok(Some(Source::new(&shown, text))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(Diagnostic::file_error(&shown, format!("cannot read: {e}"))
            .with_hint("save the file as UTF-8 text")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
