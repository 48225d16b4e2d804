//! Shared by the site targets: one scratch folder per fuzzing process.
use std::path::Path;
use std::sync::OnceLock;

static WORK: OnceLock<tempfile::TempDir> = OnceLock::new();

pub fn fuzz(rel: &str, data: &[u8]) {
    let base = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/plan");
    let work = WORK.get_or_init(|| tempfile::tempdir().expect("a scratch folder"));
    kertomus::fuzzing::site(&base, work.path(), rel, data);
}
