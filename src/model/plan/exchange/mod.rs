//! The plan.json format (open data, spec §12 and §13.3): what one kertomus site publishes at
//! `/data/plan.json` and another reads back after `kertomus pull plans`. Plain data with its
//! version in `format`; the site that writes it fills in the addresses of its pages.
//!
//! Version 1: `{format: 1, site: {title, base_url}, organisations: [...], plans: [...]}`, each
//! plan with its document key, title, address, organisation and focus areas, each goal and
//! measure with its organisation, `contributes_to` (`document#goal`) and address. A reader
//! refuses a newer format than it knows; fields it does not know are ignored, so that a later
//! minor addition does not break older readers.
//!
//! The plan's one other written shape, plan.yaml ([`super::raw`]), stays a type of its own: it
//! refuses unknown fields (an author's typo is an error at its line), leaves out what resolving
//! fills in (kinds, scope) and has no addresses, while this format ignores unknown fields and
//! carries everything filled in. Where an entry is the model's value as it is (gaps, measure
//! indicators, progress), the model's type is the entry. [`read`] and [`write`] are the one
//! conversion each way between this format and the model.

pub(crate) mod read;
pub(crate) mod write;

use super::{FocusKind, Gap, Maturity, MeasureIndicator, Progress, Scope, WorkType};
use crate::base::text::Text;
use crate::model::indicators::Kind;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The newest format this version writes and reads.
pub(crate) const FORMAT: u32 = 1;

/// A whole plan.json.
#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct PlanFile {
    pub format: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub site: Option<SiteInfo>,
    /// The organisations the plans name, so that a reader can show their names.
    #[serde(default)]
    pub organisations: Vec<OrganisationEntry>,
    pub plans: Vec<PlanEntry>,
    /// Added by `kertomus pull plans`: where and when the file was fetched.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pulled: Option<Pulled>,
}

#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct SiteInfo {
    pub title: String,
    pub base_url: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct Pulled {
    pub from: String,
    pub date: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct OrganisationEntry {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub name: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
}

#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct PlanEntry {
    /// The document's key (its folder), which `contributes_to` names.
    pub document: String,
    pub title: Text,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub organisation: Option<String>,
    #[serde(default)]
    pub period: Option<String>,
    /// Set when the writing site had pulled this plan itself; `pull` takes only a site's own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    pub focus_areas: Vec<FocusAreaEntry>,
}

#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct FocusAreaEntry {
    pub id: String,
    pub title: Text,
    pub kind: FocusKind,
    #[serde(default)]
    pub summary: Option<Text>,
    #[serde(default)]
    pub gaps: Vec<Gap>,
    #[serde(default)]
    pub goals: Vec<GoalEntry>,
}

#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct GoalEntry {
    pub id: String,
    pub title: Text,
    #[serde(default)]
    pub description: Option<Text>,
    #[serde(default)]
    pub gap: Option<String>,
    #[serde(default)]
    pub target_year: Option<i32>,
    #[serde(default)]
    pub organisation: Option<String>,
    #[serde(default)]
    pub shared_with: Vec<String>,
    #[serde(default)]
    pub contributes_to: Vec<String>,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub indicators: Vec<GoalIndicatorEntry>,
    #[serde(default)]
    pub measures: Vec<MeasureEntry>,
}

#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct GoalIndicatorEntry {
    pub id: String,
    pub kind: Kind,
    #[serde(default)]
    pub baseline: Option<PointEntry>,
    #[serde(default)]
    pub target: Option<PointEntry>,
}

#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct PointEntry {
    pub year: i32,
    pub value: f64,
    #[serde(default)]
    pub region: Option<String>,
}

#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct MeasureEntry {
    pub id: String,
    pub title: Text,
    #[serde(default)]
    pub description: Option<Text>,
    #[serde(default)]
    pub organisation: Option<String>,
    #[serde(default)]
    pub responsible: Vec<String>,
    #[serde(default)]
    pub partners: Vec<String>,
    pub scope: Scope,
    #[serde(default)]
    pub statutory: bool,
    #[serde(default)]
    pub work_type: Option<WorkType>,
    #[serde(default)]
    pub maturity: Option<Maturity>,
    #[serde(default)]
    pub schedule: Option<String>,
    #[serde(default)]
    pub indicators: Vec<MeasureIndicator>,
    #[serde(default)]
    pub progress: BTreeMap<i32, Progress>,
    #[serde(default)]
    pub contributes_to: Vec<String>,
    #[serde(default)]
    pub url: Option<String>,
}
