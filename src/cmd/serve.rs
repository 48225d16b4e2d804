//! `kertomus serve`: build, serve on loopback, rebuild and reload on every save.

use kertomus::serve::{start, ServeOptions};
use std::process::ExitCode;
use std::sync::Arc;

pub(crate) fn run(opts: &ServeOptions, quiet: bool) -> ExitCode {
    if !opts.bind.is_loopback() {
        eprintln!(
            "warning: serving on {} makes the work-in-progress site (and its error messages) visible to other machines; use the default 127.0.0.1 unless you mean it",
            opts.bind
        );
    }
    let log: Arc<dyn Fn(&str) + Send + Sync> = Arc::new(move |line: &str| {
        if !quiet || line.contains("failed") {
            eprintln!("{line}");
        }
    });
    match start(opts, log) {
        Ok(running) => {
            println!(
                "Serving http://{}/ (press Ctrl-C to stop). Editing files under content/ or themes/ rebuilds the site and reloads open pages.",
                running.addr
            );
            running.wait();
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
    }
}
