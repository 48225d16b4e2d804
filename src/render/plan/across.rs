//! Views where plans meet (spec §13.3): on a regional goal's page the municipal goals and
//! measures that contribute to it, by organisation; on a municipal goal's page the regional
//! goals it serves; the region-wide table; the annual report's contributors. A pulled plan's
//! goals and measures link to their pages on the site that published them.

use super::{scope_key, StatusView};
use crate::base::escape::Html;
use crate::model::plan::across::{self, Standing};
use crate::model::plan::links::{self, GoalId};
use crate::model::plan::{FocusArea, Goal, Plan};
use crate::render::html::tx;
use crate::render::view::View;
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub(crate) struct PlanRef {
    /// The plan's organisation (the plan's title when it names none).
    pub organisation: Html,
    pub title: Html,
    pub href: String,
    /// Where a pulled plan came from and when.
    pub pulled: Option<(String, String)>,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct ContributingMeasure {
    pub title: Html,
    pub href: String,
    pub scope: String,
    pub status: Option<StatusView>,
    /// With a year: the status of the year before, and whether it changed since.
    pub previous: Option<StatusView>,
    pub changed: bool,
    pub standing: &'static str,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct ContributingGoal {
    pub title: Html,
    pub href: String,
    /// The goal as a whole serves the target (else only the measures listed).
    pub whole: bool,
    pub measures: Vec<ContributingMeasure>,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct ContributorGroup {
    pub plan: PlanRef,
    pub goals: Vec<ContributingGoal>,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct ServedGoal {
    pub title: Html,
    pub href: String,
    pub plan: PlanRef,
}

impl View<'_> {
    /// The goal's place among all the site's plans.
    pub(crate) fn goal_id(&self, plan: &Plan, fa: &FocusArea, g: &Goal) -> Option<GoalId> {
        Some(GoalId {
            plan: self.model.plan_index(plan)?,
            focus_area: plan.focus_areas.iter().position(|x| std::ptr::eq(x, fa))?,
            goal: fa.goals.iter().position(|x| std::ptr::eq(x, g))?,
        })
    }

    pub(crate) fn plan_ref(&self, plan: &Plan, lang: &str) -> PlanRef {
        let d = self.d();
        let organisation = plan
            .organisation
            .as_deref()
            .and_then(|o| self.model.organisation_name(o))
            .map_or_else(|| tx(&plan.title, lang, d), |n| tx(n, lang, d));
        let href = match &plan.origin {
            Some(o) => o
                .url
                .as_ref()
                .map_or_else(String::new, |u| u.as_str().to_string()),
            None => self.addresses.plan(plan, lang).href(),
        };
        PlanRef {
            organisation,
            title: tx(&plan.title, lang, d),
            href,
            pulled: plan
                .origin
                .as_ref()
                .map(|o| (o.source.clone(), o.fetched.clone())),
        }
    }

    /// A goal's page in `lang`: here, or on the site a pulled plan came from.
    fn goal_href_in(&self, id: GoalId, lang: &str) -> String {
        let (plan, fa, g) = links::goal(self.model.region.plans, id);
        match &plan.origin {
            Some(_) => g
                .remote
                .as_ref()
                .map_or_else(String::new, |u| u.as_str().to_string()),
            None => self.addresses.goal(plan, fa, g, lang).href(),
        }
    }

    fn contributing_measure(
        &self,
        g: GoalId,
        mi: usize,
        lang: &str,
        year: Option<i32>,
    ) -> ContributingMeasure {
        let (plan, fa, goal) = links::goal(self.model.region.plans, g);
        let m = &goal.measures[mi];
        let progress = match year {
            Some(y) => m.progress.get(&y).map(|p| (y, p)),
            None => m.latest(),
        };
        let href = match &plan.origin {
            Some(_) => m
                .remote
                .as_ref()
                .map_or_else(|| self.goal_href_in(g, lang), |u| u.as_str().to_string()),
            None => self.addresses.focus_area(plan, fa, lang).at(&m.id).href(),
        };
        let standing = Standing::of_status(progress.map(|(_, p)| p.status));
        let previous = year.and_then(|y| m.progress.get(&(y - 1)).map(|p| (y - 1, p)));
        ContributingMeasure {
            title: tx(&m.title, lang, self.d()),
            href,
            scope: self.word(lang, scope_key(m.scope)),
            status: progress.map(|(y, p)| self.status_view(y, p, lang)),
            previous: previous.map(|(y, p)| self.status_view(y, p, lang)),
            changed: year.is_some_and(|y| m.changed_in(y)),
            standing: standing_key(standing),
        }
    }

    /// What contributes to goal `target`, by plan; statuses of `year`, else the latest.
    pub(crate) fn contributor_groups(
        &self,
        target: GoalId,
        lang: &str,
        year: Option<i32>,
    ) -> Vec<ContributorGroup> {
        let region = self.model.region;
        let whole: Vec<GoalId> = region
            .links
            .contributors(target)
            .iter()
            .filter(|c| c.measure.is_none())
            .map(|c| c.from)
            .collect();
        let mut groups: Vec<ContributorGroup> = Vec::new();
        let mut last: Option<(usize, GoalId)> = None;
        for (g, mi) in region.links.contributing_measures(region.plans, target) {
            self.push_contribution(&mut groups, &mut last, g, Some(mi), &whole, lang, year);
        }
        for g in &whole {
            let (_, _, goal) = links::goal(region.plans, *g);
            if goal.measures.is_empty() {
                self.push_contribution(&mut groups, &mut last, *g, None, &whole, lang, year);
            }
        }
        groups
    }

    #[allow(clippy::too_many_arguments)]
    fn push_contribution(
        &self,
        groups: &mut Vec<ContributorGroup>,
        last: &mut Option<(usize, GoalId)>,
        g: GoalId,
        mi: Option<usize>,
        whole: &[GoalId],
        lang: &str,
        year: Option<i32>,
    ) {
        let region = self.model.region;
        if last.is_none_or(|(p, _)| p != g.plan) {
            groups.push(ContributorGroup {
                plan: self.plan_ref(&region.plans[g.plan], lang),
                goals: Vec::new(),
            });
        }
        let group = groups.last_mut().expect("pushed above");
        if last.is_none_or(|(_, lg)| lg != g) || group.goals.is_empty() {
            let (_, _, goal) = links::goal(region.plans, g);
            group.goals.push(ContributingGoal {
                title: tx(&goal.title, lang, self.d()),
                href: self.goal_href_in(g, lang),
                whole: whole.contains(&g),
                measures: Vec::new(),
            });
        }
        *last = Some((g.plan, g));
        if let (Some(mi), Some(cg)) = (mi, group.goals.last_mut()) {
            cg.measures
                .push(self.contributing_measure(g, mi, lang, year));
        }
    }

    /// The goals of other plans that goal `g` or its measures serve.
    pub(crate) fn served_goals(&self, g: GoalId, lang: &str) -> Vec<ServedGoal> {
        let region = self.model.region;
        let (_, _, goal) = links::goal(region.plans, g);
        let mut ids: Vec<GoalId> = region.links.serves(g).to_vec();
        for mi in 0..goal.measures.len() {
            for t in region.links.measure_serves(g, mi) {
                if !ids.contains(t) {
                    ids.push(*t);
                }
            }
        }
        ids.iter()
            .map(|t| {
                let (plan, _, tg) = links::goal(region.plans, *t);
                ServedGoal {
                    title: tx(&tg.title, lang, self.d()),
                    href: self.goal_href_in(*t, lang),
                    plan: self.plan_ref(plan, lang),
                }
            })
            .collect()
    }
}

/// `n` of `total` in whole per cent, rounded half up.
pub(super) fn share(n: usize, total: usize) -> usize {
    if total == 0 {
        0
    } else {
        (n * 200 + total) / (2 * total)
    }
}

fn standing_key(s: Standing) -> &'static str {
    match s {
        Standing::OnTrack => "on_track",
        Standing::OffTrack => "off_track",
        Standing::Planned => "planned",
        Standing::NotReported => "not_reported",
    }
}

/// A cell of the region-wide table.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct CellView {
    pub empty: bool,
    pub goals: usize,
    pub measures: usize,
    pub joint: usize,
    pub own: usize,
    pub on_track: usize,
    pub off_track: usize,
    pub not_reported: usize,
    /// The shares of measures on and off track, in whole per cent.
    pub on_share: usize,
    pub off_share: usize,
    pub goal_links: Vec<(Html, String)>,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct RowView {
    pub title: Html,
    pub href: String,
    pub cells: Vec<CellView>,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct RegionView {
    pub plan_href: String,
    pub columns: Vec<PlanRef>,
    pub rows: Vec<RowView>,
    pub unlinked: Vec<CellView>,
    /// The year whose statuses are counted.
    pub year: Option<i32>,
    /// What serves the regional plan, by plan and status in `year`, as the annual report
    /// counts it: the statuses with a column (key, word), and the rows.
    pub statuses: Vec<(String, String)>,
    pub standing: Vec<super::annual::OrganisationCounts>,
}

impl View<'_> {
    fn cell_view(&self, c: &across::Cell, lang: &str) -> CellView {
        CellView {
            empty: c.is_empty(),
            goals: c.goals.len(),
            measures: c.measures.len(),
            joint: c.joint,
            own: c.own,
            on_track: c.on_track,
            off_track: c.off_track,
            not_reported: c.not_reported,
            on_share: share(c.on_track, c.measures.len()),
            off_share: share(c.off_track, c.measures.len()),
            goal_links: c
                .goals
                .iter()
                .map(|g| {
                    let (_, _, goal) = links::goal(self.model.region.plans, *g);
                    (tx(&goal.title, lang, self.d()), self.goal_href_in(*g, lang))
                })
                .collect(),
        }
    }

    /// The region-wide view of regional plan `pi`.
    pub(crate) fn region_view(&self, pi: usize, lang: &str) -> RegionView {
        let region = self.model.region;
        let table = across::table(region.plans, region.links, pi);
        let plan = &region.plans[pi];
        let rows = plan
            .focus_areas
            .iter()
            .zip(&table.rows)
            .map(|(fa, cells)| RowView {
                title: tx(&fa.title, lang, self.d()),
                href: self.addresses.focus_area(plan, fa, lang).href(),
                cells: cells.iter().map(|c| self.cell_view(c, lang)).collect(),
            })
            .collect();
        let (statuses, standing) = self.status_table(&table.counts, lang);
        RegionView {
            plan_href: self.addresses.plan(plan, lang).href(),
            columns: table
                .columns
                .iter()
                .map(|p| self.plan_ref(&region.plans[*p], lang))
                .collect(),
            rows,
            unlinked: table
                .unlinked
                .iter()
                .map(|c| self.cell_view(c, lang))
                .collect(),
            year: table.year,
            statuses,
            standing,
        }
    }
}
