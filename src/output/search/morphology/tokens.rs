//! Words as Pagefind sees them, and the text handed to it.
//!
//! Pagefind splits a record at white space and keeps the words for excerpts. A word's base
//! forms and compound parts go right after it as words of their own, each starting with `_`
//! (a *hidden* word: the search page leaves it out of excerpts and marks the word before it
//! instead), inside Pagefind's weight markers, so they count half as much as a word as
//! written. An author's own word that starts with `_` gets an invisible word joiner in front,
//! so it is never taken for a hidden word or for one of Pagefind's markers.

use pagefind_stem::{Algorithm, Stemmer};
use unicode_normalization::{char::is_combining_mark, UnicodeNormalization};

/// What starts a hidden word in the text given to Pagefind (and in its excerpts).
pub(crate) const HIDDEN: char = '_';
/// Put before an author's word that starts with [`HIDDEN`] (U+2060 WORD JOINER: invisible,
/// not white space for Rust nor for JavaScript).
const JOINER: char = '\u{2060}';
/// Pagefind's weight markers around hidden words: a base form or part counts half a word.
const WEIGHT_OPEN: &str = "___PAGEFIND_WEIGHT___0.5";
const WEIGHT_CLOSE: &str = "___END_PAGEFIND_WEIGHT___";

/// The word inside a white-space separated token: without the punctuation around it
/// (`(HYTE-neuvottelut),` → `HYTE-neuvottelut`).
pub(crate) fn trim(token: &str) -> &str {
    token.trim_matches(|c: char| !c.is_alphanumeric())
}

/// Lowercase, without diacritics (`Päihde` → `paihde`): how Pagefind compares words, and how
/// the query files are named and matched.
pub(crate) fn fold(word: &str) -> String {
    word.to_lowercase()
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .collect()
}

/// Pagefind's Finnish stems of what it indexes for a token: the whole word's letters and
/// digits, and each part between other characters (`HYTE-neuvottelut`: `hyteneuvottelut`,
/// `hyte`, `neuvottelut`), each folded and stemmed.
pub(crate) struct Stems(Stemmer);

impl Stems {
    pub(crate) fn finnish() -> Stems {
        Stems(Stemmer::create(Algorithm::Finnish))
    }

    /// The stem Pagefind indexes (and searches) `word` by.
    pub(crate) fn stem(&self, word: &str) -> String {
        let letters: String = fold(word).chars().filter(|c| c.is_alphanumeric()).collect();
        self.0.stem(&letters).into_owned()
    }

    /// The stems a token is indexed by, as written.
    pub(crate) fn indexed(&self, word: &str) -> Vec<String> {
        let mut stems = vec![self.stem(word)];
        if word.contains(|c: char| !c.is_alphanumeric()) {
            let parts = word.split(|c: char| !c.is_alphanumeric());
            stems.extend(
                parts
                    .filter(|p| p.chars().count() > 1)
                    .map(|p| self.stem(p)),
            );
        }
        stems
    }
}

/// The hidden words to add after `word` (as written): each of `lemmas` the index would not
/// already find by the word itself. Pagefind matches a query's stem as a prefix of the
/// indexed stems, so a base form whose stem begins one of them is found without help
/// (`nuoret` → `nuori`: `nuor` begins `nuor`), and one that does not must be added
/// (`lasten` → `lapsi`, `kertomuksen` → `kertomus`, and every compound's later parts).
pub(crate) fn hidden<'a>(
    stems: &Stems,
    word: &str,
    lemmas: impl Iterator<Item = &'a String>,
) -> String {
    let indexed = stems.indexed(word);
    let mut out = String::new();
    let mut added: Vec<&str> = Vec::new();
    for lemma in lemmas {
        let stem = stems.stem(lemma);
        let found = stem.is_empty() || indexed.iter().any(|s| s.starts_with(&stem));
        if found || lemma.contains(char::is_whitespace) || added.contains(&lemma.as_str()) {
            continue;
        }
        added.push(lemma);
        out.push(' ');
        out.push(HIDDEN);
        out.push_str(lemma);
    }
    if out.is_empty() {
        return out;
    }
    format!(" {WEIGHT_OPEN}{out} {WEIGHT_CLOSE}")
}

/// The text Pagefind indexes for `text`: each token as written, followed by what `extra`
/// gives for its word (hidden words and their weight markers; nothing for other languages).
pub(crate) fn digest<'a>(text: &str, extra: impl Fn(&str) -> Option<&'a str>) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 2);
    for token in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        if token.starts_with(HIDDEN) {
            out.push(JOINER);
        }
        out.push_str(token);
        if let Some(more) = extra(trim(token)) {
            out.push_str(more);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_trimmed_and_folded_as_pagefind_compares_them() {
        assert_eq!(trim("(HYTE-neuvottelut),"), "HYTE-neuvottelut");
        assert_eq!(trim("»nuorten«"), "nuorten");
        assert_eq!(trim("–"), "");
        assert_eq!(fold("Päihde-ÖLJY"), "paihde-oljy");
    }

    #[test]
    fn only_what_the_word_itself_does_not_find_is_added() {
        let s = Stems::finnish();
        let lemmas = |l: &[&str]| l.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        // The base form's stem (`lap`) begins the word's own (`laps`): nothing to add.
        assert_eq!(hidden(&s, "lapset", lemmas(&["lapsi"]).iter()), "");
        // `nuori` is not a beginning of `nuore`, `lapsi`'s `lap` not one of `last`.
        assert_eq!(
            hidden(&s, "nuoret", lemmas(&["nuori"]).iter()),
            " ___PAGEFIND_WEIGHT___0.5 _nuori ___END_PAGEFIND_WEIGHT___"
        );
        assert_eq!(
            hidden(&s, "lasten", lemmas(&["lapsi"]).iter()),
            " ___PAGEFIND_WEIGHT___0.5 _lapsi ___END_PAGEFIND_WEIGHT___"
        );
        // A compound's first part is found by the word; its later parts are not.
        let added = hidden(
            &s,
            "hyvinvointikertomuksen",
            lemmas(&["hyvinvointikertomus", "hyvinvointi", "kertomus"]).iter(),
        );
        assert_eq!(
            added,
            " ___PAGEFIND_WEIGHT___0.5 _hyvinvointikertomus _kertomus ___END_PAGEFIND_WEIGHT___"
        );
        // Pagefind indexes the parts of a hyphenated word itself.
        assert_eq!(
            hidden(&s, "HYTE-neuvottelut", lemmas(&["neuvottelu"]).iter()),
            ""
        );
    }

    #[test]
    fn the_digest_keeps_every_word_and_neutralises_underscores() {
        let text = "Nuorten  hyvinvointi ___PAGEFIND_WEIGHT___9 __init__";
        let extra = |w: &str| (w == "Nuorten").then_some(" _x");
        assert_eq!(
            digest(text, extra),
            "Nuorten _x hyvinvointi \u{2060}___PAGEFIND_WEIGHT___9 \u{2060}__init__"
        );
    }
}
