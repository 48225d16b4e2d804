//! The library's error type. Content problems carry all diagnostics of the run; the other
//! variants are problems of the environment (files, theme) that stop the build at once.

use crate::base::diagnostics::Diagnostic;
use crate::base::messages::{Lang, Msg};
use crate::msg;
use std::path::PathBuf;

/// Why a build (or another command) did not finish.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Problems in the site's content, all of them, each with file, line and column.
    #[error("the site has {} error(s)", .0.iter().filter(|d| d.is_error()).count())]
    Content(Vec<Diagnostic>),
    /// A configuration or theme problem that stops the build.
    #[error("{0}")]
    Config(Msg),
    /// A template failed to parse or render; the message names template, line and column.
    #[error("template error: {0}")]
    Template(String),
    /// A file could not be read or written.
    #[error("{}: {source}", .path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// What the system said.
        #[source]
        source: std::io::Error,
    },
}

impl Error {
    /// What went wrong, in `lang` (the content problems are printed with
    /// [`crate::base::diagnostics::report`]; this is their count).
    pub fn render(&self, lang: Lang) -> String {
        match self {
            Error::Content(d) => {
                let n = d.iter().filter(|d| d.is_error()).count();
                msg!("the site has {n} {n|error|errors}", n).render(lang)
            }
            Error::Config(m) => m.render(lang),
            Error::Template(t) => msg!("template error: {detail}", detail = t).render(lang),
            Error::Io { path, source } => format!("{}: {source}", path.display()),
        }
    }

    /// For `map_err`: an I/O error at `path`.
    pub fn io(path: &std::path::Path) -> impl FnOnce(std::io::Error) -> Error {
        let path = path.to_path_buf();
        move |source| Error::Io { path, source }
    }
}
