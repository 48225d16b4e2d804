//! The `kertomus` command line. Each command lives in its own file under `cmd/`.

mod cmd;

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

/// Builds accessible websites from welfare reports and plans written in Markdown and YAML.
#[derive(Parser)]
#[command(name = "kertomus", version)]
struct Cli {
    /// Print only errors.
    #[arg(short, long, global = true)]
    quiet: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site from content/ into public/.
    Build {
        /// The site folder, holding content/.
        #[arg(long, value_name = "DIR", default_value = ".")]
        root: PathBuf,
        /// Where to write the site (default: ROOT/public).
        #[arg(long, short, value_name = "DIR")]
        output: Option<PathBuf>,
        /// The address the site is published at, overriding base_url in site.yaml.
        #[arg(long, value_name = "URL")]
        base_url: Option<String>,
        /// Include pages marked `draft: true`.
        #[arg(long)]
        drafts: bool,
    },
    /// Create a new site in DIR that builds as it is.
    Init {
        /// The folder to create (it must not exist or be empty).
        dir: PathBuf,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Build {
            root,
            output,
            base_url,
            drafts,
        } => {
            let opts = kertomus::BuildOptions {
                root,
                output,
                base_url,
                drafts,
            };
            cmd::build::run(&opts, cli.quiet)
        }
        Command::Init { dir } => cmd::init::run(&dir, cli.quiet),
    }
}
