//! The command line's help and usage errors in the reader's language. clap has no
//! translations of its own, so the command tree built from the doc comments is walked once
//! before parsing: every help text is looked up in the message catalogue (the English text is
//! the key), clap's headings come from our template, and its help and version flags are
//! replaced by ones with translated help.

use kertomus::messages::{translate, Lang, Msg};
use kertomus::msg;
use std::process::ExitCode;

type Command = clap::Command;

/// The command tree with its texts in `lang` (unchanged for English).
pub(crate) fn localize(cmd: Command, lang: Lang) -> Command {
    // One spelling of the help everywhere: `kertomus --help`, `kertomus build --help`.
    let cmd = cmd.disable_help_subcommand(true);
    if lang == Lang::En {
        return cmd;
    }
    let version = msg!("Print version").render(lang);
    walk(cmd, lang).disable_version_flag(true).arg(
        clap::Arg::new("version")
            .short('V')
            .long("version")
            .action(clap::ArgAction::Version)
            .help(version)
            .help_heading(msg!("Options").render(lang)),
    )
}

fn walk(mut cmd: Command, lang: Lang) -> Command {
    let tr = |s: &clap::builder::StyledStr| translate(&s.to_string(), lang).map(str::to_string);
    if let Some(t) = cmd.get_about().and_then(tr) {
        cmd = cmd.about(t);
    }
    if let Some(t) = cmd.get_long_about().and_then(tr) {
        cmd = cmd.long_about(t);
    }
    let ids: Vec<clap::Id> = cmd.get_arguments().map(|a| a.get_id().clone()).collect();
    for id in ids {
        cmd = cmd.mut_arg(id, |a| arg(a, lang));
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        cmd = cmd.mut_subcommand(name, |s| walk(s, lang));
    }
    let template = format!(
        "{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
        msg!("Usage:").render(lang)
    );
    cmd.help_template(template)
        .subcommand_help_heading(msg!("Commands").render(lang))
        .disable_help_flag(true)
        .arg(
            clap::Arg::new("help")
                .short('h')
                .long("help")
                .action(clap::ArgAction::Help)
                .help(msg!("Print help").render(lang))
                .help_heading(msg!("Options").render(lang)),
        )
}

/// One argument: its help in `lang`, under a heading in `lang`, its default value and
/// accepted values said in `lang` (clap would say them in English).
fn arg(mut a: clap::Arg, lang: Lang) -> clap::Arg {
    let mut help = a
        .get_help()
        .map(|h| translate(&h.to_string(), lang).map_or_else(|| h.to_string(), str::to_string))
        .unwrap_or_default();
    let defaults: Vec<String> = a
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if !defaults.is_empty() && a.get_action().takes_values() {
        let value = defaults.join(", ");
        help = format!("{help} {}", msg!("(default: {value})", value).render(lang));
    }
    let values: Vec<String> = a
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_string())
        .collect();
    if !values.is_empty() && a.get_action().takes_values() {
        let values = values.join(", ");
        help = format!("{help} {}", msg!("(one of: {values})", values).render(lang));
    }
    let heading = if a.is_positional() {
        msg!("Arguments")
    } else {
        msg!("Options")
    };
    a = a.help(help).long_help(None::<&'static str>);
    if a.get_action().takes_values() {
        a = a.hide_default_value(true).hide_possible_values(true);
    }
    a.help_heading(heading.render(lang))
}

/// A command line clap refused: help and version are printed as asked; an error is said in
/// `lang` for the kinds a user meets (an unknown option or command, a missing or bad value),
/// in clap's words otherwise.
pub(crate) fn usage_error(e: &clap::Error, lang: Lang) -> ExitCode {
    use clap::error::{ContextKind, ErrorKind};
    if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
        let _ = e.print();
        return ExitCode::SUCCESS;
    }
    let context = |k: ContextKind| e.get(k).map(ToString::to_string).unwrap_or_default();
    let said: Option<Msg> = match e.kind() {
        ErrorKind::UnknownArgument => Some(msg!(
            "unknown option `{arg}`",
            arg = context(ContextKind::InvalidArg)
        )),
        ErrorKind::InvalidSubcommand => Some(msg!(
            "unknown command `{command}`",
            command = context(ContextKind::InvalidSubcommand)
        )),
        ErrorKind::MissingRequiredArgument => Some(msg!(
            "{arg} is required",
            arg = context(ContextKind::InvalidArg)
        )),
        ErrorKind::ValueValidation => {
            use std::error::Error as _;
            let why = e.source().map(ToString::to_string).unwrap_or_default();
            Some(msg!(
                "{arg}: {why}",
                arg = context(ContextKind::InvalidArg),
                why
            ))
        }
        ErrorKind::InvalidValue => Some(msg!(
            "`{value}` is not a valid value for {arg}",
            value = context(ContextKind::InvalidValue),
            arg = context(ContextKind::InvalidArg)
        )),
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            Some(msg!("give a command, such as build, check or serve"))
        }
        _ => None,
    };
    match said {
        Some(m) if lang != Lang::En => {
            eprintln!("{}: {}", msg!("error").render(lang), m.render(lang));
            eprintln!(
                "  = {}: {}",
                msg!("hint").render(lang),
                msg!("see kertomus --help").render(lang)
            );
        }
        _ => {
            let _ = e.print();
        }
    }
    ExitCode::from(2)
}

/// The help texts of the tree that the catalogue has no Finnish or Swedish text for.
#[cfg(test)]
pub(crate) fn untranslated(cmd: &Command) -> Vec<String> {
    let mut texts: Vec<String> = Vec::new();
    collect(cmd, &mut texts);
    texts
        .into_iter()
        .filter(|t| translate(t, Lang::Fi).is_none() || translate(t, Lang::Sv).is_none())
        .collect()
}

#[cfg(test)]
fn collect(cmd: &Command, out: &mut Vec<String>) {
    out.extend(cmd.get_about().map(ToString::to_string));
    out.extend(cmd.get_long_about().map(ToString::to_string));
    for a in cmd.get_arguments() {
        out.extend(a.get_help().map(ToString::to_string));
    }
    for s in cmd.get_subcommands() {
        collect(s, out);
    }
}
