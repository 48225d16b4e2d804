//! `kertomus template measures`: an empty measures sheet for a plan (content format §13.2),
//! to mail to the organisations before the HYTE negotiations and read back unchanged with
//! `measures_from:`. The first sheet has the Finnish headers and drop-down lists for the goal
//! and the enumerated columns; the second lists the plan's goals; the third says what to do.

use crate::base::error::Error;
use crate::model::plan::{MATURITY_NAMES, STATUS_NAMES, WORK_TYPE_NAMES};
use crate::msg;
use rust_xlsxwriter::{DataValidation, Format, Formula, Workbook, Worksheet, XlsxError};
use std::path::Path;

/// Rows that get the drop-down lists.
const ROWS: u32 = 500;

/// What the template is for.
pub struct MeasuresTemplate<'a> {
    /// The site folder, holding `content/`.
    pub root: &'a Path,
    /// The plan document's folder (holding plan.yaml), relative to the site or absolute.
    pub plan: &'a Path,
    /// The organisation the sheet is for, named in its instructions.
    pub organisation: Option<&'a str>,
    /// The `.xlsx` file to write.
    pub output: &'a Path,
}

/// Writes the template; returns how many goals it lists.
pub fn measures(t: &MeasuresTemplate<'_>) -> Result<usize, Error> {
    let content = t.root.join("content");
    let plan_dir = if t.plan.is_absolute() {
        t.plan.to_path_buf()
    } else {
        t.root.join(t.plan)
    };
    let rel = plan_dir
        .strip_prefix(&content)
        .map_err(|_| {
            Error::Config(msg!(
                "{plan}: the plan folder must be inside {content}",
                plan = t.plan.display(),
                content = content.display()
            ))
        })?
        .to_path_buf();
    let plan = crate::model::plan::outline(&content, &rel).map_err(Error::Content)?;
    let book = workbook(&plan, t.organisation).map_err(xlsx_error)?;
    let mut book = book;
    book.save(t.output)
        .map_err(|e| Error::Config(msg!("{output}: {e}", output = t.output.display(), e)))?;
    Ok(plan.goals.len())
}

fn xlsx_error(e: XlsxError) -> Error {
    Error::Config(msg!("cannot write the sheet: {e}", e))
}

/// The headers, in the order of the sheet; the yearly ones follow for each year of the plan.
const HEADERS: [&str; 12] = [
    "tavoite",
    "tunnus",
    "toimenpide",
    "kuvaus",
    "vastuutaho",
    "yhteistyötahot",
    "yhteinen",
    "lakisääteinen",
    "työn laji",
    "kypsyys",
    "aikataulu",
    "mittarit",
];

fn workbook(
    plan: &crate::model::plan::Outline,
    organisation: Option<&str>,
) -> Result<Workbook, XlsxError> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let sheet = book.add_worksheet().set_name("Toimenpiteet")?;
    let mut col: u16 = 0;
    for h in HEADERS {
        sheet.write_string_with_format(0, col, h, &bold)?;
        sheet.set_column_width(
            col,
            if h == "toimenpide" || h == "kuvaus" {
                40
            } else {
                16
            },
        )?;
        col += 1;
    }
    let years: Vec<i32> = plan.years.clone().unwrap_or_default();
    for y in &years {
        sheet.write_string_with_format(0, col, format!("tila {y}"), &bold)?;
        sheet.write_string_with_format(0, col + 1, format!("huomio {y}"), &bold)?;
        sheet.set_column_width(col + 1, 30)?;
        list(sheet, col, &finnish(STATUS_NAMES), "Vuoden tila")?;
        col += 2;
    }
    sheet.set_freeze_panes(1, 0)?;
    let goals = DataValidation::new()
        .allow_list_formula(Formula::new(format!(
            "=Tavoitteet!$A$2:$A${}",
            plan.goals.len().max(1) + 1
        )))
        .set_input_message("Valitse tavoitteen tunnus (välilehti Tavoitteet).")?;
    sheet.add_data_validation(1, 0, ROWS, 0, &goals)?;
    list(sheet, 6, &["kyllä", "ei"], "Yhteinen (yhdyspinta)?")?;
    list(sheet, 7, &["kyllä", "ei"], "Lakisääteinen?")?;
    list(sheet, 8, &finnish(WORK_TYPE_NAMES), "Työn laji")?;
    list(sheet, 9, &finnish(MATURITY_NAMES), "Kypsyys")?;
    let sheet = book.add_worksheet().set_name("Tavoitteet")?;
    sheet.write_string_with_format(0, 0, "tavoite", &bold)?;
    sheet.write_string_with_format(0, 1, "nimi", &bold)?;
    sheet.write_string_with_format(0, 2, "painopiste", &bold)?;
    sheet.set_column_width(1, 60)?;
    sheet.set_column_width(2, 40)?;
    for (i, g) in plan.goals.iter().enumerate() {
        let row = i as u32 + 1;
        sheet.write_string(row, 0, &g.id)?;
        sheet.write_string(row, 1, &g.title)?;
        sheet.write_string(row, 2, &g.focus_area)?;
    }
    let sheet = book.add_worksheet().set_name("Ohje")?;
    sheet.set_column_width(0, 100)?;
    for (i, line) in instructions(organisation).iter().enumerate() {
        sheet.write_string(i as u32, 0, line)?;
    }
    Ok(book)
}

/// A drop-down list for column `col` of the data rows.
fn list(sheet: &mut Worksheet, col: u16, values: &[&str], message: &str) -> Result<(), XlsxError> {
    let v = DataValidation::new()
        .allow_list_strings(values)?
        .set_input_message(message)?;
    sheet.add_data_validation(1, col, ROWS, col, &v)?;
    Ok(())
}

/// The first Finnish name of each value.
fn finnish<T>(names: &[crate::base::vocabulary::Names<T>]) -> Vec<&'static str> {
    names.iter().filter_map(|n| n.fi.first().copied()).collect()
}

fn instructions(organisation: Option<&str>) -> Vec<String> {
    let mut out = vec![
        "Hyvinvointisuunnitelman toimenpiteet".to_string(),
        String::new(),
        "Kirjoita välilehdelle Toimenpiteet yksi toimenpide riville.".to_string(),
        "Tavoite: valitse tavoitteen tunnus luettelosta (välilehti Tavoitteet).".to_string(),
        "Tunnus saa jäädä tyhjäksi: silloin tunnus muodostetaan tavoitteesta ja rivin numerosta."
            .to_string(),
        "Vastuutaho ja yhteistyötahot: organisaatioiden tunnisteet pilkulla erotettuina."
            .to_string(),
        "Mittarit: mittarien tunnisteet pilkulla erotettuina; 4 (tulos) kertoo mittarin lajin."
            .to_string(),
        "Älä muuta ensimmäisen rivin otsikoita.".to_string(),
    ];
    if let Some(o) = organisation {
        out.push(String::new());
        out.push(format!(
            "Organisaatio: {o}. Jos vastuutaho jää tyhjäksi, se on {o}."
        ));
        out.push(format!(
            "Koordinaattori lukee taulukon plan.yaml-tiedostossa: measures_from: [{{file: toimenpiteet/{o}.xlsx, organisation: {o}}}]"
        ));
    }
    out
}
