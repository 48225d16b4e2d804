//! Putting files and folders in place in one step, so that a reader (a browser on `serve`, a
//! web server on `public/`) sees the old version or the new one, never a file being written
//! (a page once came out as its first 43 bytes) or no site at all between two renames.

use crate::base::error::Error;
use std::path::{Path, PathBuf};

/// Writes `bytes` to `path` by writing a file beside it and renaming that over it.
pub(crate) fn write(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    let tmp = beside(path);
    if let Err(e) = std::fs::write(&tmp, bytes) {
        let _ = std::fs::remove_file(&tmp);
        return Err(Error::io(&tmp)(e));
    }
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        Error::io(path)(e)
    })
}

/// A name beside `path` that no other writer of this process or another one uses.
fn beside(path: &Path) -> PathBuf {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}.{}-{n}.kertomus-tmp", std::process::id()))
}

/// Swaps the folders `new` and `target` in one step where the system can (Linux, macOS):
/// `target` then holds the new site and `new` the old one. `false` where it cannot, and
/// nothing was changed.
pub(crate) fn swap(new: &Path, target: &Path) -> bool {
    #[cfg(any(target_os = "linux", target_os = "android", target_vendor = "apple"))]
    {
        use rustix::fs::{renameat_with, RenameFlags, CWD};
        renameat_with(CWD, new, CWD, target, RenameFlags::EXCHANGE).is_ok()
    }
    #[cfg(not(any(target_os = "linux", target_os = "android", target_vendor = "apple")))]
    {
        let _ = (new, target);
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_replaced_whole_and_nothing_is_left_beside_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("index.html");
        write(&path, b"old").unwrap();
        write(&path, b"new").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"new");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn folders_are_swapped() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a"), dir.path().join("b"));
        for (d, text) in [(&a, "new"), (&b, "old")] {
            std::fs::create_dir(d).unwrap();
            std::fs::write(d.join("f"), text).unwrap();
        }
        if swap(&a, &b) {
            assert_eq!(std::fs::read_to_string(b.join("f")).unwrap(), "new");
            assert_eq!(std::fs::read_to_string(a.join("f")).unwrap(), "old");
        } else {
            assert_eq!(std::fs::read_to_string(b.join("f")).unwrap(), "old");
        }
    }
}
