//! The annual report (vuosiraportti): each focus area's measures with their status and note
//! for the reported year.

use super::GoalView;
use crate::base::escape::Html;
use crate::model::plan::across;
use crate::model::plan::{Plan, Status};
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
    pub previous_year: i32,
    pub plan_href: String,
    /// The measures by status in the year and the year before: every status either year has,
    /// then the not reported; with the totals.
    pub summary: Vec<SummaryRow>,
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

/// How many measures had a status in the year and the year before, and the change.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct SummaryRow {
    /// The status's key (`none` for not reported) and its word, as on the badges.
    pub key: String,
    pub label: String,
    pub before: usize,
    pub now: usize,
    /// The change as written in the table: "+1", "−2" (a minus sign), "±0".
    pub change: String,
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
    /// The share on track (started, ongoing or done), in whole per cent.
    pub on_share: usize,
}

impl View<'_> {
    pub(crate) fn annual_view(
        &self,
        plan: &Plan,
        year: i32,
        lang: &str,
        contributors: bool,
    ) -> AnnualView {
        let (statuses, by_organisation) = if contributors {
            self.organisation_table(plan, year, lang)
        } else {
            (Vec::new(), Vec::new())
        };
        AnnualView {
            year,
            previous_year: year - 1,
            plan_href: self.addresses.plan(plan, lang).href(),
            summary: self.summary_rows(plan, year, lang),
            total: plan.measures().count(),
            focus_areas: plan
                .focus_areas
                .iter()
                .map(|fa| AnnualFocusArea {
                    title: tx(&fa.title, lang, self.d()),
                    href: self.addresses.focus_area(plan, fa, lang).href(),
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

    /// The plan's measures by their status in `year` and the year before.
    fn summary_rows(&self, plan: &Plan, year: i32, lang: &str) -> Vec<SummaryRow> {
        let count = |y: i32, s: Option<Status>| {
            plan.measures()
                .filter(|m| m.measure.progress.get(&y).map(|p| p.status) == s)
                .count()
        };
        let row = |s: Option<Status>| {
            let (before, now) = (count(year - 1, s), count(year, s));
            let (key, label) = match s {
                Some(s) => (
                    s.key().to_string(),
                    self.word(lang, &format!("measure_status_{}", s.key())),
                ),
                None => ("none".to_string(), self.word(lang, "measure_not_reported")),
            };
            SummaryRow {
                key,
                label,
                before,
                now,
                change: crate::base::numbers::change(now as i64 - before as i64),
            }
        };
        Status::ALL
            .iter()
            .map(|s| row(Some(*s)))
            .filter(|r| r.before + r.now > 0)
            .chain(std::iter::once(row(None)).filter(|r| r.before + r.now > 0))
            .collect()
    }

    /// The year's statuses of this plan's measures and of everything that serves its goals,
    /// by organisation, with the statuses the table has columns for.
    fn organisation_table(
        &self,
        plan: &Plan,
        year: i32,
        lang: &str,
    ) -> (Vec<(String, String)>, Vec<OrganisationCounts>) {
        let region = self.model.region;
        let Some(pi) = self.model.plan_index(plan) else {
            return (Vec::new(), Vec::new());
        };
        let counts = across::counts_by_plan(region.plans, region.links, pi, Some(year));
        self.status_table(&counts, lang)
    }

    /// Counts by plan as a table: a row per plan named by its organisation, and a column for
    /// each status some plan has (so the table stays narrow), in the badges' words.
    pub(crate) fn status_table(
        &self,
        counts: &[across::StatusCounts],
        lang: &str,
    ) -> (Vec<(String, String)>, Vec<OrganisationCounts>) {
        let used: Vec<usize> = (0..Status::ALL.len())
            .filter(|i| counts.iter().any(|c| c.by_status[*i] > 0))
            .collect();
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
        let region = self.model.region;
        let rows = counts
            .iter()
            .map(|c| {
                let on_track: usize = Status::ALL
                    .iter()
                    .zip(c.by_status)
                    .filter(|(s, _)| {
                        across::Standing::of_status(Some(**s)) == across::Standing::OnTrack
                    })
                    .map(|(_, n)| n)
                    .sum();
                OrganisationCounts {
                    plan: c.plan,
                    name: self.plan_ref(&region.plans[c.plan], lang).organisation,
                    counts: used.iter().map(|i| c.by_status[*i]).collect(),
                    not_reported: c.not_reported,
                    total: c.total,
                    on_share: super::across::share(on_track, c.total),
                }
            })
            .collect();
        (statuses, rows)
    }
}
