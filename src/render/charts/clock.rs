//! The annual clock (vuosikello) as a circular SVG: twelve month sectors, January at the top
//! and the months running clockwise, each phase as a numbered arc on its own ring. The numbers
//! refer to the ordered month-by-month list that always follows the drawing: that list is what
//! screen readers and print use.

use super::{esc, PALETTE};
use std::f64::consts::PI;
use std::fmt::Write as _;

pub(crate) struct ClockPhase {
    pub number: usize,
    pub months: Vec<u32>,
}

pub(crate) struct ClockChart<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub description: &'a str,
    /// Month names, January first.
    pub months: [&'a str; 12],
    pub phases: Vec<ClockPhase>,
    /// 1–12 to mark, when the site asks for the current month.
    pub current: Option<u32>,
    pub current_label: &'a str,
}

const C: f64 = 200.0;

/// Point at `radius` for the start of month `m` (1-based) plus `frac` of a month.
fn point(m: f64, radius: f64) -> (f64, f64) {
    let a = (m - 1.0) / 12.0 * 2.0 * PI - PI / 2.0;
    (C + radius * a.cos(), C + radius * a.sin())
}

/// An annular sector from month `from` for `len` months between radii r0 < r1.
fn sector(from: f64, len: f64, r0: f64, r1: f64) -> String {
    let (x0, y0) = point(from, r1);
    let (x1, y1) = point(from + len, r1);
    let (x2, y2) = point(from + len, r0);
    let (x3, y3) = point(from, r0);
    let large = i32::from(len > 6.0);
    format!(
        "M{x0:.1} {y0:.1}A{r1} {r1} 0 {large} 1 {x1:.1} {y1:.1}L{x2:.1} {y2:.1}A{r0} {r0} 0 {large} 0 {x3:.1} {y3:.1}Z"
    )
}

/// Runs of consecutive months (December wraps to January) as (start, length).
fn runs(months: &[u32]) -> Vec<(u32, u32)> {
    let mut set = [false; 13];
    for m in months.iter().filter(|m| (1..=12).contains(*m)) {
        set[*m as usize] = true;
    }
    if set[1..].iter().all(|x| *x) {
        return vec![(1, 12)];
    }
    let mut out = Vec::new();
    for m in 1..=12u32 {
        let prev = if m == 1 { 12 } else { m - 1 };
        if set[m as usize] && !set[prev as usize] {
            let mut len = 0;
            let mut k = m;
            while set[k as usize] && len < 12 {
                len += 1;
                k = if k == 12 { 1 } else { k + 1 };
            }
            out.push((m, len));
        }
    }
    out
}

/// Phases on rings inwards: each phase goes on the outermost ring where its months are free,
/// so phases that follow each other share a ring and stay long enough to read. Returns each
/// phase's ring and the number of rings.
fn assign_rings(phases: &[ClockPhase]) -> (Vec<usize>, usize) {
    let mut rings: Vec<[bool; 13]> = Vec::new();
    let mut ring_of = Vec::new();
    for p in phases {
        let months: Vec<usize> = p
            .months
            .iter()
            .filter(|m| (1..=12).contains(*m))
            .map(|m| *m as usize)
            .collect();
        let free = rings.iter().position(|r| months.iter().all(|m| !r[*m]));
        let i = free.unwrap_or_else(|| {
            rings.push([false; 13]);
            rings.len() - 1
        });
        for m in &months {
            rings[i][*m] = true;
        }
        ring_of.push(i);
    }
    (ring_of, rings.len())
}

impl ClockChart<'_> {
    /// The chart as markup for a page.
    pub(crate) fn render(&self) -> crate::base::escape::Html {
        crate::base::escape::Html::trusted(self.markup())
    }

    fn markup(&self) -> String {
        let mut s = format!(
            "<svg class=\"clock-svg\" viewBox=\"0 0 400 400\" role=\"img\" aria-labelledby=\"{id}-t {id}-d\" focusable=\"false\">\n<title id=\"{id}-t\">{}</title>\n<desc id=\"{id}-d\">{}</desc>\n",
            esc(self.title),
            esc(self.description),
            id = esc(self.id)
        );
        self.month_ring(&mut s);
        let (ring_of, rings) = assign_rings(&self.phases);
        let n = rings.max(1);
        let width = (110.0 / n as f64).clamp(8.0, 26.0);
        for (i, p) in self.phases.iter().enumerate() {
            let r1 = 146.0 - ring_of[i] as f64 * (width + 2.0);
            phase(&mut s, p, PALETTE[i % PALETTE.len()], r1, width);
        }
        if let Some(m) = self.current {
            let (x, y) = point(f64::from(m) + 0.5, 140.0 - n as f64 * (width + 2.0));
            let _ = write!(
                s,
                "<path d=\"M{C} {C}L{x:.1} {y:.1}\" stroke=\"#1b1b1b\" stroke-width=\"3\"/><circle cx=\"{C}\" cy=\"{C}\" r=\"5\" fill=\"#1b1b1b\"/><text x=\"{C}\" y=\"{:.1}\" text-anchor=\"middle\" font-size=\"13\" fill=\"#1b1b1b\">{}</text>",
                C + 22.0,
                esc(self.current_label)
            );
        }
        s.push_str("</svg>\n");
        s
    }

    /// The outer ring of month sectors with their names, the current month marked.
    fn month_ring(&self, s: &mut String) {
        for m in 1..=12u32 {
            let fill = if m % 2 == 0 { "#f1f3f5" } else { "#ffffff" };
            let current = self.current == Some(m);
            let _ = write!(
                s,
                "<path d=\"{}\" fill=\"{}\" stroke=\"#5f6368\" stroke-width=\"{}\"/>",
                sector(f64::from(m), 1.0, 150.0, 196.0),
                if current { "#fff3bf" } else { fill },
                if current { 3 } else { 1 }
            );
            let (x, y) = point(f64::from(m) + 0.5, 173.0);
            let _ = write!(
                s,
                "<text x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-size=\"15\" fill=\"#1b1b1b\"{}>{}</text>",
                y + 5.0,
                if current { " font-weight=\"700\"" } else { "" },
                esc(self.months[(m - 1) as usize])
            );
        }
    }
}

/// One phase as arcs between radii `r1 - width` and `r1`, numbered when there is room.
fn phase(s: &mut String, p: &ClockPhase, colour: &str, r1: f64, width: f64) {
    let r0 = r1 - width;
    if r0 < 20.0 {
        return;
    }
    for (start, len) in runs(&p.months) {
        let _ = write!(
            s,
            "<path d=\"{}\" fill=\"{colour}\" stroke=\"#ffffff\" stroke-width=\"1\"/>",
            sector(f64::from(start), f64::from(len), r0, r1)
        );
        if width >= 14.0 {
            let (x, y) = point(f64::from(start) + 0.5, (r0 + r1) / 2.0);
            let _ = write!(
                s,
                "<text x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-size=\"13\" font-weight=\"700\" fill=\"#ffffff\">{}</text>",
                y + 4.5,
                p.number
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_wrap_around_the_year() {
        assert_eq!(runs(&[12, 1]), vec![(12, 2)]);
        assert_eq!(runs(&[1, 2, 3, 9]), vec![(1, 3), (9, 1)]);
        assert_eq!(runs(&(1..=12).collect::<Vec<_>>()), vec![(1, 12)]);
    }

    #[test]
    fn svg_is_an_image_with_title_and_desc() {
        let c = ClockChart {
            id: "vk",
            title: "HYTE-vuosikello",
            description: "Tammikuu: 1. Arviointi.",
            months: [
                "tammi", "helmi", "maalis", "huhti", "touko", "kesä", "heinä", "elo", "syys",
                "loka", "marras", "joulu",
            ],
            phases: vec![ClockPhase {
                number: 1,
                months: vec![1, 2, 3],
            }],
            current: None,
            current_label: "nyt",
        };
        let svg = c.render();
        assert!(svg.starts_with("<svg class=\"clock-svg\" viewBox=\"0 0 400 400\" role=\"img\" aria-labelledby=\"vk-t vk-d\""));
        assert!(svg.contains("<title id=\"vk-t\">HYTE-vuosikello</title>"));
        assert_eq!(
            svg.matches("<text").count(),
            13,
            "12 months and one phase number"
        );
        assert!(!svg.contains("nyt"));
    }
}
