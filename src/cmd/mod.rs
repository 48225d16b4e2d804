//! One file per command; each prints for people and returns the process exit code. What they
//! print comes from the message catalogue, in the language [`Ui`] carries.

pub(crate) mod build;
pub(crate) mod check;
pub(crate) mod help;
pub(crate) mod import;
pub(crate) mod init;
pub(crate) mod pull;
pub(crate) mod serve;
pub(crate) mod sotkanet;
pub(crate) mod template;

use kertomus::messages::{Lang, Msg};
use kertomus::msg;
use std::path::PathBuf;

/// How a command talks to the person running it.
pub(crate) struct Ui {
    /// The language of every message.
    pub(crate) lang: Lang,
    /// Print only errors.
    pub(crate) quiet: bool,
}

impl Ui {
    /// A line on standard output, unless `--quiet`.
    pub(crate) fn say(&self, m: &Msg) {
        if !self.quiet {
            println!("{}", m.render(self.lang));
        }
    }

    /// A line on standard error, always: `error: …`.
    pub(crate) fn error(&self, text: &str) {
        eprintln!("{}: {text}", msg!("error").render(self.lang));
    }

    /// Seconds with two decimals, with the decimal comma in Finnish and Swedish.
    pub(crate) fn seconds(&self, d: std::time::Duration) -> String {
        kertomus::base::numbers::format(d.as_secs_f64(), 2, self.lang.code())
    }

    /// A message in the user's language.
    pub(crate) fn text(&self, m: &Msg) -> String {
        m.render(self.lang)
    }
}

/// The arguments every command that reads a site shares.
#[derive(Debug, clap::Args)]
pub(crate) struct SiteArgs {
    /// The site folder, holding content/.
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub(crate) root: PathBuf,
    /// Include pages marked `draft: true`.
    #[arg(long)]
    pub(crate) drafts: bool,
}

/// `--lang`'s value.
pub(crate) fn parse_lang(text: &str) -> Result<Lang, String> {
    Lang::parse(text).ok_or_else(|| {
        let m = msg!(
            "`{text}` is not a language of kertomus: write fi, sv or en",
            text
        );
        m.render(lang_of_process())
    })
}

/// The language before the command line is parsed (its help is printed in it): `--lang` if
/// given, else the locale.
pub(crate) fn lang_of_process() -> Lang {
    let args: Vec<String> = std::env::args().collect();
    let given = args
        .iter()
        .enumerate()
        .find_map(|(i, a)| match a.strip_prefix("--lang") {
            Some(v) if v.starts_with('=') => Some(v[1..].to_string()),
            Some("") => args.get(i + 1).cloned(),
            _ => None,
        });
    given
        .and_then(|g| Lang::parse(&g))
        .unwrap_or_else(|| Lang::from_locale(|name| std::env::var(name).ok()))
}
