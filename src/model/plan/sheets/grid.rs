//! A sheet's cells as text with their names: `.xlsx` and `.ods` through calamine, `.csv` through
//! the csv crate. Numbers read as the author sees them (`475`, not `475.0`).

use crate::base::diagnostics::Diagnostic;
use crate::msg;
use calamine::{Data, Reader};
use std::path::Path;

/// One cell: its text and its name (`Toimenpiteet!C5`; in a CSV file `5:3`).
#[derive(Debug, Clone)]
pub(super) struct Cell {
    pub text: String,
    pub name: String,
    /// 1-based row of the sheet.
    pub row: usize,
}

/// The rows of the sheet, each cell named; empty rows are left out.
pub(super) fn read(
    full: &Path,
    shown: &Path,
    sheet: Option<&str>,
) -> Result<Vec<Vec<Cell>>, Diagnostic> {
    let ext = full
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "csv" => csv(full, shown),
        "xlsx" | "xlsm" | "ods" => workbook(full, shown, sheet),
        _ => Err(Diagnostic::file_error(
            shown,
            msg!("a measures sheet must be an .xlsx, .ods or .csv file"),
        )
        .with_hint(msg!(
            "save the sheet in one of these formats (Excel, LibreOffice or CSV)"
        ))),
    }
}

fn workbook(full: &Path, shown: &Path, sheet: Option<&str>) -> Result<Vec<Vec<Cell>>, Diagnostic> {
    let unreadable = |e: String| {
        Diagnostic::file_error(shown, msg!("cannot read the sheet: {e}", e)).with_hint(msg!(
            "open it in Excel or LibreOffice and save it again as .xlsx or .ods"
        ))
    };
    let mut book = calamine::open_workbook_auto(full).map_err(|e| unreadable(e.to_string()))?;
    let names = book.sheet_names();
    let name = match sheet {
        Some(wanted) => names
            .iter()
            .find(|n| n.as_str() == wanted)
            .cloned()
            .ok_or_else(|| {
                Diagnostic::file_error(shown, msg!("the file has no sheet `{wanted}`", wanted))
                    .with_hint(msg!("its sheets are: {names}", names = names.join(", ")))
            })?,
        None => names
            .first()
            .cloned()
            .ok_or_else(|| unreadable("it has no sheets".into()))?,
    };
    let range = book
        .worksheet_range(&name)
        .map_err(|e| unreadable(e.to_string()))?;
    let (top, left) = range.start().unwrap_or((0, 0));
    let mut rows = Vec::new();
    for (r, row) in range.rows().enumerate() {
        let row_number = top as usize + r + 1;
        let cells: Vec<Cell> = row
            .iter()
            .enumerate()
            .map(|(c, data)| Cell {
                text: text_of(data),
                name: format!("{name}!{}{row_number}", column_name(left as usize + c)),
                row: row_number,
            })
            .collect();
        if cells.iter().any(|c| !c.text.trim().is_empty()) {
            rows.push(cells);
        }
    }
    Ok(rows)
}

/// A cell's value as text, numbers without a needless `.0`.
fn text_of(data: &Data) -> String {
    match data {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => format!("{f}"),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => if *b { "true" } else { "false" }.to_string(),
        other => other.to_string(),
    }
}

/// `0` → `A`, `25` → `Z`, `26` → `AA`.
fn column_name(mut index: usize) -> String {
    let mut name = Vec::new();
    loop {
        name.push(b'A' + (index % 26) as u8);
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    name.reverse();
    String::from_utf8(name).unwrap_or_default()
}

fn csv(full: &Path, shown: &Path) -> Result<Vec<Vec<Cell>>, Diagnostic> {
    let bytes = std::fs::read(full)
        .map_err(|e| Diagnostic::file_error(shown, msg!("cannot read the sheet: {e}", e)))?;
    let text = crate::base::locate::utf8(shown, bytes)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let delimiter = crate::base::csvtext::delimiter(text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(false)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            Diagnostic::file_error(shown, msg!("cannot read the sheet: {e}", e))
                .with_hint(msg!("check the quotes on that line"))
        })?;
        let line = record.position().map_or(0, |p| p.line() as usize);
        // Columns count from the fields' lengths; a quoted field makes it approximate.
        let mut col = 1;
        let mut cells = Vec::new();
        for field in record.iter() {
            cells.push(Cell {
                text: field.to_string(),
                name: format!("{line}:{col}"),
                row: line,
            });
            col += field.chars().count() + 1;
        }
        if cells.iter().any(|c| !c.text.trim().is_empty()) {
            rows.push(cells);
        }
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    #[test]
    fn columns_are_named_as_spreadsheets_name_them() {
        assert_eq!(super::column_name(0), "A");
        assert_eq!(super::column_name(25), "Z");
        assert_eq!(super::column_name(26), "AA");
        assert_eq!(super::column_name(27), "AB");
        assert_eq!(super::column_name(701), "ZZ");
        assert_eq!(super::column_name(702), "AAA");
    }
}
