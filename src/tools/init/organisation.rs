//! A starter site made for one municipality or wellbeing services county from the built-in
//! region register: its name, languages, home and compare regions, its county or member
//! municipalities as counterparts, a report and plan skeleton and a starter indicator set.

use super::texts::{Page, CHAPTERS, DOCUMENT, DOCUMENT_FRONT_MATTER, FRONT};
use crate::model::regions::{Category, LookupError, Region, Register};

/// The folder of the starter document.
const DOCUMENT_DIR: &str = "hyvinvointikertomus-2025-2029";

/// A starter indicator set: real Sotkanet indicators (titles and units as Sotkanet gives
/// them) on physical activity, lifestyle and mortality, which `kertomus sotkanet pull` fills.
const STARTER_INDICATORS: &str = r#"# Mittarit (indicators). `kertomus sotkanet pull` hakee näiden arvot THL:n Sotkanetista
# tiedostoihin data/values/<id>.csv. Lisää mittareita Sotkanetin tunnuksella (id).
- id: "5527"
  source: sotkanet
  title: {fi: "Terveysliikuntasuosituksen mukaan liian vähän liikkuvien osuus (%)", sv: "Andelen personer (%) som motionerar för lite enligt rekommendationen om hälsomotion", en: "Share with insufficient physical activity by the recommendation (%)"}
  unit: "%"
  better: down
  kind: outcome
  focus_area: liikkuminen
- id: "5529"
  source: sotkanet
  title: {fi: "Terveysliikuntasuosituksen mukaan liian vähän liikkuvien osuus (%), 65 vuotta täyttäneet", sv: "Andelen personer (%) som motionerar för lite enligt rekommendationen om hälsomotion, 65 år och äldre", en: "Share with insufficient physical activity by the recommendation (%), aged 65 and over"}
  unit: "%"
  better: down
  kind: outcome
  focus_area: liikkuminen
- id: "4559"
  source: sotkanet
  title: {fi: "Terveydelle suotuisat elintavat (%), 20–69-vuotiaat", sv: "Hälsosamma levnadsvanor (%), 20–69-åringar", en: "Health-promoting behaviours (%), aged 20–69"}
  unit: "%"
  better: up
  kind: outcome
- id: "186"
  source: sotkanet
  title: {fi: "Kuolleisuus / 100 000 asukasta", sv: "Dödlighet / 100 000 invånare", en: "Mortality per 100 000 inhabitants"}
  unit: "/ 100 000"
  better: down
  kind: outcome
"#;

/// The organisation a starter site is made for, resolved through the register.
#[derive(Debug, Clone)]
pub struct Starter {
    pub(super) region: Region,
    pub(super) county: Option<Region>,
    pub(super) members: Vec<Region>,
    pub(super) languages: Vec<&'static str>,
}

impl Starter {
    /// The municipality or county named by `text` (see [`Register::organiser`]).
    pub fn find(text: &str) -> Result<Starter, LookupError> {
        let register = Register::builtin();
        let region = register.organiser(text)?.clone();
        let county = region
            .county
            .as_ref()
            .and_then(|c| register.get(c))
            .cloned();
        let members = match region.id.category {
            Category::Hyvinvointialue => {
                register.members(&region.id).into_iter().cloned().collect()
            }
            _ => Vec::new(),
        };
        let languages = register.official_languages(&region.id);
        Ok(Starter {
            region,
            county,
            members,
            languages,
        })
    }

    /// The organisation's name in the site's default language.
    pub fn name(&self) -> &str {
        self.region.name(self.languages[0])
    }

    /// The region reference, e.g. `KUNTA:297`.
    pub fn region(&self) -> String {
        self.region.id.to_string()
    }

    /// The site's languages, the default first.
    pub fn languages(&self) -> &[&'static str] {
        &self.languages
    }

    /// The member municipalities of a county (empty for a municipality).
    pub fn members(&self) -> usize {
        self.members.len()
    }

    pub(super) fn is_county(&self) -> bool {
        self.region.id.category == Category::Hyvinvointialue
    }

    /// The files of the site, by path under the site folder.
    pub(super) fn files(&self) -> Vec<(String, String)> {
        let mut files = vec![
            ("content/site.yaml".to_string(), self.site_yaml()),
            (
                "content/data/organisations.yaml".to_string(),
                self.organisations_yaml(),
            ),
            (
                "content/data/indicators.yaml".to_string(),
                STARTER_INDICATORS.to_string(),
            ),
            (
                format!("content/{DOCUMENT_DIR}/plan.yaml"),
                self.plan_yaml(),
            ),
        ];
        files.extend(self.pages(&FRONT, "content"));
        files.extend(self.pages(&DOCUMENT, &format!("content/{DOCUMENT_DIR}")));
        for chapter in CHAPTERS {
            files.extend(self.pages(chapter, &format!("content/{DOCUMENT_DIR}")));
        }
        files
    }

    /// One page in every language of the site: `stem.md` in the default language,
    /// `stem.<lang>.md` in the others.
    fn pages(&self, page: &Page, dir: &str) -> Vec<(String, String)> {
        let charts: String = STARTER_CHARTS
            .iter()
            .map(|id| format!("{{{{ indicator(id=\"{id}\") }}}}\n"))
            .collect::<Vec<_>>()
            .join("\n");
        self.languages
            .iter()
            .enumerate()
            .map(|(i, lang)| {
                let text = if *lang == "sv" { page.sv } else { page.fi };
                let document = if i == 0 {
                    DOCUMENT_FRONT_MATTER
                        .replace("{org}", &self.org_id())
                        .replace("{council}", self.council(lang))
                } else {
                    String::new()
                };
                let text = text
                    .replace("{document}", &document)
                    .replace("{name}", self.region.name(lang))
                    .replace("{whose}", self.whose(lang))
                    .replace("{doc}", DOCUMENT_DIR)
                    .replace("{charts}", charts.trim_end());
                let file = match i {
                    0 => format!("{dir}/{}.md", page.stem),
                    _ => format!("{dir}/{}.{lang}.md", page.stem),
                };
                (file, text)
            })
            .collect()
    }

    fn whose(&self, lang: &str) -> &'static str {
        match (lang, self.is_county()) {
            ("sv", true) => "välfärdsområdets",
            ("sv", false) => "kommunens",
            (_, true) => "hyvinvointialueen",
            (_, false) => "kunnan",
        }
    }

    pub(super) fn council(&self, lang: &str) -> &'static str {
        match (lang, self.is_county()) {
            ("sv", true) => "välfärdsområdesfullmäktige",
            ("sv", false) => "fullmäktige",
            (_, true) => "aluevaltuusto",
            (_, false) => "kunnanvaltuusto",
        }
    }

    /// A text in the site's languages as YAML: a plain string for one language, a map for
    /// several.
    pub(super) fn text(&self, fi: &str, sv: &str) -> String {
        let pick = |lang: &str| if lang == "sv" { sv } else { fi };
        match self.languages.as_slice() {
            [one] => yaml_string(pick(one)),
            many => {
                let parts: Vec<String> = many
                    .iter()
                    .map(|l| format!("{l}: {}", yaml_string(pick(l))))
                    .collect();
                format!("{{{}}}", parts.join(", "))
            }
        }
    }

    pub(super) fn name_text(&self, region: &Region) -> String {
        self.text(region.name("fi"), region.name("sv"))
    }

    pub(super) fn org_id(&self) -> String {
        org_id(&self.region)
    }
}

/// The indicators the population chapter shows as charts.
const STARTER_CHARTS: &[&str] = &["5527", "5529", "4559", "186"];

/// An organisation id from a region's Finnish name: `kuopio`, `pohjois-savon-hyvinvointialue`.
pub(super) fn org_id(region: &Region) -> String {
    slug::slugify(&region.name_fi)
}

/// A YAML double-quoted string (register names hold no quotes, but escape anyway).
pub(super) fn yaml_string(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}
