//! What `kertomus serve` keeps between builds so that a rebuild after saving one page reads and
//! renders only what changed: parsed pages by file (reused while its size and modification
//! time and site.yaml are the same) and rendered Markdown bodies by file (reused while the
//! text and everything else a body depends on are the same). Everything else is rebuilt from
//! scratch every time, so a rebuild gives exactly what a fresh `build` gives.

use crate::base::diagnostics::Diagnostic;
use crate::markdown;
use crate::model::config::Config;
use crate::model::content;
use crate::model::content::PageId;
use crate::site::{BodyStore, Excluded, Site};
use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

#[derive(Default)]
pub struct Cache {
    /// The site.yaml the kept pages were parsed with (it decides their language and address).
    pages_config: String,
    pages: HashMap<PathBuf, Parsed>,
    pub(crate) bodies: Bodies,
    /// The last build that wrote its output, for deciding whether a rebuild may re-render
    /// only the pages whose bodies changed.
    pub(crate) last: Option<LastBuild>,
}

/// What the last written build looked like.
pub(crate) struct LastBuild {
    state: Incremental,
    output: PathBuf,
}

/// A page's text as a build read it. The text is shared with the page cache, so an unchanged
/// file is known by its allocation, and its bytes are compared only when it was read anew:
/// a rebuild does not read every page's text again to hash it.
#[derive(Clone)]
struct Text {
    rel: PathBuf,
    text: Arc<str>,
    body_offset: usize,
}

impl Text {
    fn front(&self) -> &str {
        &self.text[..self.body_offset]
    }

    fn body(&self) -> &str {
        &self.text[self.body_offset..]
    }

    fn same_front(&self, other: &Text) -> bool {
        self.rel == other.rel
            && (Arc::ptr_eq(&self.text, &other.text) || self.front() == other.front())
    }

    fn same_body(&self, other: &Text) -> bool {
        Arc::ptr_eq(&self.text, &other.text) || self.body() == other.body()
    }
}

/// A build's state as serve's rebuilds compare it: computed only when there is a cache.
pub(crate) struct Incremental {
    /// Everything a Markdown body depends on besides its own text.
    pub fingerprint: u64,
    /// Every page's text, in the order of the sources.
    texts: Vec<Text>,
}

impl Incremental {
    pub(crate) fn new(inputs: &Inputs<'_>, sources: &[content::SourcePage]) -> Incremental {
        let texts = sources
            .iter()
            .map(|s| Text {
                rel: s.rel.clone(),
                text: Arc::clone(&s.text),
                body_offset: s.body_offset,
            })
            .collect();
        Incremental {
            fingerprint: fingerprint(inputs),
            texts,
        }
    }

    /// Everything but the pages' bodies is as in `last`: files, data, theme, site.yaml and
    /// every front matter.
    fn same_shape(&self, last: &Incremental) -> bool {
        self.fingerprint == last.fingerprint
            && self.texts.len() == last.texts.len()
            && self
                .texts
                .iter()
                .zip(&last.texts)
                .all(|(a, b)| a.same_front(b))
    }

    /// The pages whose bodies changed, when nothing else did since the last build written to
    /// `output` (and none of them is merged into another page, as card prose is).
    pub(crate) fn body_only_change(
        &self,
        cache: &Cache,
        output: &Path,
        site: &Site,
    ) -> Option<Vec<PageId>> {
        let last = cache.last.as_ref()?;
        if !self.same_shape(&last.state) || last.output != output || !output.is_dir() {
            return None;
        }
        let changed: HashSet<&Path> = self
            .texts
            .iter()
            .zip(&last.state.texts)
            .filter(|(a, b)| !a.same_body(b))
            .map(|(a, _)| a.rel.as_path())
            .collect();
        let changed: Vec<PageId> = site
            .enumerate()
            .filter(|(_, p)| changed.contains(p.rel.as_path()))
            .map(|(i, _)| i)
            .collect();
        (!changed.iter().any(|&i| site[i].is_card_prose())).then_some(changed)
    }

    /// What to remember once this build was written to `output`.
    pub(crate) fn written_to(self, output: &Path) -> LastBuild {
        LastBuild {
            state: self,
            output: output.to_path_buf(),
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

/// Rendered Markdown bodies by page file, with the text each was rendered from, valid for one
/// fingerprint of their surroundings.
#[derive(Default)]
pub(crate) struct Bodies {
    pub(crate) fingerprint: u64,
    map: HashMap<PathBuf, (Arc<str>, markdown::Output)>,
}

/// A page as [`Cache::pages`] found it: the file's stamp, the page, and whether it was parsed
/// anew (and is to be kept).
type Lookup = (
    Option<(SystemTime, u64)>,
    Result<content::SourcePage, Diagnostic>,
    bool,
);

/// A page file as the last build parsed it.
struct Parsed {
    /// Modification time and size of the file.
    stamp: (SystemTime, u64),
    page: Result<content::SourcePage, Diagnostic>,
}

impl Cache {
    /// The pages `rels` of `content`, parsed: from the cache where the file's modification
    /// time and size and site.yaml (`config`) are as they were, else by `parse` (and then
    /// remembered). Files no longer listed are forgotten, and every page when site.yaml
    /// changed.
    pub(crate) fn pages<P>(
        &mut self,
        content: &Path,
        rels: &[PathBuf],
        config: &str,
        parse: P,
    ) -> Vec<Result<content::SourcePage, Diagnostic>>
    where
        P: Fn(&PathBuf) -> Result<content::SourcePage, Diagnostic> + Sync,
    {
        use rayon::prelude::*;
        if self.pages_config != config {
            self.pages.clear();
            self.pages_config = config.to_string();
        }
        let stamp = |rel: &PathBuf| {
            let meta = std::fs::metadata(content.join(rel)).ok()?;
            Some((meta.modified().ok()?, meta.len()))
        };
        let found: Vec<Lookup> = rels
            .par_iter()
            .map(|rel| {
                let stamp = stamp(rel);
                match self.pages.get(rel) {
                    Some(p) if Some(p.stamp) == stamp => (stamp, p.page.clone(), false),
                    _ => (stamp, parse(rel), true),
                }
            })
            .collect();
        let keep: HashSet<&PathBuf> = rels.iter().collect();
        self.pages.retain(|k, _| keep.contains(k));
        let mut out = Vec::with_capacity(found.len());
        for (rel, (stamp, page, fresh)) in rels.iter().zip(found) {
            if let (true, Some(stamp)) = (fresh, stamp) {
                let kept = Parsed {
                    stamp,
                    page: page.clone(),
                };
                self.pages.insert(rel.clone(), kept);
            }
            out.push(page);
        }
        out
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
    fn get(&self, rel: &Path, text: &Arc<str>) -> Option<&markdown::Output> {
        self.map
            .get(rel)
            .filter(|(kept, _)| Arc::ptr_eq(kept, text) || **kept == **text)
            .map(|(_, out)| out)
    }

    fn put(&mut self, rel: &Path, text: Arc<str>, out: &markdown::Output) {
        self.map.insert(rel.to_path_buf(), (text, out.clone()));
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
        &config.source.text,
        &config.base_url,
        with_drafts,
    )
        .hash(&mut h);
    stamp_dir(&content_dir.join("data"), &mut h);
    stamp_dir(&root.join("themes"), &mut h);
    crate::base::dates::current_month().hash(&mut h);
    h.finish()
}
