//! Tables as Markdown tables, the closest honest shape: a merged cell's text stands in its
//! first place (a header's in each, so every column keeps a name), a table inside a cell is
//! written as its text, and the first row is the header row. Each of these is named for the
//! author with its place (table, row, column). A table of one cell is a box around text and
//! is written as that text. A table whose header names goals and measures is the plan
//! (`plan.rs`).

use super::markdown::{Mode, Page};
use super::model::{Cell, Inline, Table};
use crate::msg;

/// A place of the table's grid and the cell whose text it shows.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Slot<'t> {
    pub cell: &'t Cell,
    /// This place is the cell's own first place (not a copy to the right or below).
    pub first: bool,
    /// This place is below the cell's first row (a vertical merge).
    pub below: bool,
}

/// The table as a full grid: every row as wide as the widest.
pub(crate) fn grid(t: &Table) -> Vec<Vec<Option<Slot<'_>>>> {
    let width = t
        .rows
        .iter()
        .map(|r| r.iter().map(|c| c.columns).sum::<usize>())
        .max()
        .unwrap_or(0);
    let mut out: Vec<Vec<Option<Slot<'_>>>> = Vec::new();
    for row in &t.rows {
        let mut slots = vec![None; width];
        let mut col = 0;
        for cell in row {
            for k in 0..cell.columns {
                let Some(place) = slots.get_mut(col + k) else {
                    break;
                };
                *place = if cell.covered {
                    out.last()
                        .and_then(|above: &Vec<Option<Slot<'_>>>| above[col + k])
                        .map(|s| Slot {
                            first: false,
                            below: true,
                            ..s
                        })
                } else {
                    Some(Slot {
                        cell,
                        first: k == 0,
                        below: false,
                    })
                };
            }
            col += cell.columns;
        }
        out.push(slots);
    }
    out
}

/// Whether every text of the row is bold (a header row made by hand).
fn all_bold(row: &[Cell]) -> bool {
    let mut any = false;
    for p in row.iter().flat_map(|c| &c.paragraphs) {
        for i in p {
            match i {
                Inline::Text { text, bold, .. } if !text.trim().is_empty() => {
                    if !bold {
                        return false;
                    }
                    any = true;
                }
                _ => {}
            }
        }
    }
    any
}

impl Page<'_, '_> {
    pub(crate) fn table(&mut self, t: &Table) {
        let grid = grid(t);
        let empty = t.rows.iter().flatten().all(|c| {
            c.paragraphs
                .iter()
                .all(|p| Inline::plain(p).trim().is_empty())
        });
        if grid.is_empty() || empty {
            return;
        }
        if grid.len() == 1 && grid[0].len() == 1 {
            for p in &t.rows[0][0].paragraphs {
                let md = self.inline(p, Mode::Paragraph);
                self.block(&md);
            }
            return;
        }
        if self.plan_table(t, &grid) {
            return;
        }
        self.tables += 1;
        self.merge_items(t);
        self.header_items(t);
        let mut lines = Vec::new();
        for (r, row) in grid.iter().enumerate() {
            let cells: Vec<String> = row
                .iter()
                .map(|slot| match slot {
                    Some(s) if s.first || (r == 0 && !s.below) => self.cell_text(s.cell, r == 0),
                    _ => String::new(),
                })
                .collect();
            lines.push(format!("| {} |", cells.join(" | ")));
            if r == 0 {
                lines.push(format!("|{}|", vec!["---"; row.len()].join("|")));
            }
        }
        self.block(&lines.join("\n"));
    }

    /// A cell's paragraphs on one line.
    pub(crate) fn cell_text(&mut self, cell: &Cell, header: bool) -> String {
        let mode = if header { Mode::HeaderCell } else { Mode::Cell };
        let join = if self.cx.site.raw_html { "<br>" } else { " " };
        let texts: Vec<String> = cell
            .paragraphs
            .iter()
            .map(|p| self.inline(p, mode).replace('\n', " "))
            .filter(|t| !t.is_empty())
            .collect();
        texts.join(join)
    }

    fn merge_items(&mut self, t: &Table) {
        let table = t.number;
        for (r, row) in t.rows.iter().enumerate() {
            let mut column = 1;
            for cell in row {
                let row = r + 1;
                if !cell.covered && cell.columns > 1 && !cell.paragraphs.is_empty() {
                    let n = cell.columns;
                    self.items.push(msg!("table {table}, row {row}, column {column}: the cell spans {n} columns; its text is in the first of them", table, row, column, n));
                }
                if !cell.covered && cell.rows > 1 {
                    let n = cell.rows;
                    self.items.push(msg!("table {table}, row {row}, column {column}: the cell spans {n} rows; its text is in the top one", table, row, column, n));
                }
                if cell.nested_tables > 0 {
                    self.items.push(msg!("table {table}, row {row}, column {column}: a table inside the cell was written as text", table, row, column));
                }
                column += cell.columns;
            }
        }
    }

    fn header_items(&mut self, t: &Table) {
        let table = t.number;
        match t.header_rows {
            0 if t.rows.first().is_some_and(|r| all_bold(r)) => {}
            0 => self.items.push(msg!("table {table} has no header row: its first row was made the header; check that it names the columns", table)),
            1 => {}
            n => self.items.push(msg!("table {table} has {n} header rows; a web table has one, so the others became ordinary rows", table, n)),
        }
    }
}
