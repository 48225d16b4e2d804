//! Rendering: every page, printable document, fallback front page, 404 page and alias redirect
//! through the theme's tera templates, in parallel (rayon), written into the staging folder.

pub mod cards;
pub mod context;
pub mod cooperation;
mod generated;
pub mod html;
pub mod indicators;
pub mod opendata;
pub mod plan;
pub mod shortcodes;
pub mod statement;
pub mod surveys;
pub mod theme;

use crate::error::Error;
use crate::output::Staging;
use crate::site::Site;
use context::{child_view, doc_view, link_to, toc, Alternate, DateView, Link};
use indicators::DataSet;
use rayon::prelude::*;
use serde::Serialize;
use tera::Context;
use theme::Theme;

/// One HTML file to write.
enum Job {
    Page(usize),
    Print(usize),
    /// The front page of a language that has no `index.<lang>.md`: the default front page's
    /// content in that language's frame.
    FallbackFront(String),
    NotFound,
    Alias {
        from: String,
        to: usize,
    },
    /// `/mittarit/` in a language.
    IndicatorIndex(String),
    /// `/mittarit/<id>/` in a language, by index in indicators.yaml.
    Indicator(String, usize),
    /// The data shown on an indicator's page, as CSV.
    IndicatorCsv(usize),
    /// `/kuntakortit/` in a language.
    CardIndex(String),
    /// One municipality's card in a language, by position among the card members.
    Card(String, usize),
    /// Plan pages, by plan index (and focus area and goal index).
    PlanOverview(String, usize),
    FocusArea(String, usize, usize),
    Goal(String, usize, usize, usize),
    Together(String, usize),
    /// `/organisaatiot/` and one organisation, by position among those with a page.
    OrgIndex(String),
    Org(String, usize),
    /// `/kyselyt/` and one survey.
    SurveyIndex(String),
    Survey(String, usize),
    /// `/vuosikello/` and `/yhteistyorakenne/`.
    Clock(String),
    Cooperation(String),
    /// The accessibility statement in a language.
    Statement(String),
    /// The search page in a language.
    Search(String),
}

/// Renders and writes every HTML page; returns how many were written.
pub fn render_all(
    site: &Site,
    theme: &Theme,
    data: &DataSet<'_>,
    out: &Staging,
    search: Option<&std::sync::mpsc::Sender<crate::search::Record>>,
) -> Result<usize, Error> {
    let mut jobs: Vec<Job> = (0..site.pages.len())
        .filter(|&i| !site.pages[i].is_card_prose())
        .map(Job::Page)
        .collect();
    jobs.extend(
        site.pages
            .iter()
            .enumerate()
            .filter(|(i, p)| p.is_index && site.document_of(*i).is_some())
            .map(|(i, _)| Job::Print(i)),
    );
    for lang in &site.config.languages {
        if site.find("", lang).is_none() {
            jobs.push(Job::FallbackFront(lang.clone()));
        }
    }
    jobs.push(Job::NotFound);
    if !data.indicators.list.is_empty() {
        for lang in &site.config.languages {
            jobs.push(Job::IndicatorIndex(lang.clone()));
            jobs.extend((0..data.indicators.list.len()).map(|i| Job::Indicator(lang.clone(), i)));
        }
        jobs.extend((0..data.indicators.list.len()).map(Job::IndicatorCsv));
    }
    let members = data.cards.len();
    if members > 0 {
        for lang in &site.config.languages {
            jobs.push(Job::CardIndex(lang.clone()));
            jobs.extend((0..members).map(|i| Job::Card(lang.clone(), i)));
        }
    }
    for lang in &site.config.languages {
        for (pi, plan) in data.model.plans.iter().enumerate() {
            jobs.push(Job::PlanOverview(lang.clone(), pi));
            jobs.push(Job::Together(lang.clone(), pi));
            for (fi, fa) in plan.focus_areas.iter().enumerate() {
                jobs.push(Job::FocusArea(lang.clone(), pi, fi));
                jobs.extend((0..fa.goals.len()).map(|gi| Job::Goal(lang.clone(), pi, fi, gi)));
            }
        }
        let orgs = data.organisations_with_pages().len();
        if orgs > 0 {
            jobs.push(Job::OrgIndex(lang.clone()));
            jobs.extend((0..orgs).map(|i| Job::Org(lang.clone(), i)));
        }
        if !data.model.surveys.is_empty() {
            jobs.push(Job::SurveyIndex(lang.clone()));
            jobs.extend((0..data.model.surveys.len()).map(|i| Job::Survey(lang.clone(), i)));
        }
        if data.model.cooperation.clock.is_some() {
            jobs.push(Job::Clock(lang.clone()));
        }
        if !data.model.cooperation.bodies.is_empty() {
            jobs.push(Job::Cooperation(lang.clone()));
        }
        jobs.push(Job::Statement(lang.clone()));
        if data.search {
            jobs.push(Job::Search(lang.clone()));
        }
    }
    for (i, p) in site.pages.iter().enumerate() {
        for a in &p.front.aliases {
            if let Some(from) = crate::site::alias_path(a) {
                jobs.push(Job::Alias { from, to: i });
            }
        }
    }
    jobs.par_iter().try_for_each(|job| {
        let (path, html) = render_job(site, theme, data, job)?;
        if let (Some(tx), Some(lang)) = (search, searchable(site, job)) {
            let url = site.href(path.strip_suffix("index.html").unwrap_or(&path));
            if let Some(record) = crate::search::record(&url, lang, &html) {
                // The indexer outlives rendering; a send fails only if it stopped, and
                // `finish` reports that.
                let _ = tx.send(record);
            }
        }
        out.write(&path, html.as_bytes())
    })?;
    Ok(jobs.len())
}

/// The language of a job's page when it belongs in the search index: pages of their own, not
/// printable copies, fallback copies, redirects, the 404 page or data files.
fn searchable<'a>(site: &'a Site, job: &'a Job) -> Option<&'a str> {
    match job {
        Job::Page(i) => Some(site.pages[*i].lang.as_str()),
        Job::IndicatorIndex(l)
        | Job::Indicator(l, _)
        | Job::CardIndex(l)
        | Job::Card(l, _)
        | Job::PlanOverview(l, _)
        | Job::FocusArea(l, ..)
        | Job::Goal(l, ..)
        | Job::Together(l, _)
        | Job::OrgIndex(l)
        | Job::Org(l, _)
        | Job::SurveyIndex(l)
        | Job::Survey(l, _)
        | Job::Clock(l)
        | Job::Cooperation(l)
        | Job::Statement(l) => Some(l.as_str()),
        Job::Print(_)
        | Job::FallbackFront(_)
        | Job::NotFound
        | Job::Alias { .. }
        | Job::IndicatorCsv(_)
        | Job::Search(_) => None,
    }
}

/// Renders only what shows the bodies of `pages`: the pages themselves, the printable pages of
/// documents that include them (also through a translation's fallback), and the fallback front
/// pages when the front page changed. For `serve`, when nothing but page bodies changed.
pub fn render_partial(
    site: &Site,
    theme: &Theme,
    data: &DataSet<'_>,
    pages: &[usize],
) -> Result<Vec<(String, String)>, Error> {
    let mut jobs: Vec<Job> = pages.iter().map(|&i| Job::Page(i)).collect();
    for (d, p) in site.pages.iter().enumerate() {
        if p.is_index && site.document_of(d).is_some() {
            let chapters = site.chapters_with_fallback(d);
            if pages.iter().any(|i| *i == d || chapters.contains(i)) {
                jobs.push(Job::Print(d));
            }
        }
    }
    if pages.iter().any(|&i| site.pages[i].key.is_empty()) {
        for lang in &site.config.languages {
            if site.find("", lang).is_none() {
                jobs.push(Job::FallbackFront(lang.clone()));
            }
        }
    }
    jobs.par_iter()
        .map(|job| render_job(site, theme, data, job))
        .collect()
}

fn render_job(
    site: &Site,
    theme: &Theme,
    data: &DataSet<'_>,
    job: &Job,
) -> Result<(String, String), Error> {
    let default = site.config.default_language().to_string();
    match job {
        Job::Page(i) => {
            let p = &site.pages[*i];
            let template = p
                .front
                .template
                .clone()
                .unwrap_or_else(|| default_template(site, *i).to_string());
            let mut ctx = common(site, theme, data, &p.lang, Some(*i), &p.path);
            ctx.insert("page", &page_view(site, theme, *i));
            generated::document_extras(site, data, *i, &mut ctx);
            Ok((
                format!("{}index.html", p.path),
                render(theme, &template, &ctx)?,
            ))
        }
        Job::Print(i) => {
            let p = &site.pages[*i];
            let path = format!("{}tulosta/", p.path);
            let mut ctx = common(site, theme, data, &p.lang, Some(*i), &path);
            ctx.insert("page", &page_view(site, theme, *i));
            let chapters: Vec<PrintChapter> = site
                .chapters_with_fallback(*i)
                .into_iter()
                .enumerate()
                .map(|(n, c)| {
                    let ch = &site.pages[c];
                    PrintChapter {
                        title: ch.title.clone(),
                        lang: (ch.lang != p.lang).then(|| ch.lang.clone()),
                        id: format!("luku-{}", n + 1),
                        content: prefix_ids(&ch.body, &format!("luku-{}-", n + 1)),
                    }
                })
                .collect();
            ctx.insert("chapters", &chapters);
            generated::document_extras(site, data, *i, &mut ctx);
            Ok((
                format!("{path}index.html"),
                render(theme, "print.html", &ctx)?,
            ))
        }
        Job::FallbackFront(lang) => {
            let path = site.config.lang_prefix(lang);
            let mut ctx = common(site, theme, data, lang, None, &path);
            if let Some(front) = site.find("", &default) {
                ctx.insert("page", &page_view(site, theme, front));
            }
            Ok((
                format!("{path}index.html"),
                render(theme, "index.html", &ctx)?,
            ))
        }
        Job::IndicatorIndex(lang) => {
            let path = format!("{}mittarit/", site.config.lang_prefix(lang));
            let mut ctx = common(site, theme, data, lang, None, &path);
            ctx.insert("groups", &indicators::index_groups(data, site, lang));
            Ok((
                format!("{path}index.html"),
                render(theme, "indicators.html", &ctx)?,
            ))
        }
        Job::Indicator(lang, i) => {
            let ind = &data.indicators.list[*i];
            let path = format!("{}mittarit/{}/", site.config.lang_prefix(lang), ind.id);
            let mut ctx = common(site, theme, data, lang, None, &path);
            ctx.insert(
                "breadcrumbs",
                &section_crumbs(site, theme, lang, "mittarit", "indicators_title"),
            );
            ctx.insert("indicator", &indicators::page_view(data, site, ind, lang));
            Ok((
                format!("{path}index.html"),
                render(theme, "indicator.html", &ctx)?,
            ))
        }
        Job::IndicatorCsv(i) => {
            let ind = &data.indicators.list[*i];
            Ok((
                format!("mittarit/{0}/{0}.csv", ind.id),
                indicators::shown_csv(data, ind),
            ))
        }
        Job::CardIndex(lang) => {
            let path = format!("{}kuntakortit/", site.config.lang_prefix(lang));
            let mut ctx = common(site, theme, data, lang, None, &path);
            ctx.insert("cards", &cards::index_view(data, site, lang));
            Ok((
                format!("{path}index.html"),
                render(theme, "cards.html", &ctx)?,
            ))
        }
        Job::Card(lang, i) => {
            let m = data.cards[*i];
            let path = cards::card_path(data, m, lang);
            let mut ctx = common(site, theme, data, lang, None, &path);
            ctx.insert(
                "breadcrumbs",
                &section_crumbs(site, theme, lang, "kuntakortit", "cards_title"),
            );
            ctx.insert("card", &cards::card_view(data, site, m, lang));
            Ok((
                format!("{path}index.html"),
                render(theme, "card.html", &ctx)?,
            ))
        }
        Job::PlanOverview(..)
        | Job::FocusArea(..)
        | Job::Goal(..)
        | Job::Together(..)
        | Job::OrgIndex(_)
        | Job::Org(..)
        | Job::SurveyIndex(_)
        | Job::Survey(..)
        | Job::Clock(_)
        | Job::Cooperation(_)
        | Job::Statement(_)
        | Job::Search(_) => generated::render(site, theme, data, job),
        Job::NotFound => {
            let ctx = common(site, theme, data, &default, None, "404.html");
            Ok(("404.html".to_string(), render(theme, "404.html", &ctx)?))
        }
        Job::Alias { from, to } => {
            let target = &site.pages[*to];
            let mut ctx = common(site, theme, data, &target.lang, None, from);
            ctx.insert(
                "target",
                &Link {
                    title: target.title.clone(),
                    // Root-relative, so the redirect works on whatever host serves the
                    // site; the canonical link names the published address.
                    href: site.href(&target.path),
                    lang: None,
                    current: false,
                },
            );
            ctx.insert("target_permalink", &site.permalink(&target.path));
            Ok((
                format!("{from}index.html"),
                render(theme, "alias.html", &ctx)?,
            ))
        }
    }
}

/// Breadcrumbs of a page inside a generated section: the front page, then the section.
fn section_crumbs(
    site: &Site,
    theme: &Theme,
    lang: &str,
    section: &str,
    title_key: &str,
) -> Vec<Link> {
    let front = site
        .find("", lang)
        .or_else(|| site.find("", site.config.default_language()));
    let mut crumbs: Vec<Link> = front
        .map(|f| link_to(site, f, lang, false))
        .into_iter()
        .collect();
    crumbs.push(Link {
        title: theme.strings[lang]
            .get(title_key)
            .cloned()
            .unwrap_or_default(),
        href: site.href(&format!("{}{section}/", site.config.lang_prefix(lang))),
        lang: None,
        current: false,
    });
    crumbs
}

/// Site-relative paths of the generated pages (indicators, cards), for the sitemap.
pub fn generated_paths(site: &Site, data: &DataSet<'_>) -> Vec<String> {
    let mut out = Vec::new();
    for lang in &site.config.languages {
        let p = site.config.lang_prefix(lang);
        if !data.indicators.list.is_empty() {
            out.push(format!("{p}mittarit/"));
            out.extend(
                data.indicators
                    .list
                    .iter()
                    .map(|i| format!("{p}mittarit/{}/", i.id)),
            );
        }
        let members = &data.cards;
        if !members.is_empty() {
            out.push(format!("{p}kuntakortit/"));
            out.extend(members.iter().map(|m| cards::card_path(data, m, lang)));
        }
        out.extend(generated::paths(data, lang));
    }
    out.sort();
    out
}

fn render(theme: &Theme, template: &str, ctx: &Context) -> Result<String, Error> {
    theme
        .tera
        .render(template, ctx)
        .map_err(|e| Error::Template(format!("while rendering {template}:\n{e}")))
}

fn default_template(site: &Site, i: usize) -> &'static str {
    let p = &site.pages[i];
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

#[derive(Serialize)]
struct PrintChapter {
    title: String,
    lang: Option<String>,
    id: String,
    content: String,
}

/// A chapter's body for the printable page: ids and in-page links made unique (several
/// chapters may each have a heading "Johdanto"), and headings one level down, below the
/// chapter's own title.
fn prefix_ids(html: &str, prefix: &str) -> String {
    let mut out = html
        .replace(" id=\"", &format!(" id=\"{prefix}"))
        .replace(" href=\"#", &format!(" href=\"#{prefix}"));
    for level in (2..=5).rev() {
        out = out
            .replace(&format!("<h{level}"), &format!("<h{}", level + 1))
            .replace(&format!("</h{level}>"), &format!("</h{}>", level + 1));
    }
    out
}

#[derive(Serialize)]
struct PageView {
    title: String,
    description: Option<String>,
    content: String,
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

fn page_view(site: &Site, theme: &Theme, i: usize) -> PageView {
    let p = &site.pages[i];
    let t = &theme.strings[&p.lang];
    let lang = p.lang.as_str();
    let document = site
        .document_of(i)
        .filter(|_| p.is_index)
        .map(|d| doc_view(site, i, d, lang, t));
    let chapter_of = site.document_for_chapter(i).and_then(|d| {
        site.document_of(d)
            .map(|doc| doc_view(site, d, doc, lang, t))
    });
    let (mut prev, mut next) = (None, None);
    if let Some(d) = site.document_for_chapter(i) {
        let chapters = site.chapters_with_fallback(d);
        if let Some(pos) = chapters.iter().position(|&c| c == i) {
            prev = pos
                .checked_sub(1)
                .map(|n| link_to(site, chapters[n], lang, false));
            next = chapters
                .get(pos + 1)
                .map(|&n| link_to(site, n, lang, false));
        }
    }
    let children = if document.is_some() {
        Vec::new()
    } else {
        site.children(&p.key, lang)
            .iter()
            .filter(|&&c| c != i)
            .map(|&c| child_view(site, c, lang))
            .collect()
    };
    PageView {
        title: p.title.clone(),
        description: p.front.description.clone(),
        content: p.body.clone(),
        lang: p.lang.clone(),
        toc: if p.front.toc {
            toc(&p.headings)
        } else {
            Vec::new()
        },
        date: p.front.date.as_ref().map(|d| DateView::new(d, lang)),
        updated: p.front.updated.as_ref().map(|d| DateView::new(d, lang)),
        href: site.href(&p.path),
        children,
        document,
        chapter_of,
        prev,
        next,
    }
}

#[derive(Serialize)]
struct SiteView<'a> {
    title: String,
    title_lang: Option<String>,
    base_path: &'a str,
    home_href: String,
    feed_href: String,
    css: Vec<String>,
    print_css: String,
    statement_href: String,
    search_href: Option<String>,
    contact_name: Option<String>,
    contact_email: Option<String>,
    contact_phone: Option<String>,
}

/// What every template gets: language, strings, site, navigation, language versions.
fn common(
    site: &Site,
    theme: &Theme,
    data: &DataSet<'_>,
    lang: &str,
    current: Option<usize>,
    path: &str,
) -> Context {
    let default = site.config.default_language();
    let t = &theme.strings[lang];
    let prefix = site.config.lang_prefix(lang);
    let title = site.config.title.get(lang, default);
    let contact = site.config.contact.as_ref();
    let view = SiteView {
        title: title.text,
        title_lang: (title.lang != lang).then_some(title.lang),
        base_path: &site.config.base_path,
        home_href: site.href(&prefix),
        feed_href: site.href(&format!("{prefix}atom.xml")),
        css: vec![site.href("css/kertomus.css"), site.href("css/syntax.css")],
        print_css: site.href("css/print.css"),
        statement_href: site.href(&data.statement_path(lang)),
        search_href: data.search.then(|| site.href(&data.search_path(lang))),
        contact_name: contact.map(|c| c.name.get(lang, default).text),
        contact_email: contact.and_then(|c| c.email.clone()),
        contact_phone: contact.and_then(|c| c.phone.clone()),
    };
    let mut ctx = Context::new();
    ctx.insert("lang", lang);
    ctx.insert("t", t);
    ctx.insert("site", &view);
    ctx.insert("canonical", &site.permalink(path));

    let ancestors: Vec<usize> = current.map(|i| site.ancestors(i)).unwrap_or_default();
    let mut top = site.children("", lang).to_vec();
    if top.is_empty() {
        top = site.children("", default).to_vec();
    }
    let nav: Vec<Link> = top
        .into_iter()
        .map(|c| {
            link_to(
                site,
                c,
                lang,
                Some(c) == current
                    || ancestors
                        .iter()
                        .any(|&a| site.pages[a].key == site.pages[c].key),
            )
        })
        .collect();
    let mut nav = nav;
    if !data.cards.is_empty() {
        let href = site.href(&format!("{prefix}kuntakortit/"));
        nav.push(Link {
            title: t.get("cards_title").cloned().unwrap_or_default(),
            current: path.starts_with(&format!("{prefix}kuntakortit/")),
            href,
            lang: None,
        });
    }
    if !data.indicators.list.is_empty() {
        let href = site.href(&format!("{prefix}mittarit/"));
        nav.push(Link {
            title: t.get("indicators_title").cloned().unwrap_or_default(),
            current: path.starts_with(&format!("{prefix}mittarit/")),
            href,
            lang: None,
        });
    }
    for (slug, key, shown) in [
        ("kyselyt/", "surveys_title", !data.model.surveys.is_empty()),
        (
            "vuosikello/",
            "clock_title",
            data.model.cooperation.clock.is_some(),
        ),
        (
            "yhteistyorakenne/",
            "cooperation_title",
            !data.model.cooperation.bodies.is_empty(),
        ),
    ] {
        if shown {
            nav.push(Link {
                title: t.get(key).cloned().unwrap_or_default(),
                current: path.starts_with(&format!("{prefix}{slug}")),
                href: site.href(&format!("{prefix}{slug}")),
                lang: None,
            });
        }
    }
    ctx.insert("nav", &nav);
    let breadcrumbs: Vec<Link> = ancestors
        .iter()
        .map(|&a| link_to(site, a, lang, false))
        .collect();
    ctx.insert("breadcrumbs", &breadcrumbs);

    let alternates: Vec<Alternate> = site
        .config
        .languages
        .iter()
        .map(|l| {
            let name = theme.strings[l.as_str()]
                .get("language_name")
                .cloned()
                .unwrap_or_else(|| l.clone());
            let translated = current.and_then(|i| site.find(&site.pages[i].key, l));
            // A generated page (no source page) exists in every language at the same path.
            let generated = current.is_none() && path.ends_with('/');
            let target = match translated {
                Some(i) => site.pages[i].path.clone(),
                None if generated => format!(
                    "{}{}",
                    site.config.lang_prefix(l),
                    path.strip_prefix(&prefix).unwrap_or(path)
                ),
                None if l == default => String::new(),
                None => format!("{l}/"),
            };
            Alternate {
                lang: l.clone(),
                name,
                href: site.href(&target),
                permalink: site.permalink(&target),
                current: l == lang,
                translated: translated.is_some() || generated,
            }
        })
        .collect();
    ctx.insert("alternates", &alternates);
    ctx
}
