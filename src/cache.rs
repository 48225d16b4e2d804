//! What `kertomus serve` keeps between builds so that a rebuild after saving one page reads and
//! renders only what changed: page texts by file (reused while size and modification time are
//! the same) and rendered Markdown bodies by file (reused while the text and everything else a
//! body depends on are the same). Everything else is rebuilt from scratch every time, so a
//! rebuild gives exactly what a fresh `build` gives.

use crate::config::Config;
use crate::content;
use crate::markdown;
use crate::site::{BodyStore, Excluded, Site};
use std::collections::hash_map::DefaultHasher;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

#[derive(Default)]
pub struct Cache {
    texts: HashMap<PathBuf, (Option<SystemTime>, u64, String)>,
    pub(crate) bodies: Bodies,
    /// The last build that wrote its output, for deciding whether a rebuild may re-render
    /// only the pages whose bodies changed.
    pub(crate) last: Option<LastBuild>,
}

/// What the last written build looked like.
pub(crate) struct LastBuild {
    /// Hash of everything but page bodies: files, data, theme, site.yaml, front matters.
    shape: u64,
    output: PathBuf,
    /// Hash of each page's Markdown body.
    bodies: HashMap<PathBuf, u64>,
}

/// A build's state as serve's rebuilds compare it: computed only when there is a cache.
pub(crate) struct Incremental {
    /// Everything a Markdown body depends on besides its own text.
    pub fingerprint: u64,
    shape: u64,
    bodies: HashMap<PathBuf, u64>,
}

impl Incremental {
    pub(crate) fn new(inputs: &Inputs<'_>, sources: &[content::SourcePage]) -> Incremental {
        let fingerprint = fingerprint(inputs);
        // The shape is everything but page bodies; each body is hashed on its own.
        let shape = hash(&(
            fingerprint,
            sources
                .iter()
                .map(|s| (&s.rel, &s.text[..s.body_offset]))
                .collect::<Vec<_>>(),
        ));
        let bodies = sources
            .iter()
            .map(|s| (s.rel.clone(), hash(&s.text[s.body_offset..])))
            .collect();
        Incremental {
            fingerprint,
            shape,
            bodies,
        }
    }

    /// The pages whose bodies changed, when nothing else did since the last build written to
    /// `output` (and none of them is merged into another page, as card prose is).
    pub(crate) fn body_only_change(
        &self,
        cache: &Cache,
        output: &Path,
        site: &Site,
    ) -> Option<Vec<usize>> {
        let last = cache.last.as_ref()?;
        if last.shape != self.shape || last.output != output || !output.is_dir() {
            return None;
        }
        let changed: Vec<usize> = site
            .pages
            .iter()
            .enumerate()
            .filter(|(_, p)| last.bodies.get(&p.rel) != self.bodies.get(&p.rel))
            .map(|(i, _)| i)
            .collect();
        (!changed.iter().any(|&i| site.pages[i].is_card_prose())).then_some(changed)
    }

    /// What to remember once this build was written to `output`.
    pub(crate) fn written_to(self, output: &Path) -> LastBuild {
        LastBuild {
            shape: self.shape,
            output: output.to_path_buf(),
            bodies: self.bodies,
        }
    }
}

/// What a build's Markdown bodies depend on besides their own texts.
pub(crate) struct Inputs<'a> {
    /// The site folder (holding `content/` and `themes/`).
    pub root: &'a Path,
    /// Whether drafts are built.
    pub drafts: bool,
    pub config: &'a Config,
    pub found: &'a content::Discovered,
    pub excluded: &'a Excluded,
}

/// Rendered Markdown bodies by page file, valid for one fingerprint of their surroundings.
#[derive(Default)]
pub(crate) struct Bodies {
    pub(crate) fingerprint: u64,
    map: HashMap<PathBuf, (u64, markdown::Output)>,
}

pub(crate) fn hash<T: Hash + ?Sized>(v: &T) -> u64 {
    let mut h = DefaultHasher::new();
    v.hash(&mut h);
    h.finish()
}

impl Cache {
    /// The text of `content/<rel>`: from the cache while the file's size and modification time
    /// are unchanged, else read (and remembered).
    pub fn text(&mut self, content: &Path, rel: &Path) -> std::io::Result<Vec<u8>> {
        let path = content.join(rel);
        let meta = std::fs::metadata(&path)?;
        let stamp = (meta.modified().ok(), meta.len());
        if let Some((m, len, text)) = self.texts.get(rel) {
            if (*m, *len) == stamp && m.is_some() {
                return Ok(text.as_bytes().to_vec());
            }
        }
        let bytes = std::fs::read(&path)?;
        if let Ok(text) = std::str::from_utf8(&bytes) {
            self.texts
                .insert(rel.to_path_buf(), (stamp.0, stamp.1, text.to_string()));
        }
        Ok(bytes)
    }

    /// Forgets texts of files that no longer exist.
    pub fn retain_texts(&mut self, rels: &[PathBuf]) {
        let keep: std::collections::HashSet<&PathBuf> = rels.iter().collect();
        self.texts.retain(|k, _| keep.contains(k));
    }
}

impl Bodies {
    /// Starts a build whose surroundings hash to `fingerprint`; a change forgets every body.
    pub(crate) fn begin(&mut self, fingerprint: u64) {
        if fingerprint != self.fingerprint {
            self.map.clear();
            self.fingerprint = fingerprint;
        }
    }
}

impl BodyStore for Bodies {
    fn get(&self, rel: &Path, text_hash: u64) -> Option<&markdown::Output> {
        self.map
            .get(rel)
            .filter(|(h, _)| *h == text_hash)
            .map(|(_, out)| out)
    }

    fn put(&mut self, rel: &Path, text_hash: u64, out: &markdown::Output) {
        self.map.insert(rel.to_path_buf(), (text_hash, out.clone()));
    }
}

/// Size and modification time of every file under `dir`, for the fingerprint.
pub(crate) fn stamp_dir(dir: &Path, h: &mut impl Hasher) {
    for e in walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
    {
        if let Ok(m) = e.metadata() {
            if m.is_file() {
                e.path().hash(h);
                m.len().hash(h);
                m.modified().ok().hash(h);
            }
        }
    }
}

/// Everything a page's Markdown body depends on besides its own text: which pages and files
/// exist, drafts and failed pages, site.yaml, data, the theme (shortcodes use its partials)
/// and the month (the annual clock may mark it).
fn fingerprint(inputs: &Inputs<'_>) -> u64 {
    let Inputs {
        root,
        drafts: with_drafts,
        config,
        found,
        excluded: ex,
    } = inputs;
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    found.pages.hash(&mut h);
    let content_dir = root.join("content");
    for a in &found.assets {
        a.hash(&mut h);
        std::fs::metadata(content_dir.join(a))
            .ok()
            .map(|m| (m.len(), m.modified().ok()))
            .hash(&mut h);
    }
    let mut drafts: Vec<&PathBuf> = ex.drafts.iter().collect();
    drafts.sort();
    let mut failed: Vec<&PathBuf> = ex.failed.iter().collect();
    failed.sort();
    (
        drafts,
        failed,
        &config.source,
        &config.base_url,
        with_drafts,
    )
        .hash(&mut h);
    stamp_dir(&content_dir.join("data"), &mut h);
    stamp_dir(&root.join("themes"), &mut h);
    crate::dates::current_month().hash(&mut h);
    h.finish()
}
