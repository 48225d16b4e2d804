//! The Finnish words of one build, each analysed once: the distinct words of every Finnish
//! record are gathered in parallel, analysed in parallel (a libvoikko handle per thread),
//! and kept with what the index adds after them and the word forms the query files list.

use super::lemmas::Lemmas;
use super::tokens::{self, Stems};
use super::voikko::{Missing, Voikko};
use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};
use std::collections::BTreeMap;

/// What one distinct word (as written) was found to be.
#[derive(Debug, Default)]
struct Entry {
    /// Hidden words and weight markers to put after the word in the index; empty for none.
    hidden: Box<str>,
    /// Word forms for the query files, lowercased, with their base forms: the word itself
    /// and, for a hyphenated word libvoikko does not know whole, each of its pieces.
    forms: Vec<(String, Vec<String>)>,
}

/// Every Finnish word of a build that libvoikko knows.
#[derive(Debug, Default)]
pub(crate) struct Lexicon {
    words: FxHashMap<Box<str>, Entry>,
}

impl Lexicon {
    /// Analyses every distinct word of `texts` with libvoikko.
    pub(crate) fn build(texts: &[&str]) -> Result<Lexicon, Missing> {
        let voikko = Voikko::open()?;
        let words = distinct(texts);
        // One chunk per thread, each with its own handle (a handle is not shared).
        let per = words
            .len()
            .div_ceil(rayon::current_num_threads().max(1))
            .max(1);
        let entries: Vec<Vec<(Box<str>, Entry)>> = words
            .par_chunks(per)
            .map(|chunk| -> Result<_, Missing> {
                let handle = voikko.handle()?;
                let stems = Stems::finnish();
                let analyse = |w: &str| Lemmas::of(&handle.analyse(w));
                Ok(chunk
                    .iter()
                    .filter_map(|w| entry(w, &analyse, &stems).map(|e| (Box::from(*w), e)))
                    .collect())
            })
            .collect::<Result<_, Missing>>()?;
        let words = entries.into_iter().flatten().collect();
        Ok(Lexicon { words })
    }

    /// Hidden words to put after `word` (as written) in the index, if any.
    pub(crate) fn hidden(&self, word: &str) -> Option<&str> {
        let e = self.words.get(word)?;
        (!e.hidden.is_empty()).then_some(&*e.hidden)
    }

    /// Every word form libvoikko knew, lowercased, with its base forms.
    pub(crate) fn forms(&self) -> BTreeMap<String, Vec<String>> {
        let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for (form, bases) in self.words.values().flat_map(|e| &e.forms) {
            let known = out.entry(form.clone()).or_default();
            for b in bases {
                if !known.contains(b) {
                    known.push(b.clone());
                }
            }
        }
        for bases in out.values_mut() {
            bases.sort();
        }
        out
    }

    /// How many distinct words were analysed with a result.
    pub(crate) fn len(&self) -> usize {
        self.words.len()
    }
}

/// The distinct words (tokens without the punctuation around them) of `texts` that have a
/// letter, sorted.
fn distinct<'a>(texts: &[&'a str]) -> Vec<&'a str> {
    let sets = texts.par_iter().fold(FxHashSet::default, |mut set, text| {
        for token in text.split_whitespace() {
            let word = tokens::trim(token);
            if word.chars().any(char::is_alphabetic) {
                set.insert(word);
            }
        }
        set
    });
    let all = sets.reduce(FxHashSet::default, |mut a, b| {
        a.extend(b);
        a
    });
    let mut words: Vec<&str> = all.into_iter().collect();
    words.sort_unstable();
    words
}

/// What `word` is, from its analyses (or its pieces' where it is hyphenated and unknown
/// whole); `None` for a word libvoikko does not know.
fn entry(word: &str, analyse: &impl Fn(&str) -> Lemmas, stems: &Stems) -> Option<Entry> {
    let whole = analyse(word);
    let mut forms = Vec::new();
    let mut lemmas = Lemmas::default();
    if !whole.is_empty() {
        forms.push((word.to_lowercase(), whole.bases.clone()));
        lemmas = whole;
    } else if word.contains('-') {
        for piece in word.split('-').filter(|p| p.chars().count() > 1) {
            let of_piece = analyse(piece);
            if of_piece.is_empty() {
                continue;
            }
            forms.push((piece.to_lowercase(), of_piece.bases.clone()));
            lemmas.parts.extend(of_piece.bases);
            lemmas.parts.extend(of_piece.parts);
        }
    }
    if forms.is_empty() {
        return None;
    }
    let hidden = tokens::hidden(stems, word, lemmas.bases.iter().chain(&lemmas.parts));
    Some(Entry {
        hidden: hidden.into_boxed_str(),
        forms,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fake(word: &str) -> Lemmas {
        let (bases, parts): (&[&str], &[&str]) = match word {
            "nuorten" => (&["nuori"], &[]),
            "neuvottelut" => (&["neuvottelu"], &[]),
            "lastensuojelun" => (&["lastensuojelu"], &["lapsi", "suojelu"]),
            _ => (&[], &[]),
        };
        Lemmas {
            bases: bases.iter().map(|s| s.to_string()).collect(),
            parts: parts.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn words_are_gathered_once_without_punctuation() {
        let texts = ["Nuorten (nuorten) 2025 –", "nuorten, HYTE-neuvottelut."];
        assert_eq!(distinct(&texts), ["HYTE-neuvottelut", "Nuorten", "nuorten"]);
    }

    #[test]
    fn unknown_hyphenated_words_are_analysed_by_their_pieces() {
        let stems = Stems::finnish();
        let e = entry("HYTE-neuvottelut", &fake, &stems).unwrap();
        assert_eq!(e.forms, [("neuvottelut".into(), vec!["neuvottelu".into()])]);
        let e = entry("lastensuojelun", &fake, &stems).unwrap();
        assert_eq!(
            &*e.hidden,
            " ___PAGEFIND_WEIGHT___0.5 _lapsi _suojelu ___END_PAGEFIND_WEIGHT___"
        );
        assert!(entry("HYTE", &fake, &stems).is_none());
    }
}
