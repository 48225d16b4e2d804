//! What templates see: serializable views of the site and of one page, with dates, labels and
//! links already resolved for the page's language. Templates never compute URLs themselves.

use super::html::{tx, written};
use super::theme::Strings;
use crate::base::dates::Date;
use crate::base::escape::Html;
use crate::markdown::Heading;
use crate::model::content::document::RawDocument;
use crate::model::content::PageId;
use crate::site::Site;
use serde::Serialize;

#[derive(Debug, Serialize)]
pub(crate) struct Link {
    pub title: Html,
    pub href: String,
    /// The language of the linked page when it is not the reader's (the title carries its
    /// own `lang`).
    pub hreflang: Option<String>,
    pub current: bool,
}

impl Link {
    /// A link whose text is in the page's language.
    pub(crate) fn new(title: &str, href: String) -> Link {
        Link {
            title: Html::text(title),
            href,
            hreflang: None,
            current: false,
        }
    }
}

#[derive(Debug, Serialize)]
pub(crate) struct Alternate {
    pub lang: String,
    pub name: String,
    pub href: String,
    pub permalink: String,
    pub current: bool,
    /// False when the page has no translation and the link leads to that language's front page.
    pub translated: bool,
    /// Then, in that language: "sidan finns bara på finska".
    pub only_in: Option<String>,
}

#[derive(Debug, Serialize)]
pub(crate) struct DateView {
    pub iso: String,
    pub human: String,
}

impl DateView {
    pub(crate) fn new(d: &Date, lang: &str) -> Self {
        DateView {
            iso: d.iso(),
            human: d.human(lang),
        }
    }
}

#[derive(Debug, Serialize)]
pub(crate) struct TocItem {
    pub id: String,
    pub text: String,
    pub children: Vec<TocItem>,
}

/// Second- and third-level headings as a nested list.
pub(crate) fn toc(headings: &[Heading]) -> Vec<TocItem> {
    let mut out: Vec<TocItem> = Vec::new();
    for h in headings.iter().filter(|h| (2..=3).contains(&h.level)) {
        let item = TocItem {
            id: h.id.clone(),
            text: h.text.clone(),
            children: Vec::new(),
        };
        match out.last_mut() {
            Some(parent) if h.level == 3 => parent.children.push(item),
            _ => out.push(item),
        }
    }
    out
}

#[derive(Debug, Serialize)]
pub(crate) struct StepView {
    pub body: Html,
    pub date: DateView,
    pub section: Option<String>,
    pub minutes_url: Option<crate::base::url::Url>,
}

/// Who a document is by: the organisation's name, and its page when it has one.
#[derive(Debug, Serialize)]
pub(crate) struct OrgRef {
    pub name: Html,
    pub href: Option<String>,
}

#[derive(Debug, Serialize)]
pub(crate) struct DocView {
    pub title: Html,
    /// `document.organisation`, else the site's.
    pub organisation: Option<OrgRef>,
    /// The title as plain text, for `<title>`.
    pub plain_title: String,
    /// The document page's language when it is not the reader's.
    pub hreflang: Option<String>,
    pub href: String,
    pub kind: String,
    pub status: Option<String>,
    pub status_key: Option<String>,
    pub period: Option<String>,
    pub council_term: Option<String>,
    pub year: Option<i32>,
    pub handling: Vec<StepView>,
    pub approval: Option<StepView>,
    pub previous: Option<String>,
    pub plan: Option<String>,
    pub related: Vec<Link>,
    pub chapters: Vec<Link>,
    /// A plan's annual reports, newest first.
    pub annual_reports: Vec<Link>,
    /// The reference indicator lists the document has as appendices (spec §13.4).
    pub appendices: Vec<Link>,
    pub print_href: String,
    /// The document's PDF in this language, when the build made one.
    pub pdf: Option<PdfLink>,
}

/// A link to a document's PDF with its size as a reader of the page's language writes it
/// ("245 kt").
#[derive(Debug, Serialize)]
pub(crate) struct PdfLink {
    pub href: String,
    pub size: String,
}

impl PdfLink {
    /// The link to a file of `bytes` at `href`, its size in whole kilobytes (rounded up).
    pub(crate) fn new(href: String, bytes: u64, lang: &str, t: &Strings) -> PdfLink {
        let kb = bytes.div_ceil(1024);
        let unit = super::theme::word(t, "pdf_size_unit");
        PdfLink {
            href,
            size: format!(
                "{} {unit}",
                crate::base::numbers::format(kb as f64, 0, lang)
            ),
        }
    }
}

pub(crate) fn doc_view(
    site: &Site,
    doc_page: PageId,
    doc: &RawDocument,
    lang: &str,
    t: &Strings,
    (print_href, organisation): (String, Option<OrgRef>),
) -> DocView {
    let default = site.config.default_language();
    let page = &site[doc_page];
    let label = |key: &str| super::theme::word(t, key);
    let step = |h: &crate::model::content::document::Handling| StepView {
        body: tx(&h.body, lang, default),
        date: DateView::new(&h.date, lang),
        section: h.section.clone(),
        minutes_url: h.minutes_url.clone(),
    };
    let relative = |written: &Option<String>| {
        written.as_ref().map(|w| {
            if w.contains("://") {
                return w.clone();
            }
            crate::model::content::resolve_relative(
                page.rel.parent().unwrap_or(std::path::Path::new("")),
                w,
            )
            .and_then(|p| site.find_or_default(&crate::model::content::dir_key(&p), lang))
            .map(|i| site[i].path.href())
            .unwrap_or_else(|| w.clone())
        })
    };
    DocView {
        title: written(&page.title, &page.lang, lang),
        organisation,
        plain_title: page.title.clone(),
        hreflang: (page.lang != lang).then(|| page.lang.clone()),
        href: page.path.href(),
        kind: label(doc.kind.i18n_key()),
        status: doc.status.map(|s| label(s.i18n_key())),
        status_key: doc
            .status
            .map(|s| s.i18n_key().trim_start_matches("status_").to_string()),
        period: doc.period.map(|p| p.human()),
        council_term: doc.council_term.map(|p| p.human()),
        year: doc.year,
        handling: doc.handling.iter().map(step).collect(),
        approval: doc.approval.as_ref().map(step),
        previous: relative(&doc.previous),
        plan: relative(&doc.plan),
        related: doc
            .related
            .iter()
            .map(|r| Link {
                title: tx(&r.title, lang, default),
                href: r.url.to_string(),
                hreflang: None,
                current: false,
            })
            .collect(),
        chapters: site
            .chapters_with_fallback(doc_page)
            .into_iter()
            .map(|c| link_to(site, t, c, lang, false))
            .collect(),
        annual_reports: annual_reports(site, t, &page.key, lang),
        appendices: Vec::new(),
        print_href,
        pdf: None,
    }
}

/// Links to the annual reports of the plan document `key`, newest first.
pub(crate) fn annual_reports(site: &Site, t: &Strings, key: &str, lang: &str) -> Vec<Link> {
    site.annual_reports_of(key, lang)
        .into_iter()
        .map(|(_, i)| link_to(site, t, i, lang, false))
        .collect()
}

/// A link to page `i` for a reader of `lang`, whose strings are `t`: a page in another
/// language (a fallback) says so after its title.
pub(crate) fn link_to(site: &Site, t: &Strings, i: PageId, lang: &str, current: bool) -> Link {
    let p = &site[i];
    Link {
        title: in_language(t, written(&p.title, &p.lang, lang), &p.lang, lang),
        href: p.path.href(),
        hreflang: (p.lang != lang).then(|| p.lang.clone()),
        current,
    }
}

/// A linked title followed by "(på finska)" when the page is not in the reader's language.
fn in_language(t: &Strings, title: Html, page_lang: &str, lang: &str) -> Html {
    if page_lang == lang {
        return title;
    }
    let label = super::theme::word(t, &format!("in_lang_{page_lang}"));
    Html::trusted(format!(
        "{title}{}",
        crate::markdown::lang_note(&label, None)
    ))
}

#[derive(Debug, Serialize)]
pub(crate) struct ChildView {
    pub title: Html,
    pub href: String,
    pub description: Option<Html>,
    pub date: Option<DateView>,
}

pub(crate) fn child_view(site: &Site, t: &Strings, i: PageId, lang: &str) -> ChildView {
    let p = &site[i];
    ChildView {
        title: in_language(t, written(&p.title, &p.lang, lang), &p.lang, lang),
        href: p.path.href(),
        description: p
            .front
            .description
            .as_ref()
            .map(|d| written(d, &p.lang, lang)),
        date: p.front.date.as_ref().map(|d| DateView::new(d, lang)),
    }
}
