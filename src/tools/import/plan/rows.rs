//! One row of a plan table read into a measure: its goal (made if new), its title, its
//! responsible parties, partners and indicators matched to the site's, its schedule and id,
//! and a description that keeps everything else the row said.

use super::super::mdtext::{escape, tidy};
use super::super::site::{find, Known, SiteInfo};
use super::{Col, PlanBuilder, Row};
use crate::base::messages::Msg;
use crate::msg;
use std::collections::BTreeMap;

/// A name the site does not know: its kind (0 responsible party, 1 partner, 2 indicator) and
/// the name, with the rows it stands on.
pub(super) type Unknown = BTreeMap<(u8, String), Vec<usize>>;

/// The kinds of names and their columns.
const KINDS: [(u8, Col); 3] = [
    (0, Col::Responsible),
    (1, Col::Partners),
    (2, Col::Indicators),
];

/// One row of a plan table, as its columns' texts.
pub(super) struct RowText<'r> {
    /// 1-based, the header row being 1.
    pub number: usize,
    pub cols: &'r [Col],
    pub header: &'r [String],
    pub texts: Vec<String>,
}

impl RowText<'_> {
    pub(super) fn get(&self, c: Col) -> &str {
        self.cols
            .iter()
            .position(|x| *x == c)
            .map_or("", |i| self.texts[i].trim())
    }
}

/// Names in a cell: separated by commas, semicolons or lines.
fn names(text: &str) -> Vec<String> {
    text.split([',', ';', '\n'])
        .map(|s| tidy(s).trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

/// The known ids of `text`'s names, recording the unknown ones under `kind`.
fn resolve(
    text: &str,
    known: &[Known],
    kind: u8,
    row: usize,
    unknown: &mut Unknown,
) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    for name in names(text) {
        let bare = name.split(" (").next().unwrap_or(&name);
        match find(known, &name).or_else(|| find(known, bare)) {
            Some(id) if !ids.iter().any(|i| i == id) => ids.push(id.to_string()),
            Some(_) => {}
            None => unknown.entry((kind, name)).or_default().push(row),
        }
    }
    ids
}

/// Whether `s` may be a measure's id as written.
fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

/// The description's lines: what the row said that has no column of its own.
struct Notes<'r, 'h> {
    row: &'r RowText<'h>,
    lines: Vec<String>,
}

impl Notes<'_, '_> {
    /// Keeps the text of every column `col` of the row, with its header.
    fn add(&mut self, col: Col) {
        let row = self.row;
        for (i, c) in row.cols.iter().enumerate() {
            let text = tidy(&row.texts[i].replace('\n', "; "));
            if *c == col && !text.trim().is_empty() {
                let label = super::super::pages::clean(&row.header[i]);
                let label = escape(label.trim_end_matches(':'));
                self.lines
                    .push(format!("**{label}:** {}", escape(text.trim())));
            }
        }
    }
}

/// The responsible parties, partners and indicators of a row.
struct Parties {
    responsible: Vec<String>,
    partners: Vec<String>,
    indicators: Vec<String>,
}

impl Parties {
    /// Matched to the site's; a row with no known responsible party falls to the site's
    /// organisation, else it is no measure.
    fn of(row: &RowText<'_>, site: &SiteInfo, found: &mut Unknown) -> Result<Parties, Msg> {
        let n = row.number;
        let organisations = &site.organisations;
        let mut responsible = resolve(row.get(Col::Responsible), organisations, 0, n, found);
        let partners = resolve(row.get(Col::Partners), organisations, 1, n, found);
        let indicators = resolve(row.get(Col::Indicators), &site.indicators, 2, n, found);
        if responsible.is_empty() {
            match &site.organisation {
                Some(org) => responsible.push(org.clone()),
                None if row.get(Col::Responsible).is_empty() => return Err(msg!("the row names no responsible party, and the site has no organisation of its own (organisation in site.yaml) to stand in")),
                None => return Err(msg!("its responsible party is not an organisation of the site, and the site has no organisation of its own (organisation in site.yaml) to stand in")),
            }
        }
        Ok(Parties {
            responsible,
            partners,
            indicators,
        })
    }
}

/// Reads one row into a measure of the plan; the reason when it cannot be one. A row with a
/// goal but no measure still adds its goal.
pub(super) fn measure(
    plan: &mut PlanBuilder,
    site: &SiteInfo,
    row: &RowText<'_>,
    unknown: &mut Unknown,
) -> Result<(), Msg> {
    let goal = tidy(row.get(Col::Goal));
    if goal.trim().is_empty() {
        return Err(msg!("the row names no goal"));
    }
    let goal_id = plan.goal(goal.trim());
    let title = tidy(row.get(Col::Title));
    if title.trim().is_empty() {
        return Err(msg!("the row names no measure; its goal is in the plan"));
    }
    let mut found = Unknown::new();
    let parties = Parties::of(row, site, &mut found)?;
    let mut notes = Notes {
        row,
        lines: Vec::new(),
    };
    let schedule = row.get(Col::Schedule).to_string();
    let schedule = if crate::base::dates::YearRange::parse(&schedule).is_ok() {
        schedule
    } else {
        notes.add(Col::Schedule);
        String::new()
    };
    let id = measure_id(plan, row, &goal_id, &mut notes);
    for (kind, col) in KINDS {
        if found.keys().any(|(k, _)| *k == kind) {
            notes.add(col);
        }
    }
    notes.add(Col::Other);
    for (k, rows) in found {
        unknown.entry(k).or_default().extend(rows);
    }
    let own = escape(tidy(row.get(Col::Description)).trim());
    let description = std::iter::once(own)
        .chain(notes.lines)
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n");
    plan.rows.push(Row {
        goal: goal_id,
        id,
        title: title.trim().to_string(),
        responsible: parties.responsible,
        partners: parties.partners,
        indicators: parties.indicators,
        schedule,
        description,
    });
    Ok(())
}

/// The row's own id when it is one and free, else `<goal>-<n>`.
fn measure_id(
    plan: &mut PlanBuilder,
    row: &RowText<'_>,
    goal: &str,
    notes: &mut Notes<'_, '_>,
) -> String {
    let given = row.get(Col::Id);
    if is_id(given) && !plan.ids.contains(given) {
        plan.ids.insert(given.to_string());
        return given.to_string();
    }
    if !given.is_empty() {
        notes.add(Col::Id);
    }
    let count = plan.rows.iter().filter(|r| r.goal == goal).count();
    plan.unique(format!("{goal}-{}", count + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_split_at_commas_semicolons_and_lines() {
        assert_eq!(
            names("Sivistystoimi, Hyvinvointialue;\nJärjestöt"),
            ["Sivistystoimi", "Hyvinvointialue", "Järjestöt"]
        );
    }
}
