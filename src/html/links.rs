//! What a page links to and what it can be linked to at: every `href`, `src` and `srcset`
//! URL and every `id` (and `<a name>`), for the checks that each link leads somewhere.

use lol_html::{element, HtmlRewriter, Settings};
use std::cell::RefCell;
use std::collections::BTreeSet;

/// The links and link targets of one HTML file. Values are as written in the HTML (entities
/// not decoded; kertomus writes URLs without them but for `&amp;`).
#[derive(Debug, Default)]
pub(crate) struct Links {
    /// `href`, `src` and each URL of `srcset`, in document order.
    pub links: Vec<String>,
    /// `id`s and the `name`s of `<a>` elements.
    pub ids: BTreeSet<String>,
}

/// The links and ids of `html`.
pub(crate) fn links(html: &[u8]) -> Links {
    let links = RefCell::new(Vec::new());
    let ids = RefCell::new(BTreeSet::new());
    {
        let mut rewriter = HtmlRewriter::new(
            Settings::new().append_element_content_handler(element!("*", |el| {
                let mut links = links.borrow_mut();
                links.extend(["href", "src"].iter().filter_map(|a| el.get_attribute(a)));
                if let Some(v) = el.get_attribute("srcset") {
                    links.extend(
                        v.split(',')
                            .filter_map(|c| c.split_whitespace().next().map(str::to_string)),
                    );
                }
                let mut ids = ids.borrow_mut();
                ids.extend(el.get_attribute("id"));
                if el.tag_name() == "a" {
                    ids.extend(el.get_attribute("name"));
                }
                Ok(())
            })),
            |_: &[u8]| {},
        );
        // Nothing is written back: a parse error would only shorten the scan.
        let _ = rewriter.write(html);
        let _ = rewriter.end();
    }
    Links {
        links: links.into_inner(),
        ids: ids.into_inner(),
    }
}

#[cfg(test)]
mod tests {
    use super::links;

    #[test]
    fn links_and_ids() {
        let l = links(
            b"<a name=\"n\" href=\"/a/\">a</a><img src=\"k.png\" srcset=\"k1.png 1x, k2.png 2x\">\
              <h2 id=\"x\">x</h2>",
        );
        assert_eq!(l.links, ["/a/", "k.png", "k1.png", "k2.png"]);
        assert_eq!(l.ids.into_iter().collect::<Vec<_>>(), ["n", "x"]);
    }
}
