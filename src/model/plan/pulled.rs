//! Plans pulled from other kertomus sites (spec §13.3, `kertomus pull plans`): the plan.json
//! files under `content/data/plans/`, read into the same model as the site's own plans, with
//! their [`Origin`]. They were validated by the site that wrote them; here only the format's
//! version, the JSON and the document keys are checked.

use super::exchange::{self, PlanFile};
use super::{FocusArea, Gap, Goal, GoalIndicator, Measure, Origin, Plan, Target, YearValue};
use crate::base::dates::YearRange;
use crate::base::diagnostics::Diagnostic;
use crate::base::locate::{At, Source};
use crate::base::text::Text;
use crate::msg;
use std::collections::HashMap;
use std::path::Path;

/// The folder under `content/` that pulled plan files live in.
pub(crate) const PULLED_DIR: &str = "data/plans";

/// The pulled plans, in file-name order, and the organisations their files name. `local`
/// holds the document keys of the site's own plan documents: a pulled plan may not take one.
pub(crate) fn load(
    content: &Path,
    local: &[&str],
    diags: &mut Vec<Diagnostic>,
) -> (Vec<Plan>, Vec<exchange::OrganisationEntry>) {
    let dir = content.join(PULLED_DIR);
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .map(|r| {
            r.filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".json") && !n.starts_with('.'))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    let mut plans: Vec<Plan> = Vec::new();
    let mut orgs = Vec::new();
    for name in names {
        let rel = Path::new(PULLED_DIR).join(&name);
        let source = match crate::base::locate::read(content, &rel) {
            Ok(Some(s)) => s,
            Ok(None) => continue,
            Err(d) => {
                diags.push(d);
                continue;
            }
        };
        let Some(file) = parse(&source, diags) else {
            continue;
        };
        orgs.extend(file.organisations.iter().cloned());
        let strings = Strings::new(&source.text);
        let pulled = file.pulled.clone().unwrap_or_else(|| exchange::Pulled {
            from: rel.display().to_string(),
            date: String::new(),
        });
        for entry in file.plans.into_iter().filter(|p| p.source.is_none()) {
            let name = entry.document.trim_end_matches('/');
            let taken = local.iter().any(|k| k.trim_end_matches('/') == name)
                || plans.iter().any(|p| p.document_name() == name);
            if taken {
                let offset = source.text.find(&entry.document).unwrap_or(0);
                diags.push(
                    source
                        .error(offset, msg!("the pulled plan `{doc}` has the key of another plan document of this site", doc = entry.document))
                        .with_hint(msg!("two plans cannot share a document folder name; rename one of the documents, or delete this file")),
                );
                continue;
            }
            plans.push(plan(entry, &source, &strings, &pulled));
        }
    }
    (plans, orgs)
}

/// The file as plan.json, refusing a format newer than this version reads.
fn parse(source: &Source, diags: &mut Vec<Diagnostic>) -> Option<PlanFile> {
    let file: PlanFile = match serde_json::from_str(&source.text) {
        Ok(f) => f,
        Err(e) => {
            diags.push(
                Diagnostic::at_line_col(
                    source.path.clone(),
                    &source.text,
                    e.line(),
                    e.column(),
                    msg!("not a plan.json file: {e}", e = e.to_string()),
                )
                .with_hint(msg!(
                    "pull it again with kertomus pull plans, or delete the file"
                )),
            );
            return None;
        }
    };
    if file.format > exchange::FORMAT {
        diags.push(
            source
                .error(source.text.find("\"format\"").unwrap_or(0), msg!("plan.json format {n} is newer than this version of kertomus reads (format {known})", n = file.format, known = exchange::FORMAT))
                .with_hint(msg!("update kertomus")),
        );
        return None;
    }
    Some(file)
}

/// Where each string of a JSON file first stands (after its opening quote), as written between
/// the quotes: read once per file, so that placing every id of a large pulled plan does not
/// search the file once per id.
struct Strings<'a>(HashMap<&'a str, usize>);

impl<'a> Strings<'a> {
    fn new(text: &'a str) -> Strings<'a> {
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

fn plan(
    e: exchange::PlanEntry,
    source: &Source,
    strings: &Strings<'_>,
    pulled: &exchange::Pulled,
) -> Plan {
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

fn point(p: Option<&exchange::PointEntry>) -> Option<YearValue> {
    p.map(|p| YearValue {
        year: p.year,
        value: p.value,
    })
}

fn region(p: Option<&exchange::PointEntry>) -> Option<crate::model::regions::RegionRef> {
    p.and_then(|p| p.region.as_deref())
        .and_then(|r| crate::model::regions::RegionRef::parse(r).ok())
}

fn goal(g: exchange::GoalEntry, strings: &Strings<'_>) -> Goal {
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

fn measure(m: exchange::MeasureEntry, strings: &Strings<'_>) -> Measure {
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

/// The name of organisation `id` as a pulled file gives it, when the site's own
/// organisations.yaml does not know it.
pub(crate) fn organisation_name<'a>(
    pulled: &'a [exchange::OrganisationEntry],
    id: &str,
) -> Option<&'a Text> {
    pulled.iter().find(|o| o.id == id).map(|o| &o.name)
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
