//! The language messages are printed in: `--lang`, else the locale (`LC_ALL`, then
//! `LC_MESSAGES`, then `LANG`, as POSIX orders them), else English.

/// A language of the messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    /// Finnish.
    Fi,
    /// Swedish.
    Sv,
    /// English.
    En,
}

impl Lang {
    /// All languages, in the catalogue's order.
    pub const ALL: [Lang; 3] = [Lang::Fi, Lang::Sv, Lang::En];

    /// `fi`, `sv` or `en`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fi => "fi",
            Lang::Sv => "sv",
            Lang::En => "en",
        }
    }

    /// A language code or locale name: `fi`, `sv_FI.UTF-8`, `en-GB`; `None` for others.
    pub fn parse(text: &str) -> Option<Lang> {
        let code: String = text
            .chars()
            .take_while(char::is_ascii_alphabetic)
            .collect::<String>()
            .to_ascii_lowercase();
        match code.as_str() {
            "fi" | "fin" | "suomi" => Some(Lang::Fi),
            "sv" | "swe" | "svenska" => Some(Lang::Sv),
            "en" | "eng" | "english" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language of the locale as the environment gives it: the first of `LC_ALL`,
    /// `LC_MESSAGES` and `LANG` that is set and not empty decides; Finnish for `fi…`, Swedish
    /// for `sv…`, English for anything else.
    pub fn from_locale(var: impl Fn(&str) -> Option<String>) -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .find_map(|name| var(name).filter(|v| !v.is_empty()))
            .and_then(|v| match Lang::parse(&v) {
                Some(Lang::Fi) => Some(Lang::Fi),
                Some(Lang::Sv) => Some(Lang::Sv),
                _ => None,
            })
            .unwrap_or(Lang::En)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn the_locale_decides_in_posix_order() {
        assert_eq!(Lang::from_locale(env(&[("LANG", "fi_FI.UTF-8")])), Lang::Fi);
        assert_eq!(Lang::from_locale(env(&[("LANG", "sv_FI.UTF-8")])), Lang::Sv);
        assert_eq!(Lang::from_locale(env(&[("LANG", "de_DE.UTF-8")])), Lang::En);
        assert_eq!(Lang::from_locale(env(&[])), Lang::En);
        assert_eq!(Lang::from_locale(env(&[("LANG", "C")])), Lang::En);
        let all = [
            ("LC_ALL", "sv_SE"),
            ("LC_MESSAGES", "fi_FI"),
            ("LANG", "en_US"),
        ];
        assert_eq!(Lang::from_locale(env(&all)), Lang::Sv);
        let messages = [("LC_ALL", ""), ("LC_MESSAGES", "fi_FI"), ("LANG", "sv_FI")];
        assert_eq!(Lang::from_locale(env(&messages)), Lang::Fi);
    }
}
