//! `kertomus template measures`: an empty measures sheet for a plan, and what to do with it.

use super::build::print_error;
use super::Ui;
use kertomus::msg;
use kertomus::template::{measures, MeasuresTemplate};
use std::process::ExitCode;

/// An .xlsx sheet for a plan's measures: the plan's goals, the columns, drop-down lists.
#[derive(Debug, clap::Args)]
pub(crate) struct MeasuresArgs {
    /// The site folder, holding content/.
    #[arg(long, value_name = "DIR", default_value = ".")]
    root: std::path::PathBuf,
    /// The plan document's folder, the one with plan.yaml (e.g. content/suunnitelma-2025-2029).
    #[arg(long, value_name = "DIR")]
    plan: std::path::PathBuf,
    /// The organisation the sheet is for (its id in organisations.yaml).
    #[arg(long, value_name = "ID")]
    organisation: Option<String>,
    /// The .xlsx file to write.
    #[arg(long, short, value_name = "FILE")]
    output: std::path::PathBuf,
}

pub(crate) fn run(args: &MeasuresArgs, ui: &Ui) -> ExitCode {
    let t = MeasuresTemplate {
        root: &args.root,
        plan: &args.plan,
        organisation: args.organisation.as_deref(),
        output: &args.output,
    };
    match measures(&t) {
        Ok(goals) => {
            ui.say(&msg!(
                "Wrote {file} with the plan's {goals} {goals|goal|goals} and drop-down lists.",
                file = args.output.display(),
                goals
            ));
            ui.say(&msg!("Send it to the organisation; put the filled-in sheet beside plan.yaml and list it:"));
            let name = args
                .output
                .file_name()
                .unwrap_or_default()
                .to_string_lossy();
            if !ui.quiet {
                println!("  measures_from: [{{file: {name}}}]");
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            print_error(&e, ui);
            ExitCode::from(1)
        }
    }
}
