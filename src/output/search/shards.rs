//! How the records of a site are split into shards, each its own Pagefind bundle under
//! `pagefind/`, and the manifest (`pagefind/shards.json`) the search page reads to merge them
//! (Pagefind's `mergeIndex`). A small site is one shard at `pagefind/` itself, holding every
//! language. A large one gets a shard per language, and a language with more pages than a
//! shard holds is split by top-level section (`/mittarit/…`, `/sv/kuntakortit/…`), sections
//! packed in address order. Shards are built in parallel, and each carries a hash of its
//! records: a rebuild reuses, from the previous output, every shard whose records are the same.

use super::Record;
use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};

/// Records per shard at most, unless a site says otherwise: a Pagefind index of this many
/// pages of prose takes a few hundred megabytes while it is built.
pub(crate) const DEFAULT_SHARD_PAGES: usize = 1000;

/// One shard: where its bundle goes, the languages it holds, and its records in address order.
#[derive(Debug)]
pub(crate) struct Shard {
    /// Folder inside `pagefind/`, ending in `/`; empty for the single shard of a small site.
    pub path: String,
    pub langs: Vec<String>,
    pub records: Vec<Record>,
}

/// A shard as the manifest lists it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub(crate) struct Entry {
    pub path: String,
    pub langs: Vec<String>,
    /// Of the records, the Pagefind version and the shard's options (see [`Shard::hash`]).
    pub hash: String,
    pub pages: usize,
}

/// `pagefind/shards.json`.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub(crate) struct Manifest {
    /// Version of this file's format.
    pub format: u32,
    pub shards: Vec<Entry>,
    /// The query files of each language with word forms (`fi`), by language.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub forms: BTreeMap<String, Forms>,
}

/// A language's query files as the manifest lists them: the search page fetches
/// `{path}{name}.json`, where `name` is the first `prefix` letters of a folded word, only
/// for the names listed.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub(crate) struct Forms {
    pub path: String,
    pub prefix: usize,
    pub files: Vec<String>,
}

impl Forms {
    pub(crate) fn of(path: &str, files: &super::morphology::QueryFiles) -> Forms {
        Forms {
            path: path.to_string(),
            prefix: files.prefix,
            files: files.files.iter().map(|(name, _)| name.clone()).collect(),
        }
    }
}

impl Shard {
    /// A stable hash of what the shard's bundle is made from. The std hasher with its fixed
    /// keys is stable from run to run; a new Rust version may change it, which only costs one
    /// full re-index.
    pub(crate) fn hash(&self) -> String {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        (super::PAGEFIND_VERSION, &self.path, &self.langs).hash(&mut h);
        for r in &self.records {
            (&r.url, &r.lang, &r.title, &r.text).hash(&mut h);
        }
        format!("{:016x}", h.finish())
    }

    pub(crate) fn entry(&self) -> Entry {
        Entry {
            path: self.path.clone(),
            langs: self.langs.clone(),
            hash: self.hash(),
            pages: self.records.len(),
        }
    }
}

/// The shards of `records` (in any order), at most `max` records each.
pub(crate) fn split(mut records: Vec<Record>, max: usize) -> Vec<Shard> {
    records.sort_by(|a, b| a.url.cmp(&b.url));
    let max = max.max(1);
    if records.len() <= max {
        let mut langs: Vec<String> = records.iter().map(|r| r.lang.clone()).collect();
        langs.sort();
        langs.dedup();
        return vec![Shard {
            path: String::new(),
            langs,
            records,
        }];
    }
    let mut by_lang: BTreeMap<String, Vec<Record>> = BTreeMap::new();
    for r in records {
        by_lang.entry(r.lang.clone()).or_default().push(r);
    }
    let mut out = Vec::new();
    for (lang, records) in by_lang {
        for (n, part) in pack(records, max).into_iter().enumerate() {
            out.push(Shard {
                path: format!("{lang}-{}/", n + 1),
                langs: vec![lang.clone()],
                records: part,
            });
        }
    }
    out
}

/// One language's records (in address order) in parts of at most `max`, as even as sections
/// allow (the parts are built in parallel): whole top-level sections together where they fit,
/// a section larger than a part cut in address order.
fn pack(records: Vec<Record>, max: usize) -> Vec<Vec<Record>> {
    // A part closes once it holds its even share of the records.
    let even = records.len().div_ceil(records.len().div_ceil(max).max(1));
    let mut parts: Vec<Vec<Record>> = Vec::new();
    let mut current: Vec<Record> = Vec::new();
    let mut sections: Vec<Vec<Record>> = Vec::new();
    for r in records {
        match sections.last_mut() {
            Some(s) if section(&s[0]) == section(&r) => s.push(r),
            _ => sections.push(vec![r]),
        }
    }
    for s in sections {
        if current.len() + s.len() > max && !current.is_empty() {
            parts.push(std::mem::take(&mut current));
        }
        for r in s {
            if current.len() == max {
                parts.push(std::mem::take(&mut current));
            }
            current.push(r);
        }
        if current.len() >= even {
            parts.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        parts.push(current);
    }
    parts
}

/// The top-level section of a record's address, after its language prefix:
/// `/sv/mittarit/4/` → `mittarit`.
fn section(r: &Record) -> &str {
    let path = r.url.trim_start_matches('/');
    let path = path.strip_prefix(&format!("{}/", r.lang)).unwrap_or(path);
    path.split('/').next().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(url: &str, lang: &str) -> Record {
        Record {
            url: url.into(),
            lang: lang.into(),
            title: url.into(),
            text: format!("teksti {url}"),
        }
    }

    #[test]
    fn a_small_site_is_one_shard_with_every_language() {
        let s = split(
            vec![rec("/b/", "fi"), rec("/sv/a/", "sv"), rec("/a/", "fi")],
            10,
        );
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].path, "");
        assert_eq!(s[0].langs, ["fi", "sv"]);
        assert_eq!(s[0].records[0].url, "/a/");
    }

    #[test]
    fn a_large_site_is_split_by_language_then_by_section() {
        let mut records: Vec<Record> = (0..5)
            .map(|i| rec(&format!("/mittarit/{i}/"), "fi"))
            .collect();
        records.extend((0..2).map(|i| rec(&format!("/kertomus/{i}/"), "fi")));
        records.push(rec("/sv/mittarit/1/", "sv"));
        let s = split(records, 4);
        let paths: Vec<(&str, usize)> = s
            .iter()
            .map(|s| (s.path.as_str(), s.records.len()))
            .collect();
        // kertomus (2) alone, as mittarit (5) does not fit beside it; mittarit cut at 4.
        assert_eq!(
            paths,
            [("fi-1/", 2), ("fi-2/", 4), ("fi-3/", 1), ("sv-1/", 1)]
        );
        assert!(s[0].records.iter().all(|r| r.url.starts_with("/kertomus/")));
        assert_eq!(section(&s[3].records[0]), "mittarit");
        // Just over one shard's worth: two even halves, not a full shard and a sliver.
        let records: Vec<Record> = (0..12)
            .map(|i| rec(&format!("/s{}/{i}/", i / 2), "fi"))
            .collect();
        let sizes: Vec<usize> = split(records, 10).iter().map(|s| s.records.len()).collect();
        assert_eq!(sizes, [6, 6]);
    }

    #[test]
    fn the_hash_follows_the_records() {
        let a = split(vec![rec("/a/", "fi")], 10);
        let b = split(vec![rec("/a/", "fi")], 10);
        assert_eq!(a[0].hash(), b[0].hash());
        let mut changed = rec("/a/", "fi");
        changed.text.push('!');
        assert_ne!(a[0].hash(), split(vec![changed], 10)[0].hash());
    }
}
