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

/// Puts a page's views into its template context.
type Fill = Box<dyn Fn(&mut Context)>;

pub fn render(
    site: &Site,
    theme: &Theme,
    data: &DataSet<'_>,
    job: &Job,
) -> Result<(String, String), Error> {
    let (path, template, build): (String, &str, Fill) = match job {
        Job::PlanOverview(lang, pi) => {
            let plan = &data.model.plans[*pi];
            let (title, href) = doc_title(site, &plan.doc_key, lang);
            let mut crumbs = front(site, lang);
            crumbs.push(crumb(title.clone(), href));
            let view = data.plan_view(plan, lang, &title);
            (
                data.plan_path(plan, lang),
                "plan.html",
                Box::new(move |ctx| {
                    ctx.insert("breadcrumbs", &crumbs);
                    ctx.insert("plan", &view);
                }),
            )
        }
        Job::Together(lang, pi) => {
            let plan = &data.model.plans[*pi];
            let (title, href) = doc_title(site, &plan.doc_key, lang);
            let mut crumbs = front(site, lang);
            crumbs.push(crumb(title.clone(), href));
            crumbs.push(crumb(
                data.word(lang, "plan_title"),
                site.href(&data.plan_path(plan, lang)),
            ));
            let view = data.together_view(plan, lang);
            let plan_view = data.plan_view(plan, lang, &title);
            (
                data.together_path(plan, lang),
                "together.html",
                Box::new(move |ctx| {
                    ctx.insert("breadcrumbs", &crumbs);
                    ctx.insert("together", &view);
                    ctx.insert("plan", &plan_view);
                }),
            )
        }
        Job::FocusArea(lang, pi, fi) => {
            let plan = &data.model.plans[*pi];
            let fa = &plan.focus_areas[*fi];
            let (title, href) = doc_title(site, &plan.doc_key, lang);
            let mut crumbs = front(site, lang);
            crumbs.push(crumb(title, href));
            crumbs.push(crumb(
                data.word(lang, "plan_title"),
                site.href(&data.plan_path(plan, lang)),
            ));
            let view = data.focus_area_view(plan, fa, lang, true);
            (
                data.focus_area_path(plan, fa, lang),
                "focus_area.html",
                Box::new(move |ctx| {
                    ctx.insert("breadcrumbs", &crumbs);
                    ctx.insert("focus_area", &view);
                }),
            )
        }
        Job::Goal(lang, pi, fi, gi) => {
            let plan = &data.model.plans[*pi];
            let fa = &plan.focus_areas[*fi];
            let goal = &fa.goals[*gi];
            let (title, href) = doc_title(site, &plan.doc_key, lang);
            let mut crumbs = front(site, lang);
            crumbs.push(crumb(title, href));
            crumbs.push(crumb(
                data.word(lang, "plan_title"),
                site.href(&data.plan_path(plan, lang)),
            ));
            crumbs.push(crumb(
                super::html::plain(&fa.title, lang, data.config.default_language()),
                site.href(&data.focus_area_path(plan, fa, lang)),
            ));
            let view = data.goal_view(plan, fa, goal, lang, None);
            (
                data.goal_path(plan, fa, goal, lang),
                "goal.html",
                Box::new(move |ctx| {
                    ctx.insert("breadcrumbs", &crumbs);
                    ctx.insert("goal", &view);
                }),
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
            let crumbs = front(site, lang);
            (
                format!("{}organisaatiot/", data.config.lang_prefix(lang)),
                "organisations.html",
                Box::new(move |ctx| {
                    ctx.insert("breadcrumbs", &crumbs);
                    ctx.insert("organisations", &rows);
                }),
            )
        }
        Job::Org(lang, i) => {
            let o = data.organisations_with_pages()[*i];
            let mut crumbs = front(site, lang);
            crumbs.push(crumb(
                data.word(lang, "organisations_title"),
                site.href(&format!("{}organisaatiot/", data.config.lang_prefix(lang))),
            ));
            let view = data.organisation_view(o, lang);
            (
                data.organisation_path(&o.id, lang),
                "organisation.html",
                Box::new(move |ctx| {
                    ctx.insert("breadcrumbs", &crumbs);
                    ctx.insert("organisation", &view);
                }),
            )
        }
        Job::SurveyIndex(lang) => {
            let views: Vec<_> = data
                .model
                .surveys
                .iter()
                .map(|s| data.survey_view(s, lang))
                .collect();
            let crumbs = front(site, lang);
            (
                format!("{}kyselyt/", data.config.lang_prefix(lang)),
                "surveys.html",
                Box::new(move |ctx| {
                    ctx.insert("breadcrumbs", &crumbs);
                    ctx.insert("surveys", &views);
                }),
            )
        }
        Job::Survey(lang, i) => {
            let s = &data.model.surveys[*i];
            let mut crumbs = front(site, lang);
            crumbs.push(crumb(
                data.word(lang, "surveys_title"),
                site.href(&format!("{}kyselyt/", data.config.lang_prefix(lang))),
            ));
            let view = data.survey_view(s, lang);
            (
                data.survey_path(s, lang),
                "survey.html",
                Box::new(move |ctx| {
                    ctx.insert("breadcrumbs", &crumbs);
                    ctx.insert("survey", &view);
                }),
            )
        }
        Job::Clock(lang) => {
            let view = data.clock_view(lang, "vuosikello", super::current_month());
            let crumbs = front(site, lang);
            (
                format!("{}vuosikello/", data.config.lang_prefix(lang)),
                "vuosikello.html",
                Box::new(move |ctx| {
                    ctx.insert("breadcrumbs", &crumbs);
                    ctx.insert("clock", &view);
                }),
            )
        }
        Job::Cooperation(lang) => {
            let view = data.cooperation_view(lang);
            let crumbs = front(site, lang);
            (
                format!("{}yhteistyorakenne/", data.config.lang_prefix(lang)),
                "cooperation.html",
                Box::new(move |ctx| {
                    ctx.insert("breadcrumbs", &crumbs);
                    ctx.insert("cooperation", &view);
                }),
            )
        }
        _ => unreachable!("generated::render handles only generated pages"),
    };
    let lang = match job {
        Job::PlanOverview(l, ..)
        | Job::Together(l, ..)
        | Job::FocusArea(l, ..)
        | Job::Goal(l, ..)
        | Job::OrgIndex(l)
        | Job::Org(l, _)
        | Job::SurveyIndex(l)
        | Job::Survey(l, _)
        | Job::Clock(l)
        | Job::Cooperation(l) => l.as_str(),
        _ => site.config.default_language(),
    };
    let mut ctx = common(site, theme, data, lang, None, &path);
    build(&mut ctx);
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
