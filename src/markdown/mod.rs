//! Markdown to HTML (pulldown-cmark), with what a welfare site needs on top: readable heading
//! ids, a table of contents, checked and rewritten internal links, alt text required on images,
//! highlighted code, raw HTML per `markdown.raw_html`, and shortcodes.
//!
//! Generated fragments (highlighted code, table wrappers, shortcode output) are kept out of
//! the HTML that ammonia cleans: they are emitted as placeholders and put back afterwards, so
//! sanitizing an author's raw HTML never mangles what kertomus itself wrote.

pub(crate) mod highlight;
pub(crate) mod shortcodes;

use crate::config::RawHtml;
use crate::diagnostics::Diagnostic;
use crate::escape::escape as escape_attr;
use pulldown_cmark::{CodeBlockKind, CowStr, Event, Options, Parser, Tag, TagEnd};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Where a relative link or image in the content leads.
pub(crate) enum Target {
    /// A page, by its index in the site, and the URL to link to.
    Page { id: usize, href: String },
    /// A published file (image, PDF) and its URL.
    File { href: String },
    /// A page that exists but failed to load (its own errors are reported); not checked.
    Unchecked,
    /// Nothing; with a suggestion of what the author may have meant.
    Missing { suggestion: Option<String> },
}

/// Answers what a content path leads to, for a reader of a given language.
pub(crate) trait Resolver: Sync {
    /// `path` is relative to `content/` and already normalized.
    fn resolve(&self, path: &Path, lang: &str) -> Target;
}

/// A heading of the page, for ids and the table of contents.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub(crate) struct Heading {
    pub level: u8,
    pub id: String,
    pub text: String,
}

/// A link to `#anchor` on another page, checked once every page is rendered.
#[derive(Debug, Clone)]
pub(crate) struct AnchorRef {
    pub page: usize,
    pub anchor: String,
    /// The diagnostic to report when the anchor does not exist.
    pub missing: Diagnostic,
}

/// Localised labels for the few words the Markdown output itself contains.
#[derive(Debug, Clone, Default)]
pub(crate) struct Labels {
    pub table: String,
    pub task_done: String,
    pub task_open: String,
}

/// Everything the renderer needs besides the page itself.
pub(crate) struct Env<'a> {
    pub raw_html: RawHtml,
    pub resolver: &'a dyn Resolver,
    pub shortcodes: &'a shortcodes::Registry<'a>,
    pub labels: &'a Labels,
}

/// The page to render.
pub(crate) struct Input<'a> {
    /// The whole file (positions in diagnostics count from its top).
    pub text: &'a str,
    pub body_offset: usize,
    /// Path shown in diagnostics.
    pub shown: &'a Path,
    /// The page's folder, relative to `content/`.
    pub dir: &'a Path,
    pub lang: &'a str,
    /// Site-relative URL path of the page.
    pub page_path: &'a str,
}

/// The rendered page body.
#[derive(Debug, Default, Clone)]
pub(crate) struct Output {
    pub html: String,
    pub headings: Vec<Heading>,
    /// Every id the body defines (headings, footnotes), for checking `#anchor` links.
    pub ids: Vec<String>,
    pub anchor_refs: Vec<AnchorRef>,
    pub diagnostics: Vec<Diagnostic>,
}

const PH_OPEN: char = '\u{E000}';
const PH_CLOSE: char = '\u{E001}';

pub(crate) fn render(input: &Input<'_>, env: &Env<'_>) -> Output {
    let body = &input.text[input.body_offset..];
    let opts = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES;
    let mut r = Renderer {
        input,
        env,
        out: Output::default(),
        events: Vec::new(),
        generated: Vec::new(),
        ids: HashMap::new(),
        self_anchors: Vec::new(),
        author_html: false,
    };
    let mut iter = Parser::new_ext(body, opts).into_offset_iter().peekable();
    while let Some((event, range)) = iter.next() {
        let at = input.body_offset + range.start;
        match event {
            Event::Start(Tag::Paragraph) if is_shortcode_line(&body[range.clone()]) => {
                for (e, _) in iter.by_ref() {
                    if matches!(e, Event::End(TagEnd::Paragraph)) {
                        break;
                    }
                }
                r.shortcode(body[range].trim(), at);
            }
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) => {
                let mut text = String::new();
                let mut inner = Vec::new();
                for (e, _) in iter.by_ref() {
                    match &e {
                        Event::End(TagEnd::Heading(_)) => break,
                        Event::Text(t) | Event::Code(t) => text.push_str(t),
                        _ => {}
                    }
                    inner.push(e);
                }
                let id = r.unique_id(id.map(|s| s.to_string()), &text);
                r.out.headings.push(Heading {
                    level: level as u8,
                    id: id.clone(),
                    text: text.trim().to_string(),
                });
                r.events.push(Event::Start(Tag::Heading {
                    level,
                    id: Some(id.into()),
                    classes,
                    attrs,
                }));
                r.events.extend(inner);
                r.events.push(Event::End(TagEnd::Heading(level)));
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest = r.rewrite(&dest_url, at, false);
                r.events.push(Event::Start(Tag::Link {
                    link_type,
                    dest_url: dest,
                    title,
                    id,
                }));
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest = r.rewrite(&dest_url, at, true);
                let mut alt = String::new();
                let mut inner = Vec::new();
                for (e, _) in iter.by_ref() {
                    match &e {
                        Event::End(TagEnd::Image) => break,
                        Event::Text(t) | Event::Code(t) => alt.push_str(t),
                        _ => {}
                    }
                    inner.push(e);
                }
                if alt.trim().is_empty() {
                    r.error(
                        at,
                        "image has no alt text",
                        "describe the image in the brackets: ![Väestön ikärakenne 2025](kuva.png)",
                    );
                }
                r.events.push(Event::Start(Tag::Image {
                    link_type,
                    dest_url: dest,
                    title,
                    id,
                }));
                r.events.extend(inner);
                r.events.push(Event::End(TagEnd::Image));
            }
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(lang)))
                if !lang.trim().is_empty() =>
            {
                let mut code = String::new();
                for (e, _) in iter.by_ref() {
                    match e {
                        Event::End(TagEnd::CodeBlock) => break,
                        Event::Text(t) => code.push_str(&t),
                        _ => {}
                    }
                }
                let lang = lang
                    .split_whitespace()
                    .next()
                    .unwrap_or_default()
                    .to_string();
                let html = highlight::highlight(&code, &lang).unwrap_or_else(|| {
                    let mut escaped = String::new();
                    pulldown_cmark::html::push_html(
                        &mut escaped,
                        [Event::Text(code.into())].into_iter(),
                    );
                    format!("<pre class=\"code\"><code>{escaped}</code></pre>\n")
                });
                r.generate(html);
            }
            Event::Start(Tag::Table(aligns)) => {
                let open = format!(
                    "<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"{}\">",
                    escape_attr(&env.labels.table)
                );
                r.generate(open);
                r.events.push(Event::Start(Tag::Table(aligns)));
            }
            Event::End(TagEnd::Table) => {
                r.events.push(Event::End(TagEnd::Table));
                r.generate("</div>".into());
            }
            Event::TaskListMarker(done) => {
                let (mark, label) = if done {
                    ("☑", &env.labels.task_done)
                } else {
                    ("☐", &env.labels.task_open)
                };
                r.generate(format!(
                    "<span class=\"task\" role=\"img\" aria-label=\"{}\">{mark}</span> ",
                    escape_attr(label)
                ));
            }
            Event::Start(Tag::FootnoteDefinition(label)) => {
                r.out.ids.push(label.to_string());
                r.events.push(Event::Start(Tag::FootnoteDefinition(label)));
            }
            Event::Html(html) | Event::InlineHtml(html) => r.raw_html(html, at),
            other => r.events.push(other),
        }
    }
    r.finish()
}

fn is_shortcode_line(src: &str) -> bool {
    let s = src.trim();
    s.starts_with("{{") && s.ends_with("}}") && !s.contains('\n')
}

struct Renderer<'i, 'e, 'a> {
    input: &'i Input<'i>,
    env: &'e Env<'e>,
    out: Output,
    events: Vec<Event<'a>>,
    /// HTML that kertomus generated, substituted for placeholders at the end.
    generated: Vec<String>,
    ids: HashMap<String, usize>,
    /// `#anchor` links within this page, checked at the end.
    self_anchors: Vec<(String, usize)>,
    author_html: bool,
}

impl<'a> Renderer<'_, '_, 'a> {
    fn error(&mut self, at: usize, message: &str, hint: &str) {
        let d = Diagnostic::at_offset(self.input.shown, self.input.text, at, message);
        self.out.diagnostics.push(if hint.is_empty() {
            d
        } else {
            d.with_hint(hint)
        });
    }

    fn generate(&mut self, html: String) {
        let n = self.generated.len();
        self.generated.push(html);
        self.events
            .push(Event::Html(format!("{PH_OPEN}{n}{PH_CLOSE}").into()));
    }

    /// A heading id: the author's `{#id}` or a readable slug, made unique on the page.
    fn unique_id(&mut self, custom: Option<String>, text: &str) -> String {
        let base = custom.unwrap_or_else(|| {
            let s = slug::slugify(text);
            if s.is_empty() {
                "otsikko".to_string()
            } else {
                s
            }
        });
        let mut id = base.clone();
        while let Some(n) = self.ids.get(&id).copied() {
            self.ids.insert(id.clone(), n + 1);
            id = format!("{base}-{}", n + 1);
        }
        self.ids.insert(id.clone(), 0);
        self.out.ids.push(id.clone());
        id
    }

    fn shortcode(&mut self, src: &str, at: usize) {
        let call = match shortcodes::parse(src) {
            Ok(c) => c,
            Err(e) => {
                let col_offset: usize = src.chars().take(e.col).map(char::len_utf8).sum();
                let message = format!("shortcode syntax: {}", e.message);
                self.error(
                    at + col_offset,
                    &message,
                    "write shortcodes as {{ name(arg=\"value\", other=[\"a\", \"b\"]) }}",
                );
                return;
            }
        };
        let Some(sc) = self.env.shortcodes.get(&call.name) else {
            let known = self.env.shortcodes.names();
            let hint = match crate::yaml::closest(&call.name, &known) {
                Some(best) => format!("did you mean `{best}`?"),
                None if known.is_empty() => {
                    "this build of kertomus has no shortcodes yet".to_string()
                }
                None => format!("known shortcodes: {}", known.join(", ")),
            };
            self.error(at, &format!("unknown shortcode `{}`", call.name), &hint);
            return;
        };
        let ctx = shortcodes::Context {
            lang: self.input.lang,
            offset: at,
            page_path: self.input.page_path,
        };
        match sc.render(&call, &ctx) {
            Ok(html) => self.generate(html),
            Err(msg) => self.error(at, &format!("shortcode `{}`: {msg}", call.name), ""),
        }
    }

    fn raw_html(&mut self, html: CowStr<'a>, at: usize) {
        match self.env.raw_html {
            RawHtml::Deny => {
                if !html.trim().is_empty() {
                    self.error(
                        at,
                        "raw HTML is not allowed on this site",
                        "write it in Markdown, or set markdown.raw_html in site.yaml",
                    );
                }
            }
            RawHtml::Allow => self.events.push(Event::Html(html)),
            RawHtml::Sanitize => {
                self.author_html = true;
                self.events.push(Event::Html(html));
            }
        }
    }

    /// Rewrites a link or image destination; relative paths must lead to something that exists.
    fn rewrite(&mut self, dest: &CowStr<'a>, at: usize, image: bool) -> CowStr<'a> {
        let trimmed = dest.trim();
        if let Some(anchor) = trimmed.strip_prefix('#') {
            self.self_anchors.push((anchor.to_string(), at));
            return dest.clone();
        }
        let scheme = trimmed.split_once(':').map(|(s, _)| s).filter(|s| {
            !s.is_empty()
                && !s.contains('/')
                && s.chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+.-".contains(c))
        });
        if let Some(s) = scheme {
            if ["javascript", "vbscript", "data"].contains(&s.to_ascii_lowercase().as_str())
                && self.env.raw_html != RawHtml::Allow
            {
                self.error(
                    at,
                    &format!("`{s}:` links are not allowed"),
                    "link to a page or a web address instead",
                );
                return CowStr::from("#");
            }
            return dest.clone();
        }
        if trimmed.is_empty() || trimmed.starts_with('/') {
            return dest.clone();
        }
        let (path_part, fragment) = match trimmed.split_once('#') {
            Some((p, f)) => (p, Some(f)),
            None => (trimmed, None),
        };
        let path_part = path_part.split('?').next().unwrap_or_default();
        let what = if image { "image" } else { "link target" };
        let Some(target) = crate::content::resolve_relative(self.input.dir, path_part) else {
            self.error(
                at,
                &format!("{what} `{path_part}` points outside content/"),
                "a site may only link to files inside its content/ folder",
            );
            return dest.clone();
        };
        match self.env.resolver.resolve(&target, self.input.lang) {
            Target::Page { id, href } => {
                if image {
                    self.error(
                        at,
                        &format!("image `{path_part}` is a page, not an image file"),
                        "",
                    );
                }
                if let Some(anchor) = fragment {
                    let missing = Diagnostic::at_offset(
                        self.input.shown,
                        self.input.text,
                        at,
                        format!("`{path_part}` has no heading with id `#{anchor}`"),
                    );
                    self.out.anchor_refs.push(AnchorRef {
                        page: id,
                        anchor: anchor.to_string(),
                        missing,
                    });
                }
                CowStr::from(match fragment {
                    Some(f) => format!("{href}#{f}"),
                    None => href,
                })
            }
            Target::Unchecked => dest.clone(),
            Target::File { href } => CowStr::from(match fragment {
                Some(f) => format!("{href}#{f}"),
                None => href,
            }),
            Target::Missing { suggestion } => {
                let shown = PathBuf::from("content").join(&target);
                let hint = match suggestion {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => "check the file name; paths are relative to this page's folder".into(),
                };
                self.error(
                    at,
                    &format!(
                        "{what} `{path_part}` does not exist ({} not found)",
                        shown.display()
                    ),
                    &hint,
                );
                dest.clone()
            }
        }
    }

    fn finish(mut self) -> Output {
        for (anchor, at) in std::mem::take(&mut self.self_anchors) {
            if !anchor.is_empty() && !self.out.ids.contains(&anchor) {
                let hint = match crate::yaml::closest(
                    &anchor,
                    &self.out.ids.iter().map(String::as_str).collect::<Vec<_>>(),
                ) {
                    Some(best) => format!("did you mean `#{best}`?"),
                    None => {
                        "headings get ids from their text; `## Otsikko {#oma-id}` sets one".into()
                    }
                };
                self.error(
                    at,
                    &format!("this page has no heading with id `#{anchor}`"),
                    &hint,
                );
            }
        }
        let mut html = String::with_capacity(self.input.text.len() * 3 / 2);
        pulldown_cmark::html::push_html(&mut html, self.events.into_iter());
        if html.contains(" style=\"text-align: ") {
            // Alignment as classes keeps the output free of inline styles.
            for a in ["left", "center", "right"] {
                html = html.replace(
                    &format!(" style=\"text-align: {a}\""),
                    &format!(" class=\"align-{a}\""),
                );
            }
        }
        if self.author_html {
            html = sanitize(&html);
        }
        if !self.generated.is_empty() {
            html = substitute(&html, &self.generated);
        }
        self.out.html = html;
        self.out
    }
}

/// Cleans a body that contains an author's raw HTML: no scripts, no event handlers, no
/// `javascript:` URLs, no inline styles; ids, classes and `lang` are kept.
fn sanitize(html: &str) -> String {
    ammonia::Builder::default()
        .add_generic_attributes(["id", "class", "lang", "dir"])
        .link_rel(None)
        .clean(html)
        .to_string()
}

fn substitute(html: &str, generated: &[String]) -> String {
    let mut out =
        String::with_capacity(html.len() + generated.iter().map(String::len).sum::<usize>());
    let mut rest = html;
    while let Some(start) = rest.find(PH_OPEN) {
        out.push_str(&rest[..start]);
        let after = &rest[start + PH_OPEN.len_utf8()..];
        match after
            .find(PH_CLOSE)
            .and_then(|end| after[..end].parse::<usize>().ok().map(|n| (n, end)))
        {
            Some((n, end)) if n < generated.len() => {
                out.push_str(&generated[n]);
                rest = &after[end + PH_CLOSE.len_utf8()..];
            }
            _ => {
                out.push(PH_OPEN);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests;
