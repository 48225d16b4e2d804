//! The Typst world a document is typeset in: its one source file (the generated markup), the
//! images and charts it shows (from memory), and the fonts embedded in the binary. Nothing is
//! read from the file system or the network, no system font is used and the date is not asked
//! for, so every machine makes the same file.

use std::collections::HashMap;
use typst::diag::{FileError, FileResult, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Duration, Smart};
use typst::layout::FrameItem;
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Feature, Library, LibraryExt, World, WorldExt};
use typst_layout::PagedDocument;

/// What every document shares: the standard library and the fonts.
pub(crate) struct Typesetter {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

impl Typesetter {
    /// The library (with the header-cell function of `a11y-extras`, for row headers) and the
    /// fonts of typst-assets: Libertinus Serif for text, DejaVu Sans Mono for code, New
    /// Computer Modern as a fallback; all with Finnish and Swedish letters.
    pub(crate) fn new() -> Typesetter {
        let fonts: Vec<Font> = typst_assets::fonts()
            .flat_map(|data| Font::iter(Bytes::new(data)))
            .collect();
        let library = Library::builder()
            .with_features([Feature::A11yExtras].into_iter().collect())
            .build();
        Typesetter {
            library: LazyHash::new(library),
            book: LazyHash::new(FontBook::from_fonts(&fonts)),
            fonts,
        }
    }
}

/// The files a document's markup refers to (images, charts), by their path in the world.
#[derive(Default)]
pub(crate) struct Files {
    by_path: HashMap<String, Bytes>,
}

impl Files {
    /// Keeps `bytes` as a file of the world; returns the path the markup names it by. `ext`
    /// is the file's type (`png`, `svg`), which Typst reads it as.
    pub(crate) fn add(&mut self, ext: &str, bytes: Vec<u8>) -> String {
        let ext: String = ext
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .take(8)
            .collect::<String>()
            .to_ascii_lowercase();
        let path = format!("/files/{}.{ext}", self.by_path.len() + 1);
        self.by_path.insert(path.clone(), Bytes::new(bytes));
        path
    }

    /// Every file's bytes, in path order (for the document's identifier).
    pub(crate) fn sorted(&self) -> Vec<(&str, &[u8])> {
        let mut all: Vec<(&str, &[u8])> = self
            .by_path
            .iter()
            .map(|(p, b)| (p.as_str(), b.as_slice()))
            .collect();
        all.sort_unstable_by_key(|(p, _)| *p);
        all
    }
}

struct DocWorld<'t> {
    typesetter: &'t Typesetter,
    main: Source,
    files: &'t Files,
}

fn file_id(path: &str) -> Option<FileId> {
    let vpath = VirtualPath::new(path).ok()?;
    Some(RootedPath::new(VirtualRoot::Project, vpath).intern())
}

impl World for DocWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.typesetter.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.typesetter.book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(not_found(id))
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        let path = id.get().vpath().get_with_slash();
        self.files
            .by_path
            .get(path)
            .cloned()
            .ok_or_else(|| not_found(id))
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.typesetter.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        None
    }
}

fn not_found(id: FileId) -> FileError {
    FileError::NotFound(id.get().vpath().get_with_slash().into())
}

/// Something Typst could not do, at a byte offset of the markup where it knows one.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Problem {
    pub offset: Option<usize>,
    pub kind: ProblemKind,
}

/// What went wrong.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum ProblemKind {
    /// Typst's own message (in English) and hints.
    Typst { message: String, hints: Vec<String> },
    /// No embedded font has a glyph for this character.
    Glyph(char),
}

/// The PDF's metadata that is not in the markup.
pub(crate) struct Meta<'a> {
    /// A stable identifier of the document, derived from its content.
    pub ident: String,
    /// The `/Creator` of the file.
    pub creator: &'a str,
}

/// Typesets `markup` into a tagged PDF/UA-1 file.
pub(crate) fn typeset(
    typesetter: &Typesetter,
    markup: String,
    files: &Files,
    meta: &Meta<'_>,
) -> Result<Vec<u8>, Vec<Problem>> {
    let id = file_id("/main.typ").ok_or_else(Vec::new)?;
    let world = DocWorld {
        typesetter,
        main: Source::new(id, markup),
        files,
    };
    let document = layout(&world)?;
    let standards = typst_pdf::PdfStandards::new(&[typst_pdf::PdfStandard::Ua_1])
        .map_err(|e| vec![typst_problem(None, e.message().to_string(), Vec::new())])?;
    let options = typst_pdf::PdfOptions {
        ident: Smart::Custom(meta.ident.clone()),
        creator: Smart::Custom(Some(meta.creator.to_string())),
        standards,
        ..Default::default()
    };
    typst_pdf::pdf(&document, &options).map_err(|errors| problems(&world, &errors))
}

/// The document laid out, or why not; a character without a glyph is a problem too.
fn layout(world: &DocWorld<'_>) -> Result<PagedDocument, Vec<Problem>> {
    let document = typst::compile::<PagedDocument>(world)
        .output
        .map_err(|errors| problems(world, &errors))?;
    let missing = missing_glyphs(world, &document);
    if missing.is_empty() {
        Ok(document)
    } else {
        Err(missing)
    }
}

/// The text of `markup` laid out, in layout order, without whitespace (for tests).
#[cfg(test)]
pub(crate) fn compile_for_test(
    typesetter: &Typesetter,
    markup: &str,
    files: &Files,
) -> Result<String, Vec<Problem>> {
    let id = file_id("/main.typ").ok_or_else(Vec::new)?;
    let world = DocWorld {
        typesetter,
        main: Source::new(id, markup.to_string()),
        files,
    };
    let document = layout(&world)?;
    fn walk(frame: &typst::layout::Frame, out: &mut String) {
        for (_, item) in frame.items() {
            match item {
                FrameItem::Group(g) => walk(&g.frame, out),
                FrameItem::Text(t) => out.extend(t.text.chars().filter(|c| !c.is_whitespace())),
                _ => {}
            }
        }
    }
    let mut out = String::new();
    for page in document.pages() {
        walk(&page.frame, &mut out);
    }
    Ok(out)
}

fn typst_problem(offset: Option<usize>, message: String, hints: Vec<String>) -> Problem {
    Problem {
        offset,
        kind: ProblemKind::Typst { message, hints },
    }
}

fn problems(world: &DocWorld<'_>, errors: &[SourceDiagnostic]) -> Vec<Problem> {
    errors
        .iter()
        .map(|e| {
            let offset = world.range(e.span).map(|r| r.start);
            let hints = e.hints.iter().map(|h| h.v.to_string()).collect();
            typst_problem(offset, e.message.to_string(), hints)
        })
        .collect()
}

/// Characters set in no font's glyph (Typst shows a blank box for them), each once, where
/// the markup wrote them.
fn missing_glyphs(world: &DocWorld<'_>, document: &PagedDocument) -> Vec<Problem> {
    let mut out: Vec<Problem> = Vec::new();
    let mut frames: Vec<&typst::layout::Frame> =
        document.pages().iter().map(|p| &p.frame).collect();
    while let Some(frame) = frames.pop() {
        for (_, item) in frame.items() {
            match item {
                FrameItem::Group(g) => frames.push(&g.frame),
                FrameItem::Text(t) => {
                    for g in t.glyphs.iter().filter(|g| g.id == 0) {
                        let Some(c) = t.text[g.range()].chars().next() else {
                            continue;
                        };
                        if c.is_whitespace() || out.iter().any(|p| p.kind == ProblemKind::Glyph(c))
                        {
                            continue;
                        }
                        let offset = world.range(g.span.0).map(|r| r.start);
                        out.push(Problem {
                            offset,
                            kind: ProblemKind::Glyph(c),
                        });
                    }
                }
                _ => {}
            }
        }
    }
    out.sort_by_key(|p| p.offset);
    out
}
