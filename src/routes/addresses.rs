//! The address formulas: the only code that spells out where a page of a kind lives, in each
//! language. The route table is made with them, and views ask them for links.

use super::{PLAN_SLUG, PRINT_SLUG, REGION_SLUG, TOGETHER_SLUG};
use crate::config::Config;
use crate::plan::{FocusArea, Goal, Plan};
use crate::regions::Region;
use crate::surveys::Survey;
use std::collections::BTreeMap;

/// The address formulas. Views ask these for links, the table for what to write.
#[derive(Debug, Clone)]
pub(crate) struct Addresses {
    prefixes: BTreeMap<String, String>,
    statement: BTreeMap<String, String>,
    search: BTreeMap<String, String>,
}

/// Generated sections at a fixed folder in every language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Section {
    /// `mittarit/`.
    Indicators,
    /// `kuntakortit/`.
    Cards,
    /// `organisaatiot/`.
    Organisations,
    /// `kyselyt/`.
    Surveys,
    /// `vuosikello/`.
    Clock,
    /// `yhteistyorakenne/`.
    Cooperation,
}

impl Section {
    fn slug(self) -> &'static str {
        match self {
            Section::Indicators => "mittarit",
            Section::Cards => "kuntakortit",
            Section::Organisations => "organisaatiot",
            Section::Surveys => "kyselyt",
            Section::Clock => "vuosikello",
            Section::Cooperation => "yhteistyorakenne",
        }
    }
}

impl Addresses {
    /// The formulas for `config`'s languages; `statement` and `search` are the localised
    /// slugs of those pages by language (from the theme's strings).
    pub(crate) fn new(
        config: &Config,
        statement: BTreeMap<String, String>,
        search: BTreeMap<String, String>,
    ) -> Addresses {
        let prefixes = config
            .languages
            .iter()
            .map(|l| (l.clone(), config.lang_prefix(l)))
            .collect();
        Addresses {
            prefixes,
            statement,
            search,
        }
    }

    /// `""` for the default language, `"sv/"` for the others.
    pub(crate) fn prefix(&self, lang: &str) -> &str {
        self.prefixes.get(lang).map_or("", String::as_str)
    }

    /// A generated section's index.
    pub(crate) fn section(&self, s: Section, lang: &str) -> String {
        format!("{}{}/", self.prefix(lang), s.slug())
    }

    /// An indicator's page.
    pub(crate) fn indicator(&self, id: &str, lang: &str) -> String {
        format!("{}{id}/", self.section(Section::Indicators, lang))
    }

    /// The appendix page of the `n`-th reference indicator list (0-based).
    pub(crate) fn indicator_list(&self, n: usize, lang: &str) -> String {
        format!(
            "{}luettelo-{}/",
            self.section(Section::Indicators, lang),
            n + 1
        )
    }

    /// The CSV of what an indicator's page shows (one file for every language).
    pub(crate) fn indicator_csv(&self, id: &str) -> String {
        format!("{}/{id}/{id}.csv", Section::Indicators.slug())
    }

    /// A municipality's card.
    pub(crate) fn card(&self, m: &Region, lang: &str) -> String {
        format!("{}{}/", self.section(Section::Cards, lang), m.slug())
    }

    /// A plan's overview: `<lang prefix><document>/suunnitelma/`.
    pub(crate) fn plan(&self, plan: &Plan, lang: &str) -> String {
        format!("{}{}{PLAN_SLUG}/", self.prefix(lang), plan.doc_path)
    }

    /// A focus area of a plan.
    pub(crate) fn focus_area(&self, plan: &Plan, fa: &FocusArea, lang: &str) -> String {
        format!("{}{}/", self.plan(plan, lang), fa.id)
    }

    /// A goal of a focus area.
    pub(crate) fn goal(&self, plan: &Plan, fa: &FocusArea, g: &Goal, lang: &str) -> String {
        format!("{}{}/", self.focus_area(plan, fa, lang), g.id)
    }

    /// A plan's "together and separately" page.
    pub(crate) fn together(&self, plan: &Plan, lang: &str) -> String {
        format!("{}{TOGETHER_SLUG}/", self.plan(plan, lang))
    }

    /// A regional plan's region-wide view.
    pub(crate) fn region(&self, plan: &Plan, lang: &str) -> String {
        format!("{}{REGION_SLUG}/", self.plan(plan, lang))
    }

    /// An organisation's page.
    pub(crate) fn organisation(&self, id: &str, lang: &str) -> String {
        format!("{}{id}/", self.section(Section::Organisations, lang))
    }

    /// A survey's page.
    pub(crate) fn survey(&self, s: &Survey, lang: &str) -> String {
        format!("{}{}/", self.section(Section::Surveys, lang), s.id)
    }

    /// The accessibility statement: `saavutettavuusseloste/`, `sv/tillganglighetsutlatande/`.
    pub(crate) fn statement(&self, lang: &str) -> String {
        self.localised(&self.statement, lang, "accessibility-statement")
    }

    /// The search page: `haku/`, `sv/sok/`, `en/search/`.
    pub(crate) fn search(&self, lang: &str) -> String {
        self.localised(&self.search, lang, "search")
    }

    fn localised(&self, slugs: &BTreeMap<String, String>, lang: &str, fallback: &str) -> String {
        let slug = slugs.get(lang).map_or(fallback, String::as_str);
        format!("{}{slug}/", self.prefix(lang))
    }

    /// The Atom feed of a language.
    pub(crate) fn feed(&self, lang: &str) -> String {
        format!("{}atom.xml", self.prefix(lang))
    }

    /// A document's printable page (`page_path` is the document's own address).
    pub(crate) fn print(&self, page_path: &str) -> String {
        format!("{page_path}{PRINT_SLUG}/")
    }

    /// The `n`-th list of a site whose `sitemap.xml` is an index (from 1).
    pub(crate) fn sitemap_part(&self, n: usize) -> String {
        format!("sitemap-{n}.xml")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn addresses() -> Addresses {
        let config = Config::parse(
            "title: T\nbase_url: https://example.org/\nlanguages: [fi, sv, en]\n",
            std::path::Path::new("content/site.yaml"),
            None,
        )
        .unwrap();
        let slugs = |pairs: [(&str, &str); 3]| {
            pairs
                .iter()
                .map(|(l, s)| (l.to_string(), s.to_string()))
                .collect()
        };
        Addresses::new(
            &config,
            slugs([
                ("fi", "saavutettavuusseloste"),
                ("sv", "tillganglighetsutlatande"),
                ("en", "accessibility-statement"),
            ]),
            slugs([("fi", "haku"), ("sv", "sok"), ("en", "search")]),
        )
    }

    #[test]
    fn localised_pages_have_their_own_slug_in_each_language() {
        let a = addresses();
        assert_eq!(a.search("fi"), "haku/");
        assert_eq!(a.search("sv"), "sv/sok/");
        assert_eq!(a.statement("sv"), "sv/tillganglighetsutlatande/");
        assert_eq!(a.indicator("4", "en"), "en/mittarit/4/");
        assert_eq!(a.indicator_csv("4"), "mittarit/4/4.csv");
        assert_eq!(a.feed("sv"), "sv/atom.xml");
    }
}
