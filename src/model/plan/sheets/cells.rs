//! The typed values of a sheet row's cells, read as YAML reads them, so that every language
//! and synonym of content format §13.1 works in sheets too.

use super::columns::Column;
use super::grid::Cell;
use crate::base::diagnostics::Diagnostic;
use crate::base::messages::Msg;
use crate::base::text::Text;
use crate::model::plan::raw::{RawMeasureIndicator, RawProgress};
use crate::model::plan::{Maturity, Scope, WorkType};
use crate::msg;
use serde::de::value::StrDeserializer;
use serde::Deserialize;
use std::collections::BTreeMap;

/// Ids separated by `,` or `;`; `None` for an empty cell.
pub(super) fn list(text: Option<&str>) -> Option<Vec<String>> {
    let ids: Vec<String> = text?
        .split([',', ';'])
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    (!ids.is_empty()).then_some(ids)
}

/// The typed values of one row's cells.
#[derive(Default)]
pub(super) struct Parsed<'c> {
    pub(super) scope: Option<Scope>,
    pub(super) statutory: bool,
    pub(super) work_type: Option<WorkType>,
    pub(super) maturity: Option<Maturity>,
    pub(super) schedule: Option<crate::base::dates::YearRange>,
    pub(super) indicators: Vec<RawMeasureIndicator>,
    pub(super) progress: BTreeMap<i32, RawProgress>,
    pub(super) status_cells: Vec<(i32, &'c Cell)>,
    /// `document#goal` targets in other plans (spec §13.3).
    pub(super) contributes_to: Vec<String>,
    pub(super) contributes_cell: Option<&'c Cell>,
}

/// A cell's text as a value of the format, read as YAML would read it (so every language
/// and synonym of §13.1 works here too).
fn value<'de, T: Deserialize<'de>>(text: &'de str) -> Result<T, (Msg, Msg)> {
    read(text, T::deserialize)
}

/// Reads `text` with a deserializing function; an error as its message and hint.
fn read<'de, T>(
    text: &'de str,
    with: impl FnOnce(
        StrDeserializer<'de, serde::de::value::Error>,
    ) -> Result<T, serde::de::value::Error>,
) -> Result<T, (Msg, Msg)> {
    with(StrDeserializer::new(text.trim())).map_err(|e| {
        let (message, hint) = crate::base::yaml::message_of(&e.to_string());
        let hint = hint.unwrap_or_else(|| msg!("see the guide's table of the sheet's columns"));
        (message, hint)
    })
}

pub(super) fn parse_row<'c>(
    by: &BTreeMap<Column, &'c Cell>,
    diags: &mut Vec<Diagnostic>,
    cell_error: &dyn Fn(&Cell, Msg, Msg) -> Diagnostic,
) -> Parsed<'c> {
    let mut p = Parsed::default();
    let mut fail = |cell: &Cell, (message, hint): (Msg, Msg)| {
        diags.push(cell_error(cell, message, hint));
    };
    for (column, cell) in by {
        let text = cell.text.as_str();
        match column {
            Column::Joint => match yes_no(text) {
                Ok(j) => p.scope = Some(if j { Scope::Joint } else { Scope::Own }),
                Err(e) => fail(cell, e),
            },
            Column::Statutory => match yes_no(text) {
                Ok(s) => p.statutory = s,
                Err(e) => fail(cell, e),
            },
            Column::WorkType => match value(text) {
                Ok(w) => p.work_type = Some(w),
                Err(e) => fail(cell, e),
            },
            Column::Maturity => match value(text) {
                Ok(m) => p.maturity = Some(m),
                Err(e) => fail(cell, e),
            },
            Column::Schedule => match value(text) {
                Ok(s) => p.schedule = Some(s),
                Err(e) => fail(cell, e),
            },
            Column::Indicators => {
                for item in list(Some(text)).unwrap_or_default() {
                    match indicator(&item) {
                        Ok(i) => p.indicators.push(i),
                        Err(e) => fail(cell, e),
                    }
                }
            }
            Column::Status(year) => match value(text) {
                Ok(status) => {
                    let note = by
                        .get(&Column::Note(*year))
                        .map(|c| Text::plain(c.text.clone()));
                    p.progress.insert(*year, RawProgress { status, note });
                    p.status_cells.push((*year, cell));
                }
                Err(e) => fail(cell, e),
            },
            Column::Note(year) if !by.contains_key(&Column::Status(*year)) => fail(
                cell,
                (
                    msg!("a note for {year} without a status", year),
                    msg!("fill in the tila {year} column too", year),
                ),
            ),
            Column::ContributesTo => {
                p.contributes_to = list(Some(text)).unwrap_or_default();
                p.contributes_cell = Some(cell);
            }
            _ => {}
        }
    }
    p
}

/// Yes or no in any of the three languages.
fn yes_no(text: &str) -> Result<bool, (Msg, Msg)> {
    read(text, crate::base::vocabulary::yes_no)
}

/// `4` or `4 (tulos)`: an indicator id and, in parentheses, its kind.
fn indicator(item: &str) -> Result<RawMeasureIndicator, (Msg, Msg)> {
    let (id, kind) = match item.split_once('(') {
        Some((id, rest)) => (id.trim(), Some(rest.trim_end_matches(')').trim())),
        None => (item.trim(), None),
    };
    Ok(RawMeasureIndicator {
        id: id.to_string(),
        kind: kind.map(value).transpose()?,
    })
}
