//! A plan table on its page: the focus area's goals shortcode where the table stood, the
//! rows that could not be read below it as a table, and an item for each of those rows and
//! for each name the site does not know.

use super::super::markdown::Page;
use super::super::mdtext::escape;
use super::super::model::{Inline, Table};
use super::super::tables::Slot;
use super::rows::{measure, RowText, Unknown};
use super::{column, Col, FocusArea, CSV};
use crate::msg;

/// A place's text: the cell's own, or the cell above's for a place it covers.
fn plain(slot: &Option<Slot<'_>>) -> String {
    match slot {
        Some(s) if s.first || s.below => {
            let ps: Vec<String> = s.cell.paragraphs.iter().map(|p| Inline::plain(p)).collect();
            ps.join("\n")
        }
        _ => String::new(),
    }
}

impl Page<'_, '_> {
    /// Writes a plan table as the plan's focus area (and the rows it could not read); false
    /// when the table is no plan table.
    pub(crate) fn plan_table(&mut self, t: &Table, grid: &[Vec<Option<Slot<'_>>>]) -> bool {
        let header: Vec<String> = grid[0].iter().map(plain).collect();
        let cols: Vec<Col> = header.iter().map(|h| column(h)).collect();
        if !cols.contains(&Col::Goal) || !cols.contains(&Col::Title) {
            return false;
        }
        let title = super::super::pages::clean(&self.heading);
        let id = self.cx.plan.id(&title, "painopiste");
        self.cx.plan.focus_areas.push(FocusArea {
            id: id.clone(),
            title,
            goals: Vec::new(),
        });
        let mut unknown = Unknown::new();
        let mut leftover = Vec::new();
        for (r, row) in grid.iter().enumerate().skip(1) {
            let text = RowText {
                number: r + 1,
                cols: &cols,
                header: &header,
                texts: row.iter().map(plain).collect(),
            };
            if text.texts.iter().all(|t| t.trim().is_empty()) {
                continue;
            }
            if let Err(reason) = measure(&mut self.cx.plan, self.cx.site, &text, &mut unknown) {
                let (table, row) = (t.number, r + 1);
                self.items.push(msg!("table {table}, row {row}: not read as a measure: {reason}", table, row, reason: reason));
                leftover.push(r);
            }
        }
        self.unknown_items(t.number, &cols, unknown);
        if self
            .cx
            .plan
            .focus_areas
            .last()
            .is_some_and(|f| f.goals.is_empty())
        {
            self.cx.plan.focus_areas.pop();
            self.items.push(msg!("table {table} looks like a plan table, but none of its rows names a goal; it was written as a table", table = t.number));
            return false;
        }
        self.block(&format!("{{{{ goals(focus_area=\"{id}\") }}}}"));
        if !leftover.is_empty() {
            self.leftover_rows(grid, &leftover);
        }
        true
    }

    /// One item per name the site does not know, with the rows it stands on.
    fn unknown_items(&mut self, table: usize, cols: &[Col], unknown: Unknown) {
        let column = |c: Col| cols.iter().position(|x| *x == c).map_or(0, |i| i + 1);
        for ((kind, name), rows) in unknown {
            let n = rows.len();
            let rows: Vec<String> = rows.iter().map(ToString::to_string).collect();
            let rows = rows.join(", ");
            let csv = CSV;
            self.items.push(match kind {
                0 => msg!("table {table}, {n|row|rows} {rows}, column {column}: responsible party \"{name}\" is not an organisation of the site: add it to content/data/organisations.yaml and its id to the vastuutaho column of {csv}", table, n, rows, name, column = column(Col::Responsible), csv),
                1 => msg!("table {table}, {n|row|rows} {rows}, column {column}: partner \"{name}\" is not an organisation of the site: add it to content/data/organisations.yaml and its id to the yhteistyötahot column of {csv}", table, n, rows, name, column = column(Col::Partners), csv),
                _ => msg!("table {table}, {n|row|rows} {rows}, column {column}: indicator \"{name}\" is not in content/data/indicators.yaml: add it there and its id to the mittarit column of {csv}", table, n, rows, name, column = column(Col::Indicators), csv),
            });
        }
    }

    /// The rows that were not read, as a table under the plan.
    fn leftover_rows(&mut self, grid: &[Vec<Option<Slot<'_>>>], rows: &[usize]) {
        let text = |s: &Option<Slot<'_>>| escape(&super::super::pages::clean(&plain(s)));
        let line = |cells: Vec<String>| format!("| {} |", cells.join(" | "));
        let lead = msg!("Rows of the plan table that could not be read as measures:");
        self.block(&escape(&lead.render(self.cx.site.lang)));
        let header: Vec<String> = grid[0].iter().map(text).collect();
        let mut lines = vec![line(header.clone())];
        lines.push(format!("|{}|", vec!["---"; header.len()].join("|")));
        for &r in rows {
            lines.push(line(grid[r].iter().map(text).collect()));
        }
        self.block(&lines.join("\n"));
    }
}
