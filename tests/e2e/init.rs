//! `kertomus init DIR --organisation …`: a starter site made for one municipality or county
//! builds at once, in the organisation's languages, with its region, counterparts and a plan.

use crate::common::{kertomus, read};
use std::path::{Path, PathBuf};

/// Runs `init` for `organisation` into a new folder; returns the folder and init's output.
fn init(dir: &Path, organisation: &str) -> (PathBuf, String) {
    let site = dir.join("sivusto");
    let o = kertomus(&[
        "init",
        site.to_str().unwrap(),
        "--organisation",
        organisation,
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    (site, String::from_utf8_lossy(&o.stdout).into_owned())
}

fn build(site: &Path) -> PathBuf {
    let o = kertomus(&["build", "-q", "--root", site.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    site.join("public")
}

fn yaml(site: &Path, rel: &str) -> serde_yaml::Value {
    serde_yaml::from_str(&std::fs::read_to_string(site.join(rel)).unwrap()).unwrap()
}

#[test]
fn a_monolingual_municipality_gets_its_regions_counterpart_and_a_plan() {
    let dir = tempfile::tempdir().unwrap();
    let (site, out) = init(dir.path(), "Kuopio");
    // The next steps name pulling the data, serving, and the measures sheet.
    for step in [
        "kertomus sotkanet pull",
        "kertomus serve",
        "kertomus template measures",
    ] {
        assert!(out.contains(step), "{out}");
    }
    let config = yaml(&site, "content/site.yaml");
    assert_eq!(
        config["languages"],
        serde_yaml::from_str::<serde_yaml::Value>("[fi]").unwrap()
    );
    assert_eq!(config["home_region"].as_str(), Some("KUNTA:297"));
    let compare: Vec<&str> = config["compare_regions"]
        .as_sequence()
        .unwrap()
        .iter()
        .filter_map(|v| v.as_str())
        .collect();
    assert_eq!(compare, ["HYVINVOINTIALUE:13", "MAA:SSS"]);
    let orgs = yaml(&site, "content/data/organisations.yaml");
    assert_eq!(orgs[0]["id"].as_str(), Some("kuopio"));
    assert_eq!(
        orgs[0]["counterpart"].as_str(),
        Some("pohjois-savon-hyvinvointialue")
    );
    assert_eq!(orgs[1]["region"].as_str(), Some("HYVINVOINTIALUE:13"));

    let public = build(&site);
    assert!(!public.join("sv").exists(), "Kuopio is Finnish-speaking");
    // THL's structure: summary, background, population, strengths, the plan.
    let doc = "hyvinvointikertomus-2025-2029";
    for chapter in [
        "01-tiivistelma",
        "02-tausta",
        "03-vaeston-hyvinvointi",
        "04-vahvuudet-ja-kehittamiskohteet",
        "05-suunnitelma",
    ] {
        assert!(
            public.join(doc).join(chapter).join("index.html").is_file(),
            "{chapter}"
        );
    }
    // Until the data is pulled, every chart names its indicator and says there is no data.
    let population = read(&public, &format!("{doc}/03-vaeston-hyvinvointi/index.html"));
    assert_eq!(
        population
            .matches("<figure class=\"chart no-data\"")
            .count(),
        4
    );
    assert!(population.contains(
        "<figcaption>Kuolleisuus / 100 000 asukasta</figcaption>\n<p>Tälle mittarille ei ole vielä tietoja.</p>"
    ));
    let plan = read(&public, &format!("{doc}/05-suunnitelma/index.html"));
    assert!(
        plan.contains("Liian vähän liikkuvien osuus pienenee"),
        "{plan}"
    );
    // check has warnings (no data yet), no errors.
    let o = kertomus(&["check", "--root", site.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stdout));
    // The measures template can be made from the plan at once.
    let sheet = dir.path().join("toimenpiteet.xlsx");
    let plan_dir = format!("content/{doc}");
    let o = kertomus(&[
        "template",
        "measures",
        "--root",
        site.to_str().unwrap(),
        "--plan",
        &plan_dir,
        "-o",
        sheet.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(sheet.is_file());
}

#[test]
fn a_bilingual_municipality_gets_finnish_and_swedish() {
    let dir = tempfile::tempdir().unwrap();
    let (site, out) = init(dir.path(), "KUNTA:638");
    assert!(
        out.contains("Porvoo (KUNTA:638)") && out.contains("fi + sv"),
        "{out}"
    );
    let config = yaml(&site, "content/site.yaml");
    assert_eq!(
        config["title"]["sv"].as_str(),
        Some("Borgå – välfärdsberättelse")
    );
    let public = build(&site);
    let front = read(&public, "sv/index.html");
    assert!(front.contains("<html lang=\"sv\">"), "{front}");
    assert!(front.contains("kommunens välfärdsberättelse"), "{front}");
    let chapter = read(
        &public,
        "sv/hyvinvointikertomus-2025-2029/05-suunnitelma/index.html",
    );
    assert!(
        chapter.contains("Andelen som rör sig för lite minskar"),
        "{chapter}"
    );
    // A municipality with a Swedish majority has Swedish as its default language.
    let (site, _) = init(&dir.path().join("pedersore"), "Pedersöre");
    let config = yaml(&site, "content/site.yaml");
    assert_eq!(config["languages"][0].as_str(), Some("sv"));
    let public = build(&site);
    assert!(read(&public, "index.html").contains("<html lang=\"sv\">"));
    assert!(public.join("fi/index.html").is_file());
}

#[test]
fn a_county_gets_its_member_municipalities_and_their_cards() {
    let dir = tempfile::tempdir().unwrap();
    let (site, out) = init(dir.path(), "HYVINVOINTIALUE:13");
    assert!(out.contains("19 member municipalities"), "{out}");
    let orgs = yaml(&site, "content/data/organisations.yaml");
    let orgs = orgs.as_sequence().unwrap();
    assert_eq!(orgs.len(), 20);
    assert!(orgs[1..].iter().all(|o| o["type"].as_str() == Some("kunta")
        && o["counterpart"].as_str() == Some("pohjois-savon-hyvinvointialue")));
    let config = yaml(&site, "content/site.yaml");
    assert_eq!(
        config["municipality_cards"]["region"].as_str(),
        Some("HYVINVOINTIALUE:13")
    );
    let public = build(&site);
    let cards = std::fs::read_dir(public.join("kuntakortit"))
        .unwrap()
        .filter(|e| e.as_ref().unwrap().path().is_dir())
        .count();
    assert_eq!(cards, 19);
    let card = read(&public, "kuntakortit/297-kuopio/index.html");
    assert!(
        card.contains("Tälle mittarille ei ole vielä tietoja."),
        "{card}"
    );
}

#[test]
fn an_unknown_or_ambiguous_organisation_is_refused_with_a_suggestion() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("x");
    let refused = |organisation: &str| {
        let o = kertomus(&[
            "init",
            site.to_str().unwrap(),
            "--organisation",
            organisation,
        ]);
        assert_eq!(o.status.code(), Some(1));
        assert!(!site.exists(), "nothing is written");
        String::from_utf8_lossy(&o.stderr).into_owned()
    };
    let err = refused("Kuopoi");
    assert!(err.contains("did you mean Kuopio (KUNTA:297)"), "{err}");
    let err = refused("Pohjois-");
    assert!(
        err.contains("Pohjois-Savon hyvinvointialue (HYVINVOINTIALUE:13)"),
        "{err}"
    );
    let err = refused("MAA:SSS");
    assert!(
        err.contains("is not a municipality or wellbeing services county"),
        "{err}"
    );
}
