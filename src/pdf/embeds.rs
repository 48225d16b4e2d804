//! Shortcodes in the PDF: an indicator's line chart as a vector drawing with its description as
//! the alternative text, its source and its data table; a focus area's goals with their
//! measures; the annual clock month by month; a survey question's answers as a table. The
//! arguments are read as the site reads them (an error was reported there already).

use super::document::Doc;
use super::markdown::Source;
use super::markup::{cell, escape, string, Table};
use crate::markdown::shortcodes::{Call, Value};
use crate::render::indicators::IndicatorShortcode;

impl Doc<'_> {
    /// What the PDF shows for `call`, written on the page `src` at byte `at` of its file.
    pub(crate) fn embed(&mut self, call: &Call, src: &Source<'_>, at: usize) {
        let _ = at;
        match call.name.as_str() {
            "indicator" => self.indicator(call),
            "goals" => {
                if let Some(Value::Str(id)) = call.arg("focus_area") {
                    self.goals_of(id, src.path.as_str());
                }
            }
            "vuosikello" => self.clock(),
            "survey" => {
                if let (Some(Value::Str(id)), Some(Value::Str(q))) =
                    (call.arg("id"), call.arg("question"))
                {
                    self.survey(id, q);
                }
            }
            _ => {}
        }
    }

    fn indicator(&mut self, call: &Call) {
        let view = self.cx.view;
        let shortcode = IndicatorShortcode { data: view };
        let Ok(Some(a)) = shortcode.args(call) else {
            return;
        };
        self.charts += 1;
        let id = format!("pdf-kaavio-{}", self.charts);
        let lang = self.m.lang.clone();
        let years = (a.from, a.to);
        view.with_line_chart(a.indicator, &a.regions, years, &lang, &id, |chart| {
            if !chart.has_data() {
                self.m.par().raw("#strong[").text(chart.title).raw("]\n\n");
                self.m.text(&chart.labels.no_data).par();
                return;
            }
            let svg = chart.svg(680.0, 330.0, "p", 8);
            // The page's SVG has no namespace of its own (HTML gives it one).
            let svg = svg.replacen("<svg ", "<svg xmlns=\"http://www.w3.org/2000/svg\" ", 1);
            let path = self.files.add("svg", svg.into_bytes());
            self.m.raw(&format!(
                "\n#figure(image({}, alt: {}, width: 100%), caption: [{}])\n\n",
                string(&path),
                string(&chart.description()),
                escape(chart.title)
            ));
            self.legend(chart);
            let last = chart
                .series
                .iter()
                .flat_map(|s| s.points.iter().filter(|p| p.1.is_some()).map(|p| p.0))
                .max();
            let sotkanet = "#link(\"https://sotkanet.fi/\")[Sotkanet\\.fi]";
            let source = view.source_in(a.indicator, &lang, last, &escape, sotkanet);
            self.m.raw("#text(size: 9pt)[").raw(&source).raw("]\n\n");
            let (caption, columns, rows) = chart.table_data();
            let head: Vec<String> = columns.iter().map(|c| cell(c)).collect();
            let missing = cell(&chart.labels.missing);
            let rows: Vec<Vec<String>> = rows
                .iter()
                .map(|(year, cells)| {
                    std::iter::once(cell(year))
                        .chain(
                            cells
                                .iter()
                                .map(|c| c.as_deref().map_or(missing.clone(), cell)),
                        )
                        .collect()
                })
                .collect();
            Table::numeric(head.len(), true).write(
                &mut self.m,
                Some(&escape(&caption)),
                &head,
                &rows,
            );
        });
    }

    /// Which line is which region: each line's swatch (marked as an artifact: the name
    /// beside it says it) and its region's name.
    fn legend(&mut self, chart: &crate::render::charts::line::LineChart<'_>) {
        self.m.raw("#text(size: 9pt)[");
        for (i, s) in chart.series.iter().enumerate() {
            let svg = crate::render::charts::swatch(i).replacen(
                "<svg ",
                "<svg xmlns=\"http://www.w3.org/2000/svg\" ",
                1,
            );
            let path = self.files.add("svg", svg.into_bytes());
            self.m.raw(&format!(
                "#pdf.artifact(box(baseline: 20%, image({}, height: 1em))) ",
                string(&path)
            ));
            self.m.text(&s.name);
            if s.points.iter().all(|p| p.1.is_none()) {
                self.m.text(&format!(" ({})", chart.labels.missing));
            }
            self.m.raw(" #h(1.2em) ");
        }
        self.m.raw("]\n\n");
    }

    /// The goals of focus area `id`: the plan of the page's own document first, as the site
    /// finds it.
    fn goals_of(&mut self, id: &str, page_path: &str) {
        let model = self.cx.view.model;
        let bare = page_path
            .strip_prefix(&crate::address::content::lang_prefix(
                model.config,
                &self.m.lang,
            ))
            .unwrap_or(page_path);
        let mut plans: Vec<&crate::model::plan::Plan> = model.plans.iter().collect();
        plans.sort_by_key(|p| !bare.starts_with(&p.doc_path));
        if let Some((plan, fa)) = plans
            .iter()
            .find_map(|p| p.focus_area(id).map(|fa| (*p, fa)))
        {
            for g in &fa.goals {
                self.measures_table(plan, g, None);
            }
        }
    }

    /// The annual clock: its title and description, then each month with its phases.
    fn clock(&mut self) {
        let model = self.cx.view.model;
        let Some(clock) = model.cooperation.clock.as_ref() else {
            return;
        };
        let default = self.default_lang();
        self.m
            .par()
            .raw("#strong[")
            .tx(&clock.title, default)
            .raw("]\n\n");
        if let Some(d) = &clock.description {
            self.yaml_markdown(d);
        }
        let head = vec![
            cell(&self.word("clock_month")),
            cell(&self.word("clock_phases")),
        ];
        let mut rows = Vec::new();
        for m in 1..=12u32 {
            let mut phases = super::markup::Markup::new(&self.m.lang);
            for (i, p) in clock
                .phases
                .iter()
                .filter(|p| p.months.contains(&m))
                .enumerate()
            {
                if i > 0 {
                    phases.text("; ");
                }
                phases.tx(&p.title, default);
                if let Some(name) = p
                    .organisation
                    .as_deref()
                    .and_then(|o| model.organisation_name(o))
                {
                    phases.text(" (").tx(name, default).text(")");
                }
            }
            let month = self.word(&format!("month_{m}"));
            let phases = if phases.out.is_empty() {
                cell("–")
            } else {
                phases.out
            };
            rows.push(vec![cell(&month), phases]);
        }
        let caption = self.cx.view.model.cooperation.clock.as_ref().map(|c| {
            let mut t = super::markup::Markup::new(&self.m.lang);
            t.tx(&c.title, default);
            t.out
        });
        Table::text(2, true).write(&mut self.m, caption.as_deref(), &head, &rows);
    }

    /// A survey question: its text, then each option's count and share in every group.
    fn survey(&mut self, id: &str, question: &str) {
        let model = self.cx.view.model;
        let Some(s) = model.surveys.iter().find(|s| s.id == id) else {
            return;
        };
        let Some(q) = s.question(question) else {
            return;
        };
        let default = self.default_lang();
        self.m
            .par()
            .raw("#strong[")
            .tx(&q.text, default)
            .raw("]\n\n");
        let results: Vec<(&str, Vec<u32>)> = s
            .ordered_results(q)
            .into_iter()
            .filter_map(|(g, r)| r.counts.clone().map(|c| (g, c)))
            .collect();
        if results.is_empty() || q.options.is_empty() {
            return;
        }
        let mut head = vec![cell(&self.word("survey_option"))];
        head.extend(results.iter().map(|(g, _)| cell(g)));
        let lang = self.m.lang.clone();
        let mut rows: Vec<Vec<String>> = Vec::new();
        for (i, o) in q.options.iter().enumerate() {
            let mut option = super::markup::Markup::new(&lang);
            option.tx(o, default);
            let mut row = vec![option.out];
            for (_, counts) in &results {
                let total: u32 = counts.iter().sum();
                let n = counts.get(i).copied().unwrap_or(0);
                row.push(cell(&share(n, total, &lang)));
            }
            rows.push(row);
        }
        let mut total = vec![cell(&self.word("survey_respondents"))];
        total.extend(
            results
                .iter()
                .map(|(_, c)| cell(&c.iter().sum::<u32>().to_string())),
        );
        rows.push(total);
        let mut caption = super::markup::Markup::new(&lang);
        caption
            .text(&self.word("survey_distribution"))
            .text(": ")
            .tx(&s.title, default);
        Table::numeric(head.len(), true).write(&mut self.m, Some(&caption.out), &head, &rows);
    }
}

/// "2 (67 %)": a count and its share of `total`.
fn share(n: u32, total: u32, lang: &str) -> String {
    if total == 0 {
        return n.to_string();
    }
    let pct = crate::base::numbers::format(f64::from(n) * 100.0 / f64::from(total), 0, lang);
    format!("{n} ({pct} %)")
}
