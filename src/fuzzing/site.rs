//! The whole-site targets: a copy of the plan fixture (every kind of data file, a plan with an
//! include, a report naming the plan, shortcodes in a chapter) with one file replaced by the
//! input, built twice: the builds must agree, the pages must carry no script of the author's,
//! and a page without raw HTML must leave no link in the site that leads nowhere.

use super::scripts::{live_script, without_own_scripts};
use super::{mode, record, timed};
use crate::model::config::RawHtml;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The copy of `base` in `work`, made once; each input changes some of its files and puts
/// them back afterwards.
fn prepared(base: &Path, work: &Path) -> PathBuf {
    let root = work.join("site");
    if !root.join("content").is_dir() {
        copy_dir(base, &root);
    }
    root
}

/// What a build refused: its report.
type Refused = String;

/// Builds the site at `root` with `changes` written in (and put back afterwards), twice;
/// returns the first outcome.
fn built_twice(
    base: &Path,
    work: &Path,
    changes: &[(&str, &[u8])],
) -> Result<BTreeMap<String, Vec<u8>>, Refused> {
    let root = prepared(base, work);
    for (rel, bytes) in changes {
        std::fs::write(root.join(rel), bytes).expect("write the fuzzed file");
    }
    let first = timed("a site", || build_into(&root, &work.join("a")));
    record(first.is_ok());
    let second = build_into(&root, &work.join("b"));
    for (rel, _) in changes {
        std::fs::copy(base.join(rel), root.join(rel)).expect("put the file back");
    }
    assert!(first == second, "the same site built twice differs");
    first
}

/// The fixture at `base` with the file at `rel` replaced by `data`, built twice into `work`;
/// whether the input is worth keeping (see [`keep`]).
pub fn site(base: &Path, work: &Path, rel: &str, data: &[u8]) -> bool {
    keep(&built_twice(base, work, &[(rel, data)]))
}

/// Whether an input is worth keeping in the corpus: one that built. Every input run is checked,
/// refused ones too, so the error messages one change away from a site are fuzzed (an author's
/// mistake is one change away); but kept, refused inputs become nearly all of the corpus (each
/// new error message is new coverage), further and further from a site, and fuzzing tests
/// little but error messages: of plan.yaml's corpus, 1 of 746 inputs built when all were kept,
/// 5 of 538 when those with a single error were.
fn keep<T>(outcome: &Result<T, Refused>) -> bool {
    outcome.is_ok()
}

/// The pages a page input may stand for: the front page, a chapter of the plan document (with
/// the plan's shortcodes) and the annual report (a document that names the plan).
const PAGES: [&str; 3] = [
    "content/index.md",
    "content/suunnitelma/01-luku.md",
    "content/raportti-2026/index.md",
];

/// A page of the fixture replaced by the input after its first byte, which picks the page and
/// the site's `raw_html` mode: front matter, shortcodes with the fixture's data, links to its
/// pages and anchors. With raw HTML denied, every link of a site that builds must lead to a
/// file and id of the site (the search records of its pages are taken too).
///
/// Returns whether the input is worth keeping (see [`keep`]).
pub fn page(base: &Path, work: &Path, data: &[u8]) -> bool {
    let Some((&first, page)) = data.split_first() else {
        return false;
    };
    let raw_html = mode(first);
    let rel = PAGES[usize::from(first / 3) % PAGES.len()];
    let mut site_yaml = std::fs::read(base.join("content/site.yaml")).expect("site.yaml");
    let name = match raw_html {
        RawHtml::Sanitize => "sanitize",
        RawHtml::Deny => "deny",
        RawHtml::Allow => "allow",
    };
    site_yaml.extend_from_slice(format!("markdown: {{raw_html: {name}}}\n").as_bytes());
    let changes = [(rel, page), ("content/site.yaml", &site_yaml[..])];
    let files = match built_twice(base, work, &changes) {
        Ok(files) => files,
        refused => return keep(&refused),
    };
    for (path, bytes) in &files {
        if let Some(dir) = path.strip_suffix("index.html") {
            let url = format!("/{dir}");
            let _ = crate::output::search::record(&url, "fi", &String::from_utf8_lossy(bytes));
        }
    }
    if raw_html == RawHtml::Deny {
        let base_url = crate::check::links::base_url(&work.join("site")).expect("base_url");
        let mut broken = crate::check::links::broken(&files, &base_url);
        // An address the author wrote out whole (a document's `minutes_url` on the site's own
        // host, say) is the author's to fix, and `kertomus check` reports it; the build's own
        // links may not lead nowhere. Compared without white space: YAML folds a line break in
        // a quoted value into a space (a fuzzed `minutes_url` with a CR in it was written so).
        let bare = |s: &str| s.split_whitespace().collect::<String>();
        let written = bare(&String::from_utf8_lossy(page));
        broken.retain(|b| !written.contains(&bare(&b.link)));
        assert!(broken.is_empty(), "links that lead nowhere: {broken:?}");
    }
    true
}

/// The outcome of one build: every written file by path, or the messages.
fn build_into(root: &Path, output: &Path) -> Result<BTreeMap<String, Vec<u8>>, Refused> {
    let _ = std::fs::remove_dir_all(output);
    let opts = crate::BuildOptions {
        root: root.to_path_buf(),
        output: Some(output.to_path_buf()),
        base_url: None,
        drafts: false,
        check: false,
        external: false,
        search: false,
        search_shard_pages: 0,
        pdf: false,
    };
    match crate::build(&opts) {
        Err(crate::Error::Content(diags)) => Err(crate::base::diagnostics::report(
            &diags,
            crate::base::messages::Lang::En,
        )),
        Err(e) => Err(format!(
            "error: {}",
            e.render(crate::base::messages::Lang::En)
        )),
        Ok(_) => Ok(written(output)),
    }
}

/// Every file under `output` by its `/`-separated path; no HTML may carry an author's script.
fn written(output: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    for entry in walkdir::WalkDir::new(output).sort_by_file_name() {
        let Ok(entry) = entry else { continue };
        if !entry.file_type().is_file() {
            continue;
        }
        let bytes = std::fs::read(entry.path()).unwrap_or_default();
        if entry.path().extension().is_some_and(|e| e == "html") {
            let html = String::from_utf8_lossy(&bytes);
            if let Some(bad) = live_script(&without_own_scripts(&html)) {
                panic!("{bad} in {}", entry.path().display());
            }
        }
        let rel = entry.path().strip_prefix(output).unwrap_or(entry.path());
        let rel: Vec<String> = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        files.insert(rel.join("/"), bytes);
    }
    files
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from).into_iter().flatten() {
        let rel = entry.path().strip_prefix(from).unwrap_or(entry.path());
        let target: PathBuf = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).expect("create a folder");
        } else {
            std::fs::copy(entry.path(), &target).expect("copy a file");
        }
    }
}
