//! Open data of the plans: `/data/measures.csv`, one row per measure with every field and its
//! latest status, and `/data/plan.json`, the whole resolved plan.

use crate::data::SiteData;
use crate::plan::{Plan, Scope};
use crate::text::enum_key;
use serde_json::{json, Value};

fn text(t: &crate::text::Text, d: &str) -> String {
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
            ]);
        }
    }
    let bytes = w.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

fn texts(t: &crate::text::Text) -> Value {
    match t {
        crate::text::Text::Plain(s) => Value::String(s.clone()),
        crate::text::Text::ByLang(m) => json!(m),
    }
}

fn plan_value(p: &Plan) -> Value {
    let opt = |t: &Option<crate::text::Text>| t.as_ref().map(texts);
    json!({
        "document": p.doc_path,
        "period": p.period.map(|x| format!("{}-{}", x.start, x.end)),
        "focus_areas": p.focus_areas.iter().map(|fa| json!({
            "id": fa.id,
            "title": texts(&fa.title),
            "kind": fa.kind,
            "summary": opt(&fa.summary),
            "gaps": fa.gaps.iter().map(|g| json!({
                "id": g.id, "title": texts(&g.title), "description": opt(&g.description),
                "target_groups": g.target_groups.iter().map(texts).collect::<Vec<_>>(),
                "indicators": g.indicators,
            })).collect::<Vec<_>>(),
            "goals": fa.goals.iter().map(|g| json!({
                "id": g.id, "title": texts(&g.title), "description": opt(&g.description),
                "gap": g.gap, "target_year": g.target_year, "shared_with": g.shared_with,
                "indicators": g.indicators.iter().map(|i| json!({
                    "id": i.id, "kind": i.kind,
                    "baseline": i.baseline.map(|b| json!({"year": b.year, "value": b.value,
                        "region": i.baseline_region.as_ref().map(ToString::to_string)})),
                    "target": i.target.map(|b| json!({"year": b.year, "value": b.value,
                        "region": i.target_region.as_ref().map(ToString::to_string)})),
                })).collect::<Vec<_>>(),
                "measures": g.measures.iter().map(|m| json!({
                    "id": m.id, "title": texts(&m.title), "description": opt(&m.description),
                    "responsible": m.responsible, "partners": m.partners, "scope": m.scope,
                    "statutory": m.statutory, "work_type": m.work_type, "maturity": m.maturity,
                    "schedule": m.schedule.map(|s| format!("{}-{}", s.start, s.end)),
                    "indicators": m.indicators.iter().map(|i| json!({"id": i.id, "kind": i.kind})).collect::<Vec<_>>(),
                    "progress": m.progress.iter().map(|(y, s)| (y.to_string(), json!({"status": s.status, "note": opt(&s.note)}))).collect::<serde_json::Map<_, _>>(),
                })).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    })
}

pub(crate) fn plan_json(data: &SiteData<'_>) -> String {
    let plans: Vec<Value> = data.plans.iter().map(plan_value).collect();
    let mut out = serde_json::to_string_pretty(&json!({ "plans": plans })).unwrap_or_default();
    out.push('\n');
    out
}
