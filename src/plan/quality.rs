//! The plan quality report of `kertomus check`: what the negotiations ask of every plan. Are
//! the measures concrete (a responsible party and a follow-up indicator), is the work done
//! together, do the goals have measures and outcome indicators with data. Warnings only: a plan
//! in progress still builds.

use super::{Plan, Scope};
use crate::diagnostics::Diagnostic;
use crate::indicators::{Indicators, Kind};
use crate::messages::Msg;
use crate::msg;
use crate::regions::RegionRef;
use std::collections::BTreeSet;

/// Kinds of finding, in the order the summary lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Finding {
    NoResponsible,
    NoIndicator,
    Statutory,
    OwnInCountyPlan,
    GoalWithoutMeasures,
    GoalWithoutOutcome,
    NoHomeData,
}

impl Finding {
    /// How the summary line names this kind.
    pub(crate) fn label(self) -> &'static str {
        match self {
            Finding::NoResponsible => "measures without a responsible party",
            Finding::NoIndicator => "measures without an indicator",
            Finding::Statutory => "statutory measures",
            Finding::OwnInCountyPlan => "own-only measures in a county's plan",
            Finding::GoalWithoutMeasures => "goals without measures",
            Finding::GoalWithoutOutcome => "goals without an outcome indicator",
            Finding::NoHomeData => "indicators without data for the home region",
        }
    }
}

/// What the report needs besides the plan.
pub(crate) struct Setting<'a> {
    pub indicators: &'a Indicators,
    pub home_region: Option<&'a RegionRef>,
    /// The plan is a wellbeing services county's (its organisation is a hyvinvointialue).
    pub county_plan: bool,
}

pub(crate) fn check(plan: &Plan, s: &Setting<'_>) -> Vec<(Finding, Diagnostic)> {
    let mut out = Vec::new();
    let mut warn = |f: Finding, at, message: Msg, hint: Msg| {
        out.push((f, plan.diagnostic(at, message).warning().with_hint(hint)));
    };
    for (_, goal) in plan.goals() {
        if goal.measures.is_empty() {
            warn(
                Finding::GoalWithoutMeasures,
                goal.at,
                msg!("goal `{id}` has no measures", id = goal.id),
                msg!("list the measures (toimenpiteet) that lead to the goal"),
            );
        }
        if !goal.indicators.iter().any(|i| i.kind == Kind::Outcome) {
            warn(
                Finding::GoalWithoutOutcome,
                goal.at,
                msg!("goal `{id}` has no outcome indicator", id = goal.id),
                msg!("add a tulosmittari (kind: outcome) that shows whether the goal is reached"),
            );
        }
        for m in &goal.measures {
            if m.responsible.is_empty() {
                warn(
                    Finding::NoResponsible,
                    m.at,
                    msg!("measure `{id}` has no responsible party", id = m.id),
                    msg!("name the vastuutaho: responsible: [organisation id]"),
                );
            }
            if m.indicators.is_empty() {
                warn(
                    Finding::NoIndicator,
                    m.at,
                    msg!("measure `{id}` has no indicator", id = m.id),
                    msg!("add at least one seurantamittari under indicators:"),
                );
            }
            if m.statutory {
                warn(
                    Finding::Statutory,
                    m.at,
                    msg!("measure `{id}` is statutory", id = m.id),
                    msg!("the negotiations asked to keep statutory duties out of the plan; list measures that go beyond them"),
                );
            }
            if s.county_plan && m.scope == Scope::Own {
                warn(
                    Finding::OwnInCountyPlan,
                    m.at,
                    msg!("measure `{id}` is own work (scope: own), not joint work", id = m.id),
                    msg!("the regional plan is for joint work across the municipality–county interface; name partners or move it to the county's own plans"),
                );
            }
        }
    }
    if let Some(home) = s.home_region {
        let mut reported = BTreeSet::new();
        for (id, at) in plan.indicator_uses() {
            if s.indicators.get(id).is_some()
                && s.indicators.values.latest(id, home).is_none()
                && reported.insert(id)
            {
                let from = plan.source(at).key("indicators", at.offset);
                let offset = plan.source(at).value(id, from);
                out.push((
                    Finding::NoHomeData,
                    plan.source(at)
                        .error(offset, msg!("indicator `{id}` has no data for the home region {home}", id, home))
                        .warning()
                        .with_hint(msg!("add values under content/data/values/ (kertomus sotkanet pull fetches Sotkanet's)")),
                ));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::tests::{indicators, plan};
    use super::*;

    #[test]
    fn every_kind_of_finding() {
        let (p, _) = plan(
            "focus_areas:\n- id: fa\n  title: F\n  goals:\n  - id: g1\n    title: G\n    indicators: [{id: act, kind: activity}]\n    measures:\n    - {id: m1, title: M1, partners: [kuopio]}\n    - {id: m2, title: M2, responsible: [hva], statutory: true, indicators: [{id: \"4\"}]}\n  - id: g2\n    title: G2\n    indicators: [{id: \"4\"}]\n",
        );
        let inds = indicators();
        let home = RegionRef::parse("KUNTA:297").unwrap();
        let found = check(
            &p,
            &Setting {
                indicators: &inds,
                home_region: Some(&home),
                county_plan: true,
            },
        );
        let kinds: Vec<(Finding, usize)> = found.iter().map(|(f, d)| (*f, d.line)).collect();
        assert_eq!(
            kinds,
            vec![
                (Finding::GoalWithoutOutcome, 5),
                (Finding::NoResponsible, 9),
                (Finding::NoIndicator, 9),
                (Finding::Statutory, 10),
                (Finding::OwnInCountyPlan, 10),
                (Finding::GoalWithoutMeasures, 11),
                (Finding::NoHomeData, 7),
                (Finding::NoHomeData, 10),
            ]
        );
        assert!(found.iter().all(|(_, d)| !d.is_error()));
    }
}
