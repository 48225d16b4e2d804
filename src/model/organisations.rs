//! Organisations (spec §7): `content/data/organisations.yaml`, the parties that are responsible
//! for measures, partners in them, or share goals. Validated into [`Organisations`].

use crate::base::diagnostics::Diagnostic;
use crate::base::locate::{self, Source};
use crate::base::messages::Msg;
use crate::base::text::Text;
use crate::base::url::Url;
use crate::model::regions::Register;
use crate::msg;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum OrgType {
    Kunta,
    Hyvinvointialue,
    Yksikko,
    Jarjesto,
    Seurakunta,
    Oppilaitos,
    Poliisi,
    Apteekki,
    Tyoterveyshuolto,
    Yritys,
    Maakuntaliitto,
    Muu,
}

impl OrgType {
    pub(crate) fn i18n_key(self) -> String {
        let s = serde_json::to_string(&self).unwrap_or_default();
        format!("org_type_{}", s.trim_matches('"'))
    }
}

/// One entry as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOrg {
    id: String,
    #[serde(rename = "type")]
    kind: OrgType,
    name: Text,
    #[serde(default)]
    region: Option<String>,
    #[serde(default)]
    parent: Option<String>,
    #[serde(default)]
    counterpart: Option<String>,
    #[serde(default)]
    url: Option<Url>,
}

/// A validated organisation.
#[derive(Debug, Clone)]
pub(crate) struct Organisation {
    pub id: String,
    pub kind: OrgType,
    pub name: Text,
    pub region: Option<crate::model::regions::RegionRef>,
    pub parent: Option<String>,
    /// Vastinpari: the organisation this one pairs with across the municipality–county
    /// interface.
    pub counterpart: Option<String>,
    /// The organisation's web address (spec §8), not shown yet.
    #[allow(dead_code)]
    pub url: Option<Url>,
}

/// All organisations, in the file's order.
#[derive(Debug, Default)]
pub(crate) struct Organisations {
    pub list: Vec<Organisation>,
    index: BTreeMap<String, usize>,
    /// organisations.yaml exists but could not be read: its own error says why, and the ids
    /// that refer to it are not reported as missing as well.
    pub failed: bool,
    /// organisations.yaml, with its texts.
    pub source: Option<Source>,
}

impl Organisations {
    pub(crate) fn get(&self, id: &str) -> Option<&Organisation> {
        self.index.get(id).map(|&i| &self.list[i])
    }

    fn failed() -> Organisations {
        Organisations {
            failed: true,
            ..Organisations::default()
        }
    }

    /// Whether `id` is known to be missing (never when the file failed to load: one cause,
    /// one error).
    pub(crate) fn lacks(&self, id: &str) -> bool {
        !self.failed && self.get(id).is_none()
    }

    pub(crate) fn ids(&self) -> Vec<&str> {
        self.list.iter().map(|o| o.id.as_str()).collect()
    }

    /// The message for an unknown id, with the closest known one.
    pub(crate) fn unknown(&self, id: &str) -> (Msg, Msg) {
        if id.trim().is_empty() {
            return crate::base::text::empty_reference(msg!(
                "the id of an organisation in content/data/organisations.yaml"
            ));
        }
        let message = msg!(
            "organisation `{id}` is not in content/data/organisations.yaml",
            id
        );
        let hint = match crate::base::yaml::closest(id, &self.ids()) {
            Some(c) => msg!("did you mean `{c}`?", c),
            None => msg!("add it to content/data/organisations.yaml"),
        };
        (message, hint)
    }

    /// Pairs of organisations that name each other (or one names the other) as counterpart.
    pub(crate) fn counterparts(&self) -> Vec<(&Organisation, &Organisation)> {
        let mut out: Vec<(&Organisation, &Organisation)> = Vec::new();
        for o in &self.list {
            if let Some(c) = o.counterpart.as_deref().and_then(|c| self.get(c)) {
                let seen = out
                    .iter()
                    .any(|(a, b)| (a.id == c.id && b.id == o.id) || (a.id == o.id && b.id == c.id));
                if !seen {
                    out.push((o, c));
                }
            }
        }
        out
    }
}

/// Reads `content/data/organisations.yaml` (a site without it has none).
pub(crate) fn load(
    content: &Path,
    register: &Register,
    diags: &mut Vec<Diagnostic>,
) -> Organisations {
    let mut source = match locate::read(content, Path::new("data/organisations.yaml")) {
        Ok(Some(s)) => s,
        Ok(None) => return Organisations::default(),
        Err(d) => {
            diags.push(d);
            return Organisations::failed();
        }
    };
    let raw: Vec<RawOrg> = if source.text.trim().is_empty() {
        Vec::new()
    } else {
        match source.parse() {
            Ok(r) => r,
            Err(e) => {
                diags.push(locate::yaml_error(&source, e));
                return Organisations::failed();
            }
        }
    };
    let mut out = resolve(raw, &source, register, diags);
    out.source = Some(source);
    out
}

fn resolve(
    raw: Vec<RawOrg>,
    source: &Source,
    register: &Register,
    diags: &mut Vec<Diagnostic>,
) -> Organisations {
    let mut out = Organisations::default();
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    let mut places = Vec::new();
    let entries = crate::base::locate::Entries::new(&source.text);
    for r in &raw {
        let nth = seen.entry(r.id.as_str()).or_insert(0);
        let at = entries.offset(&r.id, *nth);
        *nth += 1;
        places.push(at);
        if *nth > 1 {
            diags.push(
                source
                    .error(at, msg!("organisation id `{id}` is used twice", id = r.id))
                    .with_hint(msg!("give every organisation its own id")),
            );
        }
    }
    for (r, &at) in raw.iter().zip(&places) {
        let region = match r.region.as_deref().map(|t| register.resolve(t)) {
            None => None,
            Some(Ok(reg)) => Some(reg.id.clone()),
            Some(Err(message)) => {
                let text = r.region.as_deref().unwrap_or_default();
                diags.push(source.error(source.value(text, at), message));
                None
            }
        };
        for (key, target) in [("parent", &r.parent), ("counterpart", &r.counterpart)] {
            if let Some(t) = target {
                if t.trim().is_empty() {
                    let (message, hint) = crate::base::text::empty_reference(msg!(
                        "the id of an organisation in this file"
                    ));
                    let offset = source.value(t, source.key(key, at));
                    diags.push(
                        source
                            .error(offset, msg!("{key}: {message}", key, message: message))
                            .with_hint(hint),
                    );
                } else if !seen.contains_key(t.as_str()) {
                    let ids: Vec<&str> = seen.keys().copied().collect();
                    let d = source.error(
                        source.value(t, source.key(key, at)),
                        msg!("{key} `{t}` is not an organisation in this file", key, t),
                    );
                    diags.push(match crate::base::yaml::closest(t, &ids) {
                        Some(c) => d.with_hint(msg!("did you mean `{c}`?", c)),
                        None => {
                            d.with_hint(msg!("list the organisation in organisations.yaml first"))
                        }
                    });
                }
            }
        }
        if out.index.contains_key(&r.id) {
            continue;
        }
        out.index.insert(r.id.clone(), out.list.len());
        out.list.push(Organisation {
            id: r.id.clone(),
            kind: r.kind,
            name: r.name.clone(),
            region,
            parent: r.parent.clone(),
            counterpart: r.counterpart.clone(),
            url: r.url.clone(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> (Organisations, Vec<Diagnostic>) {
        let source = Source::new(Path::new("content/data/organisations.yaml"), text.into());
        let raw: Vec<RawOrg> = crate::base::yaml::parse(text).unwrap();
        let mut diags = Vec::new();
        let o = resolve(raw, &source, &Register::builtin(), &mut diags);
        (o, diags)
    }

    #[test]
    fn references_are_checked_with_positions() {
        let (o, d) = run("- {id: pshva, type: hyvinvointialue, name: PS, region: \"HYVINVOINTIALUE:13\"}\n- {id: kuopio, type: kunta, name: Kuopio, region: \"KUNTA:297\", counterpart: pshva}\n- {id: x, type: yksikko, name: X, parent: pshv}\n- {id: x, type: muu, name: Y}\n");
        assert_eq!(o.list.len(), 3);
        assert_eq!(o.counterparts().len(), 1);
        let msgs: Vec<String> = d
            .iter()
            .map(|d| format!("{}:{} {}", d.line, d.col, d.message))
            .collect();
        assert_eq!(
            msgs,
            vec![
                "4:4 organisation id `x` is used twice".to_string(),
                "3:43 parent `pshv` is not an organisation in this file".to_string(),
            ]
        );
        assert_eq!(
            d[1].hint.as_ref().map(ToString::to_string).as_deref(),
            Some("did you mean `pshva`?")
        );
    }

    #[test]
    fn unknown_types_get_a_suggestion() {
        let e = crate::base::yaml::parse::<Vec<RawOrg>>("- {id: a, type: jarjesta, name: A}\n")
            .unwrap_err();
        assert_eq!(
            e.hint.as_ref().map(ToString::to_string).as_deref(),
            Some("did you mean `jarjesto`?")
        );
    }
}
