//! Bar chart of the latest year across the municipalities of a county, sorted, with the
//! county and the whole country as reference lines.

use super::{esc, tick_decimals, ticks, with_unit, Labels, DASHES, PALETTE};
use crate::base::numbers;
use std::fmt::Write as _;

pub(crate) struct Bar {
    pub name: String,
    pub value: Option<f64>,
    /// Drawn in another colour and named in bold (e.g. the card's own municipality).
    pub highlight: bool,
}

pub(crate) struct Reference {
    pub name: String,
    pub value: f64,
}

pub(crate) struct BarChart<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub unit: &'a str,
    pub decimals: usize,
    pub lang: &'a str,
    pub year: i32,
    pub bars: Vec<Bar>,
    pub references: Vec<Reference>,
    pub labels: &'a Labels,
    /// HTML of the source line under the chart.
    pub source: crate::base::escape::Html,
}

impl BarChart<'_> {
    /// Bars by value, highest first; missing values last, by name.
    fn sorted(&self) -> Vec<&Bar> {
        let mut bars: Vec<&Bar> = self.bars.iter().collect();
        bars.sort_by(|a, b| match (a.value, b.value) {
            (Some(x), Some(y)) => y.total_cmp(&x).then(a.name.cmp(&b.name)),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => a.name.cmp(&b.name),
        });
        bars
    }

    pub(crate) fn description(&self) -> String {
        let fmt = |v: f64| with_unit(v, self.decimals, self.unit, self.lang);
        let bars: Vec<&Bar> = self
            .sorted()
            .into_iter()
            .filter(|b| b.value.is_some())
            .collect();
        let mut parts = Vec::new();
        if let (Some(first), Some(last)) = (bars.first(), bars.last()) {
            parts.push(format!(
                "{} {}",
                first.name,
                fmt(first.value.unwrap_or_default())
            ));
            if bars.len() > 1 {
                parts.push(format!(
                    "{} {}",
                    last.name,
                    fmt(last.value.unwrap_or_default())
                ));
            }
        }
        for r in &self.references {
            parts.push(format!("{} {}", r.name, fmt(r.value)));
        }
        format!("{} {}: {}.", self.title, self.year, parts.join("; "))
    }

    /// The chart as markup for a page.
    pub(crate) fn render(&self) -> crate::base::escape::Html {
        crate::base::escape::Html::trusted(self.markup())
    }

    fn markup(&self) -> String {
        let mut out = format!(
            "<figure class=\"chart\" id=\"{}\">\n<figcaption>{} {}</figcaption>\n",
            esc(self.id),
            esc(self.title),
            self.year
        );
        out.push_str(&self.svg(340.0, 112.0, "n"));
        out.push_str(&self.svg(680.0, 190.0, "w"));
        if !self.references.is_empty() {
            out.push_str("<ul class=\"chart-legend\">\n");
            for (i, r) in self.references.iter().enumerate() {
                let _ = writeln!(
                    out,
                    "<li>{}{}: {}</li>",
                    reference_swatch(i),
                    esc(&r.name),
                    esc(&with_unit(r.value, self.decimals, self.unit, self.lang))
                );
            }
            out.push_str("</ul>\n");
        }
        let _ = writeln!(
            out,
            "<p class=\"chart-source\">{}</p>\n</figure>",
            self.source
        );
        let mut rows: Vec<(String, Vec<Option<String>>)> = self
            .sorted()
            .into_iter()
            .map(|b| {
                (
                    b.name.clone(),
                    vec![b
                        .value
                        .map(|v| numbers::format(v, self.decimals, self.lang))],
                )
            })
            .collect();
        rows.extend(self.references.iter().map(|r| {
            (
                r.name.clone(),
                vec![Some(numbers::format(r.value, self.decimals, self.lang))],
            )
        }));
        let caption = format!("{} {}", self.title, self.year);
        // The unit only where the title does not already say it ("… / 1 000 vastaavanikäistä").
        let column = if self.unit.trim().is_empty() || self.title.contains(self.unit.trim()) {
            self.year.to_string()
        } else {
            format!("{} ({})", self.year, self.unit)
        };
        out.push_str(&super::table::details(
            &caption,
            &[self.labels.region.clone(), column],
            &rows,
            self.labels,
        ));
        out
    }

    fn svg(&self, w: f64, name_width: f64, variant: &str) -> String {
        let bars = self.sorted();
        let row = 22.0;
        let (top, bottom, right) = (30.0, 10.0, 54.0);
        let h = top + bottom + row * bars.len().max(1) as f64;
        let left = name_width;
        let pw = w - left - right;
        let max = bars
            .iter()
            .filter_map(|b| b.value)
            .chain(self.references.iter().map(|r| r.value))
            .fold(0.0, f64::max);
        let min = bars
            .iter()
            .filter_map(|b| b.value)
            .chain(self.references.iter().map(|r| r.value))
            .fold(0.0, f64::min);
        let xt = ticks(min, max, if variant == "n" { 3 } else { 5 });
        let (vmin, vmax) = (xt[0], *xt.last().unwrap_or(&1.0));
        let x = |v: f64| left + pw * (v - vmin) / (vmax - vmin).max(1e-9);
        let id = format!("{}-{variant}", self.id);
        let mut s = format!(
            "<svg class=\"chart-svg chart-{variant}\" viewBox=\"0 0 {w} {h:.0}\" role=\"img\" aria-labelledby=\"{id}-t {id}-d\" font-family=\"system-ui, sans-serif\" font-size=\"13\">\n<title id=\"{id}-t\">{} {}</title>\n<desc id=\"{id}-d\">{}</desc>\n",
            esc(self.title),
            self.year,
            esc(&self.description())
        );
        let td = tick_decimals(&xt);
        for t in &xt {
            let _ = writeln!(
                s,
                "<path d=\"M{:.1} {top}V{:.1}\" stroke=\"#d0d7de\"/><text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"#1b1b1b\">{}</text>",
                x(*t), h - bottom, x(*t), top - 10.0, esc(&numbers::format(*t, td, self.lang))
            );
        }
        for (i, b) in bars.iter().enumerate() {
            let yb = top + row * i as f64;
            let weight = if b.highlight {
                " font-weight=\"700\""
            } else {
                ""
            };
            let _ = writeln!(s, "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" fill=\"#1b1b1b\"{weight}>{}</text>", left - 6.0, yb + 15.0, esc(&clip(&b.name, if variant == "n" { 14 } else { 28 })));
            match b.value {
                Some(v) => {
                    let fill = if b.highlight { PALETTE[1] } else { PALETTE[0] };
                    let (x0, x1) = (x(0.0_f64.max(vmin)), x(v));
                    let _ = writeln!(
                        s,
                        "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"{fill}\"/><text x=\"{:.1}\" y=\"{:.1}\" fill=\"#1b1b1b\"{weight}>{}</text>",
                        x0.min(x1), yb + 3.0, (x1 - x0).abs().max(1.0), row - 6.0, x0.max(x1) + 4.0, yb + 15.0, esc(&numbers::format(v, self.decimals, self.lang))
                    );
                }
                None => {
                    let _ = writeln!(
                        s,
                        "<text x=\"{:.1}\" y=\"{:.1}\" fill=\"#4a4f55\">{}</text>",
                        left + 4.0,
                        yb + 15.0,
                        esc(&self.labels.missing)
                    );
                }
            }
        }
        for (i, r) in self.references.iter().enumerate() {
            let _ = writeln!(
                s,
                "<path d=\"M{:.1} {:.1}V{:.1}\" stroke=\"{}\" stroke-width=\"2.5\" stroke-dasharray=\"{}\"/>",
                x(r.value), top - 4.0, h - bottom + 4.0, reference_colour(i), reference_dash(i)
            );
        }
        s.push_str("</svg>\n");
        s
    }
}

fn reference_colour(i: usize) -> &'static str {
    [PALETTE[4], PALETTE[3], PALETTE[2]][i % 3]
}

fn reference_dash(i: usize) -> &'static str {
    [DASHES[1], DASHES[2], DASHES[3]][i % 3]
}

fn reference_swatch(i: usize) -> String {
    format!(
        "<svg class=\"swatch\" width=\"36\" height=\"14\" viewBox=\"0 0 36 14\" aria-hidden=\"true\" focusable=\"false\"><path d=\"M2 7H34\" stroke=\"{}\" stroke-width=\"2.5\" stroke-dasharray=\"{}\"/></svg>",
        reference_colour(i),
        reference_dash(i)
    )
}

/// Long names shortened with an ellipsis; the table gives them whole.
fn clip(name: &str, max: usize) -> String {
    if name.chars().count() <= max {
        name.to_string()
    } else {
        name.chars().take(max - 1).collect::<String>() + "…"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorted_bars_references_and_words() {
        let labels = Labels {
            missing: "ei tietoa".into(),
            show_table: "Näytä taulukko".into(),
            ..Labels::default()
        };
        let chart = BarChart {
            id: "b-4",
            title: "Sairaalahoitoa saaneet",
            unit: "/ 1 000",
            decimals: 1,
            lang: "fi",
            year: 2011,
            bars: vec![
                Bar {
                    name: "Iisalmi".into(),
                    value: Some(1.5),
                    highlight: false,
                },
                Bar {
                    name: "Kuopio".into(),
                    value: Some(2.5),
                    highlight: true,
                },
                Bar {
                    name: "Rautavaara".into(),
                    value: None,
                    highlight: false,
                },
            ],
            references: vec![
                Reference {
                    name: "Pohjois-Savo".into(),
                    value: 2.1,
                },
                Reference {
                    name: "Koko maa".into(),
                    value: 1.8,
                },
            ],
            labels: &labels,
            source: crate::base::escape::Html::default(),
        };
        let html = chart.render();
        assert!(html.contains("<desc id=\"b-4-w-d\">Sairaalahoitoa saaneet 2011: Kuopio 2,5 / 1 000; Iisalmi 1,5 / 1 000; Pohjois-Savo 2,1 / 1 000; Koko maa 1,8 / 1 000.</desc>"), "{html}");
        let kuopio = html.find(">Kuopio</th>").unwrap();
        let iisalmi = html.find(">Iisalmi</th>").unwrap();
        let rautavaara = html.find(">Rautavaara</th>").unwrap();
        assert!(
            kuopio < iisalmi && iisalmi < rautavaara,
            "sorted, missing last"
        );
        assert_eq!(
            html.matches("stroke-dasharray").count(),
            2 * 2 + 2,
            "reference lines in both drawings and in the legend"
        );
    }
}
