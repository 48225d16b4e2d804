//! The frame around every page: the site's title and links, the main menu, breadcrumbs and the
//! language switch with its `hreflang` alternates, all read from the route table.

use super::context::{link_to, Alternate, Link};
use super::theme::word;
use super::Input;
use crate::escape::Html;
use crate::routes::{Entry, Route, Section};
use serde::Serialize;
use tera::Context;

#[derive(Serialize)]
struct SiteView<'a> {
    /// Plain text, for `<title>` and attributes.
    title: String,
    /// The title as shown, marked when it is in another language than the page's.
    name: Html,
    base_path: &'a str,
    home_href: String,
    feed_href: String,
    css: Vec<String>,
    print_css: String,
    statement_href: String,
    search_href: Option<String>,
    contact_name: Option<String>,
    contact_email: Option<crate::url::Email>,
    contact_phone: Option<String>,
}

/// What every template gets: language, strings, site, navigation, language versions.
/// `current` is the content page being rendered, if the entry shows one.
pub(super) fn common(
    input: Input<'_>,
    entry: &Entry,
    lang: &str,
    current: Option<usize>,
) -> Context {
    let Input {
        site,
        theme,
        routes,
        ..
    } = input;
    let default = site.config.default_language();
    let title = site.config.title.get(lang, default);
    let contact = site.config.contact.as_ref();
    let href_of = |route: Route| routes.get(&route, Some(lang)).map(|e| site.href(&e.path));
    let view = SiteView {
        name: super::html::written(&title.text, &title.lang, lang),
        title: title.text,
        base_path: &site.config.base_path,
        home_href: site.href(routes.addresses.prefix(lang)),
        feed_href: site.href(&routes.addresses.feed(lang)),
        css: vec![site.href("css/kertomus.css"), site.href("css/syntax.css")],
        print_css: site.href("css/print.css"),
        statement_href: href_of(Route::Statement).unwrap_or_default(),
        search_href: href_of(Route::Search),
        contact_name: contact.map(|c| c.name.get(lang, default).text),
        contact_email: contact.and_then(|c| c.email.clone()),
        contact_phone: contact.and_then(|c| c.phone.clone()),
    };
    let mut ctx = Context::new();
    // Only the front page links to the region-wide views: no scan of the table elsewhere.
    if entry.path == routes.addresses.prefix(lang) {
        let regions: Vec<String> = routes
            .entries()
            .iter()
            .filter(|e| matches!(e.route, Route::Region(_)) && e.lang.as_deref() == Some(lang))
            .map(|e| site.href(&e.path))
            .collect();
        ctx.insert("region_hrefs", &regions);
    }
    ctx.insert("lang", lang);
    ctx.insert("t", &theme.strings[lang]);
    ctx.insert("site", &view);
    ctx.insert("canonical", &site.permalink(&entry.path));
    let ancestors: Vec<usize> = current.map(|i| site.ancestors(i)).unwrap_or_default();
    ctx.insert("nav", &nav(input, entry, lang, current, &ancestors));
    let breadcrumbs: Vec<Link> = ancestors
        .iter()
        .map(|&a| link_to(site, a, lang, false))
        .collect();
    ctx.insert("breadcrumbs", &breadcrumbs);
    ctx.insert("alternates", &alternates(input, entry, lang));
    ctx
}

/// The main menu: the front page's children, then the generated sections the site has.
fn nav(
    input: Input<'_>,
    entry: &Entry,
    lang: &str,
    current: Option<usize>,
    ancestors: &[usize],
) -> Vec<Link> {
    let Input {
        site,
        theme,
        routes,
        ..
    } = input;
    let mut top = site.children("", lang).to_vec();
    if top.is_empty() {
        top = site.children("", site.config.default_language()).to_vec();
    }
    let in_section = |c: usize| {
        Some(c) == current
            || ancestors
                .iter()
                .any(|&a| site.pages[a].key == site.pages[c].key)
    };
    let mut nav: Vec<Link> = top
        .into_iter()
        .map(|c| link_to(site, c, lang, in_section(c)))
        .collect();
    nav.extend(routes.nav(lang).map(|section| Link {
        title: Html::text(&word(&theme.strings[lang], section.nav.unwrap_or_default())),
        current: entry.path.starts_with(&section.path),
        href: site.href(&section.path),
        hreflang: None,
    }));
    nav
}

/// The language switch: the same page in every language, or that language's front page when
/// the page has no version there.
fn alternates(input: Input<'_>, entry: &Entry, lang: &str) -> Vec<Alternate> {
    let Input {
        site,
        theme,
        routes,
        ..
    } = input;
    site.config
        .languages
        .iter()
        .map(|l| {
            let name = word(&theme.strings[l.as_str()], "language_name");
            let peer = routes.peer(entry, l);
            let target = peer.or_else(|| routes.front(l)).map_or_else(
                || routes.addresses.prefix(l).to_string(),
                |e| e.path.clone(),
            );
            Alternate {
                lang: l.clone(),
                name,
                href: site.href(&target),
                permalink: site.permalink(&target),
                current: l == lang,
                translated: peer.is_some(),
            }
        })
        .collect()
}

/// The front page's link, for breadcrumbs.
pub(super) fn front(input: Input<'_>, lang: &str) -> Vec<Link> {
    let site = input.site;
    site.find("", lang)
        .or_else(|| site.find("", site.config.default_language()))
        .map(|f| link_to(site, f, lang, false))
        .into_iter()
        .collect()
}

/// Breadcrumbs of a page inside a generated section: the front page, then the section.
pub(super) fn section_crumbs(
    input: Input<'_>,
    lang: &str,
    section: Section,
    title_key: &str,
) -> Vec<Link> {
    let mut crumbs = front(input, lang);
    crumbs.push(Link::new(
        &word(&input.theme.strings[lang], title_key),
        input
            .site
            .href(&input.routes.addresses.section(section, lang)),
    ));
    crumbs
}
