//! `kertomus check`: everything a build would report, plus the checks of `kertomus::check`,
//! the plan quality report and survey figure checks, without writing anything. Warnings do
//! not fail the check unless `--deny-warnings` is given; `--format json` is for CI.

use super::build::print_error;
use super::{SiteArgs, Ui};
use kertomus::diagnostics::{grouped, Diagnostic, Severity};
use kertomus::messages::Lang;
use kertomus::msg;
use kertomus::{BuildOptions, Error, FindingKind as Kind};
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
    /// Print every finding in full (the text output groups many alike in one file).
    #[arg(long, visible_alias = "verbose")]
    all: bool,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub(crate) enum Format {
    /// For people.
    Text,
    /// For CI and editors.
    Json,
}

/// The JSON report; messages and hints in `lang`, kinds and severities as fixed names.
fn json(diags: &[(Kind, &Diagnostic)], pages: usize, lang: Lang) -> String {
    let items: Vec<serde_json::Value> = diags
        .iter()
        .map(|(kind, d)| {
            serde_json::json!({
                "path": d.path.to_string_lossy().replace('\\', "/"),
                "line": d.line,
                "column": d.col,
                "severity": if d.is_error() { "error" } else { "warning" },
                "kind": kind.name(),
                "message": d.message.render(lang),
                "hint": d.hint.as_ref().map(|h| h.render(lang)),
            })
        })
        .collect();
    let errors = diags.iter().filter(|(_, d)| d.is_error()).count();
    let kinds: BTreeMap<&str, usize> = warning_kinds(diags)
        .into_iter()
        .map(|(k, n)| (k.name(), n))
        .collect();
    let value = serde_json::json!({
        "pages": pages,
        "errors": errors,
        "warnings": diags.len() - errors,
        "kinds": kinds,
        "diagnostics": items,
    });
    serde_json::to_string_pretty(&value).unwrap_or_default()
}

/// How many warnings of each kind, in report order.
fn warning_kinds(diags: &[(Kind, &Diagnostic)]) -> BTreeMap<Kind, usize> {
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
            let mut all: Vec<(Kind, &Diagnostic)> =
                summary.warnings.iter().map(|d| (Kind::Build, d)).collect();
            all.extend(summary.findings.iter().map(|(k, d)| (*k, d)));
            all.sort_by(|a, b| (&a.1.path, a.1.line, a.1.col).cmp(&(&b.1.path, b.1.line, b.1.col)));
            match format {
                Format::Json => println!("{}", json(&all, summary.pages, ui.lang)),
                Format::Text => print_text(&all, summary.pages, args.all, ui),
            }
            if args.deny_warnings && !all.is_empty() {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }
        (Err(Error::Content(diags)), Format::Json) => {
            let all: Vec<(Kind, &Diagnostic)> = diags
                .iter()
                .map(|d| match d.severity {
                    Severity::Error => (Kind::Error, d),
                    Severity::Warning => (Kind::Build, d),
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

/// The warnings, grouped by kind (all in full with `--all`), then one summary line with the
/// count of each kind, in the report's order.
fn print_text(all: &[(Kind, &Diagnostic)], pages: usize, full: bool, ui: &Ui) {
    let warnings = all.len();
    if warnings > 0 {
        eprint!("{}", grouped(all, ui.lang, full));
    }
    if ui.quiet && warnings == 0 {
        return;
    }
    let detail: Vec<String> = warning_kinds(all)
        .iter()
        .map(|(k, n)| ui.text(&k.counted(*n)))
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
