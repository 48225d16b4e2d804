//! The files of the imported document, in memory: `index.md` with the document block and the
//! summary, a file per chapter, the images, and the plan (`plan.yaml`, `toimenpiteet.csv`)
//! when the document had plan tables. Every page lists what still needs a person in its
//! `todo:` front matter (in the site's language), which `kertomus check` reports.
//!
//! The front matter is written by hand, each text quoted as a JSON string (a valid YAML
//! double-quoted string), so that any title or item reads back as exactly what it was.

use super::markdown::Written;
use super::pages::Outline;
use super::plan::{PlanBuilder, CSV};
use crate::base::messages::{Lang, Msg};
use crate::msg;

/// A text as a YAML double-quoted string.
fn q(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".to_string())
}

/// The document block's fields the importer could fill, and what it could not.
pub(crate) struct DocumentBlock {
    pub kind: &'static str,
    pub organisation: Option<String>,
    pub council_term: Option<String>,
}

impl DocumentBlock {
    /// The block, with an item for each field the author must check or fill.
    pub(crate) fn new(
        outline: &Outline,
        plan: bool,
        organisation: Option<String>,
    ) -> (Self, Vec<Msg>) {
        let kind = if plan {
            "kertomus+suunnitelma"
        } else {
            "kertomus"
        };
        let council_term = year_range(&outline.title);
        let mut items = Vec::new();
        items.push(match &organisation {
            Some(id) => msg!("check the document's organisation (document.organisation): it is now {id}, the site's own", id = id.clone()),
            None => msg!("choose the document's organisation: add document.organisation, an id of content/data/organisations.yaml"),
        });
        items.push(match &council_term {
            Some(term) => msg!(
                "check the council term (document.council_term): {term} was read from the title",
                term = term.clone()
            ),
            None => msg!("add the council term (document.council_term), such as 2021-2025"),
        });
        items.push(msg!("check the document's type (document.type): it is now {kind}; the types are kertomus, suunnitelma, kertomus+suunnitelma and vuosiraportti", kind));
        if outline.title_from_heading {
            items.push(msg!("check the title: the document had no title of its own, so its first heading \"{title}\" became the title", title = outline.title.clone()));
        }
        if outline.chapters.is_empty() {
            items.push(msg!("the document has no headings, so all its text is on this page: divide it into chapters, a file for each"));
        }
        (
            DocumentBlock {
                kind,
                organisation,
                council_term,
            },
            items,
        )
    }
}

/// The first range of years in a text ("… 2021–2025" → `2021-2025`).
fn year_range(text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    for i in 0..chars.len() {
        let candidate: String = chars[i..].iter().take(11).collect();
        let year = |s: &str| s.len() == 4 && s.chars().all(|c| c.is_ascii_digit());
        let boundary = i == 0 || !chars[i - 1].is_ascii_digit();
        if let Some((a, b)) = candidate.split_once(['-', '–', '—']) {
            let (a, b) = (a.trim(), b.trim().get(..4).unwrap_or(""));
            if boundary && year(a) && year(b) && a < b {
                return Some(format!("{a}-{b}"));
            }
        }
    }
    None
}

/// The front matter of a page.
fn front_matter(
    title: &str,
    weight: Option<usize>,
    document: Option<&DocumentBlock>,
    todo: &[String],
) -> String {
    let mut out = format!("---\ntitle: {}\n", q(title));
    if let Some(w) = weight {
        out.push_str(&format!("weight: {w}\n"));
    }
    if let Some(d) = document {
        out.push_str(&format!("document:\n  type: {}\n", d.kind));
        if let Some(o) = &d.organisation {
            out.push_str(&format!("  organisation: {}\n", q(o)));
        }
        if let Some(t) = &d.council_term {
            out.push_str(&format!("  council_term: {t}\n"));
        }
        out.push_str("  status: draft\n");
    }
    if !todo.is_empty() {
        out.push_str("todo:\n");
        for t in todo {
            out.push_str(&format!("  - {}\n", q(t)));
        }
    }
    out.push_str("---\n");
    out
}

/// A page's file: front matter, a blank line, the body.
pub(crate) fn page(
    title: &str,
    weight: Option<usize>,
    document: Option<&DocumentBlock>,
    written: &Written,
    lang: Lang,
) -> Vec<u8> {
    let todo: Vec<String> = written.items.iter().map(|m| m.render(lang)).collect();
    let mut out = front_matter(title, weight, document, &todo);
    if !written.body.is_empty() {
        out.push('\n');
        out.push_str(&written.body);
    }
    out.into_bytes()
}

/// `plan.yaml`: the focus areas and goals, and the measures' sheet.
pub(crate) fn plan_yaml(plan: &PlanBuilder, source: &str, lang: Lang) -> Vec<u8> {
    let comment = msg!("Made by kertomus import from {source}: the plan tables' focus areas and goals. The measures are in {csv}.", source, csv = CSV).render(lang);
    // A file name may hold a line break: in a comment it would end the comment.
    let comment = comment.replace(char::is_control, " ");
    let mut out = format!("# {comment}\nmeasures_from:\n  - {CSV}\nfocus_areas:\n");
    for fa in &plan.focus_areas {
        out.push_str(&format!(
            "  - id: {}\n    title: {}\n    goals:\n",
            fa.id,
            q(&fa.title)
        ));
        for (id, title) in &fa.goals {
            out.push_str(&format!("      - id: {id}\n        title: {}\n", q(title)));
        }
    }
    out.into_bytes()
}

/// `toimenpiteet.csv`: one measure a row, with the sheets' Finnish headers.
pub(crate) fn plan_csv(plan: &PlanBuilder) -> Vec<u8> {
    let mut w = csv::WriterBuilder::new()
        .delimiter(b';')
        .from_writer(Vec::new());
    let header = [
        "tavoite",
        "tunnus",
        "toimenpide",
        "vastuutaho",
        "yhteistyötahot",
        "mittarit",
        "aikataulu",
        "kuvaus",
    ];
    let mut rows = vec![header.iter().map(|s| s.to_string()).collect::<Vec<_>>()];
    for r in &plan.rows {
        rows.push(vec![
            r.goal.clone(),
            r.id.clone(),
            r.title.clone(),
            r.responsible.join(", "),
            r.partners.join(", "),
            r.indicators.join(", "),
            r.schedule.clone(),
            r.description.clone(),
        ]);
    }
    for row in rows {
        // Writing into memory cannot fail.
        let _ = w.write_record(&row);
    }
    w.into_inner().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn council_term_from_the_title() {
        assert_eq!(
            year_range("Hyvinvointikertomus 2021–2025").as_deref(),
            Some("2021-2025")
        );
        assert_eq!(
            year_range("Kertomus 2021 - 2025").as_deref(),
            Some("2021-2025")
        );
        assert_eq!(year_range("Kertomus 12021-2025"), None);
        assert_eq!(year_range("Kertomus 2025"), None);
    }

    #[test]
    fn front_matter_quotes_every_text() {
        let fm = front_matter("A: \"b\" #c", Some(10), None, &["x: y".to_string()]);
        assert_eq!(
            fm,
            "---\ntitle: \"A: \\\"b\\\" #c\"\nweight: 10\ntodo:\n  - \"x: y\"\n---\n"
        );
    }

    #[test]
    fn a_line_break_in_the_file_name_stays_in_the_comment() {
        let yaml = plan_yaml(&PlanBuilder::default(), "a\nfocus_areas: x.docx", Lang::Fi);
        let yaml = String::from_utf8(yaml).unwrap();
        assert_eq!(yaml.lines().filter(|l| l.starts_with('#')).count(), 1);
        assert_eq!(yaml.matches("\nfocus_areas:").count(), 1, "{yaml}");
    }
}
