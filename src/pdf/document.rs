//! One document as Typst markup, in the order of its printable page: the settings (title,
//! language, date, page, footer with the title and page number), the cover (organisation,
//! title, type, period and term, status, handling and approval), the table of contents, the
//! summary, the annual report, the chapters and the plan.

use super::errors::SourceMap;
use super::markdown::{self, Source};
use super::markup::{escape, string, Markup};
use super::world::Files;
use super::Cx;
use crate::base::diagnostics::Diagnostic;
use crate::model::content::document::{Handling, RawDocument};
use crate::model::content::PageId;
use std::fmt::Write as _;
use std::path::Path;
use std::sync::Arc;

/// A document being written: its markup, the files it shows and where its parts came from.
pub(crate) struct Doc<'a> {
    pub cx: &'a Cx<'a>,
    pub m: Markup,
    pub files: Files,
    pub map: SourceMap<'a>,
    /// Footnotes written so far (their labels are numbered in the whole document).
    pub notes: usize,
    /// Charts drawn so far.
    pub charts: usize,
}

impl<'a> Doc<'a> {
    /// The site's default language, which texts fall back to.
    pub(crate) fn default_lang(&self) -> &'a str {
        self.cx.site.config.default_language()
    }

    /// An interface word of the theme in the document's language.
    pub(crate) fn word(&self, key: &str) -> String {
        self.cx.view.word(&self.m.lang, key)
    }
}

/// The markup of document page `page`, or the error of a page that cannot be read again.
pub(crate) fn write<'a>(cx: &'a Cx<'a>, page: PageId) -> Result<Doc<'a>, Diagnostic> {
    let site = cx.site;
    let p = &site[page];
    let mut doc = Doc {
        cx,
        m: Markup::new(&p.lang),
        files: Files::default(),
        map: SourceMap::default(),
        notes: 0,
        charts: 0,
    };
    let Some(raw) = site.document_of(page) else {
        return Ok(doc);
    };
    let source = cx.read_page(page)?;
    let number = doc.map.page(source.0.clone(), source.1.clone());
    settings(&mut doc, page, raw);
    cover(&mut doc, page, raw);
    doc.m.raw("\n#pagebreak()\n#outline(depth: 2)\n");
    doc.m.heading(1, |m| {
        m.text(&cx.view.word(&p.lang, "summary"));
    });
    let src = Source {
        text: &source.1,
        body_offset: source.2,
        dir: p.rel.parent().unwrap_or(Path::new("")),
        path: &p.path,
        lang: &p.lang,
        page: Some(number),
    };
    markdown::convert(&mut doc, &src, 2);
    super::annual::write(&mut doc, page, raw, super::annual::Part::Summary);
    chapters(&mut doc, page)?;
    super::annual::write(&mut doc, page, raw, super::annual::Part::Details);
    super::plan::write(&mut doc, page, raw);
    Ok(doc)
}

/// Title, language, date and the page's frame.
fn settings(doc: &mut Doc<'_>, page: PageId, raw: &RawDocument) {
    let cx = doc.cx;
    let p = &cx.site[page];
    let publisher = publisher(doc, raw);
    let date = p
        .front
        .date
        .map(|d| d.date)
        .or(raw.approval.as_ref().map(|a| a.date.date))
        .or(crate::base::dates::source_date());
    let date = match date {
        Some(d) => {
            use chrono::Datelike;
            format!(
                "datetime(year: {}, month: {}, day: {})",
                d.year(),
                d.month(),
                d.day()
            )
        }
        None => "none".to_string(),
    };
    let description = p
        .front
        .description
        .as_deref()
        .map_or("none".to_string(), string);
    let values = [
        ("title", string(&p.title)),
        ("author", string(&publisher)),
        ("description", description),
        ("date", date),
        ("lang", string(&p.lang)),
        ("footer", escape(&p.title)),
    ];
    fill(&mut doc.m.out, include_str!("settings.typ"), &values);
}

/// Writes `template` with each `{{key}}` replaced by its value, in one pass: a value is never
/// read again for placeholders (a title may well contain `{{date}}`).
fn fill(out: &mut String, template: &str, values: &[(&str, String)]) {
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let Some(end) = after.find("}}") else {
            rest = &rest[start..];
            break;
        };
        let key = &after[..end];
        match values.iter().find(|(k, _)| *k == key) {
            Some((_, v)) => out.push_str(v),
            None => out.push_str(&rest[start..start + 4 + end]),
        }
        rest = &after[end + 2..];
    }
    out.push_str(rest);
}

/// Who publishes the document: its organisation (the document's or the site's), else the
/// site's title.
fn publisher(doc: &Doc<'_>, raw: &RawDocument) -> String {
    let cx = doc.cx;
    let (lang, default) = (doc.m.lang.as_str(), doc.default_lang());
    raw.organisation
        .clone()
        .or_else(|| cx.site.config.organisation.clone())
        .and_then(|id| cx.view.model.organisations.get(&id))
        .map(|o| o.name.get(lang, default).text)
        .unwrap_or_else(|| cx.site.config.title.get(lang, default).text)
}

/// The cover: organisation, title, the document's facts, and its handling.
fn cover(doc: &mut Doc<'_>, page: PageId, raw: &RawDocument) {
    let p = &doc.cx.site[page];
    let publisher = publisher(doc, raw);
    doc.m.raw("\n#v(3cm)\n#text(size: 13pt)[").text(&publisher);
    doc.m
        .raw("]\n\n#title[")
        .text(&p.title)
        .raw("]\n\n#v(1cm)\n");
    let mut facts: Vec<(String, String)> =
        vec![(doc.word("doc_type"), doc.word(raw.kind.i18n_key()))];
    let mut fact = |key: &str, value: Option<String>| {
        if let Some(v) = value {
            facts.push((doc.cx.view.word(&doc.m.lang, key), v));
        }
    };
    fact("period", raw.period.map(|x| x.human()));
    fact("council_term", raw.council_term.map(|x| x.human()));
    fact("report_year", raw.year.map(|y| y.to_string()));
    fact("status", raw.status.map(|s| doc.word(s.i18n_key())));
    doc.m.raw("#terms(");
    for (term, value) in &facts {
        let _ = write!(
            doc.m.out,
            "terms.item[{}][{}], ",
            escape(term),
            escape(value)
        );
    }
    doc.m.raw(")\n");
    if raw.handling.is_empty() && raw.approval.is_none() {
        return;
    }
    let (handling, approval) = (doc.word("handling"), doc.word("approval"));
    doc.m
        .raw("\n#heading(level: 1, outlined: false)[")
        .text(&handling)
        .raw("]\n#enum(");
    for h in &raw.handling {
        doc.m.raw("[");
        step(doc, h);
        doc.m.raw("], ");
    }
    if let Some(a) = &raw.approval {
        doc.m.raw("[#strong[").text(&approval).raw(":] ");
        step(doc, a);
        doc.m.raw("], ");
    }
    doc.m.raw(")\n");
}

/// One handling step: body, date, section, and the minutes' full address.
fn step(doc: &mut Doc<'_>, h: &Handling) {
    let default = doc.default_lang();
    doc.m.tx(&h.body, default);
    let date = h.date.human(&doc.m.lang);
    doc.m.text(&format!(", {date}"));
    if let Some(section) = &h.section {
        doc.m.text(&format!(" {section}"));
    }
    if let Some(url) = &h.minutes_url {
        let minutes = doc.word("minutes");
        doc.m.text(&format!(" ({minutes}: "));
        doc.m.url(url.as_str()).text(")");
    }
}

/// Each chapter under its title, in the document's language or marked as its fallback's.
fn chapters(doc: &mut Doc<'_>, page: PageId) -> Result<(), Diagnostic> {
    let cx = doc.cx;
    let lang = doc.m.lang.clone();
    for c in cx.site.chapters_with_fallback(page) {
        let ch = &cx.site[c];
        let source = cx.read_page(c)?;
        let number = doc.map.page(source.0.clone(), source.1.clone());
        let other = ch.lang != lang;
        if other {
            let _ = write!(doc.m.out, "\n#[#set text(lang: {})\n", string(&ch.lang));
            doc.m.lang.clone_from(&ch.lang);
        }
        doc.m.heading(1, |m| {
            m.text(&ch.title);
        });
        let src = Source {
            text: &source.1,
            body_offset: source.2,
            dir: ch.rel.parent().unwrap_or(Path::new("")),
            path: &ch.path,
            lang: &ch.lang,
            page: Some(number),
        };
        markdown::convert(doc, &src, 2);
        if other {
            doc.m.raw("\n]\n");
            doc.m.lang.clone_from(&lang);
        }
    }
    Ok(())
}

/// A page's file as the author knows it, its text and where its Markdown starts.
pub(crate) type PageText = (std::path::PathBuf, Arc<str>, usize);
