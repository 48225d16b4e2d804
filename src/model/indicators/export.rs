//! Open data: every value in long format (`/data/indicators.csv`) and the indicators'
//! metadata (`/data/indicators.json`), so that anyone can reuse the numbers behind the charts.

use super::{Indicators, Source};
use crate::model::regions::Register;
use serde_json::json;

/// `indicator;region;region_name;year;gender;value`, one row per value, sorted.
pub fn values_csv(indicators: &Indicators, register: &Register) -> String {
    let mut out = String::from("indicator;region;region_name;year;gender;value\n");
    for (ind, region, gender, year, point) in indicators.values.rows() {
        let name = register
            .get(region)
            .map_or("", |r| r.name_fi.as_str())
            .replace(';', ",");
        let value = point.value.map(|v| v.to_string()).unwrap_or_default();
        out.push_str(&format!(
            "{ind};{region};{name};{year};{};{value}\n",
            gender.as_str()
        ));
    }
    out
}

/// The metadata of every indicator, as JSON.
/// `data_path` gives the address of each indicator's CSV download.
pub fn metadata_json(indicators: &Indicators, data_path: impl Fn(&str) -> String) -> String {
    let list: Vec<serde_json::Value> = indicators
        .list
        .iter()
        .map(|i| {
            json!({
                "id": i.id,
                "source": match i.source { Source::Sotkanet => "sotkanet", Source::Local => "local" },
                "title": i.title,
                "unit": i.unit,
                "decimals": i.decimals(),
                "better": i.better,
                "kind": i.kind,
                "producer": i.producer,
                "licence": i.licence,
                "description": i.description,
                "focus_area": i.focus_area,
                "data": data_path(&i.id),
            })
        })
        .collect();
    serde_json::to_string_pretty(&json!({ "indicators": list })).unwrap_or_default() + "\n"
}
