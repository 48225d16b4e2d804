//! From a place in the generated markup back to the author's file: while the markup is written,
//! each piece that came from a page or a plan file is marked with where it came from; a
//! problem Typst reports at a markup offset is then placed at the mark before it, so an image
//! Typst cannot read or a character no font has is reported at its line in the Markdown file.

use super::world::{Problem, ProblemKind};
use crate::base::diagnostics::Diagnostic;
use crate::base::locate::At;
use crate::model::plan::Plan;
use crate::msg;
use std::path::PathBuf;
use std::sync::Arc;

/// Where a piece of markup came from.
#[derive(Clone, Copy)]
pub(crate) enum Origin<'a> {
    /// A byte offset in one of the pages read for the document.
    Page { page: usize, offset: usize },
    /// A place in a plan's files.
    Plan { plan: &'a Plan, at: At },
    /// An image of a page, at its offset there.
    Image { page: usize, offset: usize },
    /// A text of a page from `offset` on, written escaped: a place inside it is found again
    /// by counting the escapes.
    Text { page: usize, offset: usize },
}

/// The pages a document was written from, and the marks from markup offsets back to them.
#[derive(Default)]
pub(crate) struct SourceMap<'a> {
    /// Each page as the author knows it (`content/…`) with its text.
    pages: Vec<(PathBuf, Arc<str>)>,
    marks: Vec<(usize, Origin<'a>)>,
}

impl<'a> SourceMap<'a> {
    /// Adds a page; returns its number for [`Origin::Page`].
    pub(crate) fn page(&mut self, shown: PathBuf, text: Arc<str>) -> usize {
        self.pages.push((shown, text));
        self.pages.len() - 1
    }

    /// Marks that the markup from `at` on came from `origin`.
    pub(crate) fn mark(&mut self, at: usize, origin: Origin<'a>) {
        if self.marks.last().is_some_and(|(o, _)| *o == at) {
            self.marks.pop();
        }
        self.marks.push((at, origin));
    }

    /// Where markup offset `offset` came from; inside an escaped text, the very character.
    fn origin(&self, offset: usize, markup: &str) -> Option<Origin<'a>> {
        let i = self.marks.partition_point(|(o, _)| *o <= offset);
        let (at, origin) = self.marks[i.checked_sub(1)?];
        Some(match origin {
            Origin::Text {
                page,
                offset: start,
            } => {
                let escaped = markup.get(at..offset).unwrap_or_default();
                let mut escapes = 0;
                let mut chars = escaped.chars();
                while let Some(c) = chars.next() {
                    if c == '\\' {
                        escapes += 1;
                        chars.next();
                    }
                }
                Origin::Page {
                    page,
                    offset: start + escaped.len() - escapes,
                }
            }
            other => other,
        })
    }

    fn diagnostic(
        &self,
        origin: Option<Origin<'a>>,
        message: crate::base::messages::Msg,
    ) -> Diagnostic {
        match origin {
            Some(
                Origin::Page { page, offset }
                | Origin::Image { page, offset }
                | Origin::Text { page, offset },
            ) => {
                let (shown, text) = &self.pages[page];
                Diagnostic::at_offset(shown, text, offset, message)
            }
            Some(Origin::Plan { plan, at }) => plan.diagnostic(at, message),
            // The document's own page is read first.
            None => match self.pages.first() {
                Some((shown, _)) => Diagnostic::file_error(shown, message),
                None => Diagnostic::file_error("content", message),
            },
        }
    }

    /// Typst's problems in `markup` as the author's: placed, in the catalogue's words around
    /// Typst's own.
    pub(crate) fn diagnostics(&self, problems: &[Problem], markup: &str) -> Vec<Diagnostic> {
        problems
            .iter()
            .map(|p| {
                let origin = p.offset.and_then(|o| self.origin(o, markup));
                match &p.kind {
                    ProblemKind::Glyph(c) => self
                        .diagnostic(
                            origin,
                            msg!(
                                "the PDF's fonts have no letter `{c}` (U+{code}): it would print as an empty box",
                                c = c.to_string(),
                                code = format!("{:04X}", u32::from(*c))
                            ),
                        )
                        .with_hint(msg!("write it in words or with another character; the PDF uses fonts embedded in kertomus, not the system's")),
                    ProblemKind::Typst { message, hints } => {
                        let detail = std::iter::once(message.as_str())
                            .chain(hints.iter().map(String::as_str))
                            .collect::<Vec<_>>()
                            .join("; ");
                        let d = self.diagnostic(
                            origin,
                            msg!("the PDF could not be made: {detail}", detail),
                        );
                        match origin {
                            Some(Origin::Image { .. }) => d.with_hint(msg!(
                                "the PDF takes PNG, JPEG, GIF, WebP and SVG images; save the image in one of those formats"
                            )),
                            _ => d.with_hint(msg!(
                                "build with --no-pdf to publish the site without PDFs meanwhile, and report this if the text looks right"
                            )),
                        }
                    }
                }
            })
            .collect()
    }
}
