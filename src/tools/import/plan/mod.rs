//! Tables that are the plan. A table whose header row names a goal and a measure column (the
//! headers the measures sheets take, content format §13.2, in Finnish, Swedish or English,
//! and their common singular and plural forms) becomes measures of the document's plan
//! instead of a Markdown table:
//!
//! - the table is a focus area, named after the heading above it; each distinct goal text is
//!   a goal of it (a goal cell merged over several rows is each row's goal);
//! - each row with a goal and a measure is a measure in `toimenpiteet.csv`, read through
//!   `measures_from` of the generated `plan.yaml`, so the plan builds at once;
//! - responsible parties, partners and indicators are matched to the site's organisations and
//!   indicators by id or name; a name the site does not know is kept in the measure's
//!   description and named for the author, and a measure with no known responsible party
//!   falls to the site's own organisation (site.yaml `organisation`), else it is not read;
//! - a schedule that is not a range of years and every other column go into the description;
//! - rows that could not be read stay on the page as a table below the plan, each named for
//!   the author with its row.

mod rows;
mod table;

use super::mdtext::tidy;
use std::collections::BTreeSet;

/// The file the measures are written to, beside plan.yaml.
pub(crate) const CSV: &str = "toimenpiteet.csv";

/// What a column of a plan table holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Col {
    Goal,
    Id,
    Title,
    Description,
    Responsible,
    Partners,
    Indicators,
    Schedule,
    Other,
}

/// Header forms Word tables use that the sheets do not: singulars and plurals.
const ALIASES: &[(&str, &str)] = &[
    ("tavoitteet", "tavoite"),
    ("toimenpiteet", "toimenpide"),
    ("vastuutahot", "vastuutaho"),
    ("vastuu", "vastuutaho"),
    ("mittari", "mittarit"),
    ("seurantamittari", "mittarit"),
    ("seurantamittarit", "mittarit"),
    ("arviointimittari", "mittarit"),
    ("arviointimittarit", "mittarit"),
    ("indikaattori", "mittarit"),
    ("indikaattorit", "mittarit"),
    ("yhteistyötaho", "yhteistyötahot"),
    ("kumppanit", "yhteistyötahot"),
    ("åtgärder", "åtgärd"),
    ("ansvar", "ansvarig"),
    ("ansvariga", "ansvarig"),
    ("indikator", "indikatorer"),
    ("mätare", "indikatorer"),
    ("goals", "goal"),
    ("measures", "measure"),
    ("indicator", "indicators"),
    ("responsible party", "responsible"),
    ("partner", "partners"),
];

pub(super) fn column(header: &str) -> Col {
    let mut h = header.to_lowercase();
    if let Some(i) = h.find('(') {
        h.truncate(i);
    }
    let h = tidy(&h);
    let h = h.trim().trim_end_matches([':', '.', '*']).trim();
    let h = ALIASES
        .iter()
        .find(|(from, _)| *from == h)
        .map_or(h, |(_, to)| *to);
    match crate::model::plan::finnish_header(h) {
        Some("tavoite") => Col::Goal,
        Some("tunnus") => Col::Id,
        Some("toimenpide") => Col::Title,
        Some("kuvaus") => Col::Description,
        Some("vastuutaho") => Col::Responsible,
        Some("yhteistyötahot") => Col::Partners,
        Some("mittarit") => Col::Indicators,
        Some("aikataulu") => Col::Schedule,
        _ => Col::Other,
    }
}

/// A focus area made from a table.
#[derive(Debug, Clone)]
pub(crate) struct FocusArea {
    pub id: String,
    pub title: String,
    /// Goals: id and title.
    pub goals: Vec<(String, String)>,
}

/// A measure row of the CSV.
#[derive(Debug, Clone, Default)]
pub(crate) struct Row {
    pub goal: String,
    pub id: String,
    pub title: String,
    pub responsible: Vec<String>,
    pub partners: Vec<String>,
    pub indicators: Vec<String>,
    pub schedule: String,
    pub description: String,
}

/// The plan gathered from every plan table of the document.
#[derive(Debug, Default)]
pub(crate) struct PlanBuilder {
    pub focus_areas: Vec<FocusArea>,
    pub rows: Vec<Row>,
    pub(super) ids: BTreeSet<String>,
}

impl PlanBuilder {
    /// A new id from `text`, unique in the plan.
    pub(super) fn id(&mut self, text: &str, fallback: &str) -> String {
        self.unique(super::pages::short_slug(text, fallback))
    }

    /// `base`, or `base-2`, `base-3`, … if it is taken.
    pub(super) fn unique(&mut self, base: String) -> String {
        let mut id = base.clone();
        let mut n = 1;
        while self.ids.contains(&id) {
            n += 1;
            id = format!("{base}-{n}");
        }
        self.ids.insert(id.clone());
        id
    }

    /// The goal titled `title` of the last focus area, made if new.
    pub(super) fn goal(&mut self, title: &str) -> String {
        let known = self.focus_areas.last().and_then(|fa| {
            fa.goals
                .iter()
                .find(|(_, t)| t.to_lowercase() == title.to_lowercase())
                .map(|(id, _)| id.clone())
        });
        if let Some(id) = known {
            return id;
        }
        let id = self.id(title, "tavoite");
        if let Some(fa) = self.focus_areas.last_mut() {
            fa.goals.push((id.clone(), title.to_string()));
        }
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_in_three_languages_with_word_forms() {
        assert_eq!(column("Tavoite"), Col::Goal);
        assert_eq!(column("Tavoitteet:"), Col::Goal);
        assert_eq!(column("MÅL"), Col::Goal);
        assert_eq!(column("Toimenpiteet"), Col::Title);
        assert_eq!(column("Vastuutaho(t)"), Col::Responsible);
        assert_eq!(column("Mittari"), Col::Indicators);
        assert_eq!(column("Seurantamittarit"), Col::Indicators);
        assert_eq!(column("Indicators"), Col::Indicators);
        assert_eq!(column("Aikataulu"), Col::Schedule);
        assert_eq!(column("Resurssit"), Col::Other);
    }
}
