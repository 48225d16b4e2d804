//! Indicators (mittarit, spec §8): metadata from `content/data/indicators.yaml` and numbers
//! from the CSV files under `content/data/values/`. Knows nothing of charts or pages.

pub mod export;
pub mod trend;
pub mod values;

use crate::base::diagnostics::Diagnostic;
use crate::base::text::Text;
use crate::model::regions::Register;
use crate::msg;
use serde::{Deserialize, Deserializer, Serialize};
use std::collections::BTreeMap;
use std::path::Path;
pub use values::{Gender, Point, Values};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    #[default]
    Sotkanet,
    Local,
}

/// Which direction of change is an improvement. Sotkanet does not say; the author does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Better {
    Up,
    Down,
    #[default]
    Neutral,
}

/// The names of each value in English, Finnish and Swedish (content format §13.1).
const BETTER_NAMES: &[crate::base::vocabulary::Names<Better>] = &[
    crate::base::vocabulary::Names {
        value: Better::Up,
        en: &["up"],
        fi: &["ylös", "suurempi parempi"],
        sv: &["upp"],
    },
    crate::base::vocabulary::Names {
        value: Better::Down,
        en: &["down"],
        fi: &["alas", "pienempi parempi"],
        sv: &["ned"],
    },
    crate::base::vocabulary::Names {
        value: Better::Neutral,
        en: &["neutral"],
        fi: &["neutraali"],
        sv: &["neutral"],
    },
];
crate::base::vocabulary::vocabulary!(Better, "a direction (which way is better)", BETTER_NAMES);

/// Tulosmittari (outcome) or toimintamittari (activity).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Outcome,
    Activity,
}

/// The names of each value in English, Finnish and Swedish (content format §13.1).
const KIND_NAMES: &[crate::base::vocabulary::Names<Kind>] = &[
    crate::base::vocabulary::Names {
        value: Kind::Outcome,
        en: &["outcome"],
        fi: &["tulos", "tulosmittari"],
        sv: &["resultat"],
    },
    crate::base::vocabulary::Names {
        value: Kind::Activity,
        en: &["activity"],
        fi: &["toiminta", "toimintamittari"],
        sv: &["aktivitet"],
    },
];
crate::base::vocabulary::vocabulary!(Kind, "a kind of indicator", KIND_NAMES);

/// One entry of indicators.yaml as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    #[serde(deserialize_with = "id_string")]
    pub id: String,
    #[serde(default)]
    pub source: Source,
    pub title: Text,
    #[serde(default)]
    pub unit: Option<String>,
    #[serde(default)]
    pub decimals: Option<u8>,
    #[serde(default)]
    pub better: Better,
    #[serde(default)]
    pub kind: Option<Kind>,
    #[serde(default)]
    pub producer: Option<String>,
    #[serde(default)]
    pub description: Option<Text>,
    #[serde(default)]
    pub licence: Option<String>,
    /// Focus area (painopiste) id this indicator follows, for grouping on the index page.
    #[serde(default)]
    pub focus_area: Option<String>,
}

impl Indicator {
    pub fn decimals(&self) -> usize {
        usize::from(self.decimals.unwrap_or(1).min(6))
    }

    /// Lähde line under a chart, in `lang`.
    pub fn is_sotkanet(&self) -> bool {
        self.source == Source::Sotkanet
    }
}

/// Sotkanet ids are numbers, local ids slugs; authors write `id: 5527` as often as `id: "5527"`.
pub fn id_string<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Id {
        S(String),
        N(u64),
    }
    Ok(match Id::deserialize(d)? {
        Id::S(s) => s,
        Id::N(n) => n.to_string(),
    })
}

/// All indicators of the site and their values.
#[derive(Debug, Default)]
pub struct Indicators {
    /// In the order of indicators.yaml.
    pub list: Vec<Indicator>,
    pub values: Values,
    /// indicators.yaml exists but could not be read: its error is reported, and ids that
    /// refer to it (in plans, cards, shortcodes and value files) are not reported as missing.
    pub failed: bool,
    /// indicators.yaml, with its texts.
    pub(crate) source: Option<crate::base::locate::Source>,
}

impl Indicators {
    pub fn get(&self, id: &str) -> Option<&Indicator> {
        self.list.iter().find(|i| i.id == id)
    }

    /// Whether `id` is known to be missing (never when indicators.yaml failed to load).
    pub fn lacks(&self, id: &str) -> bool {
        !self.failed && self.get(id).is_none()
    }
}

/// Reads `content/data/indicators.yaml` and `content/data/values/*.csv`. A site without them
/// has no indicators.
pub fn load(content: &Path, register: &Register, diags: &mut Vec<Diagnostic>) -> Indicators {
    let rel = Path::new("data/indicators.yaml");
    let shown = Path::new("content").join(rel);
    let mut failed = false;
    let mut kept = None;
    let list: Vec<Indicator> = match crate::base::locate::read(content, rel) {
        Ok(None) => Vec::new(),
        Err(d) => {
            diags.push(d);
            failed = true;
            Vec::new()
        }
        Ok(Some(mut source)) => match source.parse::<Vec<Indicator>>() {
            Ok(list) => {
                check_ids(&list, &source.text, &shown, diags);
                kept = Some(source);
                list
            }
            Err(e) => {
                let text = &source.text;
                let d = Diagnostic::at_line_col(&shown, text, e.line, e.col, e.message);
                diags.push(match e.hint {
                    Some(h) => d.with_hint(h),
                    None => d,
                });
                failed = true;
                Vec::new()
            }
        },
    };
    let known: BTreeMap<&str, &Indicator> = list.iter().map(|i| (i.id.as_str(), i)).collect();
    // Value files name indicators of indicators.yaml: without it they cannot be checked.
    let values = if failed {
        Values::default()
    } else {
        values::load_dir(&content.join("data/values"), &known, register, diags)
    };
    Indicators {
        list,
        values,
        failed,
        source: kept,
    }
}

fn check_ids(list: &[Indicator], text: &str, shown: &Path, diags: &mut Vec<Diagnostic>) {
    let mut seen = std::collections::HashSet::new();
    for i in list {
        let ok = !i.id.is_empty()
            && i.id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        let at = |message| {
            let needle = format!("id: {}", i.id);
            let quoted = format!("id: \"{}\"", i.id);
            let offset = text
                .rfind(&quoted)
                .or_else(|| text.rfind(&needle))
                .unwrap_or(0);
            Diagnostic::at_offset(shown, text, offset, message)
        };
        if !ok {
            let d = at(msg!(
                "indicator id `{id}` may contain only letters, digits, - and _",
                id = i.id
            ));
            diags.push(d.with_hint(msg!(
                "use the Sotkanet id (\"5527\") or a short slug (ryhmaytyspaivat)"
            )));
        } else if !seen.insert(i.id.as_str()) {
            diags.push(at(msg!("indicator `{id}` is listed twice", id = i.id)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_spec_example() {
        let list: Vec<Indicator> = crate::base::yaml::parse(
            "- id: \"5527\"\n  source: sotkanet\n  title: {fi: \"Liian vähän liikkuvat (%)\", sv: \"...\"}\n  unit: \"%\"\n  decimals: 1\n  better: down\n  kind: outcome\n  producer: \"THL\"\n  licence: \"CC BY 4.0\"\n- {id: ryhmaytyspaivat, source: local, title: \"Ryhmäytymispäivät (kpl)\", unit: \"kpl\", decimals: 0, better: up, kind: activity}\n- {id: 4, title: T}\n",
        )
        .unwrap();
        assert_eq!(list.len(), 3);
        assert_eq!(list[0].better, Better::Down);
        assert_eq!(list[1].decimals(), 0);
        assert_eq!(list[2].id, "4");
    }

    #[test]
    fn unknown_keys_are_errors() {
        let e = crate::base::yaml::parse::<Vec<Indicator>>("- {id: \"1\", title: T, beter: up}\n")
            .unwrap_err();
        assert_eq!(
            e.hint.as_ref().map(ToString::to_string).as_deref(),
            Some("did you mean `better`?")
        );
    }
}
