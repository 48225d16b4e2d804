//! Indicator views: the `indicator()` shortcode and the indicator pages (`/mittarit/`), built
//! from the indicator model, the region register and the site's regions. Charts come from
//! `crate::render::charts`; this module chooses what to draw and in which words.

use super::view::{chart_labels, View};
use crate::base::escape::Html;
use crate::model::indicators::{trend, Indicator};
use crate::model::regions::{Category, RegionRef};
use crate::render::charts::{self, bar, line};
use serde::Serialize;

mod index;
mod list;
mod shortcode;

pub(crate) use index::index_groups;
pub(crate) use list::{appendices, list_links, list_view};
pub(crate) use shortcode::IndicatorShortcode;

impl View<'_> {
    /// "Lähde: THL, Sotkanet.fi …; tuottaja: …; CC BY 4.0; tiedot vuoteen 2011." as HTML.
    pub(crate) fn source_line(&self, ind: &Indicator, lang: &str, last_year: Option<i32>) -> Html {
        let sotkanet = "<a href=\"https://sotkanet.fi/\">Sotkanet.fi</a>";
        Html::trusted(self.source_in(ind, lang, last_year, &charts::esc, sotkanet))
    }

    /// The source line in another markup: `esc` escapes a text for it, `sotkanet` is its link
    /// to Sotkanet.fi (the PDF's Typst markup).
    pub(crate) fn source_in(
        &self,
        ind: &Indicator,
        lang: &str,
        last_year: Option<i32>,
        esc: &dyn Fn(&str) -> String,
        sotkanet: &str,
    ) -> String {
        let l = chart_labels(self.t(lang));
        let mut parts = Vec::new();
        if ind.is_sotkanet() {
            let bank = esc(&self.word(lang, "sotkanet_bank"));
            parts.push(format!("{}: THL, {sotkanet} – {bank}", esc(&l.source)));
        } else {
            parts.push(format!(
                "{}: {}",
                esc(&l.source),
                esc(ind.producer.as_deref().unwrap_or("–"))
            ));
        }
        if let (true, Some(p)) = (ind.is_sotkanet(), &ind.producer) {
            parts.push(format!("{} {}", esc(&l.producer), esc(p)));
        }
        let licence = ind
            .licence
            .clone()
            .or_else(|| ind.is_sotkanet().then(|| "CC BY 4.0".to_string()));
        if let Some(lic) = licence {
            parts.push(format!("{} {}", esc(&l.licence), esc(&lic)));
        }
        if let Some(y) = last_year {
            parts.push(format!("{} {y}", esc(&l.data_year)));
        }
        parts.join("; ") + &esc(".")
    }

    /// Line chart (with its table) of `ind` for `regions`, limited to years `from..=to`.
    pub(crate) fn line_chart(
        &self,
        ind: &Indicator,
        regions: &[RegionRef],
        from: Option<i32>,
        to: Option<i32>,
        lang: &str,
        id: &str,
    ) -> Html {
        // The chart escapes every text it draws.
        self.with_line_chart(ind, regions, (from, to), lang, id, |chart| chart.render())
    }

    /// The line chart of [`Self::line_chart`], handed to `f` (the PDF draws it its own way).
    pub(crate) fn with_line_chart<R>(
        &self,
        ind: &Indicator,
        regions: &[RegionRef],
        (from, to): (Option<i32>, Option<i32>),
        lang: &str,
        id: &str,
        f: impl FnOnce(&line::LineChart<'_>) -> R,
    ) -> R {
        let labels = chart_labels(self.t(lang));
        let default = self.model.config.default_language();
        let title = ind.title.get(lang, default).text;
        let series: Vec<line::Series> = regions
            .iter()
            .take(charts::PALETTE.len())
            .map(|r| line::Series {
                name: self.model.region_name(r, lang),
                points: self
                    .model
                    .indicators
                    .values
                    .series(&ind.id, r, crate::model::indicators::Gender::Total)
                    .map(|s| {
                        s.iter()
                            .filter(|(y, _)| {
                                from.is_none_or(|f| **y >= f) && to.is_none_or(|t| **y <= t)
                            })
                            .map(|(y, p)| (*y, p.value))
                            .collect()
                    })
                    .unwrap_or_default(),
            })
            .collect();
        let last_year = series
            .iter()
            .flat_map(|s| s.points.iter().filter(|p| p.1.is_some()).map(|p| p.0))
            .max();
        let chart = line::LineChart {
            id,
            title: &title,
            unit: ind.unit.as_deref().unwrap_or(""),
            decimals: ind.decimals(),
            lang,
            series,
            goal: None,
            labels: &labels,
            source: self.source_line(ind, lang, last_year),
        };
        f(&chart)
    }

    /// Bar chart of the latest year across the municipalities of `region`, or `None` when
    /// they have no data.
    pub(crate) fn bar_chart(
        &self,
        ind: &Indicator,
        region: &RegionRef,
        lang: &str,
        id: &str,
        highlight: Option<&RegionRef>,
    ) -> Option<Html> {
        let members = self.model.register.members(region);
        let year = self.model.latest_member_year(&ind.id, region)?;
        let labels = chart_labels(self.t(lang));
        let title = ind
            .title
            .get(lang, self.model.config.default_language())
            .text;
        let mut references = Vec::new();
        for r in [region.clone(), RegionRef::country()] {
            if r.category == Category::Maa && region.category == Category::Maa {
                continue;
            }
            if let Some(v) = self.model.indicators.values.value(&ind.id, &r, year) {
                references.push(bar::Reference {
                    name: self.model.region_name(&r, lang),
                    value: v,
                });
            }
        }
        let chart = bar::BarChart {
            id,
            title: &title,
            unit: ind.unit.as_deref().unwrap_or(""),
            decimals: ind.decimals(),
            lang,
            year,
            bars: members
                .iter()
                .map(|m| bar::Bar {
                    name: m.name(lang).to_string(),
                    value: self.model.indicators.values.value(&ind.id, &m.id, year),
                    highlight: Some(&m.id) == highlight,
                })
                .collect(),
            references,
            labels: &labels,
            source: self.source_line(ind, lang, Some(year)),
        };
        Some(chart.render())
    }

    /// "heikentynyt vuodesta 2006 (6,2)": the trend from `before` (a year and its value) to
    /// `now`, naming the value it compares with.
    pub(crate) fn trend_phrase(
        &self,
        ind: &Indicator,
        before: (i32, f64),
        now: f64,
        lang: &str,
    ) -> String {
        let j = trend::judge(ind.better, before.1, now, ind.decimals());
        format!(
            "{} {} {} ({})",
            self.word(lang, &format!("trend_{}", j.key())),
            self.word(lang, "since"),
            before.0,
            crate::base::numbers::format(before.1, ind.decimals(), lang)
        )
    }

    /// The latest value of the home region and its trend word since five years earlier.
    pub(crate) fn headline(&self, ind: &Indicator, lang: &str) -> Option<Headline> {
        let home = self.model.site_regions().into_iter().next()?;
        let (year, value) = self.model.indicators.values.latest(&ind.id, &home)?;
        let before = (1..=5).rev().find_map(|back| {
            self.model
                .indicators
                .values
                .value(&ind.id, &home, year - back)
                .map(|v| (year - back, v))
        });
        let trend = before.map(|b| self.trend_phrase(ind, b, value, lang));
        Some(Headline {
            region: self.model.region_name(&home, lang),
            year,
            value: charts::with_unit(
                value,
                ind.decimals(),
                ind.unit.as_deref().unwrap_or(""),
                lang,
            ),
            trend,
        })
    }
}

#[derive(Debug, Serialize)]
pub(crate) struct Headline {
    pub region: String,
    pub year: i32,
    pub value: String,
    pub trend: Option<String>,
}

#[derive(Debug, Serialize)]
pub(crate) struct PageView {
    pub title: Html,
    /// The title as plain text, for `<title>`.
    pub plain_title: String,
    pub description: Option<Html>,
    pub better: String,
    pub unit: Option<String>,
    pub producer: Option<String>,
    pub licence: Option<String>,
    pub headline: Option<Headline>,
    pub line_chart: Html,
    pub bar_chart: Option<Html>,
    /// The CSV of what the page shows; `None` when it shows no data.
    pub csv_href: Option<String>,
}

pub(crate) fn page_view(data: &View<'_>, ind: &Indicator, lang: &str) -> PageView {
    let default = data.model.config.default_language();
    let t = data.t(lang);
    let title = ind.title.get(lang, default);
    let better = match ind.better {
        crate::model::indicators::Better::Up => "better_up",
        crate::model::indicators::Better::Down => "better_down",
        crate::model::indicators::Better::Neutral => "better_neutral",
    };
    let regions = data.model.site_regions();
    let bar_chart = data
        .model
        .bar_region()
        .and_then(|r| data.bar_chart(ind, &r, lang, &format!("kunnat-{}", ind.id), None));
    let values = &data.model.indicators.values;
    let has_data =
        bar_chart.is_some() || regions.iter().any(|r| values.latest(&ind.id, r).is_some());
    PageView {
        title: super::html::written(&title.text, &title.lang, lang),
        plain_title: title.text.clone(),
        description: ind.description.as_ref().map(|d| data.md(d, lang)),
        better: super::theme::word(t, better),
        unit: ind
            .unit
            .as_deref()
            .map(|u| unit_text(u, &title.text, &super::theme::word(t, "unit_per"))),
        producer: ind.producer.clone(),
        licence: ind
            .licence
            .clone()
            .or_else(|| ind.is_sotkanet().then(|| "CC BY 4.0".to_string())),
        headline: data.headline(ind, lang),
        line_chart: data.line_chart(
            ind,
            &regions,
            None,
            None,
            lang,
            &format!("kaavio-{}", ind.id),
        ),
        bar_chart,
        csv_href: has_data.then(|| data.addresses.indicator_csv(&ind.id).href()),
    }
}

/// Description text from YAML: Markdown, cleaned like an author's raw HTML.
/// Exactly the data the indicator's page shows: the line chart's regions over all years and
/// the bar chart's municipalities in its year, in the Sotkanet CSV shape plus region names.
pub(crate) fn shown_csv(data: &View<'_>, ind: &Indicator) -> String {
    let mut out = String::from("indicator;region;region_name;year;gender;primary value\n");
    let mut row = |r: &RegionRef, year: i32, v: Option<f64>| {
        let name = data
            .model
            .region_name(r, data.model.config.default_language());
        let value = v.map(|v| format!("{v}")).unwrap_or_default();
        out.push_str(&format!(
            "{};{r};{};{year};total;{value}\n",
            ind.id,
            name.replace(';', ",")
        ));
    };
    for r in data.model.site_regions() {
        if let Some(series) = data.model.indicators.values.series(
            &ind.id,
            &r,
            crate::model::indicators::Gender::Total,
        ) {
            for (y, p) in series {
                row(&r, *y, p.value);
            }
        }
    }
    if let Some(region) = data.model.bar_region() {
        let members = data.model.register.members(&region);
        if let Some(year) = data.model.latest_member_year(&ind.id, &region) {
            for m in members {
                row(
                    &m.id,
                    year,
                    data.model.indicators.values.value(&ind.id, &m.id, year),
                );
            }
        }
    }
    out
}

/// The unit as a reader can read it. Sotkanet gives a rate's unit as "/ 1 000" and says what
/// it is per in the title ("… / 1 000 vastaavanikäistä"): the unit line says it in words,
/// "1 000 vastaavanikäistä kohden" (`per` is the theme's "{n} kohden" / "per {n}").
fn unit_text(unit: &str, title: &str, per: &str) -> String {
    let Some(rate) = unit.strip_prefix('/').map(str::trim) else {
        return unit.to_string();
    };
    let rest = title
        .find(unit)
        .map_or("", |at| title[at + unit.len()..].trim());
    let base = if rest.is_empty() {
        rate.to_string()
    } else {
        format!("{rate} {rest}")
    };
    per.replace("{n}", &base)
}

#[cfg(test)]
mod unit_tests {
    use super::unit_text;

    #[test]
    fn a_rate_says_what_it_is_per() {
        let title = "Depressiolääkkeistä korvausta saaneet 18–64-vuotiaat / 1 000 vastaavanikäistä";
        assert_eq!(
            unit_text("/ 1 000", title, "{n} kohden"),
            "1 000 vastaavanikäistä kohden"
        );
        assert_eq!(unit_text("/ 1 000", "Käynnit", "per {n}"), "per 1 000");
        assert_eq!(unit_text("%", title, "{n} kohden"), "%");
    }
}
