//! The plan table as goals and measures, and what `kertomus check` reports of the folder.

use super::*;

#[test]
fn the_plan_table_becomes_goals_and_measures_read_through_measures_from() {
    let dir = site();
    import(dir.path(), &word("raportti.docx"));
    let plan: serde_yaml::Value = serde_yaml::from_str(&text(dir.path(), "plan.yaml")).unwrap();
    assert_eq!(plan["measures_from"][0].as_str(), Some("toimenpiteet.csv"));
    let fa = &plan["focus_areas"][0];
    assert_eq!(fa["title"].as_str(), Some("Suunnitelma 2022–2025"));
    let goals: Vec<&str> = fa["goals"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|g| g["title"].as_str().unwrap())
        .collect();
    assert_eq!(
        goals,
        [
            "Nuorten mielen hyvinvointi vahvistuu",
            "Kuntalaiset liikkuvat arjessaan enemmän"
        ]
    );
    let csv = text(dir.path(), "toimenpiteet.csv");
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(csv.as_bytes());
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect();
    let measures: Vec<(&str, &str, &str, &str)> = rows
        .iter()
        .map(|r| (r[0].as_str(), r[2].as_str(), r[3].as_str(), r[5].as_str()))
        .collect();
    assert_eq!(
        measures,
        [
            (
                "nuorten-mielen-hyvinvointi-vahvistuu",
                "Ryhmäytymispäivät kaikille 7.-luokkalaisille",
                "sivistystoimi",
                "ahdistuneisuus"
            ),
            // The goal cell merged over two rows is each row's goal.
            (
                "nuorten-mielen-hyvinvointi-vahvistuu",
                "Koulukuraattorin avoin vastaanotto",
                "sivistystoimi, hyvinvointialue",
                "ahdistuneisuus"
            ),
            // An unknown responsible party falls to the site's organisation, and what the
            // row said is kept in the description.
            (
                "kuntalaiset-liikkuvat-arjessaan-enemman",
                "Kävely- ja pyöräilyreittien kunnostus",
                "esimerkkila",
                ""
            ),
        ]
    );
    assert_eq!(
        rows[2][7],
        "**Aikataulu:** syksy 2023\n\n**Vastuutaho:** Tekninen toimi\n\n**Mittari:** Liikuntasuositus"
    );
    // The chapter shows the focus area where the table stood, and the row it could not read.
    let (_, chapter) = page(dir.path(), "03-suunnitelma-2022-2025.md");
    assert!(
        chapter.contains("{{ goals(focus_area=\"suunnitelma-2022-2025\") }}"),
        "{chapter}"
    );
    assert!(
        chapter.contains(
            "Suunnitelmataulukon rivit, joita ei voitu lukea toimenpiteiksi:\n\n| Tavoite |"
        ),
        "{chapter}"
    );
    assert!(
        chapter
            .contains("| Kuntalaiset liikkuvat arjessaan enemmän |  | Liikuntatoimi |  | 2024 |"),
        "{chapter}"
    );
    // The site builds, and the measures are on its pages.
    let o = kertomus(&["build", "--root", dir.path().to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{stderr}");
    assert!(
        stderr.contains("4 pages have unfinished items (todo:); kertomus check lists them"),
        "{stderr}"
    );
    let public = dir.path().join("public/hyvinvointikertomus-2021-2025");
    let chapter =
        std::fs::read_to_string(public.join("03-suunnitelma-2022-2025/index.html")).unwrap();
    for measure in [
        "Ryhmäytymispäivät kaikille 7.-luokkalaisille",
        "Koulukuraattorin avoin vastaanotto",
        "Kävely- ja pyöräilyreittien kunnostus",
    ] {
        assert!(
            chapter.contains(measure),
            "{measure} not on the chapter's page"
        );
    }
    let vaesto = std::fs::read_to_string(public.join("02-vaesto-ja-elinolot/index.html")).unwrap();
    assert!(vaesto.contains("alt=\"Pylväskaavio: 0–17-vuotiaiden määrä laski vuosina 2021–2024.\""));
    assert!(vaesto.contains("alt=\"Kuva 2: kuvaus puuttuu\""));
    let files = kertomus::links::read_folder(&dir.path().join("public")).unwrap();
    let base = kertomus::links::base_url(dir.path()).unwrap();
    let broken = kertomus::links::broken(&files, &base);
    assert!(broken.is_empty(), "{broken:#?}");
}

#[test]
fn check_lists_exactly_what_needs_a_person() {
    let dir = site();
    let out = import(dir.path(), &word("raportti.docx"));
    let root = dir.path().to_str().unwrap();
    let o = kertomus_in(
        "fi_FI.UTF-8",
        &["check", "--root", root, "--format", "json"],
    );
    let report: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let items: Vec<(String, String)> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["kind"] == "unfinished items")
        .map(|d| {
            let path = d["path"]
                .as_str()
                .unwrap()
                .trim_start_matches(FOLDER)
                .to_string();
            (path, d["message"].as_str().unwrap().to_string())
        })
        .collect();
    let expected = [
        ("/01-johdanto.md", "vielä tehtävää: kappale ”Keskeiset havainnot” on kokonaan lihavoitu ja näyttää otsikolta: jos se on otsikko, tee siitä otsikko (##)"),
        ("/02-vaesto-ja-elinolot.md", "vielä tehtävää: taulukko 1, rivi 4, sarake 2: solu on yhdistetty 2 sarakkeen yli; sen teksti on niistä ensimmäisessä"),
        ("/02-vaesto-ja-elinolot.md", "vielä tehtävää: kuva 2 (media/image2.png): kuvalta puuttuu vaihtoehtoinen teksti; kirjoita se tekstin ”Kuva 2: kuvaus puuttuu” tilalle"),
        ("/03-suunnitelma-2022-2025.md", "vielä tehtävää: taulukko 2, rivi 5: riviä ei luettu toimenpiteeksi: rivillä ei ole toimenpidettä; sen tavoite on suunnitelmassa"),
        ("/03-suunnitelma-2022-2025.md", "vielä tehtävää: taulukko 2, rivi 4, sarake 3: vastuutaho ”Tekninen toimi” ei ole sivuston organisaatio: lisää se content/data/organisations.yaml-tiedostoon ja sen tunnus tiedoston toimenpiteet.csv vastuutaho-sarakkeeseen"),
        ("/03-suunnitelma-2022-2025.md", "vielä tehtävää: taulukko 2, rivi 4, sarake 4: mittari ”Liikuntasuositus” ei ole content/data/indicators.yaml-tiedostossa: lisää se sinne ja sen tunnus tiedoston toimenpiteet.csv mittarit-sarakkeeseen"),
        ("/index.md", "vielä tehtävää: tarkista asiakirjan organisaatio (document.organisation): nyt se on esimerkkila, sivuston oma organisaatio"),
        ("/index.md", "vielä tehtävää: tarkista valtuustokausi (document.council_term): 2021-2025 luettiin otsikosta"),
        ("/index.md", "vielä tehtävää: tarkista asiakirjan laji (document.type): nyt se on kertomus+suunnitelma; lajit ovat kertomus, suunnitelma, kertomus+suunnitelma ja vuosiraportti"),
    ];
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(p, m)| (p.to_string(), m.to_string()))
        .collect();
    assert_eq!(items, expected);
    // The import's report listed the same items.
    assert!(out.contains("9 items need a person"), "{out}");
    // Besides them, only the plan's own quality findings: goals from a Word table have no
    // outcome indicator, and the measure whose indicator the site does not know has none.
    let kinds: BTreeMap<String, u64> = report["kinds"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| (k.clone(), v.as_u64().unwrap()))
        .collect();
    // (The fixture site's own site.yaml keeps example-domain addresses, which check names.)
    let expected_kinds: BTreeMap<String, u64> = [
        ("example addresses", 3),
        ("goals without an outcome indicator", 2),
        ("measures without an indicator", 1),
        ("unfinished items", 9),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    assert_eq!(kinds, expected_kinds);
    assert_eq!(report["errors"], 0);
    // Each item stands at its own line of the front matter.
    let index = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["path"].as_str().unwrap().ends_with("/index.md"))
        .map(|d| d["line"].as_u64().unwrap())
        .collect::<Vec<_>>();
    assert_eq!(index, [9, 10, 11]);
    let o = kertomus(&["check", "--root", root, "--deny-warnings", "-q"]);
    assert_eq!(o.status.code(), Some(1));
}
