//! Markdown to HTML (pulldown-cmark), with what a welfare site needs on top: readable heading
//! ids, a table of contents, checked and rewritten internal links, alt text required on images,
//! highlighted code, raw HTML per `markdown.raw_html`, and shortcodes.
//!
//! Generated fragments (highlighted code, table wrappers, shortcode output) are kept out of
//! the HTML that ammonia cleans: they are emitted as placeholders and put back afterwards, so
//! sanitizing an author's raw HTML never mangles what kertomus itself wrote.

mod field;
mod footnotes;
mod headings;
pub(crate) mod highlight;
mod html;
mod links;
mod remarks;
mod renderer;
pub(crate) mod shortcodes;
mod tables;

use crate::base::diagnostics::Diagnostic;
use crate::model::config::RawHtml;
use crate::model::content::PageId;
pub(crate) use field::{Fields, Place};
use pulldown_cmark::{Options, Parser};
pub(crate) use remarks::{Noted, Remark};
use std::path::Path;

/// Where a relative link or image in the content leads.
pub(crate) enum Target {
    /// A page, by its index in the site, and the URL to link to; `lang` is the page's
    /// language when it is not the reader's (a fallback to the default language).
    Page {
        id: PageId,
        href: String,
        lang: Option<String>,
    },
    /// A published file (image, PDF) and its URL.
    File { href: String },
    /// A page that exists but failed to load (its own errors are reported); not checked.
    Unchecked,
    /// A draft page, left out of this build (`draft: true` without `--drafts`).
    Draft,
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
    pub page: PageId,
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
    /// The footnote list's accessible name ("Alaviitteet").
    pub footnotes: String,
    /// A back-link's accessible label; `{n}` is the footnote's number.
    pub footnote_back: String,
    /// "på finska", by the language a linked page is in when it is not the reader's.
    pub in_language: std::collections::BTreeMap<String, String>,
}

/// The visible note after a link to a page that is not in the reader's language:
/// " (på finska)". Shared by the Markdown links and the views' links, so a reader meets the
/// same words wherever a link leaves their language. `lang` is the reader's language when the
/// note stands in a text marked as written in another.
pub(crate) fn lang_note(label: &str, lang: Option<&str>) -> String {
    let lang = lang.map_or_else(String::new, |l| {
        format!(" lang=\"{}\"", crate::base::escape::escape(l))
    });
    format!(
        " <span class=\"lang-note\"{lang}>({})</span>",
        crate::base::escape::escape(label)
    )
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
    /// Shared, so that `serve`'s store hands a kept body to the next build without a copy.
    pub html: std::sync::Arc<str>,
    pub headings: Vec<Heading>,
    /// Every id the body defines (headings, footnotes), for checking `#anchor` links.
    pub ids: Vec<String>,
    pub anchor_refs: Vec<AnchorRef>,
    pub diagnostics: Vec<Diagnostic>,
    /// The shortcodes the body embeds, in order (a printable page shows a plan's goals once).
    pub shortcodes: Vec<shortcodes::Call>,
    /// What reads badly but builds, for `kertomus check`.
    pub remarks: Vec<Noted>,
}

/// Renders one page body: every event of the parser goes through [`renderer::Renderer`],
/// which applies the site's rules to it wherever it stands (a link or raw HTML inside a
/// heading follows the same rules as anywhere else).
pub(crate) fn render(input: &Input<'_>, env: &Env<'_>) -> Output {
    let body = &input.text[input.body_offset..];
    let mut r = renderer::Renderer::new(input, env);
    let mut iter = Parser::new_ext(body, options()).into_offset_iter();
    while let Some((event, range)) = iter.next() {
        r.event(event, range, &mut iter);
    }
    r.finish()
}

/// The site's Markdown dialect: what pulldown-cmark reads besides CommonMark. Pages, Markdown
/// written in YAML fields ([`Fields`], through the same event loop) and the PDF of a document all read with it; `check`
/// reads what the page loop noticed ([`Remark`]) and parses nothing itself.
pub(crate) fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
}

pub(crate) use shortcodes::is_shortcode_line;

#[cfg(test)]
mod tests;
