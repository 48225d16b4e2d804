//! `kertomus import`: last term's report, written in LibreOffice and saved as .docx (also with
//! the style ids of a Finnish and a Swedish Word) or .odt (`tests/fixtures/import/word/`, see
//! SOURCE.md there), becomes a document folder of the site in `tests/fixtures/import/site/`
//! that builds at once, and `kertomus check` lists exactly what needs a person. The tests
//! are in the modules; the helpers they share are here.

mod bad;
mod damaged;
mod plan;
mod report;
mod same;

use crate::common::{copy_dir, kertomus, kertomus_in};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

const SITE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/import/site");
const WORD: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/import/word");
const FOLDER: &str = "content/hyvinvointikertomus-2021-2025";

/// A copy of the test site.
fn site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(Path::new(SITE), dir.path());
    dir
}

fn word(name: &str) -> String {
    format!("{WORD}/{name}")
}

/// Imports `file` into the site at `root`; returns standard output.
fn import(root: &Path, file: &str) -> String {
    let o = kertomus(&["import", file, "--root", root.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Every file under `dir`, by path relative to it.
fn files(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(dir).unwrap().to_path_buf();
            (rel, std::fs::read(e.path()).unwrap())
        })
        .collect()
}

fn text(root: &Path, rel: &str) -> String {
    std::fs::read_to_string(root.join(FOLDER).join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// The file's front matter parsed, and its body.
fn page(root: &Path, rel: &str) -> (serde_yaml::Value, String) {
    let t = text(root, rel);
    let rest = t.strip_prefix("---\n").unwrap();
    let (yaml, body) = rest.split_once("\n---\n").unwrap();
    (serde_yaml::from_str(yaml).unwrap(), body.to_string())
}
