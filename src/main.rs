//! The `kertomus` command line. Each command lives in its own file under `cmd/`, with its own
//! arguments struct; `cmd::help` puts the help texts into the reader's language.

mod cmd;

use clap::{FromArgMatches, Parser, Subcommand};
use cmd::Ui;
use std::process::ExitCode;

/// mimalloc: measured faster than the system allocator on large builds (ARCHITECTURE.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Builds accessible websites from welfare reports and plans written in Markdown and YAML.
#[derive(Parser)]
#[command(name = "kertomus", version)]
struct Cli {
    /// Print only errors.
    #[arg(short, long, global = true)]
    quiet: bool,
    /// The language of the messages: fi, sv or en (default: from LC_ALL, LC_MESSAGES or LANG).
    #[arg(long, global = true, value_name = "LANG", value_parser = cmd::parse_lang)]
    lang: Option<kertomus::messages::Lang>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site from content/ into public/.
    Build(cmd::build::BuildArgs),
    /// Build and serve the site on this machine, rebuilding and reloading on every save.
    Serve(cmd::serve::ServeArgs),
    /// Report every problem an author can fix, with the plan quality report; writes nothing.
    Check(cmd::check::CheckArgs),
    /// Fetch indicator data from THL's Sotkanet indicator bank.
    Sotkanet {
        #[command(subcommand)]
        command: SotkanetCommand,
    },
    /// Fetch what other sites publish: other kertomus sites' plans.
    Pull {
        #[command(subcommand)]
        command: PullCommand,
    },
    /// Create a new site in DIR that builds as it is.
    Init(cmd::init::InitArgs),
    /// Turn a Word or OpenDocument text (.docx, .odt) into a new document folder of the site.
    Import(cmd::import::ImportArgs),
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
enum PullCommand {
    /// Fetch the plan.json of other kertomus sites (or read such files) into
    /// content/data/plans/, all or nothing.
    Plans(cmd::pull::PlansArgs),
}

#[derive(Subcommand)]
enum SotkanetCommand {
    /// Write content/data/values/<id>.csv for the site's regions and fill missing metadata
    /// (title, unit, decimals, producer) into content/data/indicators.yaml.
    Pull(cmd::sotkanet::PullArgs),
}

fn main() -> ExitCode {
    let lang = cmd::lang_of_process();
    let command = cmd::help::localize(<Cli as clap::CommandFactory>::command(), lang);
    let cli = match command
        .try_get_matches()
        .and_then(|m| Cli::from_arg_matches(&m))
    {
        Ok(cli) => cli,
        Err(e) => return cmd::help::usage_error(&e, lang),
    };
    let ui = Ui {
        lang: cli.lang.unwrap_or(lang),
        quiet: cli.quiet,
    };
    match cli.command {
        Command::Build(args) => cmd::build::run(&args, &ui),
        Command::Serve(args) => cmd::serve::run(&args, &ui),
        Command::Check(args) => cmd::check::run(&args, &ui),
        Command::Sotkanet {
            command: SotkanetCommand::Pull(args),
        } => cmd::sotkanet::run(&args, &ui),
        Command::Pull {
            command: PullCommand::Plans(args),
        } => cmd::pull::run(&args, &ui),
        Command::Init(args) => cmd::init::run(&args, &ui),
        Command::Import(args) => cmd::import::run(&args, &ui),
        Command::Template {
            command: TemplateCommand::Measures(args),
        } => cmd::template::run(&args, &ui),
    }
}

#[cfg(test)]
mod tests {
    /// Every help text of every command and option has its Finnish and Swedish text.
    #[test]
    fn every_help_text_is_in_the_catalogue() {
        let command = <super::Cli as clap::CommandFactory>::command();
        let missing = super::cmd::help::untranslated(&command);
        assert!(
            missing.is_empty(),
            "help texts without a catalogue entry: {missing:#?}"
        );
    }
}
