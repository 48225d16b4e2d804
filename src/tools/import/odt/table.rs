//! OpenDocument tables: header rows (`table:table-header-rows`), spans
//! (`number-columns-spanned`, `number-rows-spanned`) whose covered places are
//! `covered-table-cell`s, repeated rows and cells, and tables inside cells.

use super::super::model::{Block, Cell, Table, MAX_SPAN};
use super::super::xml::{Element, Ns};
use super::body::Reader;

/// A vertical span still open: its first column, its width and the rows it still covers.
struct Below {
    column: usize,
    width: usize,
    rows: usize,
}

impl Reader<'_> {
    pub(super) fn table(&mut self, t: &Element, out: &mut Vec<Block>) {
        let number = self.next_table();
        self.table_depth += 1;
        let mut rows = Vec::new();
        let mut header_rows = 0;
        let mut missing = Vec::new();
        let mut below: Vec<Below> = Vec::new();
        for (tr, header) in table_rows(t, false) {
            let repeat = count(tr, "number-rows-repeated");
            for _ in 0..repeat {
                let cells = self.row(tr, &mut below, &mut missing);
                if header && header_rows == rows.len() {
                    header_rows += 1;
                }
                rows.push(cells);
            }
        }
        self.table_depth -= 1;
        out.push(Block::Table(Table::from_rows(number, header_rows, rows)));
        out.extend(missing);
    }

    fn row(&mut self, tr: &Element, below: &mut Vec<Below>, missing: &mut Vec<Block>) -> Vec<Cell> {
        let mut cells = Vec::new();
        let mut column = 0;
        // Covered places left of this row's own spans, to skip.
        let mut skip = 0;
        for tc in tr.elements() {
            let covered = tc.is(Ns::Table, "covered-table-cell");
            if !covered && !tc.is(Ns::Table, "table-cell") {
                continue;
            }
            for _ in 0..count(tc, "number-columns-repeated") {
                if covered && skip > 0 {
                    skip -= 1;
                    continue;
                }
                if covered {
                    let open = below.iter_mut().find(|b| b.column == column && b.rows > 0);
                    let width = open.map_or(1, |b| {
                        b.rows -= 1;
                        skip = b.width - 1;
                        b.width
                    });
                    cells.push(Cell {
                        columns: width,
                        rows: 1,
                        covered: true,
                        ..Cell::default()
                    });
                    column += width;
                    continue;
                }
                let columns = count(tc, "number-columns-spanned");
                let spanned = count(tc, "number-rows-spanned");
                if spanned > 1 {
                    below.retain(|b| b.column != column);
                    below.push(Below {
                        column,
                        width: columns,
                        rows: spanned - 1,
                    });
                }
                let mut blocks = Vec::new();
                self.blocks(tc, &mut blocks);
                let (cell, left) = Cell::from_blocks(blocks, columns, false);
                missing.extend(left);
                cells.push(cell);
                skip = columns - 1;
                column += columns;
            }
        }
        cells
    }
}

/// A count attribute of the table namespace: at least 1, at most [`MAX_SPAN`].
fn count(e: &Element, name: &str) -> usize {
    e.attr(Ns::Table, name)
        .and_then(|v| v.parse::<usize>().ok())
        .unwrap_or(1)
        .clamp(1, MAX_SPAN)
}

/// The rows of a table, each with whether it is a header row, through row groups.
fn table_rows(e: &Element, header: bool) -> Vec<(&Element, bool)> {
    let mut out = Vec::new();
    for c in e.elements() {
        match (c.ns, c.name.as_str()) {
            (Ns::Table, "table-row") => out.push((c, header)),
            (Ns::Table, "table-header-rows") => out.extend(table_rows(c, true)),
            (Ns::Table, "table-rows" | "table-row-group") => out.extend(table_rows(c, header)),
            _ => {}
        }
    }
    out
}
