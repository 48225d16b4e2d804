//! `kertomus init DIR`: write a starter site and say what to do next.

use std::path::Path;
use std::process::ExitCode;

/// The hosts `--ci` writes a publishing workflow for.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub(crate) enum CiHost {
    /// GitHub Actions and GitHub Pages (.github/workflows/kertomus.yml).
    Github,
    /// GitLab CI and GitLab Pages (.gitlab-ci.yml).
    Gitlab,
}

pub(crate) fn run(dir: &Path, ci: Option<CiHost>, quiet: bool) -> ExitCode {
    let ci = ci.map(|c| match c {
        CiHost::Github => kertomus::init::Ci::Github,
        CiHost::Gitlab => kertomus::init::Ci::Gitlab,
    });
    match kertomus::init::init_with(dir, ci) {
        Ok(files) => {
            if !quiet {
                println!(
                    "Created a new site in {} ({} files).",
                    dir.display(),
                    files.len()
                );
                println!();
                println!("Next:");
                println!("  cd {}", dir.display());
                println!("  kertomus build          # writes the site into public/");
                println!("  edit content/site.yaml  # the site's name, languages and contact");
                println!("Open public/index.html in a browser to see the result.");
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
    }
}
