//! The region register (spec §7): every municipality of the 2026 division with its wellbeing
//! services county and maakunta, the 23 counties with their Sotkanet ids, the maakunnat and the
//! whole country. Built into the binary from Statistics Finland and Sotkanet data
//! (`data/regions/SOURCE.md`); `content/data/regions.csv` adds or overrides regions.

use crate::base::diagnostics::Diagnostic;
use crate::base::messages::Msg;
use crate::msg;
use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::Path;

mod lookup;
mod overrides;

pub use lookup::{LookupError, Named};

const MUNICIPALITIES: &str = include_str!("../../../data/regions/municipalities_hva_2026.csv");
const COUNTY_IDS: &str = include_str!("../../../data/regions/sotkanet_hyvinvointialueet.csv");
/// Sotkanet's region id of the whole country.
const COUNTRY_SOTKANET_ID: u32 = 658;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Category {
    Kunta,
    Hyvinvointialue,
    Maakunta,
    Maa,
}

impl Category {
    pub fn parse(s: &str) -> Option<Category> {
        Some(match s.trim().to_ascii_uppercase().as_str() {
            "KUNTA" => Category::Kunta,
            "HYVINVOINTIALUE" => Category::Hyvinvointialue,
            "MAAKUNTA" => Category::Maakunta,
            "MAA" => Category::Maa,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Category::Kunta => "KUNTA",
            Category::Hyvinvointialue => "HYVINVOINTIALUE",
            Category::Maakunta => "MAAKUNTA",
            Category::Maa => "MAA",
        }
    }

    /// What a region of this category is called in messages.
    fn noun(self) -> Msg {
        match self {
            Category::Kunta => msg!("a municipality"),
            Category::Hyvinvointialue => msg!("a wellbeing services county"),
            Category::Maakunta => msg!("a maakunta"),
            Category::Maa => msg!("a country"),
        }
    }

    fn code_width(self) -> usize {
        match self {
            Category::Kunta => 3,
            Category::Hyvinvointialue | Category::Maakunta => 2,
            Category::Maa => 3,
        }
    }
}

/// A reference such as `KUNTA:297`, with the code normalized (`KUNTA:91` → `KUNTA:091`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RegionRef {
    pub category: Category,
    pub code: String,
}

impl RegionRef {
    pub fn new(category: Category, code: &str) -> RegionRef {
        let code = code.trim();
        let code = if code.bytes().all(|b| b.is_ascii_digit()) && code.len() < category.code_width()
        {
            format!("{code:0>width$}", width = category.code_width())
        } else {
            code.to_ascii_uppercase()
        };
        RegionRef { category, code }
    }

    /// Parses `CATEGORY:code`.
    pub fn parse(s: &str) -> Result<RegionRef, Msg> {
        let (cat, code) = s
            .split_once(':')
            .ok_or_else(|| msg!("`{s}` is not a region reference; write CATEGORY:code, e.g. KUNTA:297 or HYVINVOINTIALUE:13", s))?;
        let category = Category::parse(cat).ok_or_else(|| {
            msg!(
                "`{cat}` is not a region category; use KUNTA, HYVINVOINTIALUE, MAAKUNTA or MAA",
                cat
            )
        })?;
        if code.trim().is_empty() {
            return Err(msg!("`{s}` has no code after the colon", s));
        }
        Ok(RegionRef::new(category, code))
    }

    pub fn country() -> RegionRef {
        RegionRef::new(Category::Maa, "SSS")
    }
}

impl fmt::Display for RegionRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.category.as_str(), self.code)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Region {
    pub id: RegionRef,
    pub name_fi: String,
    pub name_sv: String,
    pub name_en: String,
    pub sotkanet_id: Option<u32>,
    /// For a municipality: its wellbeing services county.
    pub county: Option<RegionRef>,
    /// For a municipality: its maakunta.
    pub maakunta: Option<RegionRef>,
}

impl Region {
    pub fn name(&self, lang: &str) -> &str {
        match lang {
            "sv" if !self.name_sv.is_empty() => &self.name_sv,
            "en" if !self.name_en.is_empty() => &self.name_en,
            _ => &self.name_fi,
        }
    }

    /// A URL segment: `297-kuopio`.
    pub fn slug(&self) -> String {
        format!(
            "{}-{}",
            self.id.code.to_ascii_lowercase(),
            slug::slugify(&self.name_fi)
        )
    }
}

/// All known regions.
#[derive(Debug, Clone)]
pub struct Register {
    regions: BTreeMap<RegionRef, Region>,
    by_sotkanet: HashMap<u32, RegionRef>,
}

impl Register {
    /// The built-in register with `content/data/regions.csv` applied.
    pub fn load(content_dir: &Path, diags: &mut Vec<Diagnostic>) -> Register {
        let mut register = Register::builtin();
        match crate::base::locate::read(content_dir, Path::new("data/regions.csv")) {
            Ok(Some(source)) => diags.extend(register.apply_overrides(&source.text, &source.path)),
            Ok(None) => {}
            Err(d) => diags.push(d),
        }
        register
    }

    /// The register built into the binary.
    pub fn builtin() -> Register {
        let mut regions = BTreeMap::new();
        let mut rows = csv::Reader::from_reader(MUNICIPALITIES.as_bytes());
        for row in rows.records().flatten() {
            let f = |i: usize| row.get(i).unwrap_or_default().trim().to_string();
            let county = RegionRef::new(Category::Hyvinvointialue, &f(3));
            let maakunta = RegionRef::new(Category::Maakunta, &f(7));
            regions.entry(county.clone()).or_insert_with(|| Region {
                id: county.clone(),
                name_fi: f(4),
                name_sv: f(5),
                name_en: f(6),
                sotkanet_id: None,
                county: None,
                maakunta: None,
            });
            regions.entry(maakunta.clone()).or_insert_with(|| Region {
                id: maakunta.clone(),
                name_fi: f(8),
                name_sv: String::new(),
                name_en: String::new(),
                sotkanet_id: None,
                county: None,
                maakunta: None,
            });
            let id = RegionRef::new(Category::Kunta, &f(0));
            regions.insert(
                id.clone(),
                Region {
                    id,
                    name_fi: f(1),
                    name_sv: f(2),
                    name_en: String::new(),
                    sotkanet_id: None,
                    county: Some(county),
                    maakunta: Some(maakunta),
                },
            );
        }
        let mut ids = csv::Reader::from_reader(COUNTY_IDS.as_bytes());
        for row in ids.records().flatten() {
            let id = RegionRef::new(Category::Hyvinvointialue, row.get(3).unwrap_or_default());
            let sotkanet: Option<u32> = row.get(1).and_then(|s| s.trim().parse().ok());
            let entry = regions.entry(id.clone()).or_insert_with(|| Region {
                id,
                name_fi: row.get(0).unwrap_or_default().trim().to_string(),
                name_sv: String::new(),
                name_en: String::new(),
                sotkanet_id: None,
                county: None,
                maakunta: None,
            });
            entry.sotkanet_id = sotkanet;
        }
        let country = RegionRef::country();
        regions.insert(
            country.clone(),
            Region {
                id: country,
                name_fi: "Koko maa".into(),
                name_sv: "Hela landet".into(),
                name_en: "Whole country".into(),
                sotkanet_id: Some(COUNTRY_SOTKANET_ID),
                county: None,
                maakunta: None,
            },
        );
        let mut register = Register {
            regions,
            by_sotkanet: HashMap::new(),
        };
        register.reindex();
        register
    }

    pub(super) fn reindex(&mut self) {
        self.by_sotkanet = self
            .regions
            .values()
            .filter_map(|r| Some((r.sotkanet_id?, r.id.clone())))
            .collect();
    }

    pub fn get(&self, id: &RegionRef) -> Option<&Region> {
        self.regions.get(id)
    }

    pub fn by_sotkanet_id(&self, id: u32) -> Option<&Region> {
        self.by_sotkanet.get(&id).and_then(|r| self.regions.get(r))
    }

    /// A region named by `CATEGORY:code` or by its Sotkanet id; the error says what the
    /// author may have meant.
    pub fn resolve(&self, text: &str) -> Result<&Region, Msg> {
        let text = text.trim();
        if let Ok(n) = text.parse::<u32>() {
            return self.by_sotkanet_id(n).ok_or_else(|| {
                msg!("{n} is not a Sotkanet region id known to kertomus; write the region as CATEGORY:code (KUNTA:297), or add it to content/data/regions.csv", n)
            });
        }
        let id = RegionRef::parse(text)?;
        self.regions.get(&id).ok_or_else(|| self.unknown(&id))
    }

    fn unknown(&self, id: &RegionRef) -> Msg {
        let wanted: Option<i64> = id.code.parse().ok();
        let nearest = self
            .regions
            .values()
            .filter(|r| r.id.category == id.category)
            .min_by_key(|r| match (wanted, r.id.code.parse::<i64>()) {
                (Some(w), Ok(c)) => (w - c).abs(),
                _ => i64::MAX,
            });
        match nearest {
            Some(r) if wanted.is_some() => {
                msg!("{id} is not {noun}; did you mean {id2} {name_fi}?", id, noun: id.category.noun(), id2 = r.id, name_fi = r.name_fi)
            }
            _ => msg!("{id} is not {noun}", id, noun: id.category.noun()),
        }
    }

    /// Municipalities of a county, a maakunta or the whole country, by name.
    pub fn members(&self, id: &RegionRef) -> Vec<&Region> {
        let mut out: Vec<&Region> = self
            .regions
            .values()
            .filter(|r| r.id.category == Category::Kunta)
            .filter(|r| match id.category {
                Category::Hyvinvointialue => r.county.as_ref() == Some(id),
                Category::Maakunta => r.maakunta.as_ref() == Some(id),
                Category::Maa => true,
                Category::Kunta => false,
            })
            .collect();
        out.sort_by(|a, b| a.name_fi.cmp(&b.name_fi));
        out
    }

    pub fn all(&self) -> impl Iterator<Item = &Region> {
        self.regions.values()
    }
}

#[cfg(test)]
mod tests;
