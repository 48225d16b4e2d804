//! The site's data as one read-only aggregate: site.yaml, the region register, indicators and
//! their values, organisations, plans, surveys and the cooperation structure, with the domain
//! questions every part of the site asks of them (which regions the site shows, which
//! municipalities get a card, which organisations take part in a plan). It knows nothing of
//! HTML, templates or addresses: `render` and `routes` read it, `validate` and `check` too.

use crate::model::config::Config;
use crate::model::cooperation::Cooperation;
use crate::model::indicators::{Indicator, Indicators};
use crate::model::organisations::{Organisation, Organisations};
use crate::model::plan::{grouping, Plan};
use crate::model::regions::{Category, Region, RegionRef, Register};
use crate::model::surveys::Survey;

/// Everything the site shows besides its pages, resolved and validated.
pub(crate) struct SiteData<'a> {
    /// site.yaml.
    pub config: &'a Config,
    /// The built-in region register with the site's overrides.
    pub register: &'a Register,
    /// indicators.yaml and the value files.
    pub indicators: &'a Indicators,
    /// organisations.yaml.
    pub organisations: &'a Organisations,
    /// Each plan document's plan.yaml, resolved: the site's own plans, which get pages.
    pub plans: &'a [Plan],
    /// Every plan of the site, its own and those pulled from other sites, with the links
    /// between them.
    pub region: RegionPlans<'a>,
    /// A plan file could not be read: references to focus areas and goals are not checked
    /// (its own error is the one to fix).
    pub plans_failed: bool,
    /// The reference indicator lists of site.yaml.
    pub indicator_lists: &'a [crate::model::indicator_lists::IndicatorList],
    /// The surveys under `content/data/surveys/`.
    pub surveys: &'a [Survey],
    /// The annual clock and the cooperation bodies.
    pub cooperation: &'a Cooperation,
    /// Municipalities that get a card, by name (computed once: the menu of every page asks).
    pub cards: Vec<&'a Region>,
}

impl<'a> SiteData<'a> {
    /// The home region and the compare regions of site.yaml, each once.
    pub(crate) fn site_regions(&self) -> Vec<RegionRef> {
        let mut out = Vec::new();
        for r in self
            .config
            .home_region
            .iter()
            .chain(self.config.compare_regions.iter())
        {
            if let Ok(region) = self.register.resolve(r) {
                if !out.contains(&region.id) {
                    out.push(region.id.clone());
                }
            }
        }
        out
    }

    /// The home region, if site.yaml names one the register knows.
    pub(crate) fn home(&self) -> Option<RegionRef> {
        self.site_regions().into_iter().next()
    }

    /// The region whose municipalities bar charts compare: the home region, when it has
    /// members.
    pub(crate) fn bar_region(&self) -> Option<RegionRef> {
        self.home().filter(|r| r.category != Category::Kunta)
    }

    /// A region's name in `lang` (its code when the register does not know it).
    pub(crate) fn region_name(&self, r: &RegionRef, lang: &str) -> String {
        self.register
            .get(r)
            .map_or_else(|| r.to_string(), |x| x.name(lang).to_string())
    }

    /// The indicators municipality cards show, in site.yaml's order.
    pub(crate) fn card_indicators(&self) -> Vec<&'a Indicator> {
        self.config
            .municipality_cards
            .iter()
            .flat_map(|c| c.indicators.iter())
            .filter_map(|id| self.indicators.get(id))
            .collect()
    }

    /// The county a municipality is compared with: the card region when it is a county,
    /// otherwise the municipality's own county.
    pub(crate) fn county_of(&self, m: &Region) -> Option<RegionRef> {
        let region = self
            .register
            .resolve(&self.config.municipality_cards.as_ref()?.region)
            .ok()?;
        match region.id.category {
            Category::Kunta => None,
            Category::Maa => m.county.clone(),
            _ => Some(region.id.clone()),
        }
    }

    /// The newest year in which any municipality of `region` has a value of `indicator`: the
    /// year bar charts compare them in.
    pub(crate) fn latest_member_year(&self, indicator: &str, region: &RegionRef) -> Option<i32> {
        self.register
            .members(region)
            .iter()
            .filter_map(|m| self.indicators.values.latest(indicator, &m.id).map(|l| l.0))
            .max()
    }

    /// The plan of the document whose key is `key`.
    pub(crate) fn plan_by_key(&self, key: &str) -> Option<&'a Plan> {
        self.plans.iter().find(|p| p.doc_key == key)
    }

    /// Organisations that have any role in a plan, or are a counterpart: those with a page.
    pub(crate) fn organisations_with_pages(&self) -> Vec<&'a Organisation> {
        self.organisations
            .list
            .iter()
            .filter(|o| !grouping::roles(self.plans, &o.id).is_empty() || o.counterpart.is_some())
            .collect()
    }
}

/// The site's plans as a region's plans (spec §13.3): its own (the first `SiteData::plans`
/// of them) and those pulled from other sites, and what contributes to what.
#[derive(Clone, Copy)]
pub(crate) struct RegionPlans<'a> {
    /// Own plans first, then pulled ones; `GoalId::plan` indexes this.
    pub plans: &'a [Plan],
    pub links: &'a crate::model::plan::Links,
    /// The organisations pulled plan files name, for their names.
    pub organisations: &'a [crate::model::plan::exchange::OrganisationEntry],
}

impl<'a> SiteData<'a> {
    /// The index of a plan among `region.plans` (the site's own plans keep their index).
    pub(crate) fn plan_index(&self, plan: &Plan) -> Option<usize> {
        self.region.plans.iter().position(|p| std::ptr::eq(p, plan))
    }

    /// The organisation's name, from organisations.yaml or else from a pulled plan file.
    pub(crate) fn organisation_name(&self, id: &str) -> Option<&'a crate::base::text::Text> {
        self.organisations
            .get(id)
            .map(|o| &o.name)
            .or_else(|| crate::model::plan::organisation_name(self.region.organisations, id))
    }

    /// The region a plan's indicator values are shown for: its organisation's, else the
    /// site's home region (spec §13.3).
    pub(crate) fn plan_region(&self, plan: &Plan) -> Option<RegionRef> {
        plan.organisation
            .as_deref()
            .and_then(|o| self.organisations.get(o))
            .and_then(|o| o.region.clone())
            .or_else(|| self.home())
    }

    /// The YAML files the site was read from, each with the texts for readers it holds
    /// ([`crate::base::locate::Source::texts`]): site.yaml, indicators.yaml,
    /// organisations.yaml, the cooperation files, the surveys and the site's own plans.
    pub(crate) fn sources(&self) -> Vec<&'a crate::base::locate::Source> {
        let mut out = vec![&self.config.source];
        out.extend(&self.indicators.source);
        out.extend(&self.organisations.source);
        out.extend(&self.cooperation.sources);
        out.extend(self.surveys.iter().filter_map(|s| s.source.as_ref()));
        out.extend(self.plans.iter().flat_map(|p| &p.sources));
        out
    }
}

/// Municipalities that get a card, by name.
pub(crate) fn card_members<'a>(config: &Config, register: &'a Register) -> Vec<&'a Region> {
    config
        .municipality_cards
        .as_ref()
        .and_then(|c| register.resolve(&c.region).ok())
        .map(|r| register.members(&r.id))
        .unwrap_or_default()
}
