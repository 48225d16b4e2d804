//! The event loop of the Markdown stage: each parser event is handled by one short method,
//! and everything kertomus writes itself goes out as a placeholder (see [`super::html`]).

use super::footnotes::Footnotes;
use super::headings::OpenHeading;
use super::tables::TableState;
use super::{highlight, html, shortcodes, Env, Input, Output};
use crate::base::diagnostics::Diagnostic;
use crate::base::escape::escape;
use crate::base::messages::Msg;
use crate::msg;
use pulldown_cmark::{CodeBlockKind, Event, Tag, TagEnd};
use std::collections::HashMap;
use std::ops::Range;

/// The parser's events with their byte ranges in the page body.
pub(super) type Events<'a> = dyn Iterator<Item = (Event<'a>, Range<usize>)> + 'a;

pub(super) struct Renderer<'i, 'e, 'a> {
    pub(super) input: &'i Input<'i>,
    pub(super) env: &'e Env<'e>,
    pub(super) out: Output,
    pub(super) events: Vec<Event<'a>>,
    /// HTML that kertomus generated, substituted for placeholders at the end.
    generated: Vec<String>,
    pub(super) ids: HashMap<String, usize>,
    /// `#anchor` links within this page, checked at the end.
    pub(super) self_anchors: Vec<(String, usize)>,
    pub(super) author_html: bool,
    pub(super) heading: Option<OpenHeading<'a>>,
    pub(super) footnotes: Footnotes<'a>,
    /// How deep block containers (quotes, lists) nest here, and whether the limit was hit.
    depth: usize,
    pub(super) too_deep: bool,
    /// How deep the author's raw HTML elements nest so far.
    pub(super) html_depth: usize,
    pub(super) table: TableState,
    /// The language of the page the link being rewritten leads to, when not the reader's.
    pub(super) link_lang: Option<String>,
    /// For each open link: the note to write after it ("(på finska)").
    link_notes: Vec<Option<String>>,
    pub(super) observer: super::remarks::Observer,
    /// Rendering Markdown written in a YAML field ([`super::field`]): no shortcodes, no
    /// `#anchor` checks, paths relative to `content/`.
    pub(super) field: bool,
    /// Where a field's problems are reported; `None` for a page (at its own text's offsets)
    /// and for a field whose problems the build reports elsewhere.
    pub(super) place: Option<&'i super::field::Place<'i>>,
    /// The reader's language, when the text is written in another (a field shown in its
    /// fallback language sits in a block marked with that language): the "(på finska)" notes
    /// are in the reader's language and say so.
    pub(super) note_lang: Option<String>,
}

/// Deepest nesting of quotes and lists, and of raw HTML elements on a sanitized page,
/// accepted. No real page nests this far, and the HTML sanitizer's time grows with the square
/// of the depth (40,000 nested `>` took 7 s, 40,000 nested `<div>` 5 s), so deeper content is
/// refused with its position instead.
pub(super) const MAX_DEPTH: usize = 64;

impl<'i, 'e, 'a> Renderer<'i, 'e, 'a> {
    pub(super) fn new(input: &'i Input<'i>, env: &'e Env<'e>) -> Self {
        Renderer {
            input,
            env,
            out: Output::default(),
            events: Vec::new(),
            generated: Vec::new(),
            ids: HashMap::new(),
            self_anchors: Vec::new(),
            author_html: false,
            heading: None,
            footnotes: Footnotes::default(),
            depth: 0,
            too_deep: false,
            html_depth: 0,
            table: TableState::default(),
            link_lang: None,
            link_notes: Vec::new(),
            observer: Default::default(),
            field: false,
            place: None,
            note_lang: None,
        }
    }

    /// Handles one event; `rest` is the parser, for the events that consume what follows.
    pub(super) fn event(&mut self, event: Event<'a>, range: Range<usize>, rest: &mut Events<'a>) {
        let body = &self.input.text[self.input.body_offset..];
        let at = self.input.body_offset + range.start;
        if let Some(h) = &mut self.heading {
            h.follow(&event);
        }
        self.observe(&event, &range);
        match &event {
            Event::Start(Tag::BlockQuote(_) | Tag::List(_) | Tag::Item) => self.depth += 1,
            Event::End(TagEnd::BlockQuote(_) | TagEnd::List(_) | TagEnd::Item) => {
                self.depth = self.depth.saturating_sub(1)
            }
            _ => {}
        }
        if self.depth > MAX_DEPTH {
            if !self.too_deep {
                self.too_deep = true;
                let message = msg!(
                    "quotes or lists are nested more than {n} levels deep",
                    n = MAX_DEPTH
                );
                self.error(
                    at,
                    message,
                    msg!("flatten the structure; no page needs to nest this deep"),
                );
            }
            return;
        }
        match event {
            Event::Start(Tag::Paragraph)
                if !self.field && shortcodes::is_shortcode_line(&body[range.clone()]) =>
            {
                skip_to(rest, |e| matches!(e, Event::End(TagEnd::Paragraph)));
                self.shortcode(body[range].trim(), at);
            }
            Event::Start(Tag::Paragraph)
                if !self.field && shortcodes::is_unclosed_shortcode(&body[range.clone()]) =>
            {
                skip_to(rest, |e| matches!(e, Event::End(TagEnd::Paragraph)));
                self.error(
                    at,
                    msg!("this shortcode is not closed"),
                    msg!("end it on the same line with )}}: {{ indicator(id=\"4\") }}"),
                );
            }
            Event::Start(Tag::Heading {
                id, classes, attrs, ..
            }) => self.open_heading(id, classes, attrs, &body[range], at),
            Event::End(TagEnd::Heading(level)) => self.close_heading(level),
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                self.link_lang = None;
                // An e-mail autolink (<hyte@kunta.fi>) is no site link: the HTML writer
                // makes it a mailto: link, as CommonMark says.
                let dest_url = match link_type {
                    pulldown_cmark::LinkType::Email => dest_url,
                    _ => self.rewrite(&dest_url, at, false),
                };
                let note = self
                    .link_lang
                    .take()
                    .and_then(|l| self.env.labels.in_language.get(&l));
                let note_lang = self.note_lang.as_deref();
                self.link_notes
                    .push(note.map(|label| super::lang_note(label, note_lang)));
                self.events.push(Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                }));
            }
            Event::End(TagEnd::Link) => {
                self.events.push(Event::End(TagEnd::Link));
                if let Some(note) = self.link_notes.pop().flatten() {
                    self.generate(note);
                }
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest_url = self.rewrite(&dest_url, at, true);
                let image = Tag::Image {
                    link_type,
                    dest_url,
                    title,
                    id,
                };
                self.image(image, at, rest);
            }
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(lang)))
                if !lang.trim().is_empty() =>
            {
                self.code_block(&lang, rest)
            }
            Event::Start(Tag::Table(aligns)) => self.open_table(aligns),
            Event::End(TagEnd::Table) => self.close_table(),
            e @ Event::Start(Tag::TableHead) => self.table_row(e, true),
            e @ Event::Start(Tag::TableRow) => self.table_row(e, false),
            Event::Start(Tag::TableCell) => self.open_cell(),
            Event::TaskListMarker(done) => self.task_marker(done),
            Event::FootnoteReference(label) => self.footnote_reference(&label, at),
            Event::Start(Tag::FootnoteDefinition(label)) => self.open_footnote(label, at),
            Event::End(TagEnd::FootnoteDefinition) => self.close_footnote(),
            Event::Html(html) | Event::InlineHtml(html) => self.raw_html(html, at),
            other => self.events.push(other),
        }
    }

    pub(super) fn error(&mut self, at: usize, message: Msg, hint: Msg) {
        let d = self.diagnostic(at, message, hint);
        self.out.diagnostics.push(d);
    }

    pub(super) fn warning(&mut self, at: usize, message: Msg, hint: Msg) {
        let d = self.diagnostic(at, message, hint).warning();
        self.out.diagnostics.push(d);
    }

    fn diagnostic(&self, at: usize, message: Msg, hint: Msg) -> Diagnostic {
        let d = self.located(at, message);
        // An empty template is no hint.
        if hint.template().is_empty() {
            d
        } else {
            d.with_hint(hint)
        }
    }

    /// A problem at byte `at` of the text: in the page, or where the field is written.
    pub(super) fn located(&self, at: usize, message: Msg) -> Diagnostic {
        match self.place {
            Some(place) => place.diagnostic(self.input.text, at, message),
            None => Diagnostic::at_offset(self.input.shown, self.input.text, at, message),
        }
    }

    /// Emits HTML that kertomus wrote, as a placeholder the sanitizer cannot touch.
    pub(super) fn generate(&mut self, html: String) {
        let placeholder = html::placeholder(self.generated.len());
        self.generated.push(html);
        self.events.push(Event::Html(placeholder.into()));
    }

    fn image(&mut self, image: Tag<'a>, at: usize, rest: &mut Events<'a>) {
        let mut alt = String::new();
        let mut inner = Vec::new();
        for (e, _) in &mut *rest {
            match &e {
                Event::End(TagEnd::Image) => break,
                Event::Text(t) | Event::Code(t) => alt.push_str(t),
                _ => {}
            }
            inner.push(e);
        }
        if alt.trim().is_empty() {
            self.error(
                at,
                msg!("image has no alt text"),
                msg!("describe the image in the brackets: ![Väestön ikärakenne 2025](kuva.png)"),
            );
        }
        if let Some(h) = &mut self.heading {
            h.push_alt(&alt);
        }
        self.events.push(Event::Start(image));
        self.events.extend(inner);
        self.events.push(Event::End(TagEnd::Image));
    }

    fn code_block(&mut self, lang: &str, rest: &mut Events<'a>) {
        let mut code = String::new();
        for (e, _) in &mut *rest {
            match e {
                Event::End(TagEnd::CodeBlock) => break,
                Event::Text(t) => code.push_str(&t),
                _ => {}
            }
        }
        let lang = lang.split_whitespace().next().unwrap_or_default();
        let html = highlight::highlight(&code, lang).unwrap_or_else(|| {
            format!(
                "<pre class=\"code\" tabindex=\"0\"><code>{}</code></pre>\n",
                escape(&code)
            )
        });
        self.generate(html);
    }

    fn task_marker(&mut self, done: bool) {
        let (mark, label) = if done {
            ("☑", &self.env.labels.task_done)
        } else {
            ("☐", &self.env.labels.task_open)
        };
        let label = escape(label);
        self.generate(format!(
            "<span class=\"task\" role=\"img\" aria-label=\"{label}\">{mark}</span> "
        ));
    }

    fn shortcode(&mut self, src: &str, at: usize) {
        let call = match shortcodes::parse(src) {
            Ok(c) => c,
            Err(e) => {
                let col_offset: usize = src.chars().take(e.col).map(char::len_utf8).sum();
                let message = msg!("shortcode syntax: {message}", message: e.message);
                self.error(
                    at + col_offset,
                    message,
                    msg!("write shortcodes as {{ name(arg=\"value\", other=[\"a\", \"b\"]) }}"),
                );
                return;
            }
        };
        let Some(sc) = self.env.shortcodes.get(&call.name) else {
            let known = self.env.shortcodes.names();
            let hint = match crate::base::yaml::closest(&call.name, &known) {
                Some(best) => msg!("did you mean `{best}`?", best),
                None if known.is_empty() => {
                    msg!("this build of kertomus has no shortcodes yet")
                }
                None => msg!("known shortcodes: {known}", known = known.join(", ")),
            };
            self.error(
                at,
                msg!("unknown shortcode `{name}`", name = call.name),
                hint,
            );
            return;
        };
        let ctx = shortcodes::Context {
            lang: self.input.lang,
            offset: at,
            page_path: self.input.page_path,
        };
        match sc.render(&call, &ctx) {
            Ok(html) => {
                self.generate(html.into_string());
                self.out.shortcodes.push(call);
            }
            Err(msg) => self.error(
                at,
                msg!("shortcode `{name}`: {detail}", name = call.name, detail: msg),
                msg!(""),
            ),
        }
    }

    /// Checks the in-page anchors, writes the HTML and puts the generated fragments back.
    pub(super) fn finish(mut self) -> Output {
        if self.too_deep {
            // The page is refused; its body is never written, so it is not built either.
            return self.out;
        }
        self.write_footnotes();
        self.check_self_anchors();
        let mut out = String::with_capacity(self.input.text.len() * 3 / 2);
        pulldown_cmark::html::push_html(&mut out, self.events.into_iter());
        // Tables' cells got their alignment classes as they were read; only the author's own
        // HTML may still have inline alignment styles.
        let out = if self.author_html {
            html::sanitize(&crate::html::align::classes(&out))
        } else {
            out
        };
        let html = if self.generated.is_empty() {
            out
        } else {
            html::substitute(&out, &self.generated)
        };
        // The body is kept until the site is written: in an allocation of its own size,
        // without the room left over from writing it.
        self.out.html = html.into();
        self.out
    }
}

/// Consumes events up to and including the first one `end` accepts.
fn skip_to<'a>(rest: &mut Events<'a>, end: impl Fn(&Event<'a>) -> bool) {
    for (e, _) in &mut *rest {
        if end(&e) {
            break;
        }
    }
}
