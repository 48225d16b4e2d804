//! `kertomus build`: build the site and print one summary line, or every error.

use super::{SiteArgs, Ui};
use kertomus::diagnostics::report;
use kertomus::msg;
use kertomus::{BuildOptions, Error};
use std::path::PathBuf;
use std::process::ExitCode;

/// Build the site from content/ into public/.
#[derive(Debug, clap::Args)]
pub(crate) struct BuildArgs {
    #[command(flatten)]
    site: SiteArgs,
    /// Where to write the site (default: ROOT/public).
    #[arg(long, short, value_name = "DIR")]
    output: Option<PathBuf>,
    /// The address the site is published at, overriding base_url in site.yaml.
    #[arg(long, value_name = "URL")]
    base_url: Option<String>,
    /// Leave out the search index and search pages (faster builds).
    #[arg(long)]
    no_search: bool,
    /// Leave out the documents' PDFs (faster builds).
    #[arg(long)]
    no_pdf: bool,
    /// Print how long each stage of the build took.
    #[arg(long)]
    timings: bool,
    /// Pages per search index shard (for tests and benchmarks).
    #[arg(long, value_name = "N", default_value_t = 0, hide = true)]
    search_shard_pages: usize,
}

pub(crate) fn run(args: &BuildArgs, ui: &Ui) -> ExitCode {
    let opts = BuildOptions {
        root: args.site.root.clone(),
        output: args.output.clone(),
        base_url: args.base_url.clone(),
        drafts: args.site.drafts,
        check: false,
        external: false,
        search: !args.no_search,
        search_shard_pages: args.search_shard_pages,
        pdf: !args.no_pdf,
    };
    match kertomus::build(&opts) {
        Ok(summary) => {
            if !summary.warnings.is_empty() && !ui.quiet {
                eprint!("{}", report(&summary.warnings, ui.lang));
            }
            ui.say(&msg!(
                "Built {pages} {pages|page|pages} and {files} other {files|file|files} into {output} in {seconds} s.",
                pages = summary.pages,
                files = summary.files,
                output = summary.output.display(),
                seconds = ui.seconds(summary.elapsed)
            ));
            if args.timings {
                print_timings(&summary, ui);
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            print_error(&e, ui);
            ExitCode::from(1)
        }
    }
}

/// One line per stage with its time, and what the search index reused.
fn print_timings(summary: &kertomus::Summary, ui: &Ui) {
    use kertomus::Stage;
    for (stage, took) in &summary.timings.stages {
        let name = match stage {
            Stage::Load => msg!("load"),
            Stage::Parse => msg!("parse"),
            Stage::Data => msg!("data files"),
            Stage::Resolve => msg!("resolve"),
            Stage::Pdf => msg!("PDF files"),
            Stage::Render => msg!("render"),
            Stage::Search => msg!("search index"),
            Stage::Write => msg!("write"),
        };
        println!("  {:<14} {:>8} s", ui.text(&name), ui.seconds(*took));
    }
    if let Some(s) = summary.search {
        ui.say(&msg!(
            "Search index: {pages} pages in {shards} {shards|shard|shards}, {indexed} indexed in this build, the others unchanged.",
            pages = s.pages,
            shards = s.shards,
            indexed = s.indexed
        ));
        if let kertomus::Finnish::Analysed(words) = s.finnish {
            ui.say(&msg!(
                "Finnish: {words} distinct words analysed with libvoikko.",
                words
            ));
        }
    }
}

/// Prints a build error; content errors with file, line, column and source line.
pub(crate) fn print_error(e: &Error, ui: &Ui) {
    match e {
        Error::Content(diags) => eprint!("{}", report(diags, ui.lang)),
        other => ui.error(&other.render(ui.lang)),
    }
    eprintln!(
        "{}",
        ui.text(&msg!(
            "Build failed; the previous output was left as it was."
        ))
    );
}
