//! Human-readable text written in YAML: a plain string in the site's default language, or a
//! map by language code (spec §2). Resolving a text for a language tells whether it fell back
//! to another language, so the page can mark that passage with its real `lang`.

use crate::base::messages::Msg;
use crate::msg;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt;

/// A text in one or several languages, and where it is written.
///
/// Every text for readers in the model has this type, so "is this field translatable" is
/// answered by its type: `kertomus check` lists the texts written in fewer languages than the
/// site has from the texts the build read (each YAML file's [`Source::texts`]), with no list of
/// keys of its own.
///
/// [`Source::texts`]: crate::base::locate::Source
#[derive(Debug, Clone)]
pub struct Text {
    pub written: Written,
    /// Where it is written, when it was read from a YAML file with
    /// [`crate::base::locate::Source::parse`]; `None` for a text made by kertomus (a default),
    /// read from a sheet, a front matter or another site's plan file.
    pub at: Option<Spot>,
}

/// What a [`Text`] says, as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Written {
    /// Written in the site's default language.
    Plain(String),
    /// By language code.
    ByLang(BTreeMap<String, String>),
}

/// Where a [`Text`] is written in its file: which of the file's texts it is, in the order they
/// are written. The file's [`crate::base::locate::Source`] turns it into an offset
/// ([`crate::base::locate::Source::text_offset`]), searched for only when it is reported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spot {
    /// Its place among the texts of its file ([`crate::base::locate::Source::texts`]).
    pub index: usize,
    /// The language written first in a map by language (a map's order is lost in [`Written`]),
    /// `None` for a plain text.
    pub first: Option<String>,
}

/// Two texts are equal when they say the same, wherever they are written.
impl PartialEq for Text {
    fn eq(&self, other: &Text) -> bool {
        self.written == other.written
    }
}

impl Eq for Text {}

/// A text resolved for one language: the string and the language it is really written in.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Localized {
    pub text: String,
    pub lang: String,
}

impl Text {
    /// A text in the site's default language, written nowhere.
    pub fn plain(text: impl Into<String>) -> Text {
        Text {
            written: Written::Plain(text.into()),
            at: None,
        }
    }

    /// A text by language code, written nowhere.
    pub fn by_lang(texts: BTreeMap<String, String>) -> Text {
        Text {
            written: Written::ByLang(texts),
            at: None,
        }
    }

    /// The text in `lang`, else in `default`, else in any language (the first by code).
    pub fn get(&self, lang: &str, default: &str) -> Localized {
        match &self.written {
            Written::Plain(s) => Localized {
                text: s.clone(),
                lang: default.to_string(),
            },
            Written::ByLang(map) => map
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
        match &self.written {
            Written::Plain(_) => vec![default],
            Written::ByLang(map) => map.keys().map(String::as_str).collect(),
        }
    }

    /// The string written first: the plain text, or the first of a map by language as the
    /// file has it (the first by code when the text was written nowhere).
    pub fn first_written(&self) -> &str {
        match &self.written {
            Written::Plain(s) => s,
            Written::ByLang(map) => self
                .at
                .as_ref()
                .and_then(|at| at.first.as_ref())
                .and_then(|l| map.get(l))
                .or_else(|| map.values().next())
                .map_or("", String::as_str),
        }
    }
}

/// The name under which a [`Text`] asks its deserializer for itself. The YAML reader that
/// places texts (`crate::base::yaml::parse_located`) answers it with the text and its
/// [`Spot`], encoded as a map of strings under the keys below (serde lets a value reach its
/// deserializer only through such names, as `toml`'s `Spanned` does); any other deserializer
/// passes the value through unchanged.
pub(crate) const TEXT: &str = "$kertomus::Text";
const AT: &str = "\u{0}at";
const FIRST: &str = "\u{0}first";
const PLAIN: &str = "\u{0}plain";

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_newtype_struct(TEXT, Placed)
    }
}

/// A [`Text`] from any deserializer ([`read`]), or placed from the YAML reader ([`encode`]).
struct Placed;

impl<'de> Visitor<'de> for Placed {
    type Value = Text;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        ReadVisitor.expecting(f)
    }
    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<Text, D::Error> {
        read(d).map(|r| r.text)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Text, A::Error> {
        let mut spot = Spot {
            index: 0,
            first: None,
        };
        let (mut placed, mut plain, mut by_lang) = (false, None, BTreeMap::new());
        while let Some((k, v)) = map.next_entry::<String, String>()? {
            match k.as_str() {
                AT => {
                    spot.index = v.parse().map_err(de::Error::custom)?;
                    placed = true;
                }
                FIRST => spot.first = Some(v),
                PLAIN => plain = Some(v),
                _ => {
                    by_lang.insert(k, v);
                }
            }
        }
        let written = match plain {
            Some(s) => Written::Plain(s),
            None => Written::ByLang(by_lang),
        };
        Ok(Text {
            written,
            at: placed.then_some(spot),
        })
    }
}

/// A text as written, and the language written first in a map by language.
pub(crate) struct Read {
    pub text: Text,
    pub first: Option<String>,
}

/// Reads a text as written: a string (or number), or a map by language code.
pub(crate) fn read<'de, D: Deserializer<'de>>(d: D) -> Result<Read, D::Error> {
    d.deserialize_any(ReadVisitor)
}

/// The map [`Placed`] decodes: `read`, the `index`-th text of its file.
pub(crate) fn encode(read: Read, index: usize) -> (Text, Vec<(String, String)>) {
    let mut map = vec![(AT.to_string(), index.to_string())];
    if let Some(l) = &read.first {
        map.push((FIRST.to_string(), l.clone()));
    }
    match &read.text.written {
        Written::Plain(s) => map.push((PLAIN.to_string(), s.clone())),
        Written::ByLang(m) => map.extend(m.iter().map(|(l, s)| (l.clone(), s.clone()))),
    }
    let text = Text {
        written: read.text.written,
        at: Some(Spot {
            index,
            first: read.first,
        }),
    };
    (text, map)
}

struct ReadVisitor;

impl<'de> Visitor<'de> for ReadVisitor {
    type Value = Read;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a text, or a map of texts by language code ({fi: \"...\", sv: \"...\"})")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Read, E> {
        Ok(Read {
            text: Text::plain(v),
            first: None,
        })
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Read, E> {
        self.visit_str(&v.to_string())
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Read, E> {
        self.visit_str(&v.to_string())
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Read, E> {
        self.visit_str(&v.to_string())
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Read, A::Error> {
        let mut out = BTreeMap::new();
        let mut first = None;
        while let Some((k, v)) = map.next_entry::<String, String>()? {
            if !is_language_code(&k) {
                let message = crate::msg!("`{k}` is not a language code", k);
                let hint = crate::msg!("write texts by language as {{fi: \"...\", sv: \"...\"}}");
                return Err(de::Error::custom(crate::base::yaml::custom(
                    &message, &hint,
                )));
            }
            first.get_or_insert_with(|| k.clone());
            out.insert(k, v);
        }
        Ok(Read {
            text: Text::by_lang(out),
            first,
        })
    }
}

/// A two- or three-letter lowercase ISO 639 code.
pub(crate) fn is_language_code(s: &str) -> bool {
    (2..=3).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_lowercase())
}

impl serde::Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match &self.written {
            Written::Plain(t) => s.serialize_str(t),
            Written::ByLang(m) => m.serialize(s),
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
