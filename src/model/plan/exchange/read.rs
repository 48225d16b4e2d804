//! plan.json → the model: the plans of a pulled file (spec §13.3) read into the same model as
//! the site's own plans, each id placed where it first stands in the file (for warnings). The
//! other direction is [`super::write`]; the two are kept side by side so that a field of the
//! format is read back as it is written.

use super::{GoalEntry, MeasureEntry, PlanEntry, PointEntry, Pulled};
use crate::base::dates::YearRange;
use crate::base::locate::{At, Source};
use crate::model::plan::{
    FocusArea, Gap, Goal, GoalIndicator, Measure, Origin, Plan, Target, YearValue,
};
use std::collections::HashMap;

/// Where each string of a JSON file first stands (after its opening quote), as written between
/// the quotes: read once per file, so that placing every id of a large pulled plan does not
/// search the file once per id.
pub(crate) struct Strings<'a>(HashMap<&'a str, usize>);

impl<'a> Strings<'a> {
    pub(crate) fn new(text: &'a str) -> Strings<'a> {
        let bytes = text.as_bytes();
        let mut first = HashMap::new();
        let mut i = 0;
        while let Some(open) = bytes[i..].iter().position(|&b| b == b'"').map(|p| i + p) {
            let mut end = open + 1;
            while end < bytes.len() && bytes[end] != b'"' {
                end += if bytes[end] == b'\\' { 2 } else { 1 };
            }
            let end = end.min(bytes.len());
            if let Some(s) = text.get(open + 1..end) {
                first.entry(s).or_insert(open + 1);
            }
            i = end + 1;
            if i >= bytes.len() {
                break;
            }
        }
        Strings(first)
    }

    /// The place of `needle` (a string of the file) in the file, for warnings.
    fn at(&self, needle: &str) -> At {
        At {
            file: 0,
            offset: self.0.get(needle).copied().unwrap_or(0),
        }
    }
}

fn targets(strings: &Strings<'_>, written: &[String]) -> Vec<Target> {
    written
        .iter()
        .filter_map(|w| {
            let (doc, goal) = w.split_once('#')?;
            Some(Target {
                document: doc.trim_end_matches('/').to_string(),
                goal: goal.to_string(),
                at: strings.at(w),
            })
        })
        .collect()
}

fn url(written: Option<&str>) -> Option<crate::base::url::Url> {
    written.and_then(|u| crate::base::url::Url::parse(u).ok())
}

pub(crate) fn plan(e: PlanEntry, source: &Source, strings: &Strings<'_>, pulled: &Pulled) -> Plan {
    let focus_areas = e
        .focus_areas
        .into_iter()
        .map(|fa| FocusArea {
            id: fa.id,
            title: fa.title,
            kind: fa.kind,
            summary: fa.summary,
            gaps: fa
                .gaps
                .into_iter()
                .map(|g| Gap {
                    at: strings.at(&g.id),
                    ..g
                })
                .collect(),
            goals: fa.goals.into_iter().map(|g| goal(g, strings)).collect(),
        })
        .collect();
    Plan {
        doc_path: format!("{}/", e.document.trim_end_matches('/')),
        doc_key: e.document,
        period: e.period.as_deref().and_then(|p| YearRange::parse(p).ok()),
        organisation: e.organisation,
        title: e.title,
        origin: Some(Origin {
            source: pulled.from.clone(),
            fetched: pulled.date.clone(),
            url: url(e.url.as_deref()),
        }),
        sources: vec![source.clone()],
        focus_areas,
    }
}

fn point(p: Option<&PointEntry>) -> Option<YearValue> {
    p.map(|p| YearValue {
        year: p.year,
        value: p.value,
    })
}

fn region(p: Option<&PointEntry>) -> Option<crate::model::regions::RegionRef> {
    p.and_then(|p| p.region.as_deref())
        .and_then(|r| crate::model::regions::RegionRef::parse(r).ok())
}

fn goal(g: GoalEntry, strings: &Strings<'_>) -> Goal {
    Goal {
        at: strings.at(&g.id),
        contributes_to: targets(strings, &g.contributes_to),
        remote: url(g.url.as_deref()),
        id: g.id,
        title: g.title,
        description: g.description,
        gap: g.gap,
        target_year: g.target_year,
        shared_with: g.shared_with,
        indicators: g
            .indicators
            .into_iter()
            .map(|i| GoalIndicator {
                baseline: point(i.baseline.as_ref()),
                target: point(i.target.as_ref()),
                baseline_region: region(i.baseline.as_ref()),
                target_region: region(i.target.as_ref()),
                id: i.id,
                kind: i.kind,
            })
            .collect(),
        measures: g
            .measures
            .into_iter()
            .map(|m| measure(m, strings))
            .collect(),
    }
}

fn measure(m: MeasureEntry, strings: &Strings<'_>) -> Measure {
    Measure {
        at: strings.at(&m.id),
        contributes_to: targets(strings, &m.contributes_to),
        remote: url(m.url.as_deref()),
        id: m.id,
        title: m.title,
        description: m.description,
        responsible: m.responsible,
        partners: m.partners,
        scope: m.scope,
        statutory: m.statutory,
        work_type: m.work_type,
        maturity: m.maturity,
        schedule: m.schedule.as_deref().and_then(|s| YearRange::parse(s).ok()),
        indicators: m.indicators,
        progress: m.progress,
    }
}

#[cfg(test)]
mod tests {
    use super::Strings;

    /// Every string is placed where the first search for it, quoted, finds it.
    #[test]
    fn strings_are_placed_as_a_search_places_them() {
        let text = r#"{"plans": [{"id": "mt-1", "t": "a \"mt-2\" b", "m": ["mt-2", "mt-1", "ä#ö"]}], "x": "\\"}"#;
        let strings = Strings::new(text);
        for s in ["plans", "id", "mt-1", "mt-2", "ä#ö", "x"] {
            let found = text.find(&format!("\"{s}\"")).map_or(0, |i| i + 1);
            assert_eq!(strings.at(s).offset, found, "{s}");
        }
        assert_eq!(strings.at("absent").offset, 0);
        // An unterminated string at the end is not a problem either.
        assert_eq!(Strings::new(r#"{"a": "b"#).at("a").offset, 2);
    }
}
