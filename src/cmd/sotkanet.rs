//! `kertomus sotkanet pull`: fetch indicator data from Sotkanet and say what was written.

use super::Ui;
use kertomus::diagnostics::report;
use kertomus::msg;
use kertomus::sotkanet::{pull, PullError, PullOptions, PullReport};
use std::path::PathBuf;
use std::process::ExitCode;

/// Write content/data/values/<id>.csv for the site's regions and fill missing metadata
/// (title, unit, decimals, producer) into content/data/indicators.yaml.
#[derive(Debug, clap::Args)]
pub(crate) struct PullArgs {
    /// The site folder, holding content/.
    #[arg(long, value_name = "DIR", default_value = ".")]
    root: PathBuf,
    /// Pull this indicator (repeatable); default: every Sotkanet indicator in indicators.yaml.
    #[arg(long = "indicator", value_name = "ID")]
    indicators: Vec<String>,
    /// Years to fetch, e.g. 2010-2025 (default: 2010 to this year).
    #[arg(long, value_name = "FROM-TO", value_parser = parse_years)]
    years: Option<(i32, i32)>,
    /// The API's base address.
    #[arg(long, value_name = "URL", default_value = kertomus::sotkanet::DEFAULT_BASE)]
    api: String,
}

pub(crate) fn run(args: &PullArgs, ui: &Ui) -> ExitCode {
    let opts = PullOptions {
        root: args.root.clone(),
        api: args.api.clone(),
        indicators: args.indicators.clone(),
        years: args.years.unwrap_or((2010, this_year())),
    };
    let mut progress = |m: &kertomus::messages::Msg| {
        if !ui.quiet {
            eprintln!("{}", ui.text(m));
        }
    };
    match pull(&opts, &mut progress) {
        Ok(r) => {
            tell(&r, ui);
            ExitCode::SUCCESS
        }
        Err(PullError::Content(diags)) => {
            eprint!("{}", report(&diags, ui.lang));
            eprintln!("{}", ui.text(&msg!("Nothing was written.")));
            ExitCode::from(1)
        }
        Err(e) => {
            ui.error(&e.render(ui.lang));
            eprintln!(
                "{}",
                ui.text(&msg!("No values file was changed by the failed step."))
            );
            ExitCode::from(1)
        }
    }
}

/// What the pull wrote, and the regions Sotkanet has no values for.
fn tell(r: &PullReport, ui: &Ui) {
    for p in &r.pulled {
        if p.regions_without_data.is_empty() {
            continue;
        }
        let names: Vec<String> = p
            .regions_without_data
            .iter()
            .take(5)
            .map(ToString::to_string)
            .collect();
        let more = p.regions_without_data.len().saturating_sub(5);
        let regions = names.join(", ");
        ui.say(&if more > 0 {
            msg!(
                "note: indicator {id} has no values for {regions} and {more} more regions",
                id = p.id,
                regions,
                more
            )
        } else {
            msg!(
                "note: indicator {id} has no values for {regions}",
                id = p.id,
                regions
            )
        });
    }
    for (id, keys) in &r.filled {
        ui.say(&msg!(
            "content/data/indicators.yaml: indicator {id}: added {keys}",
            id,
            keys = keys.join(", ")
        ));
    }
    for id in &r.skipped {
        ui.say(&msg!("content/data/indicators.yaml: indicator {id}: its entry is a flow mapping over several lines; add title, unit, decimals and producer by hand", id));
    }
    let rows: usize = r.pulled.iter().map(|p| p.rows).sum();
    let n = r.pulled.len();
    ui.say(&msg!(
        "Pulled {n} {n|indicator|indicators} ({rows} {rows|row|rows}).",
        n,
        rows
    ));
}

/// This year by the one date source (`SOURCE_DATE_EPOCH` when set, as for the build), so a
/// pull can be repeated as of a given day.
fn this_year() -> i32 {
    kertomus::today()
        .and_then(|d| d.get(..4)?.parse().ok())
        .unwrap_or(2026)
}

/// `2010-2025` or a single year.
pub(crate) fn parse_years(s: &str) -> Result<(i32, i32), String> {
    let bad = || {
        let m = msg!("`{s}` is not a year range; write e.g. 2010-2025", s);
        m.render(super::lang_of_process())
    };
    let (a, b) = s.split_once(['-', '–']).unwrap_or((s, s));
    let a: i32 = a.trim().parse().map_err(|_| bad())?;
    let b: i32 = b.trim().parse().map_err(|_| bad())?;
    if !(1900..=2100).contains(&a) || !(1900..=2100).contains(&b) || a > b {
        return Err(bad());
    }
    Ok((a, b))
}
