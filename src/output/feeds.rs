//! Machine-readable outputs: `sitemap.xml` with language alternates, `robots.txt` naming it,
//! and an Atom feed per language of documents and dated pages. Written directly rather than
//! through templates: their shape is fixed by the standards, not by the theme.

use crate::escape::escape as escape_xml;
use crate::routes::{Route, Routes};
use crate::site::Site;
use std::fmt::Write as _;

/// Every page the route table marks for the sitemap: generated pages first (by address), then
/// content pages with their translations as alternates.
pub(crate) fn sitemap(site: &Site, routes: &Routes) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    let mut entries: Vec<(String, usize)> = Vec::new();
    let mut extra: Vec<&str> = Vec::new();
    for e in routes.entries().iter().filter(|e| e.sitemap) {
        match e.route {
            Route::Page(i) => entries.push((e.path.clone(), i)),
            _ => extra.push(&e.path),
        }
    }
    entries.sort();
    extra.sort_unstable();
    for path in extra {
        let _ = writeln!(
            out,
            "  <url>\n    <loc>{}</loc>\n  </url>",
            escape_xml(&site.permalink(path))
        );
    }
    for (path, i) in entries {
        let p = &site.pages[i];
        let _ = writeln!(
            out,
            "  <url>\n    <loc>{}</loc>",
            escape_xml(&site.permalink(&path))
        );
        if let Some(d) = p.front.updated.as_ref().or(p.front.date.as_ref()) {
            let _ = writeln!(out, "    <lastmod>{}</lastmod>", d.iso());
        }
        let translations = site.translations(i);
        if translations.len() > 1 {
            for t in translations {
                let tp = &site.pages[t];
                let _ = writeln!(
                    out,
                    "    <xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>",
                    tp.lang,
                    escape_xml(&site.permalink(&tp.path))
                );
            }
        }
        out.push_str("  </url>\n");
    }
    out.push_str("</urlset>\n");
    out
}

pub(crate) fn robots(site: &Site) -> String {
    format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}\n",
        site.permalink("sitemap.xml")
    )
}

/// Atom feed of one language: documents and pages with a `date`, newest first. The feed's
/// own `updated` is its newest entry's, so the same content gives the same bytes.
pub(crate) fn atom(site: &Site, lang: &str, feed_title: &str, feed_path: &str) -> String {
    let mut entries: Vec<usize> = site
        .pages
        .iter()
        .enumerate()
        .filter(|(i, p)| {
            p.lang == lang
                && (p.front.date.is_some() || (p.is_index && site.document_of(*i).is_some()))
        })
        .map(|(i, _)| i)
        .collect();
    // Published: the page's date, or its document's approval or last handling step;
    // updated: its `updated`, else the same.
    let published = |i: usize| {
        site.pages[i].front.date.or_else(|| {
            let doc = site.document_of(i)?;
            doc.approval
                .as_ref()
                .map(|a| a.date)
                .or_else(|| doc.handling.last().map(|h| h.date))
        })
    };
    let stamp = |i: usize| site.pages[i].front.updated.or(published(i));
    entries.sort_by(|&a, &b| {
        stamp(b)
            .cmp(&stamp(a))
            .then(site.pages[a].path.cmp(&site.pages[b].path))
    });
    let prefix = site.config.lang_prefix(lang);
    let self_url = site.permalink(feed_path);
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
        escape_xml(&site.permalink(&prefix)),
        escape_xml(&self_url),
        escape_xml(feed_title),
    );
    for i in entries {
        let p = &site.pages[i];
        let url = site.permalink(&p.path);
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
