//! The region-wide view of the plans (spec §13.3): the regional plan's focus areas against
//! every plan of the site, with which goals and measures each has there and how many are on
//! track. Counts only; the page is made by `render`.

use super::links::{self, GoalId, Links};
use super::{Measure, Plan, Scope, Status};

/// A measure's follow-up in a word: its latest reported status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Standing {
    /// Started, ongoing or done.
    OnTrack,
    /// Delayed, paused or dropped.
    OffTrack,
    /// Planned, or no status reported.
    NotReported,
}

impl Standing {
    pub(crate) fn of_status(status: Option<Status>) -> Standing {
        match status {
            Some(Status::Started | Status::Ongoing | Status::Done) => Standing::OnTrack,
            Some(Status::Delayed | Status::Paused | Status::Dropped) => Standing::OffTrack,
            Some(Status::Planned) | None => Standing::NotReported,
        }
    }

    /// By the measure's latest status.
    pub(crate) fn of(m: &Measure) -> Standing {
        Standing::of_status(m.latest().map(|(_, p)| p.status))
    }
}

/// One plan's goals and measures under one regional focus area.
#[derive(Debug, Default, Clone)]
pub(crate) struct Cell {
    pub goals: Vec<GoalId>,
    /// Measures by goal and index in it.
    pub measures: Vec<(GoalId, usize)>,
    pub joint: usize,
    pub own: usize,
    pub on_track: usize,
    pub off_track: usize,
    pub not_reported: usize,
}

impl Cell {
    fn add(&mut self, plans: &[Plan], g: GoalId, measures: impl IntoIterator<Item = usize>) {
        if !self.goals.contains(&g) {
            self.goals.push(g);
        }
        let (_, _, goal) = links::goal(plans, g);
        for mi in measures {
            if self.measures.contains(&(g, mi)) {
                continue;
            }
            self.measures.push((g, mi));
            let m = &goal.measures[mi];
            match m.scope {
                Scope::Joint => self.joint += 1,
                Scope::Own => self.own += 1,
            }
            match Standing::of(m) {
                Standing::OnTrack => self.on_track += 1,
                Standing::OffTrack => self.off_track += 1,
                Standing::NotReported => self.not_reported += 1,
            }
        }
    }

    /// Adds what `other` holds that this cell does not (a measure may serve goals of several
    /// focus areas: it is counted once).
    pub(crate) fn merge(&mut self, plans: &[Plan], other: &Cell) {
        for g in &other.goals {
            self.add(plans, *g, []);
        }
        for (g, mi) in &other.measures {
            self.add(plans, *g, [*mi]);
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.goals.is_empty()
    }
}

/// The table: a column per plan (the regional plan first), a row per regional focus area,
/// and a last row of the other plans' goals that serve no regional goal.
#[derive(Debug)]
pub(crate) struct Table {
    /// Plan indices, the regional plan first.
    pub columns: Vec<usize>,
    /// By focus area of the regional plan, a cell per column.
    pub rows: Vec<Vec<Cell>>,
    /// By column: goals that serve none of the regional plan's goals (empty for its own).
    pub unlinked: Vec<Cell>,
}

/// The region-wide table of regional plan `regional` among `plans`.
pub(crate) fn table(plans: &[Plan], links: &Links, regional: usize) -> Table {
    let columns: Vec<usize> = std::iter::once(regional)
        .chain((0..plans.len()).filter(|p| *p != regional))
        .collect();
    let reg = &plans[regional];
    let mut rows = Vec::new();
    for (fi, fa) in reg.focus_areas.iter().enumerate() {
        let mut cells = vec![Cell::default(); columns.len()];
        for gi in 0..fa.goals.len() {
            let target = GoalId {
                plan: regional,
                focus_area: fi,
                goal: gi,
            };
            cells[0].add(plans, target, 0..fa.goals[gi].measures.len());
            for (g, mi) in links.contributing_measures(plans, target) {
                if let Some(col) = columns.iter().position(|c| *c == g.plan) {
                    cells[col].add(plans, g, [mi]);
                }
            }
            for c in links.contributors(target) {
                if let Some(col) = columns.iter().position(|p| *p == c.from.plan) {
                    cells[col].add(plans, c.from, []);
                }
            }
        }
        rows.push(cells);
    }
    let unlinked = columns
        .iter()
        .enumerate()
        .map(|(col, &p)| {
            let mut cell = Cell::default();
            if col > 0 {
                unlinked_goals(plans, links, p, regional, &mut cell);
            }
            cell
        })
        .collect();
    Table {
        columns,
        rows,
        unlinked,
    }
}

/// Goals of plan `p` none of whose goal or measures serve a goal of `regional`.
fn unlinked_goals(plans: &[Plan], links: &Links, p: usize, regional: usize, cell: &mut Cell) {
    for (id, g) in links::goal_ids(&plans[p], p) {
        let serves = links.serves(id).iter().any(|t| t.plan == regional)
            || (0..g.measures.len()).any(|mi| {
                links
                    .measure_serves(id, mi)
                    .iter()
                    .any(|t| t.plan == regional)
            });
        if !serves {
            cell.add(plans, id, 0..g.measures.len());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::tests::plan_at;

    #[test]
    fn a_plan_with_nothing_under_a_focus_area_has_an_empty_cell() {
        let region = plan_at(
            "alue",
            "focus_areas:\n- id: a\n  title: A\n  goals:\n  - {id: a1, title: A1, measures: [{id: m, title: M, partners: [kuopio], progress: {2025: {status: ongoing}}}]}\n- id: b\n  title: B\n  goals:\n  - {id: b1, title: B1}\n",
        );
        let town = plan_at(
            "kunta",
            "focus_areas:\n- id: k\n  title: K\n  goals:\n  - id: k1\n    title: K1\n    contributes_to: [alue#a1]\n    measures:\n    - {id: k1-1, title: X, progress: {2025: {status: delayed}}}\n    - {id: k1-2, title: Y}\n  - {id: k2, title: K2, measures: [{id: k2-1, title: Z, contributes_to: [alue#a1]}]}\n  - {id: k3, title: K3}\n",
        );
        let plans = vec![region, town];
        let mut diags = Vec::new();
        let links = Links::resolve(&plans, &mut diags);
        assert!(diags.is_empty(), "{diags:?}");
        let t = table(&plans, &links, 0);
        assert_eq!(t.columns, vec![0, 1]);
        let a = &t.rows[0];
        assert_eq!(
            (a[0].goals.len(), a[0].measures.len(), a[0].on_track),
            (1, 1, 1)
        );
        assert_eq!(a[0].joint, 1);
        assert_eq!(
            (
                a[1].goals.len(),
                a[1].measures.len(),
                a[1].off_track,
                a[1].not_reported
            ),
            (2, 3, 1, 2)
        );
        assert!(t.rows[1][1].is_empty(), "nothing of the town under B");
        assert_eq!(t.unlinked[1].goals.len(), 1, "k3 serves nothing");
        assert!(t.unlinked[0].is_empty());
    }
}
