//! Every kind of finding counts in words in all three languages, one and many: Finnish takes
//! the partitive after numbers other than 1 ("6 tavoitetta"), English and Swedish the plural.

use super::*;
use crate::base::messages::Lang;

/// For each kind: its counted form for 1 and for 6, in Finnish, Swedish and English.
const COUNTED: &[(Kind, [&str; 6])] = &[
    (
        Kind::Error,
        [
            "1 virhe",
            "6 virhettä",
            "1 fel",
            "6 fel",
            "1 error",
            "6 errors",
        ],
    ),
    (
        Kind::NoResponsible,
        [
            "1 toimenpide ilman vastuutahoa",
            "6 toimenpidettä ilman vastuutahoa",
            "1 åtgärd utan ansvarig",
            "6 åtgärder utan ansvarig",
            "1 measure without a responsible party",
            "6 measures without a responsible party",
        ],
    ),
    (
        Kind::NoIndicator,
        [
            "1 toimenpide ilman mittaria",
            "6 toimenpidettä ilman mittaria",
            "1 åtgärd utan indikator",
            "6 åtgärder utan indikator",
            "1 measure without an indicator",
            "6 measures without an indicator",
        ],
    ),
    (
        Kind::Statutory,
        [
            "1 lakisääteinen toimenpide",
            "6 lakisääteistä toimenpidettä",
            "1 lagstadgad åtgärd",
            "6 lagstadgade åtgärder",
            "1 statutory measure",
            "6 statutory measures",
        ],
    ),
    (
        Kind::OwnInCountyPlan,
        [
            "1 pelkästään oma toimenpide hyvinvointialueen suunnitelmassa",
            "6 pelkästään omaa toimenpidettä hyvinvointialueen suunnitelmassa",
            "1 enbart egen åtgärd i välfärdsområdets plan",
            "6 enbart egna åtgärder i välfärdsområdets plan",
            "1 own-only measure in a county's plan",
            "6 own-only measures in a county's plan",
        ],
    ),
    (
        Kind::GoalWithoutMeasures,
        [
            "1 tavoite ilman toimenpiteitä",
            "6 tavoitetta ilman toimenpiteitä",
            "1 mål utan åtgärder",
            "6 mål utan åtgärder",
            "1 goal without measures",
            "6 goals without measures",
        ],
    ),
    (
        Kind::GoalWithoutOutcome,
        [
            "1 tavoite ilman tulosmittaria",
            "6 tavoitetta ilman tulosmittaria",
            "1 mål utan resultatindikator",
            "6 mål utan resultatindikator",
            "1 goal without an outcome indicator",
            "6 goals without an outcome indicator",
        ],
    ),
    (
        Kind::RegionalGoalWithoutContributors,
        [
            "1 alueellinen tavoite, jota mikään ei edistä",
            "6 alueellista tavoitetta, joita mikään ei edistä",
            "1 regionalt mål som ingenting bidrar till",
            "6 regionala mål som ingenting bidrar till",
            "1 regional goal nothing contributes to",
            "6 regional goals nothing contributes to",
        ],
    ),
    (
        Kind::MunicipalGoalServesNothing,
        [
            "1 kunnan tavoite, joka ei edistä mitään alueellista tavoitetta",
            "6 kunnan tavoitetta, jotka eivät edistä mitään alueellista tavoitetta",
            "1 kommunalt mål som inte bidrar till något regionalt mål",
            "6 kommunala mål som inte bidrar till något regionalt mål",
            "1 municipal goal that serves no regional goal",
            "6 municipal goals that serve no regional goal",
        ],
    ),
    (
        Kind::StatutoryContribution,
        [
            "1 lakisääteinen toimenpide, joka edistää alueellista tavoitetta",
            "6 lakisääteistä toimenpidettä, jotka edistävät alueellista tavoitetta",
            "1 lagstadgad åtgärd som bidrar till ett regionalt mål",
            "6 lagstadgade åtgärder som bidrar till ett regionalt mål",
            "1 statutory measure that serves a regional goal",
            "6 statutory measures that serve a regional goal",
        ],
    ),
    (
        Kind::NoHomeData,
        [
            "1 mittari ilman kotialueen tietoja",
            "6 mittaria ilman kotialueen tietoja",
            "1 indikator utan data för hemområdet",
            "6 indikatorer utan data för hemområdet",
            "1 indicator without data for the home region",
            "6 indicators without data for the home region",
        ],
    ),
    (
        Kind::OldData,
        [
            "1 mittari, jonka tiedot ovat yli kolme vuotta vanhoja",
            "6 mittaria, joiden tiedot ovat yli kolme vuotta vanhoja",
            "1 indikator med data äldre än tre år",
            "6 indikatorer med data äldre än tre år",
            "1 indicator with data older than three years",
            "6 indicators with data older than three years",
        ],
    ),
    (
        Kind::UncoveredListed,
        [
            "1 luettelon mittari, jota ei käsitellä",
            "6 luettelon mittaria, joita ei käsitellä",
            "1 listad indikator som inte behandlas",
            "6 listade indikatorer som inte behandlas",
            "1 listed indicator not covered",
            "6 listed indicators not covered",
        ],
    ),
    (
        Kind::SurveyMismatch,
        [
            "1 kyselyn luku, joka poikkeaa julkaistuista",
            "6 kyselyn lukua, jotka poikkeavat julkaistuista",
            "1 enkätsiffra som avviker från de publicerade",
            "6 enkätsiffror som avviker från de publicerade",
            "1 survey figure that differs from the published ones",
            "6 survey figures that differ from the published ones",
        ],
    ),
    (
        Kind::Unfinished,
        [
            "1 keskeneräinen kohta",
            "6 keskeneräistä kohtaa",
            "1 ofärdig punkt",
            "6 ofärdiga punkter",
            "1 unfinished item",
            "6 unfinished items",
        ],
    ),
    (
        Kind::ExampleAddress,
        [
            "1 esimerkkiosoite",
            "6 esimerkkiosoitetta",
            "1 exempeladress",
            "6 exempeladresser",
            "1 example address",
            "6 example addresses",
        ],
    ),
    (
        Kind::Build,
        [
            "1 rakentamisen varoitus",
            "6 rakentamisen varoitusta",
            "1 varning från bygget",
            "6 varningar från bygget",
            "1 build warning",
            "6 build warnings",
        ],
    ),
    (
        Kind::AccessibilityStatement,
        [
            "1 huomautus saavutettavuusselosteesta",
            "6 huomautusta saavutettavuusselosteesta",
            "1 anmärkning om tillgänglighetsutlåtandet",
            "6 anmärkningar om tillgänglighetsutlåtandet",
            "1 remark on the accessibility statement",
            "6 remarks on the accessibility statement",
        ],
    ),
    (
        Kind::LinksToMissing,
        [
            "1 linkki puuttuvaan sivuun",
            "6 linkkiä puuttuviin sivuihin",
            "1 länk till en sida som saknas",
            "6 länkar till sidor som saknas",
            "1 link to a missing page",
            "6 links to missing pages",
        ],
    ),
    (
        Kind::BrokenExternal,
        [
            "1 rikkinäinen ulkoinen linkki",
            "6 rikkinäistä ulkoista linkkiä",
            "1 trasig extern länk",
            "6 trasiga externa länkar",
            "1 broken external link",
            "6 broken external links",
        ],
    ),
    (
        Kind::EmptyLinkText,
        [
            "1 linkki ilman tekstiä",
            "6 linkkiä ilman tekstiä",
            "1 länk utan text",
            "6 länkar utan text",
            "1 link without text",
            "6 links without text",
        ],
    ),
    (
        Kind::SkippedHeadings,
        [
            "1 ohitettu otsikkotaso",
            "6 ohitettua otsikkotasoa",
            "1 överhoppad rubriknivå",
            "6 överhoppade rubriknivåer",
            "1 skipped heading level",
            "6 skipped heading levels",
        ],
    ),
    (
        Kind::Untitled,
        [
            "1 sivu ilman otsikkoa",
            "6 sivua ilman otsikkoa",
            "1 sida utan rubrik",
            "6 sidor utan rubrik",
            "1 page without a title",
            "6 pages without a title",
        ],
    ),
    (
        Kind::Unreachable,
        [
            "1 sivu, johon ei pääse navigaatiosta",
            "6 sivua, joihin ei pääse navigaatiosta",
            "1 sida som inte nås från navigeringen",
            "6 sidor som inte nås från navigeringen",
            "1 page not reachable from the navigation",
            "6 pages not reachable from the navigation",
        ],
    ),
    (
        Kind::BrokenGenerated,
        [
            "1 rikkinäinen linkki tuotetuilla sivuilla",
            "6 rikkinäistä linkkiä tuotetuilla sivuilla",
            "1 trasig länk i de genererade sidorna",
            "6 trasiga länkar i de genererade sidorna",
            "1 broken link in the generated output",
            "6 broken links in the generated output",
        ],
    ),
    (
        Kind::MissingTranslations,
        [
            "1 puuttuva käännös",
            "6 puuttuvaa käännöstä",
            "1 saknad översättning",
            "6 saknade översättningar",
            "1 missing translation",
            "6 missing translations",
        ],
    ),
];

#[test]
fn every_kind_counts_in_three_languages() {
    let listed: Vec<Kind> = COUNTED.iter().map(|(k, _)| *k).collect();
    assert_eq!(
        listed,
        Kind::ALL,
        "the table lists every kind, in report order"
    );
    for (kind, expected) in COUNTED {
        let mut got = Vec::new();
        for lang in Lang::ALL {
            for n in [1, 6] {
                got.push(kind.counted(n).render(lang));
            }
        }
        assert_eq!(got, expected, "{kind:?}");
    }
}

#[test]
fn names_are_unique_and_sections_come_in_report_order() {
    let mut names: Vec<&str> = Kind::ALL.iter().map(|k| k.name()).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), Kind::ALL.len());
    let sections: Vec<Section> = Kind::ALL.iter().map(|k| k.section()).collect();
    assert!(sections.is_sorted(), "{sections:?}");
}
