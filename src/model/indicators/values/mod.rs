//! Indicator values from CSV files in the Sotkanet export shape (spec §8):
//! `indicator;region;year;gender;primary value;absolute value`, `;` or `,` delimited, decimal
//! `.` or `,`, optional BOM, CRLF allowed, an empty value meaning missing.

mod file;
mod merge;

use crate::model::regions::RegionRef;
use serde::Serialize;
use std::collections::BTreeMap;

pub use merge::load_dir;

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
                    RegionRef::new(crate::model::regions::Category::Kunta, ""),
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
