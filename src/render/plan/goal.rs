//! Views of a goal, its indicators with their track towards the target, and its measures.

use super::{GoalIndicatorView, GoalView, MeasureView};
use crate::plan::{self, FocusArea, Goal, MeasureRef, Plan};
use crate::render::html::{md, plain, tx};
use crate::render::view::View;

impl View<'_> {
    /// A measure; its status is the entry of `year` exactly when given (the annual report),
    /// else its latest entry.
    pub(crate) fn measure_view(
        &self,
        plan: &Plan,
        m: MeasureRef<'_>,
        lang: &str,
        year: Option<i32>,
    ) -> MeasureView {
        let d = self.d();
        let me = m.measure;
        let status = match year {
            Some(y) => me.progress.get(&y).map(|p| self.status_view(y, p, lang)),
            None => me
                .progress
                .iter()
                .next_back()
                .map(|(y, p)| self.status_view(*y, p, lang)),
        };
        let fa_path = self.addresses.focus_area(plan, m.focus_area, lang);
        MeasureView {
            id: me.id.clone(),
            title: tx(&me.title, lang, d),
            href: self.href(&format!("{fa_path}#{}", me.id)),
            goal_title: tx(&m.goal.title, lang, d),
            goal_href: self.href(&self.addresses.goal(plan, m.focus_area, m.goal, lang)),
            focus_area_title: tx(&m.focus_area.title, lang, d),
            description: me.description.as_ref().map(|t| md(t, lang, d)),
            responsible: me
                .responsible
                .iter()
                .map(|o| self.org_link(o, lang))
                .collect(),
            partners: me.partners.iter().map(|o| self.org_link(o, lang)).collect(),
            scope: self.word(lang, super::scope_key(me.scope)),
            statutory: me.statutory,
            work_type: me
                .work_type
                .map(|w| self.word(lang, &format!("work_type_{}", crate::text::enum_key(&w)))),
            maturity: me
                .maturity
                .map(|w| self.word(lang, &format!("maturity_{}", crate::text::enum_key(&w)))),
            schedule: me.schedule.map(|s| s.human()),
            indicators: me
                .indicators
                .iter()
                .map(|i| self.indicator_link(&i.id, i.kind, lang))
                .collect(),
            status,
            progress: me
                .progress
                .iter()
                .map(|(y, p)| self.status_view(*y, p, lang))
                .collect(),
        }
    }

    /// Baseline → latest (home region, up to `upto`) → target, and the on-track word.
    pub(crate) fn goal_indicator_view(
        &self,
        gi: &plan::GoalIndicator,
        lang: &str,
        upto: Option<i32>,
        region: Option<&crate::regions::RegionRef>,
    ) -> GoalIndicatorView {
        let link = self.indicator_link(&gi.id, gi.kind, lang);
        let ind = self.model.indicators.get(&gi.id);
        let fmt = |v: f64| match ind {
            Some(i) => {
                crate::charts::with_unit(v, i.decimals(), i.unit.as_deref().unwrap_or(""), lang)
            }
            None => crate::numbers::format(v, 1, lang),
        };
        let latest = region.and_then(|h| {
            let series =
                self.model
                    .indicators
                    .values
                    .series(&gi.id, h, crate::indicators::Gender::Total)?;
            series
                .iter()
                .rfind(|(y, p)| upto.is_none_or(|u| **y <= u) && p.value.is_some())
                .and_then(|(y, p)| p.value.map(|v| (*y, v)))
        });
        let better = ind.map(|i| i.better).unwrap_or_default();
        let other_region = |r: &Option<crate::regions::RegionRef>| {
            r.as_ref()
                .filter(|r| Some(*r) != region)
                .map(|r| self.model.region_name(r, lang))
        };
        let track = plan::track(better, gi.baseline, gi.target, latest);
        GoalIndicatorView {
            title: link.title,
            href: link.href,
            kind: link.kind,
            baseline: gi
                .baseline
                .map(|b| format!("{} ({})", fmt(b.value), b.year)),
            baseline_region: other_region(&gi.baseline_region),
            latest: latest.map(|(y, v)| format!("{} ({y})", fmt(v))),
            target: gi.target.map(|t| format!("{} ({})", fmt(t.value), t.year)),
            target_region: other_region(&gi.target_region),
            track_key: track.key().to_string(),
            track: self.word(lang, track.key()),
        }
    }

    pub(crate) fn goal_view(
        &self,
        plan: &Plan,
        fa: &FocusArea,
        g: &Goal,
        lang: &str,
        year: Option<i32>,
    ) -> GoalView {
        let d = self.d();
        let gap = g.gap.as_ref().and_then(|id| {
            plan.focus_areas
                .iter()
                .flat_map(|f| f.gaps.iter())
                .find(|x| &x.id == id)
                .map(|x| tx(&x.title, lang, d))
        });
        let region = self.model.plan_region(plan);
        GoalView {
            contributors: Vec::new(),
            serves: Vec::new(),
            id: g.id.clone(),
            title: tx(&g.title, lang, d),
            plain_title: plain(&g.title, lang, d),
            href: self.href(&self.addresses.goal(plan, fa, g, lang)),
            description: g.description.as_ref().map(|t| md(t, lang, d)),
            gap,
            target_year: g.target_year,
            shared_with: g
                .shared_with
                .iter()
                .map(|o| self.org_link(o, lang))
                .collect(),
            indicators: g
                .indicators
                .iter()
                .map(|i| self.goal_indicator_view(i, lang, year, region.as_ref()))
                .collect(),
            indicator_region: region.as_ref().map(|h| self.model.region_name(h, lang)),
            measures: g
                .measures
                .iter()
                .map(|m| {
                    self.measure_view(
                        plan,
                        MeasureRef {
                            focus_area: fa,
                            goal: g,
                            measure: m,
                        },
                        lang,
                        year,
                    )
                })
                .collect(),
        }
    }

    /// [`Self::goal_view`] with the goal's links to other plans: what contributes to it and
    /// what it serves (only the goal's own page and the annual report show them).
    pub(crate) fn goal_view_linked(
        &self,
        plan: &Plan,
        fa: &FocusArea,
        g: &Goal,
        lang: &str,
        year: Option<i32>,
    ) -> GoalView {
        let mut view = self.goal_view(plan, fa, g, lang, year);
        if let Some(id) = self.goal_id(plan, fa, g) {
            view.contributors = self.contributor_groups(id, lang, year);
            view.serves = self.served_goals(id, lang);
        }
        view
    }
}
