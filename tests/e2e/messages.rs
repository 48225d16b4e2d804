//! Messages in the author's language: Finnish when the locale says `fi…`, Swedish for `sv…`,
//! English otherwise, `LC_ALL` before `LC_MESSAGES` before `LANG`, and `--lang` above all;
//! summaries, hints, the JSON report, `--help` and command-line errors alike.

use crate::common::{command, fixture_with, kertomus_in};
use std::process::Output;

const BASIC: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/basic");

fn out(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

#[test]
fn the_summary_line_follows_the_locale() {
    let dir = fixture_with(BASIC, &[]);
    let root = dir.path().to_str().unwrap();
    let fi = out(&kertomus_in("fi_FI.UTF-8", &["build", "--root", root]));
    assert!(
        fi.starts_with("Rakennettiin ") && fi.contains(" sivua ja "),
        "{fi}"
    );
    assert!(fi.trim_end().ends_with(" s."), "{fi}");
    assert!(
        fi.contains(','),
        "Finnish seconds have a decimal comma: {fi}"
    );
    let sv = out(&kertomus_in("sv_SE.UTF-8", &["build", "--root", root]));
    assert!(
        sv.starts_with("Byggde ") && sv.contains(" sidor och "),
        "{sv}"
    );
    let en = out(&kertomus_in("de_DE.UTF-8", &["build", "--root", root]));
    assert!(en.starts_with("Built "), "{en}");
}

#[test]
fn lc_all_comes_before_lang_and_the_flag_before_both() {
    let dir = fixture_with(BASIC, &[]);
    let root = dir.path().to_str().unwrap();
    let run = |envs: &[(&str, &str)], args: &[&str]| {
        let mut c = command();
        for (k, v) in envs {
            c.env(k, v);
        }
        out(&c
            .args(args)
            .args(["build", "--root", root])
            .output()
            .unwrap())
    };
    let s = run(&[("LANG", "fi_FI.UTF-8"), ("LC_ALL", "sv_FI.UTF-8")], &[]);
    assert!(s.starts_with("Byggde "), "{s}");
    let s = run(
        &[("LANG", "sv_FI.UTF-8"), ("LC_MESSAGES", "fi_FI.UTF-8")],
        &[],
    );
    assert!(s.starts_with("Rakennettiin "), "{s}");
    let s = run(&[("LANG", "fi_FI.UTF-8")], &["--lang", "en"]);
    assert!(s.starts_with("Built "), "{s}");
    let s = run(&[("LANG", "C")], &["--lang=sv"]);
    assert!(s.starts_with("Byggde "), "{s}");
}

#[test]
fn the_help_is_in_the_language_of_the_locale() {
    let o = kertomus_in("fi_FI.UTF-8", &["build", "--help"]);
    assert!(o.status.success());
    let help = out(&o);
    for expected in [
        "Rakenna sivusto content/-kansiosta public/-kansioon",
        "Käyttö: kertomus build",
        "Valinnat:",
        "Sivuston kansio, jossa on content/ (oletus: .)",
        "Näytä ohje",
    ] {
        assert!(help.contains(expected), "{expected}\n{help}");
    }
    let help = out(&kertomus_in("sv_FI.UTF-8", &["--help"]));
    assert!(
        help.contains("Kommandon:") && help.contains("Bygg webbplatsen från content/ till public/"),
        "{help}"
    );
    // Every heading is translated, the version flag's too, and there is one options heading.
    let help = out(&kertomus_in("fi_FI.UTF-8", &["--help"]));
    assert!(!help.contains("Options:"), "{help}");
    assert_eq!(help.matches("Valinnat:").count(), 1, "{help}");
    assert!(help.contains("-V, --version      Näytä versio"), "{help}");
    let help = out(&kertomus_in("C", &["--help"]));
    assert!(
        help.contains("Usage: kertomus")
            && help.contains("Build the site from content/ into public/"),
        "{help}"
    );
}

#[test]
fn command_line_errors_are_in_the_language_of_the_locale() {
    let o = kertomus_in("fi_FI.UTF-8", &["build", "--nosearch"]);
    assert_eq!(o.status.code(), Some(2));
    let text = out(&o);
    assert!(
        text.contains("virhe: tuntematon valinta `--nosearch`"),
        "{text}"
    );
    let o = kertomus_in("sv_FI.UTF-8", &["sotkanet", "pull", "--years", "2025-2010"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        out(&o).contains("`2025-2010` är inget årsintervall"),
        "{}",
        out(&o)
    );
    let o = kertomus_in("fi_FI.UTF-8", &["--lang", "de", "build"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn the_json_report_speaks_the_language_but_keeps_its_keys() {
    let dir = fixture_with(BASIC, &[]);
    let page = dir.path().join("content/tyhja-linkki.md");
    std::fs::write(page, "---\ntitle: Sivu\n---\n[](index.md)\n").unwrap();
    let root = dir.path().to_str().unwrap();
    let o = kertomus_in(
        "fi_FI.UTF-8",
        &["check", "--root", root, "--format", "json"],
    );
    let report: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let d = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["kind"] == "links without text")
        .expect("the empty link is reported");
    assert_eq!(d["message"], "linkillä ei ole tekstiä");
    assert_eq!(d["severity"], "warning");
    let text = out(&kertomus_in("fi_FI.UTF-8", &["check", "--root", root]));
    assert!(text.contains("varoitus: linkillä ei ole tekstiä"), "{text}");
    assert!(text.contains("1 linkki ilman tekstiä"), "{text}");
}
