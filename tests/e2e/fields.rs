//! Markdown written in YAML fields goes through the page's event loop (issue 24): a relative
//! link in a focus area's summary reaches the page it names, at that page's address in the
//! reader's language, and a link to nothing fails the build at its place in the YAML file.

use crate::common::{self, fixture_with};

const PLAN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/plan");
const SUMMARY: &str = "summary: \"Nuorten **mielen** hyvinvointi.\"";

/// The plan fixture with its focus area's summary linking to `target`.
fn summary_linking_to(target: &str) -> tempfile::TempDir {
    let plan = std::fs::read_to_string(format!("{PLAN}/content/suunnitelma/plan.yaml")).unwrap();
    assert!(plan.contains(SUMMARY), "the fixture's summary changed");
    let linked = format!("summary: \"Nuorten **mielen** hyvinvointi, ks. [toimet]({target}).\"");
    let plan = plan.replace(SUMMARY, &linked);
    fixture_with(PLAN, &[("content/suunnitelma/plan.yaml", plan.as_bytes())])
}

fn build(root: &std::path::Path) -> (std::process::Output, std::path::PathBuf) {
    let public = root.join("public");
    let o = common::kertomus(&[
        "build",
        "-q",
        "--root",
        root.to_str().unwrap(),
        "--output",
        public.to_str().unwrap(),
    ]);
    (o, public)
}

#[test]
fn a_link_in_a_yaml_field_leads_to_the_page_it_names() {
    let dir = summary_linking_to("suunnitelma/01-luku.md");
    let (o, public) = build(dir.path());
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let fi = common::read(&public, "suunnitelma/suunnitelma/mieli/index.html");
    assert!(
        fi.contains("ks. <a href=\"/suunnitelma/01-luku/\">toimet</a>."),
        "{fi}"
    );
    // The page has no Swedish version: a Swedish reader is led to the Finnish one, told so.
    let sv = common::read(&public, "sv/suunnitelma/plan/mieli/index.html");
    assert!(
        sv.contains(
            "<a href=\"/suunnitelma/01-luku/\">toimet</a> <span class=\"lang-note\" lang=\"sv\">(på finska)</span>."
        ),
        "{sv}"
    );
}

#[test]
fn a_broken_link_in_a_yaml_field_fails_the_build_at_its_place() {
    let dir = summary_linking_to("suunnitelma/puuttuu.md");
    let (o, public) = build(dir.path());
    assert!(!o.status.success(), "a broken link must fail the build");
    assert!(!public.exists(), "nothing is written");
    let stderr = String::from_utf8_lossy(&o.stderr);
    // Line 5, at the link's `[`: `    summary: "Nuorten **mielen** hyvinvointi, ks. [`.
    assert!(
        stderr.contains("content/suunnitelma/plan.yaml:5:51"),
        "{stderr}"
    );
    assert!(
        stderr.contains("link target `suunnitelma/puuttuu.md` does not exist"),
        "{stderr}"
    );
    assert_eq!(
        stderr.matches("puuttuu.md` does not exist").count(),
        1,
        "one error per cause, not one per page that shows the summary: {stderr}"
    );
}
