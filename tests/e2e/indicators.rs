//! End-to-end tests of indicator data, charts and pages over `tests/fixtures/indicators/`.

use crate::common;

use crate::common::{build_fixture, copy_dir, fixture_with, kertomus, read};
use std::path::{Path, PathBuf};

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/indicators");

fn built() -> (tempfile::TempDir, PathBuf) {
    build_fixture(FIXTURE)
}

/// A copy of the fixture with files replaced; builds it and returns stderr of the failure.
fn fails_with(changes: &[(&str, &str)]) -> String {
    let changes: Vec<(&str, &[u8])> = changes.iter().map(|(r, t)| (*r, t.as_bytes())).collect();
    let dir = fixture_with(FIXTURE, &changes);
    let o = kertomus(&["build", "--root", dir.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(!dir.path().join("public").exists());
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn shortcode_chart_has_title_desc_table_and_gaps() {
    let (_t, public) = built();
    let page = common::unlabelled(&read(&public, "index.html"));
    assert_eq!(
        page.matches("role=\"img\"").count(),
        2,
        "narrow and wide drawing"
    );
    assert!(page.contains(
        "Sairaalahoitoa saaneet 0–17-vuotiaat / 1 000. Kuopio 2011: 2,5 / 1 000 (2009: 1,9 / 1 000); Pohjois-Savon hyvinvointialue 2011: 2,1 / 1 000; Koko maa 2011: 1,8 / 1 000.</desc>"
    ), "{page}");
    // Three series in each drawing; Kuopio's line has a gap at 2010.
    assert_eq!(page.matches("<g class=\"series\">").count(), 6);
    assert!(
        page.contains("<th scope=\"row\">2010</th><td class=\"align-right missing\">"),
        "missing value in the table"
    );
    assert!(page.contains("<th scope=\"col\" class=\"align-right\">Kuopio</th>"));
    assert!(page.contains("Lähde: THL, <a href=\"https://sotkanet.fi/\">Sotkanet.fi</a>"));
}

#[test]
fn indicator_pages_bar_chart_and_csv() {
    let (_t, public) = built();
    let page = read(&public, "mittarit/4/index.html");
    assert!(page.contains("<h1>Sairaalahoitoa saaneet 0–17-vuotiaat / 1 000</h1>"));
    assert!(page.contains("pienempi on parempi"));
    // Bar chart across the county's 19 municipalities, with county and country as references.
    assert!(page.contains("Sairaalahoitoa saaneet 0–17-vuotiaat / 1 000 2011: Kuopio 2,5 / 1 000; Iisalmi 1,5 / 1 000; Pohjois-Savon hyvinvointialue 2,1 / 1 000; Koko maa 1,8 / 1 000.</desc>"), "{page}");
    let csv = read(&public, "mittarit/4/4.csv");
    assert!(csv.starts_with("indicator;region;region_name;year;gender;primary value\n"));
    assert!(csv.contains("4;HYVINVOINTIALUE:13;Pohjois-Savon hyvinvointialue;2009;total;2\n"));
    assert!(csv.contains("4;KUNTA:297;Kuopio;2011;total;2.5\n"));
    assert!(
        csv.contains("4;KUNTA:749;Siilinjärvi;2011;total;\n"),
        "members without data are listed as missing"
    );
    assert_eq!(csv.lines().count(), 1 + 3 + 19);

    let index = read(&public, "mittarit/index.html");
    assert!(index.contains("Pohjois-Savon hyvinvointialue 2011): <strong>2,1 / 1 000</strong>, heikentynyt vuodesta 2009"), "{index}");
    let en = read(&public, "en/indicators/4/index.html");
    assert!(en.contains("<h1>Hospital care, aged 0–17, per 1,000</h1>"));
    assert!(en.contains("Kuopio 2.5 / 1 000"), "English number format");
    assert!(read(&public, "mittarit/ryhmaytyspaivat/index.html").contains("Lähde: Testikunta"));

    let all = read(&public, "data/indicators.csv");
    assert!(all.starts_with("indicator;region;region_name;year;gender;value\n"));
    assert!(all.contains("4;KUNTA:297;Kuopio;2010;total;\n"));
    assert!(all.contains(
        "ryhmaytyspaivat;HYVINVOINTIALUE:13;Pohjois-Savon hyvinvointialue;2025;total;12\n"
    ));
    assert_eq!(all.lines().count(), 1 + 8);
    let meta: serde_json::Value =
        serde_json::from_str(&read(&public, "data/indicators.json")).unwrap();
    assert_eq!(
        meta["indicators"][0]["title"]["en"],
        "Hospital care, aged 0–17, per 1,000"
    );
    assert_eq!(meta["indicators"][1]["better"], "up");
}

#[test]
fn value_errors_name_file_line_and_column() {
    let err = fails_with(&[(
        "content/data/values/4.csv",
        "indicator;region;year;gender;primary value;absolute value\n4;KUNTA:298;2011;total;1;\n4;974;2011;total;x;\n",
    )]);
    assert!(err.contains("content/data/values/4.csv:2:3: error: KUNTA:298 is not a municipality; did you mean KUNTA:297 Kuopio?"), "{err}");
    assert!(
        err.contains("content/data/values/4.csv:3:18: error: `x` is not a number"),
        "{err}"
    );
}

#[test]
fn duplicate_rows_across_files() {
    let err = fails_with(&[(
        "content/data/values/more.csv",
        "indicator;region;year;gender;primary value;absolute value\n4;KUNTA:297;2011;total;2,6;\n",
    )]);
    assert!(err.contains("content/data/values/more.csv:2:1: error: duplicate row: 4 KUNTA:297 2011 total was already given"), "{err}");
    assert!(
        err.contains("the first is at content/data/values/4.csv:7"),
        "{err}"
    );
}

#[test]
fn shortcode_and_site_region_errors() {
    let err = fails_with(&[
        ("content/index.md", "---\ntitle: E\n---\n\n{{ indicator(id=\"5\") }}\n\n{{ indicator(id=\"4\", regions=[\"KUNTA:298\"]) }}\n"),
        ("content/site.yaml", "title: T\nhome_region: \"HYVINVOINTIALUE:99\"\n"),
    ]);
    assert!(err.contains("content/index.md:5:1: error: shortcode `indicator`: indicator `5` is not in indicators.yaml"), "{err}");
    assert!(
        err.contains(
            "content/index.md:7:1: error: shortcode `indicator`: KUNTA:298 is not a municipality"
        ),
        "{err}"
    );
    assert!(
        err.contains(
            "content/site.yaml:2:15: error: HYVINVOINTIALUE:99 is not a wellbeing services county"
        ),
        "{err}"
    );
}

#[test]
fn unknown_key_in_indicators_yaml() {
    let err = fails_with(&[(
        "content/data/indicators.yaml",
        "- id: \"4\"\n  title: T\n  beter: down\n",
    )]);
    assert!(
        err.contains("content/data/indicators.yaml:3:3: error:"),
        "{err}"
    );
    assert!(err.contains("did you mean `better`?"), "{err}");
}

#[test]
fn municipality_cards_show_the_input_values() {
    let (_t, public) = built();
    let card = common::unlabelled(&read(&public, "kuntakortit/297-kuopio/index.html"));
    assert!(card.contains("<h1>Kuopio</h1>"));
    // Kuopio 2011 2,5 beside the county 2,1 and the country 1,8; lower is better, so worse.
    assert!(card.contains("(2011)</th><td class=\"align-right\">2,5 / 1 000</td><td class=\"align-right\">2,1 / 1 000</td><td class=\"align-right\">1,8 / 1 000</td>"), "{card}");
    assert!(card.contains("<td>heikompi</td>"), "{card}");
    assert!(
        card.contains("<p>Kuopion oma kuvaus.</p>"),
        "prose merged into the card"
    );
    assert!(card.contains("<li>Keskusteluapua iltaisin</li>"));
    assert!(
        !public.join("kuntakortit/297/index.html").exists(),
        "the prose file is not a page of its own"
    );
    let index = common::unlabelled(&read(&public, "kuntakortit/index.html"));
    assert_eq!(
        index
            .matches("<tr><th scope=\"row\"><a href=\"/kuntakortit/")
            .count(),
        19,
        "one row per member of the county"
    );
    assert!(index.contains("<a href=\"/kuntakortit/140-iisalmi/\">Iisalmi</a></th><td class=\"align-right\">1,5 (2011)</td>"));
    assert!(read(&public, "sitemap.xml")
        .contains("<loc>https://example.fi/en/municipality-cards/297-kuopio/</loc>"));
}

#[test]
fn card_indicators_must_exist_and_generated_addresses_are_reserved() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path();
    copy_dir(Path::new(FIXTURE), site);
    let yaml = std::fs::read_to_string(site.join("content/site.yaml"))
        .unwrap()
        .replace("indicators: [\"4\"]", "indicators: [\"4\", \"44\"]");
    std::fs::write(site.join("content/site.yaml"), yaml).unwrap();
    std::fs::create_dir_all(site.join("content/mittarit")).unwrap();
    std::fs::write(
        site.join("content/mittarit/index.md"),
        "---\ntitle: M\n---\n",
    )
    .unwrap();
    let o = kertomus(&["build", "--root", site.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1));
    assert!(err.contains("content/site.yaml:8:21: error: municipality card indicator `44` is not in indicators.yaml"), "{err}");
    assert!(
        err.contains(
            "content/mittarit/index.md: error: the address /mittarit/ is generated by kertomus"
        ),
        "{err}"
    );
}

#[test]
fn a_large_export_with_one_bad_column_is_reported_briefly_and_counted_exactly() {
    // 50,000 rows, each with a bad year, and 50,000 duplicate rows.
    let mut csv = String::from("indicator;region;year;gender;primary value;absolute value\n");
    for i in 0..50_000 {
        csv.push_str(&format!("4;KUNTA:297;vuosi{i};total;1,0;\n"));
    }
    for _ in 0..50_000 {
        csv.push_str("4;KUNTA:297;2011;total;2,6;\n");
    }
    let started = std::time::Instant::now();
    let err = fails_with(&[("content/data/values/big.csv", &csv)]);
    assert!(
        started.elapsed() < std::time::Duration::from_secs(60),
        "a hang"
    );
    assert!(err.contains("content/data/values/big.csv:2:"), "{err}");
    assert!(
        err.contains("more problems like the ones above (not listed)"),
        "{err}"
    );
    assert!(
        err.contains("big.csv: 200 errors of this kind in this file, lines 2, 3, 4,"),
        "{err}"
    );
    assert!(
        err.contains("\n100000 errors, 0 warnings\n"),
        "{}",
        &err[err.len() - 300..]
    );
    assert!(err.len() < 20_000, "{} bytes of messages", err.len());
}
