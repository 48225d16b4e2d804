//! `kertomus init DIR`: write a starter site and say what to do next.

use kertomus::init::Starter;
use kertomus::regions::LookupError;
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

pub(crate) fn run(args: &InitArgs, quiet: bool) -> ExitCode {
    let ci = args.ci.map(|c| match c {
        CiHost::Github => kertomus::init::Ci::Github,
        CiHost::Gitlab => kertomus::init::Ci::Gitlab,
    });
    let starter = match args.organisation.as_deref().map(Starter::find).transpose() {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: {}", lookup_message(&e));
            return ExitCode::from(1);
        }
    };
    match kertomus::init::init_with(&args.dir, starter.as_ref(), ci) {
        Ok(files) => {
            if !quiet {
                next_steps(&args.dir, starter.as_ref(), files.len());
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
    }
}

fn lookup_message(e: &LookupError) -> String {
    match e {
        LookupError::Unknown { given, closest } if closest.is_empty() => format!(
            "`{given}` is not a municipality or wellbeing services county in the 2026 register\n  hint: write KUNTA:code, HYVINVOINTIALUE:code or the name in Finnish or Swedish"
        ),
        LookupError::Unknown { given, closest } => format!(
            "`{given}` is not a municipality or wellbeing services county in the 2026 register\n  hint: did you mean {}?",
            closest.join(", ")
        ),
        LookupError::Ambiguous { given, matches } => format!(
            "`{given}` matches several: {}\n  hint: write the whole name or the code, e.g. --organisation {}",
            matches.join(", "),
            matches[0].rsplit_once('(').map_or("", |(_, c)| c.trim_end_matches(')'))
        ),
        LookupError::NotAnOrganiser { region } => format!(
            "{region} is not a municipality or wellbeing services county\n  hint: welfare reports are made by municipalities (KUNTA:code) and counties (HYVINVOINTIALUE:code)"
        ),
    }
}

fn next_steps(dir: &Path, starter: Option<&Starter>, files: usize) {
    match starter {
        Some(s) => {
            println!(
                "Created a site for {} ({}) in {} ({files} files), in {}.",
                s.name(),
                s.region(),
                dir.display(),
                s.languages().join(" + ")
            );
            if s.members() > 0 {
                println!(
                    "It has a municipality card for each of the {} member municipalities.",
                    s.members()
                );
            }
        }
        None => println!("Created a new site in {} ({files} files).", dir.display()),
    }
    println!();
    println!("Next:");
    println!("  cd {}", dir.display());
    if starter.is_some() {
        println!("  kertomus sotkanet pull   # fetches the indicators' values from THL's Sotkanet");
    }
    println!("  kertomus serve           # shows the site at http://127.0.0.1:1111/ as you edit");
    println!("  kertomus build           # writes the site into public/ for publishing");
    if starter.is_some() {
        let doc = "content/hyvinvointikertomus-2025-2029";
        println!("  kertomus template measures --plan {doc} -o toimenpiteet.xlsx");
        println!("                           # a measures sheet to send to the organisations");
    }
    println!(
        "  edit content/site.yaml   # the site's address, contact and accessibility statement"
    );
}
