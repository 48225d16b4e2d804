//! "Together and separately" (yhdessä ja erikseen): joint measures by partner organisation,
//! own measures by responsible organisation, and the goals organisations share; and every
//! role one organisation has across the site's plans.

use super::{FocusArea, Goal, MeasureRef, Plan, Scope};
use crate::model::organisations::Organisations;

/// Measures grouped under one organisation id.
#[derive(Debug)]
pub(crate) struct Group<'a> {
    /// `None`: measures that name no organisation in this role.
    pub organisation: Option<&'a str>,
    pub measures: Vec<MeasureRef<'a>>,
}

#[derive(Debug)]
pub(crate) struct Together<'a> {
    pub joint_by_partner: Vec<Group<'a>>,
    pub own_by_responsible: Vec<Group<'a>>,
    pub shared_goals: Vec<(&'a FocusArea, &'a Goal)>,
    pub joint_count: usize,
    pub own_count: usize,
}

/// Groups in the order of organisations.yaml; a measure appears under each organisation it
/// names, and under `None` when it names none.
fn group_by<'a>(
    measures: &[MeasureRef<'a>],
    orgs: &'a Organisations,
    role: impl Fn(&MeasureRef<'a>) -> &'a [String],
) -> Vec<Group<'a>> {
    let mut out: Vec<Group<'a>> = orgs
        .list
        .iter()
        .map(|o| Group {
            organisation: Some(o.id.as_str()),
            measures: measures
                .iter()
                .filter(|m| role(m).contains(&o.id))
                .copied()
                .collect(),
        })
        .filter(|g| !g.measures.is_empty())
        .collect();
    let none: Vec<MeasureRef<'a>> = measures
        .iter()
        .filter(|m| role(m).is_empty())
        .copied()
        .collect();
    if !none.is_empty() {
        out.push(Group {
            organisation: None,
            measures: none,
        });
    }
    out
}

pub(crate) fn together<'a>(plan: &'a Plan, orgs: &'a Organisations) -> Together<'a> {
    let (joint, own): (Vec<MeasureRef<'a>>, Vec<MeasureRef<'a>>) = plan
        .measures()
        .partition(|m| m.measure.scope == Scope::Joint);
    Together {
        joint_by_partner: group_by(&joint, orgs, |m| &m.measure.partners),
        own_by_responsible: group_by(&own, orgs, |m| &m.measure.responsible),
        shared_goals: plan
            .goals()
            .filter(|(_, g)| !g.shared_with.is_empty())
            .collect(),
        joint_count: joint.len(),
        own_count: own.len(),
    }
}

/// What one organisation does in the plans.
#[derive(Debug, Default)]
pub(crate) struct Roles<'a> {
    pub responsible: Vec<(&'a Plan, MeasureRef<'a>)>,
    pub partner: Vec<(&'a Plan, MeasureRef<'a>)>,
    pub shared_goals: Vec<(&'a Plan, &'a FocusArea, &'a Goal)>,
}

impl Roles<'_> {
    pub(crate) fn is_empty(&self) -> bool {
        self.responsible.is_empty() && self.partner.is_empty() && self.shared_goals.is_empty()
    }
}

pub(crate) fn roles<'a>(plans: &'a [Plan], org: &str) -> Roles<'a> {
    let mut out = Roles::default();
    for p in plans {
        for m in p.measures() {
            if m.measure.responsible.iter().any(|r| r == org) {
                out.responsible.push((p, m));
            }
            if m.measure.partners.iter().any(|r| r == org) {
                out.partner.push((p, m));
            }
        }
        for (fa, g) in p.goals() {
            if g.shared_with.iter().any(|r| r == org) {
                out.shared_goals.push((p, fa, g));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::tests::plan;
    use super::*;

    #[test]
    fn joint_by_partner_and_own_by_responsible() {
        let (p, orgs) = plan(
            "focus_areas:\n- id: fa\n  title: F\n  goals:\n  - id: g1\n    title: G\n    shared_with: [kuopio]\n    measures:\n    - {id: m1, title: M1, responsible: [hva], partners: [kuopio, jarjestot]}\n    - {id: m2, title: M2, responsible: [hva]}\n    - {id: m3, title: M3, responsible: [kuopio], scope: own}\n    - {id: m4, title: M4, scope: joint}\n",
        );
        let t = together(&p, &orgs);
        let names = |gs: &[Group<'_>]| -> Vec<(Option<String>, Vec<String>)> {
            gs.iter()
                .map(|g| {
                    (
                        g.organisation.map(str::to_string),
                        g.measures.iter().map(|m| m.measure.id.clone()).collect(),
                    )
                })
                .collect()
        };
        assert_eq!(
            names(&t.joint_by_partner),
            vec![
                (Some("kuopio".into()), vec!["m1".into()]),
                (Some("jarjestot".into()), vec!["m1".into()]),
                (None, vec!["m4".into()]),
            ]
        );
        assert_eq!(
            names(&t.own_by_responsible),
            vec![
                (Some("hva".into()), vec!["m2".into()]),
                (Some("kuopio".into()), vec!["m3".into()]),
            ]
        );
        assert_eq!((t.joint_count, t.own_count), (2, 2));
        assert_eq!(t.shared_goals.len(), 1);
        let r = roles(std::slice::from_ref(&p), "kuopio");
        assert_eq!(
            (r.responsible.len(), r.partner.len(), r.shared_goals.len()),
            (1, 1, 1)
        );
    }
}
