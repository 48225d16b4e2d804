//! Opening the file: what kind it is (by its bytes, not its name), and reading the parts of a
//! `.docx` or `.odt`, both zip archives of XML parts. Every way a file can be unreadable is
//! one [`ImportError`]: a PDF, an old `.doc`, a password-protected document (Office encrypts
//! a `.docx` into an OLE compound file with an `EncryptedPackage` stream; LibreOffice encrypts
//! the parts inside the zip), an archive cut short, or a part that is not XML.

use super::error::ImportError;
use super::xml::{self, Element, Ns};
use crate::msg;
use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};
use zip::result::ZipError;
use zip::ZipArchive;

/// No part of a document is read beyond this many bytes unpacked: a real report's images
/// are a few megabytes each, and a zip bomb stops here.
const MAX_PART: u64 = 256 * 1024 * 1024;
/// Nor all its parts together beyond this many: a bomb of many parts just under
/// [`MAX_PART`] stops here too.
const MAX_TOTAL: u64 = 1024 * 1024 * 1024;

/// The formats kertomus reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    /// Office Open XML (Word, LibreOffice's "Word 2007–365").
    Docx,
    /// OpenDocument text (LibreOffice's own).
    Odt,
}

/// An opened document: its parts, read on demand.
pub(crate) struct Package {
    file: PathBuf,
    zip: ZipArchive<Cursor<Vec<u8>>>,
    /// Bytes unpacked so far.
    read: u64,
}

const OLE: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Opens `file` and tells its format.
pub(crate) fn open(file: &Path) -> Result<(Package, Format), ImportError> {
    let bytes = std::fs::read(file).map_err(|e| ImportError::Read {
        file: file.to_path_buf(),
        reason: e.to_string(),
    })?;
    let head = &bytes[..bytes.len().min(1024)];
    if head.windows(5).any(|w| w == b"%PDF-") {
        return Err(ImportError::Pdf(file.to_path_buf()));
    }
    if bytes.starts_with(OLE) {
        return Err(if contains_utf16(&bytes, "EncryptedPackage") {
            ImportError::Encrypted(file.to_path_buf())
        } else {
            ImportError::Legacy(file.to_path_buf())
        });
    }
    if !bytes.starts_with(b"PK") {
        return Err(ImportError::NotADocument(file.to_path_buf()));
    }
    let zip = ZipArchive::new(Cursor::new(bytes)).map_err(|e| damaged(file, &e))?;
    let mut package = Package {
        file: file.to_path_buf(),
        zip,
        read: 0,
    };
    let format = package.format()?;
    Ok((package, format))
}

fn contains_utf16(bytes: &[u8], name: &str) -> bool {
    let wide: Vec<u8> = name.encode_utf16().flat_map(u16::to_le_bytes).collect();
    bytes.windows(wide.len()).any(|w| w == wide.as_slice())
}

fn damaged(file: &Path, e: &ZipError) -> ImportError {
    match e {
        ZipError::UnsupportedArchive(m) if *m == ZipError::PASSWORD_REQUIRED => {
            ImportError::Encrypted(file.to_path_buf())
        }
        _ => ImportError::Damaged {
            file: file.to_path_buf(),
            reason: e.to_string(),
        },
    }
}

impl Package {
    /// The format by the archive's contents: ODF's `mimetype`, or Word's main part.
    fn format(&mut self) -> Result<Format, ImportError> {
        if let Some(mime) = self.part("mimetype")? {
            if mime.trim_ascii() != b"application/vnd.oasis.opendocument.text" {
                return Err(ImportError::NotADocument(self.file.clone()));
            }
            // A damaged manifest is no reason to refuse: an encrypted content.xml still is.
            let manifest = self.xml("META-INF/manifest.xml").ok().flatten();
            if manifest.is_some_and(|m| m.find(Ns::Manifest, "encryption-data").is_some()) {
                return Err(ImportError::Encrypted(self.file.clone()));
            }
            return Ok(Format::Odt);
        }
        match self.main_part()? {
            Some(_) => Ok(Format::Docx),
            None => Err(ImportError::NotADocument(self.file.clone())),
        }
    }

    /// The name of Word's main document part, from the package's relationships.
    pub(crate) fn main_part(&mut self) -> Result<Option<String>, ImportError> {
        let by_rels = self.xml("_rels/.rels")?.and_then(|rels| {
            rels.elements()
                .find(|r| {
                    r.attr(Ns::Other, "Type")
                        .is_some_and(|t| t.ends_with("/officeDocument"))
                })
                .and_then(|r| r.attr(Ns::Other, "Target"))
                .map(|t| t.trim_start_matches('/').to_string())
        });
        let name = by_rels.unwrap_or_else(|| "word/document.xml".to_string());
        Ok(self.has(&name).then_some(name))
    }

    /// The archive's name of a part: as given, or the same name in other letter case (part
    /// names are case-insensitive in OOXML).
    fn name_of(&self, name: &str) -> Option<String> {
        let name = name.trim_start_matches('/');
        if self.zip.index_for_name(name).is_some() {
            return Some(name.to_string());
        }
        self.zip
            .file_names()
            .find(|n| n.eq_ignore_ascii_case(name))
            .map(str::to_string)
    }

    /// The file as given.
    pub(crate) fn file(&self) -> &Path {
        &self.file
    }

    pub(crate) fn has(&self, name: &str) -> bool {
        self.name_of(name).is_some()
    }

    /// The bytes of a part, or `None` when the archive has no such part.
    pub(crate) fn part(&mut self, name: &str) -> Result<Option<Vec<u8>>, ImportError> {
        let Some(name) = self.name_of(name) else {
            return Ok(None);
        };
        let file = self.file.clone();
        let entry = self.zip.by_name(&name).map_err(|e| damaged(&file, &e))?;
        let mut out = Vec::new();
        let limit = MAX_PART.min(MAX_TOTAL.saturating_sub(self.read));
        entry
            .take(limit + 1)
            .read_to_end(&mut out)
            .map_err(|e| ImportError::Damaged {
                file: file.clone(),
                reason: format!("{name}: {e}"),
            })?;
        if out.len() as u64 > limit {
            return Err(ImportError::BadPart {
                file,
                part: name,
                reason: msg!(
                    "larger than {part} MB unpacked, or the whole document larger than {total} MB",
                    part = MAX_PART / 1024 / 1024,
                    total = MAX_TOTAL / 1024 / 1024
                ),
            });
        }
        self.read += out.len() as u64;
        Ok(Some(out))
    }

    /// A part parsed as XML, or `None` when the archive has no such part.
    pub(crate) fn xml(&mut self, name: &str) -> Result<Option<Element>, ImportError> {
        let Some(bytes) = self.part(name)? else {
            return Ok(None);
        };
        xml::parse(&bytes)
            .map(Some)
            .map_err(|e| ImportError::BadPart {
                file: self.file.clone(),
                part: name.to_string(),
                reason: match e {
                    xml::XmlError::Syntax(detail, at) => {
                        msg!("not well-formed XML at byte {at}: {detail}", at, detail)
                    }
                    xml::XmlError::Unclosed(at) => {
                        msg!("it ends at byte {at} before its elements are closed", at)
                    }
                    xml::XmlError::NoRoot => msg!("it holds no XML element"),
                    xml::XmlError::TooDeep => {
                        msg!("its elements are nested more than 256 levels deep")
                    }
                },
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn open_bytes(bytes: &[u8]) -> Result<Format, ImportError> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.docx");
        std::fs::write(&path, bytes).unwrap();
        open(&path).map(|(_, f)| f)
    }

    #[test]
    fn files_that_are_not_documents_are_named_by_their_bytes() {
        assert!(matches!(
            open_bytes(b"%PDF-1.7\n..."),
            Err(ImportError::Pdf(_))
        ));
        let mut ole = OLE.to_vec();
        ole.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
        assert!(matches!(open_bytes(&ole), Err(ImportError::Encrypted(_))));
        assert!(matches!(open_bytes(OLE), Err(ImportError::Legacy(_))));
        assert!(matches!(
            open_bytes(b"PK\x03\x04 cut"),
            Err(ImportError::Damaged { .. })
        ));
        assert!(matches!(
            open_bytes(b"plain text"),
            Err(ImportError::NotADocument(_))
        ));
    }
}
