//! Machine-readable outputs: `sitemap.xml` with language alternates (an index of several such
//! files for a site of more than 50,000 pages), `robots.txt` naming it,
//! and an Atom feed per language of documents and dated pages. Written directly rather than
//! through templates: their shape is fixed by the standards, not by the theme.

use crate::base::escape::escape as escape_xml;
use crate::model::content::PageId;
use crate::routes::{Address, Addresses, Route, Routes, SITEMAP};
use crate::site::Site;
use std::fmt::Write as _;

/// The most URLs one sitemap file may list (the sitemaps protocol's limit).
pub(crate) const URLS_PER_FILE: usize = 50_000;

/// `sitemap.xml` and the files it indexes, as (path, text): one list of every page when they
/// fit in one file, else an index of lists of at most [`URLS_PER_FILE`] each
/// (`sitemap-1.xml`, …), which `sitemap.xml` (named in robots.txt) lists.
pub(crate) fn sitemaps(site: &Site, routes: &Routes) -> Vec<(Address, String)> {
    let urls = urls(site, routes);
    let sitemap = routes.addresses.file(SITEMAP);
    if urls.len() <= URLS_PER_FILE {
        return vec![(sitemap, urlset(&urls))];
    }
    let parts: Vec<(Address, String)> = urls
        .chunks(URLS_PER_FILE)
        .enumerate()
        .map(|(n, chunk)| (routes.addresses.sitemap_part(n + 1), urlset(chunk)))
        .collect();
    let mut index = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (path, _) in &parts {
        let _ = writeln!(
            index,
            "  <sitemap>\n    <loc>{}</loc>\n  </sitemap>",
            escape_xml(&path.permalink())
        );
    }
    index.push_str("</sitemapindex>\n");
    std::iter::once((sitemap, index)).chain(parts).collect()
}

/// One sitemap file listing `urls`.
fn urlset(urls: &[String]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for url in urls {
        out.push_str(url);
    }
    out.push_str("</urlset>\n");
    out
}

/// The `<url>` element of every page the route table marks for the sitemap: generated pages
/// first (by address), then content pages with their translations as alternates.
fn urls(site: &Site, routes: &Routes) -> Vec<String> {
    let mut entries: Vec<(&Address, PageId)> = Vec::new();
    let mut extra: Vec<&Address> = Vec::new();
    for e in routes.entries().iter().filter(|e| e.sitemap) {
        if let Route::Page(i) = e.route {
            entries.push((&e.path, i));
        } else {
            extra.push(&e.path);
        }
    }
    entries.sort();
    extra.sort_unstable();
    let mut out = Vec::with_capacity(entries.len() + extra.len());
    for path in extra {
        out.push(format!(
            "  <url>\n    <loc>{}</loc>\n  </url>\n",
            escape_xml(&path.permalink())
        ));
    }
    for (path, i) in entries {
        let p = &site[i];
        let mut url = format!(
            "  <url>\n    <loc>{}</loc>\n",
            escape_xml(&path.permalink())
        );
        if let Some(d) = p.front.updated.as_ref().or(p.front.date.as_ref()) {
            let _ = writeln!(url, "    <lastmod>{}</lastmod>", d.iso());
        }
        let translations = site.translations(i);
        if translations.len() > 1 {
            for t in translations {
                let tp = &site[t];
                let _ = writeln!(
                    url,
                    "    <xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>",
                    tp.lang,
                    escape_xml(&tp.path.permalink())
                );
            }
        }
        url.push_str("  </url>\n");
        out.push(url);
    }
    out
}

pub(crate) fn robots(addresses: &Addresses) -> String {
    format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}\n",
        addresses.file(SITEMAP).permalink()
    )
}

/// Atom feed of one language: documents and pages with a `date`, newest first. The feed's
/// own `updated` is its newest entry's, so the same content gives the same bytes.
pub(crate) fn atom(site: &Site, lang: &str, feed_title: &str, addresses: &Addresses) -> String {
    let mut entries: Vec<PageId> = site
        .enumerate()
        .filter(|(i, p)| {
            p.lang == lang
                && (p.front.date.is_some() || (p.is_index && site.document_of(*i).is_some()))
        })
        .map(|(i, _)| i)
        .collect();
    // Published: the page's date, or its document's approval or last handling step;
    // updated: its `updated`, else the same.
    let published = |i: PageId| {
        site[i].front.date.or_else(|| {
            let doc = site.document_of(i)?;
            doc.approval
                .as_ref()
                .map(|a| a.date)
                .or_else(|| doc.handling.last().map(|h| h.date))
        })
    };
    let stamp = |i: PageId| site[i].front.updated.or(published(i));
    entries.sort_by(|&a, &b| {
        stamp(b)
            .cmp(&stamp(a))
            .then(site[a].path.cmp(&site[b].path))
    });
    let self_url = addresses.feed(lang).permalink();
    let updated = entries
        .iter()
        .filter_map(|&i| stamp(i))
        .max()
        .map(|d| d.rfc3339())
        .unwrap_or_else(|| "1970-01-01T00:00:00+00:00".into());
    let mut out = String::new();
    let _ = write!(
        out,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{lang}\">\n  <title>{}</title>\n  <link rel=\"self\" href=\"{}\"/>\n  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n  <id>{}</id>\n  <updated>{updated}</updated>\n  <author><name>{}</name></author>\n",
        escape_xml(feed_title),
        escape_xml(&self_url),
        escape_xml(&addresses.home(lang).permalink()),
        escape_xml(&self_url),
        escape_xml(feed_title),
    );
    for i in entries {
        let p = &site[i];
        let url = p.path.permalink();
        let when = stamp(i)
            .map(|d| d.rfc3339())
            .unwrap_or_else(|| updated.clone());
        let _ = write!(
            out,
            "  <entry>\n    <title>{}</title>\n    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n    <id>{}</id>\n    <published>{}</published>\n    <updated>{when}</updated>\n",
            escape_xml(&p.title),
            escape_xml(&url),
            escape_xml(&url),
            published(i).map_or_else(|| when.clone(), |d| d.rfc3339()),
        );
        if let Some(d) = &p.front.description {
            let _ = writeln!(out, "    <summary>{}</summary>", escape_xml(d));
        }
        out.push_str("  </entry>\n");
    }
    out.push_str("</feed>\n");
    out
}
