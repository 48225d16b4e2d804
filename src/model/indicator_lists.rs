//! Reference indicator lists (content format §13.4): lists named in site.yaml of indicators a
//! report is expected to cover, each a CSV with the columns `id;title;group` (title and group
//! optional). The lists come from the author; kertomus ships none.

use crate::base::diagnostics::Diagnostic;
use crate::base::text::Text;
use crate::model::config::Config;
use crate::msg;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// One list, read.
#[derive(Debug)]
pub(crate) struct IndicatorList {
    pub title: Text,
    pub entries: Vec<Listed>,
    /// Indicators left out on purpose, with the reason.
    pub omitted: BTreeMap<String, Text>,
    /// The list file as the author knows it (`content/data/…csv`).
    pub path: PathBuf,
    /// The document keys (folders) the list is an appendix of; empty: every current report.
    pub documents: Vec<String>,
}

impl IndicatorList {
    /// Whether the list is an appendix of the document with folder `key` and block `doc`.
    pub(crate) fn is_appendix_of(
        &self,
        key: &str,
        doc: &crate::model::content::document::RawDocument,
    ) -> bool {
        use crate::model::content::document::{DocStatus, DocType};
        if self.documents.is_empty() {
            matches!(doc.kind, DocType::Kertomus | DocType::KertomusSuunnitelma)
                && doc.status != Some(DocStatus::Superseded)
        } else {
            self.documents.iter().any(|d| d == key)
        }
    }
}

/// An indicator of a list, with the line it is on.
#[derive(Debug)]
pub(crate) struct Listed {
    pub id: String,
    pub title: Option<String>,
    pub group: Option<String>,
    pub line: usize,
    /// The line's text, for a warning about it.
    pub text: String,
}

/// Reads every list of site.yaml; a list that cannot be read is an error.
pub(crate) fn load(
    content: &Path,
    config: &Config,
    diags: &mut Vec<Diagnostic>,
) -> Vec<IndicatorList> {
    config
        .indicator_lists
        .iter()
        .filter_map(|l| {
            let rel = Path::new(&l.file);
            let path = Path::new("content").join(rel);
            let source = match crate::base::locate::read(content, rel) {
                Ok(Some(s)) => s,
                Ok(None) => {
                    let at = crate::base::locate::key(&config.source.text, "indicator_lists")
                        .and_then(|k| crate::base::locate::token(&config.source.text, &l.file, k));
                    let message = msg!("the indicator list `{file}` does not exist", file = l.file);
                    diags.push(
                        crate::base::locate::error_at(
                            "content/site.yaml",
                            &config.source.text,
                            at,
                            message,
                        )
                        .with_hint(msg!(
                            "the path is relative to content/, e.g. data/vahimmaistiedot.csv"
                        )),
                    );
                    return None;
                }
                Err(d) => {
                    diags.push(d);
                    return None;
                }
            };
            let entries = entries(&source.text, &path, diags);
            Some(IndicatorList {
                title: l.title.clone(),
                entries,
                omitted: l.omitted.clone(),
                path,
                documents: l.documents.iter().map(|d| document_key(d)).collect(),
            })
        })
        .collect()
}

/// The rows under the header `id;title;group`.
fn entries(text: &str, path: &Path, diags: &mut Vec<Diagnostic>) -> Vec<Listed> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(crate::base::csvtext::delimiter(text))
        .flexible(true)
        .has_headers(false)
        .from_reader(text.as_bytes());
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let Ok(record) = record else {
            diags.push(Diagnostic::file_error(
                path,
                msg!("cannot read the list: check its quotes"),
            ));
            break;
        };
        let line = record.position().map_or(0, |p| p.line() as usize);
        let field = |n: usize| record.get(n).map(str::trim).filter(|s| !s.is_empty());
        if i == 0 && field(0).is_some_and(|h| h.eq_ignore_ascii_case("id")) {
            continue;
        }
        let Some(id) = field(0) else { continue };
        out.push(Listed {
            id: id.to_string(),
            title: field(1).map(str::to_string),
            group: field(2).map(str::to_string),
            line,
            text: lines
                .get(line.saturating_sub(1))
                .copied()
                .unwrap_or_default()
                .to_string(),
        });
    }
    out
}

/// The page key of a document folder as `indicator_lists[].documents` names it
/// (`hyvinvointikertomus-2025-2029`, with or without slashes around it).
pub(crate) fn document_key(name: &str) -> String {
    crate::model::content::dir_key(Path::new(name.trim_matches('/')))
}
