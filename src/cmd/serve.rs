//! `kertomus serve`: build, serve on loopback, rebuild and reload on every save.

use super::Ui;
use kertomus::msg;
use kertomus::serve::{start, ServeOptions};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

/// Build and serve the site on this machine, rebuilding and reloading on every save.
#[derive(Debug, clap::Args)]
pub(crate) struct ServeArgs {
    #[command(flatten)]
    site: super::SiteArgs,
    /// The address to listen on; anything but loopback is visible to other machines.
    #[arg(long, default_value = "127.0.0.1")]
    bind: std::net::IpAddr,
    /// The port to listen on.
    #[arg(long, default_value_t = 1111)]
    port: u16,
}

pub(crate) fn run(args: &ServeArgs, ui: &Ui) -> ExitCode {
    let opts = ServeOptions {
        root: args.site.root.clone(),
        bind: args.bind,
        port: args.port,
        drafts: args.site.drafts,
        output: None::<PathBuf>,
        lang: ui.lang,
    };
    if !opts.bind.is_loopback() {
        let warning = msg!(
            "serving on {bind} makes the work-in-progress site (and its error messages) visible to other machines; use the default 127.0.0.1 unless you mean it",
            bind = opts.bind
        );
        eprintln!("{}: {}", ui.text(&msg!("warning")), ui.text(&warning));
    }
    let quiet = ui.quiet;
    // The log's lines are already in the reader's language; a failed build is always shown.
    let failed = ui.text(&msg!("the build failed"));
    let log: Arc<dyn Fn(&str) + Send + Sync> = Arc::new(move |line: &str| {
        if !quiet || line.contains(failed.as_str()) {
            eprintln!("{line}");
        }
    });
    match start(&opts, log) {
        Ok(running) => {
            ui.say(&msg!(
                "Serving http://{addr}/ (press Ctrl-C to stop). Editing files under content/ or themes/ rebuilds the site and reloads open pages.",
                addr = running.addr
            ));
            ui.say(&msg!(
                "The preview makes no PDFs (typesetting every document on each save would slow it down); `kertomus build` makes them."
            ));
            // Ctrl-C, SIGTERM and SIGHUP end the server and take its private folder along
            // (ctrlc with its `termination` feature); 130 is the shells' code for Ctrl-C.
            // Should the handler not be set, the signals keep their default effect and the
            // folder stays until the next run removes it.
            let stop = running.stopper();
            let _ = ctrlc::set_handler(move || {
                stop();
                std::process::exit(130);
            });
            running.wait();
            ExitCode::SUCCESS
        }
        Err(e) => {
            ui.error(&e.render(ui.lang));
            ExitCode::from(1)
        }
    }
}
