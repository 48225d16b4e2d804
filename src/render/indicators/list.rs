//! The appendix page of a reference indicator list (content format §13.4): every listed
//! indicator with where the site shows it, or why it was left out.

use crate::base::escape::Html;
use crate::render::context::Link;
use crate::render::html::{tx, written};
use crate::render::view::View;
use serde::Serialize;

#[derive(Debug, Serialize)]
pub(crate) struct ListView {
    pub title: Html,
    pub plain_title: String,
    pub rows: Vec<ListRow>,
    pub shown: usize,
    pub omitted: usize,
    pub missing: usize,
}

#[derive(Debug, Serialize)]
pub(crate) struct ListRow {
    pub id: String,
    pub title: Html,
    pub group: Option<String>,
    /// The indicator's page, when the site shows the indicator.
    pub href: Option<String>,
    /// The plan goals that follow the indicator.
    pub goals: Vec<Link>,
    /// Why it was left out, when it was.
    pub omitted: Option<Html>,
}

pub(crate) fn list_view(data: &View<'_>, i: usize, lang: &str) -> Option<ListView> {
    let list = data.model.indicator_lists.get(i)?;
    let d = data.model.config.default_language();
    let rows: Vec<ListRow> = list
        .entries
        .iter()
        .map(|e| {
            let ind = data.model.indicators.get(&e.id);
            let title = match (ind, &e.title) {
                (Some(ind), _) => tx(&ind.title, lang, d),
                (None, Some(t)) => written(t, d, lang),
                (None, None) => Html::text(&e.id),
            };
            ListRow {
                id: e.id.clone(),
                title,
                group: e.group.clone(),
                href: ind.map(|ind| data.addresses.indicator(&ind.id, lang).href()),
                goals: goals_following(data, &e.id, lang),
                omitted: list.omitted.get(&e.id).map(|r| tx(r, lang, d)),
            }
        })
        .collect();
    let shown = rows.iter().filter(|r| r.href.is_some()).count();
    let omitted = rows
        .iter()
        .filter(|r| r.href.is_none() && r.omitted.is_some())
        .count();
    Some(ListView {
        title: tx(&list.title, lang, d),
        plain_title: list.title.get(lang, d).text,
        missing: rows.len() - shown - omitted,
        rows,
        shown,
        omitted,
    })
}

/// Links to the goals of every plan that follow indicator `id`.
fn goals_following(data: &View<'_>, id: &str, lang: &str) -> Vec<Link> {
    let d = data.model.config.default_language();
    let mut out = Vec::new();
    for plan in data.model.plans {
        for fa in &plan.focus_areas {
            for g in fa
                .goals
                .iter()
                .filter(|g| g.indicators.iter().any(|i| i.id == id))
            {
                out.push(Link {
                    title: tx(&g.title, lang, d),
                    href: data.addresses.goal(plan, fa, g, lang).href(),
                    hreflang: None,
                    current: false,
                });
            }
        }
    }
    out
}

/// Links to the appendix pages of the lists that document `key` has as appendices.
pub(crate) fn appendices(
    input: crate::render::Input<'_>,
    key: &str,
    doc: &crate::model::content::document::RawDocument,
    lang: &str,
) -> Vec<Link> {
    let lists = input.view.model.indicator_lists;
    list_links(input.view, lang)
        .into_iter()
        .zip(lists)
        .filter(|(_, l)| l.is_appendix_of(key, doc))
        .map(|(link, _)| link)
        .collect()
}

/// Links to the lists' appendix pages, for the indicator index.
pub(crate) fn list_links(data: &View<'_>, lang: &str) -> Vec<Link> {
    let d = data.model.config.default_language();
    data.model
        .indicator_lists
        .iter()
        .enumerate()
        .map(|(i, l)| Link {
            title: tx(&l.title, lang, d),
            href: data.addresses.indicator_list(i, lang).href(),
            hreflang: None,
            current: false,
        })
        .collect()
}
