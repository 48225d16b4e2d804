//! `kertomus check`: everything a build would report, plus the checks of `kertomus::check`,
//! the plan quality report and survey figure checks, without writing anything. Warnings do
//! not fail the check unless `--deny-warnings` is given; `--format json` is for CI.

use super::build::print_error;
use kertomus::diagnostics::{report, Diagnostic, Severity};
use kertomus::{BuildOptions, Error};
use std::collections::BTreeMap;
use std::process::ExitCode;

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub(crate) enum Format {
    Text,
    Json,
}

fn json(diags: &[(&str, &Diagnostic)], pages: usize) -> String {
    let items: Vec<serde_json::Value> = diags
        .iter()
        .map(|(kind, d)| {
            serde_json::json!({
                "path": d.path.to_string_lossy().replace('\\', "/"),
                "line": d.line,
                "column": d.col,
                "severity": if d.is_error() { "error" } else { "warning" },
                "kind": kind,
                "message": d.message,
                "hint": d.hint,
            })
        })
        .collect();
    let errors = diags.iter().filter(|(_, d)| d.is_error()).count();
    let kinds = warning_kinds(diags);
    let value = serde_json::json!({
        "pages": pages,
        "errors": errors,
        "warnings": diags.len() - errors,
        "kinds": kinds,
        "diagnostics": items,
    });
    serde_json::to_string_pretty(&value).unwrap_or_default()
}

/// How many warnings of each kind, for the summary line and the JSON report.
fn warning_kinds<'a>(diags: &[(&'a str, &Diagnostic)]) -> BTreeMap<&'a str, usize> {
    let mut kinds = BTreeMap::new();
    for (kind, _) in diags.iter().filter(|(_, d)| !d.is_error()) {
        *kinds.entry(*kind).or_insert(0) += 1;
    }
    kinds
}

pub(crate) fn run(
    opts: &BuildOptions,
    deny_warnings: bool,
    format: Format,
    quiet: bool,
) -> ExitCode {
    match (kertomus::build(opts), format) {
        (Ok(summary), format) => {
            let mut all: Vec<(&str, &Diagnostic)> =
                summary.warnings.iter().map(|d| ("build", d)).collect();
            all.extend(summary.findings.iter().map(|(k, d)| (*k, d)));
            all.sort_by(|a, b| (&a.1.path, a.1.line, a.1.col).cmp(&(&b.1.path, b.1.line, b.1.col)));
            let warnings = all.len();
            match format {
                Format::Json => println!("{}", json(&all, summary.pages)),
                Format::Text => {
                    let diags: Vec<Diagnostic> = all.iter().map(|(_, d)| (*d).clone()).collect();
                    if !diags.is_empty() {
                        eprint!("{}", report(&diags));
                    }
                    let kinds = warning_kinds(&all);
                    if !quiet || warnings > 0 {
                        let detail: Vec<String> =
                            kinds.iter().map(|(k, n)| format!("{n} {k}")).collect();
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
                }
            }
            if deny_warnings && warnings > 0 {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }
        (Err(Error::Content(diags)), Format::Json) => {
            let all: Vec<(&str, &Diagnostic)> = diags
                .iter()
                .map(|d| {
                    (
                        if d.severity == Severity::Error {
                            "error"
                        } else {
                            "build"
                        },
                        d,
                    )
                })
                .collect();
            println!("{}", json(&all, 0));
            ExitCode::from(1)
        }
        (Err(e), _) => {
            print_error(&e);
            ExitCode::from(1)
        }
    }
}
