//! The indicator index (`/mittarit/`): indicators grouped by focus area and kind, each with
//! its latest value.

use super::Headline;
use crate::base::escape::Html;
use crate::render::view::View;
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Serialize)]
pub(crate) struct IndexItem {
    pub title: Html,
    pub href: String,
    pub headline: Option<Headline>,
}

#[derive(Debug, Serialize)]
pub(crate) struct Group {
    /// None for the one group of a site whose indicators have no focus area or kind: a
    /// heading "Muut mittarit" would name others that do not exist.
    pub title: Option<String>,
    pub items: Vec<IndexItem>,
}

/// `/mittarit/`: indicators grouped by focus area, then by kind (outcome before activity).
pub(crate) fn index_groups(data: &View<'_>, lang: &str) -> Vec<Group> {
    let t = data.t(lang);
    let mut groups: BTreeMap<
        (Option<&str>, Option<crate::model::indicators::Kind>),
        Vec<IndexItem>,
    > = BTreeMap::new();
    for ind in &data.model.indicators.list {
        let title = ind.title.get(lang, data.model.config.default_language());
        groups
            .entry((ind.focus_area.as_deref(), ind.kind))
            .or_default()
            .push(IndexItem {
                title: crate::render::html::written(&title.text, &title.lang, lang),
                href: data.addresses.indicator(&ind.id, lang).href(),
                headline: data.headline(ind, lang),
            });
    }
    let word = |k: &str| crate::render::theme::word(t, k);
    let any_area = groups.keys().any(|(area, _)| area.is_some());
    let alone = groups.len() == 1;
    groups
        .into_iter()
        .map(|((area, kind), items)| {
            // A focus area id of a plan shows as that focus area's title.
            let area = area.map(|a| {
                data.model
                    .plans
                    .iter()
                    .find_map(|p| p.focus_area(a))
                    .map_or_else(
                        || a.to_string(),
                        |fa| {
                            crate::render::html::plain(
                                &fa.title,
                                lang,
                                data.model.config.default_language(),
                            )
                        },
                    )
            });
            let kind = kind.map(|k| match k {
                crate::model::indicators::Kind::Outcome => word("kind_outcome"),
                crate::model::indicators::Kind::Activity => word("kind_activity"),
            });
            let title = match (area, kind) {
                (Some(area), Some(kind)) => Some(format!("{area}: {}", kind.to_lowercase())),
                (Some(area), None) => Some(area),
                (None, Some(kind)) if !any_area => Some(kind),
                (None, kind) if any_area || !alone => Some(match kind {
                    Some(kind) => format!("{}: {}", word("indicators_other"), kind.to_lowercase()),
                    None => word("indicators_other"),
                }),
                (None, _) => None,
            };
            Group { title, items }
        })
        .collect()
}
