//! `kertomus init DIR`: write a starter site and say what to do next.

use super::Ui;
use kertomus::init::Starter;
use kertomus::messages::Msg;
use kertomus::msg;
use kertomus::regions::{LookupError, Named};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The hosts `--ci` writes a publishing workflow for.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub(crate) enum CiHost {
    /// GitHub Actions and GitHub Pages (.github/workflows/kertomus.yml).
    Github,
    /// GitLab CI and GitLab Pages (.gitlab-ci.yml).
    Gitlab,
}

/// Create a new site in DIR that builds as it is.
#[derive(Debug, clap::Args)]
pub(crate) struct InitArgs {
    /// The folder to create (it must not exist or be empty).
    dir: PathBuf,
    /// Make the site for this municipality or wellbeing services county: KUNTA:297,
    /// HYVINVOINTIALUE:13 or a name such as Kuopio.
    #[arg(long, value_name = "ORGANISATION")]
    organisation: Option<String>,
    /// Also write a workflow that checks the site and publishes public/ on every change.
    #[arg(long, value_enum, value_name = "HOST")]
    ci: Option<CiHost>,
}

pub(crate) fn run(args: &InitArgs, ui: &Ui) -> ExitCode {
    let ci = args.ci.map(|c| match c {
        CiHost::Github => kertomus::init::Ci::Github,
        CiHost::Gitlab => kertomus::init::Ci::Gitlab,
    });
    let starter = match args.organisation.as_deref().map(Starter::find).transpose() {
        Ok(s) => s,
        Err(e) => {
            let (message, hint) = lookup_message(&e);
            ui.error(&ui.text(&message));
            eprintln!("  = {}: {}", ui.text(&msg!("hint")), ui.text(&hint));
            return ExitCode::from(1);
        }
    };
    match kertomus::init::init_with(&args.dir, starter.as_ref(), ci) {
        Ok(files) => {
            if !ui.quiet {
                next_steps(&args.dir, starter.as_ref(), files.len(), ui);
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            ui.error(&e.render(ui.lang));
            ExitCode::from(1)
        }
    }
}

/// Regions as a list in a message: `Kuopio (KUNTA:297), Kuopio…`.
fn listed(regions: &[Named]) -> String {
    let names: Vec<String> = regions.iter().map(ToString::to_string).collect();
    names.join(", ")
}

fn lookup_message(e: &LookupError) -> (Msg, Msg) {
    let not = |given: &str| {
        msg!(
            "`{given}` is not a municipality or wellbeing services county in the 2026 register",
            given
        )
    };
    match e {
        LookupError::Unknown { given, closest } if closest.is_empty() => (
            not(given),
            msg!("write KUNTA:code, HYVINVOINTIALUE:code or the name in Finnish or Swedish"),
        ),
        LookupError::Unknown { given, closest } => {
            (not(given), msg!("did you mean {names}?", names = listed(closest)))
        }
        LookupError::Ambiguous { given, matches } => {
            let code = &matches[0].id;
            (
                msg!("`{given}` matches several: {names}", given, names = listed(matches)),
                msg!("write the whole name or the code, e.g. --organisation {code}", code),
            )
        }
        LookupError::NotAnOrganiser { region } => (
            msg!("{region} is not a municipality or wellbeing services county", region),
            msg!("welfare reports are made by municipalities (KUNTA:code) and counties (HYVINVOINTIALUE:code)"),
        ),
    }
}

fn next_steps(dir: &Path, starter: Option<&Starter>, files: usize, ui: &Ui) {
    let dir_shown = dir.display();
    match starter {
        Some(s) => {
            ui.say(&msg!(
                "Created a site for {name} ({region}) in {dir} ({files} files), in {languages}.",
                name = s.name(),
                region = s.region(),
                dir = dir_shown,
                files,
                languages = s.languages().join(" + ")
            ));
            if s.members() > 0 {
                ui.say(&msg!(
                    "It has a municipality card for each of the {n} member municipalities.",
                    n = s.members()
                ));
            }
        }
        None => ui.say(&msg!(
            "Created a new site in {dir} ({files} files).",
            dir = dir_shown,
            files
        )),
    }
    println!();
    println!("{}", ui.text(&msg!("Next:")));
    println!("  cd {dir_shown}");
    let step = |command: &str, what: Msg| println!("  {command:<24} # {}", ui.text(&what));
    if starter.is_some() {
        step(
            "kertomus sotkanet pull",
            msg!("fetches the indicators' values from THL's Sotkanet"),
        );
    }
    step(
        "kertomus serve",
        msg!("shows the site at http://127.0.0.1:1111/ as you edit"),
    );
    step(
        "kertomus build",
        msg!("writes the site into public/ for publishing"),
    );
    if starter.is_some() {
        let doc = "content/hyvinvointikertomus-2025-2029";
        println!("  kertomus template measures --plan {doc} -o toimenpiteet.xlsx");
        println!(
            "  {:<24} # {}",
            "",
            ui.text(&msg!("a measures sheet to send to the organisations"))
        );
    }
    let edit = ui.text(&msg!("edit content/site.yaml"));
    step(
        &edit,
        msg!("the site's address, contact and accessibility statement"),
    );
}
