//! Stacked horizontal bars of shares (measures by status, answers by option), drawn with HTML
//! and CSS rather than SVG: labels are page text that wraps at 320 px, and each segment has a
//! pattern as well as a colour so categories differ without colour. The drawing is hidden from
//! assistive technology; the figure's description and the table after it carry the numbers.

use super::esc;
use crate::base::numbers;

pub(crate) struct StackedRow {
    pub label: String,
    pub counts: Vec<u32>,
}

pub(crate) struct Stacked<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub lang: &'a str,
    /// Category names, in segment order.
    pub categories: Vec<String>,
    /// A stylesheet class per category (`st-done`), where categories have a meaning of their
    /// own that the whole site draws alike (measure statuses); empty: patterns in order.
    pub classes: Vec<String>,
    pub rows: Vec<StackedRow>,
    /// Heads of the table's first column (the rows', or in the survey layout the
    /// categories') and of the total column.
    pub row_head: &'a str,
    pub total_head: &'a str,
    /// Rows without counts, drawn with a note instead of a bar (a survey group with only
    /// published figures), so that no group silently disappears.
    pub uncounted: Vec<(String, String)>,
    /// The name of the table's scrolling region; several charts on one page need their own.
    pub label: &'a str,
    /// Survey layout: a 0–100 % scale and each row's shares under its bar, and the table with
    /// one category per row (long option texts read badly as column heads).
    pub survey: bool,
}

/// Number of segment patterns in the stylesheet (`.seg-0` … `.seg-7`).
const PATTERNS: usize = 8;

impl Stacked<'_> {
    /// The pattern class of category `i`.
    fn class(&self, i: usize) -> String {
        match self.classes.get(i) {
            Some(c) => c.clone(),
            None => format!("seg-{}", i % PATTERNS),
        }
    }

    fn percent(&self, count: u32, total: u32) -> String {
        if total == 0 {
            return "–".into();
        }
        format!(
            "{} %",
            numbers::format(f64::from(count) * 100.0 / f64::from(total), 0, self.lang)
        )
    }

    /// "HVA: Kyllä 2 (67 %), En osaa sanoa 1 (33 %). …" for the figure's description.
    pub(crate) fn description(&self) -> String {
        let rows: Vec<String> = self
            .rows
            .iter()
            .map(|r| {
                let total: u32 = r.counts.iter().sum();
                let parts: Vec<String> = r
                    .counts
                    .iter()
                    .zip(&self.categories)
                    .filter(|(c, _)| **c > 0)
                    .map(|(c, name)| format!("{name} {c} ({})", self.percent(*c, total)))
                    .collect();
                format!("{}: {}", r.label, parts.join(", "))
            })
            .chain(
                self.uncounted
                    .iter()
                    .map(|(l, note)| format!("{l}: {note}")),
            )
            .collect();
        rows.join(". ") + "."
    }

    /// The chart as markup for a page.
    pub(crate) fn render(&self) -> crate::base::escape::Html {
        crate::base::escape::Html::trusted(self.markup())
    }

    fn markup(&self) -> String {
        let mut out = format!(
            "<figure class=\"stacked\" id=\"{}\">\n<figcaption>{}</figcaption>\n<ul class=\"stacked-legend\" aria-hidden=\"true\">",
            esc(self.id),
            esc(self.title)
        );
        for (i, c) in self.categories.iter().enumerate() {
            out.push_str(&format!(
                "<li><span class=\"seg {}\"></span>{}</li>",
                self.class(i),
                esc(c)
            ));
        }
        out.push_str("</ul>\n<div class=\"stacked-rows\" aria-hidden=\"true\">\n");
        for r in &self.rows {
            let total: u32 = r.counts.iter().sum();
            out.push_str(&format!(
                "<div class=\"stacked-row\"><span class=\"stacked-label\">{}</span><span class=\"stacked-bar\">",
                esc(&r.label)
            ));
            for (i, c) in r.counts.iter().enumerate().filter(|(_, c)| **c > 0) {
                let share = f64::from(*c) * 100.0 / f64::from(total.max(1));
                out.push_str(&format!(
                    "<span class=\"seg {}\" style=\"width: {share:.2}%\"></span>",
                    self.class(i)
                ));
            }
            out.push_str("</span>");
            if self.survey {
                out.push_str(&self.shares_line(r, total));
            }
            out.push_str("</div>\n");
        }
        for (label, note) in &self.uncounted {
            out.push_str(&format!(
                "<div class=\"stacked-row\"><span class=\"stacked-label\">{}</span><span class=\"stacked-note\">{}</span></div>\n",
                esc(label),
                esc(note)
            ));
        }
        if self.survey {
            out.push_str(
                "<div class=\"stacked-row stacked-scale\"><span></span><span class=\"scale\">",
            );
            for t in [0, 25, 50, 75, 100] {
                out.push_str(&format!("<span style=\"left: {t}%\">{t} %</span>"));
            }
            out.push_str("</span></div>\n");
        }
        out.push_str("</div>\n");
        out.push_str(&format!(
            "<p class=\"visually-hidden\">{}</p>\n",
            esc(&self.description())
        ));
        out.push_str(&if self.survey {
            self.table_by_category()
        } else {
            self.table_by_row()
        });
        out.push_str("</figure>\n");
        out
    }

    /// "Kyllä 67 % · En osaa sanoa 33 %" under a survey bar.
    fn shares_line(&self, r: &StackedRow, total: u32) -> String {
        let parts: Vec<String> = r
            .counts
            .iter()
            .zip(&self.categories)
            .filter(|(c, _)| **c > 0)
            .map(|(c, name)| format!("{} {}", esc(name), self.percent(*c, total)))
            .collect();
        format!(
            "<span class=\"stacked-values\">{}</span>",
            parts.join(" · ")
        )
    }

    fn table_open(&self, first_head: &str) -> String {
        format!(
            "<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"{}\">\n<table>\n<caption>{}</caption>\n<thead><tr><th scope=\"col\">{}</th>",
            esc(self.label),
            esc(self.title),
            esc(first_head)
        )
    }

    /// One row per chart row, a column per category and the total.
    fn table_by_row(&self) -> String {
        let mut out = self.table_open(self.row_head);
        for c in &self.categories {
            out.push_str(&format!(
                "<th scope=\"col\" class=\"align-right\">{}</th>",
                esc(c)
            ));
        }
        out.push_str(&format!(
            "<th scope=\"col\" class=\"align-right\">{}</th></tr></thead>\n<tbody>\n",
            esc(self.total_head)
        ));
        for r in &self.rows {
            let total: u32 = r.counts.iter().sum();
            out.push_str(&format!("<tr><th scope=\"row\">{}</th>", esc(&r.label)));
            for c in &r.counts {
                out.push_str(&format!(
                    "<td class=\"align-right\">{c} ({})</td>",
                    self.percent(*c, total)
                ));
            }
            out.push_str(&format!("<td class=\"align-right\">{total}</td></tr>\n"));
        }
        out.push_str("</tbody>\n</table>\n</div>\n");
        out
    }

    /// One row per category (a survey's options), a column per chart row (group), the totals
    /// last.
    fn table_by_category(&self) -> String {
        let mut out = self.table_open(self.row_head);
        for r in &self.rows {
            out.push_str(&format!(
                "<th scope=\"col\" class=\"align-right\">{}</th>",
                esc(&r.label)
            ));
        }
        out.push_str("</tr></thead>\n<tbody>\n");
        let totals: Vec<u32> = self.rows.iter().map(|r| r.counts.iter().sum()).collect();
        for (i, c) in self.categories.iter().enumerate() {
            out.push_str(&format!("<tr><th scope=\"row\">{}</th>", esc(c)));
            for (r, total) in self.rows.iter().zip(&totals) {
                let n = r.counts.get(i).copied().unwrap_or(0);
                out.push_str(&format!(
                    "<td class=\"align-right\">{n} ({})</td>",
                    self.percent(n, *total)
                ));
            }
            out.push_str("</tr>\n");
        }
        out.push_str(&format!(
            "<tr><th scope=\"row\">{}</th>",
            esc(self.total_head)
        ));
        for total in &totals {
            out.push_str(&format!("<td class=\"align-right\">{total}</td>"));
        }
        out.push_str("</tr>\n</tbody>\n</table>\n</div>\n");
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_in_words_table_and_bars() {
        let s = Stacked {
            classes: Vec::new(),
            uncounted: Vec::new(),
            survey: false,
            label: "Vastausten jakauma",
            id: "q1",
            title: "Q1",
            lang: "fi",
            categories: vec!["Kyllä".into(), "Ei".into(), "En osaa sanoa".into()],
            rows: vec![StackedRow {
                label: "HVA".into(),
                counts: vec![2, 0, 1],
            }],
            row_head: "Ryhmä",
            total_head: "Yhteensä",
        };
        assert_eq!(
            s.description(),
            "HVA: Kyllä 2 (67 %), En osaa sanoa 1 (33 %)."
        );
        let html = s.render();
        assert!(html.contains("<span class=\"seg seg-0\" style=\"width: 66.67%\"></span><span class=\"seg seg-2\" style=\"width: 33.33%\"></span>"));
        assert!(html.contains("<tr><th scope=\"row\">HVA</th><td class=\"align-right\">2 (67 %)</td><td class=\"align-right\">0 (0 %)</td>"));
        assert_eq!(html.matches("aria-hidden=\"true\"").count(), 2);
    }
}
