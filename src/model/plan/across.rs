//! The region-wide view of the plans (spec §13.3): the regional plan's focus areas against
//! every plan of the site, with which goals and measures each has there and how many are on
//! track. Counts only; the page is made by `render`.

use super::links::{self, GoalId, Links};
use super::{Measure, Plan, Scope, Status};

/// A measure's follow-up in a word: its status in the year the view is of. The words are
/// the badges' own: planned is planned, and only a measure with no status for the year is
/// not reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Standing {
    /// Started, ongoing or done.
    OnTrack,
    /// Delayed, paused or dropped.
    OffTrack,
    /// Planned.
    Planned,
    /// No status reported for the year.
    NotReported,
}

impl Standing {
    pub(crate) fn of_status(status: Option<Status>) -> Standing {
        match status {
            Some(Status::Started | Status::Ongoing | Status::Done) => Standing::OnTrack,
            Some(Status::Delayed | Status::Paused | Status::Dropped) => Standing::OffTrack,
            Some(Status::Planned) => Standing::Planned,
            None => Standing::NotReported,
        }
    }
}

/// A measure's status in `year` (its latest one when there is no year: a plan nobody reports
/// on yet).
fn status_in(m: &Measure, year: Option<i32>) -> Option<Status> {
    match year {
        Some(y) => m.progress.get(&y).map(|p| p.status),
        None => m.latest().map(|(_, p)| p.status),
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
    pub planned: usize,
    pub not_reported: usize,
}

impl Cell {
    fn add(
        &mut self,
        plans: &[Plan],
        year: Option<i32>,
        g: GoalId,
        measures: impl IntoIterator<Item = usize>,
    ) {
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
            match Standing::of_status(status_in(m, year)) {
                Standing::OnTrack => self.on_track += 1,
                Standing::OffTrack => self.off_track += 1,
                Standing::Planned => self.planned += 1,
                Standing::NotReported => self.not_reported += 1,
            }
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.goals.is_empty()
    }
}

/// The table: a column per plan (the regional plan first), a row per regional focus area,
/// and a last row of what of the other plans serves no regional goal, so that every measure
/// of every plan is in the table.
#[derive(Debug)]
pub(crate) struct Table {
    /// The year whose statuses are counted: the newest any plan of the table reports.
    pub year: Option<i32>,
    /// Plan indices, the regional plan first.
    pub columns: Vec<usize>,
    /// By focus area of the regional plan, a cell per column.
    pub rows: Vec<Vec<Cell>>,
    /// By column: the goals and measures in no row (empty for the regional plan's own).
    pub unlinked: Vec<Cell>,
    /// By column: the measures that serve the regional plan, by status in `year`.
    pub counts: Vec<StatusCounts>,
}

/// How many of a plan's measures had each status in a year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct StatusCounts {
    /// The plan, by index.
    pub plan: usize,
    /// By [`Status::ALL`].
    pub by_status: [usize; 7],
    pub not_reported: usize,
    pub total: usize,
}

/// The region-wide table of regional plan `regional` among `plans`.
pub(crate) fn table(plans: &[Plan], links: &Links, regional: usize) -> Table {
    let columns: Vec<usize> = std::iter::once(regional)
        .chain((0..plans.len()).filter(|p| *p != regional))
        .collect();
    let year = columns.iter().filter_map(|p| plans[*p].latest_year()).max();
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
            cells[0].add(plans, year, target, 0..fa.goals[gi].measures.len());
            for (g, mi) in links.contributing_measures(plans, target) {
                if let Some(col) = columns.iter().position(|c| *c == g.plan) {
                    cells[col].add(plans, year, g, [mi]);
                }
            }
            for c in links.contributors(target) {
                if let Some(col) = columns.iter().position(|p| *p == c.from.plan) {
                    cells[col].add(plans, year, c.from, []);
                }
            }
        }
        rows.push(cells);
    }
    let unlinked = (0..columns.len())
        .map(|col| unlinked(plans, year, columns[col], rows.iter().map(|r| &r[col])))
        .collect();
    let counts = counts_by_plan(plans, links, regional, year);
    Table {
        year,
        counts: columns
            .iter()
            .map(|p| {
                counts
                    .iter()
                    .find(|c| c.plan == *p)
                    .cloned()
                    .unwrap_or(StatusCounts {
                        plan: *p,
                        by_status: [0; 7],
                        not_reported: 0,
                        total: 0,
                    })
            })
            .collect(),
        columns,
        rows,
        unlinked,
    }
}

/// What of plan `p` none of its row cells holds: goals in no row, and every measure no row
/// counts (also those of a goal that is in a row through another of its measures).
fn unlinked<'c>(
    plans: &[Plan],
    year: Option<i32>,
    p: usize,
    cells: impl Iterator<Item = &'c Cell>,
) -> Cell {
    let mut goals = std::collections::BTreeSet::new();
    let mut measures = std::collections::BTreeSet::new();
    for c in cells {
        goals.extend(c.goals.iter().copied());
        measures.extend(c.measures.iter().copied());
    }
    let mut cell = Cell::default();
    for (id, g) in links::goal_ids(&plans[p], p) {
        let left: Vec<usize> = (0..g.measures.len())
            .filter(|mi| !measures.contains(&(id, *mi)))
            .collect();
        if !goals.contains(&id) || !left.is_empty() {
            cell.add(plans, year, id, left);
        }
    }
    cell
}

/// The statuses in `year` of the regional plan's measures and of every measure that serves
/// one of its goals, by plan (the regional plan first, then the others in their order; each
/// measure once). The annual report's table by organisation and the region-wide view both
/// count with this, so the two always agree.
pub(crate) fn counts_by_plan(
    plans: &[Plan],
    links: &Links,
    regional: usize,
    year: Option<i32>,
) -> Vec<StatusCounts> {
    let mut measures: Vec<(GoalId, usize)> = Vec::new();
    for (id, g) in links::goal_ids(&plans[regional], regional) {
        measures.extend((0..g.measures.len()).map(|m| (id, m)));
        measures.extend(links.contributing_measures(plans, id));
    }
    measures.sort_by_key(|(g, m)| (g.plan != regional, *g, *m));
    measures.dedup();
    let mut out: Vec<StatusCounts> = Vec::new();
    for (g, mi) in measures {
        if out.last().is_none_or(|c| c.plan != g.plan) {
            out.push(StatusCounts {
                plan: g.plan,
                by_status: [0; 7],
                not_reported: 0,
                total: 0,
            });
        }
        let (_, _, goal) = links::goal(plans, g);
        let row = out.last_mut().expect("pushed above");
        row.total += 1;
        match status_in(&goal.measures[mi], year) {
            Some(s) => row.by_status[Status::ALL.iter().position(|a| *a == s).unwrap_or(0)] += 1,
            None => row.not_reported += 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::plan::tests::plan_at;

    #[test]
    fn a_plan_with_nothing_under_a_focus_area_has_an_empty_cell() {
        let region = plan_at(
            "alue",
            "focus_areas:\n- id: a\n  title: A\n  goals:\n  - {id: a1, title: A1, measures: [{id: m, title: M, partners: [kuopio], progress: {2025: {status: ongoing}}}]}\n- id: b\n  title: B\n  goals:\n  - {id: b1, title: B1}\n",
        );
        let town = plan_at(
            "kunta",
            "focus_areas:\n- id: k\n  title: K\n  goals:\n  - id: k1\n    title: K1\n    contributes_to: [alue#a1]\n    measures:\n    - {id: k1-1, title: X, progress: {2025: {status: delayed}}}\n    - {id: k1-2, title: Y}\n  - {id: k2, title: K2, measures: [{id: k2-1, title: Z, contributes_to: [alue#a1]}, {id: k2-2, title: W, progress: {2025: {status: planned}}}]}\n  - {id: k3, title: K3}\n",
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
        // k3 serves nothing; k2 is in a row through k2-1, but k2-2 serves nothing: every
        // measure of the town is counted once, and planned is planned, not "not reported".
        let u = &t.unlinked[1];
        assert_eq!((u.goals.len(), u.measures.len(), u.planned), (2, 1, 1));
        assert!(t.unlinked[0].is_empty());
        assert_eq!(t.year, Some(2025));
        assert_eq!(
            a[1].measures.len() + u.measures.len(),
            4,
            "the town's four measures"
        );
        // The statuses by plan count what serves the regional plan: the town's k1-1, k1-2
        // and k2-1 (not k2-2).
        let town = &t.counts[1];
        assert_eq!(
            (town.total, town.not_reported, town.by_status[4]),
            (3, 2, 1)
        );
    }
}
