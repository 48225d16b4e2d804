//! The search index: Finnish and Swedish inflected queries find the base forms, only the main
//! content is indexed, and the search page works politely without JavaScript. The queries run
//! the generated index with Node (`tests/search/recall.mjs`), the same code the search page
//! runs; where Node is missing the test is skipped, except in CI, where it must run.

mod common;

use common::{build_fixture, kertomus, read};
use std::process::Command;

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/search");
const RECALL: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/search/recall.mjs");

fn node_available() -> bool {
    let found = Command::new("node")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found && std::env::var_os("CI").is_some() {
        panic!("node is required in CI for the search recall test");
    }
    found
}

#[test]
fn inflected_queries_find_base_forms() {
    let (_t, public) = build_fixture(FIXTURE);
    if !node_available() {
        eprintln!("skipped: node is not installed");
        return;
    }
    let found = results(
        &public,
        &[
            "fi:hyvinvointialueella",
            "fi:nuorten",
            "sv:välfärdsområdets",
            "fi:valikko",
            "fi:uutissyöte",
            "fi:sää",
            "fi:saa",
        ],
    );
    let urls = |i: usize| found[i].clone();
    assert_eq!(
        urls(0),
        vec!["/alue/"],
        "hyvinvointialueella finds hyvinvointialue"
    );
    assert_eq!(urls(1), vec!["/nuoret/"], "nuorten finds nuoret");
    assert_eq!(
        urls(2),
        vec!["/sv/alue/"],
        "välfärdsområdets finds välfärdsområdet in the Swedish index"
    );
    assert!(
        urls(3).is_empty() && urls(4).is_empty(),
        "navigation and header are not indexed"
    );
    // Pagefind folds ä to a: both spellings find both pages, the one spelt as typed first.
    let (saa, tuki) = (urls(5), urls(6));
    assert_eq!(saa[0], "/saa/", "sää: the page spelt so first: {saa:?}");
    assert!(
        saa.contains(&"/tuki/".to_string()),
        "sää also finds saa: {saa:?}"
    );
    let at = |v: &[String], u: &str| v.iter().position(|x| x == u).unwrap();
    assert!(
        at(&tuki, "/tuki/") < at(&tuki, "/saa/"),
        "saa: saa before sää: {tuki:?}"
    );
}

/// Each query's result URLs, best first, run by `tests/search/recall.mjs` on `public`.
fn results(public: &std::path::Path, queries: &[&str]) -> Vec<Vec<String>> {
    let o = Command::new("node")
        .arg(RECALL)
        .arg(public)
        .args(queries)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["urls"]
                .as_array()
                .unwrap()
                .iter()
                .map(|u| u.as_str().unwrap().to_string())
                .collect()
        })
        .collect()
}

/// Builds the site at `root` into `out` with at most `pages` pages per index shard.
fn build_sharded(root: &std::path::Path, out: &std::path::Path, pages: &str) -> String {
    let o = kertomus(&[
        "build",
        "--timings",
        "--search-shard-pages",
        pages,
        "--root",
        root.to_str().unwrap(),
        "--output",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn shards_give_the_same_results_in_the_same_order_and_are_kept_when_unchanged() {
    let (_t, whole) = build_fixture(FIXTURE);
    let site = common::fixture_with(FIXTURE, &[]);
    let sharded = site.path().join("public");
    let said = build_sharded(site.path(), &sharded, "2");
    let manifest: serde_json::Value =
        serde_json::from_str(&read(&sharded, "pagefind/shards.json")).unwrap();
    let shards = manifest["shards"].as_array().unwrap();
    assert!(shards.len() >= 3, "{manifest}");
    assert!(shards
        .iter()
        .all(|s| s["langs"].as_array().unwrap().len() == 1));
    assert!(
        said.contains(&format!(
            "in {} shards, {} indexed",
            shards.len(),
            shards.len()
        )),
        "{said}"
    );
    if !node_available() {
        eprintln!("skipped: node is not installed");
        return;
    }
    let queries = [
        "fi:hyvinvointialueella",
        "fi:nuorten",
        "sv:välfärdsområdets",
        "fi:sää",
        "fi:saa",
        "fi:hyvinvointi",
    ];
    assert_eq!(results(&sharded, &queries), results(&whole, &queries));
    // A second build of the same site indexes nothing again and writes the same bytes.
    let before = common::files(&sharded.join("pagefind"));
    let said = build_sharded(site.path(), &sharded, "2");
    assert!(said.contains(", 0 indexed in this build"), "{said}");
    assert!(common::files(&sharded.join("pagefind")) == before);
    // One page changed: its shard alone is indexed again, and the new word is found.
    let page = site.path().join("content/nuoret/index.md");
    let text = std::fs::read_to_string(&page).unwrap();
    std::fs::write(&page, format!("{text}\nLiikuntaneuvonta alkaa syksyllä.\n")).unwrap();
    let said = build_sharded(site.path(), &sharded, "2");
    assert!(said.contains(", 1 indexed in this build"), "{said}");
    assert_eq!(results(&sharded, &["fi:liikuntaneuvonta"]), [["/nuoret/"]]);
}

#[test]
fn search_pages_and_the_no_search_option() {
    let (_t, public) = build_fixture(FIXTURE);
    let page = read(&public, "haku/index.html");
    assert!(page.contains("<label for=\"search-input\">Hae sivustolta</label>"));
    assert!(page.contains("<noscript><p class=\"search-noscript\">Haku tarvitsee JavaScriptin"));
    assert!(page.contains("role=\"status\" aria-live=\"polite\""));
    assert!(read(&public, "sv/sok/index.html")
        .contains("<label for=\"search-input\">Sök på webbplatsen</label>"));
    assert!(
        read(&public, "index.html").contains("<a class=\"search-link\" href=\"/haku/\">Haku</a>")
    );
    assert!(public.join("pagefind/pagefind.js").is_file());
    assert!(public.join("pagefind/wasm.fi.pagefind").is_file());
    let entry = read(&public, "pagefind/pagefind-entry.json");
    assert!(
        entry.contains("\"fi\"") && entry.contains("\"sv\""),
        "one index per language: {entry}"
    );

    let out = tempfile::tempdir().unwrap();
    let o = kertomus(&[
        "build",
        "-q",
        "--no-search",
        "--root",
        FIXTURE,
        "--output",
        out.path().join("p").to_str().unwrap(),
    ]);
    assert!(o.status.success());
    assert!(!out.path().join("p/pagefind").exists());
    assert!(!out.path().join("p/haku").exists());
    assert!(!std::fs::read_to_string(out.path().join("p/index.html"))
        .unwrap()
        .contains("search-link"));
}
