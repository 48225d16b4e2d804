//! Writing the site: everything goes into a staging folder beside the output, which replaces
//! the previous output only when the whole build succeeded. A failed build leaves `public/`
//! exactly as it was.

pub(crate) mod feeds;
pub(crate) mod opendata;
mod replace;
pub(crate) mod search;

use crate::base::error::Error;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Where a build's files go: the staging folder of a real build, or memory for `check`, which
/// renders everything to check the links it would write but writes nothing.
pub(crate) trait Sink: Sync {
    /// Writes `bytes` to `rel` (a `/`-separated path inside the site).
    fn write(&self, rel: &str, bytes: &[u8]) -> Result<(), Error>;
    /// Copies a file into the site.
    fn copy(&self, from: &Path, rel: &str) -> Result<(), Error>;
}

/// A site kept in memory, by output path.
#[derive(Default)]
pub(crate) struct Memory {
    files: Mutex<BTreeMap<String, Vec<u8>>>,
}

impl Memory {
    /// The files written, by output path.
    pub(crate) fn into_files(self) -> BTreeMap<String, Vec<u8>> {
        self.files.into_inner().unwrap_or_else(|e| e.into_inner())
    }
}

impl Sink for Memory {
    fn write(&self, rel: &str, bytes: &[u8]) -> Result<(), Error> {
        let mut files = self.files.lock().unwrap_or_else(|e| e.into_inner());
        files.insert(rel.to_string(), bytes.to_vec());
        Ok(())
    }

    fn copy(&self, from: &Path, rel: &str) -> Result<(), Error> {
        let bytes = std::fs::read(from).map_err(Error::io(from))?;
        self.write(rel, &bytes)
    }
}

impl Sink for Staging {
    fn write(&self, rel: &str, bytes: &[u8]) -> Result<(), Error> {
        Staging::write(self, rel, bytes)
    }

    fn copy(&self, from: &Path, rel: &str) -> Result<(), Error> {
        Staging::copy(self, from, rel)
    }
}

/// A folder being filled with the new site.
pub(crate) struct Staging {
    target: PathBuf,
    dir: PathBuf,
    committed: bool,
}

impl Staging {
    /// Creates an empty staging folder next to `target` (same file system, so the final
    /// swap is a rename).
    pub(crate) fn new(target: &Path) -> Result<Staging, Error> {
        let parent = target
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        std::fs::create_dir_all(parent).map_err(Error::io(parent))?;
        let name = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "public".into());
        let dir = parent.join(format!(".{name}.kertomus-staging"));
        if dir.exists() {
            std::fs::remove_dir_all(&dir).map_err(Error::io(&dir))?;
        }
        std::fs::create_dir_all(&dir).map_err(Error::io(&dir))?;
        Ok(Staging {
            target: target.to_path_buf(),
            dir,
            committed: false,
        })
    }

    /// Writes `bytes` to `rel` (a `/`-separated path inside the site).
    pub(crate) fn write(&self, rel: &str, bytes: &[u8]) -> Result<(), Error> {
        let path = self.prepare(rel)?;
        std::fs::write(&path, bytes).map_err(Error::io(&path))
    }

    /// Copies a file into the site.
    pub(crate) fn copy(&self, from: &Path, rel: &str) -> Result<(), Error> {
        let path = self.prepare(rel)?;
        std::fs::copy(from, &path)
            .map(|_| ())
            .map_err(Error::io(from))
    }

    /// The staging path of `rel`, with its folder created.
    fn prepare(&self, rel: &str) -> Result<PathBuf, Error> {
        let path = self.dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(Error::io(parent))?;
        }
        Ok(path)
    }

    /// Puts the new site in place of the old one: in one step where the system can swap two
    /// folders, else by two renames (with a moment of no site between them).
    pub(crate) fn commit(mut self) -> Result<(), Error> {
        if self.target.is_dir() && replace::swap(&self.dir, &self.target) {
            self.committed = true;
            // The staging folder now holds the previous site.
            return std::fs::remove_dir_all(&self.dir).map_err(Error::io(&self.dir));
        }
        let old = self.dir.with_file_name(format!(
            ".{}.kertomus-old",
            self.target
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        ));
        if old.exists() {
            std::fs::remove_dir_all(&old).map_err(Error::io(&old))?;
        }
        if self.target.exists() {
            std::fs::rename(&self.target, &old).map_err(Error::io(&self.target))?;
        }
        if let Err(e) = std::fs::rename(&self.dir, &self.target) {
            // Put the previous site back rather than leave nothing.
            let _ = std::fs::rename(&old, &self.target);
            return Err(Error::Io {
                path: self.target.clone(),
                source: e,
            });
        }
        self.committed = true;
        if old.exists() {
            std::fs::remove_dir_all(&old).map_err(Error::io(&old))?;
        }
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

/// Writes files into the live output, each only when its bytes differ and each written beside
/// and renamed into place (the output is being served); returns how many.
pub(crate) fn write_changed(output: &Path, files: &[(String, Vec<u8>)]) -> Result<usize, Error> {
    let mut written = 0;
    for (rel, text) in files {
        let path = output.join(rel);
        if std::fs::read(&path).ok().as_deref() != Some(text.as_slice()) {
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir).map_err(Error::io(dir))?;
            }
            replace::write(&path, text)?;
            written += 1;
        }
    }
    Ok(written)
}
