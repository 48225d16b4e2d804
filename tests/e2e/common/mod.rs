//! Helpers shared by the end-to-end tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// What `kertomus check` finds in the plan fixture's plan and survey, in the order it reports
/// them (English, as the tests run it).
pub(crate) const PLAN_FINDINGS: [&str; 8] = [
    "content/suunnitelma/lisa.yaml:10:14: warning: measure `os-1-1` has no responsible party",
    "content/suunnitelma/lisa.yaml:10:14: warning: measure `os-1-1` has no indicator",
    "content/suunnitelma/plan.yaml:27:13: warning: measure `mh-1-2` is statutory",
    "content/suunnitelma/plan.yaml:27:13: warning: measure `mh-1-2` is own work (scope: own), not joint work",
    "content/suunnitelma/lisa.yaml:11:10: warning: goal `os-2` has no measures",
    "content/suunnitelma/lisa.yaml:6:9: warning: goal `os-1` has no outcome indicator",
    "content/suunnitelma/plan.yaml:23:31: warning: indicator `paivat` has no data for the home region HYVINVOINTIALUE:13",
    "content/data/surveys/kysely.yaml:14:11: warning: survey question `q1`, group Oppilaitokset: mean 1.50 computed, 1.7 published",
];

/// The `kertomus` binary, speaking English whatever the locale of the machine running the
/// tests (the messages' languages are tested on their own).
pub(crate) fn command() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_kertomus"));
    c.env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C.UTF-8");
    c
}

/// Runs the `kertomus` binary.
pub(crate) fn kertomus(args: &[&str]) -> Output {
    command().args(args).output().expect("run kertomus")
}

/// Runs the `kertomus` binary with the locale `LANG=lang`.
pub(crate) fn kertomus_in(lang: &str, args: &[&str]) -> Output {
    command()
        .env("LANG", lang)
        .args(args)
        .output()
        .expect("run kertomus")
}

/// Runs the `kertomus` binary as of a given day (`SOURCE_DATE_EPOCH`).
pub(crate) fn kertomus_on(day: &str, args: &[&str]) -> Output {
    let date = chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d").unwrap();
    let epoch = date.and_hms_opt(12, 0, 0).unwrap().and_utc().timestamp();
    command()
        .args(args)
        .env("SOURCE_DATE_EPOCH", epoch.to_string())
        .output()
        .expect("run kertomus")
}

/// Copies a fixture site.
pub(crate) fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A file of a built site.
pub(crate) fn read(public: &Path, rel: &str) -> String {
    std::fs::read_to_string(public.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// Builds the fixture site at `root` into a temporary folder; returns it and its `public/`.
pub(crate) fn build_fixture(root: &str) -> (tempfile::TempDir, PathBuf) {
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    let o = kertomus(&[
        "build",
        "-q",
        "--root",
        root,
        "--output",
        public.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    (out, public)
}

/// A copy of the fixture site at `root` with some files replaced (or added).
pub(crate) fn fixture_with(root: &str, changes: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(Path::new(root), dir.path());
    for (rel, bytes) in changes {
        let path = dir.path().join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
    dir
}

/// Every file under `root`, by path relative to it, with its bytes: to compare two builds.
pub(crate) fn files(root: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out: Vec<(PathBuf, Vec<u8>)> = walkdir::WalkDir::new(root)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(root).unwrap().to_path_buf();
            (rel, std::fs::read(e.path()).unwrap())
        })
        .collect();
    out.sort();
    out
}

/// `html` without the column labels the build writes on table cells (`data-label="…"`, for
/// the stacked layout on phones), for tests about what the cells hold; the labels have a test
/// of their own.
pub(crate) fn unlabelled(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find(" data-label=\"") {
        out.push_str(&rest[..i]);
        let after = &rest[i + " data-label=\"".len()..];
        rest = after.find('"').map_or("", |end| &after[end + 1..]);
    }
    out.push_str(rest);
    out
}
