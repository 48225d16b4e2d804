//! The address formulas: the only code that spells out where a page of a kind lives, in each
//! language. The route table is made with them, and views ask them for links.

use super::Address;
use crate::model::config::Config;
use crate::model::plan::{FocusArea, Goal, Plan};
use crate::model::regions::Region;
use crate::model::surveys::Survey;
use std::collections::BTreeMap;

/// The address formulas. Views ask these for links, the table for what to write.
#[derive(Debug, Clone)]
pub(crate) struct Addresses {
    prefixes: BTreeMap<String, String>,
    /// The folder names by kind and language (the theme's `slug_*` strings): a Swedish reader's
    /// addresses are Swedish (`sv/kommunkort/`), not half Finnish.
    slugs: Slugs,
    /// The site's default language, whose addresses hold files shared by every language.
    default: String,
    /// The front page's address, which knows where the site is published.
    root: Address,
}

/// The theme's folder names: kind (`slug_indicators`, …) → language → folder name.
pub(crate) type Slugs = BTreeMap<String, BTreeMap<String, String>>;

/// The folder names below a document and its plan, with the Finnish name each falls back to.
#[derive(Debug, Clone, Copy)]
enum Below {
    /// A document's plan: `suunnitelma/`.
    Plan,
    /// A plan's "together and separately" page.
    Together,
    /// A regional plan's region-wide view (spec §13.3).
    Region,
    /// A document's printable page.
    Print,
}

impl Below {
    fn key_and_fallback(self) -> (&'static str, &'static str) {
        match self {
            Below::Plan => ("slug_plan", "suunnitelma"),
            Below::Together => ("slug_together", "yhdessa-ja-erikseen"),
            Below::Region => ("slug_region", "koko-alue"),
            Below::Print => ("slug_print", "tulosta"),
        }
    }
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
    /// The theme's key of the section's folder name, and the (Finnish) name it falls back to.
    fn key_and_fallback(self) -> (&'static str, &'static str) {
        match self {
            Section::Indicators => ("slug_indicators", "mittarit"),
            Section::Cards => ("slug_cards", "kuntakortit"),
            Section::Organisations => ("slug_organisations", "organisaatiot"),
            Section::Surveys => ("slug_surveys", "kyselyt"),
            Section::Clock => ("slug_clock", "vuosikello"),
            Section::Cooperation => ("slug_cooperation", "yhteistyorakenne"),
        }
    }
}

impl Addresses {
    /// The formulas for `config`'s languages; `slugs` are the theme's folder names by kind
    /// and language.
    pub(crate) fn new(config: &Config, slugs: Slugs) -> Addresses {
        let prefixes = config
            .languages
            .iter()
            .map(|l| (l.clone(), super::content::lang_prefix(config, l)))
            .collect();
        Addresses {
            prefixes,
            slugs,
            default: config.default_language().to_string(),
            root: super::root(config),
        }
    }

    /// The folder name of kind `key` in `lang`, or `fallback`.
    fn slug<'s>(&'s self, (key, fallback): (&str, &'s str), lang: &str) -> &'s str {
        self.slugs
            .get(key)
            .and_then(|by_lang| by_lang.get(lang))
            .map_or(fallback, String::as_str)
    }

    /// `""` for the default language, `"sv/"` for the others.
    pub(crate) fn prefix(&self, lang: &str) -> &str {
        self.prefixes.get(lang).map_or("", String::as_str)
    }

    /// A generated section's index.
    pub(crate) fn section(&self, s: Section, lang: &str) -> Address {
        self.make(format!(
            "{}{}/",
            self.prefix(lang),
            self.slug(s.key_and_fallback(), lang)
        ))
    }

    /// An indicator's page.
    pub(crate) fn indicator(&self, id: &str, lang: &str) -> Address {
        self.make(format!(
            "{}{id}/",
            self.section(Section::Indicators, lang).as_str()
        ))
    }

    /// The appendix page of the `n`-th reference indicator list (0-based).
    pub(crate) fn indicator_list(&self, n: usize, lang: &str) -> Address {
        self.make(format!(
            "{}luettelo-{}/",
            self.section(Section::Indicators, lang).as_str(),
            n + 1
        ))
    }

    /// The CSV of what an indicator's page shows (one file for every language, beside the
    /// default language's page).
    pub(crate) fn indicator_csv(&self, id: &str) -> Address {
        self.make(format!(
            "{}{id}.csv",
            self.indicator(id, &self.default).as_str()
        ))
    }

    /// A municipality's card.
    pub(crate) fn card(&self, m: &Region, lang: &str) -> Address {
        self.make(format!(
            "{}{}/",
            self.section(Section::Cards, lang).as_str(),
            m.slug()
        ))
    }

    /// A plan's overview: `<lang prefix><document>/suunnitelma/`.
    pub(crate) fn plan(&self, plan: &Plan, lang: &str) -> Address {
        let slug = self.slug(Below::Plan.key_and_fallback(), lang);
        self.make(format!("{}{}{slug}/", self.prefix(lang), plan.doc_path))
    }

    /// A focus area of a plan.
    pub(crate) fn focus_area(&self, plan: &Plan, fa: &FocusArea, lang: &str) -> Address {
        self.make(format!("{}{}/", self.plan(plan, lang).as_str(), fa.id))
    }

    /// A goal of a focus area.
    pub(crate) fn goal(&self, plan: &Plan, fa: &FocusArea, g: &Goal, lang: &str) -> Address {
        self.make(format!(
            "{}{}/",
            self.focus_area(plan, fa, lang).as_str(),
            g.id
        ))
    }

    /// A plan's "together and separately" page.
    pub(crate) fn together(&self, plan: &Plan, lang: &str) -> Address {
        let slug = self.slug(Below::Together.key_and_fallback(), lang);
        self.make(format!("{}{slug}/", self.plan(plan, lang).as_str()))
    }

    /// A regional plan's region-wide view.
    pub(crate) fn region(&self, plan: &Plan, lang: &str) -> Address {
        let slug = self.slug(Below::Region.key_and_fallback(), lang);
        self.make(format!("{}{slug}/", self.plan(plan, lang).as_str()))
    }

    /// An organisation's page.
    pub(crate) fn organisation(&self, id: &str, lang: &str) -> Address {
        self.make(format!(
            "{}{id}/",
            self.section(Section::Organisations, lang).as_str()
        ))
    }

    /// A survey's page.
    pub(crate) fn survey(&self, s: &Survey, lang: &str) -> Address {
        self.make(format!(
            "{}{}/",
            self.section(Section::Surveys, lang).as_str(),
            s.id
        ))
    }

    /// The accessibility statement: `saavutettavuusseloste/`, `sv/tillganglighetsutlatande/`.
    pub(crate) fn statement(&self, lang: &str) -> Address {
        self.localised(("statement_slug", "accessibility-statement"), lang)
    }

    /// The search page: `haku/`, `sv/sok/`, `en/search/`.
    pub(crate) fn search(&self, lang: &str) -> Address {
        self.localised(("search_slug", "search"), lang)
    }

    fn localised(&self, kind: (&str, &str), lang: &str) -> Address {
        self.make(format!("{}{}/", self.prefix(lang), self.slug(kind, lang)))
    }

    /// The Atom feed of a language.
    pub(crate) fn feed(&self, lang: &str) -> Address {
        self.make(format!("{}atom.xml", self.prefix(lang)))
    }

    /// A document's printable page (`page` is the document's own address in `lang`).
    pub(crate) fn print(&self, page: &Address, lang: &str) -> Address {
        self.make(format!(
            "{}{}/",
            page.as_str(),
            self.slug(Below::Print.key_and_fallback(), lang)
        ))
    }

    /// A document's PDF (`page` is the document's own address in `lang`): named after
    /// the document's folder, with the language after it but in the default language, so that
    /// the files of one document saved side by side keep apart
    /// (`hyvinvointikertomus-2025-2029/hyvinvointikertomus-2025-2029.pdf`,
    /// `sv/…/hyvinvointikertomus-2025-2029-sv.pdf`).
    pub(crate) fn pdf(&self, page: &Address, lang: &str) -> Address {
        let page_path = page.as_str();
        let folder = page_path.trim_end_matches('/').rsplit('/').next();
        let name = folder.filter(|f| !f.is_empty()).unwrap_or("asiakirja");
        let suffix = if self.prefix(lang).is_empty() {
            String::new()
        } else {
            format!("-{lang}")
        };
        self.make(format!("{page_path}{name}{suffix}.pdf"))
    }

    /// The `n`-th list of a site whose `sitemap.xml` is an index (from 1).
    pub(crate) fn sitemap_part(&self, n: usize) -> Address {
        self.make(format!("sitemap-{n}.xml"))
    }

    /// A file or folder the build writes at a fixed place (`sitemap.xml`, `data/plan.json`,
    /// `css/kertomus.css`, `pagefind/`), named by the caller's constant or the theme's file.
    pub(crate) fn file(&self, path: &str) -> Address {
        self.make(path.to_string())
    }

    /// The front page of a language: `""`, `sv/`.
    pub(crate) fn home(&self, lang: &str) -> Address {
        self.make(self.prefix(lang).to_string())
    }

    /// The site's root (`""`), where links written outside any page are read from.
    pub(crate) fn root(&self) -> Address {
        self.root.clone()
    }

    /// An old address a page redirects from, as written in its front matter's `aliases`
    /// (`/vanha/osoite/`); `None` when it would leave the site or is not a plain path.
    pub(crate) fn old(&self, alias: &str) -> Option<Address> {
        super::content::alias(alias).map(|path| self.make(path))
    }

    /// A content page's address, as [`super::content::page`] spelled it when the page was read
    /// (the model keeps it as text).
    pub(crate) fn content_page(&self, spelled: &str) -> Address {
        self.make(spelled.to_string())
    }

    /// A published file's address beside its page (an image, a PDF), from its path relative
    /// to `content/`.
    pub(crate) fn asset(&self, rel: &std::path::Path) -> Address {
        self.make(super::content::asset(rel))
    }

    fn make(&self, path: String) -> Address {
        self.root.sibling(path)
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
        let slugs = [
            (
                "statement_slug",
                [
                    "saavutettavuusseloste",
                    "tillganglighetsutlatande",
                    "accessibility-statement",
                ],
            ),
            ("search_slug", ["haku", "sok", "search"]),
            (
                "slug_cards",
                ["kuntakortit", "kommunkort", "municipality-cards"],
            ),
            ("slug_plan", ["suunnitelma", "plan", "plan"]),
        ];
        let slugs = slugs
            .iter()
            .map(|(key, names)| {
                let by_lang = ["fi", "sv", "en"]
                    .iter()
                    .zip(names)
                    .map(|(l, n)| (l.to_string(), n.to_string()))
                    .collect();
                (key.to_string(), by_lang)
            })
            .collect();
        Addresses::new(&config, slugs)
    }

    #[test]
    fn localised_pages_have_their_own_slug_in_each_language() {
        let a = addresses();
        assert_eq!(a.search("fi"), "haku/");
        assert_eq!(a.search("sv"), "sv/sok/");
        assert_eq!(a.statement("sv"), "sv/tillganglighetsutlatande/");
        assert_eq!(a.section(Section::Cards, "sv"), "sv/kommunkort/");
        assert_eq!(a.section(Section::Cards, "fi"), "kuntakortit/");
        // A kind the theme names no folder for keeps the Finnish one.
        assert_eq!(a.indicator("4", "en"), "en/mittarit/4/");
        assert_eq!(a.indicator_csv("4"), "mittarit/4/4.csv");
        assert_eq!(a.feed("sv"), "sv/atom.xml");
    }
}
