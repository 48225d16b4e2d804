//! `content/data/regions.csv`: regions a site adds to the built-in register or corrects in it
//! (`ref;sotkanet_id;name_fi;name_sv;parent`), each problem at its cell.

use super::{Category, Region, RegionRef, Register};
use crate::base::csvtext;
use crate::base::diagnostics::Diagnostic;
use crate::base::messages::Msg;
use crate::msg;
use std::path::Path;

const HEADER: [&str; 5] = ["ref", "sotkanet_id", "name_fi", "name_sv", "parent"];

/// A problem in a row: the 0-based field and the message.
type RowError = (usize, Msg);

impl Register {
    /// Adds or overrides regions from `content/data/regions.csv`.
    pub fn apply_overrides(&mut self, text: &str, shown: &Path) -> Vec<Diagnostic> {
        let delimiter = csvtext::delimiter(text);
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .flexible(true)
            .from_reader(text.as_bytes());
        let header_ok = reader.headers().is_ok_and(|h| {
            h.iter()
                .map(|s| s.trim().trim_start_matches('\u{feff}'))
                .eq(HEADER)
        });
        if !header_ok {
            let d =
                Diagnostic::at_line_col(shown, text, 1, 1, msg!("wrong header")).with_hint(msg!(
                    "the first line must be: {header}",
                    header = HEADER.join(";")
                ));
            return vec![d];
        }
        let mut diags = Vec::new();
        let mut parents = Vec::new();
        for row in reader.records() {
            let (row, line) = match row {
                Ok(r) => {
                    let line = r.position().map_or(1, |p| p.line() as usize);
                    (r, line)
                }
                Err(e) => {
                    let line = e.position().map_or(1, |p| p.line() as usize);
                    let message = msg!("cannot read the row: {e}", e);
                    diags.push(Diagnostic::at_line_col(shown, text, line, 1, message));
                    continue;
                }
            };
            match self.region_of(&row) {
                Ok(region) => {
                    if let Some(p) = region.county.clone().or(region.maakunta.clone()) {
                        parents.push((p, line));
                    }
                    self.regions.insert(region.id.clone(), region);
                }
                Err((field, message)) => {
                    let col = csvtext::column_of(text, line, field, delimiter);
                    diags.push(Diagnostic::at_line_col(shown, text, line, col, message));
                }
            }
        }
        // Parents are checked once every row is in, so a row may name a region added below it.
        for (parent, line) in parents {
            if !self.regions.contains_key(&parent) {
                let col = csvtext::column_of(text, line, 4, delimiter);
                let message = msg!("parent {parent} is not a known region", parent);
                let hint = msg!("add it as a row of its own, or correct the reference");
                diags
                    .push(Diagnostic::at_line_col(shown, text, line, col, message).with_hint(hint));
            }
        }
        self.reindex();
        diags
    }

    /// The region a row describes: the existing one with the row's non-empty fields applied,
    /// or a new one.
    fn region_of(&self, row: &csv::StringRecord) -> Result<Region, RowError> {
        if row.len() != 5 {
            return Err((
                0,
                msg!("expected 5 columns, found {row_len}", row_len = row.len()),
            ));
        }
        let id = RegionRef::parse(&row[0]).map_err(|m| (0, m))?;
        let sotkanet_id = match row[1].trim() {
            "" => None,
            s => Some(s.parse::<u32>().map_err(|_| {
                (
                    1,
                    msg!("`{s}` is not a Sotkanet region id (a whole number)", s),
                )
            })?),
        };
        let parent = match row[4].trim() {
            "" => None,
            p => Some(RegionRef::parse(p).map_err(|m| (4, m))?),
        };
        let mut region = self.regions.get(&id).cloned().unwrap_or(Region {
            id: id.clone(),
            name_fi: String::new(),
            name_sv: String::new(),
            name_en: String::new(),
            sotkanet_id: None,
            county: None,
            maakunta: None,
        });
        if sotkanet_id.is_some() {
            region.sotkanet_id = sotkanet_id;
        }
        if !row[2].trim().is_empty() {
            region.name_fi = row[2].trim().to_string();
        }
        if !row[3].trim().is_empty() {
            region.name_sv = row[3].trim().to_string();
        }
        match parent {
            Some(p) if p.category == Category::Maakunta => region.maakunta = Some(p),
            Some(p) => region.county = Some(p),
            None => {}
        }
        if region.name_fi.is_empty() {
            return Err((0, msg!("{id} is a new region and needs name_fi", id)));
        }
        Ok(region)
    }
}
