//! `kertomus sotkanet pull`: fetches indicator metadata and values from THL's Sotkanet REST API
//! for the site's indicators and regions, writes `content/data/values/<id>.csv` in the
//! Sotkanet CSV shape and fills missing metadata into `indicators.yaml`.
//!
//! Everything is fetched before anything is written, and every file is written to a temporary
//! name and renamed into place, so a failed pull leaves no half-written CSV behind.

mod api;
mod fill;

pub use api::DEFAULT_BASE;

use crate::base::diagnostics::Diagnostic;
use crate::base::messages::{Lang, Msg};
use crate::model::config::Config;
use crate::model::regions::{Category, RegionRef, Register};
use crate::msg;
use api::{to_meta, ApiError, Client};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

/// What to pull.
#[derive(Debug, Clone)]
pub struct PullOptions {
    /// The site folder (holding `content/`).
    pub root: PathBuf,
    /// The API's base address.
    pub api: String,
    /// Indicator ids; empty: every Sotkanet indicator of indicators.yaml.
    pub indicators: Vec<String>,
    /// First and last year, inclusive.
    pub years: (i32, i32),
}

/// Why `kertomus sotkanet pull` wrote nothing.
#[derive(Debug, thiserror::Error)]
pub enum PullError {
    /// Problems in the site's files, with positions.
    #[error("the site has {} error(s)", .0.len())]
    Content(Vec<Diagnostic>),
    /// The API could not be reached or answered wrongly.
    #[error(transparent)]
    Api(#[from] ApiError),
    /// The command was given something it cannot use.
    #[error("{0}")]
    Usage(Msg),
    /// A file could not be read or written.
    #[error("{}: {source}", .path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
}

impl PullError {
    /// What went wrong, in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        match self {
            PullError::Content(d) => {
                msg!("the site has {n} {n|error|errors}", n = d.len()).render(lang)
            }
            PullError::Api(e) => e.render(lang),
            PullError::Usage(m) => m.render(lang),
            PullError::Io { path, source } => format!("{}: {source}", path.display()),
        }
    }
}

/// What one indicator's pull wrote.
#[derive(Debug, Clone)]
pub struct Pulled {
    /// The indicator's id.
    pub id: String,
    /// The values file written.
    pub file: PathBuf,
    /// Rows in it.
    pub rows: usize,
    /// Regions of the site that had no rows at all.
    pub regions_without_data: Vec<RegionRef>,
}

/// What a pull did.
#[derive(Debug, Default)]
pub struct PullReport {
    /// Each indicator fetched.
    pub pulled: Vec<Pulled>,
    /// Keys added to indicators.yaml, per id.
    pub filled: Vec<(String, Vec<&'static str>)>,
    /// Ids whose metadata could not be placed in indicators.yaml (edit by hand).
    pub skipped: Vec<String>,
}

const GENDERS: [&str; 3] = ["total", "male", "female"];

/// Runs the pull; `progress` gets one line per step for the terminal. Everything is fetched
/// before anything is written, so a failed fetch changes no file.
pub fn pull(opts: &PullOptions, progress: &mut dyn FnMut(&Msg)) -> Result<PullReport, PullError> {
    let site = Prepared::read(opts)?;
    let client = Client::new(&opts.api);
    progress(&msg!("Fetching the region list from {api}", api = opts.api));
    let by_sotkanet = site_regions_by_id(&client, &site.wanted)?;
    let mut fetched = Vec::new();
    for (id, number) in &site.ids {
        progress(&msg!("Indicator {id}: metadata", id));
        let meta = client.indicator(*number)?;
        progress(&msg!(
            "Indicator {id}: values {from}–{to} for {n} {n|region|regions}",
            id,
            from = opts.years.0,
            to = opts.years.1,
            n = site.wanted.len()
        ));
        let rows = client.data(*number, opts.years, &GENDERS)?;
        fetched.push((id.clone(), meta, rows));
    }
    let values_dir = opts.root.join("content/data/values");
    std::fs::create_dir_all(&values_dir).map_err(io(&values_dir))?;
    let mut report = PullReport::default();
    let mut metas = Vec::new();
    for (id, meta, rows) in &fetched {
        let pulled = write_values(&values_dir, id, rows, &by_sotkanet, &site.wanted)?;
        progress(&msg!(
            "Indicator {id}: wrote {rows} {rows|row|rows} to {file}",
            id,
            rows = pulled.rows,
            file = pulled.file.display()
        ));
        report.pulled.push(pulled);
        metas.push(to_meta(id, meta));
    }
    let filled = site.fill_metadata(opts, &metas)?;
    report.filled = filled.added;
    report.skipped = filled.skipped;
    Ok(report)
}

const INDICATORS_YAML: &str = "content/data/indicators.yaml";

/// What the pull reads from the site before fetching.
struct Prepared {
    wanted: BTreeSet<RegionRef>,
    ids: Vec<(String, u32)>,
    yaml_text: String,
}

impl Prepared {
    fn read(opts: &PullOptions) -> Result<Prepared, PullError> {
        let config = Config::load(&opts.root, None).map_err(PullError::Content)?;
        let mut diags = Vec::new();
        let register =
            crate::model::regions::Register::load(&opts.root.join("content"), &mut diags);
        if !diags.is_empty() {
            return Err(PullError::Content(diags));
        }
        let yaml_path = opts.root.join(INDICATORS_YAML);
        let yaml_text = match std::fs::read_to_string(&yaml_path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
            Err(e) => return Err(io(&yaml_path)(e)),
        };
        let listed = fill::listed_ids(&yaml_text).map_err(|e| yaml_error(&yaml_text, e))?;
        let ids = indicator_ids(opts, listed)?;
        if opts.years.0 > opts.years.1 {
            return Err(PullError::Usage(msg!(
                "--years {years}-{years2}: the first year comes first",
                years = opts.years.0,
                years2 = opts.years.1
            )));
        }
        Ok(Prepared {
            wanted: site_regions(&config, &register),
            ids,
            yaml_text,
        })
    }

    /// Fills the metadata of new indicators into indicators.yaml, only if the result is a
    /// file the build accepts; otherwise the author's file stays as it was.
    fn fill_metadata(
        &self,
        opts: &PullOptions,
        metas: &[fill::Meta],
    ) -> Result<fill::Filled, PullError> {
        let yaml_rel = Path::new(INDICATORS_YAML);
        let yaml_path = opts.root.join(yaml_rel);
        let filled =
            fill::fill(&self.yaml_text, metas).map_err(|e| yaml_error(&self.yaml_text, e))?;
        if filled.added.is_empty() {
            return Ok(filled);
        }
        if let Err(e) =
            crate::base::yaml::parse::<Vec<crate::model::indicators::Indicator>>(&filled.text)
        {
            return Err(PullError::Usage(
                msg!("{yaml_rel}: the values were written, but filling metadata would leave the file invalid ({message} at line {line}), so it was not changed; add title, unit, decimals and producer by hand", yaml_rel = yaml_rel.display(), message: e.message, line = e.line),
            ));
        }
        if let Some(dir) = yaml_path.parent() {
            std::fs::create_dir_all(dir).map_err(io(dir))?;
        }
        write_atomically(&yaml_path, filled.text.as_bytes())?;
        Ok(filled)
    }
}

fn yaml_error(text: &str, e: crate::base::yaml::YamlError) -> PullError {
    let d = Diagnostic::at_line_col(INDICATORS_YAML, text, e.line, e.col, e.message);
    PullError::Content(vec![d])
}

/// Sotkanet's region numbers of the regions the site shows.
fn site_regions_by_id(
    client: &Client,
    wanted: &BTreeSet<RegionRef>,
) -> Result<HashMap<u32, RegionRef>, PullError> {
    Ok(client
        .regions()?
        .into_iter()
        .filter_map(|r| {
            let category = Category::parse(&r.category)?;
            let id = RegionRef::new(category, &r.code);
            wanted.contains(&id).then_some((r.id, id))
        })
        .collect())
}

/// Writes one indicator's values file; says which wanted regions had no data.
fn write_values(
    values_dir: &Path,
    id: &str,
    rows: &[api::ApiRow],
    by_sotkanet: &HashMap<u32, RegionRef>,
    wanted: &BTreeSet<RegionRef>,
) -> Result<Pulled, PullError> {
    let mut table: BTreeMap<(&RegionRef, i32, usize), &api::ApiRow> = BTreeMap::new();
    for row in rows {
        let (Some(region), Some(g)) = (
            by_sotkanet.get(&row.region),
            GENDERS.iter().position(|g| *g == row.gender),
        ) else {
            continue;
        };
        table.insert((region, row.year, g), row);
    }
    let csv = values_csv(id, &table);
    write_atomically(&values_dir.join(format!("{id}.csv")), csv.as_bytes())?;
    let covered: BTreeSet<&RegionRef> = table.keys().map(|k| k.0).collect();
    Ok(Pulled {
        id: id.to_string(),
        file: Path::new("content/data/values").join(format!("{id}.csv")),
        rows: table.len(),
        regions_without_data: wanted
            .iter()
            .filter(|r| !covered.contains(r))
            .cloned()
            .collect(),
    })
}

/// The ids to pull with their Sotkanet numbers.
fn indicator_ids(
    opts: &PullOptions,
    listed: Vec<(String, bool)>,
) -> Result<Vec<(String, u32)>, PullError> {
    let from_yaml = opts.indicators.is_empty();
    let ids: Vec<String> = if from_yaml {
        // Local indicators are the author's own numbers, not Sotkanet's.
        listed
            .into_iter()
            .filter(|(id, local)| !local && id.parse::<u32>().is_ok())
            .map(|(id, _)| id)
            .collect()
    } else {
        opts.indicators.clone()
    };
    if ids.is_empty() {
        return Err(PullError::Usage(
            msg!("no Sotkanet indicators to pull: content/data/indicators.yaml lists none with a numeric id; add one (- id: \"5527\") or pass --indicator 5527"),
        ));
    }
    let mut out = Vec::new();
    for id in ids {
        match id.trim().parse::<u32>() {
            Ok(n) => out.push((n.to_string(), n)),
            Err(_) => {
                return Err(PullError::Usage(msg!(
                    "`{id}` is not a Sotkanet indicator id; Sotkanet ids are numbers such as 5527",
                    id
                )))
            }
        }
    }
    out.dedup();
    Ok(out)
}

/// The regions a site shows: home and compare regions, the card region and its members, the
/// home region's members (for the municipal bar chart), and the whole country (but not all
/// its municipalities).
pub fn site_regions(config: &Config, register: &Register) -> BTreeSet<RegionRef> {
    let mut out = BTreeSet::new();
    out.insert(RegionRef::country());
    let named = config
        .home_region
        .iter()
        .chain(&config.compare_regions)
        .chain(config.municipality_cards.iter().map(|c| &c.region));
    for text in named {
        if let Ok(region) = register.resolve(text) {
            out.insert(region.id.clone());
            out.extend(region.county.clone());
            if region.id.category == Category::Maa {
                continue;
            }
            for m in register.members(&region.id) {
                out.insert(m.id.clone());
                out.extend(m.county.clone());
            }
        }
    }
    out
}

/// The Sotkanet CSV export shape, with regions written as `CATEGORY:code` (the register does
/// not know Sotkanet's ids for municipalities, and the reference reads better).
fn values_csv(id: &str, table: &BTreeMap<(&RegionRef, i32, usize), &api::ApiRow>) -> String {
    let mut out = String::from("indicator;region;year;gender;primary value;absolute value\n");
    let num = |v: Option<f64>| v.map(|v| v.to_string()).unwrap_or_default();
    for ((region, year, g), row) in table {
        out.push_str(&format!(
            "{id};{region};{year};{};{};{}\n",
            GENDERS[*g],
            num(row.value),
            num(row.abs_value)
        ));
    }
    out
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> PullError {
    let path = path.to_path_buf();
    move |source| PullError::Io { path, source }
}

/// Writes beside the target and renames over it: a reader never sees half a file.
fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), PullError> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = path.with_file_name(format!(".{name}.kertomus-tmp"));
    std::fs::write(&tmp, bytes).map_err(io(&tmp))?;
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        io(path)(e)
    })
}

#[cfg(test)]
mod tests;
