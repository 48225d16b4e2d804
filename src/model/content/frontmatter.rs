//! Splitting a Markdown file into YAML front matter and body, and the front matter's raw shape.
//!
//! Positions matter here: YAML errors are reported with line numbers counted from the top of
//! the `.md` file, so the split remembers on which line the YAML starts.

use super::document::RawDocument;
use crate::base::dates::Date;
use crate::base::messages::Msg;
use crate::msg;
use serde::Deserialize;
use std::collections::BTreeMap;

/// Front matter as written (spec §4). Unknown keys are errors.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct FrontMatter {
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub date: Option<Date>,
    #[serde(default)]
    pub updated: Option<Date>,
    #[serde(default)]
    pub weight: Option<i64>,
    #[serde(default)]
    pub draft: bool,
    #[serde(default)]
    pub toc: bool,
    #[serde(default)]
    pub template: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub document: Option<RawDocument>,
    /// What the author still has to do on this page (a list of texts): `kertomus check`
    /// reports each at its line, and `kertomus build` counts the pages that have any. Written
    /// by `kertomus import` for what it could not convert, usable by any tool or author.
    #[serde(default)]
    pub todo: Vec<crate::base::text::Text>,
    // Municipality card prose (spec §9): part of the format, read so that such files
    // validate; the card is chosen by the file's name.
    #[serde(default)]
    #[allow(dead_code)]
    pub municipality: Option<String>,
    #[serde(default)]
    pub phenomena: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub needs: Vec<String>,
}

/// A file split at its front matter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Split<'a> {
    /// The YAML between the `---` lines (empty when the file has no front matter).
    pub yaml: &'a str,
    /// 1-based line of the file on which `yaml` starts.
    pub yaml_line: usize,
    /// Byte offset of the Markdown body in the file.
    pub body_offset: usize,
}

/// Where the front matter went wrong: a byte offset of the file and a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SplitError {
    pub offset: usize,
    pub message: Msg,
    pub hint: Msg,
}

/// Splits `text` (BOM already removed) at its front matter. A file that does not begin with
/// `---` has none. Accepts LF and CRLF line ends.
pub(crate) fn split(text: &str) -> Result<Split<'_>, SplitError> {
    let first_line_end = text.find('\n').map_or(text.len(), |i| i + 1);
    if text[..first_line_end].trim_end() != "---" {
        return Ok(Split {
            yaml: "",
            yaml_line: 1,
            body_offset: 0,
        });
    }
    let yaml_start = first_line_end;
    let mut pos = yaml_start;
    while pos < text.len() {
        let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i + 1);
        let line = text[pos..end].trim_end_matches(['\n', '\r']);
        if line == "---" || line == "..." {
            return Ok(Split {
                yaml: &text[yaml_start..pos],
                yaml_line: 2,
                body_offset: end,
            });
        }
        pos = end;
    }
    Err(SplitError {
        offset: 0,
        message: msg!("the front matter starts with `---` but never ends"),
        hint: msg!("close the front matter with a line containing only `---`"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_front_matter_and_body() {
        let text = "---\ntitle: A\n---\n# Body\n";
        let s = split(text).unwrap();
        assert_eq!(s.yaml, "title: A\n");
        assert_eq!(&text[s.body_offset..], "# Body\n");
    }

    #[test]
    fn crlf_and_missing_front_matter() {
        let s = split("---\r\ntitle: A\r\n---\r\nBody").unwrap();
        assert_eq!(s.yaml, "title: A\r\n");
        assert_eq!(split("Just text\n").unwrap().body_offset, 0);
    }

    #[test]
    fn unterminated_front_matter_is_an_error() {
        assert!(split("---\ntitle: A\n\nBody\n").is_err());
    }
}
