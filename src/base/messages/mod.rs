//! The message catalogue: every error, warning, hint and summary kertomus prints, in Finnish,
//! Swedish and English.
//!
//! A message is made where the problem is found, with [`crate::msg!`]: an English template and its
//! named arguments (`msg!("the sheet has no `{name}` column", name)`), kept unrendered in a
//! [`Msg`]. It is rendered in the reader's [`Lang`] only when printed, so the model never
//! needs to know the language, and one run can print in any of them (`serve` shows the
//! browser the same errors as the terminal).
//!
//! The English template is the message's key, as in gettext: the code stays readable and
//! greppable, and `catalogue.txt` lists, for each template, its Finnish and Swedish text side by
//! side, so a translator sees the three together. A typed catalogue was chosen over Fluent:
//! a Rust table needs no runtime parsing and no bidi isolation marks in terminal output, and
//! the three languages' plural rules are all one/other, which `{n|one|other}` covers. The
//! tests check that every `msg!` in the source has an entry, that every entry has all three
//! languages with the same placeholders, and that none is left unused.

mod catalogue;
mod lang;

pub use lang::Lang;

/// The catalogue's text of an English text in `lang`, as it is (no placeholders filled):
/// for texts that are not made with [`crate::msg!`], such as the command line's help.
pub fn translate(english: &str, lang: Lang) -> Option<&'static str> {
    catalogue::text(english, lang)
}

use std::borrow::Cow;
use std::fmt;

/// A message to print: an English template (the key of the catalogue) and its arguments.
/// Boxed, so that a diagnostic (which holds two) stays small to pass around.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub struct Msg(Box<Inner>);

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
struct Inner {
    template: Cow<'static, str>,
    args: Vec<(Cow<'static, str>, Arg)>,
}

/// An argument of a message: a value shown as it is, or another message rendered in the same
/// language (a noun such as "a municipality" inside a sentence).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub enum Arg {
    /// A value: a file name, an id, a number, the author's text.
    Value(String),
    /// A message of its own.
    Msg(Msg),
    /// A number, written as readers of the message's language write numbers (`1,50` in
    /// Finnish, `1.50` in English) with this many decimals. The value is kept as Rust writes
    /// an `f64` (which reads back exactly), so that a message stays comparable and sortable.
    Number(String, usize),
}

/// The most characters of one value a message shows: a message echoes the author's text
/// (`` `…` is not a valid date``), and a 5 MiB value must not make a 5 MB message. Long enough
/// for the lists of accepted names kertomus writes into its hints, and for the sentences of a
/// page's `todo:` items (an imported report's run to some 250 characters).
pub const MAX_VALUE_CHARS: usize = 400;

impl Arg {
    /// `value` with `decimals` decimals, in the language the message is printed in.
    pub fn number(value: f64, decimals: usize) -> Arg {
        Arg::Number(value.to_string(), decimals)
    }

    /// `value` with as many decimals as it was written with (a figure an author typed).
    pub fn number_as_written(value: f64) -> Arg {
        Arg::number(value, crate::base::numbers::decimals(value))
    }

    /// The argument with a value longer than [`MAX_VALUE_CHARS`] cut there and ended with "…":
    /// the one place where every value going into a message is bounded.
    fn clipped(self) -> Arg {
        match self {
            Arg::Value(s) if s.len() > MAX_VALUE_CHARS => {
                match s.char_indices().nth(MAX_VALUE_CHARS) {
                    Some((end, _)) => Arg::Value(format!("{}…", &s[..end])),
                    None => Arg::Value(s),
                }
            }
            other => other,
        }
    }
}

impl Msg {
    /// A message with these arguments; use [`crate::msg!`], which checks the shape at the call site.
    pub fn new(template: &'static str, args: Vec<(&'static str, Arg)>) -> Msg {
        Msg(Box::new(Inner {
            template: Cow::Borrowed(template),
            args: args
                .into_iter()
                .map(|(k, v)| (Cow::Borrowed(k), v.clipped()))
                .collect(),
        }))
    }

    /// The message in `lang`: the catalogue's text for the template, English when the
    /// catalogue has none (the tests make sure it always has).
    pub fn render(&self, lang: Lang) -> String {
        let template = catalogue::text(&self.0.template, lang).unwrap_or(&self.0.template);
        fill(template, &|name| {
            self.0
                .args
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| match v {
                    Arg::Value(s) => Cow::Borrowed(s.as_str()),
                    Arg::Msg(m) => Cow::Owned(m.render(lang)),
                    Arg::Number(v, decimals) => {
                        let value = v.parse().unwrap_or(f64::NAN);
                        Cow::Owned(crate::base::numbers::format(value, *decimals, lang.code()))
                    }
                })
        })
    }

    /// The English template, the message's key.
    pub fn template(&self) -> &str {
        &self.0.template
    }

    /// Whether the English text contains `needle` (for tests and for matching).
    pub fn contains(&self, needle: &str) -> bool {
        self.to_string().contains(needle)
    }

    /// The message packed into a string, for the places that can only carry a string (a
    /// serde error); [`Msg::unpack`] takes it back out.
    pub(crate) fn pack(&self) -> String {
        let json = serde_json::to_string(self).unwrap_or_default();
        format!("{PACKED}{json}{PACKED}")
    }

    /// The first message packed by [`Msg::pack`] in `text`, with the text before it (a
    /// serde path such as `focus_areas[0]: `) and the text after it.
    pub(crate) fn unpack(text: &str) -> Option<(&str, Msg, &str)> {
        let (before, rest) = text.split_once(PACKED)?;
        let (json, after) = rest.split_once(PACKED)?;
        Some((before, serde_json::from_str(json).ok()?, after))
    }
}

/// A message equals the English text it renders to.
impl PartialEq<&str> for Msg {
    fn eq(&self, other: &&str) -> bool {
        self.render(Lang::En) == *other
    }
}

/// Brackets a packed message inside a string (an ASCII control character no author types).
const PACKED: char = '\u{2}';

/// English, as written at the call site.
impl fmt::Display for Msg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

/// Fills `{name}` with the argument's text and `{name|one|other}` with `one` when the
/// argument is 1 and `other` otherwise. `{{` and `}}` are literal braces. Written by hand:
/// format! needs its template at compile time, and this is the whole of what messages need.
fn fill<'a>(template: &str, arg: &dyn Fn(&str) -> Option<Cow<'a, str>>) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(i) = rest.find(['{', '}']) {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        if tail.starts_with("{{") || tail.starts_with("}}") {
            out.push_str(&tail[..1]);
            rest = &tail[2..];
            continue;
        }
        let Some(end) = tail.find('}').filter(|_| tail.starts_with('{')) else {
            out.push_str(&tail[..1]);
            rest = &tail[1..];
            continue;
        };
        let inner = &tail[1..end];
        let mut parts = inner.split('|');
        let name = parts.next().unwrap_or_default();
        let value = arg(name).unwrap_or_default();
        match (parts.next(), parts.next()) {
            (Some(one), Some(other)) => out.push_str(if value == "1" { one } else { other }),
            _ => out.push_str(&value),
        }
        rest = &tail[end + 1..];
    }
    out.push_str(rest);
    out
}

/// A message: `msg!("template with {name} and {n|one|other}", name, n = list.len())`.
/// An argument is `name` (a variable of that name), `name = value` (anything with Display),
/// `name: message` (another [`Msg`], rendered in the same language) or `name => arg` (an
/// [`Arg`] as it is, such as [`Arg::number`]).
#[macro_export]
#[doc(hidden)]
macro_rules! msg {
    ($template:literal $(, $($args:tt)*)?) => {
        $crate::base::messages::Msg::new($template, $crate::msg!(@args [] $($($args)*)?))
    };
    (@args [$($acc:tt)*]) => { vec![$($acc)*] };
    (@args [$($acc:tt)*] $name:ident = $value:expr $(, $($rest:tt)*)?) => {
        $crate::msg!(@args [$($acc)* (stringify!($name),
            $crate::base::messages::Arg::Value(($value).to_string())),] $($($rest)*)?)
    };
    (@args [$($acc:tt)*] $name:ident : $sub:expr $(, $($rest:tt)*)?) => {
        $crate::msg!(@args [$($acc)* (stringify!($name),
            $crate::base::messages::Arg::Msg($sub)),] $($($rest)*)?)
    };
    (@args [$($acc:tt)*] $name:ident => $arg:expr $(, $($rest:tt)*)?) => {
        $crate::msg!(@args [$($acc)* (stringify!($name), $arg),] $($($rest)*)?)
    };
    (@args [$($acc:tt)*] $name:ident $(, $($rest:tt)*)?) => {
        $crate::msg!(@args [$($acc)* (stringify!($name),
            $crate::base::messages::Arg::Value(($name).to_string())),] $($($rest)*)?)
    };
}

#[cfg(test)]
mod tests;
