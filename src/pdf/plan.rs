//! The plan in the PDF: its counts and the measures' status by focus area, then each focus
//! area with its gaps, goals (their indicators' baseline, latest value and target) and
//! measures (responsible party, partners, joint or own, schedule and each year's status). The
//! words and formatted values come from the site's views, so the PDF says what the pages say.

use super::document::Doc;
use super::errors::Origin;
use super::markdown::{self, Source};
use super::markup::{cell, escape, Markup, Table};
use crate::model::content::document::RawDocument;
use crate::model::content::PageId;
use crate::model::plan::{FocusArea, FocusKind, Goal, MeasureRef, Plan, Scope, Status};
use crate::render::theme::count;
use std::path::Path;

/// The plan section of a plan document.
pub(crate) fn write(doc: &mut Doc<'_>, page: PageId, raw: &RawDocument) {
    let cx = doc.cx;
    let p = &cx.site[page];
    if !raw.kind.has_plan() {
        return;
    }
    let Some(plan) = cx.view.model.plan_by_key(&p.key) else {
        return;
    };
    doc.m.heading(1, |m| {
        m.text(&cx.view.word(&p.lang, "plan_title"));
    });
    counts(doc, plan);
    if let Some(year) = plan.latest_year() {
        status_table(doc, plan, year);
    }
    for fa in &plan.focus_areas {
        focus_area(doc, plan, fa);
    }
}

/// "3 painopistettä, 2 hyvinvointivajetta, …" as the plan's page says it.
fn counts(doc: &mut Doc<'_>, plan: &Plan) {
    let n = |key: &str, n: usize| count(&doc.word(key), n as i64);
    let measures: Vec<MeasureRef<'_>> = plan.measures().collect();
    let joint = measures
        .iter()
        .filter(|m| m.measure.scope == Scope::Joint)
        .count();
    let gaps: usize = plan.focus_areas.iter().map(|f| f.gaps.len()).sum();
    let mut text = format!(
        "{}, {}, {}, {}",
        n("plan_n_focus_areas", plan.focus_areas.len()),
        n("plan_n_gaps", gaps),
        n("plan_n_goals", plan.goals().count()),
        n("plan_n_measures", measures.len()),
    );
    if !measures.is_empty() {
        text.push_str(&format!(
            ": {} {} {}",
            n("plan_n_joint", joint),
            doc.word("and"),
            n("plan_n_own", measures.len() - joint)
        ));
    }
    doc.m.text(&text).text(".").par();
}

/// The measures by their status in `year`, per focus area and for the whole plan: the table
/// the plan's page draws its bars from.
fn status_table(doc: &mut Doc<'_>, plan: &Plan, year: i32) {
    let default = doc.default_lang();
    let lang = doc.m.lang.clone();
    let column = |m: &crate::model::plan::Measure| {
        m.status_at(year)
            .and_then(|(_, p)| Status::ALL.iter().position(|s| *s == p.status))
            .unwrap_or(Status::ALL.len())
    };
    let mut rows: Vec<(String, Vec<usize>)> = Vec::new();
    for fa in &plan.focus_areas {
        let mut counts = vec![0; Status::ALL.len() + 1];
        fa.goals
            .iter()
            .flat_map(|g| &g.measures)
            .for_each(|m| counts[column(m)] += 1);
        let mut title = Markup::new(&lang);
        title.tx(&fa.title, default);
        rows.push((title.out, counts));
    }
    let mut all = vec![0; Status::ALL.len() + 1];
    plan.measures().for_each(|m| all[column(m.measure)] += 1);
    rows.push((cell(&doc.word("plan_all_measures")), all));
    let used: Vec<usize> = (0..=Status::ALL.len())
        .filter(|i| rows.iter().any(|r| r.1[*i] > 0))
        .collect();
    let mut head = vec![cell(&doc.word("plan_focus_area"))];
    for i in &used {
        let word = match Status::ALL.get(*i) {
            Some(s) => doc.word(&format!("measure_status_{}", s.key())),
            None => doc.word("measure_not_reported"),
        };
        head.push(cell(&word));
    }
    head.push(cell(&doc.word("total")));
    let body: Vec<Vec<String>> = rows
        .into_iter()
        .map(|(title, counts)| {
            let mut row = vec![title];
            row.extend(used.iter().map(|i| counts[*i].to_string()));
            row.push(counts.iter().sum::<usize>().to_string());
            row
        })
        .collect();
    let caption = escape(
        &doc.word("plan_status_chart")
            .replace("{year}", &year.to_string()),
    );
    Table::numeric(head.len(), true).write(&mut doc.m, Some(&caption), &head, &body);
}

fn focus_area<'a>(doc: &mut Doc<'a>, plan: &'a Plan, fa: &FocusArea) {
    let default = doc.default_lang();
    if let Some(g) = fa.goals.first() {
        doc.map
            .mark(doc.m.out.len(), Origin::Plan { plan, at: g.at });
    }
    let cross = (fa.kind == FocusKind::CrossCutting).then(|| doc.word("cross_cutting"));
    doc.m.heading(2, |m| {
        m.tx(&fa.title, default);
        if let Some(c) = &cross {
            m.text(&format!(" ({c})"));
        }
    });
    if let Some(s) = &fa.summary {
        doc.yaml_markdown(s);
    }
    if !fa.gaps.is_empty() {
        gaps(doc, plan, fa);
    }
    for g in &fa.goals {
        goal(doc, plan, fa, g);
    }
}

fn gaps<'a>(doc: &mut Doc<'a>, plan: &'a Plan, fa: &FocusArea) {
    let default = doc.default_lang();
    let title = doc.word("gaps_title");
    doc.m.heading(3, |m| {
        m.text(&title);
    });
    for gap in &fa.gaps {
        doc.map
            .mark(doc.m.out.len(), Origin::Plan { plan, at: gap.at });
        doc.m.raw("#strong[").tx(&gap.title, default).raw("]\n\n");
        if let Some(d) = &gap.description {
            doc.yaml_markdown(d);
        }
        let mut facts: Vec<(String, String)> = Vec::new();
        if !gap.target_groups.is_empty() {
            let mut groups = Markup::new(&doc.m.lang);
            for (i, t) in gap.target_groups.iter().enumerate() {
                if i > 0 {
                    groups.text(", ");
                }
                groups.tx(t, default);
            }
            facts.push((cell(&doc.word("gap_target_groups")), groups.out));
        }
        if !gap.indicators.is_empty() {
            let list = indicator_list(doc, gap.indicators.iter().map(|i| (i.as_str(), None)));
            facts.push((cell(&doc.word("gap_evidence")), list));
        }
        terms(&mut doc.m, &facts);
    }
}

fn goal<'a>(doc: &mut Doc<'a>, plan: &'a Plan, fa: &FocusArea, g: &Goal) {
    let default = doc.default_lang();
    doc.map
        .mark(doc.m.out.len(), Origin::Plan { plan, at: g.at });
    doc.m.heading(3, |m| {
        m.tx(&g.title, default);
    });
    let mut facts: Vec<(String, String)> = Vec::new();
    if let Some(gap) = g
        .gap
        .as_ref()
        .and_then(|id| fa.gaps.iter().find(|x| &x.id == id))
    {
        let mut t = Markup::new(&doc.m.lang);
        t.tx(&gap.title, default);
        facts.push((cell(&doc.word("goal_gap")), t.out));
    }
    if let Some(y) = g.target_year {
        facts.push((cell(&doc.word("goal_target_year")), cell(&y.to_string())));
    }
    if !g.shared_with.is_empty() {
        facts.push((
            cell(&doc.word("goal_shared_with")),
            doc.organisations(&g.shared_with),
        ));
    }
    terms(&mut doc.m, &facts);
    if let Some(d) = &g.description {
        doc.yaml_markdown(d);
    }
    doc.goal_indicators(plan, g, None);
    if g.measures.is_empty() {
        doc.m.text(&doc.word("goal_no_measures")).par();
    }
    for me in &g.measures {
        let m = MeasureRef {
            focus_area: fa,
            goal: g,
            measure: me,
        };
        super::annual::measure(doc, plan, m);
    }
}

/// Indicator names with their kind ("Ahdistuneisuus (tulosmittari); …").
pub(crate) fn indicator_list<'i>(
    doc: &Doc<'_>,
    ids: impl Iterator<Item = (&'i str, Option<crate::model::indicators::Kind>)>,
) -> String {
    let model = doc.cx.view.model;
    let mut out = Markup::new(&doc.m.lang);
    for (n, (id, kind)) in ids.enumerate() {
        if n > 0 {
            out.text("; ");
        }
        let ind = model.indicators.get(id);
        match ind {
            Some(i) => out.tx(&i.title, doc.default_lang()),
            None => out.text(id),
        };
        let kind = kind
            .or(ind.and_then(|i| i.kind))
            .unwrap_or(crate::model::indicators::Kind::Outcome);
        let key = match kind {
            crate::model::indicators::Kind::Outcome => "kind_outcome_one",
            crate::model::indicators::Kind::Activity => "kind_activity_one",
        };
        out.text(&format!(" ({})", doc.word(key)));
    }
    out.out
}

/// A list of terms and their descriptions (markup both).
pub(crate) fn terms(m: &mut Markup, facts: &[(String, String)]) {
    if facts.is_empty() {
        return;
    }
    m.raw("#terms(");
    for (term, value) in facts {
        // Theme words are written for the middle of a sentence ("tavoitevuosi").
        let mut chars = term.chars();
        let term: String = match chars.next() {
            Some(c) => c.to_uppercase().chain(chars).collect(),
            None => String::new(),
        };
        m.raw(&format!("terms.item[{term}][{value}], "));
    }
    m.raw(")\n\n");
}

impl Doc<'_> {
    /// Markdown written in a YAML text, in its language.
    pub(crate) fn yaml_markdown(&mut self, t: &crate::base::text::Text) {
        let l = t.get(&self.m.lang, self.default_lang());
        let other = l.lang != self.m.lang;
        if other {
            self.m.raw(&format!(
                "#[#set text(lang: {})\n",
                super::markup::string(&l.lang)
            ));
        }
        let root = self.cx.view.addresses.root();
        let src = Source {
            text: &l.text,
            body_offset: 0,
            dir: Path::new(""),
            path: &root,
            lang: &l.lang,
            page: None,
        };
        markdown::convert(self, &src, 5);
        if other {
            self.m.raw("]\n\n");
        }
    }

    /// Organisations' names, by their ids.
    pub(crate) fn organisations(&self, ids: &[String]) -> String {
        let model = self.cx.view.model;
        let mut out = Markup::new(&self.m.lang);
        for (i, id) in ids.iter().enumerate() {
            if i > 0 {
                out.text(", ");
            }
            match model.organisation_name(id) {
                Some(name) => out.tx(name, self.default_lang()),
                None => out.text(id),
            };
        }
        out.out
    }
}
