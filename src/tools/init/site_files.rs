//! The YAML files of an organisation's starter site: site.yaml, organisations.yaml and the
//! plan with one example focus area, goal and measure.

use super::organisation::{org_id, yaml_string, Starter};

impl Starter {
    /// site.yaml: the home region, the county and the country to compare with, the
    /// organisation's languages and, for a county, a card per member municipality.
    pub(super) fn site_yaml(&self) -> String {
        let title = self.text(
            &format!("{} – hyvinvointikertomus", self.region.name("fi")),
            &format!("{} – välfärdsberättelse", self.region.name("sv")),
        );
        let mut compare: Vec<String> = self.county.iter().map(|c| c.id.to_string()).collect();
        compare.push("MAA:SSS".into());
        let compare: Vec<String> = compare.iter().map(|c| yaml_string(c)).collect();
        let cards = if self.is_county() {
            format!(
                "# Kuntakortit: kortti jokaisesta {} jäsenkunnasta.\nmunicipality_cards:\n  region: \"{}\"\n  indicators: [\"5527\", \"4559\", \"186\"]\n",
                self.members.len(),
                self.region.id
            )
        } else {
            String::new()
        };
        let contact = self.text("Hyvinvointikoordinaattori", "Välfärdskoordinator");
        let issue = self.text(
            "Liitteinä julkaistut PDF-tiedostot eivät ole kaikilta osin saavutettavia.",
            "PDF-filer som publicerats som bilagor är inte helt tillgängliga.",
        );
        format!(
            r#"# Sivuston asetukset (site settings). Tee nämä omiksesi: osoite, yhteystiedot ja
# saavutettavuusseloste. Ohje: kertomuksen ohjesivu "Sivuston asetukset".
title: {title}
base_url: "https://hyvinvointi.example.fi/"   # osoite, jossa sivusto julkaistaan
languages: [{languages}]
organisation: {org}
home_region: "{home}"
compare_regions: [{compare}]
{cards}contact: {{name: {contact}, email: "hyte@example.fi"}}
# Saavutettavuusseloste tehdään näistä; tarkista ne vuosittain.
accessibility:
  compliance: partial              # full | partial | none, kun sivusto on arvioitu
  known_issues:
    - {issue}
  feedback_email: "hyte@example.fi"
  prepared: 2026-01-01
  reviewed: 2026-01-01
"#,
            languages = self.languages.join(", "),
            org = self.org_id(),
            home = self.region.id,
            compare = compare.join(", "),
        )
    }

    /// organisations.yaml: the organisation with its county as counterpart, or a county with
    /// its member municipalities, each naming the county as counterpart.
    pub(super) fn organisations_yaml(&self) -> String {
        let own = self.org_id();
        let mut out = String::from(
            "# Organisaatiot (organisations): vastuutahot ja kumppanit. Lisää omat yksikkösi\n# (type: yksikko, parent: ...), järjestöt ja oppilaitokset.\n",
        );
        let row =
            |id: &str, kind: &str, region: &crate::model::regions::Region, counterpart: &str| {
                format!(
                    "- {{id: {id}, type: {kind}, name: {}, region: \"{}\"{counterpart}}}\n",
                    self.name_text(region),
                    region.id
                )
            };
        if self.is_county() {
            out.push_str(&row(&own, "hyvinvointialue", &self.region, ""));
            for member in &self.members {
                let to = format!(", counterpart: {own}");
                out.push_str(&row(&org_id(member), "kunta", member, &to));
            }
        } else {
            let to = self
                .county
                .as_ref()
                .map(|c| format!(", counterpart: {}", org_id(c)))
                .unwrap_or_default();
            out.push_str(&row(&own, "kunta", &self.region, &to));
            if let Some(county) = &self.county {
                out.push_str(&row(&org_id(county), "hyvinvointialue", county, ""));
            }
        }
        out
    }

    /// plan.yaml: one focus area with a wellbeing gap, a goal and a measure, to be replaced.
    pub(super) fn plan_yaml(&self) -> String {
        let partner = match (self.is_county(), self.members.first(), &self.county) {
            (true, Some(m), _) => format!("\n            partners: [{}]", org_id(m)),
            (false, _, Some(c)) => format!("\n            partners: [{}]", org_id(c)),
            _ => String::new(),
        };
        let scope = if partner.is_empty() { "own" } else { "joint" };
        format!(
            r#"# Suunnitelma (plan): painopisteet, hyvinvoinnin vajeet, tavoitteet ja toimenpiteet.
# Tämä on esimerkki: korvaa se omalla. Toimenpiteet voi koota myös taulukosta
# (measures_from:, ks. ohje ja `kertomus template measures`).
focus_areas:
  - id: liikkuminen
    title: {fa}
    kind: focus
    gaps:
      - id: liian-vahan-liikkuvat
        title: {gap}
        indicators: ["5527"]
    goals:
      - id: li-1
        title: {goal}
        gap: liian-vahan-liikkuvat
        target_year: 2029
        indicators:
          - {{id: "5527", kind: outcome}}
        measures:
          - id: li-1-1
            title: {measure}
            responsible: [{own}]{partner}
            scope: {scope}
            work_type: edistava
            maturity: developing
            schedule: 2025-2029
            indicators:
              - {{id: "5527", kind: outcome}}
"#,
            fa = self.text("Liikkumisen lisääminen", "Mer fysisk aktivitet"),
            gap = self.text(
                "Moni liikkuu terveytensä kannalta liian vähän",
                "Många rör sig för lite för sin hälsa"
            ),
            goal = self.text(
                "Liian vähän liikkuvien osuus pienenee",
                "Andelen som rör sig för lite minskar"
            ),
            measure = self.text(
                "Liikuntaneuvonta sosiaali- ja terveyspalveluihin",
                "Motionsrådgivning inom social- och hälsovården"
            ),
            own = self.org_id(),
        )
    }
}
