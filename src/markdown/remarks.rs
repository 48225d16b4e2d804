//! What reads badly but still builds, noticed by the event loop as it renders a body: a
//! heading that skips a level, a link without text, a root-relative link (`/osio/sivu/`),
//! which only the site's full address list can check. Every build notes them (they are few);
//! `kertomus check` reports them, so it never parses a page a second time.

use super::renderer::Renderer;
use crate::base::diagnostics::Diagnostic;
use crate::base::messages::Msg;
use crate::msg;
use pulldown_cmark::{Event, HeadingLevel, Tag, TagEnd};
use std::ops::Range;

/// What a [`Remark`] is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Remark {
    /// A heading deeper than the one before it by more than one level.
    SkippedHeading,
    /// A link whose text is empty (no text, code or image with alt text).
    EmptyLinkText,
    /// A link to `href`, a root-relative address as written; the message assumes it leads
    /// nowhere, which the site's address list decides.
    RootLink { href: String },
}

/// A remark and its warning, positioned in the page's file.
#[derive(Debug, Clone)]
pub(crate) struct Noted {
    pub remark: Remark,
    pub warning: Diagnostic,
}

/// The loop's memory for remarks: the last heading level and the open link.
#[derive(Debug, Default)]
pub(super) struct Observer {
    /// The last heading level; the page title is the h1, so the body's start from h2.
    level: Option<usize>,
    /// The open link: where it starts and whether it has text yet.
    link: Option<(usize, bool)>,
    /// Where each line of the file starts, made at the first remark: a page with many remarks
    /// does not count its lines again for each.
    lines: Vec<usize>,
}

impl Renderer<'_, '_, '_> {
    /// Notes what `event` says about the page's readability; called for every event.
    pub(super) fn observe(&mut self, event: &Event<'_>, range: &Range<usize>) {
        let at = self.input.body_offset + range.start;
        match event {
            Event::Start(Tag::Heading { level: h, .. }) => {
                let (h, level) = (heading(*h), self.observer.level.unwrap_or(1));
                if h > level + 1 {
                    let message = msg!(
                        "heading level {h} follows level {level}; a level is skipped",
                        h,
                        level
                    );
                    let hint = msg!(
                        "use {level} here: screen reader users move by heading levels",
                        level = "#".repeat(level + 1)
                    );
                    self.remark(Remark::SkippedHeading, at, message, hint);
                }
                self.observer.level = Some(h);
            }
            Event::Start(Tag::Link { dest_url, .. }) => {
                self.observer.link = Some((at, false));
                if dest_url.starts_with('/') {
                    self.root_link(dest_url, range);
                }
            }
            // An image with alt text names the link; a missing alt is a build error.
            Event::Start(Tag::Image { .. }) => self.link_has_text(),
            Event::Text(t) | Event::Code(t) if !t.trim().is_empty() => self.link_has_text(),
            Event::End(TagEnd::Link) => {
                if let Some((start, false)) = self.observer.link.take() {
                    let message = msg!("the link has no text");
                    let hint = msg!("write what the link leads to between the brackets: [Väestö ja elinolot](02-vaesto.md)");
                    self.remark(Remark::EmptyLinkText, start, message, hint);
                }
            }
            _ => {}
        }
    }

    fn link_has_text(&mut self) {
        if let Some(l) = self.observer.link.as_mut() {
            l.1 = true;
        }
    }

    /// A root-relative link, placed at its destination (`[a](/x/)` at `/x/`) where the
    /// author wrote it inline, else at the link (a reference link's definition is elsewhere).
    fn root_link(&mut self, href: &str, range: &Range<usize>) {
        let body = &self.input.text[self.input.body_offset..];
        let link = &body[range.clone()];
        let at = self.input.body_offset
            + range.start
            + link.find(&format!("]({href}")).map_or(0, |o| o + 2);
        let message = msg!("`{href}` leads to no page or file of this site", href);
        let hint = msg!("link to the page's .md file with a relative path; such links are checked and follow renames");
        let remark = Remark::RootLink {
            href: href.to_string(),
        };
        self.remark(remark, at, message, hint);
    }

    fn remark(&mut self, remark: Remark, at: usize, message: Msg, hint: Msg) {
        let text = self.input.text;
        let lines = &mut self.observer.lines;
        if lines.is_empty() {
            lines.push(0);
            lines.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        }
        let mut at = at.min(text.len());
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        let line = lines.partition_point(|&start| start <= at);
        let start = lines[line - 1];
        let end = lines.get(line).map_or(text.len(), |&next| next - 1);
        let col = text[start..at].chars().count() + 1;
        let line_text = text[start..end]
            .strip_suffix('\r')
            .unwrap_or(&text[start..end]);
        let warning = Diagnostic::at_known_line(self.input.shown, line, col, line_text, message)
            .warning()
            .with_hint(hint);
        self.out.remarks.push(Noted { remark, warning });
    }
}

fn heading(h: HeadingLevel) -> usize {
    match h {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::md;
    use super::Remark;

    /// The remarks of a body, as (remark, line, column); the body starts on line 4.
    fn remarks(body: &str) -> Vec<(Remark, usize, usize)> {
        md(body)
            .remarks
            .into_iter()
            .map(|n| (n.remark, n.warning.line, n.warning.col))
            .collect()
    }

    #[test]
    fn skipped_levels_and_empty_links_are_noted_where_they_start() {
        let body = "### Kolmas\n\n## Toinen\n\n#### Neljäs\n\nLue [](01-tausta.md) ja [![Kuva](kuva.png)](01-tausta.md).\n";
        assert_eq!(
            remarks(body),
            [
                (Remark::SkippedHeading, 4, 1),
                (Remark::SkippedHeading, 8, 1),
                (Remark::EmptyLinkText, 10, 5),
            ]
        );
    }

    #[test]
    fn root_links_are_noted_at_their_destination_or_at_the_link() {
        let body = "Katso [väestö](/vaesto/) ja [sama][v].\n\n[v]: /vaesto/\n";
        let href = || Remark::RootLink {
            href: "/vaesto/".into(),
        };
        assert_eq!(remarks(body), [(href(), 4, 16), (href(), 4, 29)]);
    }
}
