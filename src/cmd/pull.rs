//! `kertomus pull plans`: fetch other kertomus sites' plans and say what was written.

use super::Ui;
use kertomus::msg;
use kertomus::pull::{pull_plans, PullPlansOptions};
use std::path::PathBuf;
use std::process::ExitCode;

/// Fetch the plan.json of other kertomus sites (or read such files) into
/// content/data/plans/, all or nothing.
#[derive(Debug, clap::Args)]
pub(crate) struct PlansArgs {
    /// The site folder, holding content/.
    #[arg(long, value_name = "DIR", default_value = ".")]
    root: PathBuf,
    /// Addresses of plan.json files (https://…/data/plan.json) or file paths.
    #[arg(value_name = "URL", required = true)]
    sources: Vec<String>,
}

pub(crate) fn run(args: &PlansArgs, ui: &Ui) -> ExitCode {
    let opts = PullPlansOptions {
        root: args.root.clone(),
        sources: args.sources.clone(),
    };
    let today = kertomus::today().unwrap_or_default();
    match pull_plans(&opts, &today) {
        Ok(files) => {
            for f in &files {
                ui.say(&msg!(
                    "{path}: {n} {n|plan|plans} ({keys})",
                    path = f.path.display(),
                    n = f.plans.len(),
                    keys = f.plans.join(", ")
                ));
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            ui.error(&e.render(ui.lang));
            eprintln!("{}", ui.text(&msg!("Nothing was written.")));
            ExitCode::from(1)
        }
    }
}
