//! Missing translations: pages of the default language without a version in another configured
//! language, and texts in the site's YAML files written in fewer languages than the site has.

use super::{Finding, Kind};
use crate::base::diagnostics::Diagnostic;
use crate::base::locate::Source;
use crate::msg;
use crate::site::Site;
use serde_yaml::Value;
use std::path::{Path, PathBuf};

pub(super) fn pages(site: &Site) -> Vec<Finding> {
    let default = site.config.default_language();
    let mut out = Vec::new();
    for (i, p) in site.pages.iter().enumerate() {
        if p.lang != default || p.is_card_prose() {
            continue;
        }
        let have: Vec<&str> = site
            .translations(i)
            .iter()
            .map(|&t| site.pages[t].lang.as_str())
            .collect();
        let missing: Vec<&str> = site
            .config
            .languages
            .iter()
            .map(String::as_str)
            .filter(|l| !have.contains(l))
            .collect();
        if !missing.is_empty() {
            let name = p.rel.file_stem().unwrap_or_default().to_string_lossy();
            out.push((
                Kind::MissingTranslations,
                Diagnostic::file_error(
                    Path::new("content").join(&p.rel),
                    msg!(
                        "the page has no {missing} version",
                        missing = missing.join(", ")
                    ),
                )
                .warning()
                .with_hint(msg!(
                    "add {files} beside it; until then readers see the {default} text",
                    files = missing
                        .iter()
                        .map(|l| format!("{name}.{l}.md"))
                        .collect::<Vec<_>>()
                        .join(", "),
                    default
                )),
            ));
        }
    }
    out
}

/// Keys whose string values are texts for readers (spec §2), one text or a list of them.
const TEXT_KEYS: [&str; 17] = [
    "title",
    "name",
    "summary",
    "description",
    "text",
    "note",
    "body",
    "target_groups",
    "options",
    "members",
    "tasks",
    "known_issues",
    "out_of_scope",
    "disproportionate_burden",
    "unit_label",
    "assessed_by",
    "label",
];

/// The YAML files whose texts readers see.
fn yaml_files(content: &Path) -> Vec<PathBuf> {
    let mut out = vec![PathBuf::from("site.yaml")];
    for entry in walkdir::WalkDir::new(content)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
    {
        let rel = entry.path().strip_prefix(content).unwrap_or(entry.path());
        let is_yaml = rel.extension().is_some_and(|x| x == "yaml" || x == "yml");
        if is_yaml && rel != Path::new("site.yaml") {
            out.push(rel.to_path_buf());
        }
    }
    out
}

pub(super) fn yaml(site: &Site, content: &Path) -> Vec<Finding> {
    let langs = &site.config.languages;
    if langs.len() < 2 {
        return Vec::new();
    }
    let mut out = Vec::new();
    for rel in yaml_files(content) {
        let Ok(Some(src)) = crate::base::locate::read(content, &rel) else {
            continue;
        };
        let Ok(value) = crate::base::yaml::parse::<Value>(&src.text) else {
            continue;
        };
        let mut walk = Walk {
            src: &src,
            langs,
            cursor: 0,
            out: &mut out,
        };
        walk.value(&value, false);
    }
    out
}

struct Walk<'a> {
    src: &'a Source,
    langs: &'a [String],
    cursor: usize,
    out: &'a mut Vec<Finding>,
}

impl Walk<'_> {
    fn report(&mut self, written: &str, missing: &[&str]) {
        let at = self.src.value(written, self.cursor);
        self.cursor = at.max(self.cursor);
        let short: String = written.chars().take(40).collect();
        self.out.push((
            Kind::MissingTranslations,
            self.src
                .error(
                    at,
                    msg!(
                        "\"{short}\" has no {missing} translation",
                        short,
                        missing = missing.join(", ")
                    ),
                )
                .warning()
                .with_hint(msg!(
                    "write it as a map by language: {{{langs}: \"…\"}}",
                    langs = self.langs.join(": \"…\", ")
                )),
        ));
    }

    fn value(&mut self, v: &Value, is_text: bool) {
        match v {
            Value::String(s) if is_text => {
                let missing: Vec<&str> = self.langs[1..].iter().map(String::as_str).collect();
                self.report(s, &missing);
            }
            Value::Sequence(items) => {
                for item in items {
                    self.value(item, is_text);
                }
            }
            Value::Mapping(map) => {
                let keys: Vec<&str> = map.keys().filter_map(Value::as_str).collect();
                let by_lang = !keys.is_empty()
                    && keys.len() == map.len()
                    && keys.iter().all(|k| crate::base::text::is_language_code(k))
                    && map.values().all(Value::is_string);
                if by_lang {
                    let missing: Vec<&str> = self
                        .langs
                        .iter()
                        .map(String::as_str)
                        .filter(|l| !keys.contains(l))
                        .collect();
                    let first = map.values().find_map(Value::as_str).unwrap_or_default();
                    if missing.is_empty() {
                        self.cursor = self.src.value(first, self.cursor).max(self.cursor);
                    } else {
                        self.report(first, &missing);
                    }
                    return;
                }
                for (k, v) in map {
                    let text_key = k.as_str().is_some_and(|k| TEXT_KEYS.contains(&k));
                    self.value(v, text_key);
                }
            }
            _ => {}
        }
    }
}
