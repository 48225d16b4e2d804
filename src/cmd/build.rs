//! `kertomus build`: build the site and print one summary line, or every error.

use kertomus::diagnostics::report;
use kertomus::{BuildOptions, Error};
use std::process::ExitCode;

pub(crate) fn run(opts: &BuildOptions, quiet: bool) -> ExitCode {
    match kertomus::build(opts) {
        Ok(summary) => {
            if !summary.warnings.is_empty() && !quiet {
                eprint!("{}", report(&summary.warnings));
            }
            if !quiet {
                println!(
                    "Built {} pages and {} other files into {} in {:.2} s.",
                    summary.pages,
                    summary.files,
                    summary.output.display(),
                    summary.elapsed.as_secs_f64()
                );
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            print_error(&e);
            ExitCode::from(1)
        }
    }
}

/// Prints a build error; content errors with file, line, column and source line.
pub(crate) fn print_error(e: &Error) {
    match e {
        Error::Content(diags) => {
            eprint!("{}", report(diags));
            eprintln!("Build failed; the previous output was left as it was.");
        }
        other => {
            eprintln!("error: {other}");
            eprintln!("Build failed; the previous output was left as it was.");
        }
    }
}
