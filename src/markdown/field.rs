//! Markdown written in YAML fields (a goal's description, a focus area's summary, a survey's
//! description) through the page's event loop ([`super::renderer::Renderer`]): the same
//! dialect, the same link rules (relative links resolved to the page's address, with the
//! "(på finska)" note, and checked), the same raw-HTML policy. What differs from a page: paths
//! are relative to `content/` (a field has no folder of its own), shortcodes are not expanded
//! (a field is shown inside views that shortcodes themselves embed), `#anchor` links are kept
//! unchecked (the field lands on several pages), and problems are placed in the YAML file.

use super::{renderer::Renderer, shortcodes, Env, Input, Labels, Output, Resolver};
use crate::base::diagnostics::Diagnostic;
use crate::base::locate::Source;
use crate::base::messages::Msg;
use crate::base::text::Spot;
use crate::model::config::RawHtml;
use pulldown_cmark::Parser;
use std::collections::BTreeMap;
use std::path::Path;

/// Where a field's text is written: its YAML file (or sheet), and its place among the file's
/// texts, else the offset of its entry (a sheet's row). The offset of a text is searched for
/// only when a problem is reported: a build that reports none searches for none.
pub(crate) struct Place<'a> {
    pub source: &'a Source,
    pub spot: Option<&'a Spot>,
    pub entry: usize,
}

impl Place<'_> {
    /// A diagnostic at byte `at` of the field's Markdown `md`, in the file.
    pub(super) fn diagnostic(&self, md: &str, at: usize, message: Msg) -> Diagnostic {
        self.source.error(self.offset_of(md, at), message)
    }

    /// The file offset of byte `at` of `md`. serde_yaml gives no positions, and a value's
    /// lines may be indented (`|`), folded (`>`) or escaped (`"…"`) in the file, so the text
    /// around `at` is looked for after the value's offset: its whole line, else the rest of
    /// the line from `at`, else the word at `at`; when none is written as is, the value's
    /// offset.
    fn offset_of(&self, md: &str, at: usize) -> usize {
        let at = at.min(md.len());
        let start = md[..at].rfind('\n').map_or(0, |i| i + 1);
        let end = md[at..].find('\n').map_or(md.len(), |i| at + i);
        let word = md[at..end]
            .find(char::is_whitespace)
            .map_or(end, |i| at + i);
        let file = &self.source.text;
        let from = self
            .spot
            .map_or(self.entry, |spot| self.source.text_offset(spot))
            .min(file.len());
        [(start, end), (at, end), (at, word)]
            .into_iter()
            .filter(|&(s, e)| !md[s..e].trim().is_empty())
            .find_map(|(s, e)| {
                let found = file.get(from..)?.find(&md[s..e])?;
                Some(from + found + (at - s))
            })
            .unwrap_or(from)
    }
}

/// Renders the Markdown of YAML fields for a reader of a given language.
pub(crate) struct Fields<'a> {
    raw_html: RawHtml,
    resolver: &'a dyn Resolver,
    labels: &'a BTreeMap<String, Labels>,
    /// No shortcodes: a field does not expand them.
    none: shortcodes::Registry<'a>,
}

impl<'a> Fields<'a> {
    pub(crate) fn new(
        raw_html: RawHtml,
        resolver: &'a dyn Resolver,
        labels: &'a BTreeMap<String, Labels>,
    ) -> Self {
        Fields {
            raw_html,
            resolver,
            labels,
            none: shortcodes::Registry::default(),
        }
    }

    /// The HTML a reader in `lang` sees of a text written in `written_in`. Problems are not
    /// returned: the build reports them once per field ([`Fields::render`] with its place),
    /// not once per page that shows it.
    pub(crate) fn html(&self, text: &str, lang: &str, written_in: &str) -> String {
        let note_lang = (written_in != lang).then_some(lang);
        self.output(text, lang, None, note_lang).html.to_string()
    }

    /// `text` as HTML for a reader in `lang`, with the problems found, placed at `place`.
    pub(crate) fn render(&self, text: &str, lang: &str, place: Option<&Place<'_>>) -> Output {
        self.output(text, lang, place, None)
    }

    fn output(
        &self,
        text: &str,
        lang: &str,
        place: Option<&Place<'_>>,
        note_lang: Option<&str>,
    ) -> Output {
        let shown = place.map_or(Path::new(""), |p| p.source.path.as_path());
        let input = Input {
            text,
            body_offset: 0,
            shown,
            dir: Path::new(""),
            lang,
            page_path: "",
        };
        let fallback = Labels::default();
        let env = Env {
            raw_html: self.raw_html,
            resolver: self.resolver,
            shortcodes: &self.none,
            labels: self.labels.get(lang).unwrap_or(&fallback),
        };
        let mut r = Renderer::new(&input, &env);
        r.field = true;
        r.place = place;
        r.note_lang = note_lang.map(str::to_string);
        let mut iter = Parser::new_ext(text, super::options()).into_offset_iter();
        while let Some((event, range)) = iter.next() {
            r.event(event, range, &mut iter);
        }
        r.finish()
    }
}

#[cfg(test)]
mod tests;
