//! The columns of a measures sheet (content format §13.2), by their Finnish, Swedish or
//! English headers.

use crate::base::messages::Msg;
use crate::msg;
/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Column {
    Goal,
    Id,
    Title,
    Description,
    Responsible,
    Partners,
    Joint,
    Statutory,
    WorkType,
    Maturity,
    Schedule,
    Indicators,
    Status(i32),
    Note(i32),
    ContributesTo,
}

/// Headers by column, Finnish first (the hint lists these).
const HEADERS: &[(Column, &[&str])] = &[
    (Column::Goal, &["tavoite", "mål", "goal"]),
    (Column::Id, &["tunnus", "id"]),
    (Column::Title, &["toimenpide", "åtgärd", "measure"]),
    (
        Column::Description,
        &["kuvaus", "beskrivning", "description"],
    ),
    (
        Column::Responsible,
        &["vastuutaho", "ansvarig", "responsible"],
    ),
    (
        Column::Partners,
        &["yhteistyötahot", "samarbetspartner", "partners"],
    ),
    (Column::Joint, &["yhteinen", "gemensam", "joint"]),
    (
        Column::Statutory,
        &["lakisääteinen", "lagstadgad", "statutory"],
    ),
    (
        Column::WorkType,
        &["työn laji", "arbetets art", "work type"],
    ),
    (Column::Maturity, &["kypsyys", "mognad", "maturity"]),
    (Column::Schedule, &["aikataulu", "tidtabell", "schedule"]),
    (
        Column::Indicators,
        &["mittarit", "indikatorer", "indicators"],
    ),
    (
        Column::ContributesTo,
        &["edistää", "främjar", "contributes to"],
    ),
];

/// Headers of the yearly columns, followed by the year.
const STATUS: &[&str] = &["tila", "status"];
const NOTE: &[&str] = &["huomio", "anmärkning", "note"];

/// Lower case, single spaces; `_` and `-` are spaces.
fn normalize(s: &str) -> String {
    s.to_lowercase()
        .replace(['_', '-'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The Finnish header of the column a header names (`mål` → `tavoite`): how other readers of
/// tables (`kertomus import`) write a sheet this reader takes.
pub(crate) fn finnish_header(header: &str) -> Option<&'static str> {
    let h = normalize(header);
    HEADERS
        .iter()
        .find(|(_, names)| names.iter().any(|n| normalize(n) == h))
        .map(|(_, names)| names[0])
}

/// The column a header names, or the message and hint for an unknown one.
pub(super) fn column(header: &str) -> Result<Column, (Msg, Msg)> {
    let h = normalize(header);
    if let Some((c, _)) = HEADERS
        .iter()
        .find(|(_, names)| names.iter().any(|n| normalize(n) == h))
    {
        return Ok(*c);
    }
    if let Some((word, year)) = h.rsplit_once(' ') {
        if let Ok(year) = year.parse::<i32>() {
            if STATUS.contains(&word) {
                return Ok(Column::Status(year));
            }
            if NOTE.contains(&word) {
                return Ok(Column::Note(year));
            }
        }
    }
    let mut known: Vec<&str> = HEADERS.iter().map(|(_, n)| n[0]).collect();
    known.extend(["tila 2026", "huomio 2026"]);
    let all: Vec<&str> = HEADERS
        .iter()
        .flat_map(|(_, n)| n.iter().copied())
        .collect();
    let hint = match crate::base::yaml::closest(&h, &all) {
        Some(c) => msg!(
            "did you mean `{c}`? The columns are: {known}",
            c,
            known = known.join(", ")
        ),
        None => msg!("the columns are: {known}", known = known.join(", ")),
    };
    Err((
        msg!("unknown column `{header}`", header = header.trim()),
        hint,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_in_three_languages_any_case() {
        assert_eq!(column("Tavoite"), Ok(Column::Goal));
        assert_eq!(column("MÅL"), Ok(Column::Goal));
        assert_eq!(column("work_type"), Ok(Column::WorkType));
        assert_eq!(column("Työn  laji"), Ok(Column::WorkType));
        assert_eq!(column("Tila 2026"), Ok(Column::Status(2026)));
        assert_eq!(column("anmärkning 2025"), Ok(Column::Note(2025)));
        let (message, hint) = column("vastuu taho").unwrap_err();
        assert_eq!(message, "unknown column `vastuu taho`");
        assert!(
            hint.to_string().starts_with("did you mean `vastuutaho`?"),
            "{hint}"
        );
    }
}
