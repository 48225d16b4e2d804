//! Line chart of one indicator over time: up to eight regions, each with its own colour, dash
//! pattern and marker; gaps where a value is missing; a goal's baseline and target.

use super::{esc, marker, tick_decimals, ticks, with_unit, Labels, DASHES, MARKERS, PALETTE};
use crate::base::numbers;
use std::fmt::Write as _;

/// One region's values, by year; `None` is a missing value (drawn as a gap).
#[derive(Debug, Clone)]
pub(crate) struct Series {
    pub name: String,
    pub points: Vec<(i32, Option<f64>)>,
}

/// A goal drawn on the chart: where it started and where it should be.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Goal {
    pub baseline: Option<(i32, f64)>,
    pub target: Option<(i32, f64)>,
}

pub(crate) struct LineChart<'a> {
    /// Unique on the page; ids of the chart's parts derive from it.
    pub id: &'a str,
    pub title: &'a str,
    pub unit: &'a str,
    pub decimals: usize,
    pub lang: &'a str,
    pub series: Vec<Series>,
    pub goal: Option<Goal>,
    pub labels: &'a Labels,
    /// HTML of the source line under the chart.
    pub source: crate::base::escape::Html,
}

impl LineChart<'_> {
    fn years(&self) -> (i32, i32) {
        let mut years = self
            .series
            .iter()
            .flat_map(|s| s.points.iter().map(|p| p.0))
            .chain(
                self.goal
                    .iter()
                    .flat_map(|g| g.baseline.iter().chain(g.target.iter()).map(|p| p.0)),
            );
        let first = years.next().unwrap_or(2000);
        years.fold((first, first), |(lo, hi), y| (lo.min(y), hi.max(y)))
    }

    fn value_range(&self) -> (f64, f64) {
        let values = self
            .series
            .iter()
            .flat_map(|s| s.points.iter().filter_map(|p| p.1))
            .chain(
                self.goal
                    .iter()
                    .flat_map(|g| g.baseline.iter().chain(g.target.iter()).map(|p| p.1)),
            );
        let (lo, hi) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
            (lo.min(v), hi.max(v))
        });
        if lo.is_finite() {
            (lo.min(0.0), hi)
        } else {
            (0.0, 1.0)
        }
    }

    /// The finding in words: each region's latest value, and the first region's change.
    pub(crate) fn description(&self) -> String {
        let fmt = |v: f64| with_unit(v, self.decimals, self.unit, self.lang);
        let mut parts = Vec::new();
        for (i, s) in self.series.iter().enumerate() {
            let known: Vec<(i32, f64)> = s
                .points
                .iter()
                .filter_map(|(y, v)| v.map(|v| (*y, v)))
                .collect();
            match (known.first(), known.last()) {
                (Some(first), Some(last)) if i == 0 && first.0 != last.0 => parts.push(format!(
                    "{} {}: {} ({}: {})",
                    s.name,
                    last.0,
                    fmt(last.1),
                    first.0,
                    fmt(first.1)
                )),
                (_, Some(last)) => parts.push(format!("{} {}: {}", s.name, last.0, fmt(last.1))),
                _ => parts.push(format!("{}: {}", s.name, self.labels.missing)),
            }
        }
        if let Some(t) = self.goal.and_then(|g| g.target) {
            parts.push(format!("{} {}: {}", self.labels.target, t.0, fmt(t.1)));
        }
        format!("{}. {}.", self.title, parts.join("; "))
    }

    /// Whether any region has a value in any year.
    pub(crate) fn has_data(&self) -> bool {
        self.series
            .iter()
            .any(|s| s.points.iter().any(|p| p.1.is_some()))
    }

    /// The figure (narrow and wide drawings, legend, source) followed by the data table; with
    /// no data at all, the title and a sentence saying so instead of empty axes.
    pub(crate) fn render(&self) -> crate::base::escape::Html {
        crate::base::escape::Html::trusted(self.markup())
    }

    fn markup(&self) -> String {
        if !self.has_data() {
            // The title stays, so that a page of charts waiting for data says which is which.
            return format!(
                "<figure class=\"chart no-data\" id=\"{}\">\n<figcaption>{}</figcaption>\n<p>{}</p>\n</figure>\n",
                esc(self.id),
                esc(self.title),
                esc(&self.labels.no_data)
            );
        }
        let mut out = format!(
            "<figure class=\"chart\" id=\"{}\">\n<figcaption>{}</figcaption>\n",
            esc(self.id),
            esc(self.title)
        );
        out.push_str(&self.svg(340.0, 250.0, "n", 4));
        out.push_str(&self.svg(680.0, 330.0, "w", 8));
        out.push_str("<ul class=\"chart-legend\">\n");
        for (i, s) in self.series.iter().enumerate() {
            // A region without values has no line: say so rather than leave it unexplained.
            let none = if s.points.iter().all(|p| p.1.is_none()) {
                format!(" ({})", esc(&self.labels.missing))
            } else {
                String::new()
            };
            let _ = writeln!(out, "<li>{}{}{none}</li>", super::swatch(i), esc(&s.name));
        }
        out.push_str("</ul>\n");
        let _ = writeln!(
            out,
            "<p class=\"chart-source\">{}</p>\n</figure>",
            self.source
        );
        out.push_str(&self.table());
        out
    }

    fn table(&self) -> String {
        let (caption, columns, rows) = self.table_data();
        super::table::details(&caption, &columns, &rows, self.labels)
    }

    /// The data table's caption, column heads and rows (year, then each region's value).
    pub(crate) fn table_data(&self) -> super::table::Data {
        let (first, last) = self.years();
        let mut columns = vec![self.labels.year.clone()];
        columns.extend(self.series.iter().map(|s| s.name.clone()));
        let rows: Vec<(String, Vec<Option<String>>)> = (first..=last)
            .filter(|y| {
                self.series
                    .iter()
                    .any(|s| s.points.iter().any(|p| p.0 == *y))
            })
            .map(|y| {
                let cells = self
                    .series
                    .iter()
                    .map(|s| {
                        s.points
                            .iter()
                            .find(|p| p.0 == y)
                            .and_then(|p| p.1)
                            .map(|v| numbers::format(v, self.decimals, self.lang))
                    })
                    .collect();
                (y.to_string(), cells)
            })
            .collect();
        let caption = super::titled_with_unit(self.title, self.unit);
        (caption, columns, rows)
    }

    /// The drawing at `w`×`h` (`variant` names its ids), with at most `max_x_labels` years.
    pub(crate) fn svg(&self, w: f64, h: f64, variant: &str, max_x_labels: i32) -> String {
        let (y0, y1) = self.years();
        let (lo, hi) = self.value_range();
        let yt = ticks(lo, hi, if variant == "n" { 4 } else { 5 });
        let f = Frame::new(w, h, (y0, y1), (yt[0], *yt.last().unwrap_or(&1.0)));
        let id = format!("{}-{variant}", self.id);
        let mut s = format!(
            "<svg class=\"chart-svg chart-{variant}\" viewBox=\"0 0 {w} {h}\" role=\"img\" aria-labelledby=\"{id}-t {id}-d\" font-family=\"system-ui, sans-serif\" font-size=\"13\">\n<title id=\"{id}-t\">{}</title>\n<desc id=\"{id}-d\">{}</desc>\n",
            esc(self.title),
            esc(&self.description())
        );
        self.y_axis(&mut s, &f, &yt);
        self.x_axis(&mut s, &f, max_x_labels);
        self.goal_line(&mut s, &f);
        for (i, series) in self.series.iter().enumerate().take(PALETTE.len()) {
            series_path(&mut s, &f, i, series);
        }
        s.push_str("</svg>\n");
        s
    }

    /// Grid lines with the value labels, and the unit above them.
    fn y_axis(&self, s: &mut String, f: &Frame, yt: &[f64]) {
        let td = tick_decimals(yt);
        for t in yt {
            let _ = writeln!(
                s,
                "<path d=\"M{} {:.1}H{:.1}\" stroke=\"{}\" stroke-width=\"1\"/><text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" fill=\"#1b1b1b\">{}</text>",
                f.left,
                f.y(*t),
                f.left + f.pw,
                if *t == f.vmin { "#1b1b1b" } else { "#d0d7de" },
                f.left - 6.0,
                f.y(*t) + 4.0,
                esc(&numbers::format(*t, td, self.lang))
            );
        }
        let _ = writeln!(
            s,
            "<text x=\"4\" y=\"14\" fill=\"#1b1b1b\">{}</text>",
            esc(self.unit)
        );
    }

    /// Years along the bottom, at most `max_x_labels` labels, and the axis title.
    fn x_axis(&self, s: &mut String, f: &Frame, max_x_labels: i32) {
        let (y0, y1) = f.years;
        let step = [1, 2, 5, 10, 20, 50]
            .into_iter()
            .find(|st| (y1 - y0) / st < max_x_labels)
            .unwrap_or(100);
        let mut year = y0 + (step - y0.rem_euclid(step)) % step;
        let bottom = f.top + f.ph;
        while year <= y1 {
            let _ = writeln!(
                s,
                "<path d=\"M{:.1} {bottom:.1}v5\" stroke=\"#1b1b1b\"/><text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"#1b1b1b\">{year}</text>",
                f.x(year),
                f.x(year),
                bottom + 19.0
            );
            year += step;
        }
        let _ = writeln!(
            s,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"#1b1b1b\">{}</text>",
            f.left + f.pw / 2.0,
            f.h - 6.0,
            esc(&self.labels.year)
        );
    }

    /// The goal: baseline to target, dotted, each end marked and labelled.
    fn goal_line(&self, s: &mut String, f: &Frame) {
        let Some(g) = self.goal else { return };
        if let (Some(b), Some(t)) = (g.baseline, g.target) {
            let _ = writeln!(s, "<path d=\"M{:.1} {:.1}L{:.1} {:.1}\" stroke=\"#5f6368\" stroke-width=\"2\" stroke-dasharray=\"1 4\" stroke-linecap=\"round\" fill=\"none\"/>", f.x(b.0), f.y(b.1), f.x(t.0), f.y(t.1));
        }
        for (p, label) in [
            (g.baseline, &self.labels.baseline),
            (g.target, &self.labels.target),
        ] {
            if let Some((year, v)) = p {
                let (cx, cy) = (f.x(year), f.y(v));
                let _ = writeln!(
                    s,
                    "<circle cx=\"{cx:.1}\" cy=\"{cy:.1}\" r=\"6\" fill=\"#fff\" stroke=\"#1b1b1b\" stroke-width=\"2\"/><text x=\"{cx:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"#1b1b1b\">{}</text>",
                    cy - 10.0, esc(label)
                );
            }
        }
    }
}

/// The plot area inside the chart's margins, and the scales from years and values to it.
struct Frame {
    h: f64,
    left: f64,
    top: f64,
    pw: f64,
    ph: f64,
    years: (i32, i32),
    vmin: f64,
    vmax: f64,
}

impl Frame {
    fn new(w: f64, h: f64, years: (i32, i32), (vmin, vmax): (f64, f64)) -> Frame {
        let (left, right, top, bottom) = (52.0, 14.0, 26.0, 44.0);
        Frame {
            h,
            left,
            top,
            pw: w - left - right,
            ph: h - top - bottom,
            years,
            vmin,
            vmax,
        }
    }

    fn x(&self, year: i32) -> f64 {
        let (y0, y1) = self.years;
        self.left
            + if y1 == y0 {
                self.pw / 2.0
            } else {
                self.pw * f64::from(year - y0) / f64::from(y1 - y0)
            }
    }

    fn y(&self, v: f64) -> f64 {
        self.top + self.ph - self.ph * (v - self.vmin) / (self.vmax - self.vmin).max(1e-9)
    }
}

/// One series: its line broken at missing values, and a marker at each value.
fn series_path(s: &mut String, f: &Frame, i: usize, series: &Series) {
    let colour = PALETTE[i];
    let mut d = String::new();
    let mut pen_down = false;
    let mut pts = series.points.clone();
    pts.sort_by_key(|p| p.0);
    for (yr, v) in &pts {
        match v {
            Some(v) => {
                let pen = if pen_down { "L" } else { "M" };
                let _ = write!(d, "{pen}{:.1} {:.1}", f.x(*yr), f.y(*v));
                pen_down = true;
            }
            None => pen_down = false,
        }
    }
    let dash = if DASHES[i].is_empty() {
        String::new()
    } else {
        format!(" stroke-dasharray=\"{}\"", DASHES[i])
    };
    let _ = writeln!(s, "<g class=\"series\"><path d=\"{d}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2.5\"{dash}/>");
    for (yr, v) in &pts {
        if let Some(v) = v {
            s.push_str(&marker(MARKERS[i], f.x(*yr), f.y(*v), colour));
        }
    }
    s.push_str("</g>\n");
}

#[cfg(test)]
mod tests;
