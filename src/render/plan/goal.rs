//! Views of a goal, its indicators with their track towards the target, and its measures.

use super::{GoalIndicatorView, GoalView, MeasureView, ValueView};
use crate::model::plan::{self, FocusArea, Goal, MeasureRef, Plan};
use crate::render::html::{plain, tx};
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
        let previous = year.and_then(|y| {
            me.progress
                .get(&(y - 1))
                .map(|p| self.status_view(y - 1, p, lang))
        });
        let focus_area = self.addresses.focus_area(plan, m.focus_area, lang);
        MeasureView {
            id: me.id.clone(),
            title: tx(&me.title, lang, d),
            href: focus_area.at(&me.id).href(),
            goal_title: tx(&m.goal.title, lang, d),
            goal_href: self.addresses.goal(plan, m.focus_area, m.goal, lang).href(),
            focus_area_title: tx(&m.focus_area.title, lang, d),
            description: me.description.as_ref().map(|t| self.md(t, lang)),
            responsible: me
                .responsible
                .iter()
                .map(|o| self.org_link(o, lang))
                .collect(),
            partners: me.partners.iter().map(|o| self.org_link(o, lang)).collect(),
            scope: self.word(lang, super::scope_key(me.scope)),
            statutory: me.statutory,
            work_type: me.work_type.map(|w| {
                self.word(
                    lang,
                    &format!("work_type_{}", crate::base::text::enum_key(&w)),
                )
            }),
            maturity: me.maturity.map(|w| {
                self.word(
                    lang,
                    &format!("maturity_{}", crate::base::text::enum_key(&w)),
                )
            }),
            schedule: me.schedule.map(|s| s.human()),
            indicators: me
                .indicators
                .iter()
                .map(|i| self.indicator_link(&i.id, i.kind, lang))
                .collect(),
            status,
            previous,
            changed: year.is_some_and(|y| me.changed_in(y)),
            progress: me
                .progress
                .iter()
                .map(|(y, p)| self.status_view(*y, p, lang))
                .collect(),
        }
    }

    /// Baseline, the previous and the latest value (the plan's region, up to `upto`), the
    /// change between those two, the target, and the on-track word. Every value says the
    /// region and year it is for: a baseline may have been set for another area than the one
    /// whose values follow it.
    pub(crate) fn goal_indicator_view(
        &self,
        gi: &plan::GoalIndicator,
        lang: &str,
        upto: Option<i32>,
        region: Option<&crate::model::regions::RegionRef>,
    ) -> GoalIndicatorView {
        let link = self.indicator_link(&gi.id, gi.kind, lang);
        let ind = self.model.indicators.get(&gi.id);
        let decimals = ind.map_or(1, |i| i.decimals());
        let value = |v: f64, year: i32, of: Option<&crate::model::regions::RegionRef>| ValueView {
            value: match ind {
                Some(i) => crate::render::charts::with_unit(
                    v,
                    decimals,
                    i.unit.as_deref().unwrap_or(""),
                    lang,
                ),
                None => crate::base::numbers::format(v, 1, lang),
            },
            of: match of {
                Some(r) => format!("{} {year}", self.model.region_name(r, lang)),
                None => year.to_string(),
            },
        };
        let known: Vec<(i32, f64)> = region
            .and_then(|h| {
                self.model.indicators.values.series(
                    &gi.id,
                    h,
                    crate::model::indicators::Gender::Total,
                )
            })
            .map(|series| {
                series
                    .iter()
                    .filter(|(y, p)| upto.is_none_or(|u| **y <= u) && p.value.is_some())
                    .filter_map(|(y, p)| p.value.map(|v| (*y, v)))
                    .collect()
            })
            .unwrap_or_default();
        let latest = known.last().copied();
        let previous = known.len().checked_sub(2).map(|i| known[i]);
        let better = ind.map(|i| i.better).unwrap_or_default();
        let change = previous.zip(latest).map(|((_, before), (_, now))| {
            let judged = crate::model::indicators::trend::judge(better, before, now, decimals);
            self.word(lang, &format!("trend_{}", judged.key()))
        });
        let track = plan::track(better, gi.baseline, gi.target, latest);
        GoalIndicatorView {
            title: link.title,
            href: link.href,
            kind: link.kind,
            baseline: gi
                .baseline
                .map(|b| value(b.value, b.year, gi.baseline_region.as_ref().or(region))),
            previous: previous.map(|(y, v)| value(v, y, region)),
            latest: latest.map(|(y, v)| value(v, y, region)),
            change,
            target: gi
                .target
                .map(|t| value(t.value, t.year, gi.target_region.as_ref().or(region))),
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
            href: self.addresses.goal(plan, fa, g, lang).href(),
            description: g.description.as_ref().map(|t| self.md(t, lang)),
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
