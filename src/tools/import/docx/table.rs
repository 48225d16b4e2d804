//! Word tables as a grid of cells: header rows (marked to repeat on each page), cells that
//! span columns (`w:gridSpan`) or rows (`w:vMerge`), and tables inside cells, which are
//! flattened into their cell's text (the author is told).

use super::super::model::{Block, Cell, Table};
use super::super::xml::{Element, Ns};
use super::body::Reader;
use super::styles::on;

use super::super::model::MAX_SPAN;

impl Reader<'_> {
    pub(super) fn table(&mut self, tbl: &Element, out: &mut Vec<Block>) {
        let number = self.next_table();
        self.table_depth += 1;
        let mut rows = Vec::new();
        let mut header_rows = 0;
        let mut missing = Vec::new();
        for tr in wrapped(tbl, "tr") {
            let trpr = tr.child(Ns::W, "trPr");
            let header = trpr
                .and_then(|p| p.child(Ns::W, "tblHeader"))
                .is_some_and(on);
            if header && header_rows == rows.len() {
                header_rows += 1;
            }
            let mut cells = Vec::new();
            let before = trpr
                .and_then(|p| p.child(Ns::W, "gridBefore"))
                .and_then(|g| g.attr(Ns::W, "val"))
                .and_then(|v| v.parse::<usize>().ok())
                .unwrap_or(0);
            if before > 0 {
                cells.push(Cell {
                    columns: before.min(MAX_SPAN),
                    rows: 1,
                    ..Cell::default()
                });
            }
            for tc in wrapped(tr, "tc") {
                cells.push(self.cell(tc, &mut missing));
            }
            rows.push(cells);
        }
        self.table_depth -= 1;
        out.push(Block::Table(Table::from_rows(number, header_rows, rows)));
        out.extend(missing);
    }

    fn cell(&mut self, tc: &Element, missing: &mut Vec<Block>) -> Cell {
        let tcpr = tc.child(Ns::W, "tcPr");
        let columns = tcpr
            .and_then(|p| p.child(Ns::W, "gridSpan"))
            .and_then(|g| g.attr(Ns::W, "val"))
            .and_then(|v| v.parse::<usize>().ok())
            .unwrap_or(1)
            .clamp(1, MAX_SPAN);
        let covered = tcpr
            .and_then(|p| p.child(Ns::W, "vMerge"))
            .is_some_and(|m| m.attr(Ns::W, "val") != Some("restart"));
        let mut blocks = Vec::new();
        self.blocks(tc, &mut blocks);
        let (cell, left) = Cell::from_blocks(blocks, columns, covered);
        missing.extend(left);
        cell
    }
}

/// The children named `w:<name>` of `e`, also inside content controls and custom markup.
fn wrapped<'a>(e: &'a Element, name: &str) -> Vec<&'a Element> {
    let mut out = Vec::new();
    for c in e.elements() {
        if c.is(Ns::W, name) {
            out.push(c);
        } else if c.ns == Ns::W
            && matches!(c.name.as_str(), "sdt" | "sdtContent" | "customXml" | "ins")
        {
            out.extend(wrapped(c, name));
        }
    }
    out
}
