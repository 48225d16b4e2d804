//! `kertomus sotkanet pull`: fetch indicator data from Sotkanet and say what was written.

use kertomus::diagnostics::report;
use kertomus::sotkanet::{pull, PullError, PullOptions};
use std::process::ExitCode;

pub(crate) fn run(opts: &PullOptions, quiet: bool) -> ExitCode {
    let mut progress = |line: &str| {
        if !quiet {
            eprintln!("{line}");
        }
    };
    match pull(opts, &mut progress) {
        Ok(r) => {
            if !quiet {
                for p in &r.pulled {
                    if !p.regions_without_data.is_empty() {
                        let names: Vec<String> = p
                            .regions_without_data
                            .iter()
                            .take(5)
                            .map(ToString::to_string)
                            .collect();
                        let more = p.regions_without_data.len().saturating_sub(5);
                        println!(
                            "note: indicator {} has no values for {}{}",
                            p.id,
                            names.join(", "),
                            if more > 0 {
                                format!(" and {more} more regions")
                            } else {
                                String::new()
                            }
                        );
                    }
                }
                for (id, keys) in &r.filled {
                    println!(
                        "content/data/indicators.yaml: indicator {id}: added {}",
                        keys.join(", ")
                    );
                }
                for id in &r.skipped {
                    println!("content/data/indicators.yaml: indicator {id}: its entry is a flow mapping over several lines; add title, unit, decimals and producer by hand");
                }
                let rows: usize = r.pulled.iter().map(|p| p.rows).sum();
                println!("Pulled {} indicators ({rows} rows).", r.pulled.len());
            }
            ExitCode::SUCCESS
        }
        Err(PullError::Content(diags)) => {
            eprint!("{}", report(&diags));
            eprintln!("Nothing was written.");
            ExitCode::from(1)
        }
        Err(e) => {
            eprintln!("error: {e}");
            eprintln!("No values file was changed by the failed step.");
            ExitCode::from(1)
        }
    }
}

/// `2010-2025` or a single year.
pub(crate) fn parse_years(s: &str) -> Result<(i32, i32), String> {
    let bad = || format!("`{s}` is not a year range; write e.g. 2010-2025");
    let (a, b) = s.split_once(['-', '–']).unwrap_or((s, s));
    let a: i32 = a.trim().parse().map_err(|_| bad())?;
    let b: i32 = b.trim().parse().map_err(|_| bad())?;
    if !(1900..=2100).contains(&a) || !(1900..=2100).contains(&b) || a > b {
        return Err(bad());
    }
    Ok((a, b))
}
