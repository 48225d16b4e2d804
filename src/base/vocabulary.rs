//! Enumerated values in the author's language (content format §13.1): every value of the
//! format may be written in English (as in version 1), Finnish or Swedish, in any case and with
//! `_`, `-` or a space between words. An unknown value is an error that lists the accepted
//! values in the language of the nearest one, with a "did you mean" across all three.
//!
//! Each enum lists its names once, in [`Names`]; [`vocabulary!`] derives its `Deserialize`
//! from them. Output (`Serialize`, open data) stays in English, so a site gives the same pages
//! whichever language its YAML is written in.

use crate::base::messages::Msg;
use crate::msg;

/// The names of one value: English first (the canonical name), then Finnish and Swedish; each
/// list may hold synonyms.
pub(crate) struct Names<T: 'static> {
    pub value: T,
    pub en: &'static [&'static str],
    pub fi: &'static [&'static str],
    pub sv: &'static [&'static str],
}

/// Case, `-`, space and `_` do not matter.
fn normalize(s: &str) -> String {
    s.trim()
        .to_lowercase()
        .chars()
        .map(|c| {
            if c == '-' || c.is_whitespace() {
                '_'
            } else {
                c
            }
        })
        .collect()
}

/// The value `written` names, or the message (with its hint) for an unknown one.
pub(crate) fn parse<T: Copy>(
    written: &str,
    what: Msg,
    names: &[Names<T>],
) -> Result<T, (Msg, Msg)> {
    let wanted = normalize(written);
    let found = names.iter().find(|n| {
        [n.en, n.fi, n.sv]
            .iter()
            .flat_map(|l| l.iter())
            .any(|name| normalize(name) == wanted)
    });
    if let Some(n) = found {
        return Ok(n.value);
    }
    // The nearest name says which language the author writes in.
    let mut all: Vec<(&str, usize)> = Vec::new();
    for n in names {
        for (lang, list) in [n.en, n.fi, n.sv].into_iter().enumerate() {
            all.extend(list.iter().map(|s| (*s, lang)));
        }
    }
    let plain: Vec<&str> = all.iter().map(|(s, _)| *s).collect();
    let nearest = crate::base::yaml::closest(written.trim(), &plain);
    let lang = nearest
        .and_then(|c| all.iter().find(|(s, _)| *s == c))
        .map_or(0, |(_, l)| *l);
    let listed: Vec<&str> = names
        .iter()
        .filter_map(|n| [n.en, n.fi, n.sv][lang].first().copied())
        .collect();
    let message = msg!("`{written}` is not {what}", written = written.trim(), what: what);
    let hint = match nearest {
        Some(c) => msg!(
            "did you mean `{c}`? ({listed})",
            c,
            listed = listed.join(", ")
        ),
        None => msg!("write one of: {listed}", listed = listed.join(", ")),
    };
    Err((message, hint))
}

/// `Deserialize` for an enum from its [`Names`]: `vocabulary!(Status, "a measure status",
/// NAMES)`.
macro_rules! vocabulary {
    ($ty:ty, $what:literal, $names:expr) => {
        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let written = <String as serde::Deserialize>::deserialize(d)?;
                $crate::base::vocabulary::parse(&written, $crate::msg!($what), $names).map_err(
                    |(m, h)| {
                        <D::Error as serde::de::Error>::custom($crate::base::yaml::custom(&m, &h))
                    },
                )
            }
        }
    };
}
pub(crate) use vocabulary;

/// Yes or no in any of the three languages (`true`/`false` as in version 1, `kyllä`/`ei`,
/// `ja`/`nej`), for `#[serde(deserialize_with)]`.
pub(crate) fn yes_no<'de, D: serde::Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    #[derive(serde::Deserialize)]
    #[serde(untagged)]
    enum Written {
        Bool(bool),
        Text(String),
    }
    const YES_NO: &[Names<bool>] = &[
        Names {
            value: true,
            en: &["true", "yes"],
            fi: &["kyllä"],
            sv: &["ja"],
        },
        Names {
            value: false,
            en: &["false", "no"],
            fi: &["ei"],
            sv: &["nej"],
        },
    ];
    match <Written as serde::Deserialize>::deserialize(d)? {
        Written::Bool(b) => Ok(b),
        Written::Text(t) => parse(&t, msg!("yes or no"), YES_NO).map_err(|(m, h)| {
            <D::Error as serde::de::Error>::custom(crate::base::yaml::custom(&m, &h))
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Clone, Copy, PartialEq)]
    enum Colour {
        Red,
        DarkBlue,
    }

    const COLOURS: &[Names<Colour>] = &[
        Names {
            value: Colour::Red,
            en: &["red"],
            fi: &["punainen"],
            sv: &["röd"],
        },
        Names {
            value: Colour::DarkBlue,
            en: &["dark_blue"],
            fi: &["tummansininen", "sininen"],
            sv: &["mörkblå"],
        },
    ];

    #[test]
    fn every_language_case_and_separator_names_the_same_value() {
        for written in [
            "dark_blue",
            "Dark Blue",
            "DARK-BLUE",
            "tummansininen",
            "Sininen",
            "mörkblå",
        ] {
            assert_eq!(
                parse(written, msg!("a colour"), COLOURS),
                Ok(Colour::DarkBlue),
                "{written}"
            );
        }
        assert_eq!(parse(" RÖD ", msg!("a colour"), COLOURS), Ok(Colour::Red));
    }

    #[test]
    fn an_unknown_value_is_listed_in_the_language_of_the_nearest_name() {
        let err = parse("punanen", msg!("a colour"), COLOURS).unwrap_err();
        let (message, hint) = err;
        assert_eq!(message, "`punanen` is not a colour");
        assert_eq!(hint, "did you mean `punainen`? (punainen, tummansininen)");
        let (_, hint) = parse("zzz", msg!("a colour"), COLOURS).unwrap_err();
        assert_eq!(hint, "write one of: red, dark_blue");
    }
}
