//! Shared by the site targets: the plan fixture, and one scratch folder per fuzzing process.
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

static WORK: OnceLock<tempfile::TempDir> = OnceLock::new();

fn base() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/plan")
}

fn work() -> &'static Path {
    WORK.get_or_init(|| tempfile::tempdir().expect("a scratch folder"))
        .path()
}

/// Only inputs that built are kept in the corpus (`kertomus::fuzzing` says why); every input
/// is run and checked.
fn keep(built: bool) -> libfuzzer_sys::Corpus {
    if built {
        libfuzzer_sys::Corpus::Keep
    } else {
        libfuzzer_sys::Corpus::Reject
    }
}

/// The fixture with the file at `rel` replaced by `data`.
#[allow(dead_code)]
pub fn fuzz(rel: &str, data: &[u8]) -> libfuzzer_sys::Corpus {
    keep(kertomus::fuzzing::site(&base(), work(), rel, data))
}

/// The fixture with one of its pages replaced by `data` (after its first byte).
#[allow(dead_code)]
pub fn page(data: &[u8]) -> libfuzzer_sys::Corpus {
    keep(kertomus::fuzzing::page(&base(), work(), data))
}
