//! Charts as inline SVG, drawn at build time (no JavaScript): a line chart of an indicator over
//! time and a bar chart across municipalities. Every chart is an image with a title and a
//! description that states the finding in words, and is followed by the same numbers as a
//! real data table.
//!
//! Written by hand rather than with a plotting crate: what matters here is the accessible
//! structure (`role="img"`, `<title>`/`<desc>` wired with `aria-labelledby`, series told apart
//! by marker and dash as well as colour) and class-free, deterministic output; plotting crates
//! produce neither.
//!
//! Each chart is drawn twice, for narrow and wide screens, and CSS shows one: SVG text scales
//! with the drawing, so one drawing cannot be readable at both 320 px and 1280 px.

pub(crate) mod bar;
pub(crate) mod clock;
pub(crate) mod line;
pub(crate) mod stacked;
pub(crate) mod table;

use crate::base::numbers;

/// Words the charts need, in the page's language.
#[derive(Debug, Clone, Default)]
pub(crate) struct Labels {
    pub year: String,
    pub missing: String,
    pub show_table: String,
    pub source: String,
    pub producer: String,
    pub licence: String,
    pub data_year: String,
    pub baseline: String,
    pub target: String,
    /// The head of a table's column of regions ("Alue").
    pub region: String,
    /// The sentence shown instead of a chart with no data at all.
    pub no_data: String,
}

/// Line colours that keep at least 3:1 contrast on white (WCAG 1.4.11) and stay apart for
/// the common colour-vision deficiencies (after Okabe–Ito and Paul Tol).
pub(crate) const PALETTE: [&str; 8] = [
    "#0072b2", "#c2410c", "#007756", "#aa3377", "#1b1b1b", "#7a5a00", "#4b4bb4", "#5f6368",
];

/// Dash patterns, one per series, so that lines differ without colour.
pub(crate) const DASHES: [&str; 8] = [
    "",
    "8 4",
    "2 4",
    "10 4 2 4",
    "4 4",
    "12 4",
    "2 2",
    "6 3 2 3 2 3",
];

/// Marker shapes, one per series.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Marker {
    Circle,
    Square,
    Triangle,
    Diamond,
    Cross,
    Plus,
    InvertedTriangle,
    Star,
}

pub(crate) const MARKERS: [Marker; 8] = [
    Marker::Circle,
    Marker::Square,
    Marker::Triangle,
    Marker::Diamond,
    Marker::Cross,
    Marker::Plus,
    Marker::InvertedTriangle,
    Marker::Star,
];

/// SVG for a marker centred at (x, y).
pub(crate) fn marker(m: Marker, x: f64, y: f64, colour: &str) -> String {
    let r = 4.5;
    match m {
        Marker::Circle => format!("<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{r}\" fill=\"{colour}\"/>"),
        Marker::Square => format!("<rect x=\"{:.1}\" y=\"{:.1}\" width=\"8\" height=\"8\" fill=\"{colour}\"/>", x - 4.0, y - 4.0),
        Marker::Triangle => format!("<path d=\"M{x:.1} {:.1}L{:.1} {:.1}L{:.1} {:.1}Z\" fill=\"{colour}\"/>", y - 5.5, x + 5.0, y + 4.0, x - 5.0, y + 4.0),
        Marker::InvertedTriangle => format!("<path d=\"M{x:.1} {:.1}L{:.1} {:.1}L{:.1} {:.1}Z\" fill=\"{colour}\"/>", y + 5.5, x + 5.0, y - 4.0, x - 5.0, y - 4.0),
        Marker::Diamond => format!("<path d=\"M{x:.1} {:.1}L{:.1} {y:.1}L{x:.1} {:.1}L{:.1} {y:.1}Z\" fill=\"{colour}\"/>", y - 5.5, x + 5.5, y + 5.5, x - 5.5),
        Marker::Cross => format!("<path d=\"M{:.1} {:.1}L{:.1} {:.1}M{:.1} {:.1}L{:.1} {:.1}\" stroke=\"{colour}\" stroke-width=\"2.5\"/>", x - 4.0, y - 4.0, x + 4.0, y + 4.0, x - 4.0, y + 4.0, x + 4.0, y - 4.0),
        Marker::Plus => format!("<path d=\"M{:.1} {y:.1}L{:.1} {y:.1}M{x:.1} {:.1}L{x:.1} {:.1}\" stroke=\"{colour}\" stroke-width=\"2.5\"/>", x - 5.0, x + 5.0, y - 5.0, y + 5.0),
        Marker::Star => {
            let mut d = String::new();
            for k in 0..10 {
                let angle = std::f64::consts::PI * f64::from(k) / 5.0 - std::f64::consts::FRAC_PI_2;
                let rr = if k % 2 == 0 { 6.0 } else { 2.6 };
                d.push_str(&format!("{}{:.1} {:.1}", if k == 0 { "M" } else { "L" }, x + rr * angle.cos(), y + rr * angle.sin()));
            }
            format!("<path d=\"{d}Z\" fill=\"{colour}\"/>")
        }
    }
}

/// A small legend swatch (line with marker) as standalone SVG, hidden from assistive
/// technology: the legend's text says which series it is.
pub(crate) fn swatch(series: usize) -> String {
    let i = series % PALETTE.len();
    let dash = if DASHES[i].is_empty() {
        String::new()
    } else {
        format!(" stroke-dasharray=\"{}\"", DASHES[i])
    };
    format!(
        "<svg class=\"swatch\" width=\"36\" height=\"14\" viewBox=\"0 0 36 14\" aria-hidden=\"true\" focusable=\"false\"><path d=\"M2 7H34\" stroke=\"{c}\" stroke-width=\"2.5\"{dash}/>{m}</svg>",
        c = PALETTE[i],
        m = marker(MARKERS[i], 18.0, 7.0, PALETTE[i])
    )
}

/// Round tick values covering [lo, hi]: steps of 1, 2 or 5 × 10^k, about `target` of them.
pub(crate) fn ticks(lo: f64, hi: f64, target: usize) -> Vec<f64> {
    let (lo, hi) = if hi - lo < 1e-9 {
        (lo - 1.0, hi + 1.0)
    } else {
        (lo, hi)
    };
    let raw = (hi - lo) / target.max(1) as f64;
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * mag)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * mag);
    let start = (lo / step).floor() * step;
    let mut out = Vec::new();
    let mut v = start;
    while v <= hi + step * 0.999 && out.len() < 50 {
        out.push(if v.abs() < step * 1e-9 { 0.0 } else { v });
        v += step;
    }
    out
}

/// Decimals needed to show tick values exactly (a step of 2.5 needs one).
pub(crate) fn tick_decimals(ticks: &[f64]) -> usize {
    let step = if ticks.len() > 1 {
        (ticks[1] - ticks[0]).abs()
    } else {
        1.0
    };
    (0..4)
        .find(|d| {
            let scaled = step * 10f64.powi(*d);
            (scaled - scaled.round()).abs() < 1e-6
        })
        .unwrap_or(4) as usize
}

pub(crate) use crate::base::escape::escape as esc;

/// A value with its unit, as a reader of `lang` writes it.
pub(crate) fn with_unit(v: f64, decimals: usize, unit: &str, lang: &str) -> String {
    let n = numbers::format(v, decimals, lang);
    match unit.trim() {
        "" => n,
        "%" => format!("{n} %"),
        u if u.starts_with('/') => format!("{n} {u}"),
        u => format!("{n} {u}"),
    }
}

/// A title with its unit in parentheses, unless the title already names it: Sotkanet's titles
/// often do ("… liikkuvien osuus (%)", "Kuolleisuus / 100 000 asukasta"), and
/// "(%) (%)" reads as a mistake.
pub(crate) fn titled_with_unit(title: &str, unit: &str) -> String {
    let unit = unit.trim();
    let named = title.contains(&format!("({unit})")) || title.trim_end().ends_with(unit);
    if unit.is_empty() || named {
        title.to_string()
    } else {
        format!("{title} ({unit})")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_unit_the_title_names_is_not_repeated() {
        let t = "Terveysliikuntasuosituksen mukaan liian vähän liikkuvien osuus (%), 65 vuotta täyttäneet";
        assert_eq!(titled_with_unit(t, "%"), t);
        assert_eq!(
            titled_with_unit("Kuolleisuus / 100 000 asukasta", "/ 100 000 asukasta"),
            "Kuolleisuus / 100 000 asukasta"
        );
        assert_eq!(
            titled_with_unit("Ryhmäytyspäivät", "kpl"),
            "Ryhmäytyspäivät (kpl)"
        );
        assert_eq!(titled_with_unit("Ryhmäytyspäivät", ""), "Ryhmäytyspäivät");
    }

    #[test]
    fn nice_ticks() {
        assert_eq!(ticks(0.0, 10.0, 5), vec![0.0, 2.0, 4.0, 6.0, 8.0, 10.0]);
        assert_eq!(ticks(0.0, 57.3, 5), vec![0.0, 20.0, 40.0, 60.0]);
        let small = ticks(1.2, 2.6, 4);
        assert_eq!(small.first(), Some(&1.0));
        assert!(*small.last().unwrap() >= 2.6);
        assert_eq!(tick_decimals(&[0.0, 0.5, 1.0]), 1);
        assert_eq!(tick_decimals(&[0.0, 2.5, 5.0]), 1);
        assert_eq!(tick_decimals(&[0.0, 20.0]), 0);
        assert!(ticks(5.0, 5.0, 4).len() > 1);
    }

    #[test]
    fn units() {
        assert_eq!(with_unit(55.14, 1, "%", "fi"), "55,1 %");
        assert_eq!(with_unit(2.5, 1, "/ 1 000", "en"), "2.5 / 1 000");
    }
}
