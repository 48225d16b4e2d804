//! The annual clock (vuosikello) and the cooperation structure (yhteistyörakenne), spec §11:
//! `content/data/vuosikello.yaml` and `content/data/bodies.yaml`.

use crate::base::dates::{Date, YearRange};
use crate::base::diagnostics::Diagnostic;
use crate::base::locate::{self, Source};
use crate::base::text::Text;
use crate::msg;
use serde::{Deserialize, Serialize};
use std::path::Path;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Level {
    Strategic,
    Operative,
    CoordinatorNetwork,
    Network,
    Forum,
    AdvisoryBoard,
}

/// The names of each value in English, Finnish and Swedish (content format §13.1).
const LEVEL_NAMES: &[crate::base::vocabulary::Names<Level>] = &[
    crate::base::vocabulary::Names {
        value: Level::Strategic,
        en: &["strategic"],
        fi: &["strateginen"],
        sv: &["strategisk"],
    },
    crate::base::vocabulary::Names {
        value: Level::Operative,
        en: &["operative"],
        fi: &["operatiivinen"],
        sv: &["operativ"],
    },
    crate::base::vocabulary::Names {
        value: Level::CoordinatorNetwork,
        en: &["coordinator_network"],
        fi: &["koordinaattoriverkosto"],
        sv: &["koordinatorsnätverk"],
    },
    crate::base::vocabulary::Names {
        value: Level::Network,
        en: &["network"],
        fi: &["verkosto"],
        sv: &["nätverk"],
    },
    crate::base::vocabulary::Names {
        value: Level::Forum,
        en: &["forum"],
        fi: &["foorumi"],
        sv: &["forum"],
    },
    crate::base::vocabulary::Names {
        value: Level::AdvisoryBoard,
        en: &["advisory_board"],
        fi: &["neuvottelukunta"],
        sv: &["delegation"],
    },
];
crate::base::vocabulary::vocabulary!(Level, "a level of the cooperation structure", LEVEL_NAMES);

impl Level {
    pub(crate) const ALL: [Level; 6] = [
        Level::Strategic,
        Level::Operative,
        Level::CoordinatorNetwork,
        Level::Network,
        Level::Forum,
        Level::AdvisoryBoard,
    ];

    pub(crate) fn key(self) -> &'static str {
        match self {
            Level::Strategic => "strategic",
            Level::Operative => "operative",
            Level::CoordinatorNetwork => "coordinator_network",
            Level::Network => "network",
            Level::Forum => "forum",
            Level::AdvisoryBoard => "advisory_board",
        }
    }
}

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct MeetingsPerYear {
    pub min: u32,
    pub max: Option<u32>,
}

/// A body (toimielin, verkosto, foorumi) of the cooperation structure.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Body {
    pub id: String,
    pub name: Text,
    pub level: Level,
    #[serde(default)]
    pub description: Option<Text>,
    #[serde(default)]
    pub members: Vec<Text>,
    #[serde(default)]
    pub meetings_per_year: Option<MeetingsPerYear>,
    #[serde(default)]
    pub tasks: Vec<Text>,
    #[serde(default)]
    pub legal_basis: Vec<String>,
    #[serde(default)]
    pub term: Option<YearRange>,
    #[serde(default)]
    pub meetings: Vec<Date>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Phase {
    pub months: Vec<u32>,
    pub title: Text,
    #[serde(default)]
    pub description: Option<Text>,
    /// Bodies (ids in bodies.yaml) that act in this phase.
    #[serde(default)]
    pub actors: Vec<String>,
    /// The organisation whose phase this is, on a clock shared by several (spec §13.3).
    #[serde(default)]
    pub organisation: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Clock {
    pub title: Text,
    #[serde(default)]
    pub description: Option<Text>,
    /// Mark the month of the build on the clock (off by default: the output then depends on
    /// the day of the build).
    #[serde(default)]
    pub show_current_month: bool,
    #[serde(default)]
    pub phases: Vec<Phase>,
}

impl Clock {}

#[derive(Debug, Default)]
pub(crate) struct Cooperation {
    pub clock: Option<Clock>,
    pub bodies: Vec<Body>,
    /// bodies.yaml and vuosikello.yaml as read, with their texts.
    pub sources: Vec<Source>,
}

impl Cooperation {
    pub(crate) fn body(&self, id: &str) -> Option<&Body> {
        self.bodies.iter().find(|b| b.id == id)
    }
}

fn parse_file<T: serde::de::DeserializeOwned>(
    content: &Path,
    rel: &str,
    diags: &mut Vec<Diagnostic>,
) -> Option<(T, Source)> {
    let mut source = match locate::read(content, Path::new(rel)) {
        Ok(s) => s?,
        Err(d) => {
            diags.push(d);
            return None;
        }
    };
    match source.parse::<T>() {
        Ok(v) => Some((v, source)),
        Err(e) => {
            diags.push(locate::yaml_error(&source, e));
            None
        }
    }
}

pub(crate) fn load(
    content: &Path,
    orgs: &crate::model::organisations::Organisations,
    diags: &mut Vec<Diagnostic>,
) -> Cooperation {
    let mut out = Cooperation::default();
    if let Some((bodies, src)) = parse_file::<Vec<Body>>(content, "data/bodies.yaml", diags) {
        let mut seen = std::collections::BTreeSet::new();
        let entries = crate::base::locate::Entries::new(&src.text);
        for b in &bodies {
            if !seen.insert(b.id.as_str()) {
                diags.push(src.error(
                    entries.offset(&b.id, 1),
                    msg!("body id `{id}` is used twice", id = b.id),
                ));
            }
        }
        out.bodies = bodies;
        out.sources.push(src);
    }
    if let Some((clock, src)) = parse_file::<Clock>(content, "data/vuosikello.yaml", diags) {
        // The n-th `months:` key starts the n-th phase: phases are located by it.
        let mut from = 0;
        for p in &clock.phases {
            let at = src.key("months", from);
            from = at + 1;
            if p.months.is_empty() {
                diags.push(
                    src.error(at, msg!("a phase needs at least one month"))
                        .with_hint(msg!("list the months, e.g. months: [1, 2, 3]")),
                );
            }
            for m in &p.months {
                if !(1..=12).contains(m) {
                    diags.push(
                        src.error(
                            src.value(&m.to_string(), at),
                            msg!("month {m} is not between 1 and 12", m),
                        )
                        .with_hint(msg!("months are numbered 1 (January) to 12 (December)")),
                    );
                }
            }
            if let Some(o) = p.organisation.as_deref().filter(|o| orgs.lacks(o)) {
                let (message, hint) = orgs.unknown(o);
                let offset = src.value(o, src.key("organisation", at));
                diags.push(src.error(offset, message).with_hint(hint));
            }
            for a in &p.actors {
                if a.trim().is_empty() {
                    let (message, hint) = crate::base::text::empty_reference(msg!(
                        "the id of a body in content/data/bodies.yaml"
                    ));
                    let from = src.key("actors", at);
                    diags.push(src.error(src.value(a, from), message).with_hint(hint));
                } else if out.body(a).is_none() {
                    let ids: Vec<&str> = out.bodies.iter().map(|b| b.id.as_str()).collect();
                    let d = src.error(
                        src.value(a, at),
                        msg!("actor `{a}` is not a body in content/data/bodies.yaml", a),
                    );
                    diags.push(match crate::base::yaml::closest(a, &ids) {
                        Some(c) => d.with_hint(msg!("did you mean `{c}`?", c)),
                        None => d.with_hint(msg!("list the body in content/data/bodies.yaml")),
                    });
                }
            }
        }
        out.clock = Some(clock);
        out.sources.push(src);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clock_and_bodies_are_checked() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("data")).unwrap();
        std::fs::write(dir.path().join("data/bodies.yaml"), "- {id: strateginen-taso, name: S, level: strategic, meetings_per_year: {min: 1, max: 2}}\n").unwrap();
        std::fs::write(dir.path().join("data/vuosikello.yaml"), "title: V\nphases:\n  - {months: [12, 1], title: \"Kirjoittaminen\", actors: [strateginen-tas]}\n  - {months: [13], title: \"Väärä\"}\n").unwrap();
        let mut d = Vec::new();
        let c = load(dir.path(), &Default::default(), &mut d);
        let m: Vec<String> = d
            .iter()
            .map(|d| format!("{}:{} {}", d.line, d.col, d.message))
            .collect();
        assert_eq!(
            m,
            vec![
                "3:57 actor `strateginen-tas` is not a body in content/data/bodies.yaml",
                "4:15 month 13 is not between 1 and 12",
            ]
        );
        let clock = c.clock.unwrap();
        assert_eq!(
            clock
                .phases
                .iter()
                .filter(|p| p.months.contains(&1))
                .count(),
            1
        );
        assert_eq!(c.bodies[0].level, Level::Strategic);
    }
}
