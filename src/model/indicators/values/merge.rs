//! Reading the values folder: every file parsed in parallel, then merged into one table
//! with duplicate rows reported against the first occurrence.

use super::file::{parse, Parsed, Row};
use super::{Gender, Point, Values};
use crate::base::diagnostics::{Capped, Diagnostic};
use crate::model::indicators::Indicator;
use crate::model::regions::{RegionRef, Register};
use crate::msg;
use rayon::prelude::*;
use std::collections::btree_map::Entry;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

/// Reads every `*.csv` under `dir` (files in parallel), reporting problems to `diags`.
pub fn load_dir(
    dir: &Path,
    known: &BTreeMap<&str, &Indicator>,
    register: &Register,
    diags: &mut Vec<Diagnostic>,
) -> Values {
    let files = csv_files(dir);
    let shown: Vec<PathBuf> = files
        .iter()
        .map(|f| Path::new("content/data/values").join(f.strip_prefix(dir).unwrap_or(f)))
        .collect();
    let parsed: Vec<Parsed> = files
        .par_iter()
        .zip(shown.par_iter())
        .map(|(file, shown)| read_one(file, shown, known, register))
        .collect();
    let ids: Vec<&str> = known.keys().copied().collect();
    Merge::new(&ids, &shown).all(parsed, diags)
}

/// The `*.csv` files under `dir`, sorted.
fn csv_files(dir: &Path) -> Vec<PathBuf> {
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
    files
}

fn read_one(
    file: &Path,
    shown: &Path,
    known: &BTreeMap<&str, &Indicator>,
    register: &Register,
) -> Parsed {
    match std::fs::read(file) {
        Err(e) => Parsed::failed(Diagnostic::file_error(shown, msg!("cannot read: {e}", e))),
        Ok(bytes) => match crate::base::locate::utf8(shown, bytes) {
            Ok(text) => parse(&text, shown, known, register),
            Err(d) => Parsed::failed(d),
        },
    }
}

/// Series keyed by small integers: (indicator, region, gender).
type Key = (u16, u32, Gender);

/// The merge of all files: regions interned across files, each year's value with the file and
/// line it came from (for the duplicate-row error).
struct Merge<'a> {
    ids: &'a [&'a str],
    shown: &'a [PathBuf],
    region_ids: HashMap<RegionRef, u32>,
    region_list: Vec<RegionRef>,
    series: HashMap<Key, BTreeMap<i32, (Point, u32, u32)>>,
}

impl<'a> Merge<'a> {
    fn new(ids: &'a [&'a str], shown: &'a [PathBuf]) -> Self {
        Merge {
            ids,
            shown,
            region_ids: HashMap::new(),
            region_list: Vec::new(),
            series: HashMap::new(),
        }
    }

    fn all(mut self, parsed: Vec<Parsed>, diags: &mut Vec<Diagnostic>) -> Values {
        for (file, mut p) in parsed.into_iter().enumerate() {
            diags.append(&mut p.diags);
            self.file(file, p, diags);
        }
        let mut values = Values::default();
        for ((ind, region, gender), years) in self.series {
            let region = self.region_list[region as usize].clone();
            let key = (self.ids[ind as usize].to_string(), region, gender);
            let years = years.into_iter().map(|(y, (p, _, _))| (y, p)).collect();
            values.series.insert(key, years);
        }
        values
    }

    fn file(&mut self, file: usize, p: Parsed, diags: &mut Vec<Diagnostic>) {
        let global: Vec<u32> = p.regions.into_iter().map(|r| self.intern(r)).collect();
        let mut duplicates = Capped::new();
        for row in p.rows {
            let region = global[row.region as usize];
            let years = self
                .series
                .entry((row.indicator, region, row.gender))
                .or_default();
            match years.entry(row.year) {
                Entry::Vacant(v) => {
                    v.insert((row.point, file as u32, row.line));
                }
                Entry::Occupied(o) => {
                    let (_, first_file, first_line) = *o.get();
                    let first = (first_file as usize, first_line);
                    if duplicates.keeps_next() {
                        duplicates.push(self.duplicate(file, &row, region, first));
                    }
                }
            }
        }
        diags.append(&mut duplicates.finish());
    }

    fn intern(&mut self, r: RegionRef) -> u32 {
        *self.region_ids.entry(r.clone()).or_insert_with(|| {
            self.region_list.push(r);
            (self.region_list.len() - 1) as u32
        })
    }

    fn duplicate(&self, file: usize, row: &Row, region: u32, first: (usize, u32)) -> Diagnostic {
        let message = msg!(
            "duplicate row: {indicator} {region} {year} {gender} was already given",
            indicator = self.ids[row.indicator as usize],
            region = self.region_list[region as usize],
            year = row.year,
            gender = row.gender.as_str()
        );
        let hint = msg!(
            "the first is at {file}:{line}; keep one of them",
            file = self.shown[first.0].display(),
            line = first.1
        );
        let mut d = Diagnostic::file_error(&self.shown[file], message).with_hint(hint);
        d.line = row.line as usize;
        d.col = 1;
        d
    }
}
