//! The generated pages: indicators, municipality cards, plans, organisations, surveys, the
//! annual clock, the cooperation structure, the accessibility statement and search. Each kind
//! says which template it uses, its breadcrumbs and the views its template reads; the frame
//! and the address come from the route table.

use super::context::Link;
use super::html::{tx, written};
use super::plan::DocLink;
use super::view::View;
use super::{cards, frame, indicators, render as render_template, Input};
use crate::base::error::Error;
use crate::base::escape::Html;
use crate::base::nth::Nth;
use crate::model::plan::{FocusArea, Goal, Plan};
use crate::routes::{Entry, Generated, IndicatorPage, PlanPage, RegisterPage, Section, SinglePage};
use serde::Serialize;

/// What a generated page puts into its template besides the frame.
struct Page {
    template: &'static str,
    crumbs: Vec<Link>,
    views: Vec<(&'static str, serde_json::Value)>,
}

fn value(v: impl Serialize) -> serde_json::Value {
    serde_json::to_value(v).unwrap_or_default()
}

fn page(
    template: &'static str,
    crumbs: Vec<Link>,
    views: Vec<(&'static str, serde_json::Value)>,
) -> Page {
    Page {
        template,
        crumbs,
        views,
    }
}

/// Renders the generated page `route` (the route of `entry`) in `lang`.
pub(super) fn render(
    input: Input<'_>,
    entry: &Entry,
    route: &Generated,
    lang: &str,
) -> Result<Vec<u8>, Error> {
    let Some(p) = page_of(input, route, lang) else {
        return Err(Error::Template(format!(
            "internal: no generated page for {route:?} at {:?}",
            entry.path
        )));
    };
    let mut ctx = frame::common(input, entry, lang, None);
    ctx.insert("breadcrumbs", &p.crumbs);
    for (key, v) in p.views {
        ctx.insert(key, &v);
    }
    render_template(input.theme, p.template, &ctx)
}

fn page_of(input: Input<'_>, route: &Generated, lang: &str) -> Option<Page> {
    match *route {
        Generated::Plan { plan, page } => match page {
            PlanPage::Overview => plan_page(input, plan, None, lang),
            PlanPage::Together => together(input, plan, lang),
            PlanPage::Region => region(input, plan, lang),
            PlanPage::FocusArea { focus } => plan_page(input, plan, Some((focus, None)), lang),
            PlanPage::Goal { focus, goal } => {
                plan_page(input, plan, Some((focus, Some(goal))), lang)
            }
        },
        Generated::Indicators(page) => indicator_page(input, page, lang),
        Generated::Register(page) => register_page(input, page, lang),
        Generated::Single(page) => Some(single_page(input, page, lang)),
    }
}

/// The indicator and municipality-card pages. The section indexes are in the main menu and
/// have no breadcrumbs.
fn indicator_page(input: Input<'_>, route: IndicatorPage, lang: &str) -> Option<Page> {
    let (site, data) = (input.site, input.view);
    let section = |s: Section, key: &str| frame::section_crumbs(input, lang, s, key);
    Some(match route {
        IndicatorPage::Index => page(
            "indicators.html",
            Vec::new(),
            vec![
                ("groups", value(indicators::index_groups(data, lang))),
                ("lists", value(indicators::list_links(data, lang))),
            ],
        ),
        IndicatorPage::Indicator(i) => {
            let ind = i.of(&data.model.indicators.list)?;
            page(
                "indicator.html",
                section(Section::Indicators, "indicators_title"),
                vec![("indicator", value(indicators::page_view(data, ind, lang)))],
            )
        }
        IndicatorPage::List(i) => page(
            "indicator_list.html",
            section(Section::Indicators, "indicators_title"),
            vec![("list", value(indicators::list_view(data, i.index(), lang)?))],
        ),
        IndicatorPage::CardIndex => page(
            "cards.html",
            Vec::new(),
            vec![("cards", value(cards::index_view(data, lang)))],
        ),
        IndicatorPage::Card(i) => {
            let m = i.of(&data.model.cards)?;
            page(
                "card.html",
                section(Section::Cards, "cards_title"),
                vec![("card", value(cards::card_view(data, site, m, lang)))],
            )
        }
    })
}

/// The organisation and survey pages and their indexes.
fn register_page(input: Input<'_>, route: RegisterPage, lang: &str) -> Option<Page> {
    let data = input.view;
    let front = || frame::front(input, lang);
    let section = |s: Section, key: &str| frame::section_crumbs(input, lang, s, key);
    Some(match route {
        RegisterPage::OrgIndex => page(
            "organisations.html",
            front(),
            vec![("organisations", value(organisation_rows(data, lang)))],
        ),
        RegisterPage::Org(i) => {
            let with_pages = data.model.organisations_with_pages();
            let o = i.of(&with_pages)?;
            page(
                "organisation.html",
                section(Section::Organisations, "organisations_title"),
                vec![("organisation", value(data.organisation_view(o, lang)))],
            )
        }
        RegisterPage::SurveyIndex => {
            let views: Vec<_> = data
                .model
                .surveys
                .iter()
                .map(|s| data.survey_view(s, lang))
                .collect();
            page("surveys.html", front(), vec![("surveys", value(views))])
        }
        RegisterPage::Survey(i) => {
            let s = i.of(data.model.surveys)?;
            page(
                "survey.html",
                section(Section::Surveys, "surveys_title"),
                vec![("survey", value(data.survey_view(s, lang)))],
            )
        }
    })
}

/// The pages there is one of per language, under the front page.
fn single_page(input: Input<'_>, route: SinglePage, lang: &str) -> Page {
    let data = input.view;
    let (template, views) = match route {
        SinglePage::Clock => {
            let clock = data.clock_view(lang, "vuosikello", crate::base::dates::current_month());
            ("vuosikello.html", vec![("clock", value(clock))])
        }
        SinglePage::Cooperation => (
            "cooperation.html",
            vec![("cooperation", value(data.cooperation_view(lang)))],
        ),
        SinglePage::Statement => (
            "statement.html",
            vec![("statement", value(data.statement_view(lang)))],
        ),
        SinglePage::Search => ("search.html", Vec::new()),
    };
    page(template, frame::front(input, lang), views)
}

/// Title and link of a plan's document in `lang` (or the default language).
fn doc_link(input: Input<'_>, key: &str, lang: &str) -> DocLink {
    let site = input.site;
    let page = site.find_or_default(key, lang).map(|i| &site[i]);
    DocLink {
        title: page.map_or_else(Html::default, |p| written(&p.title, &p.lang, lang)),
        plain_title: page.map_or_else(String::new, |p| p.title.clone()),
        href: page.map_or_else(String::new, |p| p.path.href()),
    }
}

fn crumb(title: Html, href: String) -> Link {
    Link {
        title,
        href,
        hreflang: None,
        current: false,
    }
}

/// A plan's overview (`at` is `None`), one of its focus areas, or one of its goals.
fn plan_page(
    input: Input<'_>,
    pi: Nth<Plan>,
    at: Option<(Nth<FocusArea>, Option<Nth<Goal>>)>,
    lang: &str,
) -> Option<Page> {
    let data = input.view;
    let plan = pi.of(data.model.plans)?;
    let doc = doc_link(input, &plan.doc_key, lang);
    let mut crumbs = frame::front(input, lang);
    crumbs.push(crumb(doc.title.clone(), doc.href.clone()));
    let Some((fi, goal)) = at else {
        let reports = crate::render::context::annual_reports(
            input.site,
            &input.theme.strings[lang],
            &plan.doc_key,
            lang,
        );
        let views = vec![
            ("plan", value(data.plan_view(plan, lang, &doc))),
            ("annual_reports", value(reports)),
        ];
        return Some(page("plan.html", crumbs, views));
    };
    crumbs.push(plan_crumb(input, plan, lang));
    let fa = fi.of(&plan.focus_areas)?;
    let Some(gi) = goal else {
        let views = vec![(
            "focus_area",
            value(data.focus_area_view(plan, fa, lang, true)),
        )];
        return Some(page("focus_area.html", crumbs, views));
    };
    let g = gi.of(&fa.goals)?;
    crumbs.push(crumb(
        tx(&fa.title, lang, data.model.config.default_language()),
        data.addresses.focus_area(plan, fa, lang).href(),
    ));
    let views = vec![(
        "goal",
        value(data.goal_view_linked(plan, fa, g, lang, None)),
    )];
    Some(page("goal.html", crumbs, views))
}

fn plan_crumb(input: Input<'_>, plan: &crate::model::plan::Plan, lang: &str) -> Link {
    let data = input.view;
    crumb(
        Html::text(&data.word(lang, "plan_title")),
        data.addresses.plan(plan, lang).href(),
    )
}

/// A plan's "together and separately" page.
fn together(input: Input<'_>, pi: Nth<Plan>, lang: &str) -> Option<Page> {
    let view = |plan: &Plan| value(input.view.together_view(plan, lang));
    below_plan(input, pi, lang, ("together.html", "together"), view)
}

/// The region-wide view of regional plan `pi`.
fn region(input: Input<'_>, pi: Nth<Plan>, lang: &str) -> Option<Page> {
    let view = |_: &Plan| value(input.view.region_view(pi.index(), lang));
    below_plan(input, pi, lang, ("region.html", "region"), view)
}

/// A page below plan `pi`'s overview: its template and the name of its view, which `view`
/// makes; the plan's own view beside it and the crumbs down to the plan.
fn below_plan(
    input: Input<'_>,
    pi: Nth<Plan>,
    lang: &str,
    (template, name): (&'static str, &'static str),
    view: impl FnOnce(&Plan) -> serde_json::Value,
) -> Option<Page> {
    let data = input.view;
    let plan = pi.of(data.model.plans)?;
    let doc = doc_link(input, &plan.doc_key, lang);
    let mut crumbs = frame::front(input, lang);
    crumbs.push(crumb(doc.title.clone(), doc.href.clone()));
    crumbs.push(plan_crumb(input, plan, lang));
    let views = vec![
        (name, view(plan)),
        ("plan", value(data.plan_view(plan, lang, &doc))),
    ];
    Some(page(template, crumbs, views))
}

#[derive(Serialize)]
struct OrgRow {
    name: crate::base::escape::Html,
    href: String,
    kind: String,
    responsible: usize,
    partner: usize,
    shared: usize,
}

/// The organisations index: each organisation with a page and its number of roles.
fn organisation_rows(data: &View<'_>, lang: &str) -> Vec<OrgRow> {
    data.model
        .organisations_with_pages()
        .iter()
        .map(|o| {
            let r = crate::model::plan::grouping::roles(data.model.plans, &o.id);
            let link = data.org_link(&o.id, lang);
            OrgRow {
                name: link.name,
                href: link.href,
                kind: data.word(lang, &o.kind.i18n_key()),
                responsible: r.responsible.len(),
                partner: r.partner.len(),
                shared: r.shared_goals.len(),
            }
        })
        .collect()
}
