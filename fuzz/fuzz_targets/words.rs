//! The mutator of the YAML and CSV targets, which keeps most inputs readable so that they reach
//! the renderer. libFuzzer's byte mutations break the syntax or the UTF-8 of nearly every input
//! of a strict, cross-referenced format (of the 746 plan.yaml inputs a 10-minute run kept with
//! them alone, 1 built a site): what is fuzzed is then the error messages. Three times in four
//! this one makes a change an author might: one word (ids, keys, enumerated names, years,
//! numbers: a run of letters, digits, `-`, `_` and `.`) becomes another word of the text or of
//! the fixture's files, a key another key, or a line is repeated or dropped, or an entry (a line
//! and the lines indented under it) is repeated. The fourth is libFuzzer's own (with the
//! dictionary).
use std::collections::BTreeSet;
use std::path::Path;
use std::sync::OnceLock;

/// A small random source from libFuzzer's seed (xorshift).
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n.max(1) as u64) as usize
    }
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '-' | '_' | '.')
}

/// The byte ranges of the words of `text`.
fn words(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        match (start, is_word(c)) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                out.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// The words of the plan fixture's files: its keys, or its other words.
fn fixture_words(keys: bool) -> &'static [String] {
    static WORDS: OnceLock<[Vec<String>; 2]> = OnceLock::new();
    let [values, keys_found] = WORDS.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/plan/content");
        let mut all = [BTreeSet::new(), BTreeSet::new()];
        let mut folders = vec![root];
        while let Some(dir) = folders.pop() {
            for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    folders.push(path);
                } else if let Ok(text) = std::fs::read_to_string(&path) {
                    for (s, e) in words(&text) {
                        all[usize::from(is_key(&text, e))].insert(text[s..e].to_string());
                    }
                }
            }
        }
        all.map(|set| set.into_iter().collect())
    });
    if keys {
        keys_found
    } else {
        values
    }
}

/// Whether the word at `end` is a key (`key:`), which only another key may replace.
fn is_key(text: &str, end: usize) -> bool {
    text[end..].starts_with(':')
}

/// One word replaced by another of the text or of the fixture: a key by a key, a value by a
/// value (an id, a name, a year).
fn swap_word(text: &str, rng: &mut Rng) -> Option<String> {
    let found = words(text);
    let &(start, end) = found.get(rng.below(found.len()))?;
    let key = is_key(text, end);
    let mut pool: Vec<&str> = found
        .iter()
        .filter(|&&(_, e)| is_key(text, e) == key)
        .map(|&(s, e)| &text[s..e])
        .collect();
    pool.extend(fixture_words(key).iter().map(String::as_str));
    let with = pool.get(rng.below(pool.len()))?;
    Some(format!("{}{with}{}", &text[..start], &text[end..]))
}

/// A line repeated or dropped, or an entry (a line and those indented under it) repeated.
fn change_lines(text: &str, rng: &mut Rng) -> Option<String> {
    let mut lines: Vec<&str> = text.split_inclusive('\n').collect();
    if lines.is_empty() {
        return None;
    }
    let i = rng.below(lines.len());
    let indent = |l: &str| l.len() - l.trim_start().len();
    match rng.below(3) {
        0 => lines.insert(i, lines[i]),
        1 => {
            lines.remove(i);
        }
        _ => {
            let end = (i + 1..lines.len())
                .find(|&j| indent(lines[j]) <= indent(lines[i]) && !lines[j].trim().is_empty())
                .unwrap_or(lines.len());
            let entry: Vec<&str> = lines[i..end].to_vec();
            lines.splice(end..end, entry);
        }
    }
    Some(lines.concat())
}

/// The mutation of one input (`skip` leading bytes are not text: a target's selector byte).
pub fn mutate(data: &mut [u8], size: usize, max_size: usize, seed: u32, skip: usize) -> usize {
    let mut rng = Rng(u64::from(seed) << 1 | 1);
    let text = std::str::from_utf8(data.get(skip..size).unwrap_or_default()).ok();
    let changed = match (text, rng.below(4)) {
        (Some(t), 0) => change_lines(t, &mut rng),
        (Some(t), 1 | 2) => swap_word(t, &mut rng),
        _ => None,
    };
    match changed {
        Some(out) if skip + out.len() <= max_size && size >= skip => {
            data[skip..skip + out.len()].copy_from_slice(out.as_bytes());
            skip + out.len()
        }
        _ => libfuzzer_sys::fuzzer_mutate(data, size, max_size),
    }
}
