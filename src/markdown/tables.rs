//! Tables: each is wrapped in a focusable, labelled region (so a wide table scrolls by
//! keyboard inside a narrow screen), and aligned columns get `align-*` classes where
//! pulldown-cmark would write inline styles, which the site's style policy leaves out.

use super::renderer::Renderer;
use crate::base::escape::escape;
use pulldown_cmark::{Alignment, Event, Tag, TagEnd};

/// Where the renderer is inside a table: the columns' alignments, whether in the head row,
/// and the next cell's column.
#[derive(Default)]
pub(super) struct TableState {
    aligns: Vec<Alignment>,
    in_head: bool,
    column: usize,
    /// How many headings the page had at the last table, and how many tables came after the
    /// last of them: the second table under one heading is named "… (2)".
    under_heading: (usize, usize),
}

impl<'a> Renderer<'_, '_, 'a> {
    pub(super) fn open_table(&mut self, aligns: Vec<Alignment>) {
        let label = escape(&self.table_name());
        self.generate(format!(
            "<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"{label}\">"
        ));
        // pulldown-cmark writes no alignment when it is told of none; the cells get classes.
        let none = vec![Alignment::None; aligns.len()];
        self.table = TableState {
            aligns,
            under_heading: self.table.under_heading,
            ..TableState::default()
        };
        self.events.push(Event::Start(Tag::Table(none)));
    }

    /// The table's region name, unique on the page: "Taulukko: " and the heading above it, and
    /// "(2)", "(3)" … after further tables under the same heading ("Taulukko" alone gave every
    /// table of a page one name, so a screen reader's list of regions could not tell them apart).
    fn table_name(&mut self) -> String {
        let word = &self.env.labels.table;
        let headings = self.out.headings.len();
        let (seen, count) = &mut self.table.under_heading;
        if *seen == headings {
            *count += 1;
        } else {
            (*seen, *count) = (headings, 1);
        }
        let count = *count;
        let name = match self.out.headings.last() {
            Some(h) => format!("{word}: {}", h.text),
            None => word.clone(),
        };
        if count > 1 {
            format!("{name} ({count})")
        } else {
            name
        }
    }

    pub(super) fn close_table(&mut self) {
        self.events.push(Event::End(TagEnd::Table));
        self.generate("</div>".into());
    }

    /// The head row, and each row of the body, start from the first column.
    pub(super) fn table_row(&mut self, event: Event<'a>, in_head: bool) {
        self.table.in_head = in_head;
        self.table.column = 0;
        self.events.push(event);
    }

    /// A cell: pulldown-cmark's own when its column is not aligned, else one with a class.
    pub(super) fn open_cell(&mut self) {
        let class = match self.table.aligns.get(self.table.column) {
            Some(Alignment::Left) => Some("left"),
            Some(Alignment::Center) => Some("center"),
            Some(Alignment::Right) => Some("right"),
            _ => None,
        };
        self.table.column += 1;
        match class {
            Some(a) => {
                let cell = if self.table.in_head { "th" } else { "td" };
                // Written as the cell's own tag, not a placeholder: on a page with the
                // author's HTML the sanitizer reads it, and text between a row and its cells
                // would be moved out of the table.
                let tag = format!("<{cell} class=\"align-{a}\">");
                self.events.push(Event::Html(tag.into()));
            }
            None => self.events.push(Event::Start(Tag::TableCell)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::md;

    #[test]
    fn aligned_columns_get_classes_in_head_and_body() {
        let out = md("| a | b | c |\n|:--|:-:|---|\n| 1 | 2 | 3 |\n");
        let head = "<thead><tr><th class=\"align-left\">a</th><th class=\"align-center\">b</th><th>c</th></tr></thead>";
        let body =
            "<tr><td class=\"align-left\">1</td><td class=\"align-center\">2</td><td>3</td></tr>";
        assert!(out.html.contains(head), "{}", out.html);
        assert!(out.html.contains(body), "{}", out.html);
        assert!(!out.html.contains("style="), "{}", out.html);
    }

    #[test]
    fn every_table_of_a_page_has_a_name_of_its_own() {
        let table = "| a | b |\n|---|---|\n| 1 | 2 |\n\n";
        let out = md(&format!(
            "{table}## Väestö\n\n{table}{table}## Talous\n\n{table}"
        ));
        let names: Vec<&str> = out
            .html
            .split("aria-label=\"")
            .skip(1)
            .map(|s| &s[..s.find('"').unwrap()])
            .collect();
        assert_eq!(
            names,
            [
                "Taulukko",
                "Taulukko: Väestö",
                "Taulukko: Väestö (2)",
                "Taulukko: Talous"
            ]
        );
    }
}
