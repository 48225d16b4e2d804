//! The checks of `kertomus check` beyond what a build refuses: things an author can fix that
//! still build (empty link text, skipped heading levels, untitled pages, missing translations,
//! pages nobody can reach, root-relative links to nothing, stale or missing data) and, with
//! `--external`, links to other sites. Each finding is a warning with a position and its
//! [`Kind`], which orders and groups the report and names the finding in the summary line.

mod example;
mod external;
mod kind;
pub mod links;
mod pages;
mod statement;
mod todo;
mod translations;

use crate::base::diagnostics::Diagnostic;
use crate::model::config::Config;
use crate::model::content::SourcePage;
use crate::model::data::SiteData;
use crate::msg;
use crate::routes::Routes;
use crate::site::Site;
use std::collections::BTreeMap;
use std::path::Path;

pub(crate) use external::check_external;
pub use kind::{Kind, Section};
pub(crate) use todo::unfinished_if;

/// A warning with its kind, for the grouped report and the summary.
pub(crate) type Finding = (Kind, Diagnostic);

/// Everything `check` looks at in the assembled site. `generated` holds the site-relative paths
/// of pages and files kertomus writes besides the authors' pages.
pub(crate) fn site(
    site: &Site,
    data: &SiteData<'_>,
    content: &Path,
    generated: &[String],
) -> Vec<Finding> {
    let mut out = Vec::new();
    out.extend(pages::markdown(site));
    out.extend(pages::reachability(site));
    out.extend(pages::root_links(site, generated));
    out.extend(example::addresses(content));
    out.extend(translations::pages(site));
    out.extend(translations::yaml(data));
    out.extend(data_findings(data, content));
    out
}

/// `kertomus check`'s report on the plans and surveys: warnings with positions.
/// Listed indicators (site.yaml's `indicator_lists`) the site neither shows nor leaves out
/// with a reason, each at its line of the list.
fn uncovered_listed_indicators(data: &SiteData<'_>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for list in data.indicator_lists {
        for e in &list.entries {
            if data.indicators.get(&e.id).is_none() && !list.omitted.contains_key(&e.id) {
                let col = e
                    .text
                    .find(&e.id)
                    .map_or(1, |i| e.text[..i].chars().count() + 1);
                out.push(
                    Diagnostic::at_known_line(&list.path, e.line, col, &e.text, msg!("indicator `{id}` of the list is neither shown nor left out", id = e.id))
                        .warning()
                        .with_hint(msg!("add it to content/data/indicators.yaml, or give the reason under the list's omitted: in site.yaml")),
                );
            }
        }
    }
    out
}

/// For `kertomus check` (nothing for a build): what the parsed pages' front matter says
/// (pages without a title, unfinished items), read while their texts are still in memory.
pub(crate) fn sources_if(check: bool, sources: &[SourcePage], config: &Config) -> Vec<Finding> {
    if !check {
        return Vec::new();
    }
    let mut out = pages::untitled(sources);
    out.extend(todo::items(sources, config.default_language()));
    out
}

/// [`quality`] for `kertomus check`, nothing for a build.
pub(crate) fn quality_if(check: bool, data: &SiteData<'_>) -> Vec<Finding> {
    if check {
        quality(data)
    } else {
        Vec::new()
    }
}

pub(crate) fn quality(data: &SiteData<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    use crate::model::organisations::OrgType;
    let home = data.site_regions().into_iter().next();
    let region = data.region;
    for (pi, p) in data.plans.iter().enumerate() {
        let org = p
            .organisation
            .as_deref()
            .and_then(|id| data.organisations.get(id));
        let is = |t: crate::model::organisations::OrgType| org.is_some_and(|o| o.kind == t);
        let findings = crate::model::plan::quality::check(
            p,
            &crate::model::plan::quality::Setting {
                indicators: data.indicators,
                home_region: home.as_ref(),
                county_plan: is(OrgType::Hyvinvointialue) || region.links.receives(pi),
                contributing_statutory: crate::model::plan::quality::contributing_statutory(
                    region.plans,
                    region.links,
                    pi,
                ),
            },
        );
        out.extend(findings.into_iter().map(|(f, d)| (f.into(), d)));
        let municipal = is(OrgType::Kunta);
        let across = crate::model::plan::quality::across(region.plans, region.links, pi, municipal);
        out.extend(across.into_iter().map(|(f, d)| (f.into(), d)));
    }
    out.extend(
        uncovered_listed_indicators(data)
            .into_iter()
            .map(|d| (Kind::UncoveredListed, d)),
    );
    out.extend(
        statement::warnings(data.config, crate::base::dates::today_utc())
            .into_iter()
            .map(|d| (Kind::AccessibilityStatement, d)),
    );
    for s in data.surveys {
        out.extend(
            s.mismatches()
                .into_iter()
                .map(|d| (Kind::SurveyMismatch, d)),
        );
    }
    out
}

/// Everything `check` adds once the site is assembled; `external` fetches links to other sites.
pub(crate) fn after_assembly(
    site: &Site,
    data: &SiteData<'_>,
    routes: &Routes,
    content: &Path,
    external: bool,
) -> Vec<Finding> {
    let generated: Vec<String> = routes
        .entries()
        .iter()
        .filter(|e| !matches!(e.route, crate::routes::Route::Page(_)))
        .map(|e| e.path.as_str().to_string())
        .collect();
    let mut out = self::site(site, data, content, &generated);
    if external {
        out.extend(check_external(site, content, std::time::Duration::from_secs(10)).0);
    }
    out
}

/// Links in the rendered output that lead to nothing: kertomus's own bugs, reported so that
/// they are noticed and sent to its developers.
pub(crate) fn output_links(files: &BTreeMap<String, Vec<u8>>, config: &Config) -> Vec<Finding> {
    links::broken(files, &config.base_url)
        .into_iter()
        .map(|b| {
            let message = msg!("the generated page /{file} links to {link}: {reason}", file = b.file, link = b.link, reason: b.reason);
            let d = crate::base::diagnostics::Diagnostic::file_error(b.file.clone(), message)
                .warning()
                .with_hint(msg!("this is a bug of kertomus, not of the content: please report it"));
            (Kind::BrokenGenerated, d)
        })
        .collect()
}

/// Indicators without data for the home region (those a plan uses are reported by the plan
/// quality report) and indicators whose newest home-region value is over three years old.
fn data_findings(data: &SiteData<'_>, content: &Path) -> Vec<Finding> {
    use chrono::Datelike;
    let mut out = Vec::new();
    let Some(home) = data.site_regions().into_iter().next() else {
        return out;
    };
    let Ok(Some(src)) = crate::base::locate::read(content, Path::new("data/indicators.yaml"))
    else {
        return out;
    };
    let in_plans: std::collections::BTreeSet<&str> = data
        .plans
        .iter()
        .flat_map(|p| p.indicator_uses().into_iter().map(|(id, _)| id))
        .collect();
    let this_year = crate::base::dates::today_utc().map(|d| d.year());
    let entries = crate::base::locate::Entries::new(&src.text);
    for ind in &data.indicators.list {
        let at = entries.offset(&ind.id, 0);
        match data.indicators.values.latest(&ind.id, &home) {
            None if !in_plans.contains(ind.id.as_str()) => out.push((
                Kind::NoHomeData,
                src.error(at, msg!("indicator `{id}` has no data for the home region {home}", id = ind.id, home))
                    .warning()
                    .with_hint(msg!("add values under content/data/values/ (kertomus sotkanet pull fetches Sotkanet's)")),
            )),
            Some((year, _)) if this_year.is_some_and(|y| y - year > 3) => out.push((
                Kind::OldData,
                src.error(at, msg!("the newest value of indicator `{id}` for {home} is from {year}", id = ind.id, home, year))
                    .warning()
                    .with_hint(msg!("update the values (kertomus sotkanet pull), or say on the page why the data is old")),
            )),
            _ => {}
        }
    }
    out
}
