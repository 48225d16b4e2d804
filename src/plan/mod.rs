//! The welfare plan (spec §6): focus areas (painopisteet), wellbeing gaps, goals and measures
//! with their responsible parties, partners, indicators and yearly progress. `plan.yaml` beside
//! a plan document's `index.md` (plus its `include:` files) is parsed into [`raw`] structs and
//! resolved into the validated model here. Knows nothing of pages or HTML.

pub(crate) mod grouping;
pub(crate) mod quality;
pub(crate) mod raw;
mod resolve;

use crate::dates::YearRange;
use crate::diagnostics::Diagnostic;
use crate::indicators::{Indicators, Kind};
use crate::locate::{self, At, Source};
use crate::organisations::Organisations;
use crate::text::Text;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub(crate) use raw::YearValue;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum FocusKind {
    #[default]
    Focus,
    /// Läpileikkaava: runs through every other focus area.
    CrossCutting,
}

/// A measure's state in one year's follow-up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Status {
    Planned,
    Started,
    Ongoing,
    Done,
    Delayed,
    Paused,
    Dropped,
}

impl Status {
    pub(crate) const ALL: [Status; 7] = [
        Status::Planned,
        Status::Started,
        Status::Ongoing,
        Status::Done,
        Status::Delayed,
        Status::Paused,
        Status::Dropped,
    ];

    pub(crate) fn key(self) -> &'static str {
        match self {
            Status::Planned => "planned",
            Status::Started => "started",
            Status::Ongoing => "ongoing",
            Status::Done => "done",
            Status::Delayed => "delayed",
            Status::Paused => "paused",
            Status::Dropped => "dropped",
        }
    }
}

/// Joint work across the municipality–county interface (yhdyspinta), or an organisation's own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Scope {
    Joint,
    Own,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum WorkType {
    Edistava,
    Ehkaiseva,
    Korjaava,
    ArjenTuki,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Maturity {
    Pilot,
    Developing,
    Established,
}

/// The plan of one document.
#[derive(Debug)]
pub(crate) struct Plan {
    /// Site key of the plan document's folder (`hyvinvointikertomus-2025-2029`).
    pub doc_key: String,
    /// URL path of the document in the default language (`hyvinvointikertomus-2025-2029/`).
    pub doc_path: String,
    pub period: Option<YearRange>,
    /// plan.yaml and its included files, for placing warnings.
    pub sources: Vec<Source>,
    pub focus_areas: Vec<FocusArea>,
}

#[derive(Debug)]
pub(crate) struct FocusArea {
    pub id: String,
    pub title: Text,
    pub kind: FocusKind,
    pub summary: Option<Text>,
    pub gaps: Vec<Gap>,
    pub goals: Vec<Goal>,
}

#[derive(Debug)]
pub(crate) struct Gap {
    pub id: String,
    pub title: Text,
    pub description: Option<Text>,
    pub target_groups: Vec<Text>,
    pub indicators: Vec<String>,
    pub at: At,
}

#[derive(Debug)]
pub(crate) struct GoalIndicator {
    pub id: String,
    pub kind: Kind,
    pub baseline: Option<YearValue>,
    pub target: Option<YearValue>,
}

#[derive(Debug)]
pub(crate) struct Goal {
    pub id: String,
    pub title: Text,
    pub description: Option<Text>,
    pub gap: Option<String>,
    pub target_year: Option<i32>,
    /// Organisations that share this goal (yhteinen tavoite).
    pub shared_with: Vec<String>,
    pub indicators: Vec<GoalIndicator>,
    pub measures: Vec<Measure>,
    pub at: At,
}

#[derive(Debug)]
pub(crate) struct MeasureIndicator {
    pub id: String,
    pub kind: Kind,
}

#[derive(Debug)]
pub(crate) struct Progress {
    pub status: Status,
    pub note: Option<Text>,
}

#[derive(Debug)]
pub(crate) struct Measure {
    pub id: String,
    pub title: Text,
    pub description: Option<Text>,
    pub responsible: Vec<String>,
    pub partners: Vec<String>,
    /// Written or, when left out, joint if the measure has partners.
    pub scope: Scope,
    pub statutory: bool,
    pub work_type: Option<WorkType>,
    pub maturity: Option<Maturity>,
    pub schedule: Option<YearRange>,
    pub indicators: Vec<MeasureIndicator>,
    pub progress: BTreeMap<i32, Progress>,
    pub at: At,
}

impl Measure {
    /// The latest progress entry up to and including `year`.
    pub(crate) fn status_at(&self, year: i32) -> Option<(i32, &Progress)> {
        self.progress
            .range(..=year)
            .next_back()
            .map(|(y, p)| (*y, p))
    }
}

/// A measure with the focus area and goal it belongs to.
#[derive(Debug, Clone, Copy)]
pub(crate) struct MeasureRef<'a> {
    pub focus_area: &'a FocusArea,
    pub goal: &'a Goal,
    pub measure: &'a Measure,
}

impl Plan {
    pub(crate) fn measures(&self) -> impl Iterator<Item = MeasureRef<'_>> {
        self.focus_areas.iter().flat_map(|fa| {
            fa.goals.iter().flat_map(move |g| {
                g.measures.iter().map(move |m| MeasureRef {
                    focus_area: fa,
                    goal: g,
                    measure: m,
                })
            })
        })
    }

    pub(crate) fn goals(&self) -> impl Iterator<Item = (&FocusArea, &Goal)> {
        self.focus_areas
            .iter()
            .flat_map(|fa| fa.goals.iter().map(move |g| (fa, g)))
    }

    pub(crate) fn focus_area(&self, id: &str) -> Option<&FocusArea> {
        self.focus_areas.iter().find(|f| f.id == id)
    }

    /// Every indicator the plan names (in gaps, goals and measures) with where it is named,
    /// in file order.
    pub(crate) fn indicator_uses(&self) -> Vec<(&str, At)> {
        let mut used = Vec::new();
        for fa in &self.focus_areas {
            for g in &fa.gaps {
                used.extend(g.indicators.iter().map(|i| (i.as_str(), g.at)));
            }
            for g in &fa.goals {
                used.extend(g.indicators.iter().map(|i| (i.id.as_str(), g.at)));
                for m in &g.measures {
                    used.extend(m.indicators.iter().map(|i| (i.id.as_str(), m.at)));
                }
            }
        }
        used
    }

    /// The newest year any measure reports progress for.
    pub(crate) fn latest_year(&self) -> Option<i32> {
        self.measures()
            .filter_map(|m| m.measure.progress.keys().next_back().copied())
            .max()
    }

    pub(crate) fn source(&self, at: At) -> &Source {
        &self.sources[at.file]
    }

    /// A diagnostic at `at`.
    pub(crate) fn diagnostic(&self, at: At, message: impl Into<String>) -> Diagnostic {
        self.source(at).error(at.offset, message)
    }
}

/// Whether a goal indicator is on its way to the target.
// "on track" and "off track" are the words of the follow-up, not a naming stutter.
#[allow(clippy::enum_variant_names)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Track {
    /// The target value is reached.
    Met,
    /// At least as far from the baseline as the time elapsed would ask.
    OnTrack,
    /// Behind what the time elapsed would ask.
    OffTrack,
    /// No value to judge by.
    NoData,
}

impl Track {
    pub(crate) fn key(self) -> &'static str {
        match self {
            Track::Met => "track_met",
            Track::OnTrack => "track_on",
            Track::OffTrack => "track_off",
            Track::NoData => "track_no_data",
        }
    }
}

/// Judges the latest value `(year, value)` against the baseline and target. The direction
/// that counts as progress is `better`, or for a neutral indicator the direction from the
/// baseline to the target.
pub(crate) fn track(
    better: crate::indicators::Better,
    baseline: Option<YearValue>,
    target: Option<YearValue>,
    latest: Option<(i32, f64)>,
) -> Track {
    use crate::indicators::Better;
    let (Some((year, value)), Some(target)) = (latest, target) else {
        return Track::NoData;
    };
    let up = match better {
        Better::Up => true,
        Better::Down => false,
        Better::Neutral => match baseline {
            Some(b) => target.value >= b.value,
            None => return Track::NoData,
        },
    };
    let reached = |v: f64, goal: f64| if up { v >= goal } else { v <= goal };
    if reached(value, target.value) {
        return Track::Met;
    }
    let Some(b) = baseline else {
        return Track::OffTrack;
    };
    let span = f64::from(target.year - b.year);
    let elapsed = if span <= 0.0 {
        1.0
    } else {
        (f64::from(year - b.year) / span).clamp(0.0, 1.0)
    };
    let expected = b.value + (target.value - b.value) * elapsed;
    if reached(value, expected) {
        Track::OnTrack
    } else {
        Track::OffTrack
    }
}

/// A plan document as the content stage knows it.
#[derive(Debug, Clone)]
pub(crate) struct PlanDoc {
    pub key: String,
    /// URL path of the document in the default language.
    pub path: String,
    /// The document folder, relative to `content/`.
    pub dir: PathBuf,
    pub period: Option<YearRange>,
}

/// Plan documents (type suunnitelma or kertomus+suunnitelma) in the default language.
pub(crate) fn documents(
    sources: &[crate::content::SourcePage],
    config: &crate::config::Config,
) -> Vec<PlanDoc> {
    sources
        .iter()
        .filter(|s| s.is_index && s.lang == config.default_language())
        .filter_map(|s| {
            let doc = s.front.document.as_ref()?;
            doc.kind.has_plan().then(|| PlanDoc {
                key: s.key.clone(),
                path: s.path.clone(),
                dir: s.dir().to_path_buf(),
                period: doc.period,
            })
        })
        .collect()
}

/// What resolving needs to look references up in.
pub(crate) struct Known<'a> {
    pub organisations: &'a Organisations,
    pub indicators: &'a Indicators,
}

/// Reads and resolves the plan of every plan document. A plan document without plan.yaml has
/// an empty plan (a report may describe its plan in prose only).
pub(crate) fn load(
    content: &Path,
    docs: &[PlanDoc],
    known: &Known<'_>,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Plan> {
    docs.iter()
        .filter_map(|doc| load_one(content, doc, known, diags))
        .collect()
}

fn load_one(
    content: &Path,
    doc: &PlanDoc,
    known: &Known<'_>,
    diags: &mut Vec<Diagnostic>,
) -> Option<Plan> {
    let main = match locate::read(content, &doc.dir.join("plan.yaml")) {
        Ok(Some(s)) => s,
        Ok(None) => return None,
        Err(d) => {
            diags.push(d);
            return None;
        }
    };
    let raw: raw::RawPlan = match crate::yaml::parse(&main.text) {
        Ok(r) => r,
        Err(e) => {
            diags.push(locate::yaml_error(&main, e));
            return None;
        }
    };
    let mut sources = vec![main];
    let mut areas: Vec<(usize, raw::RawFocusArea)> =
        raw.focus_areas.into_iter().map(|f| (0, f)).collect();
    for inc in &raw.include {
        let from = sources[0].key("include", 0);
        let at = sources[0].value(inc, from);
        if inc.trim().is_empty() {
            let (message, hint) =
                crate::text::empty_reference("the name of a YAML file beside plan.yaml");
            diags.push(sources[0].error(at, message).with_hint(hint));
            continue;
        }
        let Some(rel) = crate::content::resolve_relative(&doc.dir, inc) else {
            diags.push(
                sources[0]
                    .error(at, format!("`{inc}` leads outside content/"))
                    .with_hint("included files must be inside the site's content/ folder"),
            );
            continue;
        };
        let source = match locate::read(content, &rel) {
            Ok(Some(s)) => s,
            Ok(None) => {
                diags.push(
                    sources[0]
                        .error(at, format!("included file `{inc}` does not exist"))
                        .with_hint(format!(
                            "the path is relative to plan.yaml; it leads to content/{}",
                            rel.display()
                        )),
                );
                continue;
            }
            Err(d) => {
                diags.push(d);
                continue;
            }
        };
        match crate::yaml::parse::<raw::RawIncluded>(&source.text) {
            Ok(r) => {
                let file = sources.len();
                areas.extend(r.focus_areas.into_iter().map(|f| (file, f)));
                sources.push(source);
            }
            Err(e) => diags.push(locate::yaml_error(&source, e)),
        }
    }
    let focus_areas = resolve::resolve(areas, &sources, doc.period, known, diags);
    Some(Plan {
        doc_key: doc.key.clone(),
        doc_path: doc.path.clone(),
        period: doc.period,
        sources,
        focus_areas,
    })
}

/// Files under `content/` that plans read (plan.yaml and includes): data, not assets.
pub(crate) fn data_files(plans: &[Plan]) -> Vec<PathBuf> {
    plans
        .iter()
        .flat_map(|p| p.sources.iter())
        .filter_map(|s| s.path.strip_prefix("content").ok().map(Path::to_path_buf))
        .collect()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::regions::Register;

    pub(crate) fn organisations() -> Organisations {
        let text = "- {id: hva, type: hyvinvointialue, name: HVA}\n- {id: kuopio, type: kunta, name: Kuopio}\n- {id: jarjestot, type: jarjesto, name: Järjestöt}\n";
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("data")).unwrap();
        std::fs::write(dir.path().join("data/organisations.yaml"), text).unwrap();
        let mut d = Vec::new();
        let o = crate::organisations::load(dir.path(), &Register::builtin(), &mut d);
        assert!(d.is_empty());
        o
    }

    pub(crate) fn indicators() -> Indicators {
        let list = crate::yaml::parse(
            "- {id: \"4\", title: Nuoret, kind: outcome, better: down}\n- {id: act, source: local, title: Päivät, kind: activity}\n",
        )
        .unwrap();
        Indicators {
            list,
            values: Default::default(),
        }
    }

    fn resolve_text(
        text: &str,
        period: Option<YearRange>,
    ) -> (Option<Plan>, Vec<Diagnostic>, Organisations) {
        let orgs = organisations();
        let inds = indicators();
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("doc")).unwrap();
        std::fs::write(dir.path().join("doc/plan.yaml"), text).unwrap();
        let mut d = Vec::new();
        let doc = PlanDoc {
            key: "doc".into(),
            path: "doc/".into(),
            dir: "doc".into(),
            period,
        };
        let known = Known {
            organisations: &orgs,
            indicators: &inds,
        };
        let p = load_one(dir.path(), &doc, &known, &mut d);
        (p, d, orgs)
    }

    /// A resolved plan of `text` that must have no errors.
    pub(crate) fn plan(text: &str) -> (Plan, Organisations) {
        let (p, d, orgs) = resolve_text(
            text,
            Some(YearRange {
                start: 2025,
                end: 2029,
            }),
        );
        assert!(d.is_empty(), "{d:?}");
        (p.unwrap(), orgs)
    }

    #[test]
    fn empty_references_are_errors_at_their_position_and_never_hang() {
        let e = errors("focus_areas:\n  - id: a\n    title: A\n    goals:\n      - {id: g, title: G, gap: \"\", shared_with: [\"\"], indicators: [{id: \"\"}]}\n");
        assert_eq!(e.len(), 3, "{e:?}");
        assert!(
            e.iter()
                .all(|m| m.contains("empty reference: the value is blank")),
            "{e:?}"
        );
        assert!(
            e.iter().all(|m| m.starts_with("content/doc/plan.yaml:5:")),
            "{e:?}"
        );
    }

    fn errors(text: &str) -> Vec<String> {
        let (_, d, _) = resolve_text(
            text,
            Some(YearRange {
                start: 2025,
                end: 2029,
            }),
        );
        d.iter()
            .map(|d| format!("{}:{}:{}: {}", d.path.display(), d.line, d.col, d.message))
            .collect()
    }

    #[test]
    fn every_reference_kind_is_checked_with_its_position() {
        let e = errors(
            "focus_areas:\n- id: fa\n  title: F\n  gaps: [{id: gp, title: G, indicators: [\"5\"]}]\n  goals:\n  - id: g1\n    title: G\n    gap: gq\n    shared_with: [kuopi]\n    indicators: [{id: \"4\"}]\n    measures:\n    - id: m1\n      title: M\n      responsible: [hva, hvx]\n      partners: [jarjesto]\n      indicators: [{id: act}, {id: akt}]\n",
        );
        assert_eq!(
            e,
            vec![
                "content/doc/plan.yaml:4:43: indicator `5` is not in content/data/indicators.yaml",
                "content/doc/plan.yaml:8:10: gap `gq` is not a gap of this plan",
                "content/doc/plan.yaml:9:19: shared_with: organisation `kuopi` is not in content/data/organisations.yaml",
                "content/doc/plan.yaml:14:26: responsible: organisation `hvx` is not in content/data/organisations.yaml",
                "content/doc/plan.yaml:15:18: partners: organisation `jarjesto` is not in content/data/organisations.yaml",
                "content/doc/plan.yaml:16:36: indicator `akt` is not in content/data/indicators.yaml",
            ]
        );
    }

    #[test]
    fn duplicate_ids_enums_and_years() {
        let e = errors(
            "focus_areas:\n- id: fa\n  title: F\n  goals:\n  - id: fa\n    title: G\n    target_year: 2031\n    indicators: [{id: \"4\", baseline: {year: 2028, value: 1}, target: {year: 2027, value: 2}}]\n    measures:\n    - id: m1\n      title: M\n      progress:\n        2024: {status: started}\n",
        );
        assert_eq!(
            e,
            vec![
                "content/doc/plan.yaml:5:5: id `fa` is used twice in the plan",
                "content/doc/plan.yaml:7:18: target year 2031 is outside the plan's period 2025–2029",
                "content/doc/plan.yaml:8:45: baseline year 2028 is after the target year 2027",
                "content/doc/plan.yaml:13:9: progress year 2024 is outside the plan's period 2025–2029",
            ]
        );
        let e = errors("focus_areas:\n- id: fa\n  title: F\n  goals:\n  - id: g\n    title: G\n    measures:\n    - {id: m, title: M, progress: {2026: {status: ongoin}}}\n");
        assert_eq!(e.len(), 1);
        assert!(e[0].starts_with("content/doc/plan.yaml:8:"), "{e:?}");
        assert!(e[0].contains("ongoin"), "{e:?}");
        let e = errors("focus_areas:\n- {id: Mielen Hyvinvointi, title: F, kind: läpileikkaava}\n");
        assert!(e[0].contains("unknown variant `läpileikkaava`"), "{e:?}");
    }

    #[test]
    fn goals_on_track() {
        use crate::indicators::Better;
        let b = Some(YearValue {
            year: 2023,
            value: 11.2,
        });
        let t = Some(YearValue {
            year: 2029,
            value: 10.0,
        });
        assert_eq!(
            track(Better::Down, b, t, Some((2026, 10.5))),
            Track::OnTrack
        );
        assert_eq!(
            track(Better::Down, b, t, Some((2026, 11.0))),
            Track::OffTrack
        );
        assert_eq!(track(Better::Down, b, t, Some((2025, 9.9))), Track::Met);
        assert_eq!(track(Better::Up, b, t, Some((2025, 12.0))), Track::Met);
        assert_eq!(track(Better::Neutral, b, t, Some((2029, 10.0))), Track::Met);
        assert_eq!(track(Better::Down, b, t, None), Track::NoData);
        assert_eq!(
            track(Better::Down, None, t, Some((2025, 10.5))),
            Track::OffTrack
        );
    }

    #[test]
    fn includes_stay_inside_content() {
        let e = errors("include: [../../etc/passwd, puuttuu.yaml]\n");
        assert_eq!(
            e,
            vec![
                "content/doc/plan.yaml:1:11: `../../etc/passwd` leads outside content/",
                "content/doc/plan.yaml:1:29: included file `puuttuu.yaml` does not exist",
            ]
        );
    }
}
