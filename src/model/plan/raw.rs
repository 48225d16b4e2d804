//! plan.yaml as written (spec §6): serde structs with optional fields and no validation beyond
//! types and enums. [`super::resolve`] turns them into the model.

use super::{FocusKind, Maturity, Scope, Status, WorkType};
use crate::base::dates::YearRange;
use crate::base::text::Text;
use crate::model::indicators::Kind;
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPlan {
    /// Further files of focus areas, relative to plan.yaml.
    #[serde(default)]
    pub include: Vec<String>,
    #[serde(default)]
    pub focus_areas: Vec<RawFocusArea>,
    /// Spreadsheets of measures (§13.2), relative to plan.yaml.
    #[serde(default)]
    pub measures_from: Vec<super::sheets::RawSheetRef>,
}

/// An included file holds more focus areas and nothing else.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawIncluded {
    #[serde(default)]
    pub focus_areas: Vec<RawFocusArea>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawFocusArea {
    pub id: String,
    pub title: Text,
    #[serde(default)]
    pub kind: Option<FocusKind>,
    #[serde(default)]
    pub summary: Option<Text>,
    #[serde(default)]
    pub gaps: Vec<RawGap>,
    #[serde(default)]
    pub goals: Vec<RawGoal>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawGap {
    pub id: String,
    pub title: Text,
    #[serde(default)]
    pub description: Option<Text>,
    #[serde(default)]
    pub target_groups: Vec<Text>,
    #[serde(default, deserialize_with = "ids")]
    pub indicators: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawGoal {
    pub id: String,
    pub title: Text,
    #[serde(default)]
    pub description: Option<Text>,
    #[serde(default)]
    pub gap: Option<String>,
    #[serde(default)]
    pub target_year: Option<i32>,
    #[serde(default)]
    pub shared_with: Vec<String>,
    /// Goals of other plans this goal serves, `document#goal` (spec §13.3).
    #[serde(default)]
    pub contributes_to: Vec<String>,
    #[serde(default)]
    pub indicators: Vec<RawGoalIndicator>,
    #[serde(default)]
    pub measures: Vec<RawMeasure>,
}

/// A value of one year.
#[derive(Debug, Clone, Copy)]
pub(crate) struct YearValue {
    pub year: i32,
    pub value: f64,
}

/// A baseline or target as written: a year, a value and, when the value is not the site's
/// home region's, the region it is for (`region: MAAKUNTA:11`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawYearValue {
    pub year: i32,
    pub value: f64,
    #[serde(default)]
    pub region: Option<String>,
}

impl RawYearValue {
    pub(crate) fn point(&self) -> YearValue {
        YearValue {
            year: self.year,
            value: self.value,
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawGoalIndicator {
    #[serde(deserialize_with = "crate::model::indicators::id_string")]
    pub id: String,
    #[serde(default)]
    pub kind: Option<Kind>,
    #[serde(default)]
    pub baseline: Option<RawYearValue>,
    #[serde(default)]
    pub target: Option<RawYearValue>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawMeasureIndicator {
    #[serde(deserialize_with = "crate::model::indicators::id_string")]
    pub id: String,
    #[serde(default)]
    pub kind: Option<Kind>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawProgress {
    pub status: Status,
    #[serde(default)]
    pub note: Option<Text>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawMeasure {
    pub id: String,
    pub title: Text,
    #[serde(default)]
    pub description: Option<Text>,
    #[serde(default)]
    pub responsible: Vec<String>,
    #[serde(default)]
    pub partners: Vec<String>,
    #[serde(default)]
    pub scope: Option<Scope>,
    #[serde(default, deserialize_with = "crate::base::vocabulary::yes_no")]
    pub statutory: bool,
    #[serde(default)]
    pub work_type: Option<WorkType>,
    #[serde(default)]
    pub maturity: Option<Maturity>,
    #[serde(default)]
    pub schedule: Option<YearRange>,
    #[serde(default)]
    pub indicators: Vec<RawMeasureIndicator>,
    #[serde(default)]
    pub progress: BTreeMap<i32, RawProgress>,
    /// Goals of other plans this measure serves besides its goal's (spec §13.3).
    #[serde(default)]
    pub contributes_to: Vec<String>,
    /// The source the measure was read from when it came from a sheet (its rows are the
    /// sheet's own source, not the goal's file).
    #[serde(skip)]
    pub sheet: Option<usize>,
}

/// A list of indicator ids, numbers or strings.
fn ids<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    struct Id(#[serde(deserialize_with = "crate::model::indicators::id_string")] String);
    Ok(Vec::<Id>::deserialize(d)?
        .into_iter()
        .map(|i| i.0)
        .collect())
}
