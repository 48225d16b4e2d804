//! Column labels on table cells, so that a table can be laid out as stacked rows on a narrow
//! screen with each cell's column named beside it (`td::before { content: attr(data-label) }`
//! in the theme), while the table keeps its semantics for screen readers. Done once over the
//! rendered page, so every table gets them: the theme's, the charts', the authors' Markdown
//! tables and a site's own templates alike.

use lol_html::{element, end_tag, text, HtmlRewriter, Settings};
use std::cell::RefCell;
use std::rc::Rc;

/// One table being read: its column heads, whether the reader is in its `<thead>`, and the
/// column the next cell of the current row starts in.
#[derive(Default)]
struct Table {
    heads: Vec<String>,
    in_head: bool,
    column: usize,
}

/// `html` with `data-label="<column head>"` on every body cell of a table that has a
/// `<thead>`, unless the cell spans columns or has a label already. Pages without a table are
/// returned as they are.
pub(crate) fn label_cells(html: Vec<u8>) -> Vec<u8> {
    if !html.windows(6).any(|w| w == b"<table") {
        return html;
    }
    // Shared with the end-tag handlers, which must own what they hold.
    let tables: Rc<RefCell<Vec<Table>>> = Rc::default();
    let mut out = Vec::with_capacity(html.len() + html.len() / 16);
    let settings = Settings::new()
        .append_element_content_handler(element!("table", |el| {
            tables.borrow_mut().push(Table::default());
            let tables = Rc::clone(&tables);
            el.on_end_tag(end_tag!(move |_| {
                tables.borrow_mut().pop();
                Ok(())
            }))
        }))
        .append_element_content_handler(element!("thead", |el| {
            set_in_head(&tables, true);
            let tables = Rc::clone(&tables);
            el.on_end_tag(end_tag!(move |_| {
                set_in_head(&tables, false);
                Ok(())
            }))
        }))
        .append_element_content_handler(element!("tr", |_| {
            if let Some(t) = tables.borrow_mut().last_mut() {
                t.column = 0;
            }
            Ok(())
        }))
        .append_element_content_handler(element!("td, th", |el| {
            let span = el
                .get_attribute("colspan")
                .and_then(|s| s.trim().parse::<usize>().ok())
                .unwrap_or(1)
                .max(1);
            let mut tables = tables.borrow_mut();
            let Some(t) = tables.last_mut() else {
                return Ok(());
            };
            if t.in_head {
                // A head spanning columns names each of them.
                t.heads.push(String::new());
                t.heads
                    .extend(std::iter::repeat_n(SPANNED.to_string(), span - 1));
                return Ok(());
            }
            let label = t
                .heads
                .get(..=t.column)
                .and_then(|heads| heads.iter().rev().find(|h| h.as_str() != SPANNED))
                .map(|h| squash(h));
            t.column += span;
            let is_row_head = el.tag_name() == "th";
            if let Some(label) = label.filter(|l| !l.is_empty()) {
                if span == 1 && !is_row_head && !el.has_attribute("data-label") {
                    el.set_attribute("data-label", &label)?;
                }
            }
            Ok(())
        }))
        .append_element_content_handler(text!("thead th", |chunk| {
            let mut tables = tables.borrow_mut();
            if let Some(t) = tables.last_mut() {
                // The text belongs to the last head that is not a spanned copy.
                if let Some(h) = t.heads.iter_mut().rev().find(|h| h.as_str() != SPANNED) {
                    h.push_str(chunk.as_str());
                }
            }
            Ok(())
        }));
    let mut rewriter = HtmlRewriter::new(settings, |c: &[u8]| out.extend_from_slice(c));
    // The page is the build's own, valid UTF-8 HTML; the rewriter fails only on a handler's
    // error, and then the page goes out unlabelled rather than not at all.
    if rewriter.write(&html).and_then(|()| rewriter.end()).is_err() {
        return html;
    }
    out
}

/// A column covered by the head before it (`colspan`).
const SPANNED: &str = "\u{0}";

fn set_in_head(tables: &RefCell<Vec<Table>>, on: bool) {
    if let Some(t) = tables.borrow_mut().last_mut() {
        t.in_head = on;
    }
}

/// A head's text on one line.
fn squash(head: &str) -> String {
    head.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::label_cells;

    fn run(html: &str) -> String {
        String::from_utf8(label_cells(html.as_bytes().to_vec())).unwrap()
    }

    #[test]
    fn body_cells_are_named_by_their_column() {
        let html = "<table><thead><tr><th scope=\"col\">Toimenpide</th><th>Tila &amp; <abbr>huomio</abbr></th></tr></thead>\
            <tbody><tr><th scope=\"row\">A</th><td>käynnissä</td></tr><tr><td>B</td><td data-label=\"oma\">x</td></tr></tbody></table>";
        assert_eq!(
            run(html),
            "<table><thead><tr><th scope=\"col\">Toimenpide</th><th>Tila &amp; <abbr>huomio</abbr></th></tr></thead>\
            <tbody><tr><th scope=\"row\">A</th><td data-label=\"Tila &amp; huomio\">käynnissä</td></tr><tr><td data-label=\"Toimenpide\">B</td><td data-label=\"oma\">x</td></tr></tbody></table>"
        );
    }

    #[test]
    fn spans_and_nested_tables_keep_their_columns() {
        let html = "<table><thead><tr><th colspan=\"2\">Arvo</th><th>\"Vuosi\"</th></tr></thead><tbody>\
            <tr><td>1</td><td>2</td><td>3</td></tr><tr><td colspan=\"3\">ei tietoa</td></tr></tbody></table>";
        let out = run(html);
        assert!(out.contains("<td data-label=\"Arvo\">1</td><td data-label=\"Arvo\">2</td><td data-label=\"&quot;Vuosi&quot;\">3</td>"), "{out}");
        assert!(out.contains("<td colspan=\"3\">ei tietoa</td>"), "{out}");
        let nested = "<table><thead><tr><th>A</th></tr></thead><tbody><tr><td><table><thead><tr><th>B</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table></td></tr></tbody></table>";
        let out = run(nested);
        assert!(out.contains("<td data-label=\"A\"><table>"), "{out}");
        assert!(out.contains("<td data-label=\"B\">1</td>"), "{out}");
    }

    #[test]
    fn pages_without_tables_are_untouched() {
        let html = "<p>Ei taulukkoa & <b>muuta</b></p>";
        assert_eq!(run(html), html);
    }
}
