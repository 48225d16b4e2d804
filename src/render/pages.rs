//! Pages made from the authors' Markdown: content pages, a document's printable page, the
//! fallback front page of a language without one, and redirect stubs for aliases.

use super::context::{self, child_view, doc_view, link_to, toc, DateView, Link};
use super::html::{block, written};
use super::{frame, render, Input};
use crate::base::error::Error;
use crate::base::escape::Html;
use crate::model::content::document::RawDocument;
use crate::model::content::PageId;
use crate::routes::Entry;
use crate::site::Site;
use serde::Serialize;
use tera::Context;

/// A content page, in its own template or the default for its kind.
pub(super) fn content(input: Input<'_>, e: &Entry, i: PageId) -> Result<Vec<u8>, Error> {
    let p = &input.site[i];
    let template = p
        .front
        .template
        .clone()
        .unwrap_or_else(|| default_template(input.site, i).to_string());
    let mut ctx = frame::common(input, e, &p.lang, Some(i));
    ctx.insert("page", &page_view(input, i, &p.lang));
    document_extras(input, i, &mut ctx);
    render(input.theme, &template, &ctx)
}

/// A document with all its chapters on one page, for printing.
pub(super) fn print(input: Input<'_>, e: &Entry, i: PageId) -> Result<Vec<u8>, Error> {
    let site = input.site;
    let p = &site[i];
    let mut ctx = frame::common(input, e, &p.lang, Some(i));
    ctx.insert("page", &page_view(input, i, &p.lang));
    let in_print: Vec<PageId> = site.chapters_with_fallback(i);
    // Each chapter's link and its section's id, for links between chapters on paper.
    let sections: Vec<(String, String)> = in_print
        .iter()
        .enumerate()
        .map(|(n, &c)| (site[c].path.href(), format!("luku-{}", n + 1)))
        .collect();
    let chapters: Vec<PrintChapter> = in_print
        .into_iter()
        .enumerate()
        .map(|(n, c)| {
            let ch = &site[c];
            let prefix = format!("luku-{}-", n + 1);
            let body = crate::html::print::chapter(&ch.body, &prefix, &sections);
            PrintChapter {
                title: written(&ch.title, &ch.lang, &p.lang),
                id: format!("luku-{}", n + 1),
                content: block(Html::trusted(body), &ch.lang, &p.lang),
            }
        })
        .collect();
    ctx.insert("chapters", &chapters);
    ctx.insert("embedded", &embedded_focus_areas(site, i, &chapters));
    ctx.insert("publisher", &publisher(input, i, &p.lang));
    ctx.insert(
        "print_style",
        &print_style(&p.title, &input.view.word(&p.lang, "page")),
    );
    document_extras(input, i, &mut ctx);
    let html = render(input.theme, "print.html", &ctx)?;
    let html = String::from_utf8_lossy(&html);
    let (path, url) = (&site.config.base_path, &site.config.base_url);
    Ok(crate::html::print::absolute_links(&html, path, url).into_bytes())
}

/// The printed pages' running head and numbers ("Hyvinvointikertomus … · Sivu 3 / 12"): CSS
/// paged media, with the document's title as a CSS string, as the print stylesheet cannot know
/// it. The cover has neither.
fn print_style(title: &str, page_word: &str) -> Html {
    use crate::base::escape::css_string;
    Html::trusted(format!(
        "<style media=\"print\">@page {{ @top-left {{ content: {}; }} @bottom-right {{ content: {} \" \" counter(page) \" / \" counter(pages); }} }}</style>",
        css_string(title),
        css_string(page_word)
    ))
}

/// Who publishes the document, for the printed cover: its organisation (the document's or the
/// site's), else the site's title.
fn publisher(input: Input<'_>, page: PageId, lang: &str) -> String {
    let site = input.site;
    let default = site.config.default_language();
    let id = site
        .document_of(page)
        .and_then(|d| d.organisation.clone())
        .or_else(|| site.config.organisation.clone());
    id.and_then(|id| input.view.model.organisations.get(&id))
        .map(|o| o.name.get(lang, default).text)
        .unwrap_or_else(|| site.config.title.get(lang, default).text)
}

/// The default language's front page in the frame of `lang`.
pub(super) fn fallback_front(input: Input<'_>, e: &Entry, lang: &str) -> Result<Vec<u8>, Error> {
    let mut ctx = frame::common(input, e, lang, None);
    if let Some(front) = input.site.find("", input.site.config.default_language()) {
        ctx.insert("page", &page_view(input, front, lang));
    }
    render(input.theme, "index.html", &ctx)
}

/// The one `404.html` a static host serves: the default language's page, followed by the same
/// message in every other language of the site, each marked with its `lang`.
pub(super) fn not_found(input: Input<'_>, e: &Entry, lang: &str) -> Result<Vec<u8>, Error> {
    #[derive(serde::Serialize)]
    struct Other {
        lang: String,
        title: String,
        text: String,
        back_home: String,
        home_href: String,
    }
    let mut ctx = frame::common(input, e, lang, None);
    let others: Vec<Other> = input
        .site
        .config
        .languages
        .iter()
        .filter(|l| l.as_str() != lang)
        .map(|l| Other {
            lang: l.clone(),
            title: input.view.word(l, "not_found_title"),
            text: input.view.word(l, "not_found_text"),
            back_home: input.view.word(l, "back_home"),
            home_href: input
                .routes
                .front(l)
                .map_or_else(|| input.routes.addresses.root().href(), |f| f.path.href()),
        })
        .collect();
    ctx.insert("other_languages", &others);
    render(input.theme, "404.html", &ctx)
}

/// A redirect stub at an old address of page `to`.
pub(super) fn alias(input: Input<'_>, e: &Entry, to: PageId) -> Result<Vec<u8>, Error> {
    let site = input.site;
    let target = &site[to];
    let mut ctx = frame::common(input, e, &target.lang, None);
    ctx.insert(
        "target",
        // Root-relative, so the redirect works on whatever host serves the site; the
        // canonical link names the published address.
        &Link::new(&target.title, target.path.href()),
    );
    ctx.insert("target_permalink", &target.path.permalink());
    render(input.theme, "alias.html", &ctx)
}

fn default_template(site: &Site, i: PageId) -> &'static str {
    let p = &site[i];
    if p.key.is_empty() {
        "index.html"
    } else if p.is_index && site.document_of(i).is_some() {
        "document.html"
    } else if site.document_for_chapter(i).is_some() {
        "chapter.html"
    } else {
        "page.html"
    }
}

/// On a plan document's page: the plan's overview; on an annual report: the report itself.
fn document_extras(input: Input<'_>, i: PageId, ctx: &mut Context) {
    let (site, view) = (input.site, input.view);
    let p = &site[i];
    let Some(doc) = site.document_of(i).filter(|_| p.is_index) else {
        return;
    };
    let lang = p.lang.as_str();
    if doc.kind.has_plan() {
        if let Some(plan) = view.model.plan_by_key(&p.key) {
            let doc = crate::render::plan::DocLink {
                title: Html::text(&p.title),
                plain_title: p.title.clone(),
                href: p.path.href(),
            };
            let doc_plan = view.plan_view(plan, lang, &doc);
            ctx.insert("doc_plan", &doc_plan);
        }
    }
    if let (Some(year), Some(key)) = (doc.year, site.reported_plan_key(i)) {
        if let Some(plan) = view.model.plan_by_key(&key) {
            let annual = view.annual_view(plan, year, lang, doc.include_contributors);
            ctx.insert("annual", &annual);
        }
    }
}

/// A focus area whose goals a chapter already shows (`goals(focus_area=…)`): the printed plan
/// refers to that chapter instead of printing the same tables twice.
#[derive(Serialize)]
struct Embedded {
    chapter: Html,
    href: String,
}

/// The focus areas the document's chapters embed, by id, with the chapter that shows them.
fn embedded_focus_areas(
    site: &Site,
    doc: PageId,
    chapters: &[PrintChapter],
) -> std::collections::BTreeMap<String, Embedded> {
    let mut out = std::collections::BTreeMap::new();
    for (c, printed) in site.chapters_with_fallback(doc).into_iter().zip(chapters) {
        for call in &site[c].shortcodes {
            let id = match call.arg("focus_area") {
                Some(crate::markdown::shortcodes::Value::Str(id)) if call.name == "goals" => id,
                _ => continue,
            };
            out.entry(id.clone()).or_insert_with(|| Embedded {
                chapter: printed.title.clone(),
                href: format!("#{}", printed.id),
            });
        }
    }
    out
}

#[derive(Serialize)]
struct PrintChapter {
    title: Html,
    id: String,
    content: Html,
}

#[derive(Serialize)]
struct PageView {
    /// Plain text, for `<title>` and metadata.
    title: String,
    /// The title as shown on the page, marked when it is in another language than the reader's.
    heading: Html,
    description: Option<String>,
    content: Html,
    lang: String,
    toc: Vec<context::TocItem>,
    date: Option<DateView>,
    updated: Option<DateView>,
    href: String,
    children: Vec<context::ChildView>,
    document: Option<context::DocView>,
    chapter_of: Option<context::DocView>,
    prev: Option<Link>,
    next: Option<Link>,
}

/// Page `i` for a reader of `reader` (the page's own language, or another one when the
/// default language's front page stands in for a missing one).
fn page_view(input: Input<'_>, i: PageId, reader: &str) -> PageView {
    let site = input.site;
    let p = &site[i];
    let t = &input.theme.strings[&p.lang];
    let lang = p.lang.as_str();
    let extras = |d: PageId, doc: &RawDocument| {
        (
            input
                .routes
                .addresses
                .print(&site[d].path, &site[d].lang)
                .href(),
            organisation(input, doc, lang),
        )
    };
    let document = site.document_of(i).filter(|_| p.is_index).map(|d| {
        let mut view = doc_view(site, i, d, lang, t, extras(i, d));
        view.pdf = pdf_link(input, i, lang);
        view.appendices = crate::render::indicators::appendices(input, &p.key, d, lang);
        view
    });
    let chapter_of = site.document_for_chapter(i).and_then(|d| {
        site.document_of(d)
            .map(|doc| doc_view(site, d, doc, lang, t, extras(d, doc)))
    });
    let (prev, next) = neighbours(site, t, i, lang);
    let children = if document.is_some() {
        Vec::new()
    } else {
        site.children(&p.key, lang)
            .iter()
            .filter(|&&c| c != i)
            .map(|&c| child_view(site, &input.theme.strings[reader], c, reader))
            .collect()
    };
    PageView {
        title: p.title.clone(),
        heading: written(&p.title, &p.lang, reader),
        description: p.front.description.clone(),
        content: block(Html::trusted(&*p.body), &p.lang, reader),
        lang: p.lang.clone(),
        toc: if p.front.toc {
            toc(&p.headings)
        } else {
            Vec::new()
        },
        date: p.front.date.as_ref().map(|d| DateView::new(d, lang)),
        updated: p.front.updated.as_ref().map(|d| DateView::new(d, lang)),
        href: p.path.href(),
        children,
        document,
        chapter_of,
        prev,
        next,
    }
}

/// The organisation a document is by, linked to its page when it has one.
fn organisation(input: Input<'_>, doc: &RawDocument, lang: &str) -> Option<context::OrgRef> {
    let site = input.site;
    let model = input.view.model;
    let id = doc
        .organisation
        .as_ref()
        .or(site.config.organisation.as_ref())?;
    let name = model.organisation_name(id)?;
    let has_page = model.organisations_with_pages().iter().any(|o| &o.id == id);
    Some(context::OrgRef {
        name: super::html::tx(name, lang, site.config.default_language()),
        href: has_page.then(|| input.routes.addresses.organisation(id, lang).href()),
    })
}

/// The link to the PDF of document page `i`, when the build made it.
fn pdf_link(input: Input<'_>, i: PageId, lang: &str) -> Option<context::PdfLink> {
    let entry = input
        .routes
        .get(&crate::routes::Route::Pdf(i), Some(lang))?;
    let bytes = input.pdfs.get(&i)?.len() as u64;
    let href = entry.path.href();
    Some(context::PdfLink::new(
        href,
        bytes,
        lang,
        &input.theme.strings[lang],
    ))
}

/// The previous and next chapter of a chapter page.
fn neighbours(
    site: &Site,
    t: &super::theme::Strings,
    i: PageId,
    lang: &str,
) -> (Option<Link>, Option<Link>) {
    let Some(d) = site.document_for_chapter(i) else {
        return (None, None);
    };
    let chapters = site.chapters_with_fallback(d);
    let Some(pos) = chapters.iter().position(|&c| c == i) else {
        return (None, None);
    };
    let prev = pos
        .checked_sub(1)
        .map(|n| link_to(site, t, chapters[n], lang, false));
    let next = chapters
        .get(pos + 1)
        .map(|&n| link_to(site, t, n, lang, false));
    (prev, next)
}
