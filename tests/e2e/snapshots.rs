//! Snapshots of the `<main>` of representative generated pages of the fixture sites, so that an
//! unintended change anywhere on such a page shows up in review (`cargo insta review`, or
//! `INSTA_UPDATE=always cargo test --test snapshots` to accept a deliberate change).

use crate::common::{build_fixture, read};

/// The page's `<main>` element, as a reader's screen reader meets it.
fn main_of(html: &str) -> &str {
    let start = html.find("<main").expect("a <main> element");
    let end = html[start..].find("</main>").expect("</main>") + start + "</main>".len();
    &html[start..end]
}

fn snapshot(root: &str, pages: &[(&str, &str)]) {
    let (_dir, public) = build_fixture(root);
    for (name, path) in pages {
        let html = read(&public, &format!("{path}index.html"));
        insta::assert_snapshot!(*name, main_of(&html));
    }
}

#[test]
fn plan_pages() {
    snapshot(
        "tests/fixtures/plan",
        &[
            ("focus_area", "suunnitelma/suunnitelma/osallisuus/"),
            ("goal", "suunnitelma/suunnitelma/osallisuus/os-1/"),
            ("survey", "kyselyt/kysely/"),
            ("statement", "saavutettavuusseloste/"),
            ("print", "suunnitelma/tulosta/"),
            ("annual_report", "raportti-2026/"),
        ],
    );
}

#[test]
fn indicator_pages() {
    snapshot(
        "tests/fixtures/indicators",
        &[
            ("indicator", "mittarit/4/"),
            ("card", "kuntakortit/297-kuopio/"),
            ("card_en", "en/municipality-cards/297-kuopio/"),
        ],
    );
}

#[test]
fn region_pages() {
    snapshot(
        "tests/fixtures/region",
        &[
            ("region_view", "alue/suunnitelma/koko-alue/"),
            ("regional_goal", "alue/suunnitelma/mieli/a1/"),
            ("municipal_goal", "kunta-a/suunnitelma/nuoret/ka-1/"),
            ("annual_report_with_contributors", "raportti/"),
        ],
    );
}
