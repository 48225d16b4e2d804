//! Indicator values from CSV files in the Sotkanet export shape (spec §8):
//! `indicator;region;year;gender;primary value;absolute value`, `;` or `,` delimited, decimal
//! `.` or `,`, optional BOM, CRLF allowed, an empty value meaning missing.

use super::Indicator;
use crate::diagnostics::Diagnostic;
use crate::regions::{RegionRef, Register};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

pub const HEADER: [&str; 6] = [
    "indicator",
    "region",
    "year",
    "gender",
    "primary value",
    "absolute value",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Gender {
    Total,
    Male,
    Female,
}

impl Gender {
    pub fn parse(s: &str) -> Option<Gender> {
        Some(match s.trim() {
            "total" => Gender::Total,
            "male" => Gender::Male,
            "female" => Gender::Female,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Gender::Total => "total",
            Gender::Male => "male",
            Gender::Female => "female",
        }
    }
}

/// One year's value; `value` is `None` where the data is missing.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Point {
    pub value: Option<f64>,
    pub absolute: Option<f64>,
}

/// The values of one indicator, region and gender, by year.
pub type Series = BTreeMap<i32, Point>;

/// All values of the site.
#[derive(Debug, Default)]
pub struct Values {
    series: BTreeMap<(String, RegionRef, Gender), Series>,
}

impl Values {
    pub fn series(&self, indicator: &str, region: &RegionRef, gender: Gender) -> Option<&Series> {
        self.series
            .get(&(indicator.to_string(), region.clone(), gender))
    }

    /// The latest year with a value, and the value (gender total).
    pub fn latest(&self, indicator: &str, region: &RegionRef) -> Option<(i32, f64)> {
        self.series(indicator, region, Gender::Total)?
            .iter()
            .rev()
            .find_map(|(y, p)| p.value.map(|v| (*y, v)))
    }

    /// The value of a year (gender total).
    pub fn value(&self, indicator: &str, region: &RegionRef, year: i32) -> Option<f64> {
        self.series(indicator, region, Gender::Total)?
            .get(&year)?
            .value
    }

    /// Regions with any data for the indicator.
    pub fn regions(&self, indicator: &str) -> Vec<&RegionRef> {
        let mut out: Vec<&RegionRef> = self
            .series
            .range(
                (
                    indicator.to_string(),
                    RegionRef::new(crate::regions::Category::Kunta, ""),
                    Gender::Total,
                )..,
            )
            .take_while(|((i, _, _), _)| i == indicator)
            .map(|((_, r, _), _)| r)
            .collect();
        out.dedup();
        out
    }

    /// Every value row, sorted by indicator, region, gender and year.
    pub fn rows(&self) -> impl Iterator<Item = (&str, &RegionRef, Gender, i32, &Point)> {
        self.series
            .iter()
            .flat_map(|((i, r, g), s)| s.iter().map(move |(y, p)| (i.as_str(), r, *g, *y, p)))
    }

    pub fn len(&self) -> usize {
        self.series.values().map(BTreeMap::len).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.series.is_empty()
    }
}

/// A parsed row. Indicator and region are small indices (into the known indicators and the
/// file's region table): with ~600,000 rows, cloning string keys per row was most of the
/// loading time.
struct Row {
    indicator: u16,
    region: u32,
    gender: Gender,
    year: i32,
    point: Point,
    line: u32,
}

/// One file's rows and the regions its rows point into.
struct Parsed {
    rows: Vec<Row>,
    regions: Vec<RegionRef>,
    diags: Vec<Diagnostic>,
}

impl Parsed {
    fn failed(d: Diagnostic) -> Parsed {
        Parsed {
            rows: Vec::new(),
            regions: Vec::new(),
            diags: vec![d],
        }
    }
}

/// Reads every `*.csv` under `dir` (files in parallel), reporting problems to `diags`.
pub fn load_dir(
    dir: &Path,
    known: &BTreeMap<&str, &Indicator>,
    register: &Register,
    diags: &mut Vec<Diagnostic>,
) -> Values {
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| {
            e.file_type().is_file()
                && e.path()
                    .extension()
                    .is_some_and(|x| x.eq_ignore_ascii_case("csv"))
        })
        .map(|e| e.into_path())
        .collect();
    files.sort();
    let shown: Vec<PathBuf> = files
        .iter()
        .map(|f| Path::new("content/data/values").join(f.strip_prefix(dir).unwrap_or(f)))
        .collect();
    let parsed: Vec<Parsed> = files
        .par_iter()
        .zip(shown.par_iter())
        .map(|(file, shown)| match std::fs::read(file) {
            Err(e) => Parsed::failed(Diagnostic::file_error(shown, format!("cannot read: {e}"))),
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => parse(&text, shown, known, register),
                Err(e) => {
                    let at = e.utf8_error().valid_up_to();
                    let lossy = String::from_utf8_lossy(e.as_bytes()).into_owned();
                    Parsed::failed(
                        Diagnostic::at_offset(shown, &lossy, at, "the file is not valid UTF-8")
                            .with_hint("save the CSV as UTF-8"),
                    )
                }
            },
        })
        .collect();

    // Merge: intern regions across files, then fill series keyed by small integers.
    let ids: Vec<&str> = known.keys().copied().collect();
    let mut region_ids: HashMap<RegionRef, u32> = HashMap::new();
    let mut region_list: Vec<RegionRef> = Vec::new();
    type Key = (u16, u32, Gender);
    let mut series: HashMap<Key, BTreeMap<i32, (Point, u32, u32)>> = HashMap::new();
    for (file, mut p) in parsed.into_iter().enumerate() {
        diags.append(&mut p.diags);
        let global: Vec<u32> = p
            .regions
            .into_iter()
            .map(|r| {
                *region_ids.entry(r.clone()).or_insert_with(|| {
                    region_list.push(r);
                    (region_list.len() - 1) as u32
                })
            })
            .collect();
        for row in p.rows {
            let region = global[row.region as usize];
            let years = series
                .entry((row.indicator, region, row.gender))
                .or_default();
            match years.entry(row.year) {
                std::collections::btree_map::Entry::Vacant(v) => {
                    v.insert((row.point, file as u32, row.line));
                }
                std::collections::btree_map::Entry::Occupied(o) => {
                    let (_, first_file, first_line) = *o.get();
                    let mut d = Diagnostic::file_error(
                        &shown[file],
                        format!(
                            "duplicate row: {} {} {} {} was already given",
                            ids[row.indicator as usize],
                            region_list[region as usize],
                            row.year,
                            row.gender.as_str()
                        ),
                    )
                    .with_hint(format!(
                        "the first is at {}:{first_line}; keep one of them",
                        shown[first_file as usize].display()
                    ));
                    d.line = row.line as usize;
                    d.col = 1;
                    diags.push(d);
                }
            }
        }
    }
    let mut values = Values::default();
    for ((ind, region, gender), years) in series {
        let key = (
            ids[ind as usize].to_string(),
            region_list[region as usize].clone(),
            gender,
        );
        values.series.insert(
            key,
            years.into_iter().map(|(y, (p, _, _))| (y, p)).collect(),
        );
    }
    values
}

/// Parses one values file.
fn parse(
    text: &str,
    shown: &Path,
    known: &BTreeMap<&str, &Indicator>,
    register: &Register,
) -> Parsed {
    let text_nobom = text.strip_prefix('\u{feff}').unwrap_or(text);
    let delimiter = crate::csvtext::delimiter(text_nobom);
    let mut diags = Vec::new();
    let err = |line: usize, field: usize, message: String| {
        Diagnostic::at_line_col(
            shown,
            text_nobom,
            line,
            crate::csvtext::column_of(text_nobom, line, field, delimiter),
            message,
        )
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(false)
        .from_reader(text_nobom.as_bytes());
    let mut records = reader.byte_records();
    match records.next() {
        Some(Ok(h))
            if h.iter()
                .map(|f| String::from_utf8_lossy(f).trim().to_ascii_lowercase())
                .eq(HEADER.iter().map(|s| s.to_string())) => {}
        _ => {
            diags.push(
                Diagnostic::at_line_col(
                    shown,
                    text_nobom,
                    1,
                    1,
                    "wrong header for an indicator values file",
                )
                .with_hint(format!("the first line must be: {}", HEADER.join(";"))),
            );
            return Parsed {
                rows: Vec::new(),
                regions: Vec::new(),
                diags,
            };
        }
    }
    let mut rows = Vec::new();
    // Raw region field → index into `regions`, or the error for it.
    let mut region_index: HashMap<Vec<u8>, Result<u32, String>> = HashMap::new();
    let mut regions: Vec<RegionRef> = Vec::new();
    let indices: HashMap<&str, u16> = known
        .keys()
        .enumerate()
        .map(|(i, k)| (*k, i as u16))
        .collect();
    for record in records {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line() as usize);
                diags.push(Diagnostic::at_line_col(
                    shown,
                    text_nobom,
                    line,
                    1,
                    format!("cannot read the row: {e}"),
                ));
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line() as usize);
        if record.len() == 1
            && record
                .get(0)
                .is_some_and(|f| f.iter().all(u8::is_ascii_whitespace))
        {
            continue;
        }
        if record.len() != 6 {
            diags.push(
                err(
                    line,
                    0,
                    format!("expected 6 columns, found {}", record.len()),
                )
                .with_hint(format!("columns: {}", HEADER.join(";"))),
            );
            continue;
        }
        let field = |i: usize| std::str::from_utf8(&record[i]).unwrap_or_default().trim();
        let indicator = field(0);
        let Some(&indicator_index) = indices.get(indicator) else {
            let names: Vec<&str> = known.keys().copied().collect();
            let hint = match crate::yaml::closest(indicator, &names) {
                Some(b) => format!("did you mean `{b}`?"),
                None => "add the indicator to content/data/indicators.yaml".to_string(),
            };
            diags.push(
                err(
                    line,
                    0,
                    format!("indicator `{indicator}` is not in indicators.yaml"),
                )
                .with_hint(hint),
            );
            continue;
        };
        let region = region_index
            .entry(record[1].to_vec())
            .or_insert_with(|| {
                register.resolve(field(1)).map(|r| {
                    regions.push(r.id.clone());
                    (regions.len() - 1) as u32
                })
            })
            .clone();
        let region = match region {
            Ok(r) => r,
            Err(m) => {
                diags.push(err(line, 1, m));
                continue;
            }
        };
        let year = match field(2).parse::<i32>() {
            Ok(y) if (1900..=2200).contains(&y) => y,
            _ => {
                diags.push(err(line, 2, format!("`{}` is not a year", field(2))));
                continue;
            }
        };
        let Some(gender) = Gender::parse(field(3)) else {
            diags.push(
                err(line, 3, format!("`{}` is not a gender", field(3)))
                    .with_hint("use total, male or female"),
            );
            continue;
        };
        let mut number = |i: usize| -> Result<Option<f64>, ()> {
            match parse_number(field(i)) {
                Ok(v) => Ok(v),
                Err(()) => {
                    diags.push(err(line, i, format!("`{}` is not a number", field(i))).with_hint("write numbers as 12.5 or 12,5; leave the field empty when the value is missing"));
                    Err(())
                }
            }
        };
        let (Ok(value), Ok(absolute)) = (number(4), number(5)) else {
            continue;
        };
        rows.push(Row {
            indicator: indicator_index,
            region,
            gender,
            year,
            point: Point { value, absolute },
            line: line as u32,
        });
    }
    Parsed {
        rows,
        regions,
        diags,
    }
}

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

    fn indicator(id: &str) -> Indicator {
        crate::yaml::parse(&format!("id: \"{id}\"\ntitle: T\n")).unwrap()
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
        let got: Vec<(usize, usize, &str)> = d
            .iter()
            .map(|x| (x.line, x.col, x.message.as_str()))
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
