//! Human-readable text written in YAML: a plain string in the site's default language, or a
//! map by language code (spec §2). Resolving a text for a language tells whether it fell back
//! to another language, so the page can mark that passage with its real `lang`.

use crate::base::messages::Msg;
use crate::msg;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt;

/// A text in one or several languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Text {
    /// Written in the site's default language.
    Plain(String),
    /// By language code.
    ByLang(BTreeMap<String, String>),
}

/// A text resolved for one language: the string and the language it is really written in.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Localized {
    pub text: String,
    pub lang: String,
}

impl Text {
    /// The text in `lang`, else in `default`, else in any language (the first by code).
    pub fn get(&self, lang: &str, default: &str) -> Localized {
        match self {
            Text::Plain(s) => Localized {
                text: s.clone(),
                lang: default.to_string(),
            },
            Text::ByLang(map) => map
                .get(lang)
                .map(|s| (lang, s))
                .or_else(|| map.get(default).map(|s| (default, s)))
                .or_else(|| map.iter().next().map(|(l, s)| (l.as_str(), s)))
                .map(|(l, s)| Localized {
                    text: s.clone(),
                    lang: l.to_string(),
                })
                .unwrap_or(Localized {
                    text: String::new(),
                    lang: default.to_string(),
                }),
        }
    }

    /// Languages this text is written in (`default` for a plain string).
    pub fn languages<'a>(&'a self, default: &'a str) -> Vec<&'a str> {
        match self {
            Text::Plain(_) => vec![default],
            Text::ByLang(map) => map.keys().map(String::as_str).collect(),
        }
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct TextVisitor;
        impl<'de> Visitor<'de> for TextVisitor {
            type Value = Text;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(
                    "a text, or a map of texts by language code ({fi: \"...\", sv: \"...\"})",
                )
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Text, E> {
                Ok(Text::Plain(v.to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Text, E> {
                Ok(Text::Plain(v.to_string()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Text, E> {
                Ok(Text::Plain(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Text, E> {
                Ok(Text::Plain(v.to_string()))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Text, A::Error> {
                let mut out = BTreeMap::new();
                while let Some((k, v)) = map.next_entry::<String, String>()? {
                    if !is_language_code(&k) {
                        let message = crate::msg!("`{k}` is not a language code", k);
                        let hint =
                            crate::msg!("write texts by language as {{fi: \"...\", sv: \"...\"}}");
                        return Err(de::Error::custom(crate::base::yaml::custom(
                            &message, &hint,
                        )));
                    }
                    out.insert(k, v);
                }
                Ok(Text::ByLang(out))
            }
        }
        d.deserialize_any(TextVisitor)
    }
}

/// A two- or three-letter lowercase ISO 639 code.
pub(crate) fn is_language_code(s: &str) -> bool {
    (2..=3).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_lowercase())
}

impl serde::Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Text::Plain(t) => s.serialize_str(t),
            Text::ByLang(m) => m.serialize(s),
        }
    }
}

/// The snake_case name serde gives an enum value.
/// The message and hint for an empty reference (`responsible: [""]`, `gap: ""`): said as
/// such, not as an unknown id named ``.
pub(crate) fn empty_reference(what: Msg) -> (Msg, Msg) {
    (
        msg!("empty reference: the value is blank"),
        msg!("write {what}, or remove the empty entry", what: what),
    )
}

pub(crate) fn enum_key<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v)
        .unwrap_or_default()
        .trim_matches('"')
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn falls_back_to_default_language_and_says_so() {
        let t: Text =
            crate::base::yaml::parse("{fi: Mielen hyvinvointi, sv: Psykiskt välbefinnande}")
                .unwrap();
        assert_eq!(t.get("sv", "fi").text, "Psykiskt välbefinnande");
        let en = t.get("en", "fi");
        assert_eq!(
            (en.text.as_str(), en.lang.as_str()),
            ("Mielen hyvinvointi", "fi")
        );
    }

    #[test]
    fn a_map_with_a_non_language_key_is_an_error() {
        let err = crate::base::yaml::parse::<Text>("{finnish: x}").unwrap_err();
        assert!(
            err.message.contains("not a language code"),
            "{}",
            err.message
        );
    }
}
