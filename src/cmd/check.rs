//! `kertomus check`: everything a build would report, plus the checks of `kertomus::check`,
//! the plan quality report and survey figure checks, without writing anything. Warnings do
//! not fail the check unless `--deny-warnings` is given; `--format json` is for CI.

use super::build::print_error;
use super::{SiteArgs, Ui};
use kertomus::diagnostics::{report, Diagnostic, Severity};
use kertomus::messages::Lang;
use kertomus::msg;
use kertomus::{BuildOptions, Error};
use std::collections::BTreeMap;
use std::process::ExitCode;

/// Report every problem an author can fix, with the plan quality report; writes nothing.
#[derive(Debug, clap::Args)]
pub(crate) struct CheckArgs {
    #[command(flatten)]
    site: SiteArgs,
    /// Exit with code 1 when there are warnings.
    #[arg(long)]
    deny_warnings: bool,
    /// Also fetch links to other sites (10 s timeout, one request per host at a time).
    #[arg(long)]
    external: bool,
    /// Output format: human-readable text, or JSON for CI.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub(crate) enum Format {
    /// For people.
    Text,
    /// For CI and editors.
    Json,
}

/// The JSON report; messages and hints in `lang`, kinds and severities as fixed names.
fn json(diags: &[(&str, &Diagnostic)], pages: usize, lang: Lang) -> String {
    let items: Vec<serde_json::Value> = diags
        .iter()
        .map(|(kind, d)| {
            serde_json::json!({
                "path": d.path.to_string_lossy().replace('\\', "/"),
                "line": d.line,
                "column": d.col,
                "severity": if d.is_error() { "error" } else { "warning" },
                "kind": kind,
                "message": d.message.render(lang),
                "hint": d.hint.as_ref().map(|h| h.render(lang)),
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

pub(crate) fn run(args: &CheckArgs, ui: &Ui) -> ExitCode {
    let opts = BuildOptions {
        root: args.site.root.clone(),
        output: None,
        base_url: None,
        drafts: args.site.drafts,
        check: true,
        external: args.external,
        search: false,
        search_shard_pages: 0,
        // A PDF that cannot be made fails the build: check finds it first.
        pdf: true,
    };
    match (kertomus::build(&opts), args.format) {
        (Ok(summary), format) => {
            let mut all: Vec<(&str, &Diagnostic)> =
                summary.warnings.iter().map(|d| ("build", d)).collect();
            all.extend(summary.findings.iter().map(|(k, d)| (*k, d)));
            all.sort_by(|a, b| (&a.1.path, a.1.line, a.1.col).cmp(&(&b.1.path, b.1.line, b.1.col)));
            match format {
                Format::Json => println!("{}", json(&all, summary.pages, ui.lang)),
                Format::Text => print_text(&all, summary.pages, ui),
            }
            if args.deny_warnings && !all.is_empty() {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }
        (Err(Error::Content(diags)), Format::Json) => {
            let all: Vec<(&str, &Diagnostic)> = diags
                .iter()
                .map(|d| match d.severity {
                    Severity::Error => ("error", d),
                    Severity::Warning => ("build", d),
                })
                .collect();
            println!("{}", json(&all, 0, ui.lang));
            ExitCode::from(1)
        }
        (Err(e), _) => {
            print_error(&e, ui);
            ExitCode::from(1)
        }
    }
}

/// The warnings, then one summary line with the count of each kind.
fn print_text(all: &[(&str, &Diagnostic)], pages: usize, ui: &Ui) {
    let warnings = all.len();
    if warnings > 0 {
        let diags: Vec<Diagnostic> = all.iter().map(|(_, d)| (*d).clone()).collect();
        eprint!("{}", report(&diags, ui.lang));
    }
    if ui.quiet && warnings == 0 {
        return;
    }
    let kinds = warning_kinds(all);
    let detail: Vec<String> = kinds
        .iter()
        .map(|(k, n)| format!("{n} {}", ui.text(&kertomus::finding_kind_name(k))))
        .collect();
    let line = msg!(
        "Checked {pages} {pages|page|pages}: 0 errors, {warnings} {warnings|warning|warnings}",
        pages,
        warnings
    );
    let line = ui.text(&line);
    if detail.is_empty() {
        println!("{line}.");
    } else {
        println!("{line} ({}).", detail.join(", "));
    }
}
