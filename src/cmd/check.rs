//! `kertomus check`: everything a build would report, plus the plan quality report and survey
//! figure checks, without writing anything. Warnings do not fail the check unless
//! `--deny-warnings` is given.

use super::build::print_error;
use kertomus::diagnostics::report;
use kertomus::BuildOptions;
use std::collections::BTreeMap;
use std::process::ExitCode;

pub fn run(opts: &BuildOptions, deny_warnings: bool, quiet: bool) -> ExitCode {
    match kertomus::build(opts) {
        Ok(summary) => {
            let mut all = summary.warnings.clone();
            all.extend(summary.findings.iter().map(|(_, d)| d.clone()));
            if !all.is_empty() {
                eprint!("{}", report(&all));
            }
            let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
            for (kind, _) in &summary.findings {
                *kinds.entry(kind).or_insert(0) += 1;
            }
            let warnings = all.len();
            if !quiet || warnings > 0 {
                let detail: Vec<String> = kinds.iter().map(|(k, n)| format!("{n} {k}")).collect();
                println!(
                    "Checked {} pages: 0 errors, {warnings} warnings{}",
                    summary.pages,
                    if detail.is_empty() {
                        ".".to_string()
                    } else {
                        format!(" ({}).", detail.join(", "))
                    }
                );
            }
            if deny_warnings && warnings > 0 {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(e) => {
            print_error(&e);
            ExitCode::from(1)
        }
    }
}
