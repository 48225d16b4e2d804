//! The index of a file's `id:` entries, which places the model's entries (goals, measures,
//! organisations, bodies) in their files.

use super::is_word;
use std::collections::HashMap;

/// Every `id:` entry of one text by the id it names, found in one pass, so that placing all
/// the ids of a plan costs one reading of its files, not one search of the file per id
/// (20,000 measures took minutes that way).
///
/// The index holds the ids made only of letters, digits, `-` and `_` (what a valid id is made
/// of) written `id: x`, `id: "x"` or `id: 'x'` after a word boundary. Any other id, already an
/// error of its own, is searched for in the text.
pub(crate) struct Entries<'a> {
    text: &'a str,
    by_id: HashMap<&'a str, Vec<usize>>,
}

impl<'a> Entries<'a> {
    pub(crate) fn new(text: &'a str) -> Entries<'a> {
        let bytes = text.as_bytes();
        let mut by_id: HashMap<&str, Vec<usize>> = HashMap::new();
        for (at, _) in text.match_indices("id: ") {
            if at > 0 && is_word(bytes[at - 1]) {
                continue;
            }
            let mut start = at + 4;
            let quote = bytes
                .get(start)
                .copied()
                .filter(|&b| b == b'"' || b == b'\'');
            if quote.is_some() {
                start += 1;
            }
            let len = bytes[start..].iter().take_while(|&&b| is_word(b)).count();
            let end = start + len;
            let closed = quote.is_none_or(|q| {
                bytes.get(end) == Some(&q) && bytes.get(end + 1).is_none_or(|&b| !is_word(b))
            });
            if len > 0 && closed {
                by_id.entry(&text[start..end]).or_default().push(at);
            }
        }
        Entries { text, by_id }
    }

    /// Offset of the entry whose `id` is `id` (`id: x`, `id: "x"`, `{id: x, ...}`); the n-th
    /// such entry when an id repeats (the last when there are fewer); 0 when there is none.
    pub(crate) fn offset(&self, id: &str, nth: usize) -> usize {
        if id.is_empty() || !id.bytes().all(is_word) {
            return search_entry(self.text, id, nth);
        }
        let all = self.by_id.get(id).map_or(&[][..], Vec::as_slice);
        all.get(nth).or(all.last()).copied().unwrap_or(0)
    }
}

/// [`Entries::offset`] by searching the whole text, for an id the index does not hold.
fn search_entry(t: &str, id: &str, nth: usize) -> usize {
    let mut found = Vec::new();
    for q in ["", "\"", "'"] {
        let needle = format!("id: {q}{id}{q}");
        let mut start = 0;
        while let Some(pos) = t[start..].find(&needle) {
            let at = start + pos;
            let end = at + needle.len();
            let before_ok = at == 0 || !is_word(t.as_bytes()[at - 1]);
            let after_ok = end >= t.len() || !is_word(t.as_bytes()[end]);
            if before_ok && after_ok {
                found.push(at);
            }
            start = end;
        }
    }
    found.sort_unstable();
    found.get(nth).or(found.last()).copied().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The index places every id where a search of the text for it does, in every way an id
    /// can be written, repeated or not, valid or not.
    #[test]
    fn the_index_agrees_with_a_search() {
        let text = "- id: a-1\n  p: [a]\n- {id: \"a\", p: [kuopio, a-1]}\nx_id: b\n- id: 'b'\n\
                    - id: a.b\n- id: \"a\"x\n- id: 'c'd'\n- id: a\n- id: Mielen hyvinvointi\n\
                    - id: \"\"\n- id: ä\n- id: \"a\nid: b";
        let entries = Entries::new(text);
        for id in [
            "a-1",
            "a",
            "b",
            "a.b",
            "c",
            "Mielen hyvinvointi",
            "",
            "ä",
            "zz",
            "a\"x",
        ] {
            for nth in 0..3 {
                assert_eq!(
                    entries.offset(id, nth),
                    search_entry(text, id, nth),
                    "{id} {nth}"
                );
            }
        }
        // `id: a.b` is an entry of `a` too, as the search has always had it.
        assert_eq!(entries.offset("a", 1), text.find("id: a.b").unwrap());
        assert_eq!(entries.offset("a", 2), text.find("id: a\n- id: M").unwrap());
        assert_eq!(entries.offset("b", 1), text.rfind("id: b").unwrap());
    }
}
