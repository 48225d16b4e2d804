//! An organisation's region by the words a coordinator would type (`KUNTA:297`, `297`,
//! `Kuopio`, `Pohjois-Savon hyvinvointialue`, `Pohjois-Savo`) and the languages it officially
//! uses, for `kertomus init --organisation`.

use super::{Category, Region, RegionRef, Register};

/// Each municipality's language status (kielisuhde) in Statistics Finland's 2026
/// classification: 0 Finnish, 1 bilingual with a Finnish majority, 2 Swedish, 3 bilingual
/// with a Swedish majority (`data/regions/SOURCE.md`).
const LANGUAGES: &str = include_str!("../../../data/regions/municipality_languages_2026.csv");

/// Why a text names no single municipality or county.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LookupError {
    /// Nothing matches; the closest names, if any are close.
    Unknown { given: String, closest: Vec<Named> },
    /// Several regions match.
    Ambiguous { given: String, matches: Vec<Named> },
    /// A region that is neither a municipality nor a county (a maakunta, the country).
    NotAnOrganiser { region: Named },
}

/// A region as a message names it: `Kuopio (KUNTA:297)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Named {
    pub name: String,
    pub id: RegionRef,
}

impl Named {
    fn of(r: &Region) -> Named {
        Named {
            name: r.name_fi.clone(),
            id: r.id.clone(),
        }
    }
}

impl std::fmt::Display for Named {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({})", self.name, self.id)
    }
}

impl Register {
    /// The municipality or wellbeing services county named by `text`: a reference
    /// (`KUNTA:297`, `HYVINVOINTIALUE:13`), a bare municipality code (`297`) or a name in
    /// Finnish or Swedish, matched case-insensitively, whole or as the start of one name.
    pub fn organiser(&self, text: &str) -> Result<&Region, LookupError> {
        let text = text.trim();
        let region = if text.contains(':') {
            self.resolve(text).map_err(|_| self.unknown_name(text))?
        } else if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) {
            self.get(&RegionRef::new(Category::Kunta, text))
                .ok_or_else(|| self.unknown_name(text))?
        } else {
            self.by_name(text)?
        };
        match region.id.category {
            Category::Kunta | Category::Hyvinvointialue => Ok(region),
            _ => Err(LookupError::NotAnOrganiser {
                region: Named::of(region),
            }),
        }
    }

    fn organisers(&self) -> impl Iterator<Item = &Region> {
        self.all()
            .filter(|r| matches!(r.id.category, Category::Kunta | Category::Hyvinvointialue))
    }

    fn by_name(&self, text: &str) -> Result<&Region, LookupError> {
        let wanted = text.to_lowercase();
        let names = |r: &Region| [r.name_fi.to_lowercase(), r.name_sv.to_lowercase()];
        let exact: Vec<&Region> = self
            .organisers()
            .filter(|r| names(r).contains(&wanted))
            .collect();
        let found = if exact.is_empty() {
            self.organisers()
                .filter(|r| {
                    names(r)
                        .iter()
                        .any(|n| !n.is_empty() && n.starts_with(&wanted))
                })
                .collect()
        } else {
            exact
        };
        match found.as_slice() {
            [one] => Ok(one),
            [] => Err(self.unknown_name(text)),
            many => Err(LookupError::Ambiguous {
                given: text.to_string(),
                matches: many.iter().map(|r| Named::of(r)).collect(),
            }),
        }
    }

    fn unknown_name(&self, text: &str) -> LookupError {
        let wanted = text.to_lowercase();
        let mut scored: Vec<(f64, Named)> = self
            .organisers()
            .map(|r| {
                let score = strsim::jaro_winkler(&wanted, &r.name_fi.to_lowercase());
                (score, Named::of(r))
            })
            .filter(|(score, _)| *score > 0.8)
            .collect();
        scored.sort_by(|a, b| {
            b.0.total_cmp(&a.0)
                .then_with(|| a.1.to_string().cmp(&b.1.to_string()))
        });
        LookupError::Unknown {
            given: text.to_string(),
            closest: scored.into_iter().take(3).map(|(_, n)| n).collect(),
        }
    }

    /// The languages a municipality or county officially uses, the majority's first: a
    /// bilingual municipality gets `["fi", "sv"]` or `["sv", "fi"]`. A county is bilingual
    /// when one of its members is (the Language Act), Finnish first; one whose members are all
    /// Swedish-speaking is Swedish.
    pub fn official_languages(&self, id: &RegionRef) -> Vec<&'static str> {
        let status = |code: &str| -> u8 {
            LANGUAGES
                .lines()
                .skip(1)
                .filter_map(|l| l.split_once(','))
                .find(|(c, _)| *c == code)
                .and_then(|(_, rest)| rest.split(',').next()?.parse().ok())
                .unwrap_or(0)
        };
        let statuses: Vec<u8> = match id.category {
            Category::Kunta => vec![status(&id.code)],
            _ => self
                .members(id)
                .iter()
                .map(|m| status(&m.id.code))
                .collect(),
        };
        match statuses.as_slice() {
            [1] => vec!["fi", "sv"],
            [3] => vec!["sv", "fi"],
            s if !s.is_empty() && s.iter().all(|&x| x == 2) => vec!["sv"],
            s if s.iter().any(|&x| x != 0) => vec!["fi", "sv"],
            _ => vec!["fi"],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn organisers_by_reference_code_and_name() {
        let r = Register::builtin();
        let name = |t: &str| r.organiser(t).map(|x| x.id.to_string());
        assert_eq!(name("KUNTA:297").unwrap(), "KUNTA:297");
        assert_eq!(name("297").unwrap(), "KUNTA:297");
        assert_eq!(name("kuopio").unwrap(), "KUNTA:297");
        assert_eq!(name("Borgå").unwrap(), "KUNTA:638");
        assert_eq!(
            name("Pohjois-Savon hyvinvointialue").unwrap(),
            "HYVINVOINTIALUE:13"
        );
        assert!(matches!(
            r.organiser("MAA:SSS"),
            Err(LookupError::NotAnOrganiser { .. })
        ));
        match r.organiser("Kuopoi") {
            Err(LookupError::Unknown { closest, .. }) => {
                assert_eq!(closest[0].to_string(), "Kuopio (KUNTA:297)")
            }
            other => panic!("{other:?}"),
        }
        // "Pohjois-" starts the names of several counties and municipalities.
        match r.organiser("Pohjois-") {
            Err(LookupError::Ambiguous { matches, .. }) => {
                let shown: Vec<String> = matches.iter().map(ToString::to_string).collect();
                assert!(shown.contains(&"Pohjois-Savon hyvinvointialue (HYVINVOINTIALUE:13)".into()))
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn official_languages_follow_the_classification() {
        let r = Register::builtin();
        let langs = |t: &str| r.official_languages(&RegionRef::parse(t).unwrap());
        assert_eq!(langs("KUNTA:297"), ["fi"]); // Kuopio
        assert_eq!(langs("KUNTA:638"), ["fi", "sv"]); // Porvoo
        assert_eq!(langs("KUNTA:599"), ["sv", "fi"]); // Pedersöre
        assert_eq!(langs("KUNTA:478"), ["sv"]); // Maarianhamina
        assert_eq!(langs("HYVINVOINTIALUE:13"), ["fi"]); // Pohjois-Savo
        assert_eq!(langs("HYVINVOINTIALUE:15"), ["fi"]); // Keski-Suomi
        assert_eq!(langs("HYVINVOINTIALUE:01"), ["fi", "sv"]); // Itä-Uusimaa (Porvoo)
    }
}
