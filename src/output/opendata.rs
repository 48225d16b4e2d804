//! Open data of the plans: `/data/measures.csv`, one row per measure with every field and its
//! latest status, and `/data/plan.json`, the whole resolved plan (its entries made by
//! `model::plan::exchange::write`, with this site's addresses); and `/data/documents.json`,
//! every document with its PDF in each language.

use crate::base::text::enum_key;
use crate::model::data::SiteData;
use crate::model::plan::exchange as ex;
use crate::model::plan::{FocusArea, Goal, Measure, Plan, Scope};
use crate::routes::Addresses;

fn text(t: &crate::base::text::Text, d: &str) -> String {
    t.get(d, d).text
}

pub(crate) fn measures_csv(data: &SiteData<'_>) -> String {
    let d = data.config.default_language();
    let mut w = csv::WriterBuilder::new()
        .delimiter(b';')
        .from_writer(Vec::new());
    let _ = w.write_record([
        "plan",
        "focus_area",
        "goal",
        "measure",
        "title",
        "responsible",
        "partners",
        "scope",
        "statutory",
        "work_type",
        "maturity",
        "schedule",
        "indicators",
        "status_year",
        "status",
        "note",
        "organisation",
        "contributes_to",
    ]);
    for p in data.plans {
        for m in p.measures() {
            let me = m.measure;
            let latest = me.progress.iter().next_back();
            let _ = w.write_record([
                p.doc_key.as_str(),
                &m.focus_area.id,
                &m.goal.id,
                &me.id,
                &text(&me.title, d),
                &me.responsible.join(","),
                &me.partners.join(","),
                match me.scope {
                    Scope::Joint => "joint",
                    Scope::Own => "own",
                },
                if me.statutory { "true" } else { "false" },
                &me.work_type.map(|x| enum_key(&x)).unwrap_or_default(),
                &me.maturity.map(|x| enum_key(&x)).unwrap_or_default(),
                &me.schedule
                    .map(|s| format!("{}-{}", s.start, s.end))
                    .unwrap_or_default(),
                &me.indicators
                    .iter()
                    .map(|i| i.id.as_str())
                    .collect::<Vec<_>>()
                    .join(","),
                &latest.map(|(y, _)| y.to_string()).unwrap_or_default(),
                latest.map(|(_, s)| s.status.key()).unwrap_or_default(),
                &latest
                    .and_then(|(_, s)| s.note.as_ref())
                    .map(|n| text(n, d))
                    .unwrap_or_default(),
                p.organisation.as_deref().unwrap_or_default(),
                &targets(&m.goal.contributes_to)
                    .into_iter()
                    .chain(targets(&me.contributes_to))
                    .collect::<Vec<_>>()
                    .join(","),
            ]);
        }
    }
    let bytes = w.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

fn targets(ts: &[crate::model::plan::Target]) -> Vec<String> {
    ts.iter().map(crate::model::plan::Target::written).collect()
}

/// The plans in plan.json's format (version [`ex::FORMAT`]), with the absolute addresses of
/// their pages: another site's `kertomus pull plans` reads it back. Pulled plans are listed
/// with their `source`, so that pulling from this site takes only its own.
pub(crate) fn plan_json(data: &SiteData<'_>, a: &Addresses) -> String {
    let base = &data.config.base_url;
    let d = data.config.default_language();
    let pages = Pages { a, lang: d };
    let plans = data
        .region
        .plans
        .iter()
        .map(|p| ex::write::plan(p, &pages))
        .collect();
    let mut named: Vec<&str> = data
        .region
        .plans
        .iter()
        .filter(|p| p.origin.is_none())
        .flat_map(plan_organisations)
        .collect();
    named.sort_unstable();
    named.dedup();
    let organisations = named
        .into_iter()
        .filter_map(|id| data.organisations.get(id))
        .map(|o| ex::OrganisationEntry {
            id: o.id.clone(),
            kind: enum_key(&o.kind),
            name: o.name.clone(),
            region: o.region.as_ref().map(ToString::to_string),
        })
        .collect();
    let file = ex::PlanFile {
        format: ex::FORMAT,
        site: Some(ex::SiteInfo {
            title: data.config.title.get(d, d).text,
            base_url: base.clone(),
        }),
        organisations,
        plans,
        pulled: None,
    };
    let mut out = serde_json::to_string_pretty(&file).unwrap_or_default();
    out.push('\n');
    out
}

/// Every organisation a plan names: its own, the goals' and measures' parties.
fn plan_organisations(p: &Plan) -> Vec<&str> {
    let mut out: Vec<&str> = p.organisation.as_deref().into_iter().collect();
    for (_, g) in p.goals() {
        out.extend(g.shared_with.iter().map(String::as_str));
        for m in &g.measures {
            out.extend(m.responsible.iter().chain(&m.partners).map(String::as_str));
        }
    }
    out
}

/// The absolute addresses of this site's plan pages, for plan.json.
struct Pages<'a> {
    a: &'a Addresses,
    lang: &'a str,
}

impl ex::write::Pages for Pages<'_> {
    fn document(&self, plan: &Plan) -> String {
        self.a.content_page(&plan.doc_path).permalink()
    }

    fn goal(&self, plan: &Plan, fa: &FocusArea, goal: &Goal) -> String {
        self.a.goal(plan, fa, goal, self.lang).permalink()
    }

    fn measure(&self, plan: &Plan, fa: &FocusArea, measure: &Measure) -> String {
        self.a
            .focus_area(plan, fa, self.lang)
            .at(&measure.id)
            .permalink()
    }
}

/// `data/documents.json`: every document page (one per language it is written in) with its
/// type, status, address and PDF (address and size in bytes), for agenda systems and
/// archives that collect the files.
pub(crate) fn documents_json(
    site: &crate::site::Site,
    routes: &crate::routes::Routes,
    pdfs: &std::collections::HashMap<crate::model::content::PageId, Vec<u8>>,
) -> String {
    use crate::routes::Route;
    let documents: Vec<serde_json::Value> = routes
        .entries()
        .iter()
        .filter_map(|e| {
            if let Route::Pdf(i) = e.route {
                Some((i, e))
            } else {
                None
            }
        })
        .filter_map(|(i, e)| {
            let p = &site[i];
            let doc = site.document_of(i)?;
            Some(serde_json::json!({
                "document": p.key.trim_end_matches('/'),
                "type": doc.kind,
                "status": doc.status,
                "language": p.lang,
                "title": p.title,
                "url": p.path.permalink(),
                "pdf": {
                    "url": e.path.permalink(),
                    "bytes": pdfs.get(&i).map_or(0, Vec::len),
                },
            }))
        })
        .collect();
    let file = serde_json::json!({ "format": 1, "documents": documents });
    let mut out = serde_json::to_string_pretty(&file).unwrap_or_default();
    out.push('\n');
    out
}
