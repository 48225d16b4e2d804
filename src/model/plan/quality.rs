//! The plan quality report of `kertomus check`: what the negotiations ask of every plan. Are
//! the measures concrete (a responsible party and a follow-up indicator), is the work done
//! together, do the goals have measures and outcome indicators with data. Warnings only: a plan
//! in progress still builds.

use super::links::goal_ids;
use super::{GoalId, Links, Plan, Scope};
use crate::base::diagnostics::Diagnostic;
use crate::base::messages::Msg;
use crate::model::indicators::{Indicators, Kind};
use crate::model::regions::RegionRef;
use crate::msg;
use std::collections::BTreeSet;

/// Kinds of finding of the plan quality report (`check::Kind` names them in the report).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Finding {
    NoResponsible,
    NoIndicator,
    Statutory,
    OwnInCountyPlan,
    GoalWithoutMeasures,
    GoalWithoutOutcome,
    NoHomeData,
    RegionalGoalWithoutContributors,
    MunicipalGoalServesNothing,
    StatutoryContribution,
}

/// What the report needs besides the plan.
pub(crate) struct Setting<'a> {
    pub indicators: &'a Indicators,
    pub home_region: Option<&'a RegionRef>,
    /// The plan is a wellbeing services county's (its organisation is a hyvinvointialue).
    pub county_plan: bool,
    /// Ids of the plan's statutory measures that serve a regional goal: reported as such by
    /// [`across`], not twice.
    pub contributing_statutory: Vec<&'a str>,
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
            if m.statutory && !s.contributing_statutory.contains(&m.id.as_str()) {
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

/// The findings across plans (spec §13.3) of the site's own plan `pi` among `plans`: a
/// regional goal nothing contributes to, a municipal goal that serves no regional goal, a
/// statutory measure that serves a regional goal. `municipal` says whether the plan is a
/// municipality's. Contributions across focus areas are wanted and not reported.
pub(crate) fn across(
    plans: &[Plan],
    links: &Links,
    pi: usize,
    municipal: bool,
) -> Vec<(Finding, Diagnostic)> {
    let mut out = Vec::new();
    if !links.any() {
        return out;
    }
    let plan = &plans[pi];
    let regional = |t: &GoalId| links.receives(t.plan);
    let mut warn = |f: Finding, at, message: Msg, hint: Msg| {
        out.push((f, plan.diagnostic(at, message).warning().with_hint(hint)));
    };
    for (id, g) in goal_ids(plan, pi) {
        if links.receives(pi) && links.contributors(id).is_empty() {
            warn(
                    Finding::RegionalGoalWithoutContributors,
                    g.at,
                    msg!("nothing in the municipalities' plans contributes to regional goal `{id}`", id = g.id),
                    msg!("agree in the negotiations who works towards it, and name it under contributes_to in their plans"),
                );
        }
        let serves = |mi: usize| links.measure_serves_regional(id, mi);
        if municipal && !links.serves(id).iter().any(regional) && !(0..g.measures.len()).any(serves)
        {
            warn(
                    Finding::MunicipalGoalServesNothing,
                    g.at,
                    msg!("goal `{id}` contributes to no goal of the regional plan", id = g.id),
                    msg!("name the regional goal it serves: contributes_to: [document#goal]; purely municipal work may stay without"),
                );
        }
        for (mi, m) in g.measures.iter().enumerate() {
            if m.statutory && serves(mi) {
                warn(
                        Finding::StatutoryContribution,
                        m.at,
                        msg!("statutory measure `{id}` is listed as serving a regional goal", id = m.id),
                        msg!("the negotiations asked to prune statutory duties from the regional plan; list what goes beyond them"),
                    );
            }
        }
    }
    out
}

/// The ids of plan `pi`'s statutory measures that serve a regional goal.
pub(crate) fn contributing_statutory<'p>(
    plans: &'p [Plan],
    links: &Links,
    pi: usize,
) -> Vec<&'p str> {
    let mut out = Vec::new();
    for (id, g) in goal_ids(&plans[pi], pi) {
        for (mi, m) in g.measures.iter().enumerate() {
            if m.statutory && links.measure_serves_regional(id, mi) {
                out.push(m.id.as_str());
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
                contributing_statutory: Vec::new(),
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
