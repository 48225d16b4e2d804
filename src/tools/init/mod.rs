//! A starter site for `kertomus init`. It builds as it is, and each file shows the format by
//! example. Without an organisation: a front page in Finnish and Swedish and a document with
//! two chapters. With one (`--organisation KUNTA:297`): a site made for that municipality or
//! county from the region register, with a report and plan skeleton in THL's structure.

use crate::msg;
mod ci;
mod generic;
mod organisation;
mod site_files;
mod texts;

pub use ci::Ci;
pub use organisation::Starter;

use crate::base::error::Error;
use std::path::{Path, PathBuf};

/// Writes a starter site into `dir`, which must not exist or must be empty: the one made for
/// `starter` when given, the plain one otherwise, and a publishing workflow for `ci` when
/// given. Returns the files written.
pub fn init_with(
    dir: &Path,
    starter: Option<&Starter>,
    ci: Option<Ci>,
) -> Result<Vec<PathBuf>, Error> {
    refuse_if_not_empty(dir)?;
    let files: Vec<(String, String)> = match starter {
        Some(s) => s.files(),
        None => generic::FILES
            .iter()
            .map(|(rel, text)| (rel.to_string(), text.to_string()))
            .collect(),
    };
    let mut written: Vec<PathBuf> = files
        .iter()
        .map(|(rel, text)| write(dir, rel, text))
        .collect::<Result<_, _>>()?;
    if let Some(ci) = ci {
        let (rel, text) = ci.workflow();
        written.push(write(dir, rel, text)?);
    }
    Ok(written)
}

/// Writes the plain starter site into `dir`; returns the files written.
pub fn init(dir: &Path) -> Result<Vec<PathBuf>, Error> {
    init_with(dir, None, None)
}

/// Never overwrite: a folder with files in it is refused.
fn refuse_if_not_empty(dir: &Path) -> Result<(), Error> {
    if dir.exists() {
        let mut entries = std::fs::read_dir(dir).map_err(Error::io(dir))?;
        if entries.next().is_some() {
            return Err(Error::Config(msg!("{dir}: the folder is not empty; choose a new folder so that nothing is overwritten", dir = dir.display())));
        }
    }
    Ok(())
}

/// Writes `text` to `dir/rel`, making its folders; returns the path.
fn write(dir: &Path, rel: &str, text: &str) -> Result<PathBuf, Error> {
    let path = dir.join(rel);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(Error::io(parent))?;
    }
    std::fs::write(&path, text).map_err(Error::io(&path))?;
    Ok(path)
}
