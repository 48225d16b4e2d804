//! A page's Markdown as Typst markup, from pulldown-cmark's events with the site's own dialect
//! (`markdown::options`): every text escaped, emphasis and lists as Typst functions, tables
//! with their header row, footnotes as Typst footnotes where they are referenced, links with
//! their absolute addresses, images from `content/` with their alternative text, and
//! shortcodes as what the PDF shows for them. What the site's Markdown stage refuses was
//! reported there; here it is left out.

use super::document::Doc;
use super::errors::Origin;
use super::markup::{escape, string};
use crate::address::Address;
use crate::markdown::shortcodes;
use pulldown_cmark::{Alignment, Event, HeadingLevel, Tag, TagEnd};
use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;

/// A Markdown text and where it stands.
pub(crate) struct Source<'s> {
    /// The whole file; positions count from its top.
    pub text: &'s str,
    /// Where the Markdown starts (after the front matter).
    pub body_offset: usize,
    /// The page's folder, relative to `content/`.
    pub dir: &'s Path,
    /// The page's site-relative address, for `#anchor` links.
    pub path: &'s Address,
    /// The language it is written in.
    pub lang: &'s str,
    /// Its number in the document's source map; `None` for Markdown written in YAML.
    pub page: Option<usize>,
}

pub(super) type Events<'s> = Vec<(Event<'s>, Range<usize>)>;

/// Converts one text; `top` is the heading level its highest headings get.
pub(crate) fn convert(doc: &mut Doc<'_>, src: &Source<'_>, top: u8) {
    let body = &src.text[src.body_offset.min(src.text.len())..];
    let events: Events<'_> = pulldown_cmark::Parser::new_ext(body, crate::markdown::options())
        .into_offset_iter()
        .collect();
    let notes = footnote_definitions(&events);
    let mut c = Converter {
        src,
        events: &events,
        notes,
        noted: HashMap::new(),
        top,
        last_level: top.saturating_sub(1),
        links: Vec::new(),
        in_note: false,
    };
    c.run(doc, 0..events.len());
}

/// Each footnote definition's label and the range of its events (inside the definition).
fn footnote_definitions(events: &Events<'_>) -> HashMap<String, Range<usize>> {
    let mut out = HashMap::new();
    let mut open: Option<(String, usize)> = None;
    for (i, (e, _)) in events.iter().enumerate() {
        match e {
            Event::Start(Tag::FootnoteDefinition(label)) => open = Some((label.to_string(), i + 1)),
            Event::End(TagEnd::FootnoteDefinition) => {
                if let Some((label, start)) = open.take() {
                    out.entry(label).or_insert(start..i);
                }
            }
            _ => {}
        }
    }
    out
}

pub(super) struct Converter<'c, 's> {
    pub(super) src: &'c Source<'s>,
    pub(super) events: &'c Events<'s>,
    notes: HashMap<String, Range<usize>>,
    /// Footnotes already written, by label: their Typst label.
    noted: HashMap<String, String>,
    top: u8,
    last_level: u8,
    /// Open links: the address and the text read so far.
    links: Vec<(Option<String>, String)>,
    in_note: bool,
}

impl Converter<'_, '_> {
    pub(super) fn origin(&self, range: &Range<usize>) -> Option<Origin<'static>> {
        self.src.page.map(|page| Origin::Page {
            page,
            offset: self.src.body_offset + range.start,
        })
    }

    fn run(&mut self, doc: &mut Doc<'_>, range: Range<usize>) {
        let mut i = range.start;
        while i < range.end {
            let (event, r) = &self.events[i];
            if let Some(o) = self.origin(r) {
                doc.map.mark(doc.m.out.len(), o);
            }
            i = self.event(doc, i, event, r) + 1;
        }
    }

    /// Handles event `i`; returns the index of the last event it consumed.
    fn event(&mut self, doc: &mut Doc<'_>, i: usize, event: &Event<'_>, r: &Range<usize>) -> usize {
        let body = &self.src.text[self.src.body_offset..];
        match event {
            Event::Start(Tag::Paragraph)
                if crate::markdown::is_shortcode_line(&body[r.clone()]) =>
            {
                if let Ok(call) = shortcodes::parse(body[r.clone()].trim()) {
                    let at = self.src.body_offset + r.start;
                    doc.embed(&call, self.src, at);
                }
                return self.skip_to(i, |e| matches!(e, Event::End(TagEnd::Paragraph)));
            }
            Event::Start(Tag::FootnoteDefinition(_)) => {
                return self.skip_to(i, |e| matches!(e, Event::End(TagEnd::FootnoteDefinition)));
            }
            Event::Start(Tag::Image { dest_url, .. }) => return self.image(doc, i, dest_url, r),
            Event::Start(Tag::CodeBlock(kind)) => return self.code_block(doc, i, kind),
            Event::Start(Tag::HtmlBlock) => return self.html_block(doc, i),
            Event::Start(tag) => self.start(doc, tag),
            Event::End(tag) => self.end(doc, *tag),
            Event::Text(t) => self.text(doc, t, r),
            Event::Code(t) => {
                self.push_link_text(t);
                doc.m.raw(&format!("#raw({})", string(t)));
            }
            Event::SoftBreak => {
                self.push_link_text(" ");
                doc.m.raw("\n");
            }
            Event::HardBreak => {
                doc.m.raw(" \\\n");
            }
            Event::Rule => {
                doc.m.raw("\n#line(length: 100%)\n\n");
            }
            Event::FootnoteReference(label) => self.footnote(doc, label),
            Event::TaskListMarker(done) => {
                let key = if *done { "task_done" } else { "task_open" };
                let word = doc.cx.view.word(&doc.m.lang, key);
                doc.m.raw("\\[").text(&word).raw("\\] ");
            }
            // Inline tags are left out; the text between them stays.
            Event::Html(_)
            | Event::InlineHtml(_)
            | Event::InlineMath(_)
            | Event::DisplayMath(_) => {}
        }
        i
    }

    pub(super) fn skip_to(&self, from: usize, end: impl Fn(&Event<'_>) -> bool) -> usize {
        (from + 1..self.events.len())
            .find(|&j| end(&self.events[j].0))
            .unwrap_or(self.events.len() - 1)
    }

    fn push_link_text(&mut self, t: &str) {
        if let Some((_, text)) = self.links.last_mut() {
            text.push_str(t);
        }
    }

    fn text(&mut self, doc: &mut Doc<'_>, t: &str, r: &Range<usize>) {
        self.push_link_text(t);
        // Text events are the source's own bytes (entities and escapes make other events).
        if let (Some(page), true) = (
            self.src.page,
            self.src
                .text
                .get(self.src.body_offset + r.start..)
                .is_some_and(|s| s.starts_with(t)),
        ) {
            let offset = self.src.body_offset + r.start;
            doc.map.mark(doc.m.out.len(), Origin::Text { page, offset });
        }
        doc.m.out.push_str(&escape(t));
    }

    fn start(&mut self, doc: &mut Doc<'_>, tag: &Tag<'_>) {
        let m = &mut doc.m;
        match tag {
            Tag::Heading { level, .. } => {
                let level = self.level(*level);
                m.raw("\n");
                m.raw(&"=".repeat(usize::from(level)));
                m.raw(" ");
            }
            Tag::BlockQuote(_) => {
                m.raw("\n#quote(block: true)[");
            }
            Tag::List(Some(first)) => {
                m.raw(&format!("\n#enum(start: {first}, "));
            }
            Tag::List(None) => {
                m.raw("\n#list(");
            }
            Tag::Item => {
                m.raw("[");
            }
            Tag::Table(aligns) => {
                let align: Vec<&str> = aligns.iter().map(align).collect();
                m.raw(&format!(
                    "\n#table(columns: {}, align: ({},), ",
                    aligns.len().max(1),
                    align.join(", ")
                ));
            }
            Tag::TableHead => {
                m.raw("table.header(");
            }
            Tag::TableCell => {
                m.raw("[");
            }
            Tag::Emphasis => {
                m.raw("#emph[");
            }
            Tag::Strong => {
                m.raw("#strong[");
            }
            Tag::Strikethrough => {
                m.raw("#strike[");
            }
            Tag::Link { dest_url, .. } => {
                let url = doc
                    .cx
                    .link_target(self.src.dir, self.src.path, self.src.lang, dest_url);
                if let Some(u) = &url {
                    doc.m.raw(&format!("#link({})[", string(u)));
                }
                self.links.push((url, String::new()));
            }
            _ => {}
        }
    }

    fn end(&mut self, doc: &mut Doc<'_>, tag: TagEnd) {
        let m = &mut doc.m;
        match tag {
            TagEnd::Paragraph => {
                m.raw("\n\n");
            }
            TagEnd::Heading(_) => {
                m.raw("\n\n");
            }
            TagEnd::BlockQuote(_) => {
                m.raw("]\n\n");
            }
            TagEnd::List(_) => {
                m.raw(")\n\n");
            }
            TagEnd::Item | TagEnd::TableCell => {
                m.raw("], ");
            }
            TagEnd::TableHead => {
                m.raw("),\n");
            }
            TagEnd::TableRow => {
                m.raw("\n");
            }
            TagEnd::Table => {
                m.raw(")\n\n");
            }
            TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough => {
                m.raw("]");
            }
            TagEnd::Link => self.end_link(doc),
            _ => {}
        }
    }

    /// A heading's level in the document: the text's highest at `top`, and never more than one
    /// below the heading before it (PDF/UA forbids skipped levels).
    fn level(&mut self, level: HeadingLevel) -> u8 {
        let written = (level as u8).saturating_sub(1).max(1) + self.top - 1;
        let level = written.min(self.last_level + 1).clamp(self.top, 6);
        self.last_level = level;
        level
    }

    /// Closes a link; on paper its address follows the text, unless the text is the address.
    fn end_link(&mut self, doc: &mut Doc<'_>) {
        let Some((url, text)) = self.links.pop() else {
            return;
        };
        self.push_link_text(&text);
        let Some(url) = url else { return };
        doc.m.raw("]");
        let shown = url.strip_prefix("mailto:").unwrap_or(&url);
        if text.trim() != shown && text.trim() != url {
            doc.m.raw(" #text(size: 0.85em)[(").text(shown).raw(")]");
        }
    }

    fn footnote(&mut self, doc: &mut Doc<'_>, label: &str) {
        if let Some(name) = self.noted.get(label) {
            doc.m.raw(&format!("#footnote(<{name}>)"));
            return;
        }
        let Some(range) = self.notes.get(label).cloned() else {
            return;
        };
        if self.in_note {
            return;
        }
        doc.notes += 1;
        let name = format!("note-{}", doc.notes);
        doc.m.raw("#footnote[");
        self.in_note = true;
        let saved = self.last_level;
        self.run(doc, range);
        self.last_level = saved;
        self.in_note = false;
        let trimmed = doc.m.out.trim_end().len();
        doc.m.out.truncate(trimmed);
        doc.m.raw(&format!("] <{name}>"));
        self.noted.insert(label.to_string(), name);
    }
}

fn align(a: &Alignment) -> &'static str {
    match a {
        Alignment::None | Alignment::Left => "left",
        Alignment::Center => "center",
        Alignment::Right => "right",
    }
}
