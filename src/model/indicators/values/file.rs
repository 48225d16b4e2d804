//! One values file: the header checked, then each row read into small integer keys, every
//! problem reported at its cell.

use super::{Gender, Point, HEADER};
use crate::base::diagnostics::{Capped, Diagnostic};
use crate::base::messages::Msg;
use crate::model::indicators::Indicator;
use crate::model::regions::{RegionRef, Register};
use crate::msg;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

/// A parsed row. Indicator and region are small indices (into the known indicators and the
/// file's region table): with ~600,000 rows, cloning string keys per row was most of the
/// loading time.
pub(super) struct Row {
    pub(super) indicator: u16,
    pub(super) region: u32,
    pub(super) gender: Gender,
    pub(super) year: i32,
    pub(super) point: Point,
    pub(super) line: u32,
}

/// One file's rows and the regions its rows point into.
pub(super) struct Parsed {
    pub(super) rows: Vec<Row>,
    pub(super) regions: Vec<RegionRef>,
    pub(super) diags: Vec<Diagnostic>,
}

impl Parsed {
    fn empty() -> Parsed {
        Parsed {
            rows: Vec::new(),
            regions: Vec::new(),
            diags: Vec::new(),
        }
    }

    pub(super) fn failed(d: Diagnostic) -> Parsed {
        Parsed {
            rows: Vec::new(),
            regions: Vec::new(),
            diags: vec![d],
        }
    }
}

/// Parses one values file.
pub(super) fn parse(
    text: &str,
    shown: &Path,
    known: &BTreeMap<&str, &Indicator>,
    register: &Register,
) -> Parsed {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut file = FileReader {
        text,
        shown,
        delimiter: crate::base::csvtext::delimiter(text),
        known,
        indices: known
            .keys()
            .enumerate()
            .map(|(i, k)| (*k, i as u16))
            .collect(),
        register,
        region_index: HashMap::new(),
        parsed: Parsed::empty(),
        problems: Capped::new(),
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(file.delimiter)
        .flexible(true)
        .has_headers(false)
        .from_reader(text.as_bytes());
    let mut records = reader.byte_records();
    if !matches!(records.next(), Some(Ok(h)) if is_header(&h)) {
        let d = Diagnostic::at_line_col(
            shown,
            text,
            1,
            1,
            msg!("wrong header for an indicator values file"),
        )
        .with_hint(msg!(
            "the first line must be: {header}",
            header = HEADER.join(";")
        ));
        return Parsed::failed(d);
    }
    for record in records {
        match record {
            Ok(r) => file.row(&r),
            Err(e) if file.problems.keeps_next() => {
                let (at, line) = e
                    .position()
                    .map_or((0, 0), |p| (p.byte() as usize, p.line() as usize));
                let d = file.positioned(at, line, 0, msg!("cannot read the row: {e}", e), None);
                file.problems.push(d);
            }
            Err(_) => {}
        }
    }
    file.parsed.diags = file.problems.finish();
    file.parsed
}

fn is_header(h: &csv::ByteRecord) -> bool {
    h.iter()
        .map(|f| String::from_utf8_lossy(f).trim().to_ascii_lowercase())
        .eq(HEADER.iter().map(|s| s.to_string()))
}

/// Reads the rows of one file. Positions come from each record's byte offset, so that
/// reporting an error costs the length of its line, not of the file (with one bad column
/// in a 20,000-row export, finding lines from the top took seconds).
struct FileReader<'a> {
    text: &'a str,
    shown: &'a Path,
    delimiter: u8,
    known: &'a BTreeMap<&'a str, &'a Indicator>,
    indices: HashMap<&'a str, u16>,
    register: &'a Register,
    /// Raw region field → index into the file's regions, or the error for it.
    region_index: HashMap<Vec<u8>, Result<u32, Msg>>,
    parsed: Parsed,
    /// The file's problems, at most [`Capped::KEPT`] of them kept.
    problems: Capped,
}

impl FileReader<'_> {
    fn row(&mut self, record: &csv::ByteRecord) {
        let (at, line) = record
            .position()
            .map_or((0, 0), |p| (p.byte() as usize, p.line() as usize));
        let blank = record.len() == 1 && record[0].iter().all(u8::is_ascii_whitespace);
        if blank {
            return;
        }
        match self.read(record, line) {
            Ok(row) => self.parsed.rows.push(row),
            Err((field, message, hint)) => {
                if self.problems.keeps_next() {
                    let d = self.positioned(at, line, field, message, hint);
                    self.problems.push(d);
                }
            }
        }
    }

    /// A problem in field `field` of the row that starts at byte `at` on `line`.
    fn positioned(
        &self,
        at: usize,
        line: usize,
        field: usize,
        message: Msg,
        hint: Option<Msg>,
    ) -> Diagnostic {
        let line_text = self
            .text
            .get(at..)
            .and_then(|t| t.lines().next())
            .unwrap_or_default();
        let col = crate::base::csvtext::column_in_line(line_text, field, self.delimiter);
        let d = Diagnostic::at_known_line(self.shown, line, col, line_text, message);
        match hint {
            Some(h) => d.with_hint(h),
            None => d,
        }
    }

    /// The row, or the field at fault with a message and a hint.
    fn read(&mut self, record: &csv::ByteRecord, line: usize) -> Result<Row, RowError> {
        if record.len() != 6 {
            let message = msg!(
                "expected 6 columns, found {record_len}",
                record_len = record.len()
            );
            return Err((
                0,
                message,
                Some(msg!("columns: {header}", header = HEADER.join(";"))),
            ));
        }
        let field = |i: usize| std::str::from_utf8(&record[i]).unwrap_or_default().trim();
        let indicator = self.indicator(field(0))?;
        let region = self.region(&record[1], field(1))?;
        let year = match field(2).parse::<i32>() {
            Ok(y) if (1900..=2200).contains(&y) => y,
            _ => return Err((2, msg!("`{field}` is not a year", field = field(2)), None)),
        };
        let Some(gender) = Gender::parse(field(3)) else {
            let message = msg!("`{field}` is not a gender", field = field(3));
            return Err((3, message, Some(msg!("use total, male or female"))));
        };
        let number = |i: usize| {
            parse_number(field(i)).map_err(|()| {
                let hint = msg!("write numbers as 12.5 or 12,5; leave the field empty when the value is missing");
                (i, msg!("`{value}` is not a number", value = field(i)), Some(hint))
            })
        };
        let point = Point {
            value: number(4)?,
            absolute: number(5)?,
        };
        Ok(Row {
            indicator,
            region,
            gender,
            year,
            point,
            line: line as u32,
        })
    }

    fn indicator(&self, id: &str) -> Result<u16, RowError> {
        if let Some(&i) = self.indices.get(id) {
            return Ok(i);
        }
        let names: Vec<&str> = self.known.keys().copied().collect();
        let hint = match crate::base::yaml::closest(id, &names) {
            Some(b) => msg!("did you mean `{b}`?", b),
            None => msg!("add the indicator to content/data/indicators.yaml"),
        };
        Err((
            0,
            msg!("indicator `{id}` is not in indicators.yaml", id),
            Some(hint),
        ))
    }

    fn region(&mut self, raw: &[u8], given: &str) -> Result<u32, RowError> {
        let regions = &mut self.parsed.regions;
        let register = self.register;
        self.region_index
            .entry(raw.to_vec())
            .or_insert_with(|| {
                register.resolve(given).map(|r| {
                    regions.push(r.id.clone());
                    (regions.len() - 1) as u32
                })
            })
            .clone()
            .map_err(|m| (1, m, None))
    }
}

/// The field at fault (0-based), the message and a hint.
type RowError = (usize, Msg, Option<Msg>);

/// `12.5`, `12,5`, `1 234,5`, `−2,1`; empty is missing.
fn parse_number(s: &str) -> Result<Option<f64>, ()> {
    if s.is_empty() {
        return Ok(None);
    }
    let cleaned: String = s
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
        .map(|c| match c {
            ',' => '.',
            '\u{2212}' => '-',
            c => c,
        })
        .collect();
    match cleaned.parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(Some(v)),
        _ => Err(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::indicators::Indicator;

    fn indicator(id: &str) -> Indicator {
        crate::base::yaml::parse(&format!("id: \"{id}\"\ntitle: T\n")).unwrap()
    }

    /// Rows as (region, point) and the diagnostics.
    fn load(text: &str) -> (Vec<(String, Point)>, Vec<Diagnostic>) {
        let (a, b) = (indicator("5527"), indicator("4"));
        let known: BTreeMap<&str, &Indicator> = [("5527", &a), ("4", &b)].into_iter().collect();
        let p = parse(
            text,
            Path::new("content/data/values/x.csv"),
            &known,
            &Register::builtin(),
        );
        let rows = p
            .rows
            .iter()
            .map(|r| (p.regions[r.region as usize].to_string(), r.point))
            .collect();
        (rows, p.diags)
    }

    #[test]
    fn sotkanet_export_variants() {
        let (rows, d) = load("\u{feff}indicator;region;year;gender;primary value;absolute value\r\n5527;974;2024;total;55.1;\r\n5527;KUNTA:297;2024;total;53,4;1234\r\n5527;658;2023;male;;\r\n");
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[0].0, "HYVINVOINTIALUE:13");
        assert_eq!(
            rows[1].1,
            Point {
                value: Some(53.4),
                absolute: Some(1234.0)
            }
        );
        assert_eq!(rows[2].1.value, None);
        assert_eq!(rows[2].0, "MAA:SSS");
        let (rows, d) = load("indicator,region,year,gender,primary value,absolute value\n4,KUNTA:297,2011,female,2.5,\n");
        assert!(d.is_empty() && rows.len() == 1);
    }

    #[test]
    fn every_error_has_a_position() {
        let (_, d) = load("indicator;region;year;gender;primary value;absolute value\n5527;KUNTA:298;2024;total;1;\n9999;974;2024;total;1;\n5527;974;20x4;total;1;\n5527;974;2024;all;1;\n5527;974;2024;total;abc;\n5527;974;2024;total\n");
        let texts: Vec<String> = d.iter().map(|x| x.message.to_string()).collect();
        let got: Vec<(usize, usize, &str)> = d
            .iter()
            .zip(&texts)
            .map(|(x, t)| (x.line, x.col, t.as_str()))
            .collect();
        assert_eq!(
            got[0],
            (
                2,
                6,
                "KUNTA:298 is not a municipality; did you mean KUNTA:297 Kuopio?"
            )
        );
        assert_eq!(got[1], (3, 1, "indicator `9999` is not in indicators.yaml"));
        assert_eq!(got[2], (4, 10, "`20x4` is not a year"));
        assert_eq!(got[3], (5, 15, "`all` is not a gender"));
        assert_eq!(got[4], (6, 21, "`abc` is not a number"));
        assert_eq!(got[5], (7, 1, "expected 6 columns, found 4"));
        let (_, d) = load("indicator;region;vuosi\n");
        assert_eq!(d[0].message, "wrong header for an indicator values file");
    }

    #[test]
    fn numbers() {
        assert_eq!(parse_number("1 234,5"), Ok(Some(1234.5)));
        assert_eq!(parse_number("\u{2212}2,1"), Ok(Some(-2.1)));
        assert_eq!(parse_number(""), Ok(None));
        assert!(parse_number("NaN").is_err());
    }
}
