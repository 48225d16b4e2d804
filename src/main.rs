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
        /// Leave out the search index and search pages (faster builds).
        #[arg(long)]
        no_search: bool,
    },
    /// Build and serve the site on this machine, rebuilding and reloading on every save.
    Serve {
        /// The site folder, holding content/.
        #[arg(long, value_name = "DIR", default_value = ".")]
        root: PathBuf,
        /// The address to listen on; anything but loopback is visible to other machines.
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// Include pages marked `draft: true`.
        #[arg(long)]
        drafts: bool,
    },
    /// Report every problem an author can fix, with the plan quality report; writes nothing.
    Check {
        /// The site folder, holding content/.
        #[arg(long, value_name = "DIR", default_value = ".")]
        root: PathBuf,
        /// Check pages marked `draft: true` too.
        #[arg(long)]
        drafts: bool,
        /// Exit with code 1 when there are warnings.
        #[arg(long)]
        deny_warnings: bool,
        /// Also fetch links to other sites (10 s timeout, one request per host at a time).
        #[arg(long)]
        external: bool,
        /// Output format: human-readable text, or JSON for CI.
        #[arg(long, value_enum, default_value = "text")]
        format: cmd::check::Format,
    },
    /// Fetch indicator data from THL's Sotkanet indicator bank.
    Sotkanet {
        #[command(subcommand)]
        command: SotkanetCommand,
    },
    /// Create a new site in DIR that builds as it is.
    Init(cmd::init::InitArgs),
    /// Write a template file, such as a measures sheet to send to the organisations.
    Template {
        #[command(subcommand)]
        command: TemplateCommand,
    },
}

#[derive(Subcommand)]
enum TemplateCommand {
    /// An .xlsx sheet for a plan's measures: the plan's goals, the columns, drop-down lists.
    Measures(cmd::template::MeasuresArgs),
}

#[derive(Subcommand)]
enum SotkanetCommand {
    /// Write content/data/values/<id>.csv for the site's regions and fill missing metadata
    /// (title, unit, decimals, producer) into content/data/indicators.yaml.
    Pull {
        /// The site folder, holding content/.
        #[arg(long, value_name = "DIR", default_value = ".")]
        root: PathBuf,
        /// Pull this indicator (repeatable); default: every Sotkanet indicator in indicators.yaml.
        #[arg(long = "indicator", value_name = "ID")]
        indicators: Vec<String>,
        /// Years to fetch, e.g. 2010-2025 (default: 2010 to this year).
        #[arg(long, value_name = "FROM-TO", value_parser = cmd::sotkanet::parse_years)]
        years: Option<(i32, i32)>,
        /// The API's base address.
        #[arg(long, value_name = "URL", default_value = kertomus::sotkanet::DEFAULT_BASE)]
        api: String,
    },
}

fn this_year() -> i32 {
    use chrono::Datelike;
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    chrono::DateTime::from_timestamp(i64::try_from(secs).unwrap_or(0), 0).map_or(2026, |t| t.year())
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Build {
            root,
            output,
            base_url,
            drafts,
            no_search,
        } => {
            let opts = kertomus::BuildOptions {
                root,
                output,
                base_url,
                drafts,
                check: false,
                external: false,
                search: !no_search,
            };
            cmd::build::run(&opts, cli.quiet)
        }
        Command::Serve {
            root,
            bind,
            port,
            drafts,
        } => {
            let opts = kertomus::serve::ServeOptions {
                root,
                bind,
                port,
                drafts,
                output: None,
            };
            cmd::serve::run(&opts, cli.quiet)
        }
        Command::Check {
            root,
            drafts,
            deny_warnings,
            external,
            format,
        } => {
            let opts = kertomus::BuildOptions {
                root,
                output: None,
                base_url: None,
                drafts,
                check: true,
                external,
                search: false,
            };
            cmd::check::run(&opts, deny_warnings, format, cli.quiet)
        }
        Command::Sotkanet {
            command:
                SotkanetCommand::Pull {
                    root,
                    indicators,
                    years,
                    api,
                },
        } => {
            let opts = kertomus::sotkanet::PullOptions {
                root,
                api,
                indicators,
                years: years.unwrap_or((2010, this_year())),
            };
            cmd::sotkanet::run(&opts, cli.quiet)
        }
        Command::Init(args) => cmd::init::run(&args, cli.quiet),
        Command::Template {
            command: TemplateCommand::Measures(args),
        } => cmd::template::run(&args, cli.quiet),
    }
}
