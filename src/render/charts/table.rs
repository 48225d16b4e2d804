//! The data table that follows every chart: the same numbers, readable by everyone, collapsed
//! in a `<details>` so the page stays short.

use super::{esc, Labels};

/// A table cell: a formatted number, or missing.
pub(crate) type Cell = Option<String>;

/// A chart's table: its caption, column heads and rows (each with its head and cells).
pub(crate) type Data = (String, Vec<String>, Vec<(String, Vec<Cell>)>);

/// `<details>` with a captioned table; `columns[0]` heads the row-header column.
pub(crate) fn details(
    caption: &str,
    columns: &[String],
    rows: &[(String, Vec<Cell>)],
    labels: &Labels,
) -> String {
    let mut out = format!(
        "<details class=\"chart-table\">\n<summary>{}</summary>\n<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"{}\">\n<table>\n<caption>{}</caption>\n<thead><tr>",
        esc(&labels.show_table),
        esc(caption),
        esc(caption)
    );
    for (i, c) in columns.iter().enumerate() {
        let class = if i == 0 { "" } else { " class=\"align-right\"" };
        out.push_str(&format!("<th scope=\"col\"{class}>{}</th>", esc(c)));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for (head, cells) in rows {
        out.push_str(&format!("<tr><th scope=\"row\">{}</th>", esc(head)));
        for cell in cells {
            match cell {
                Some(v) => out.push_str(&format!("<td class=\"align-right\">{}</td>", esc(v))),
                None => out.push_str(&format!(
                    "<td class=\"align-right missing\"><span aria-hidden=\"true\">–</span><span class=\"visually-hidden\">{}</span></td>",
                    esc(&labels.missing)
                )),
            }
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n</div>\n</details>\n");
    out
}
