//! The search index, built with the Pagefind library (`pagefind::api`): one record per page in
//! its language, so Finnish and Swedish words are stemmed when indexing and when searching.
//! Only the page's prose is indexed (not navigation, footers or the data tables and drawings
//! of charts), taken from the HTML the build already rendered ([`mod@record`]). Records are sent
//! here while the site renders; at the end the Finnish ones get their words' base forms and
//! compound parts ([`morphology`]), and all are split into shards ([`shards`]) built in parallel, and
//! a shard whose records did not change since the previous build is taken from it as it was.

mod morphology;
mod record;
mod shards;

pub(crate) use record::record;

pub use morphology::Finnish;
pub(crate) use shards::DEFAULT_SHARD_PAGES;

use crate::base::error::Error;
use crate::msg;
use rayon::prelude::*;
use shards::{Manifest, Shard};
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::mpsc::{channel, Receiver, Sender};

/// The Pagefind version the bundles are made with; part of each shard's hash.
const PAGEFIND_VERSION: &str = "1.6";

/// One page to index.
#[derive(Debug, Clone)]
pub(crate) struct Record {
    /// Root-relative URL (`/hyvinvointikertomus-2025-2029/`).
    pub url: String,
    pub lang: String,
    pub title: String,
    pub text: String,
}

/// The bundle's files: paths inside `pagefind/` and their bytes.
pub(crate) type Bundle = Vec<(String, Vec<u8>)>;

/// Collects the records while the site renders; [`Indexer::finish`] builds the bundle.
pub(crate) struct Indexer {
    tx: Option<Sender<Record>>,
    rx: Receiver<Record>,
}

/// How a finished index came about, for `--timings` and the tests.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct IndexStats {
    /// Shards in the index.
    pub shards: usize,
    /// Shards indexed in this build (the others were reused from the previous output).
    pub indexed: usize,
    /// Pages in the index.
    pub pages: usize,
    /// How the Finnish pages were analysed for base forms and compound parts.
    pub finnish: Finnish,
}

impl Indexer {
    pub(crate) fn start() -> Indexer {
        let (tx, rx) = channel::<Record>();
        Indexer { tx: Some(tx), rx }
    }

    /// A sender for records; cheap to clone into rendering threads.
    pub(crate) fn sender(&self) -> Sender<Record> {
        self.tx.clone().expect("indexer is running")
    }

    /// The bundle: every shard of at most `shard_pages` records, built in parallel or taken
    /// from `previous` (the output folder of the last build) when its records are the same;
    /// and `shards.json`, which lists them for the search page.
    pub(crate) fn finish(
        mut self,
        previous: Option<&Path>,
        shard_pages: usize,
    ) -> Result<(Bundle, IndexStats), Error> {
        drop(self.tx.take());
        let mut records: Vec<Record> = self.rx.try_iter().collect();
        let analysis = analyse(&mut records);
        let pages = records.len();
        let shards = shards::split(records, shard_pages);
        // Each shard's hash once: it decides reuse and goes into the manifest.
        let entries: Vec<shards::Entry> = shards.par_iter().map(Shard::entry).collect();
        let old = previous.and_then(read_manifest);
        let parts: Vec<(Bundle, bool)> = shards
            .par_iter()
            .zip(&entries)
            .map(|(s, e)| match reuse(previous, old.as_ref(), e) {
                Some(files) => Ok((files, false)),
                None => build_shard(s).map(|files| (files, true)),
            })
            .collect::<Result<_, String>>()
            .map_err(|e| Error::Config(msg!("building the search index failed: {e}", e)))?;
        let stats = IndexStats {
            shards: shards.len(),
            indexed: parts.iter().filter(|(_, fresh)| *fresh).count(),
            pages,
            finnish: analysis.finnish,
        };
        let mut out: Bundle = Vec::new();
        for (shard, (files, _)) in shards.iter().zip(parts) {
            let prefixed = files
                .into_iter()
                .map(|(name, bytes)| (format!("{}{name}", shard.path), bytes));
            out.extend(prefixed);
        }
        let mut manifest = Manifest {
            format: 1,
            shards: entries,
            forms: BTreeMap::new(),
        };
        if let Some(files) = analysis.query_files() {
            let listed = shards::Forms::of(FINNISH_FORMS, &files);
            let named = files.files.into_iter();
            out.extend(named.map(|(name, bytes)| (format!("{FINNISH_FORMS}{name}.json"), bytes)));
            manifest.forms.insert("fi".to_string(), listed);
        }
        let json = serde_json::to_vec_pretty(&manifest).unwrap_or_default();
        out.push((MANIFEST.to_string(), json));
        out.sort();
        Ok((out, stats))
    }
}

/// Where the Finnish query files go inside `pagefind/`.
const FINNISH_FORMS: &str = "forms/fi/";

/// Whether a record's language is Finnish (`fi`, `fi-FI`).
fn is_finnish(lang: &str) -> bool {
    lang.split('-').next() == Some("fi")
}

/// Analyses the Finnish records' words and makes every record's text the digest Pagefind
/// indexes: with the Finnish words' base forms and compound parts, hostile markers
/// neutralised in all.
fn analyse(records: &mut [Record]) -> morphology::Analysis {
    let finnish: Vec<&str> = records
        .iter()
        .filter(|r| is_finnish(&r.lang))
        .map(|r| r.text.as_str())
        .collect();
    let analysis = morphology::analyse(&finnish);
    records
        .par_iter_mut()
        .for_each(|r| r.text = analysis.digest(&r.text, is_finnish(&r.lang)));
    analysis
}

/// The manifest's name inside `pagefind/`.
const MANIFEST: &str = "shards.json";

fn read_manifest(previous: &Path) -> Option<Manifest> {
    let bytes = std::fs::read(previous.join("pagefind").join(MANIFEST)).ok()?;
    serde_json::from_slice(&bytes).ok()
}

/// The files of the shard of `entry` as the previous build wrote them, if its records are
/// the same (the same hash at the same place).
fn reuse(previous: Option<&Path>, old: Option<&Manifest>, entry: &shards::Entry) -> Option<Bundle> {
    old?.shards
        .iter()
        .find(|e| e.path == entry.path && e.hash == entry.hash)?;
    let dir = previous?.join("pagefind").join(&entry.path);
    let mut files = Vec::new();
    for file in walkdir::WalkDir::new(&dir).sort_by_file_name() {
        let file = file.ok()?;
        if !file.file_type().is_file() {
            continue;
        }
        let rel = file.path().strip_prefix(&dir).ok()?;
        let rel = rel.to_string_lossy().replace('\\', "/");
        // A shard at pagefind/ itself was the only one (a site with shards has none there),
        // so the folder holds its bundle and the manifest.
        if rel == MANIFEST {
            continue;
        }
        files.push((rel, std::fs::read(file.path()).ok()?));
    }
    (!files.is_empty()).then_some(files)
}

/// One shard's Pagefind bundle, made on this thread.
fn build_shard(shard: &Shard) -> Result<Bundle, String> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(|e| e.to_string())?;
    runtime.block_on(async {
        let mut index = pagefind::api::PagefindIndex::new(None).map_err(|e| e.to_string())?;
        for r in &shard.records {
            let meta = BTreeMap::from([("title".to_string(), r.title.clone())]);
            let (url, text, lang) = (r.url.clone(), r.text.clone(), r.lang.clone());
            index
                .add_custom_record(url, text, lang, Some(meta), None, None)
                .await
                .map_err(|e| e.to_string())?;
        }
        let files = index.get_files().await.map_err(|e| e.to_string())?;
        // The search page has its own accessible UI: Pagefind's UI bundles stay out.
        Ok(files
            .into_iter()
            .map(|f| (f.filename.to_string_lossy().replace('\\', "/"), f.contents))
            .filter(|(name, _)| !name.contains("-ui."))
            .collect())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finnish_words_are_indexed_with_the_finnish_stemmer() {
        let ix = Indexer::start();
        let tx = ix.sender();
        tx.send(Record {
            url: "/a/".into(),
            lang: "fi".into(),
            title: "A".into(),
            text: "Hyvinvointialue ja nuoret".into(),
        })
        .unwrap();
        tx.send(Record {
            url: "/sv/a/".into(),
            lang: "sv".into(),
            title: "A".into(),
            text: "Välfärdsområdet".into(),
        })
        .unwrap();
        drop(tx);
        let (files, stats) = ix.finish(None, 10).unwrap();
        let names: Vec<&str> = files.iter().map(|f| f.0.as_str()).collect();
        assert!(names.contains(&"pagefind.js"), "{names:?}");
        assert!(names.iter().any(|n| n.starts_with("wasm.fi")), "{names:?}");
        assert!(names.iter().any(|n| n.starts_with("wasm.sv")), "{names:?}");
        assert!(names.contains(&"shards.json"), "{names:?}");
        assert_eq!((stats.shards, stats.indexed, stats.pages), (1, 1, 2));
    }

    fn records() -> Vec<Record> {
        ["/a/", "/b/", "/sv/a/"]
            .iter()
            .map(|u| Record {
                url: u.to_string(),
                lang: if u.starts_with("/sv/") { "sv" } else { "fi" }.into(),
                title: u.to_string(),
                text: format!("Hyvinvointi {u}"),
            })
            .collect()
    }

    fn index(records: &[Record], previous: Option<&Path>) -> (Bundle, IndexStats) {
        let ix = Indexer::start();
        for r in records {
            ix.sender().send(r.clone()).unwrap();
        }
        ix.finish(previous, 1).unwrap()
    }

    fn write(dir: &Path, bundle: &Bundle) {
        for (rel, bytes) in bundle {
            let path = dir.join("pagefind").join(rel);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, bytes).unwrap();
        }
    }

    #[test]
    fn shards_are_bundles_of_their_own_and_unchanged_ones_are_reused() {
        let (first, stats) = index(&records(), None);
        assert_eq!((stats.shards, stats.indexed), (3, 3));
        let names: Vec<&str> = first.iter().map(|f| f.0.as_str()).collect();
        for shard in ["fi-1/", "fi-2/", "sv-1/"] {
            assert!(
                names.contains(&format!("{shard}pagefind.js").as_str()),
                "{names:?}"
            );
        }
        let json = &first.iter().find(|f| f.0 == "shards.json").unwrap().1;
        let manifest: Manifest = serde_json::from_slice(json).unwrap();
        assert_eq!(manifest.shards[2].langs, ["sv"]);
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), &first);
        // Nothing changed: nothing is indexed, and the bundle is the same to the byte.
        let (again, stats) = index(&records(), Some(dir.path()));
        assert_eq!((stats.shards, stats.indexed), (3, 0));
        assert!(again == first);
        // One page changed: its shard alone is indexed again.
        let mut changed = records();
        changed[1].text.push_str(" muutettu");
        let (_, stats) = index(&changed, Some(dir.path()));
        assert_eq!((stats.shards, stats.indexed), (3, 1));
    }
}
