//! Views of the annual clock (vuosikello) and the cooperation structure (yhteistyörakenne),
//! spec §11, and of organisations with every role they have in the plans.

use super::html::{plain, tx};
use super::plan::{GoalView, MeasureView, OrgLink};
use super::view::View;
use crate::base::escape::Html;
use crate::model::cooperation::Level;
use crate::model::plan::grouping;
use crate::render::charts::clock::{ClockChart, ClockPhase};
use crate::routes::Section;
use serde::Serialize;

#[derive(Debug, Serialize)]
pub(crate) struct PhaseView {
    pub number: usize,
    pub title: Html,
    pub description: Option<Html>,
    pub months: String,
    pub actors: Vec<OrgLink>,
}

#[derive(Debug, Serialize)]
pub(crate) struct MonthView {
    pub name: String,
    pub current: bool,
    pub phases: Vec<(usize, Html)>,
}

#[derive(Debug, Serialize)]
pub(crate) struct ClockView {
    pub title: Html,
    pub plain_title: String,
    pub description: Option<Html>,
    pub svg: Html,
    pub phases: Vec<PhaseView>,
    pub months: Vec<MonthView>,
}

#[derive(Debug, Serialize)]
pub(crate) struct BodyView {
    pub id: String,
    pub name: Html,
    pub description: Option<Html>,
    pub members: Vec<Html>,
    pub meetings_per_year: Option<String>,
    pub tasks: Vec<Html>,
    pub legal_basis: Vec<String>,
    pub term: Option<String>,
    pub meetings: Vec<super::context::DateView>,
}

#[derive(Debug, Serialize)]
pub(crate) struct LevelView {
    pub title: String,
    pub bodies: Vec<BodyView>,
}

#[derive(Debug, Serialize)]
pub(crate) struct CooperationView {
    pub levels: Vec<LevelView>,
    pub counterparts: Vec<(OrgLink, OrgLink)>,
}

#[derive(Debug, Serialize)]
pub(crate) struct OrgView {
    pub id: String,
    pub name: Html,
    pub plain_name: String,
    pub href: String,
    pub kind: String,
    pub region: Option<String>,
    pub parent: Option<OrgLink>,
    pub units: Vec<OrgLink>,
    pub counterpart: Option<OrgLink>,
    pub responsible: Vec<MeasureView>,
    pub partner: Vec<MeasureView>,
    pub shared_goals: Vec<GoalView>,
}

/// Months in the page's language, from the theme's `month_1` … `month_12`.
fn month_names(data: &View<'_>, lang: &str) -> Vec<String> {
    (1..=12)
        .map(|m| data.word(lang, &format!("month_{m}")))
        .collect()
}

impl View<'_> {
    fn body_link(&self, id: &str, lang: &str) -> OrgLink {
        let name = self.model.cooperation.body(id).map_or_else(
            || Html::text(id),
            |b| tx(&b.name, lang, self.model.config.default_language()),
        );
        OrgLink {
            name,
            href: self
                .addresses
                .section(Section::Cooperation, lang)
                .at(id)
                .href(),
        }
    }

    /// `current` is the month to mark (only when the site asks for it).
    pub(crate) fn clock_view(
        &self,
        lang: &str,
        id: &str,
        current: Option<u32>,
    ) -> Option<ClockView> {
        let clock = self.model.cooperation.clock.as_ref()?;
        let d = self.model.config.default_language();
        let names = month_names(self, lang);
        let current = current.filter(|_| clock.show_current_month);
        let phases = clock
            .phases
            .iter()
            .enumerate()
            .map(|(i, p)| self.phase_view(i + 1, p, &names, lang))
            .collect();
        let months: Vec<MonthView> = (1..=12u32)
            .map(|m| MonthView {
                name: names[(m - 1) as usize].clone(),
                current: current == Some(m),
                phases: clock
                    .phases
                    .iter()
                    .enumerate()
                    .filter(|(_, p)| p.months.contains(&m))
                    .map(|(i, p)| (i + 1, self.phase_title(p, lang)))
                    .collect(),
            })
            .collect();
        let title = plain(&clock.title, lang, d);
        let svg = self.clock_svg(clock, &months, id, &title, current, lang);
        Some(ClockView {
            title: tx(&clock.title, lang, d),
            plain_title: title,
            description: clock.description.as_ref().map(|t| self.md(t, lang)),
            svg,
            phases,
            months,
        })
    }

    /// A phase's title; on a clock shared by several organisations led by the organisation's
    /// name ("Esimerkkilän kaupunki: Talousarvion valmistelu").
    fn phase_title(&self, p: &crate::model::cooperation::Phase, lang: &str) -> Html {
        let d = self.model.config.default_language();
        let title = tx(&p.title, lang, d);
        match p
            .organisation
            .as_deref()
            .and_then(|o| self.model.organisation_name(o))
        {
            Some(name) => {
                let name = tx(name, lang, d).into_string();
                // Both parts are escaped HTML already.
                Html::trusted(format!("{name}: {}", title.into_string()))
            }
            None => title,
        }
    }

    fn phase_view(
        &self,
        number: usize,
        p: &crate::model::cooperation::Phase,
        names: &[String],
        lang: &str,
    ) -> PhaseView {
        PhaseView {
            number,
            title: self.phase_title(p, lang),
            description: p.description.as_ref().map(|t| self.md(t, lang)),
            months: p
                .months
                .iter()
                .filter_map(|m| names.get((*m as usize).wrapping_sub(1)).cloned())
                .collect::<Vec<_>>()
                .join(", "),
            actors: p.actors.iter().map(|a| self.body_link(a, lang)).collect(),
        }
    }

    /// The drawing, described month by month for screen readers
    /// ("tammikuu: 1. Arviointi; 3. Kirjoittaminen. helmikuu: …").
    fn clock_svg(
        &self,
        clock: &crate::model::cooperation::Clock,
        months: &[MonthView],
        id: &str,
        title: &str,
        current: Option<u32>,
        lang: &str,
    ) -> Html {
        let d = self.model.config.default_language();
        let description: Vec<String> = months
            .iter()
            .filter(|m| !m.phases.is_empty())
            .map(|m| {
                let ps: Vec<String> = m
                    .phases
                    .iter()
                    .map(|(n, _)| format!("{n}. {}", plain(&clock.phases[n - 1].title, lang, d)))
                    .collect();
                format!("{}: {}", m.name, ps.join("; "))
            })
            .collect();
        let short: Vec<String> = (1..=12)
            .map(|m| self.word(lang, &format!("month_short_{m}")))
            .collect();
        ClockChart {
            id,
            title,
            description: &(description.join(". ") + "."),
            months: std::array::from_fn(|i| short[i].as_str()),
            phases: clock
                .phases
                .iter()
                .enumerate()
                .map(|(i, p)| ClockPhase {
                    number: i + 1,
                    months: p.months.clone(),
                })
                .collect(),
            current,
            current_label: &self.word(lang, "clock_now"),
        }
        .render()
    }

    /// "1–2", "vähintään 1", "enintään 4" or "2": an open end is said, never dropped.
    fn meetings(&self, m: crate::model::cooperation::MeetingsPerYear, lang: &str) -> String {
        let n = |key: &str, n: u32| self.word(lang, key).replace("{n}", &n.to_string());
        match m.max {
            None => n("at_least", m.min),
            Some(max) if m.min == 0 => n("at_most", max),
            Some(max) if max != m.min => format!("{}–{max}", m.min),
            Some(_) => m.min.to_string(),
        }
    }

    pub(crate) fn cooperation_view(&self, lang: &str) -> CooperationView {
        let d = self.model.config.default_language();
        let levels = Level::ALL
            .iter()
            .filter_map(|level| {
                let bodies: Vec<BodyView> = self
                    .model
                    .cooperation
                    .bodies
                    .iter()
                    .filter(|b| b.level == *level)
                    .map(|b| BodyView {
                        id: b.id.clone(),
                        name: tx(&b.name, lang, d),
                        description: b.description.as_ref().map(|t| self.md(t, lang)),
                        members: b.members.iter().map(|t| tx(t, lang, d)).collect(),
                        meetings_per_year: b.meetings_per_year.map(|m| self.meetings(m, lang)),
                        tasks: b.tasks.iter().map(|t| tx(t, lang, d)).collect(),
                        legal_basis: b.legal_basis.clone(),
                        term: b.term.map(|t| t.human()),
                        meetings: b
                            .meetings
                            .iter()
                            .map(|x| super::context::DateView::new(x, lang))
                            .collect(),
                    })
                    .collect();
                (!bodies.is_empty()).then(|| LevelView {
                    title: self.word(lang, &format!("level_{}", level.key())),
                    bodies,
                })
            })
            .collect();
        CooperationView {
            levels,
            counterparts: self
                .model
                .organisations
                .counterparts()
                .into_iter()
                .map(|(a, b)| (self.org_link(&a.id, lang), self.org_link(&b.id, lang)))
                .collect(),
        }
    }

    pub(crate) fn organisation_view(
        &self,
        o: &crate::model::organisations::Organisation,
        lang: &str,
    ) -> OrgView {
        let d = self.model.config.default_language();
        let roles = grouping::roles(self.model.plans, &o.id);
        let with_page: Vec<&str> = self
            .model
            .organisations_with_pages()
            .iter()
            .map(|x| x.id.as_str())
            .collect();
        let link = |id: &str| self.org_link(id, lang);
        OrgView {
            id: o.id.clone(),
            name: tx(&o.name, lang, d),
            plain_name: plain(&o.name, lang, d),
            href: link(&o.id).href,
            kind: self.word(lang, &o.kind.i18n_key()),
            region: o.region.as_ref().map(|r| self.model.region_name(r, lang)),
            parent: o
                .parent
                .as_deref()
                .filter(|p| with_page.contains(p))
                .map(link),
            units: self
                .model
                .organisations
                .list
                .iter()
                .filter(|u| {
                    u.parent.as_deref() == Some(o.id.as_str()) && with_page.contains(&u.id.as_str())
                })
                .map(|u| link(&u.id))
                .collect(),
            counterpart: o
                .counterpart
                .as_deref()
                .filter(|p| with_page.contains(p))
                .map(link),
            responsible: roles
                .responsible
                .iter()
                .map(|(p, m)| self.measure_view(p, *m, lang, None))
                .collect(),
            partner: roles
                .partner
                .iter()
                .map(|(p, m)| self.measure_view(p, *m, lang, None))
                .collect(),
            shared_goals: roles
                .shared_goals
                .iter()
                .map(|(p, fa, g)| self.goal_view(p, fa, g, lang, None))
                .collect(),
        }
    }
}
