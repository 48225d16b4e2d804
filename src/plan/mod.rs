//! The welfare plan (spec §6): focus areas (painopisteet), wellbeing gaps, goals and measures
//! with their responsible parties, partners, indicators and yearly progress. `plan.yaml` beside
//! a plan document's `index.md` (plus its `include:` files) is parsed into [`raw`] structs and
//! resolved into the validated model here. Knows nothing of pages or HTML.

pub(crate) mod grouping;
mod load;
mod outline;
pub(crate) mod quality;
pub(crate) mod raw;
mod resolve;
mod sheets;
#[cfg(test)]
pub(crate) mod tests;
mod track;

use crate::dates::YearRange;
use crate::diagnostics::Diagnostic;
use crate::indicators::Kind;
use crate::locate::{At, Source};
use crate::messages::Msg;
use crate::regions::RegionRef;
use crate::text::Text;
use serde::Serialize;
use std::collections::BTreeMap;

pub(crate) use load::{data_files, documents, load, Known};
pub(crate) use outline::{outline, Outline};
pub(crate) use raw::YearValue;
pub(crate) use track::track;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum FocusKind {
    #[default]
    Focus,
    /// Läpileikkaava: runs through every other focus area.
    CrossCutting,
}

/// The names of each value in English, Finnish and Swedish (content format §13.1).
const FOCUS_KIND_NAMES: &[crate::vocabulary::Names<FocusKind>] = &[
    crate::vocabulary::Names {
        value: FocusKind::Focus,
        en: &["focus"],
        fi: &["painopiste"],
        sv: &["fokus"],
    },
    crate::vocabulary::Names {
        value: FocusKind::CrossCutting,
        en: &["cross_cutting"],
        fi: &["läpileikkaava"],
        sv: &["övergripande"],
    },
];
crate::vocabulary::vocabulary!(FocusKind, "a kind of focus area", FOCUS_KIND_NAMES);

/// A measure's state in one year's follow-up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
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

/// The names of each value in English, Finnish and Swedish (content format §13.1).
pub(crate) const STATUS_NAMES: &[crate::vocabulary::Names<Status>] = &[
    crate::vocabulary::Names {
        value: Status::Planned,
        en: &["planned"],
        fi: &["suunniteltu"],
        sv: &["planerad"],
    },
    crate::vocabulary::Names {
        value: Status::Started,
        en: &["started"],
        fi: &["aloitettu"],
        sv: &["påbörjad"],
    },
    crate::vocabulary::Names {
        value: Status::Ongoing,
        en: &["ongoing"],
        fi: &["käynnissä"],
        sv: &["pågår"],
    },
    crate::vocabulary::Names {
        value: Status::Done,
        en: &["done"],
        fi: &["valmis", "toteutunut"],
        sv: &["klar", "genomförd"],
    },
    crate::vocabulary::Names {
        value: Status::Delayed,
        en: &["delayed"],
        fi: &["viivästynyt"],
        sv: &["försenad"],
    },
    crate::vocabulary::Names {
        value: Status::Paused,
        en: &["paused"],
        fi: &["keskeytetty"],
        sv: &["pausad"],
    },
    crate::vocabulary::Names {
        value: Status::Dropped,
        en: &["dropped"],
        fi: &["luovuttu"],
        sv: &["avbruten"],
    },
];
crate::vocabulary::vocabulary!(Status, "a measure status", STATUS_NAMES);

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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Scope {
    Joint,
    Own,
}

/// The names of each value in English, Finnish and Swedish (content format §13.1).
const SCOPE_NAMES: &[crate::vocabulary::Names<Scope>] = &[
    crate::vocabulary::Names {
        value: Scope::Joint,
        en: &["joint"],
        fi: &["yhteinen", "yhdyspinta"],
        sv: &["gemensam"],
    },
    crate::vocabulary::Names {
        value: Scope::Own,
        en: &["own"],
        fi: &["oma"],
        sv: &["egen"],
    },
];
crate::vocabulary::vocabulary!(Scope, "a scope (joint or own)", SCOPE_NAMES);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum WorkType {
    Edistava,
    Ehkaiseva,
    Korjaava,
    ArjenTuki,
}

/// The names of each value in English, Finnish and Swedish (content format §13.1).
pub(crate) const WORK_TYPE_NAMES: &[crate::vocabulary::Names<WorkType>] = &[
    crate::vocabulary::Names {
        value: WorkType::Edistava,
        en: &["edistava"],
        fi: &["edistävä"],
        sv: &["främjande"],
    },
    crate::vocabulary::Names {
        value: WorkType::Ehkaiseva,
        en: &["ehkaiseva"],
        fi: &["ehkäisevä"],
        sv: &["förebyggande"],
    },
    crate::vocabulary::Names {
        value: WorkType::Korjaava,
        en: &["korjaava"],
        fi: &["korjaava"],
        sv: &["korrigerande"],
    },
    crate::vocabulary::Names {
        value: WorkType::ArjenTuki,
        en: &["arjen_tuki"],
        fi: &["arjen tuki"],
        sv: &["vardagsstöd"],
    },
];
crate::vocabulary::vocabulary!(WorkType, "a type of work", WORK_TYPE_NAMES);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Maturity {
    Pilot,
    Developing,
    Established,
}

/// The names of each value in English, Finnish and Swedish (content format §13.1).
pub(crate) const MATURITY_NAMES: &[crate::vocabulary::Names<Maturity>] = &[
    crate::vocabulary::Names {
        value: Maturity::Pilot,
        en: &["pilot"],
        fi: &["kokeilu", "pilotti"],
        sv: &["pilot"],
    },
    crate::vocabulary::Names {
        value: Maturity::Developing,
        en: &["developing"],
        fi: &["kehittyvä"],
        sv: &["under_utveckling"],
    },
    crate::vocabulary::Names {
        value: Maturity::Established,
        en: &["established"],
        fi: &["vakiintunut"],
        sv: &["etablerad"],
    },
];
crate::vocabulary::vocabulary!(Maturity, "a maturity", MATURITY_NAMES);

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
    /// The region the baseline is for, when the plan names one (else the home region's).
    pub baseline_region: Option<RegionRef>,
    /// The region the target is for, when the plan names one.
    pub target_region: Option<RegionRef>,
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
    pub(crate) fn diagnostic(&self, at: At, message: Msg) -> Diagnostic {
        self.source(at).error(at.offset, message)
    }
}
