//! The frame around every page: the site's title and links, the main menu, breadcrumbs and the
//! language switch with its `hreflang` alternates, all read from the route table.

use super::context::{link_to, Alternate, Link};
use super::theme::word;
use super::theme::Theme;
use super::Input;
use crate::base::escape::Html;
use crate::model::content::PageId;
use crate::routes::{Address, Entry, Generated, PlanPage, Route, Routes, Section, SinglePage};
use crate::site::Site;
use serde::Serialize;
use tera::{Context, Value};

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
    /// The theme's icon (linked, so browsers do not ask every page for a missing favicon.ico).
    favicon: String,
    statement_href: String,
    search_href: Option<String>,
    contact_name: Option<String>,
    contact_email: Option<crate::base::url::Email>,
    contact_phone: Option<String>,
}

/// The parts of the frame that are the same on every page of one language, made into
/// template values once per build: the theme's strings, the site's title and links, and the
/// main menu's links, each both as the current section and not. Serialising them anew for
/// each of 10,000 pages was a sixth of the render stage; a template value shares its maps and
/// lists, so handing one to every page costs a reference count.
pub(crate) struct Shared {
    langs: std::collections::BTreeMap<String, LangShared>,
}

struct LangShared {
    strings: Value,
    site: Value,
    /// The front page's children: page, its link, its link marked current.
    top: Vec<(PageId, Value, Value)>,
    /// The generated sections in the menu: address, link, link marked current.
    sections: Vec<(Address, Value, Value)>,
}

impl Shared {
    /// The shared frame values of every language of the site.
    pub(crate) fn new(site: &Site, theme: &Theme, routes: &Routes) -> Shared {
        let langs = site
            .config
            .languages
            .iter()
            .map(|lang| (lang.clone(), LangShared::new(site, theme, routes, lang)))
            .collect();
        Shared { langs }
    }
}

impl LangShared {
    fn new(site: &Site, theme: &Theme, routes: &Routes, lang: &str) -> LangShared {
        let both = |link: &dyn Fn(bool) -> Link| {
            (
                Value::from_serializable(&link(false)),
                Value::from_serializable(&link(true)),
            )
        };
        let mut top = site.children("", lang).to_vec();
        if top.is_empty() {
            top = site.children("", site.config.default_language()).to_vec();
        }
        // A superseded document stays on the front page and in its successor's links, but
        // does not hold a menu slot equal to the current ones.
        let superseded = |c: &PageId| {
            site.document_of(*c).is_some_and(|d| {
                d.status == Some(crate::model::content::document::DocStatus::Superseded)
            })
        };
        let top = top
            .into_iter()
            .filter(|c| !superseded(c))
            .map(|c| {
                let (off, on) =
                    both(&|current| link_to(site, &theme.strings[lang], c, lang, current));
                (c, off, on)
            })
            .collect();
        let sections = routes
            .nav(lang)
            .map(|section| {
                let (off, on) = both(&|current| Link {
                    title: Html::text(&word(&theme.strings[lang], section.nav.unwrap_or_default())),
                    current,
                    href: section.path.href(),
                    hreflang: None,
                });
                (section.path.clone(), off, on)
            })
            .collect();
        LangShared {
            strings: Value::from_serializable(&theme.strings[lang]),
            site: Value::from_serializable(&site_view(site, routes, lang)),
            top,
            sections,
        }
    }
}

/// The site's title, links and contacts as the pages of `lang` show them.
fn site_view<'a>(site: &'a Site, routes: &Routes, lang: &str) -> SiteView<'a> {
    let default = site.config.default_language();
    let title = site.config.title.get(lang, default);
    let contact = site.config.contact.as_ref();
    let href_of = |route: Route| routes.get(&route, Some(lang)).map(|e| e.path.href());
    let static_href = |file: &str| routes.addresses.file(file).href();
    SiteView {
        name: super::html::written(&title.text, &title.lang, lang),
        title: title.text,
        base_path: &site.config.base_path,
        home_href: routes.addresses.home(lang).href(),
        feed_href: routes.addresses.feed(lang).href(),
        css: vec![
            static_href("css/kertomus.css"),
            static_href("css/syntax.css"),
        ],
        print_css: static_href("css/print.css"),
        favicon: static_href("favicon.svg"),
        statement_href: href_of(Route::single(SinglePage::Statement)).unwrap_or_default(),
        search_href: href_of(Route::single(SinglePage::Search)),
        contact_name: contact.map(|c| c.name.get(lang, default).text),
        contact_email: contact.and_then(|c| c.email.clone()),
        contact_phone: contact.and_then(|c| c.phone.clone()),
    }
}

/// What every template gets: language, strings, site, navigation, language versions.
/// `current` is the content page being rendered, if the entry shows one.
pub(super) fn common(
    input: Input<'_>,
    entry: &Entry,
    lang: &str,
    current: Option<PageId>,
) -> Context {
    let Input {
        site,
        routes,
        frame,
        ..
    } = input;
    let shared = &frame.langs[lang];
    let mut ctx = Context::new();
    // Only the front page links to the region-wide views: no scan of the table elsewhere.
    if entry.path == routes.addresses.prefix(lang) {
        let regions: Vec<String> = routes
            .entries()
            .iter()
            .filter(|e| {
                matches!(
                    e.route,
                    Route::Generated(Generated::Plan {
                        page: PlanPage::Region,
                        ..
                    })
                ) && e.lang.as_deref() == Some(lang)
            })
            .map(|e| e.path.href())
            .collect();
        ctx.insert("region_hrefs", &regions);
    }
    ctx.insert("lang", lang);
    ctx.insert_value("t", shared.strings.clone());
    ctx.insert_value("site", shared.site.clone());
    ctx.insert("canonical", &entry.path.permalink());
    let ancestors: Vec<PageId> = current.map(|i| site.ancestors(i)).unwrap_or_default();
    ctx.insert_value("nav", nav(site, shared, entry, current, &ancestors));
    let breadcrumbs: Vec<Link> = ancestors
        .iter()
        .map(|&a| link_to(site, &input.theme.strings[lang], a, lang, false))
        .collect();
    ctx.insert("breadcrumbs", &breadcrumbs);
    ctx.insert("alternates", &alternates(input, entry, lang));
    ctx.insert("owner", &owner(input, entry, lang));
    ctx
}

/// The organisation whose document (or plan) the page belongs to, when that is not the
/// site's own: a county's site that publishes its municipalities' plans must not present
/// them as its own, so the frame names their author.
fn owner(input: Input<'_>, entry: &Entry, lang: &str) -> Option<Html> {
    let (site, model) = (input.site, input.view.model);
    let id = match entry.route {
        Route::Page(i) | Route::Print(i) => {
            let doc = site.document_for_chapter(i).unwrap_or(i);
            site.document_of(doc)?.organisation.clone()
        }
        Route::Generated(Generated::Plan { plan, .. }) => {
            plan.of(model.plans)?.organisation.clone()
        }
        // What is not a plan's own page is the site's.
        Route::Pdf(_)
        | Route::FallbackFront
        | Route::NotFound
        | Route::Alias { .. }
        | Route::IndicatorCsv(_)
        | Route::Generated(
            Generated::Indicators(_) | Generated::Register(_) | Generated::Single(_),
        )
        | Route::Feed
        | Route::Sitemap
        | Route::Robots
        | Route::OpenData(_)
        | Route::Pagefind
        | Route::Static => None,
    }?;
    if site.config.organisation.as_deref() == Some(id.as_str()) {
        return None;
    }
    let name = model.organisation_name(&id)?;
    Some(super::html::tx(name, lang, site.config.default_language()))
}

/// The main menu: the front page's children, then the generated sections the site has; the
/// one the page is in is marked current.
fn nav(
    site: &Site,
    shared: &LangShared,
    entry: &Entry,
    current: Option<PageId>,
    ancestors: &[PageId],
) -> Value {
    let in_section =
        |c: PageId| Some(c) == current || ancestors.iter().any(|&a| site[a].key == site[c].key);
    let pick = |on: bool, off: &Value, on_value: &Value| if on { on_value } else { off }.clone();
    let top = shared
        .top
        .iter()
        .map(|(c, off, on)| pick(in_section(*c), off, on));
    let sections = shared
        .sections
        .iter()
        .map(|(path, off, on)| pick(entry.path.is_within(path), off, on));
    Value::from(top.chain(sections).collect::<Vec<Value>>())
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
            let strings = &theme.strings[l.as_str()];
            let peer = routes.peer(entry, l);
            // Without a version in `l`, the switch leads to that language's front page and
            // says so, in that language: "Svenska startsidan (sidan finns bara på finska)".
            let missing = peer.is_none() && l != lang;
            let name = word(
                strings,
                if missing {
                    "home_in_language"
                } else {
                    "language_name"
                },
            );
            let only_in = missing.then(|| {
                format!(
                    "{} {}",
                    word(strings, "page_only"),
                    word(strings, &format!("in_lang_{lang}"))
                )
            });
            let target = peer
                .or_else(|| routes.front(l))
                .map_or_else(|| routes.addresses.home(l), |e| e.path.clone());
            Alternate {
                lang: l.clone(),
                name,
                href: target.href(),
                permalink: target.permalink(),
                current: l == lang,
                translated: peer.is_some(),
                only_in,
            }
        })
        .collect()
}

/// The front page's link, for breadcrumbs.
pub(super) fn front(input: Input<'_>, lang: &str) -> Vec<Link> {
    let site = input.site;
    site.find("", lang)
        .or_else(|| site.find("", site.config.default_language()))
        .map(|f| link_to(site, &input.theme.strings[lang], f, lang, false))
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
        input.routes.addresses.section(section, lang).href(),
    ));
    crumbs
}
