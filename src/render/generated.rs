//! Rendering of the generated pages of plans, organisations, surveys, the annual clock and the
//! cooperation structure, and the plan links and annual report on document pages.

use super::context::{link_to, Link};
use super::indicators::DataSet;
use super::theme::Theme;
use super::{common, render as render_template, Job};
use crate::error::Error;
use crate::site::Site;
use serde::Serialize;
use tera::Context;

/// Every generated path of these pages in `lang`, for the sitemap.
pub fn paths(data: &DataSet<'_>, lang: &str) -> Vec<String> {
    let p = data.config.lang_prefix(lang);
    let mut out = data.plan_paths(lang);
    let orgs = data.organisations_with_pages();
    if !orgs.is_empty() {
        out.push(format!("{p}organisaatiot/"));
        out.extend(orgs.iter().map(|o| data.organisation_path(&o.id, lang)));
    }
    if !data.model.surveys.is_empty() {
        out.push(format!("{p}kyselyt/"));
        out.extend(data.model.surveys.iter().map(|s| data.survey_path(s, lang)));
    }
    if data.model.cooperation.clock.is_some() {
        out.push(format!("{p}vuosikello/"));
    }
    if !data.model.cooperation.bodies.is_empty() {
        out.push(format!("{p}yhteistyorakenne/"));
    }
    out.push(data.statement_path(lang));
    if data.search {
        out.push(data.search_path(lang));
    }
    out
}

/// The front page's link, for breadcrumbs.
fn front(site: &Site, lang: &str) -> Vec<Link> {
    site.find("", lang)
        .or_else(|| site.find("", site.config.default_language()))
        .map(|f| link_to(site, f, lang, false))
        .into_iter()
        .collect()
}

fn crumb(title: String, href: String) -> Link {
    Link {
        title,
        href,
        lang: None,
        current: false,
    }
}

/// Title of the plan's document in `lang` (or the default language).
fn doc_title(site: &Site, key: &str, lang: &str) -> (String, String) {
    site.find_or_default(key, lang)
        .map(|i| (site.pages[i].title.clone(), site.href(&site.pages[i].path)))
        .unwrap_or_default()
}

/// Breadcrumbs of a plan page: front page, document, and (below the overview) the plan.
fn plan_crumbs(
    site: &Site,
    data: &DataSet<'_>,
    plan: &crate::plan::Plan,
    lang: &str,
    below: bool,
) -> (Vec<Link>, String) {
    let (title, href) = doc_title(site, &plan.doc_key, lang);
    let mut crumbs = front(site, lang);
    crumbs.push(crumb(title.clone(), href));
    if below {
        crumbs.push(crumb(
            data.word(lang, "plan_title"),
            site.href(&data.plan_path(plan, lang)),
        ));
    }
    (crumbs, title)
}

/// Language, path, template, breadcrumbs and named views of one generated page.
type Out<'a> = (
    &'a str,
    String,
    &'static str,
    Vec<Link>,
    Vec<(&'static str, serde_json::Value)>,
);

fn value(v: impl Serialize) -> serde_json::Value {
    serde_json::to_value(v).unwrap_or_default()
}

pub fn render(
    site: &Site,
    theme: &Theme,
    data: &DataSet<'_>,
    job: &Job,
) -> Result<(String, String), Error> {
    let prefix = |lang: &str| data.config.lang_prefix(lang);
    let section =
        |lang: &str, slug: &str, key: &str| super::section_crumbs(site, theme, lang, slug, key);
    // Each page: language, path, template, breadcrumbs and the views its template reads.
    let (lang, path, template, crumbs, views): Out<'_> = match job {
        Job::PlanOverview(lang, pi) => {
            let plan = &data.model.plans[*pi];
            let (crumbs, title) = plan_crumbs(site, data, plan, lang, false);
            let views = vec![("plan", value(data.plan_view(plan, lang, &title)))];
            (lang, data.plan_path(plan, lang), "plan.html", crumbs, views)
        }
        Job::Together(lang, pi) => {
            let plan = &data.model.plans[*pi];
            let (crumbs, title) = plan_crumbs(site, data, plan, lang, true);
            let views = vec![
                ("together", value(data.together_view(plan, lang))),
                ("plan", value(data.plan_view(plan, lang, &title))),
            ];
            (
                lang,
                data.together_path(plan, lang),
                "together.html",
                crumbs,
                views,
            )
        }
        Job::FocusArea(lang, pi, fi) => {
            let plan = &data.model.plans[*pi];
            let fa = &plan.focus_areas[*fi];
            let (crumbs, _) = plan_crumbs(site, data, plan, lang, true);
            let views = vec![(
                "focus_area",
                value(data.focus_area_view(plan, fa, lang, true)),
            )];
            (
                lang,
                data.focus_area_path(plan, fa, lang),
                "focus_area.html",
                crumbs,
                views,
            )
        }
        Job::Goal(lang, pi, fi, gi) => {
            let plan = &data.model.plans[*pi];
            let fa = &plan.focus_areas[*fi];
            let goal = &fa.goals[*gi];
            let (mut crumbs, _) = plan_crumbs(site, data, plan, lang, true);
            crumbs.push(crumb(
                super::html::plain(&fa.title, lang, data.config.default_language()),
                site.href(&data.focus_area_path(plan, fa, lang)),
            ));
            let views = vec![("goal", value(data.goal_view(plan, fa, goal, lang, None)))];
            (
                lang,
                data.goal_path(plan, fa, goal, lang),
                "goal.html",
                crumbs,
                views,
            )
        }
        Job::OrgIndex(lang) => {
            #[derive(Serialize)]
            struct Row {
                name: String,
                href: String,
                kind: String,
                responsible: usize,
                partner: usize,
                shared: usize,
            }
            let rows: Vec<Row> = data
                .organisations_with_pages()
                .iter()
                .map(|o| {
                    let r = crate::plan::grouping::roles(data.model.plans, &o.id);
                    let link = data.org_link(&o.id, lang);
                    Row {
                        name: link.name,
                        href: link.href,
                        kind: data.word(lang, &o.kind.i18n_key()),
                        responsible: r.responsible.len(),
                        partner: r.partner.len(),
                        shared: r.shared_goals.len(),
                    }
                })
                .collect();
            (
                lang,
                format!("{}organisaatiot/", prefix(lang)),
                "organisations.html",
                front(site, lang),
                vec![("organisations", value(rows))],
            )
        }
        Job::Org(lang, i) => {
            let o = data.organisations_with_pages()[*i];
            let views = vec![("organisation", value(data.organisation_view(o, lang)))];
            (
                lang,
                data.organisation_path(&o.id, lang),
                "organisation.html",
                section(lang, "organisaatiot", "organisations_title"),
                views,
            )
        }
        Job::SurveyIndex(lang) => {
            let views: Vec<_> = data
                .model
                .surveys
                .iter()
                .map(|s| data.survey_view(s, lang))
                .collect();
            (
                lang,
                format!("{}kyselyt/", prefix(lang)),
                "surveys.html",
                front(site, lang),
                vec![("surveys", value(views))],
            )
        }
        Job::Survey(lang, i) => {
            let s = &data.model.surveys[*i];
            let views = vec![("survey", value(data.survey_view(s, lang)))];
            (
                lang,
                data.survey_path(s, lang),
                "survey.html",
                section(lang, "kyselyt", "surveys_title"),
                views,
            )
        }
        Job::Clock(lang) => {
            let views = vec![(
                "clock",
                value(data.clock_view(lang, "vuosikello", crate::dates::current_month())),
            )];
            (
                lang,
                format!("{}vuosikello/", prefix(lang)),
                "vuosikello.html",
                front(site, lang),
                views,
            )
        }
        Job::Cooperation(lang) => {
            let views = vec![("cooperation", value(data.cooperation_view(lang)))];
            (
                lang,
                format!("{}yhteistyorakenne/", prefix(lang)),
                "cooperation.html",
                front(site, lang),
                views,
            )
        }
        Job::Search(lang) => (
            lang,
            data.search_path(lang),
            "search.html",
            front(site, lang),
            Vec::new(),
        ),
        Job::Statement(lang) => {
            let views = vec![("statement", value(data.statement_view(lang)))];
            (
                lang,
                data.statement_path(lang),
                "statement.html",
                front(site, lang),
                views,
            )
        }
        _ => unreachable!("generated::render handles only generated pages"),
    };
    let mut ctx = common(site, theme, data, lang, None, &path);
    ctx.insert("breadcrumbs", &crumbs);
    for (key, v) in views {
        ctx.insert(key, &v);
    }
    Ok((
        format!("{path}index.html"),
        render_template(theme, template, &ctx)?,
    ))
}

/// On a plan document's page: the plan's overview; on an annual report: the report itself.
pub fn document_extras(site: &Site, data: &DataSet<'_>, i: usize, ctx: &mut Context) {
    let p = &site.pages[i];
    let Some(doc) = site.document_of(i).filter(|_| p.is_index) else {
        return;
    };
    let lang = p.lang.as_str();
    if doc.kind.has_plan() {
        if let Some(plan) = data.plan_by_key(&p.key) {
            ctx.insert("doc_plan", &data.plan_view(plan, lang, &p.title));
        }
    }
    if let (Some(year), Some(rel)) = (doc.year, doc.plan.as_deref()) {
        let dir = p.rel.parent().unwrap_or(std::path::Path::new(""));
        let key = crate::content::resolve_relative(dir, rel)
            .map(|d| crate::content::dir_key(&d))
            .unwrap_or_default();
        if let Some(plan) = data.plan_by_key(&key) {
            ctx.insert("annual", &data.annual_view(plan, year, lang));
        }
    }
}
