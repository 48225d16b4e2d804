//! The welfare plan (spec §6): focus areas (painopisteet), wellbeing gaps, goals and measures
//! with their responsible parties, partners, indicators and yearly progress. `plan.yaml` beside
//! a plan document's `index.md` (plus its `include:` files) is parsed into [`raw`] structs and
//! resolved into the validated model here. Knows nothing of pages or HTML.

pub(crate) mod across;
pub(crate) mod exchange;
pub(crate) mod grouping;
mod kinds;
pub(crate) mod links;
mod load;
mod outline;
mod pulled;
pub(crate) mod quality;
pub(crate) mod raw;
mod resolve;
mod sheets;
pub(crate) use sheets::finnish_header;

#[cfg(test)]
pub(crate) mod tests;
mod track;

use crate::base::dates::YearRange;
use crate::base::diagnostics::Diagnostic;
use crate::base::locate::{At, Source};
use crate::base::messages::Msg;
use crate::base::text::Text;
use crate::model::indicators::Kind;
use crate::model::regions::RegionRef;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub(crate) use kinds::{
    FocusKind, Maturity, Scope, Status, WorkType, MATURITY_NAMES, STATUS_NAMES, WORK_TYPE_NAMES,
};
pub(crate) use links::{GoalId, Links};
pub(crate) use load::{data_files, documents, load, Known};
pub(crate) use outline::{outline, Outline};
pub(crate) use pulled::{load as load_pulled, organisation_name, PULLED_DIR};
pub(crate) use raw::YearValue;
pub(crate) use track::track;

/// The plan of one document.
#[derive(Debug)]
pub(crate) struct Plan {
    /// Site key of the plan document's folder (`hyvinvointikertomus-2025-2029`).
    pub doc_key: String,
    /// URL path of the document in the default language (`hyvinvointikertomus-2025-2029/`).
    pub doc_path: String,
    pub period: Option<YearRange>,
    /// The organisation whose plan this is (`document.organisation`, else site.yaml's).
    pub organisation: Option<String>,
    /// The document's title.
    pub title: Text,
    /// Where a plan pulled from another site came from; `None` for the site's own plans.
    pub origin: Option<Origin>,
    /// plan.yaml and its included files, for placing warnings.
    pub sources: Vec<Source>,
    pub focus_areas: Vec<FocusArea>,
}

/// A plan published by another kertomus site and pulled into this one (`kertomus pull plans`):
/// read-only, shown where plans meet (contributor lists, the region-wide view), never given
/// pages of its own here; its goals and measures lead to their pages on the other site.
#[derive(Debug)]
pub(crate) struct Origin {
    /// The address or file it was pulled from.
    pub source: String,
    /// The day it was pulled (`YYYY-MM-DD`).
    pub fetched: String,
    /// The document's page on the other site.
    pub url: Option<crate::base::url::Url>,
}

/// A goal of another plan that a goal or measure contributes to: `document#goal` (spec §13.3).
#[derive(Debug, Clone)]
pub(crate) struct Target {
    /// The other plan's document key (its folder).
    pub document: String,
    pub goal: String,
    /// Where the target is written.
    pub at: At,
}

impl Target {
    /// The target as written: `document#goal`.
    pub(crate) fn written(&self) -> String {
        format!("{}#{}", self.document, self.goal)
    }
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

/// A wellbeing gap. Also plan.json's gap entry as it is (spec §13.3, [`exchange`]): the
/// serialised fields are a published contract, read back tolerantly (unknown fields ignored).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct Gap {
    pub id: String,
    pub title: Text,
    #[serde(default)]
    pub description: Option<Text>,
    #[serde(default)]
    pub target_groups: Vec<Text>,
    #[serde(default)]
    pub indicators: Vec<String>,
    /// Where the gap is written; not part of plan.json (a pulled plan places it by its id).
    #[serde(skip)]
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
    /// Goals of other plans this goal and all its measures serve.
    pub contributes_to: Vec<Target>,
    pub indicators: Vec<GoalIndicator>,
    pub measures: Vec<Measure>,
    /// The goal's page on the site a pulled plan came from.
    pub remote: Option<crate::base::url::Url>,
    pub at: At,
}

/// An indicator a measure follows. Also plan.json's measure indicator entry as it is
/// ([`exchange`]; a published contract).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct MeasureIndicator {
    pub id: String,
    pub kind: Kind,
}

/// A year's status of a measure. Also plan.json's progress entry as it is ([`exchange`]; a
/// published contract).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct Progress {
    pub status: Status,
    #[serde(default)]
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
    /// Goals of other plans this measure serves besides its goal's.
    pub contributes_to: Vec<Target>,
    /// The measure's place on the site a pulled plan came from.
    pub remote: Option<crate::base::url::Url>,
    pub at: At,
}

impl Measure {
    /// The latest progress entry.
    pub(crate) fn latest(&self) -> Option<(i32, &Progress)> {
        self.progress.iter().next_back().map(|(y, p)| (*y, p))
    }

    /// The latest progress entry up to and including `year`.
    pub(crate) fn status_at(&self, year: i32) -> Option<(i32, &Progress)> {
        self.progress
            .range(..=year)
            .next_back()
            .map(|(y, p)| (*y, p))
    }

    /// Whether the status reported for `year` differs from the one reported for the year
    /// before (both must be reported).
    pub(crate) fn changed_in(&self, year: i32) -> bool {
        match (self.progress.get(&(year - 1)), self.progress.get(&year)) {
            (Some(before), Some(now)) => before.status != now.status,
            _ => false,
        }
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
    /// The document's folder as `contributes_to` names it (`hyvinvointikertomus-2025-2029`).
    pub(crate) fn document_name(&self) -> &str {
        self.doc_key.trim_end_matches('/')
    }

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

/// Plan ids become URL segments and anchors.
pub(super) fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}
