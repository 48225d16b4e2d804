//! Checks across files that a build refuses to pass: regions named in site.yaml, organisations
//! named by site.yaml and documents, card indicators. (Addresses a content page must not take
//! are the route table's to check: `routes::clashes`.)

use crate::base::diagnostics::Diagnostic;
use crate::base::locate;
use crate::model::config::Config;
use crate::model::content::SourcePage;
use crate::model::indicators;
use crate::model::organisations;
use crate::model::regions::Register;
use crate::msg;
use std::path::Path;

/// Card indicators of site.yaml must be in indicators.yaml.
pub(crate) fn card_indicators(
    config: &Config,
    indicators: &indicators::Indicators,
    diags: &mut Vec<Diagnostic>,
) {
    let rel = Path::new("content/site.yaml");
    let text = config.source.text.as_str();
    let cards = locate::key(text, "municipality_cards").unwrap_or(0);
    for id in config
        .municipality_cards
        .iter()
        .flat_map(|c| c.indicators.iter())
    {
        if indicators.lacks(id) {
            // At the scalar, quote included, as YAML errors are.
            let at = [format!("\"{id}\""), format!("'{id}'"), id.clone()]
                .iter()
                .find_map(|v| locate::token(text, v, cards));
            diags.push(
                locate::error_at(
                    rel,
                    text,
                    at,
                    msg!(
                        "municipality card indicator `{id}` is not in indicators.yaml",
                        id
                    ),
                )
                .with_hint(msg!("list ids from content/data/indicators.yaml")),
            );
        }
    }
}

/// `phenomena` of a card's prose file are keyed by focus-area id (spec §9): each key must be a
/// focus area of a plan. Skipped while a plan failed to load, so one broken plan.yaml is not
/// reported again on every card.
pub(crate) fn card_phenomena(
    sources: &[SourcePage],
    plans: &[crate::model::plan::Plan],
    diags: &mut Vec<Diagnostic>,
) {
    if plans.is_empty() {
        return;
    }
    let ids: Vec<&str> = plans
        .iter()
        .flat_map(|p| p.focus_areas.iter().map(|f| f.id.as_str()))
        .collect();
    for s in sources
        .iter()
        .filter(|s| crate::model::content::is_card_prose(&s.rel, s.is_index))
    {
        let from = locate::key(&s.text, "phenomena").unwrap_or(0);
        for id in s
            .front
            .phenomena
            .keys()
            .filter(|id| !ids.contains(&id.as_str()))
        {
            let at = locate::token(&s.text, id, from);
            let message = msg!("phenomena: `{id}` is not a focus area of the plan", id);
            let hint = match crate::base::yaml::closest(id, &ids) {
                Some(best) => msg!("did you mean `{best}`?", best),
                None => msg!("focus areas: {ids}", ids = ids.join(", ")),
            };
            diags.push(locate::error_at(s.shown(), &s.text, at, message).with_hint(hint));
        }
    }
}

/// The organisation of site.yaml and of documents must be in organisations.yaml, once the
/// site has one.
pub(crate) fn organisation_refs(
    config: &Config,
    sources: &[SourcePage],
    orgs: &organisations::Organisations,
    diags: &mut Vec<Diagnostic>,
) {
    if orgs.list.is_empty() {
        return;
    }
    if let Some(id) = config
        .organisation
        .as_deref()
        .filter(|id| orgs.get(id).is_none())
    {
        let (message, hint) = orgs.unknown(id);
        let at = locate::key(&config.source.text, "organisation")
            .and_then(|k| locate::token(&config.source.text, id, k));
        diags.push(
            locate::error_at("content/site.yaml", &config.source.text, at, message).with_hint(hint),
        );
    }
    for s in sources {
        let Some(id) = s
            .front
            .document
            .as_ref()
            .and_then(|d| d.organisation.as_deref())
        else {
            continue;
        };
        if orgs.get(id).is_none() {
            let (message, hint) = orgs.unknown(id);
            let front = &s.text[..s.body_offset];
            let at = locate::key(front, "organisation").and_then(|k| locate::token(front, id, k));
            diags.push(locate::error_at(s.shown(), &s.text, at, message).with_hint(hint));
        }
    }
}

/// The documents a reference indicator list names as its hosts must be documents.
pub(crate) fn list_documents(config: &Config, sources: &[SourcePage], diags: &mut Vec<Diagnostic>) {
    let text = config.source.text.as_str();
    let lists = locate::key(text, "indicator_lists").unwrap_or(0);
    for name in config.indicator_lists.iter().flat_map(|l| &l.documents) {
        let key = crate::model::indicator_lists::document_key(name);
        let is_document = sources
            .iter()
            .any(|s| s.is_index && s.key == key && s.front.document.is_some());
        if !is_document {
            let at = locate::token(text, name, lists);
            let message = msg!(
                "`{name}` is not a document folder (an index.md with a document: block)",
                name
            );
            diags.push(
                locate::error_at("content/site.yaml", text, at, message).with_hint(msg!(
                    "name the document's folder under content/, e.g. hyvinvointikertomus-2025-2029"
                )),
            );
        }
    }
}

/// Regions named in site.yaml must exist.
pub(crate) fn site_regions(config: &Config, register: &Register, diags: &mut Vec<Diagnostic>) {
    let rel = Path::new("content/site.yaml");
    let text = config.source.text.as_str();
    let mut named: Vec<(&str, &str)> = Vec::new();
    named.extend(
        config
            .home_region
            .iter()
            .map(|r| ("home_region", r.as_str())),
    );
    named.extend(
        config
            .compare_regions
            .iter()
            .map(|r| ("compare_regions", r.as_str())),
    );
    named.extend(
        config
            .municipality_cards
            .iter()
            .map(|c| ("region", c.region.as_str())),
    );
    for (key, r) in named {
        if let Err(message) = register.resolve(r) {
            let key_at = locate::key(text, key);
            let at = locate::token(text, r, key_at.unwrap_or(0)).or(key_at);
            diags.push(locate::error_at(rel, text, at, message));
        }
    }
}
