//! The model → plan.json: the plan entries a site publishes (spec §13.3), the way
//! [`super::read`] reads them back. The model knows no addresses, so the writer is handed the
//! addresses of the site's own pages ([`Pages`]); a pulled plan keeps the other site's.

use super::{FocusAreaEntry, GoalEntry, GoalIndicatorEntry, MeasureEntry, PlanEntry, PointEntry};
use crate::base::dates::YearRange;
use crate::base::url::Url;
use crate::model::plan::{FocusArea, Goal, Measure, Plan, Target, YearValue};
use crate::model::regions::RegionRef;

/// The absolute addresses of the pages of the site's own plans, from whoever owns addresses.
pub(crate) trait Pages {
    /// The plan document's page.
    fn document(&self, plan: &Plan) -> String;
    /// A goal's page.
    fn goal(&self, plan: &Plan, fa: &FocusArea, goal: &Goal) -> String;
    /// Where a measure stands (on its focus area's page).
    fn measure(&self, plan: &Plan, fa: &FocusArea, measure: &Measure) -> String;
}

/// One plan as plan.json lists it: a pulled plan with its `source` and the other site's
/// addresses, so that pulling from this site takes only its own.
pub(crate) fn plan(p: &Plan, pages: &dyn Pages) -> PlanEntry {
    let local = p.origin.is_none();
    PlanEntry {
        document: p.document_name().to_string(),
        title: p.title.clone(),
        url: match &p.origin {
            None => Some(pages.document(p)),
            Some(o) => remote(&o.url),
        },
        organisation: p.organisation.clone(),
        period: p.period.map(range),
        source: p.origin.as_ref().map(|o| o.source.clone()),
        focus_areas: p
            .focus_areas
            .iter()
            .map(|fa| FocusAreaEntry {
                id: fa.id.clone(),
                title: fa.title.clone(),
                kind: fa.kind,
                summary: fa.summary.clone(),
                gaps: fa.gaps.clone(),
                goals: fa
                    .goals
                    .iter()
                    .map(|g| goal(p, fa, g, local.then_some(pages)))
                    .collect(),
            })
            .collect(),
    }
}

fn remote(u: &Option<Url>) -> Option<String> {
    u.as_ref().map(|u| u.as_str().to_string())
}

fn range(r: YearRange) -> String {
    format!("{}-{}", r.start, r.end)
}

fn targets(ts: &[Target]) -> Vec<String> {
    ts.iter().map(Target::written).collect()
}

/// A goal; `pages` is given for the site's own plans only.
fn goal(p: &Plan, fa: &FocusArea, g: &Goal, pages: Option<&dyn Pages>) -> GoalEntry {
    GoalEntry {
        id: g.id.clone(),
        title: g.title.clone(),
        description: g.description.clone(),
        gap: g.gap.clone(),
        target_year: g.target_year,
        organisation: p.organisation.clone(),
        shared_with: g.shared_with.clone(),
        contributes_to: targets(&g.contributes_to),
        url: match pages {
            Some(pages) => Some(pages.goal(p, fa, g)),
            None => remote(&g.remote),
        },
        indicators: g
            .indicators
            .iter()
            .map(|i| GoalIndicatorEntry {
                id: i.id.clone(),
                kind: i.kind,
                baseline: point(i.baseline, i.baseline_region.as_ref()),
                target: point(i.target, i.target_region.as_ref()),
            })
            .collect(),
        measures: g
            .measures
            .iter()
            .map(|m| measure(p, fa, m, pages))
            .collect(),
    }
}

fn measure(p: &Plan, fa: &FocusArea, m: &Measure, pages: Option<&dyn Pages>) -> MeasureEntry {
    MeasureEntry {
        id: m.id.clone(),
        title: m.title.clone(),
        description: m.description.clone(),
        organisation: p.organisation.clone(),
        responsible: m.responsible.clone(),
        partners: m.partners.clone(),
        scope: m.scope,
        statutory: m.statutory,
        work_type: m.work_type,
        maturity: m.maturity,
        schedule: m.schedule.map(range),
        indicators: m.indicators.clone(),
        progress: m.progress.clone(),
        contributes_to: targets(&m.contributes_to),
        url: match pages {
            Some(pages) => Some(pages.measure(p, fa, m)),
            None => remote(&m.remote),
        },
    }
}

fn point(v: Option<YearValue>, region: Option<&RegionRef>) -> Option<PointEntry> {
    v.map(|v| PointEntry {
        year: v.year,
        value: v.value,
        region: region.map(ToString::to_string),
    })
}
