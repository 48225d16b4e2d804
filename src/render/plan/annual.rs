//! The annual report (vuosiraportti): each focus area's measures with their status and note
//! for the reported year.

use super::GoalView;
use crate::escape::Html;
use crate::plan::links::{self, GoalId};
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
    /// With `include_contributors`: each goal's contributors are shown, and these counts.
    pub contributors: bool,
    /// By plan (this one first, then those contributing): its name, the count of each status
    /// of `summary_statuses` in the year, the not reported and the total.
    pub by_organisation: Vec<OrganisationCounts>,
    /// The statuses the per-organisation table has columns for: (key, label).
    pub statuses: Vec<(String, String)>,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct OrganisationCounts {
    /// The plan's index among the region's plans (`SiteData::region`).
    #[serde(skip)]
    pub plan: usize,
    pub name: Html,
    pub counts: Vec<usize>,
    pub not_reported: usize,
    pub total: usize,
}

impl View<'_> {
    pub(crate) fn annual_view(
        &self,
        plan: &Plan,
        year: i32,
        lang: &str,
        contributors: bool,
    ) -> AnnualView {
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
        let (statuses, by_organisation) = if contributors {
            self.organisation_table(plan, year, lang)
        } else {
            (Vec::new(), Vec::new())
        };
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
                        .map(|g| {
                            if contributors {
                                self.goal_view_linked(plan, fa, g, lang, Some(year))
                            } else {
                                self.goal_view(plan, fa, g, lang, Some(year))
                            }
                        })
                        .collect(),
                })
                .collect(),
            contributors,
            statuses,
            by_organisation,
        }
    }

    /// The per-organisation counts and the statuses they have columns for: only those some
    /// organisation has in the year, so the table stays narrow.
    fn organisation_table(
        &self,
        plan: &Plan,
        year: i32,
        lang: &str,
    ) -> (Vec<(String, String)>, Vec<OrganisationCounts>) {
        let mut rows = self.counts_by_plan(plan, year, lang);
        let used: Vec<usize> = (0..Status::ALL.len())
            .filter(|i| rows.iter().any(|r| r.counts[*i] > 0))
            .collect();
        for r in &mut rows {
            r.counts = used.iter().map(|i| r.counts[*i]).collect();
        }
        let statuses = used
            .iter()
            .map(|i| {
                let key = Status::ALL[*i].key();
                (
                    key.to_string(),
                    self.word(lang, &format!("measure_status_{key}")),
                )
            })
            .collect();
        (statuses, rows)
    }

    /// The year's statuses of this plan's measures and of every measure that contributes to
    /// one of its goals, by plan.
    fn counts_by_plan(&self, plan: &Plan, year: i32, lang: &str) -> Vec<OrganisationCounts> {
        let region = self.model.region;
        let Some(pi) = self.model.plan_index(plan) else {
            return Vec::new();
        };
        let mut measures: Vec<(GoalId, usize)> = Vec::new();
        for (id, g) in links::goal_ids(plan, pi) {
            measures.extend((0..g.measures.len()).map(|m| (id, m)));
            measures.extend(region.links.contributing_measures(region.plans, id));
        }
        measures.sort_by_key(|(g, m)| (g.plan != pi, *g, *m));
        measures.dedup();
        let mut out: Vec<(usize, OrganisationCounts)> = Vec::new();
        for (g, mi) in measures {
            if out.last().is_none_or(|(p, _)| *p != g.plan) {
                let name = self.plan_ref(&region.plans[g.plan], lang).organisation;
                out.push((
                    g.plan,
                    OrganisationCounts {
                        plan: g.plan,
                        name,
                        counts: vec![0; Status::ALL.len()],
                        not_reported: 0,
                        total: 0,
                    },
                ));
            }
            let (_, _, goal) = links::goal(region.plans, g);
            let row = &mut out.last_mut().expect("pushed above").1;
            row.total += 1;
            match goal.measures[mi].progress.get(&year) {
                Some(p) => {
                    let i = Status::ALL.iter().position(|s| *s == p.status).unwrap_or(0);
                    row.counts[i] += 1;
                }
                None => row.not_reported += 1,
            }
        }
        out.into_iter().map(|(_, c)| c).collect()
    }
}
