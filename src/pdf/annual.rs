//! The annual report in the PDF (the measures' status in the reported year, overall, by
//! organisation and goal by goal with what other plans contribute), and the parts it shares
//! with the plan: a goal's indicator table, a goal's measures as a table, one measure in full.

use super::document::Doc;
use super::errors::Origin;
use super::markup::{cell, escape, Markup, Table};
use super::plan::{indicator_list, terms};
use crate::content::document::RawDocument;
use crate::plan::links::{self, GoalId};
use crate::plan::{Goal, MeasureRef, Plan};
use crate::render::plan::annual::AnnualView;

/// Which part of the annual report: the counts, which come right after the author's summary,
/// or the goal-by-goal details, which come after the chapters (as on the printable page).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    Summary,
    Details,
}

/// A part of the annual report's section of a `vuosiraportti` document.
pub(crate) fn write(doc: &mut Doc<'_>, page: usize, raw: &RawDocument, part: Part) {
    let cx = doc.cx;
    let p = &cx.site.pages[page];
    let (Some(year), Some(rel)) = (raw.year, raw.plan.as_deref()) else {
        return;
    };
    let dir = p.rel.parent().unwrap_or(std::path::Path::new(""));
    let key = crate::content::resolve_relative(dir, rel)
        .map(|d| crate::content::dir_key(&d))
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
    let plan_url = format!(
        "{}{}",
        cx.site.config.base_url,
        cx.view.addresses.plan(plan, &doc.m.lang)
    );
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

impl Doc<'_> {
    /// A goal's indicators: baseline, the previous and the latest value (up to `upto`) with
    /// the change between them, and the target and the track; each value with its region and
    /// year, as on the site.
    pub(crate) fn goal_indicators(&mut self, plan: &Plan, g: &Goal, upto: Option<i32>) {
        if g.indicators.is_empty() {
            return;
        }
        let view = self.cx.view;
        let lang = self.m.lang.clone();
        let region = view.model.plan_region(plan);
        let head = [
            "card_indicator",
            "col_baseline",
            "previous_value",
            "latest_value",
            "col_change",
            "col_target",
            "goal_assessment",
        ]
        .map(|k| cell(&self.word(k)))
        .to_vec();
        let value = |v: &Option<crate::render::plan::ValueView>| match v {
            Some(v) => cell(&format!("{} ({})", v.value, v.of)),
            None => cell("–"),
        };
        let rows: Vec<Vec<String>> = g
            .indicators
            .iter()
            .map(|gi| {
                let v = view.goal_indicator_view(gi, &lang, upto, region.as_ref());
                vec![
                    indicator_list(self, std::iter::once((gi.id.as_str(), Some(gi.kind)))),
                    value(&v.baseline),
                    value(&v.previous),
                    value(&v.latest),
                    cell(v.change.as_deref().unwrap_or("–")),
                    value(&v.target),
                    cell(&v.track),
                ]
            })
            .collect();
        let caption = self.word("goal_indicators");
        let mut t = Table::numeric(7, true);
        t.columns = "(1.5fr, 1fr, 1fr, 1fr, 0.8fr, 1fr, 0.9fr)".to_string();
        t.align = "(left, right, right, right, left, right, left)".to_string();
        t.write(&mut self.m, Some(&escape(&caption)), &head, &rows);
    }

    /// A goal's measures as a table: with `year`, each one's status and note in that year (the
    /// annual report), else its partners and latest status (the `goals()` shortcode).
    pub(crate) fn measures_table(&mut self, plan: &Plan, g: &Goal, year: Option<i32>) {
        let default = self.default_lang();
        let lang = self.m.lang.clone();
        let keys: &[&str] = match year {
            Some(_) => &[
                "measures_title",
                "measure_responsible",
                "status",
                "status",
                "annual_note",
            ],
            None => &[
                "measures_title",
                "measure_responsible",
                "measure_partners",
                "status",
            ],
        };
        let mut head: Vec<String> = keys.iter().map(|k| cell(&self.word(k))).collect();
        if let Some(y) = year {
            self.year_heads(&mut head[2..4], y);
        }
        let rows: Vec<Vec<String>> = g
            .measures
            .iter()
            .map(|me| {
                let mut title = Markup::new(&lang);
                title.tx(&me.title, default);
                let responsible = if me.responsible.is_empty() {
                    cell("–")
                } else {
                    self.organisations(&me.responsible)
                };
                match year {
                    Some(y) => {
                        let (before, status, note) = self.status_in(me, y);
                        vec![title.out, responsible, before, status, note]
                    }
                    None => {
                        let partners = if me.partners.is_empty() {
                            cell("–")
                        } else {
                            self.organisations(&me.partners)
                        };
                        let status = match me.latest() {
                            Some((y, p)) => format!(
                                "{} {y}",
                                self.word(&format!("measure_status_{}", p.status.key()))
                            ),
                            None => self.word("measure_not_reported"),
                        };
                        vec![title.out, responsible, partners, cell(&status)]
                    }
                }
            })
            .collect();
        let mut caption = Markup::new(&lang);
        caption.tx(&g.title, default);
        if let (None, Some(ty)) = (year, g.target_year) {
            caption.text(&format!(" ({} {ty})", self.word("goal_target_year")));
        }
        if let Some(y) = year {
            caption.text(&format!(" – {} {y}", self.word("measures_title")));
        }
        if rows.is_empty() {
            self.m.par().raw("#strong[").raw(&caption.out).raw("]\n\n");
            self.m.text(&self.word("goal_no_measures")).par();
            return;
        }
        let _ = plan;
        Table::text(head.len(), true).write(&mut self.m, Some(&caption.out), &head, &rows);
    }

    /// "Tila 2025", "Tila 2026": the heads of the two status columns.
    fn year_heads(&self, heads: &mut [String], year: i32) {
        let word = self.word("status");
        for (h, y) in heads.iter_mut().zip([year - 1, year]) {
            *h = cell(&format!("{word} {y}"));
        }
    }

    /// A measure's status word in the year before `year` and in `year` (with "muuttunut" when
    /// it changed), and its note in `year`; "not reported" and a dash where there is none.
    fn status_in(&self, me: &crate::plan::Measure, year: i32) -> (String, String, String) {
        let word = |y: i32| match me.progress.get(&y) {
            Some(p) => self.word(&format!("measure_status_{}", p.status.key())),
            None => self.word("measure_not_reported"),
        };
        let mut now = word(year);
        if me.changed_in(year) {
            now = format!("{now} ({})", self.word("status_changed"));
        }
        let note = match me.progress.get(&year).and_then(|p| p.note.as_ref()) {
            Some(n) => {
                let mut m = Markup::new(&self.m.lang);
                m.tx(n, self.default_lang());
                m.out
            }
            None => cell("–"),
        };
        (cell(&word(year - 1)), cell(&now), note)
    }

    /// The name of the organisation whose plan is `plan` among the region's plans (its title
    /// when it names none).
    pub(crate) fn plan_organisation(&self, plan: usize) -> String {
        let model = self.cx.view.model;
        let p = &model.region.plans[plan];
        let name = p
            .organisation
            .as_deref()
            .and_then(|o| model.organisation_name(o));
        let mut m = Markup::new(&self.m.lang);
        m.tx(name.unwrap_or(&p.title), self.default_lang());
        m.out
    }
}
