//! The annual report (vuosiraportti): each focus area's measures with their status and note
//! for the reported year.

use super::GoalView;
use crate::escape::Html;
use crate::plan::{Plan, Status};
use crate::render::html::tx;
use crate::render::view::View;
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub(crate) struct AnnualFocusArea {
    pub title: Html,
    pub href: String,
    pub goals: Vec<GoalView>,
}

/// The annual report (vuosiraportti): every measure's status and note in `year`, measures
/// without an entry for that year as not reported, and goal indicators up to that year.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct AnnualView {
    pub year: i32,
    pub plan_href: String,
    pub summary: Vec<(String, String, usize)>,
    pub not_reported: usize,
    pub total: usize,
    pub focus_areas: Vec<AnnualFocusArea>,
}

impl View<'_> {
    pub(crate) fn annual_view(&self, plan: &Plan, year: i32, lang: &str) -> AnnualView {
        let mut counts = std::collections::BTreeMap::new();
        let mut not_reported = 0;
        let mut total = 0;
        for m in plan.measures() {
            total += 1;
            match m.measure.progress.get(&year) {
                Some(p) => *counts.entry(p.status).or_insert(0usize) += 1,
                None => not_reported += 1,
            }
        }
        AnnualView {
            year,
            plan_href: self.href(&self.addresses.plan(plan, lang)),
            summary: Status::ALL
                .iter()
                .filter_map(|s| {
                    counts.get(s).map(|n| {
                        (
                            s.key().to_string(),
                            self.word(lang, &format!("measure_status_{}", s.key())),
                            *n,
                        )
                    })
                })
                .collect(),
            not_reported,
            total,
            focus_areas: plan
                .focus_areas
                .iter()
                .map(|fa| AnnualFocusArea {
                    title: tx(&fa.title, lang, self.d()),
                    href: self.href(&self.addresses.focus_area(plan, fa, lang)),
                    goals: fa
                        .goals
                        .iter()
                        .map(|g| self.goal_view(plan, fa, g, lang, Some(year)))
                        .collect(),
                })
                .collect(),
        }
    }
}
