//! Measures from spreadsheets (content format §13.2): `measures_from:` in plan.yaml names
//! `.xlsx`, `.ods` or `.csv` files, one row per measure under a header row. Each row becomes a
//! [`RawMeasure`] of the goal in its `tavoite` column, resolved exactly as a measure written in
//! plan.yaml. Problems are reported as `file:sheet!CELL` with the cell's text: the sheet is
//! also a [`Source`] whose lines stand for its cells (see `locate::Source`).

mod cells;
mod columns;
mod grid;

use super::raw::RawMeasure;
use crate::base::diagnostics::Diagnostic;
use crate::base::locate::Source;
use crate::base::messages::Msg;
use crate::base::text::Text;
use crate::msg;
use cells::{list, parse_row, Parsed};
pub(crate) use columns::finnish_header;
use columns::Column;
use grid::Cell;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

/// One entry of `measures_from`: a file, or a file with its sheet and default organisation.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub(crate) enum RawSheetRef {
    File(String),
    Full(RawSheet),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawSheet {
    file: String,
    #[serde(default)]
    sheet: Option<String>,
    /// The responsible party of rows that name none.
    #[serde(default)]
    organisation: Option<String>,
}

impl RawSheetRef {
    pub(crate) fn file(&self) -> &str {
        match self {
            RawSheetRef::File(f) => f,
            RawSheetRef::Full(s) => &s.file,
        }
    }

    fn sheet(&self) -> Option<&str> {
        match self {
            RawSheetRef::File(_) => None,
            RawSheetRef::Full(s) => s.sheet.as_deref(),
        }
    }

    fn organisation(&self) -> Option<&str> {
        match self {
            RawSheetRef::File(_) => None,
            RawSheetRef::Full(s) => s.organisation.as_deref(),
        }
    }
}

/// A measure of a sheet and the goal it belongs to, with the offset of its goal cell in the
/// sheet's source.
pub(crate) struct SheetMeasure {
    pub goal: String,
    pub goal_at: usize,
    pub measure: RawMeasure,
}

/// A sheet read: its source (for positions) and its measures.
pub(crate) struct Sheet {
    pub source: Source,
    pub measures: Vec<SheetMeasure>,
}

/// Reads the sheet at `rel` (relative to `content/`); problems go to `diags`.
pub(crate) fn read(
    content: &Path,
    rel: &Path,
    r: &RawSheetRef,
    diags: &mut Vec<Diagnostic>,
) -> Option<Sheet> {
    let shown = Path::new("content").join(rel);
    let rows = match grid::read(&content.join(rel), &shown, r.sheet()) {
        Ok(rows) => rows,
        Err(d) => {
            diags.push(d);
            return None;
        }
    };
    let mut rows = rows.into_iter();
    let header = rows.next().unwrap_or_default();
    let columns = header_columns(&header, &shown, diags)?;
    let mut out = Writer::new(&shown);
    for row in rows {
        out.row(&columns, &row, r.organisation(), diags);
    }
    Some(out.finish())
}

/// The columns of the header row; `None` (with the errors) when it cannot be used.
fn header_columns(
    header: &[Cell],
    shown: &Path,
    diags: &mut Vec<Diagnostic>,
) -> Option<Vec<Option<Column>>> {
    let before = diags.len();
    let mut columns = Vec::new();
    for cell in header {
        if cell.text.trim().is_empty() {
            columns.push(None);
            continue;
        }
        match columns::column(&cell.text) {
            Ok(c) if columns.contains(&Some(c)) => {
                diags.push(Diagnostic::in_cell(
                    shown,
                    &cell.name,
                    &cell.text,
                    msg!("this column is given twice"),
                ));
            }
            Ok(c) => columns.push(Some(c)),
            Err((message, hint)) => {
                diags.push(
                    Diagnostic::in_cell(shown, &cell.name, &cell.text, message).with_hint(hint),
                );
                columns.push(None);
            }
        }
    }
    for (needed, name) in [(Column::Goal, "tavoite"), (Column::Title, "toimenpide")] {
        if !columns.contains(&Some(needed)) {
            diags.push(
                Diagnostic::file_error(shown, msg!("the sheet has no `{name}` column", name))
                    .with_hint(msg!(
                        "the first row names the columns: tavoite, toimenpide, vastuutaho, …"
                    )),
            );
        }
    }
    (diags.len() == before).then_some(columns)
}

/// Builds the measures and the source text whose lines stand for the cells.
struct Writer {
    source: Source,
    cells: Vec<(String, String)>,
    measures: Vec<SheetMeasure>,
}

impl Writer {
    fn new(shown: &Path) -> Writer {
        Writer {
            source: Source::new(shown, String::new()),
            cells: Vec::new(),
            measures: Vec::new(),
        }
    }

    /// Adds a `key: value` line standing for `cell`; returns its offset.
    fn line(&mut self, key: &str, value: &str, cell: &Cell) -> usize {
        let at = self.source.text.len();
        let value: String = value.chars().filter(|c| *c != '\n').collect();
        self.source.push_str(&format!("{key}: {value}\n"));
        self.cells.push((cell.name.clone(), cell.text.clone()));
        at
    }

    fn row(
        &mut self,
        columns: &[Option<Column>],
        row: &[Cell],
        organisation: Option<&str>,
        diags: &mut Vec<Diagnostic>,
    ) {
        let mut by: BTreeMap<Column, &Cell> = BTreeMap::new();
        for (c, cell) in columns.iter().zip(row) {
            if let Some(c) = c {
                if !cell.text.trim().is_empty() {
                    by.insert(*c, cell);
                }
            }
        }
        let path = self.source.path.clone();
        let cell_error = |cell: &Cell, message: Msg, hint: Msg| {
            Diagnostic::in_cell(path.clone(), &cell.name, &cell.text, message).with_hint(hint)
        };
        let Some(goal) = by.get(&Column::Goal).copied() else {
            diags.push(cell_error(
                &row[0],
                msg!("the row names no goal (tavoite)"),
                msg!("write the id of a goal of plan.yaml in the tavoite column"),
            ));
            return;
        };
        let Some(title) = by.get(&Column::Title).copied() else {
            diags.push(cell_error(
                goal,
                msg!("the row has no measure (toimenpide)"),
                msg!("write the measure's title in the toimenpide column"),
            ));
            return;
        };
        let responsible = list(by.get(&Column::Responsible).map(|c| c.text.as_str()))
            .or_else(|| organisation.map(|o| vec![o.to_string()]))
            .unwrap_or_default();
        if responsible.is_empty() {
            diags.push(cell_error(
                goal,
                msg!("the row names no responsible party (vastuutaho)"),
                msg!("fill in the vastuutaho column, or give the file an organisation in measures_from"),
            ));
        }
        let parsed = parse_row(&by, diags, &cell_error);
        let goal_id = goal.text.trim().to_string();
        let id = by.get(&Column::Id).map_or_else(
            || format!("{goal_id}-r{}", goal.row),
            |c| c.text.trim().to_string(),
        );
        let partners = list(by.get(&Column::Partners).map(|c| c.text.as_str())).unwrap_or_default();
        let goal_at = self.lines(&by, goal, &id, &responsible, &partners, &parsed);
        self.measures.push(SheetMeasure {
            goal: goal_id,
            goal_at,
            measure: RawMeasure {
                id,
                title: Text::plain(title.text.trim().to_string()),
                description: by
                    .get(&Column::Description)
                    .map(|c| Text::plain(c.text.clone())),
                responsible,
                partners,
                scope: parsed.scope,
                statutory: parsed.statutory,
                work_type: parsed.work_type,
                maturity: parsed.maturity,
                schedule: parsed.schedule,
                indicators: parsed.indicators,
                progress: parsed.progress,
                contributes_to: parsed.contributes_to,
                sheet: None,
            },
        });
    }

    /// The measure's lines in the source, in the order the resolver looks keys up; a value
    /// without a cell of its own stands at the goal cell. Returns the goal line's offset.
    fn lines(
        &mut self,
        by: &BTreeMap<Column, &Cell>,
        goal: &Cell,
        id: &str,
        responsible: &[String],
        partners: &[String],
        parsed: &Parsed<'_>,
    ) -> usize {
        let cell = |c: Column| by.get(&c).copied().unwrap_or(goal);
        self.line("- id", id, cell(Column::Id));
        let goal_at = self.line("  goal", goal.text.trim(), goal);
        self.line(
            "  responsible",
            &responsible.join(", "),
            cell(Column::Responsible),
        );
        self.line("  partners", &partners.join(", "), cell(Column::Partners));
        let ids: Vec<&str> = parsed.indicators.iter().map(|i| i.id.as_str()).collect();
        self.line("  indicators", &ids.join(", "), cell(Column::Indicators));
        for (year, status) in &parsed.status_cells {
            self.line("  progress", &year.to_string(), status);
        }
        if let Some(c) = parsed.contributes_cell {
            self.line("  contributes_to", &parsed.contributes_to.join(", "), c);
        }
        goal_at
    }

    fn finish(mut self) -> Sheet {
        self.source.cells = Some(self.cells);
        Sheet {
            source: self.source,
            measures: self.measures,
        }
    }
}
