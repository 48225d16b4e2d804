//! Plan views (spec §6): the plan overview, a page per focus area and per goal, the "together
//! and separately" view, the `goals()` shortcode and the annual report. Reads the plan model;
//! texts come out as HTML (see `html.rs`), the page frame from the theme's templates.

pub(crate) mod across;
pub(crate) mod annual;
mod goal;
mod overview;

use super::html::{plain, tx};
use super::view::View;
use crate::base::escape::Html;
use crate::model::plan::{self, FocusArea, FocusKind, Plan, Scope};
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub(crate) struct OrgLink {
    pub name: Html,
    pub href: String,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct IndicatorLink {
    pub title: Html,
    pub href: String,
    pub kind: String,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct StatusView {
    pub key: String,
    pub label: String,
    pub year: i32,
    pub note: Option<Html>,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct MeasureView {
    pub id: String,
    pub title: Html,
    pub href: String,
    pub goal_title: Html,
    pub goal_href: String,
    pub focus_area_title: Html,
    pub description: Option<Html>,
    pub responsible: Vec<OrgLink>,
    pub partners: Vec<OrgLink>,
    pub scope: String,
    pub statutory: bool,
    pub work_type: Option<String>,
    pub maturity: Option<String>,
    pub schedule: Option<String>,
    pub indicators: Vec<IndicatorLink>,
    /// The status in the year shown; `None`: not reported.
    pub status: Option<StatusView>,
    /// In the annual report: the status of the year before, and whether it changed since.
    pub previous: Option<StatusView>,
    pub changed: bool,
    pub progress: Vec<StatusView>,
}

/// A value of a goal indicator with what it is of: "7,3 / 1 000" and "Pohjois-Savo 2011".
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ValueView {
    pub value: String,
    /// The region and year the value is for.
    pub of: String,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct GoalIndicatorView {
    pub title: Html,
    pub href: String,
    pub kind: String,
    pub baseline: Option<ValueView>,
    /// The value before the latest one, and the latest: each with its region and year.
    pub previous: Option<ValueView>,
    pub latest: Option<ValueView>,
    /// How the latest value compares with the previous one, in words ("parantunut").
    pub change: Option<String>,
    pub target: Option<ValueView>,
    pub track_key: String,
    pub track: String,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct GoalView {
    pub id: String,
    pub title: Html,
    pub plain_title: String,
    pub href: String,
    pub description: Option<Html>,
    pub gap: Option<Html>,
    pub target_year: Option<i32>,
    pub shared_with: Vec<OrgLink>,
    pub indicators: Vec<GoalIndicatorView>,
    pub measures: Vec<MeasureView>,
    /// What other plans' goals and measures contribute to this goal, by plan.
    pub contributors: Vec<across::ContributorGroup>,
    /// The other plans' goals this goal or its measures serve.
    pub serves: Vec<across::ServedGoal>,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct GapView {
    pub id: String,
    pub title: Html,
    pub description: Option<Html>,
    pub target_groups: Vec<Html>,
    pub indicators: Vec<IndicatorLink>,
    pub charts: Vec<Html>,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct FocusAreaView {
    pub id: String,
    pub title: Html,
    pub plain_title: String,
    pub href: String,
    pub cross_cutting: bool,
    pub summary: Option<Html>,
    pub gaps: Vec<GapView>,
    pub goals: Vec<GoalView>,
    pub measure_count: usize,
    pub joint_count: usize,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct PlanView {
    pub href: String,
    pub together_href: String,
    /// The region-wide view, when others' plans contribute to this one.
    pub region_href: Option<String>,
    pub doc_title: Html,
    /// The document's title as plain text, for `<title>`.
    pub doc_plain_title: String,
    pub doc_href: String,
    pub year: Option<i32>,
    pub focus_areas: Vec<FocusAreaView>,
    pub status_chart: Option<Html>,
    pub measure_count: usize,
    pub joint_count: usize,
    pub own_count: usize,
    pub goal_count: usize,
    pub gap_count: usize,
}

/// The plan's document as a link: its title as shown, as plain text, and its address.
pub(crate) struct DocLink {
    pub title: Html,
    pub plain_title: String,
    pub href: String,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct GroupView {
    pub organisation: Option<OrgLink>,
    pub measures: Vec<MeasureView>,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct SharedGoalView {
    pub goal: GoalView,
    pub organisations: Vec<OrgLink>,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct TogetherView {
    pub joint: Vec<GroupView>,
    pub own: Vec<GroupView>,
    pub shared_goals: Vec<SharedGoalView>,
    pub joint_count: usize,
    pub own_count: usize,
}

impl<'a> View<'a> {
    fn d(&self) -> &str {
        self.model.config.default_language()
    }

    pub(crate) fn org_link(&self, id: &str, lang: &str) -> OrgLink {
        let name = self
            .model
            .organisations
            .get(id)
            .map_or_else(|| Html::text(id), |o| tx(&o.name, lang, self.d()));
        OrgLink {
            name,
            href: self.addresses.organisation(id, lang).href(),
        }
    }

    fn indicator_link(
        &self,
        id: &str,
        kind: crate::model::indicators::Kind,
        lang: &str,
    ) -> IndicatorLink {
        let title = self
            .model
            .indicators
            .get(id)
            .map_or_else(|| Html::text(id), |i| tx(&i.title, lang, self.d()));
        IndicatorLink {
            title,
            href: self.addresses.indicator(id, lang).href(),
            kind: self.word(lang, &format!("kind_{}_one", kind_key(kind))),
        }
    }

    pub(crate) fn status_view(&self, year: i32, p: &plan::Progress, lang: &str) -> StatusView {
        StatusView {
            key: p.status.key().to_string(),
            label: self.word(lang, &format!("measure_status_{}", p.status.key())),
            year,
            note: p.note.as_ref().map(|n| tx(n, lang, self.d())),
        }
    }

    pub(crate) fn focus_area_view(
        &self,
        plan: &Plan,
        fa: &FocusArea,
        lang: &str,
        with_charts: bool,
    ) -> FocusAreaView {
        let d = self.d();
        let regions = self.model.site_regions();
        let gaps = fa
            .gaps
            .iter()
            .map(|g| GapView {
                id: g.id.clone(),
                title: tx(&g.title, lang, d),
                description: g.description.as_ref().map(|t| self.md(t, lang)),
                target_groups: g.target_groups.iter().map(|t| tx(t, lang, d)).collect(),
                indicators: g
                    .indicators
                    .iter()
                    .map(|i| {
                        let kind = self
                            .model
                            .indicators
                            .get(i)
                            .and_then(|x| x.kind)
                            .unwrap_or(crate::model::indicators::Kind::Outcome);
                        self.indicator_link(i, kind, lang)
                    })
                    .collect(),
                charts: if with_charts && !regions.is_empty() {
                    g.indicators
                        .iter()
                        .filter_map(|i| self.model.indicators.get(i))
                        .map(|ind| {
                            self.line_chart(
                                ind,
                                &regions,
                                None,
                                None,
                                lang,
                                &format!("{}-{}", g.id, ind.id),
                            )
                        })
                        .collect()
                } else {
                    Vec::new()
                },
            })
            .collect();
        let goals: Vec<GoalView> = fa
            .goals
            .iter()
            .map(|g| self.goal_view(plan, fa, g, lang, None))
            .collect();
        let measures: Vec<&plan::Measure> =
            fa.goals.iter().flat_map(|g| g.measures.iter()).collect();
        FocusAreaView {
            id: fa.id.clone(),
            title: tx(&fa.title, lang, d),
            plain_title: plain(&fa.title, lang, d),
            href: self.addresses.focus_area(plan, fa, lang).href(),
            cross_cutting: fa.kind == FocusKind::CrossCutting,
            summary: fa.summary.as_ref().map(|t| self.md(t, lang)),
            gaps,
            goals,
            measure_count: measures.len(),
            joint_count: measures.iter().filter(|m| m.scope == Scope::Joint).count(),
        }
    }
}

/// The theme's word for a scope.
fn scope_key(s: Scope) -> &'static str {
    match s {
        Scope::Joint => "scope_joint",
        Scope::Own => "scope_own",
    }
}

fn kind_key(k: crate::model::indicators::Kind) -> &'static str {
    match k {
        crate::model::indicators::Kind::Outcome => "outcome",
        crate::model::indicators::Kind::Activity => "activity",
    }
}
