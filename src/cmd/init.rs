//! `kertomus init DIR`: write a starter site and say what to do next.

use std::path::Path;
use std::process::ExitCode;

pub(crate) fn run(dir: &Path, quiet: bool) -> ExitCode {
    match kertomus::init::init(dir) {
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
