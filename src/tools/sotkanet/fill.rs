//! Fills metadata fetched from Sotkanet into `content/data/indicators.yaml` without rewriting
//! what the author wrote: only missing keys are added, as new lines (or, in a one-line flow
//! mapping, before its closing brace), so comments, order and quoting stay as they were.
//!
//! Written by hand because no maintained Rust crate edits YAML while keeping comments; the
//! result is parsed again with the strict indicators.yaml parser before it may be written.

use serde::Deserialize;

/// Metadata for one indicator, ready to write.
#[derive(Debug, Clone, Default)]
pub(super) struct Meta {
    pub id: String,
    /// Title in fi, sv, en.
    pub title: Vec<(&'static str, String)>,
    pub unit: Option<String>,
    pub decimals: Option<u8>,
    pub producer: Option<String>,
    pub licence: Option<String>,
}

/// What an existing entry already has. Lenient (no `deny_unknown_fields`, no required title):
/// the author may list just an id and let `pull` fill the rest.
#[derive(Deserialize)]
struct Present {
    #[serde(deserialize_with = "crate::model::indicators::id_string")]
    id: String,
    source: Option<crate::model::indicators::Source>,
    title: Option<serde::de::IgnoredAny>,
    unit: Option<serde::de::IgnoredAny>,
    decimals: Option<serde::de::IgnoredAny>,
    producer: Option<serde::de::IgnoredAny>,
    licence: Option<serde::de::IgnoredAny>,
}

/// The ids listed in indicators.yaml, in order, with whether each is a local indicator.
pub(super) fn listed_ids(text: &str) -> Result<Vec<(String, bool)>, crate::base::yaml::YamlError> {
    Ok(parse_present(text)?
        .into_iter()
        .map(|p| {
            (
                p.id,
                p.source == Some(crate::model::indicators::Source::Local),
            )
        })
        .collect())
}

fn parse_present(text: &str) -> Result<Vec<Present>, crate::base::yaml::YamlError> {
    if text.trim().is_empty() {
        return Ok(Vec::new());
    }
    crate::base::yaml::parse(text)
}

/// The result of [`fill`].
#[derive(Debug, Default)]
pub(super) struct Filled {
    pub text: String,
    /// Per indicator id, the keys added (an id new to the file gets `added` too).
    pub added: Vec<(String, Vec<&'static str>)>,
    /// Entries whose missing keys could not be placed (a flow mapping over several lines).
    pub skipped: Vec<String>,
}

/// Adds the missing keys of every `metas` entry to `text`; indicators not in the file are
/// appended as new entries.
pub(super) fn fill(text: &str, metas: &[Meta]) -> Result<Filled, crate::base::yaml::YamlError> {
    let present = parse_present(text)?;
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let starts = item_starts(&lines);
    let mut out = Filled::default();
    // Edits go from the bottom up so that earlier line numbers stay valid.
    let mut edits: Vec<(usize, Edit)> = Vec::new();
    let mut appended: Vec<&Meta> = Vec::new();
    for meta in metas {
        let Some(index) = present.iter().position(|p| p.id == meta.id) else {
            appended.push(meta);
            continue;
        };
        let p = &present[index];
        let missing = missing_keys(p, meta);
        if missing.is_empty() {
            continue;
        }
        // The lenient parse and the line scan must agree on the entries, or no edit is safe.
        let (Some(&start), true) = (starts.get(index), starts.len() == present.len()) else {
            out.skipped.push(meta.id.clone());
            continue;
        };
        let end = starts.get(index + 1).copied().unwrap_or(lines.len());
        match plan_edit(&lines, start, end, meta, &missing) {
            Some(edit) => {
                edits.push((start, edit));
                out.added.push((meta.id.clone(), missing));
            }
            None => out.skipped.push(meta.id.clone()),
        }
    }
    edits.sort_by_key(|(start, _)| std::cmp::Reverse(*start));
    for (_, edit) in edits {
        match edit {
            Edit::Insert { at, new } => {
                lines.splice(at..at, new);
            }
            Edit::Replace { at, line } => lines[at] = line,
        }
    }
    for meta in appended {
        if lines.last().is_some_and(|l| !l.trim().is_empty()) {
            lines.push(String::new());
        }
        lines.push(format!("- id: {}", quote(&meta.id)));
        lines.push("  source: sotkanet".to_string());
        let missing = missing_keys_all(meta);
        lines.extend(block_lines(meta, &missing, "  "));
        lines.push(
            "  better: neutral  # set up or down: Sotkanet does not say which direction is better"
                .to_string(),
        );
        out.added.push((meta.id.clone(), missing));
    }
    out.text = lines.join("\n");
    out.text.push('\n');
    Ok(out)
}

enum Edit {
    Insert { at: usize, new: Vec<String> },
    Replace { at: usize, line: String },
}

fn missing_keys(p: &Present, meta: &Meta) -> Vec<&'static str> {
    let mut out = Vec::new();
    if p.title.is_none() && !meta.title.is_empty() {
        out.push("title");
    }
    if p.unit.is_none() && meta.unit.is_some() {
        out.push("unit");
    }
    if p.decimals.is_none() && meta.decimals.is_some() {
        out.push("decimals");
    }
    if p.producer.is_none() && meta.producer.is_some() {
        out.push("producer");
    }
    if p.licence.is_none() && meta.licence.is_some() {
        out.push("licence");
    }
    out
}

fn missing_keys_all(meta: &Meta) -> Vec<&'static str> {
    let none = Present {
        id: meta.id.clone(),
        source: None,
        title: None,
        unit: None,
        decimals: None,
        producer: None,
        licence: None,
    };
    missing_keys(&none, meta)
}

/// Lines that start a top-level entry: `- ` at the indentation of the first entry.
fn item_starts(lines: &[String]) -> Vec<usize> {
    let is_item = |l: &str| l.trim_start().starts_with("- ") || l.trim() == "-";
    let Some(indent) = lines
        .iter()
        .find(|l| is_item(l))
        .map(|l| l.len() - l.trim_start().len())
    else {
        return Vec::new();
    };
    lines
        .iter()
        .enumerate()
        .filter(|(_, l)| is_item(l) && l.len() - l.trim_start().len() == indent)
        .map(|(i, _)| i)
        .collect()
}

fn is_content(line: &str) -> bool {
    let t = line.trim();
    !t.is_empty() && !t.starts_with('#')
}

/// Where and how to add `missing` to the entry on lines `start..end`.
fn plan_edit(
    lines: &[String],
    start: usize,
    end: usize,
    meta: &Meta,
    missing: &[&'static str],
) -> Option<Edit> {
    let last = (start..end).rev().find(|&i| is_content(&lines[i]))?;
    let first = &lines[start];
    let after_dash = first.trim_start().strip_prefix('-')?.trim_start();
    if after_dash.starts_with('{') {
        // A flow mapping: only one on a single line is edited.
        if last != start {
            return None;
        }
        let code_end = first.rfind('}')?;
        let pairs = flow_pairs(meta, missing);
        let mut line = first.clone();
        line.insert_str(code_end, &format!(", {pairs}"));
        return Some(Edit::Replace { at: start, line });
    }
    // A block mapping: keys sit at the column after `- `.
    let key_col = first.len() - after_dash.len();
    let indent = " ".repeat(key_col);
    Some(Edit::Insert {
        at: last + 1,
        new: block_lines(meta, missing, &indent),
    })
}

fn block_lines(meta: &Meta, missing: &[&str], indent: &str) -> Vec<String> {
    let mut out = Vec::new();
    for key in missing {
        match *key {
            "title" => {
                out.push(format!("{indent}title:"));
                for (lang, t) in &meta.title {
                    out.push(format!("{indent}  {lang}: {}", quote(t)));
                }
            }
            other => out.push(format!("{indent}{other}: {}", scalar(meta, other))),
        }
    }
    out
}

fn flow_pairs(meta: &Meta, missing: &[&str]) -> String {
    missing
        .iter()
        .map(|key| match *key {
            "title" => {
                let inner: Vec<String> = meta
                    .title
                    .iter()
                    .map(|(lang, t)| format!("{lang}: {}", quote(t)))
                    .collect();
                format!("title: {{{}}}", inner.join(", "))
            }
            other => format!("{other}: {}", scalar(meta, other)),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn scalar(meta: &Meta, key: &str) -> String {
    match key {
        "unit" => quote(meta.unit.as_deref().unwrap_or_default()),
        "decimals" => meta.decimals.unwrap_or_default().to_string(),
        "producer" => quote(meta.producer.as_deref().unwrap_or_default()),
        "licence" => quote(meta.licence.as_deref().unwrap_or_default()),
        _ => String::new(),
    }
}

/// A double-quoted YAML string: JSON's string syntax is a subset of it.
fn quote(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| format!("\"{s}\""))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(id: &str) -> Meta {
        Meta {
            id: id.into(),
            title: vec![
                ("fi", "Liian vähän liikkuvat (%)".into()),
                ("sv", "För lite \"rörliga\"".into()),
            ],
            unit: Some("%".into()),
            decimals: Some(1),
            producer: Some("Terveyden ja hyvinvoinnin laitos (THL)".into()),
            licence: Some("CC BY 4.0".into()),
        }
    }

    #[test]
    fn adds_only_missing_keys_and_keeps_comments() {
        let text = "# Mittarit\n- id: \"5527\"  # liikunta\n  better: down\n  unit: \"prosenttia\"\n\n# paikallinen\n- {id: oma, source: local, title: Oma}\n";
        let f = fill(text, &[meta("5527")]).unwrap();
        assert_eq!(
            f.text,
            "# Mittarit\n- id: \"5527\"  # liikunta\n  better: down\n  unit: \"prosenttia\"\n  title:\n    fi: \"Liian vähän liikkuvat (%)\"\n    sv: \"För lite \\\"rörliga\\\"\"\n  decimals: 1\n  producer: \"Terveyden ja hyvinvoinnin laitos (THL)\"\n  licence: \"CC BY 4.0\"\n\n# paikallinen\n- {id: oma, source: local, title: Oma}\n"
        );
        assert_eq!(
            f.added,
            vec![(
                "5527".to_string(),
                vec!["title", "decimals", "producer", "licence"]
            )]
        );
        let strict: Vec<crate::model::indicators::Indicator> =
            crate::base::yaml::parse(&f.text).unwrap();
        assert_eq!(strict[0].unit.as_deref(), Some("prosenttia"));
    }

    #[test]
    fn flow_entries_on_one_line_get_keys_before_the_brace() {
        let f = fill("- {id: 4, better: down}  # nuoret\n", &[meta("4")]).unwrap();
        assert!(
            f.text
                .starts_with("- {id: 4, better: down, title: {fi: \"Liian"),
            "{}",
            f.text
        );
        assert!(f.text.ends_with("licence: \"CC BY 4.0\"}  # nuoret\n"));
        let strict: Vec<crate::model::indicators::Indicator> =
            crate::base::yaml::parse(&f.text).unwrap();
        assert_eq!(strict[0].decimals, Some(1));
    }

    #[test]
    fn unknown_ids_are_appended_and_multiline_flow_is_skipped() {
        let text = "- {id: 4,\n   title: T}\n";
        let f = fill(text, &[meta("4"), meta("5527")]).unwrap();
        assert_eq!(f.skipped, vec!["4".to_string()]);
        assert!(f
            .text
            .contains("\n\n- id: \"5527\"\n  source: sotkanet\n  title:\n"));
        let strict: Vec<crate::model::indicators::Indicator> =
            crate::base::yaml::parse(&f.text).unwrap();
        assert_eq!(strict.len(), 2);
        assert_eq!(strict[1].better, crate::model::indicators::Better::Neutral);
    }

    #[test]
    fn an_empty_file_gets_entries() {
        let f = fill("", &[meta("5527")]).unwrap();
        assert!(f.text.starts_with("- id: \"5527\"\n"));
    }
}
