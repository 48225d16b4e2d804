//! Values in the author's language (content format §13.1): the plan fixture written with
//! Finnish, and with Swedish, enumerated values builds to exactly the same site as in English.

use crate::common;

use crate::common::{build_fixture, copy_dir, files};
use std::path::Path;

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/plan");

/// Every enumerated value of the fixture in English, Finnish and Swedish, as written in YAML
/// (with the variations of case and separators the format accepts).
const VALUES: &[(&str, &str, &str)] = &[
    ("better: down", "better: Alas", "better: ned"),
    ("better: up", "better: suurempi parempi", "better: UPP"),
    ("kind: activity", "kind: toimintamittari", "kind: aktivitet"),
    (
        "kind: cross_cutting",
        "kind: Läpileikkaava",
        "kind: övergripande",
    ),
    ("kind: outcome", "kind: tulos", "kind: resultat"),
    (
        "level: coordinator_network",
        "level: koordinaattoriverkosto",
        "level: koordinatorsnätverk",
    ),
    (
        "level: strategic",
        "level: strateginen",
        "level: strategisk",
    ),
    ("scope: joint", "scope: yhdyspinta", "scope: gemensam"),
    ("scope: own", "scope: oma", "scope: egen"),
    ("status: approved", "status: hyväksytty", "status: godkänd"),
    ("status: done", "status: toteutunut", "status: genomförd"),
    ("status: ongoing", "status: käynnissä", "status: pågår"),
    ("status: planned", "status: suunniteltu", "status: planerad"),
    ("status: started", "status: aloitettu", "status: påbörjad"),
    ("statutory: true", "statutory: kyllä", "statutory: ja"),
    ("type: single_choice", "type: yksi-valinta", "type: enval"),
    ("type: text", "type: teksti", "type: text"),
];

/// A copy of the fixture with every value written in language `column` (1 fi, 2 sv).
fn translated(column: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(Path::new(FIXTURE), dir.path());
    let mut seen = vec![false; VALUES.len()];
    for entry in walkdir::WalkDir::new(dir.path().join("content")) {
        let path = entry.unwrap().into_path();
        let is_source = path.extension().is_some_and(|e| e == "yaml" || e == "md");
        if !is_source {
            continue;
        }
        let mut text = std::fs::read_to_string(&path).unwrap();
        for (i, v) in VALUES.iter().enumerate() {
            let to = [v.0, v.1, v.2][column];
            if text.contains(v.0) {
                seen[i] = true;
                text = text.replace(v.0, to);
            }
        }
        std::fs::write(&path, text).unwrap();
    }
    assert!(seen.iter().all(|s| *s), "every value occurs in the fixture");
    dir
}

#[test]
fn finnish_and_swedish_values_build_the_same_site_as_english_ones() {
    let (_english, english_public) = build_fixture(FIXTURE);
    let expected = files(&english_public);
    for column in [1, 2] {
        let site = translated(column);
        let (_out, public) = build_fixture(site.path().to_str().unwrap());
        let got = files(&public);
        assert_eq!(got.len(), expected.len(), "the same files");
        for ((path, a), (_, b)) in expected.iter().zip(&got) {
            assert!(
                a == b,
                "{} differs with values in language {column}",
                path.display()
            );
        }
    }
}

#[test]
fn an_unknown_value_is_answered_in_the_author_s_language() {
    let plan = std::fs::read_to_string(Path::new(FIXTURE).join("content/suunnitelma/plan.yaml"))
        .unwrap()
        .replacen("status: started", "status: aloitetu", 1);
    let dir = common::fixture_with(
        FIXTURE,
        &[("content/suunnitelma/plan.yaml", plan.as_bytes())],
    );
    let o = common::kertomus(&["build", "--root", dir.path().to_str().unwrap()]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1));
    assert!(err.contains("`aloitetu` is not a measure status"), "{err}");
    assert!(
        err.contains("did you mean `aloitettu`? (suunniteltu, aloitettu, käynnissä, valmis, viivästynyt, keskeytetty, luovuttu)"),
        "{err}"
    );
    assert!(
        err.contains("content/suunnitelma/plan.yaml:25:30: error:"),
        "{err}"
    );
}
