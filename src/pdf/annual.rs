//! The annual report in the PDF (the measures' status in the reported year, overall, by
//! organisation and goal by goal with what other plans contribute), and the parts it shares
//! with the plan: a goal's indicator table, a goal's measures as a table, one measure in full.

use super::document::Doc;
use super::errors::Origin;
use super::markup::{cell, escape, Markup, Table};
use super::plan::{indicator_list, terms};
use crate::model::content::document::RawDocument;
use crate::model::content::PageId;
use crate::model::plan::links::{self, GoalId};
use crate::model::plan::{MeasureRef, Plan};
use crate::render::plan::annual::AnnualView;

/// Which part of the annual report: the counts, which come right after the author's summary,
/// or the goal-by-goal details, which come after the chapters (as on the printable page).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    Summary,
    Details,
}

/// A part of the annual report's section of a `vuosiraportti` document.
pub(crate) fn write(doc: &mut Doc<'_>, page: PageId, raw: &RawDocument, part: Part) {
    let cx = doc.cx;
    let p = &cx.site[page];
    let (Some(year), Some(rel)) = (raw.year, raw.plan.as_deref()) else {
        return;
    };
    let dir = p.rel.parent().unwrap_or(std::path::Path::new(""));
    let key = crate::model::content::resolve_relative(dir, rel)
        .map(|d| crate::model::content::dir_key(&d))
        .unwrap_or_default();
    let Some(plan) = cx.view.model.plan_by_key(&key) else {
        return;
    };
    let lang = doc.m.lang.clone();
    let view = cx
        .view
        .annual_view(plan, year, &lang, raw.include_contributors);
    match part {
        Part::Summary => summary(doc, plan, &view),
        Part::Details => details(doc, plan, &view),
    }
}

/// The measures by status in the year and the year before, overall and by organisation.
fn summary<'a>(doc: &mut Doc<'a>, plan: &'a Plan, view: &AnnualView) {
    let cx = doc.cx;
    let (year, before) = (view.year, view.previous_year);
    let title = format!("{} {year}", doc.word("annual_summary"));
    doc.m.heading(1, |m| {
        m.text(&title);
    });
    let plan_url = cx.view.addresses.plan(plan, &doc.m.lang).permalink();
    doc.m
        .text(&doc.word("reported_plan"))
        .text(": ")
        .url(&plan_url)
        .par();
    let head = vec![
        cell(&doc.word("status")),
        before.to_string(),
        year.to_string(),
        cell(&doc.word("col_change")),
    ];
    let mut rows: Vec<Vec<String>> = view
        .summary
        .iter()
        .map(|r| {
            vec![
                cell(&r.label),
                r.before.to_string(),
                r.now.to_string(),
                cell(&r.change),
            ]
        })
        .collect();
    rows.push(vec![
        cell(&doc.word("total")),
        view.total.to_string(),
        view.total.to_string(),
        String::new(),
    ]);
    let caption = doc
        .word("annual_counts_caption")
        .replace("{year}", &year.to_string())
        .replace("{previous}", &before.to_string());
    Table::numeric(4, true).write(&mut doc.m, Some(&escape(&caption)), &head, &rows);
    if view.contributors && !view.by_organisation.is_empty() {
        by_organisation(doc, view, year);
    }
}

/// Each focus area's goals with their indicators, measures and contributors.
fn details<'a>(doc: &mut Doc<'a>, plan: &'a Plan, view: &AnnualView) {
    let cx = doc.cx;
    let year = view.year;
    let title = doc.word("annual_details");
    doc.m.heading(1, |m| {
        m.text(&title);
    });
    for (fi, fa) in plan.focus_areas.iter().enumerate() {
        doc.m.heading(2, |m| {
            m.tx(&fa.title, cx.site.config.default_language());
        });
        for (gi, g) in fa.goals.iter().enumerate() {
            doc.map
                .mark(doc.m.out.len(), Origin::Plan { plan, at: g.at });
            doc.m.heading(3, |m| {
                m.tx(&g.title, cx.site.config.default_language());
            });
            doc.goal_indicators(plan, g, Some(year));
            doc.measures_table(plan, g, Some(year));
            if view.contributors {
                let id = cx.view.model.plan_index(plan).map(|p| GoalId {
                    plan: p,
                    focus_area: fi,
                    goal: gi,
                });
                contributors(doc, id, year);
            }
        }
    }
}

fn by_organisation(doc: &mut Doc<'_>, view: &AnnualView, year: i32) {
    let mut head = vec![cell(&doc.word("annual_organisation"))];
    head.extend(view.statuses.iter().map(|(_, label)| cell(label)));
    head.push(cell(&doc.word("measure_not_reported")));
    head.push(cell(&doc.word("total")));
    let rows: Vec<Vec<String>> = view
        .by_organisation
        .iter()
        .map(|o| {
            let mut row = vec![doc.plan_organisation(o.plan)];
            row.extend(o.counts.iter().map(ToString::to_string));
            row.push(o.not_reported.to_string());
            row.push(o.total.to_string());
            row
        })
        .collect();
    let caption = escape(&format!("{} {year}", doc.word("annual_by_organisation")));
    Table::numeric(head.len(), true).write(&mut doc.m, Some(&caption), &head, &rows);
}

/// The measures of other plans that serve goal `id`, with their status in `year`.
fn contributors(doc: &mut Doc<'_>, id: Option<GoalId>, year: i32) {
    let region = doc.cx.view.model.region;
    let measures = id
        .map(|g| region.links.contributing_measures(region.plans, g))
        .unwrap_or_default();
    if measures.is_empty() {
        doc.m.text(&doc.word("annual_no_contributors")).par();
        return;
    }
    let mut head = [
        "measures_title",
        "annual_organisation",
        "status",
        "status",
        "annual_note",
    ]
    .map(|k| cell(&doc.word(k)))
    .to_vec();
    doc.year_heads(&mut head[2..4], year);
    let default = doc.default_lang();
    let rows: Vec<Vec<String>> = measures
        .iter()
        .map(|(g, mi)| {
            let (_, _, goal) = links::goal(region.plans, *g);
            let me = &goal.measures[*mi];
            let mut title = Markup::new(&doc.m.lang);
            title.tx(&me.title, default);
            let (before, status, note) = doc.status_in(me, year);
            vec![
                title.out,
                doc.plan_organisation(g.plan),
                before,
                status,
                note,
            ]
        })
        .collect();
    let caption = escape(&format!(
        "{} {year}",
        doc.word("annual_contributors_caption")
    ));
    Table::text(5, true).write(&mut doc.m, Some(&caption), &head, &rows);
}

/// One measure in full: what it is, who does it with whom, and how it went each year.
pub(crate) fn measure(doc: &mut Doc<'_>, plan: &Plan, m: MeasureRef<'_>) {
    let default = doc.default_lang();
    let lang = doc.m.lang.clone();
    let me = m.measure;
    let v = doc.cx.view.measure_view(plan, m, &lang, None);
    doc.m.heading(4, |mk| {
        mk.tx(&me.title, default);
    });
    if let Some(d) = &me.description {
        doc.yaml_markdown(d);
    }
    let responsible = if me.responsible.is_empty() {
        cell(&doc.word("measure_no_responsible"))
    } else {
        doc.organisations(&me.responsible)
    };
    let mut facts = vec![(cell(&doc.word("measure_responsible")), responsible)];
    if !me.partners.is_empty() {
        facts.push((
            cell(&doc.word("measure_partners")),
            doc.organisations(&me.partners),
        ));
    }
    let mut scope = v.scope.clone();
    if v.statutory {
        scope = format!("{scope}, {}", doc.word("measure_statutory"));
    }
    facts.push((cell(&doc.word("measure_scope")), cell(&scope)));
    if let Some(s) = &v.schedule {
        facts.push((cell(&doc.word("measure_schedule")), cell(s)));
    }
    let kind: Vec<String> = v
        .work_type
        .iter()
        .chain(v.maturity.iter())
        .cloned()
        .collect();
    if !kind.is_empty() {
        facts.push((cell(&doc.word("measure_type")), cell(&kind.join(", "))));
    }
    let indicators = if me.indicators.is_empty() {
        cell(&doc.word("measure_no_indicators"))
    } else {
        indicator_list(
            doc,
            me.indicators.iter().map(|i| (i.id.as_str(), Some(i.kind))),
        )
    };
    facts.push((cell(&doc.word("measure_indicators")), indicators));
    let status = match &v.status {
        Some(s) => format!("{} {}", s.label, s.year),
        None => doc.word("measure_not_reported"),
    };
    facts.push((cell(&doc.word("status")), cell(&status)));
    terms(&mut doc.m, &facts);
    if me.progress.is_empty() {
        return;
    }
    let title = doc.word("measure_progress");
    doc.m.raw("#strong[").text(&title).raw("]\n#list(");
    for ((year, p), sv) in me.progress.iter().zip(&v.progress) {
        doc.m.raw("[").text(&format!("{year}: {}", sv.label));
        if let Some(n) = &p.note {
            doc.m.text(" – ").tx(n, default);
        }
        doc.m.raw("], ");
    }
    doc.m.raw(")\n\n");
}
