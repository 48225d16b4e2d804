//! Municipality cards (kuntakortit, spec §9): one page per member municipality of the region in
//! `municipality_cards`, with each configured indicator's latest value beside the county and
//! the whole country, the trend since five years earlier and a word on how it compares with
//! the county; and an index with a table of all values.

use super::html::{block, tx, written};
use super::view::View;
use crate::base::escape::Html;
use crate::model::indicators::trend;
use crate::model::regions::{Region, RegionRef};
use crate::render::charts;
use crate::site::Site;
use serde::Serialize;

/// Phenomena under one focus area of a card.
#[derive(Debug, Serialize)]
pub(crate) struct PhenomenaGroup {
    pub title: Html,
    pub items: Vec<Html>,
}

/// Groups a card's phenomena under their focus areas, in the plans' order. The items are in
/// the language of the prose file, `in_lang`.
fn phenomena(
    data: &View<'_>,
    by_focus: &std::collections::BTreeMap<String, Vec<String>>,
    in_lang: &str,
    lang: &str,
) -> Vec<PhenomenaGroup> {
    let default = data.model.config.default_language();
    data.model
        .plans
        .iter()
        .flat_map(|p| p.focus_areas.iter())
        .filter_map(|fa| {
            let items = by_focus.get(&fa.id)?;
            Some(PhenomenaGroup {
                title: tx(&fa.title, lang, default),
                items: items.iter().map(|i| written(i, in_lang, lang)).collect(),
            })
        })
        .collect()
}

#[derive(Debug, Serialize)]
pub(crate) struct CardRow {
    pub title: Html,
    pub href: String,
    pub year: Option<i32>,
    pub value: Option<String>,
    pub county: Option<String>,
    pub country: Option<String>,
    pub trend: Option<String>,
    pub comparison: Option<String>,
}

#[derive(Debug, Serialize)]
pub(crate) struct CardView {
    pub name: String,
    pub code: String,
    pub county_name: Option<String>,
    pub prose: Option<Html>,
    pub needs: Vec<Html>,
    /// The prose file's phenomena under the focus areas' titles, in plan order.
    pub phenomena: Vec<PhenomenaGroup>,
    pub rows: Vec<CardRow>,
    pub charts: Vec<crate::base::escape::Html>,
}

pub(crate) fn card_view(data: &View<'_>, site: &Site, m: &Region, lang: &str) -> CardView {
    let county = data.model.county_of(m);
    let country = RegionRef::country();
    let values = &data.model.indicators.values;
    let mut rows = Vec::new();
    let mut chart_html = Vec::new();
    for ind in data.model.card_indicators() {
        let unit = ind.unit.as_deref().unwrap_or("");
        let fmt = |v: f64| charts::with_unit(v, ind.decimals(), unit, lang);
        let latest = values.latest(&ind.id, &m.id);
        let at = |r: &RegionRef| latest.and_then(|(y, _)| values.value(&ind.id, r, y));
        let county_value = county.as_ref().and_then(at);
        let trend = latest.and_then(|(y, v)| {
            let before = values.value(&ind.id, &m.id, y - 5)?;
            Some(data.trend_phrase(ind, (y - 5, before), v, lang))
        });
        let comparison = match (latest, county_value) {
            (Some((_, v)), Some(c)) => Some(data.word(
                lang,
                &format!(
                    "compare_{}",
                    trend::judge(ind.better, c, v, ind.decimals()).key()
                ),
            )),
            _ => None,
        };
        rows.push(CardRow {
            title: tx(&ind.title, lang, data.model.config.default_language()),
            href: data.addresses.indicator(&ind.id, lang).href(),
            year: latest.map(|l| l.0),
            value: latest.map(|l| fmt(l.1)),
            county: county_value.map(fmt),
            country: at(&country).map(fmt),
            trend,
            comparison,
        });
        let mut regions = vec![m.id.clone()];
        regions.extend(county.iter().cloned());
        regions.push(country.clone());
        chart_html.push(data.line_chart(
            ind,
            &regions,
            None,
            None,
            lang,
            &format!("kortti-{}", ind.id),
        ));
    }
    let prose = site
        .find_or_default(&format!("kuntakortit/{}", m.id.code), lang)
        .map(|i| &site[i]);
    CardView {
        name: m.name(lang).to_string(),
        code: m.id.code.clone(),
        county_name: county
            .as_ref()
            .and_then(|c| data.model.register.get(c))
            .map(|c| c.name(lang).to_string()),
        prose: prose.map(|p| block(Html::trusted(&*p.body), &p.lang, lang)),
        needs: prose
            .map(|p| {
                let needs = p.front.needs.iter();
                needs.map(|n| written(n, &p.lang, lang)).collect()
            })
            .unwrap_or_default(),
        phenomena: prose
            .map(|p| phenomena(data, &p.front.phenomena, &p.lang, lang))
            .unwrap_or_default(),
        rows,
        charts: chart_html,
    }
}

#[derive(Debug, Serialize)]
pub(crate) struct IndexRow {
    pub name: String,
    pub href: String,
    pub values: Vec<Option<String>>,
}

#[derive(Debug, Serialize)]
pub(crate) struct CardIndex {
    pub columns: Vec<String>,
    pub rows: Vec<IndexRow>,
}

pub(crate) fn index_view(data: &View<'_>, lang: &str) -> CardIndex {
    let inds = data.model.card_indicators();
    CardIndex {
        columns: inds
            .iter()
            .map(|i| i.title.get(lang, data.model.config.default_language()).text)
            .collect(),
        rows: data
            .model
            .cards
            .iter()
            .map(|m| IndexRow {
                name: m.name(lang).to_string(),
                href: data.addresses.card(m, lang).href(),
                values: inds
                    .iter()
                    .map(|i| {
                        data.model
                            .indicators
                            .values
                            .latest(&i.id, &m.id)
                            .map(|(y, v)| {
                                format!(
                                    "{} ({y})",
                                    crate::base::numbers::format(v, i.decimals(), lang)
                                )
                            })
                    })
                    .collect(),
            })
            .collect(),
    }
}
