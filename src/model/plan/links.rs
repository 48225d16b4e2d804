//! Links between plans (spec §13.3): a goal or measure of one organisation's plan names the
//! goals of another plan it contributes to (`contributes_to: [document#goal]`). Resolved once
//! every plan of the site is read, local and pulled, into an index both ways: what contributes
//! to a goal, and what a goal or measure serves.

use super::{FocusArea, Goal, Measure, Plan, Target};
use crate::base::diagnostics::Diagnostic;
use crate::base::locate::{At, Source};
use crate::msg;
use std::collections::BTreeMap;

/// A goal of one of the site's plans: indices into the plans (local first, then pulled), the
/// plan's focus areas and the focus area's goals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct GoalId {
    pub plan: usize,
    pub focus_area: usize,
    pub goal: usize,
}

/// Something that contributes to a goal: another plan's goal with all its measures, or one
/// measure of it (by index in its goal) that names the goal itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Contribution {
    pub from: GoalId,
    pub measure: Option<usize>,
}

/// The resolved links between the site's plans.
#[derive(Debug, Default)]
pub(crate) struct Links {
    /// By target goal: what contributes to it, in plan order.
    to: BTreeMap<GoalId, Vec<Contribution>>,
    /// By goal: the goals of other plans it serves itself (`contributes_to` of the goal).
    serves: BTreeMap<GoalId, Vec<GoalId>>,
    /// By goal and measure index: the goals the measure serves, its goal's and its own.
    measure_serves: BTreeMap<(GoalId, usize), Vec<GoalId>>,
}

/// The targets as written under `contributes_to` of the entry at `at` in `source`; the
/// documents and goals are looked up once every plan is read ([`Links::resolve`]).
pub(super) fn written(
    source: &Source,
    at: At,
    written: &[String],
    diags: &mut Vec<Diagnostic>,
) -> Vec<Target> {
    if written.is_empty() {
        // Nothing to place: the next `contributes_to:` may be far on, or nowhere.
        return Vec::new();
    }
    let from = source.key("contributes_to", at.offset);
    let mut out = Vec::new();
    for w in written {
        let offset = source.value(w, from);
        match w.split_once('#') {
            Some((doc, goal)) if !doc.trim().is_empty() && !goal.trim().is_empty() => {
                out.push(Target {
                    document: doc.trim().trim_end_matches('/').to_string(),
                    goal: goal.trim().to_string(),
                    at: At {
                        file: at.file,
                        offset,
                    },
                });
            }
            _ => diags.push(
                source
                    .error(offset, msg!("`{w}` does not name a goal of another plan", w))
                    .with_hint(msg!("write the other plan's document folder and the goal's id: hyvinvointisuunnitelma-2025-2029#mt-1")),
            ),
        }
    }
    out
}

/// Every goal of `plan`, the `pi`-th of the site's plans, with its id.
pub(crate) fn goal_ids(plan: &Plan, pi: usize) -> impl Iterator<Item = (GoalId, &Goal)> {
    plan.focus_areas
        .iter()
        .enumerate()
        .flat_map(move |(fi, fa)| {
            fa.goals.iter().enumerate().map(move |(gi, g)| {
                let id = GoalId {
                    plan: pi,
                    focus_area: fi,
                    goal: gi,
                };
                (id, g)
            })
        })
}

/// Looks a goal up.
pub(crate) fn goal(plans: &[Plan], id: GoalId) -> (&Plan, &FocusArea, &Goal) {
    let plan = &plans[id.plan];
    let fa = &plan.focus_areas[id.focus_area];
    (plan, fa, &fa.goals[id.goal])
}

impl Links {
    /// Resolves every `contributes_to` of `plans`. An unknown document or goal is an error at
    /// its place in a local plan, a warning in a pulled one (the other site's authors fix it).
    pub(crate) fn resolve(plans: &[Plan], diags: &mut Vec<Diagnostic>) -> Links {
        let mut links = Links::default();
        for (pi, plan) in plans.iter().enumerate() {
            for (id, g) in goal_ids(plan, pi) {
                links.add_goal(plans, id, g, diags);
            }
        }
        for list in links.to.values_mut() {
            list.sort();
            list.dedup();
        }
        links
    }

    fn add_goal(&mut self, plans: &[Plan], id: GoalId, g: &Goal, diags: &mut Vec<Diagnostic>) {
        let own: Vec<GoalId> = g
            .contributes_to
            .iter()
            .filter_map(|t| find(plans, id.plan, t, diags))
            .collect();
        for t in &own {
            self.to.entry(*t).or_default().push(Contribution {
                from: id,
                measure: None,
            });
        }
        for (mi, m) in g.measures.iter().enumerate() {
            let mut all = own.clone();
            for t in measure_targets(plans, id.plan, m, diags) {
                if !all.contains(&t) {
                    all.push(t);
                    self.to.entry(t).or_default().push(Contribution {
                        from: id,
                        measure: Some(mi),
                    });
                }
            }
            self.measure_serves.insert((id, mi), all);
        }
        self.serves.insert(id, own);
    }

    /// What contributes to goal `g`.
    pub(crate) fn contributors(&self, g: GoalId) -> &[Contribution] {
        self.to.get(&g).map_or(&[], Vec::as_slice)
    }

    /// Every measure that contributes to `g`: all measures of a contributing goal, and the
    /// measures that name `g` themselves, in plan order.
    pub(crate) fn contributing_measures(&self, plans: &[Plan], g: GoalId) -> Vec<(GoalId, usize)> {
        let mut out = Vec::new();
        for c in self.contributors(g) {
            match c.measure {
                Some(m) => out.push((c.from, m)),
                None => {
                    let (_, _, goal) = goal(plans, c.from);
                    out.extend((0..goal.measures.len()).map(|m| (c.from, m)));
                }
            }
        }
        out.sort();
        out.dedup();
        out
    }

    /// The goals of other plans that goal `g` itself serves.
    pub(crate) fn serves(&self, g: GoalId) -> &[GoalId] {
        self.serves.get(&g).map_or(&[], Vec::as_slice)
    }

    /// The goals of other plans that measure `m` of goal `g` serves (its goal's and its own).
    pub(crate) fn measure_serves(&self, g: GoalId, m: usize) -> &[GoalId] {
        self.measure_serves.get(&(g, m)).map_or(&[], Vec::as_slice)
    }

    /// Whether measure `m` of goal `g` serves a goal of a regional plan.
    pub(crate) fn measure_serves_regional(&self, g: GoalId, m: usize) -> bool {
        self.measure_serves(g, m)
            .iter()
            .any(|t| self.receives(t.plan))
    }

    /// Whether anything serves a goal of plan `plan`: then it is a regional plan.
    pub(crate) fn receives(&self, plan: usize) -> bool {
        self.to.keys().any(|g| g.plan == plan)
    }

    /// Whether any plan of the site contributes to another.
    pub(crate) fn any(&self) -> bool {
        !self.to.is_empty()
    }
}

fn measure_targets(
    plans: &[Plan],
    plan: usize,
    m: &Measure,
    diags: &mut Vec<Diagnostic>,
) -> Vec<GoalId> {
    m.contributes_to
        .iter()
        .filter_map(|t| find(plans, plan, t, diags))
        .collect()
}

/// The goal `t` names, seen from plan `from`; a diagnostic when there is none.
fn find(plans: &[Plan], from: usize, t: &Target, diags: &mut Vec<Diagnostic>) -> Option<GoalId> {
    let here = &plans[from];
    let report = |message, hint| {
        let d = here.diagnostic(t.at, message).with_hint(hint);
        if here.origin.is_some() {
            d.warning()
        } else {
            d
        }
    };
    let Some(pi) = plans.iter().position(|p| p.document_name() == t.document) else {
        let others: Vec<&str> = plans
            .iter()
            .filter(|p| p.doc_key != here.doc_key)
            .map(Plan::document_name)
            .collect();
        let hint = match crate::base::yaml::closest(&t.document, &others) {
            Some(c) => msg!("did you mean `{c}`?", c),
            None if others.is_empty() => msg!("this site holds no other plan; add the other organisation's plan document, or pull its plan.json with kertomus pull plans"),
            None => msg!("the other plans of this site: {list}", list = others.join(", ")),
        };
        diags.push(report(
            msg!(
                "`{doc}` is not a plan document of this site",
                doc = t.document
            ),
            hint,
        ));
        return None;
    };
    if pi == from {
        diags.push(report(
            msg!(
                "`{doc}#{goal}` is a goal of this same plan",
                doc = t.document,
                goal = t.goal
            ),
            msg!("contributes_to names goals of other organisations' plans"),
        ));
        return None;
    }
    let target = &plans[pi];
    for (fi, fa) in target.focus_areas.iter().enumerate() {
        if let Some(gi) = fa.goals.iter().position(|g| g.id == t.goal) {
            return Some(GoalId {
                plan: pi,
                focus_area: fi,
                goal: gi,
            });
        }
    }
    let ids: Vec<&str> = target.goals().map(|(_, g)| g.id.as_str()).collect();
    let hint = match crate::base::yaml::closest(&t.goal, &ids) {
        Some(c) => msg!("did you mean `{doc}#{c}`?", doc = t.document, c),
        None => msg!("the goals of that plan: {list}", list = ids.join(", ")),
    };
    diags.push(report(
        msg!(
            "the plan `{doc}` has no goal `{goal}`",
            doc = t.document,
            goal = t.goal
        ),
        hint,
    ));
    None
}
