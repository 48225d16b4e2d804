//! `kertomus check --external`: links to other sites, fetched with timeouts, one request per
//! host at a time (hosts in parallel), each URL once however many pages link to it.

use super::{Finding, Kind};
use crate::msg;
use crate::site::Site;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::Path;
use std::time::Duration;

/// The external URLs of the site's pages with the first page (file) that links to each.
fn urls(site: &Site) -> BTreeMap<String, BTreeMap<String, std::path::PathBuf>> {
    let mut by_host: BTreeMap<String, BTreeMap<String, std::path::PathBuf>> = BTreeMap::new();
    for p in &site.pages {
        for link in crate::html::links::links(p.body.as_bytes()).links {
            let url = crate::base::escape::decode(&link);
            let Some(after) = url
                .strip_prefix("https://")
                .or_else(|| url.strip_prefix("http://"))
            else {
                continue;
            };
            let host = after
                .split(['/', '?', '#'])
                .next()
                .unwrap_or_default()
                .to_string();
            let url = url.split('#').next().unwrap_or_default().to_string();
            by_host
                .entry(host)
                .or_default()
                .entry(url)
                .or_insert_with(|| p.rel.clone());
        }
    }
    by_host
}

/// What went wrong with a URL, or `None` when it answered.
fn probe(agent: &ureq::Agent, url: &str) -> Option<String> {
    let ok = |status: u16| (200..400).contains(&status);
    match agent.head(url).call() {
        Ok(r) if ok(r.status().as_u16()) => return None,
        // Some servers refuse HEAD; ask again with GET before calling the link broken.
        Ok(_) | Err(_) => {}
    }
    match agent.get(url).call() {
        Ok(r) if ok(r.status().as_u16()) => None,
        Ok(r) => Some(format!("HTTP {}", r.status().as_u16())),
        Err(e) => Some(e.to_string()),
    }
}

pub(crate) fn check_external(
    site: &Site,
    content: &Path,
    timeout: Duration,
) -> (Vec<Finding>, usize) {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .user_agent(concat!(
            "kertomus/",
            env!("CARGO_PKG_VERSION"),
            " (link check)"
        ))
        .timeout_global(Some(timeout))
        .http_status_as_error(false)
        .build()
        .into();
    let by_host = urls(site);
    let total: usize = by_host.values().map(BTreeMap::len).sum();
    let hosts: Vec<(&String, &BTreeMap<String, std::path::PathBuf>)> = by_host.iter().collect();
    let failures: Vec<(String, std::path::PathBuf, String)> = hosts
        .par_iter()
        .flat_map_iter(|(_, urls)| {
            // One host's URLs one after another: never more than one request at a time there.
            urls.iter()
                .filter_map(|(url, page)| {
                    probe(&agent, url).map(|why| (url.clone(), page.clone(), why))
                })
                .collect::<Vec<_>>()
        })
        .collect();
    let findings = failures
        .into_iter()
        .map(|(url, rel, why)| {
            let text = std::fs::read_to_string(content.join(&rel)).unwrap_or_default();
            (
                Kind::BrokenExternal,
                crate::base::locate::error_at(
                    Path::new("content").join(&rel),
                    &text,
                    text.find(&url),
                    msg!("{url}: {why}", url, why),
                )
                .warning()
                .with_hint(msg!(
                    "check the address; pages move, and a broken link leaves the reader stranded"
                )),
            )
        })
        .collect();
    (findings, total)
}
