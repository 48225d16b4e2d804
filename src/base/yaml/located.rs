//! A deserializer that places every [`Text`] it reads in its file: it passes everything through
//! to serde_yaml's, and answers a text's request (`deserialize_newtype_struct` named
//! [`TEXT`]) with the text and its place among the file's texts, in the order they are
//! written (serde_yaml gives parsed values no position; the file's text is searched for them
//! only when one is reported, [`crate::base::locate::Source::text_offset`]). Written by hand because no crate wraps
//! a serde deserializer to hand positions to chosen types; `serde_path_to_error` and
//! `serde_ignored` wrap one the same way, for other ends.

use crate::base::text::{self, Text, TEXT};
use serde::de::value::MapDeserializer;
use serde::de::{self, DeserializeSeed, Deserializer, Visitor};
use std::cell::RefCell;

/// What the reading of one file shares: the texts read so far.
#[derive(Default)]
pub(super) struct Place {
    pub texts: RefCell<Vec<Text>>,
}

/// serde_yaml's deserializer (or one it hands out for a part of the file), placing texts.
pub(super) struct Located<'p, D> {
    pub de: D,
    pub place: &'p Place,
}

/// The same wrapper around the next layer: a visitor, a seed, a sequence, a map, an enum.
struct Wrap<'p, X> {
    x: X,
    place: &'p Place,
}

impl<'p, X> Wrap<'p, X> {
    fn new(x: X, place: &'p Place) -> Self {
        Wrap { x, place }
    }
}

macro_rules! forward {
    ($($method:ident($($arg:ident: $ty:ty),*);)*) => {$(
        fn $method<V: Visitor<'de>>(self, $($arg: $ty,)* v: V) -> Result<V::Value, D::Error> {
            self.de.$method($($arg,)* Wrap::new(v, self.place))
        }
    )*};
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Located<'_, D> {
    type Error = D::Error;

    forward! {
        deserialize_any(); deserialize_bool(); deserialize_i8(); deserialize_i16();
        deserialize_i32(); deserialize_i64(); deserialize_i128(); deserialize_u8();
        deserialize_u16(); deserialize_u32(); deserialize_u64(); deserialize_u128();
        deserialize_f32(); deserialize_f64(); deserialize_char(); deserialize_str();
        deserialize_string(); deserialize_bytes(); deserialize_byte_buf();
        deserialize_option(); deserialize_unit(); deserialize_seq();
        deserialize_map(); deserialize_identifier(); deserialize_ignored_any();
        deserialize_unit_struct(name: &'static str);
        deserialize_tuple(len: usize);
        deserialize_tuple_struct(name: &'static str, len: usize);
        deserialize_struct(name: &'static str, fields: &'static [&'static str]);
        deserialize_enum(name: &'static str, variants: &'static [&'static str]);
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        v: V,
    ) -> Result<V::Value, D::Error> {
        if name != TEXT {
            return self
                .de
                .deserialize_newtype_struct(name, Wrap::new(v, self.place));
        }
        let read = text::read(self.de)?;
        let index = self.place.texts.borrow().len();
        let (placed, map) = text::encode(read, index);
        self.place.texts.borrow_mut().push(placed);
        v.visit_map(MapDeserializer::new(map.into_iter()))
    }

    fn is_human_readable(&self) -> bool {
        self.de.is_human_readable()
    }
}

macro_rules! visit {
    ($($method:ident($ty:ty);)*) => {$(
        fn $method<E: de::Error>(self, value: $ty) -> Result<V::Value, E> {
            self.x.$method(value)
        }
    )*};
}

impl<'de, V: Visitor<'de>> Visitor<'de> for Wrap<'_, V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        self.x.expecting(f)
    }

    visit! {
        visit_bool(bool); visit_i8(i8); visit_i16(i16); visit_i32(i32); visit_i64(i64);
        visit_i128(i128); visit_u8(u8); visit_u16(u16); visit_u32(u32); visit_u64(u64);
        visit_u128(u128); visit_f32(f32); visit_f64(f64); visit_char(char);
        visit_str(&str); visit_borrowed_str(&'de str); visit_string(String);
        visit_bytes(&[u8]); visit_borrowed_bytes(&'de [u8]); visit_byte_buf(Vec<u8>);
    }

    fn visit_none<E: de::Error>(self) -> Result<V::Value, E> {
        self.x.visit_none()
    }

    fn visit_unit<E: de::Error>(self) -> Result<V::Value, E> {
        self.x.visit_unit()
    }

    fn visit_some<D: Deserializer<'de>>(self, de: D) -> Result<V::Value, D::Error> {
        self.x.visit_some(Located {
            de,
            place: self.place,
        })
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, de: D) -> Result<V::Value, D::Error> {
        self.x.visit_newtype_struct(Located {
            de,
            place: self.place,
        })
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, seq: A) -> Result<V::Value, A::Error> {
        self.x.visit_seq(Wrap::new(seq, self.place))
    }

    fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        self.x.visit_map(Wrap::new(map, self.place))
    }

    fn visit_enum<A: de::EnumAccess<'de>>(self, data: A) -> Result<V::Value, A::Error> {
        self.x.visit_enum(Wrap::new(data, self.place))
    }
}

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for Wrap<'_, S> {
    type Value = S::Value;

    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<S::Value, D::Error> {
        self.x.deserialize(Located {
            de,
            place: self.place,
        })
    }
}

impl<'de, A: de::SeqAccess<'de>> de::SeqAccess<'de> for Wrap<'_, A> {
    type Error = A::Error;

    fn next_element_seed<S: DeserializeSeed<'de>>(
        &mut self,
        seed: S,
    ) -> Result<Option<S::Value>, A::Error> {
        self.x.next_element_seed(Wrap::new(seed, self.place))
    }

    fn size_hint(&self) -> Option<usize> {
        self.x.size_hint()
    }
}

impl<'de, A: de::MapAccess<'de>> de::MapAccess<'de> for Wrap<'_, A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        self.x.next_key_seed(Wrap::new(seed, self.place))
    }

    fn next_value_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<S::Value, A::Error> {
        self.x.next_value_seed(Wrap::new(seed, self.place))
    }

    fn size_hint(&self) -> Option<usize> {
        self.x.size_hint()
    }
}

impl<'de, 'p, A: de::EnumAccess<'de>> de::EnumAccess<'de> for Wrap<'p, A> {
    type Error = A::Error;
    type Variant = Wrap<'p, A::Variant>;

    fn variant_seed<S: DeserializeSeed<'de>>(
        self,
        seed: S,
    ) -> Result<(S::Value, Self::Variant), A::Error> {
        let place = self.place;
        let (value, variant) = self.x.variant_seed(Wrap::new(seed, place))?;
        Ok((value, Wrap::new(variant, place)))
    }
}

impl<'de, A: de::VariantAccess<'de>> de::VariantAccess<'de> for Wrap<'_, A> {
    type Error = A::Error;

    fn unit_variant(self) -> Result<(), A::Error> {
        self.x.unit_variant()
    }

    fn newtype_variant_seed<S: DeserializeSeed<'de>>(self, seed: S) -> Result<S::Value, A::Error> {
        self.x.newtype_variant_seed(Wrap::new(seed, self.place))
    }

    fn tuple_variant<V: Visitor<'de>>(self, len: usize, v: V) -> Result<V::Value, A::Error> {
        self.x.tuple_variant(len, Wrap::new(v, self.place))
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, A::Error> {
        self.x.struct_variant(fields, Wrap::new(v, self.place))
    }
}

#[cfg(test)]
mod tests {
    use crate::base::locate::Source;
    use crate::base::text::{Text, Written};
    use serde::Deserialize;
    use std::collections::BTreeMap;
    use std::path::Path;

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Entry {
        id: String,
        title: Text,
        #[serde(default)]
        note: Option<Text>,
        #[serde(default)]
        members: Vec<Text>,
        #[serde(default)]
        omitted: BTreeMap<String, Text>,
    }

    /// Every text is placed at its first written string, in the order written (a text that
    /// repeats the one before it with it, the search going on from there); other values are
    /// read as without placing. A text of the model knows its place among its file's texts.
    #[test]
    fn texts_are_placed_in_the_order_written() {
        let yaml = "- id: a\n  title: Johto\n  members: [Johto, \"Ei\"]\n\
                    - {id: b, note: {sv: Nej, fi: Ei}, title: 4, omitted: {x: Johto}}\n";
        let mut source = Source::new(Path::new("x.yaml"), yaml.into());
        let entries: Vec<Entry> = source.parse().unwrap();
        let texts = &source.texts;
        let at = |t: &Text| source.text_offset(t.at.as_ref().unwrap());
        let found: Vec<(&str, usize)> = texts.iter().map(|t| (t.first_written(), at(t))).collect();
        let nth = |s: &str, n: usize| yaml.match_indices(s).nth(n).unwrap().0;
        assert_eq!(
            found,
            [
                ("Johto", nth("Johto", 0)),
                ("Johto", nth("Johto", 0)),
                ("Ei", nth("Ei", 0)),
                ("Nej", nth("Nej", 0)),
                ("4", nth("4", 0)),
                ("Johto", nth("Johto", 2)),
            ]
        );
        // The model's own values are placed too, and say what the file says.
        assert_eq!(entries[1].note.as_ref().unwrap().at, texts[3].at);
        assert_eq!(entries[1].note.as_ref().unwrap().first_written(), "Nej");
        assert_eq!(
            entries[1].note.as_ref().unwrap().written,
            Written::ByLang(
                [("fi", "Ei"), ("sv", "Nej")]
                    .map(|(l, s)| (l.into(), s.into()))
                    .into()
            )
        );
        assert_eq!(entries[0].members[1], Text::plain("Ei"));
        // Read without placing, the same values, written nowhere.
        let plain: Vec<Entry> = super::super::parse(yaml).unwrap();
        assert_eq!(plain[1].note, entries[1].note);
        assert!(plain[1].note.as_ref().unwrap().at.is_none());
    }

    /// Placing changes no error: the same message at the same place.
    #[test]
    fn errors_are_those_of_parse() {
        for yaml in [
            "- id: a\n  title: [x]\n",
            "- id: a\n  title: {finnish: x}\n",
            "- id: a\n  titel: x\n",
            "- id: a\n  title: x\n  title: y\n",
            "- id: a\n",
            "a: 1\n---\nb: 2\n",
        ] {
            let placed = super::super::parse_located::<Vec<Entry>>(yaml).unwrap_err();
            assert_eq!(
                placed,
                super::super::parse::<Vec<Entry>>(yaml).unwrap_err(),
                "{yaml}"
            );
        }
    }
}
