//! Putting the imported folder in place without losing anything: the files go into a hidden
//! staging folder beside the target (the site's content walker skips hidden folders, so a
//! running `serve` never sees half a document), which is renamed into place once all are
//! written. With `--force` an existing folder is first moved aside and removed only after
//! the new one is in place. On any error the staging folder is removed and nothing changed.

use super::error::ImportError;
use std::path::{Path, PathBuf};

fn failed(path: &Path) -> impl FnOnce(std::io::Error) -> ImportError + '_ {
    move |e| ImportError::Write {
        path: path.to_path_buf(),
        reason: e.to_string(),
    }
}

/// Writes `files` (paths relative to the folder) as the folder `target`.
pub(crate) fn commit(target: &Path, files: &[(String, Vec<u8>)]) -> Result<(), ImportError> {
    let parent = target.parent().unwrap_or(Path::new("."));
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let created = missing_ancestors(parent);
    let staging = parent.join(format!(".{name}.kertomus-import"));
    let result = std::fs::create_dir_all(parent)
        .map_err(failed(parent))
        .and_then(|()| stage(&staging, files))
        .and_then(|()| {
            swap(
                &staging,
                target,
                &parent.join(format!(".{name}.kertomus-old")),
            )
        });
    if result.is_err() {
        let _ = std::fs::remove_dir_all(&staging);
        for dir in created.iter().rev() {
            let _ = std::fs::remove_dir(dir);
        }
    }
    result
}

/// The folders from `dir` up that do not exist yet (removed again if the import fails).
fn missing_ancestors(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = dir
        .ancestors()
        .take_while(|d| !d.as_os_str().is_empty() && !d.exists())
        .map(Path::to_path_buf)
        .collect();
    out.reverse();
    out
}

fn stage(staging: &Path, files: &[(String, Vec<u8>)]) -> Result<(), ImportError> {
    if staging.exists() {
        // Left over from an import that was stopped.
        std::fs::remove_dir_all(staging).map_err(failed(staging))?;
    }
    std::fs::create_dir_all(staging).map_err(failed(staging))?;
    for (rel, bytes) in files {
        let path = staging.join(rel);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(failed(dir))?;
        }
        std::fs::write(&path, bytes).map_err(failed(&path))?;
    }
    Ok(())
}

/// Renames the staging folder to `target`, moving an existing target aside first.
fn swap(staging: &Path, target: &Path, old: &Path) -> Result<(), ImportError> {
    if !target.exists() {
        return std::fs::rename(staging, target).map_err(failed(target));
    }
    if old.exists() {
        std::fs::remove_dir_all(old).map_err(failed(old))?;
    }
    std::fs::rename(target, old).map_err(failed(target))?;
    if let Err(e) = std::fs::rename(staging, target) {
        let _ = std::fs::rename(old, target);
        return Err(failed(target)(e));
    }
    std::fs::remove_dir_all(old).map_err(failed(old))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_is_written_whole_or_replaced_whole() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("content/uusi");
        let files = vec![
            ("index.md".to_string(), b"a".to_vec()),
            ("kuvat/k.png".to_string(), b"b".to_vec()),
        ];
        commit(&target, &files).unwrap();
        assert_eq!(std::fs::read(target.join("kuvat/k.png")).unwrap(), b"b");
        std::fs::write(target.join("vanha.md"), "x").unwrap();
        commit(&target, &files[..1]).unwrap();
        assert!(!target.join("vanha.md").exists() && !target.join("kuvat").exists());
        let names: Vec<_> = std::fs::read_dir(dir.path().join("content"))
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["uusi"]);
    }
}
