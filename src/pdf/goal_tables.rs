//! A goal's tables in the PDF, shared by the plan and the annual report: its indicators
//! (baseline, previous and latest value with region and year, change, target, assessment) and
//! its measures with their status by year.

use super::document::Doc;
use super::markup::{cell, escape, Markup, Table};
use super::plan::indicator_list;
use crate::model::plan::{Goal, Plan};

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
    pub(super) fn year_heads(&self, heads: &mut [String], year: i32) {
        let word = self.word("status");
        for (h, y) in heads.iter_mut().zip([year - 1, year]) {
            *h = cell(&format!("{word} {y}"));
        }
    }

    /// A measure's status word in the year before `year` and in `year` (with "muuttunut" when
    /// it changed), and its note in `year`; "not reported" and a dash where there is none.
    pub(super) fn status_in(
        &self,
        me: &crate::model::plan::Measure,
        year: i32,
    ) -> (String, String, String) {
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
