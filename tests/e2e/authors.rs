//! End-to-end tests of the author's tools (issue 23): `kertomus check` says the important thing
//! first, in one language with correctly counted words, and never drowns it in housekeeping;
//! no message grows with the input; the starter site of `init` does not pass as finished.

use crate::common;

use crate::common::{fixture_with, kertomus_in, kertomus_on};

const PLAN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/plan");

/// The plan fixture with 300 more pages, each without its Swedish version: hundreds of
/// translation warnings around the plan's few findings.
fn crowded() -> tempfile::TempDir {
    let pages: Vec<(String, Vec<u8>)> = (1..=300)
        .map(|i| {
            let page = format!("content/muut/sivu-{i:03}.md");
            (
                page,
                format!("---\ntitle: Sivu {i}\n---\nTeksti.\n").into_bytes(),
            )
        })
        .collect();
    let changes: Vec<(&str, &[u8])> = pages
        .iter()
        .map(|(p, b)| (p.as_str(), b.as_slice()))
        .collect();
    fixture_with(PLAN, &changes)
}

#[test]
fn every_plan_finding_shows_above_hundreds_of_translation_warnings() {
    let dir = crowded();
    let root = dir.path().to_str().unwrap();
    let o = kertomus_on("2026-11-30", &["check", "--root", root]);
    assert_eq!(o.status.code(), Some(0), "warnings alone pass");
    let stderr = String::from_utf8_lossy(&o.stderr);
    let plan = common::PLAN_FINDINGS;
    let first_translation = stderr.find("has no sv").expect("translations are reported");
    let mut last = 0;
    for line in plan {
        let at = stderr
            .find(line)
            .unwrap_or_else(|| panic!("missing {line}\n{stderr}"));
        assert!(
            at >= last && at < first_translation,
            "out of order: {line}\n{stderr}"
        );
        last = at;
    }
    // The rest is counted, not listed: a screenful of pages, not hundreds.
    assert!(stderr.contains("… and in 29"), "{stderr}");
    assert!(stderr.len() < 20_000, "{} bytes\n{stderr}", stderr.len());
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert!(
        stdout.contains("1 measure without a responsible party,"),
        "{stdout}"
    );

    // --all prints every finding in full.
    let o = kertomus_on("2026-11-30", &["check", "--all", "--root", root]);
    let all = String::from_utf8_lossy(&o.stderr);
    assert_eq!(
        all.matches("warning: the page has no sv version").count(),
        304,
        "{all}"
    );
}

#[test]
fn the_summary_counts_in_finnish_swedish_and_english() {
    let dir = crowded();
    let root = dir.path().to_str().unwrap();
    for (lang, parts) in [
        (
            "fi_FI.UTF-8",
            [
                "Tarkistettiin 304 sivua: 0 virhettä,",
                "(1 toimenpide ilman vastuutahoa, 1 toimenpide ilman mittaria, 1 lakisääteinen toimenpide,",
                "1 tavoite ilman tulosmittaria,",
                " puuttuvaa käännöstä).",
            ],
        ),
        (
            "sv_FI.UTF-8",
            [
                "304 sidor",
                "(1 åtgärd utan ansvarig, 1 åtgärd utan indikator, 1 lagstadgad åtgärd,",
                "1 mål utan resultatindikator,",
                " saknade översättningar).",
            ],
        ),
        (
            "C.UTF-8",
            [
                "Checked 304 pages: 0 errors,",
                "(1 measure without a responsible party, 1 measure without an indicator, 1 statutory measure,",
                "1 goal without an outcome indicator,",
                " missing translations).",
            ],
        ),
    ] {
        let o = common::command()
            .env("LANG", lang)
            .env("SOURCE_DATE_EPOCH", "1796040000")
            .args(["check", "--root", root])
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&o.stdout);
        for part in parts {
            assert!(stdout.contains(part), "{lang}: {part}\n{stdout}");
        }
    }
    let o = kertomus_in("fi_FI.UTF-8", &["check", "--root", root]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("… ja 29"), "{stderr}");
}

const BASIC: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/basic");

#[test]
fn a_five_mebibyte_value_gives_a_short_error() {
    let page = format!(
        "---\ntitle: Sivu\ndate: {}\n---\nTeksti.\n",
        "x".repeat(5 << 20)
    );
    let dir = fixture_with(BASIC, &[("content/iso.md", page.as_bytes())]);
    let root = dir.path().to_str().unwrap();
    let o = common::kertomus(&["build", "--root", root]);
    assert_eq!(o.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        stderr.contains("content/iso.md:3:"),
        "{}",
        &stderr[..stderr.len().min(2000)]
    );
    assert!(
        stderr.contains("xxx…` is not a valid date"),
        "{}",
        &stderr[..stderr.len().min(2000)]
    );
    assert!(stderr.len() < 10_000, "{} bytes", stderr.len());
    let o = common::kertomus(&["check", "--format", "json", "--root", root]);
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.len() < 10_000, "{} bytes", o.stdout.len());
    assert!(String::from_utf8_lossy(&o.stdout).contains("is not a valid date"));
}

/// `text` without its front matter's `todo:` list: what the author does once the items are done.
fn without_todo(text: &str) -> String {
    let mut out = String::new();
    let mut in_todo = false;
    for line in text.lines() {
        in_todo = line == "todo:" || (in_todo && line.starts_with("  - "));
        if !in_todo {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

#[test]
fn the_starter_site_does_not_pass_as_finished_until_the_author_finishes_it() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("porvoo");
    let root = site.to_str().unwrap();
    let o = common::kertomus(&["init", root, "--organisation", "Porvoo"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let o = kertomus_on("2026-11-30", &["check", "--deny-warnings", "--root", root]);
    assert_eq!(o.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&o.stderr);
    let doc = "content/hyvinvointikertomus-2025-2029";
    for line in [
        format!("{doc}/01-tiivistelma.md:6:5: warning: still to do: Kirjoita lyhyesti kertomuksen tärkeimmät havainnot"),
        format!("{doc}/01-tiivistelma.sv.md:6:5: warning: still to do: Skriv kort"),
        "content/site.yaml:4:12: warning: `hyvinvointi.example.fi` is an example domain".to_string(),
        "content/site.yaml:15:20: warning: `example.fi` is an example domain".to_string(),
    ] {
        assert!(stderr.contains(&line), "missing {line}\n{stderr}");
    }
    // The instructions are not published: the chapter says nothing it would have to take back.
    let summary = std::fs::read_to_string(site.join(doc).join("01-tiivistelma.md")).unwrap();
    assert!(summary.trim_end().ends_with("---"), "{summary}");
    let o = common::kertomus(&["build", "--root", root]);
    assert!(o.status.success());
    let build = String::from_utf8_lossy(&o.stderr);
    assert_eq!(
        build.matches("unfinished items (todo:)").count(),
        1,
        "{build}"
    );

    // The author writes the real addresses, does the items and pulls the data.
    let config = std::fs::read_to_string(site.join("content/site.yaml")).unwrap();
    std::fs::write(
        site.join("content/site.yaml"),
        config.replace("example.fi", "porvoo.fi"),
    )
    .unwrap();
    for entry in walkdir::WalkDir::new(site.join("content")) {
        let path = entry.unwrap().into_path();
        if path.extension().is_some_and(|e| e == "md") {
            let text = std::fs::read_to_string(&path).unwrap();
            std::fs::write(&path, without_todo(&text)).unwrap();
        }
    }
    let values = site.join("content/data/values");
    std::fs::create_dir_all(&values).unwrap();
    for id in ["5527", "5529", "4559", "186"] {
        let csv = format!("indicator;region;year;gender;primary value;absolute value\n{id};KUNTA:638;2025;total;12.5;\n");
        std::fs::write(values.join(format!("{id}.csv")), csv).unwrap();
    }
    let o = kertomus_on("2026-11-30", &["check", "--deny-warnings", "--root", root]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(0), "{stderr}");
}

#[test]
fn a_front_page_without_a_title_is_named_in_its_language() {
    let dir = fixture_with(
        BASIC,
        &[
            (
                "content/index.md",
                b"---\ndescription: x\n---\nTeksti.\n".as_slice(),
            ),
            (
                "content/index.sv.md",
                b"---\ndescription: x\n---\nText.\n".as_slice(),
            ),
        ],
    );
    let root = dir.path().to_str().unwrap();
    let o = common::kertomus(&["build", "-q", "--root", root]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let public = dir.path().join("public");
    assert!(common::read(&public, "index.html").contains("<h1>Etusivu</h1>"));
    assert!(common::read(&public, "sv/index.html").contains("<h1>Startsida</h1>"));
}

#[test]
fn an_email_autolink_becomes_a_mailto_link() {
    let page = "---\ntitle: Yhteystiedot\n---\nOta yhteyttä <hyte@kunta.fi>.\n";
    let dir = fixture_with(BASIC, &[("content/yhteys.md", page.as_bytes())]);
    let root = dir.path().to_str().unwrap();
    let o = common::kertomus(&["build", "-q", "--root", root]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let html = common::read(&dir.path().join("public"), "yhteys/index.html");
    assert!(
        html.contains("Ota yhteyttä <a href=\"mailto:hyte@kunta.fi\">hyte@kunta.fi</a>."),
        "{html}"
    );
}

#[test]
fn a_link_to_a_draft_gets_its_own_translated_hint() {
    let page = "---\ntitle: Sivu\n---\nKatso [luonnos](luonnos.md).\n";
    let dir = fixture_with(BASIC, &[("content/linkki.md", page.as_bytes())]);
    let root = dir.path().to_str().unwrap();
    let o = common::kertomus(&["build", "--root", root]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("content/linkki.md:4:7: error: link target `luonnos.md` leads to a draft, which this build leaves out"),
        "{err}"
    );
    assert!(
        err.contains("= hint: publish content/luonnos.md (remove draft: true), or build with --drafts to preview it"),
        "{err}"
    );
    assert!(!err.contains("did you mean"), "{err}");
    let o = kertomus_in("fi_FI.UTF-8", &["build", "--root", root]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains(
            "virhe: linkin kohde `luonnos.md` johtaa luonnokseen, jota tämä rakennus ei sisällä"
        ),
        "{err}"
    );
    let o = common::kertomus(&["build", "-q", "--drafts", "--root", root]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}
