//! The rewrites that make a site page fit the printable document: a chapter's ids and in-page
//! links made unique within the document, its headings moved one level down and its links to
//! the document's other chapters made links within it, and the other links made absolute for
//! paper.

use lol_html::html_content::Element;
use lol_html::{element, rewrite_str, RewriteStrSettings};

/// Attributes that name other elements by id (a chart's `aria-labelledby` names its title).
const ID_REFERENCES: [&str; 5] = [
    "aria-labelledby",
    "aria-describedby",
    "aria-controls",
    "for",
    "headers",
];

/// A chapter's body for the printable page: every `id`, in-page link (`href="#…"`) and
/// reference to an id gets `prefix` (several chapters may each have a heading "Johdanto"),
/// headings `h2`–`h5` go one level down, below the chapter's own title, and a link to a
/// chapter of the same document leads to it on paper: `chapters` holds each chapter's link
/// (`/hyte/kertomus/02-luku/`) and the id of its section (`luku-2`), and
/// `/hyte/kertomus/02-luku/#tulokset` becomes `#luku-2-tulokset`.
pub(crate) fn chapter(html: &str, prefix: &str, chapters: &[(String, String)]) -> String {
    let settings = RewriteStrSettings::new()
        .append_element_content_handler(element!("[id]", |el| {
            prefix_attribute(el, "id", "", prefix);
            Ok(())
        }))
        .append_element_content_handler(element!("[href^='#']", |el| {
            prefix_attribute(el, "href", "#", prefix);
            Ok(())
        }))
        .append_element_content_handler(element!(
            "[aria-labelledby], [aria-describedby], [aria-controls], [for], [headers]",
            |el| {
                for name in ID_REFERENCES {
                    prefix_references(el, name, prefix);
                }
                Ok(())
            }
        ))
        .append_element_content_handler(element!("[href]", |el| {
            if let Some(local) = el
                .get_attribute("href")
                .and_then(|h| in_document(&h, chapters))
            {
                el.set_attribute("href", &local)?;
            }
            Ok(())
        }))
        .append_element_content_handler(element!("h2, h3, h4, h5", |el| {
            let level = el.tag_name()[1..].parse::<u8>().unwrap_or(5);
            el.set_tag_name(&format!("h{}", level + 1))?;
            Ok(())
        }));
    // The rewriter fails only on a selector it cannot parse or output it cannot encode, and
    // these are fixed and UTF-8: the chapter as it is would then be the safe fallback.
    rewrite_str(html, settings).unwrap_or_else(|_| html.to_string())
}

/// `html` with the links inside `<main>` that start with the site's `base_path` written from
/// `base_url` instead: on paper "/hyte-neuvottelukunta/" leads nowhere, and print stylesheets
/// show a link's full address. The site's frame (stylesheets, scripts) stays as it is.
pub(crate) fn absolute_links(html: &str, base_path: &str, base_url: &str) -> String {
    let settings =
        RewriteStrSettings::new().append_element_content_handler(element!("main [href]", |el| {
            let href = el.get_attribute("href");
            if let Some(rest) = href.as_deref().and_then(|h| h.strip_prefix(base_path)) {
                el.set_attribute("href", &format!("{base_url}{rest}"))?;
            }
            Ok(())
        }));
    rewrite_str(html, settings).unwrap_or_else(|_| html.to_string())
}

/// Where a link to a chapter of the same document leads in the printed document.
fn in_document(href: &str, chapters: &[(String, String)]) -> Option<String> {
    let (page, fragment) = href.split_once('#').unwrap_or((href, ""));
    let (_, id) = chapters.iter().find(|(link, _)| link == page)?;
    Some(match fragment {
        "" => format!("#{id}"),
        f => format!("#{id}-{f}"),
    })
}

/// Puts `prefix` after `after` (the `#` of an in-page link) at the start of an attribute.
fn prefix_attribute(el: &mut Element<'_, '_>, name: &str, after: &str, prefix: &str) {
    if let Some(value) = el.get_attribute(name) {
        let rest = value.strip_prefix(after).unwrap_or(&value);
        // Setting a valid attribute name cannot fail.
        let _ = el.set_attribute(name, &format!("{after}{prefix}{rest}"));
    }
}

/// Puts `prefix` before each id of a list of ids (`aria-labelledby="t d"`).
fn prefix_references(el: &mut Element<'_, '_>, name: &str, prefix: &str) {
    if let Some(value) = el.get_attribute(name) {
        let ids: Vec<String> = value
            .split_whitespace()
            .map(|id| format!("{prefix}{id}"))
            .collect();
        let _ = el.set_attribute(name, &ids.join(" "));
    }
}

#[cfg(test)]
mod tests {
    use super::{absolute_links, chapter};

    #[test]
    fn a_chapter_gets_its_own_ids_and_lower_headings() {
        let html = "<h2 id=\"johdanto\">Johdanto</h2>\n<p><a href=\"#johdanto\">ylös</a> \
                    <a href=\"/muu/\">muu</a></p><h5>x</h5>";
        assert_eq!(
            chapter(html, "luku-2-", &[]),
            "<h3 id=\"luku-2-johdanto\">Johdanto</h3>\n<p><a href=\"#luku-2-johdanto\">ylös</a> \
             <a href=\"/muu/\">muu</a></p><h6>x</h6>"
        );
    }

    #[test]
    fn a_chart_keeps_its_name() {
        let html = "<svg aria-labelledby=\"k-t k-d\"><title id=\"k-t\">T</title>\
                    <desc id=\"k-d\">D</desc></svg>";
        assert_eq!(
            chapter(html, "luku-1-", &[]),
            "<svg aria-labelledby=\"luku-1-k-t luku-1-k-d\"><title id=\"luku-1-k-t\">T</title>\
             <desc id=\"luku-1-k-d\">D</desc></svg>"
        );
    }

    #[test]
    fn links_to_chapters_of_the_document_stay_in_it() {
        let chapters = [("/k/02-luku/".to_string(), "luku-2".to_string())];
        let html = "<a href=\"/k/02-luku/\">2</a><a href=\"/k/02-luku/#tulokset\">t</a>\
                    <a href=\"/muu/\">m</a>";
        assert_eq!(
            chapter(html, "luku-1-", &chapters),
            "<a href=\"#luku-2\">2</a><a href=\"#luku-2-tulokset\">t</a><a href=\"/muu/\">m</a>"
        );
    }

    #[test]
    fn links_in_main_become_absolute_and_the_frame_stays() {
        let html = "<link href=\"/hyte/tyyli.css\"><main><a href=\"/hyte/sivu/\">s</a> \
                    <a href=\"https://thl.fi/\">t</a></main>";
        assert_eq!(
            absolute_links(html, "/hyte/", "https://kunta.fi/hyte/"),
            "<link href=\"/hyte/tyyli.css\"><main><a href=\"https://kunta.fi/hyte/sivu/\">s</a> \
             <a href=\"https://thl.fi/\">t</a></main>"
        );
    }
}
