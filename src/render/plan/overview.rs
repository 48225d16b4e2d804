//! The plan overview, its status chart, and the "together and separately" view.

use super::{DocLink, GroupView, PlanView, SharedGoalView, TogetherView};
use crate::base::escape::Html;
use crate::model::plan::{self, grouping, MeasureRef, Plan, Scope, Status};
use crate::render::charts::stacked::{Stacked, StackedRow};
use crate::render::html::plain;
use crate::render::view::View;

impl View<'_> {
    /// Measures by status in `year`, one row per focus area and one for the whole plan.
    pub(crate) fn status_chart(&self, plan: &Plan, lang: &str, year: i32, id: &str) -> Html {
        let d = self.d();
        let mut categories: Vec<String> = Status::ALL
            .iter()
            .map(|s| self.word(lang, &format!("measure_status_{}", s.key())))
            .collect();
        categories.push(self.word(lang, "measure_not_reported"));
        let row = |label: String, measures: Vec<&plan::Measure>| {
            let mut counts = vec![0u32; Status::ALL.len() + 1];
            for m in measures {
                let i = m
                    .status_at(year)
                    .and_then(|(_, p)| Status::ALL.iter().position(|s| *s == p.status))
                    .unwrap_or(Status::ALL.len());
                counts[i] += 1;
            }
            StackedRow { label, counts }
        };
        let mut rows: Vec<StackedRow> = plan
            .focus_areas
            .iter()
            .map(|fa| {
                row(
                    plain(&fa.title, lang, d),
                    fa.goals.iter().flat_map(|g| g.measures.iter()).collect(),
                )
            })
            .collect();
        rows.push(row(
            self.word(lang, "plan_all_measures"),
            plan.measures().map(|m| m.measure).collect(),
        ));
        // Categories nobody is in would only lengthen the legend and the table.
        let used: Vec<usize> = (0..categories.len())
            .filter(|i| rows.iter().any(|r| r.counts[*i] > 0))
            .collect();
        // The latest status reported up to `year` (the annual report counts that year's
        // reports alone, so its title says the year and this one says "viimeisin raportoitu").
        let title = self
            .word(lang, "plan_status_chart")
            .replace("{year}", &year.to_string());
        // The chart escapes every text it draws.
        let chart = Stacked {
            id,
            title: &title,
            lang,
            categories: used.iter().map(|i| categories[*i].clone()).collect(),
            uncounted: Vec::new(),
            survey: false,
            label: &title,
            // Statuses keep their own pattern wherever they are drawn (`st-*` in the theme).
            classes: used
                .iter()
                .map(|i| match Status::ALL.get(*i) {
                    Some(s) => format!("st-{}", s.key()),
                    None => "st-none".to_string(),
                })
                .collect(),
            rows: rows
                .into_iter()
                .map(|r| StackedRow {
                    label: r.label,
                    counts: used.iter().map(|i| r.counts[*i]).collect(),
                })
                .collect(),
            row_head: &self.word(lang, "plan_focus_area"),
            total_head: &self.word(lang, "total"),
        };
        chart.render()
    }

    /// A plan's overview; `doc` is the title and link of its document as the reader of `lang`
    /// gets it (the translation, or the default language's page).
    pub(crate) fn plan_view(&self, plan: &Plan, lang: &str, doc: &DocLink) -> PlanView {
        let year = plan.latest_year();
        let measures: Vec<MeasureRef<'_>> = plan.measures().collect();
        let joint = measures
            .iter()
            .filter(|m| m.measure.scope == Scope::Joint)
            .count();
        PlanView {
            href: self.addresses.plan(plan, lang).href(),
            together_href: self.addresses.together(plan, lang).href(),
            region_href: self
                .model
                .plan_index(plan)
                .filter(|i| self.model.region.links.receives(*i))
                .map(|_| self.addresses.region(plan, lang).href()),
            doc_title: doc.title.clone(),
            doc_plain_title: doc.plain_title.clone(),
            doc_href: doc.href.clone(),
            year,
            focus_areas: plan
                .focus_areas
                .iter()
                .map(|fa| self.focus_area_view(plan, fa, lang, false))
                .collect(),
            status_chart: year
                .filter(|_| !measures.is_empty())
                .map(|y| self.status_chart(plan, lang, y, "tilanne")),
            measure_count: measures.len(),
            joint_count: joint,
            own_count: measures.len() - joint,
            goal_count: plan.goals().count(),
            gap_count: plan.focus_areas.iter().map(|f| f.gaps.len()).sum(),
        }
    }

    pub(crate) fn together_view(&self, plan: &Plan, lang: &str) -> TogetherView {
        let t = grouping::together(plan, self.model.organisations);
        let group = |g: &grouping::Group<'_>| GroupView {
            organisation: g.organisation.map(|o| self.org_link(o, lang)),
            measures: g
                .measures
                .iter()
                .map(|m| self.measure_view(plan, *m, lang, None))
                .collect(),
        };
        TogetherView {
            joint: t.joint_by_partner.iter().map(group).collect(),
            own: t.own_by_responsible.iter().map(group).collect(),
            shared_goals: t
                .shared_goals
                .iter()
                .map(|(fa, g)| SharedGoalView {
                    goal: self.goal_view(plan, fa, g, lang, None),
                    organisations: g
                        .shared_with
                        .iter()
                        .map(|o| self.org_link(o, lang))
                        .collect(),
                })
                .collect(),
            joint_count: t.joint_count,
            own_count: t.own_count,
        }
    }
}
