//! Why an import did not happen: the file is not a document kertomus can read, or the folder
//! cannot be written. Each is one message and one hint; nothing is written in any case.

use crate::base::messages::Msg;
use crate::msg;
use std::path::PathBuf;

/// Why `kertomus import` stopped.
#[derive(Debug)]
pub enum ImportError {
    /// The file could not be read.
    Read {
        /// The file as given.
        file: PathBuf,
        /// What the system said.
        reason: String,
    },
    /// A PDF, whatever its name.
    Pdf(PathBuf),
    /// A Word 97–2003 `.doc` (or another old Office file).
    Legacy(PathBuf),
    /// A document protected with a password.
    Encrypted(PathBuf),
    /// A zip archive that cannot be read: cut short or damaged.
    Damaged {
        /// The file as given.
        file: PathBuf,
        /// What the zip reader said.
        reason: String,
    },
    /// Some other kind of file.
    NotADocument(PathBuf),
    /// A part of the document that is not well-formed XML, or too large.
    BadPart {
        /// The file as given.
        file: PathBuf,
        /// The part inside it (`word/document.xml`).
        part: String,
        /// What was wrong.
        reason: Msg,
    },
    /// The target folder exists (and `--force` was not given).
    Exists(PathBuf),
    /// The target folder is not a new folder inside the site's `content/`.
    Outside(PathBuf),
    /// There is no site at the root.
    NoSite(PathBuf),
    /// The site's `site.yaml` has errors.
    SiteInvalid(PathBuf),
    /// Writing the folder failed (everything written so far was removed).
    Write {
        /// The file or folder.
        path: PathBuf,
        /// What the system said.
        reason: String,
    },
}

impl ImportError {
    /// The message and the hint, in the catalogue's terms.
    pub fn message(&self) -> (Msg, Msg) {
        let save_again =
            || msg!("open it in Word or LibreOffice, save it as .docx and import that file");
        match self {
            ImportError::Read { file, reason } => (
                msg!("cannot read {file}: {reason}", file = file.display(), reason),
                msg!("check the file's name and that you may read it"),
            ),
            ImportError::Pdf(file) => (
                msg!("{file} is a PDF file, not a Word document", file = file.display()),
                msg!("a PDF does not keep the document's headings, lists and tables; import the .docx or .odt it was made from"),
            ),
            ImportError::Legacy(file) => (
                msg!("{file} is a Word 97–2003 document (.doc), which kertomus does not read", file = file.display()),
                save_again(),
            ),
            ImportError::Encrypted(file) => (
                msg!("{file} is protected with a password", file = file.display()),
                msg!("open it, remove the password (Word: File > Info > Protect Document; LibreOffice: File > Properties > Security) and save it again"),
            ),
            ImportError::Damaged { file, reason } => (
                msg!("{file} is damaged or cut short: {reason}", file = file.display(), reason),
                msg!("open it in Word or LibreOffice and save it again; if it does not open, get the file again"),
            ),
            ImportError::NotADocument(file) => (
                msg!("{file} is not a Word (.docx) or OpenDocument (.odt) text document", file = file.display()),
                save_again(),
            ),
            ImportError::BadPart { file, part, reason } => (
                msg!("{file}: its part {part} cannot be read: {reason}", file = file.display(), part, reason: reason.clone()),
                msg!("open it in Word or LibreOffice and save it again"),
            ),
            ImportError::Exists(folder) => (
                msg!("{folder} already exists", folder = folder.display()),
                msg!("choose another folder with --into, or replace this one with --force"),
            ),
            ImportError::Outside(folder) => (
                msg!("{folder} is not a new folder inside the site's content/ folder", folder = folder.display()),
                msg!("give --into a folder under content/, such as content/hyvinvointikertomus-2021-2025"),
            ),
            ImportError::NoSite(root) => (
                msg!("{root} has no content/site.yaml", root = root.display()),
                msg!("run the command in the site's folder or give it with --root; kertomus init makes a new site"),
            ),
            ImportError::SiteInvalid(root) => (
                msg!("the site's configuration {root}/content/site.yaml has errors", root = root.display()),
                msg!("kertomus check shows them; fix them and import again"),
            ),
            ImportError::Write { path, reason } => (
                msg!("cannot write {path}: {reason}", path = path.display(), reason),
                msg!("nothing was imported; check the disk and the folder's permissions and try again"),
            ),
        }
    }
}
