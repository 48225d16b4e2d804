//! The search index: Finnish words are found in any form and by their compound parts, Swedish
//! inflected queries find their base forms, only the main content is indexed, and the search
//! page works politely without JavaScript. The queries run the generated index with Node
//! (`tests/search/recall.mjs`), the same code the search page runs; where Node is missing the
//! test is skipped, except in CI, where it must run. The Finnish tests need libvoikko and its
//! Finnish dictionary (Debian `libvoikko1`, `voikko-fi`): without them they fail, saying so.

use crate::common;

use crate::common::{build_fixture, kertomus, read};
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
            "fi:nuori",
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
        "hyvinvointialueella (a form the site does not have) finds hyvinvointialue"
    );
    assert_finnish_analysed(&public);
    assert_eq!(
        urls(1),
        vec!["/nuoret/"],
        "nuori finds nuoret (Pagefind's stems are nuori and nuore)"
    );
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

/// Fails, naming the packages, where the build could not analyse the Finnish pages.
fn assert_finnish_analysed(public: &std::path::Path) {
    let manifest: serde_json::Value =
        serde_json::from_str(&read(public, "pagefind/shards.json")).unwrap();
    assert!(
        manifest["forms"]["fi"].is_object(),
        "the build did not analyse Finnish words: install libvoikko and its Finnish dictionary \
         (Debian and Ubuntu: apt-get install libvoikko1 voikko-fi) to run the search tests"
    );
}

/// Each query's result URLs, best first, run by `tests/search/recall.mjs` on `public`.
fn results(public: &std::path::Path, queries: &[&str]) -> Vec<Vec<String>> {
    found(public, queries).into_iter().map(|f| f.urls).collect()
}

/// What one query found: every result's URL, best first, and the first one's excerpt with
/// the marked words in [brackets].
struct Found {
    urls: Vec<String>,
    excerpt: String,
}

/// Runs `queries` (`lang:query`) with `tests/search/recall.mjs` on `public`.
fn found(public: &std::path::Path, queries: &[&str]) -> Vec<Found> {
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
            let urls = v["urls"].as_array().unwrap().iter();
            Found {
                urls: urls.map(|u| u.as_str().unwrap().to_string()).collect(),
                excerpt: v["excerpt"].as_str().unwrap_or_default().to_string(),
            }
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

const EXAMPLE: &str = env!("CARGO_MANIFEST_DIR");

/// Inflected forms of one word that must find the same pages, and pages among them that
/// have only one of the forms (so the others find them only through the analysis).
const SAME_WORD: &[(&[&str], &[&str])] = &[
    // base form, plural, genitive
    (
        &["nuori", "nuoret", "nuorten"],
        &[
            "/hyvinvointikertomus-2025-2029/05-suunnitelma/",
            "/pikkukyla-hyvinvointisuunnitelma-2025-2029/suunnitelma/hyvinvoiva-arki/",
        ],
    ),
    (
        &["lapsi", "lapset", "lasten", "lapsista"],
        &["/hyvinvointikertomus-2025-2029/01-johdanto/"],
    ),
    // partitives (and a plural genitive, an elative)
    (
        &["kunta", "kuntaa", "kunnan", "kuntien"],
        &["/hyvinvointikertomus-2025-2029/"],
    ),
    (
        &["toimenpide", "toimenpiteiden", "toimenpiteitä"],
        &["/vuosiraportti-2026/"],
    ),
    // ä and ö typed without dots
    (
        &["päihde", "paihde", "paihteiden"],
        &["/hyvinvointikertomus-2025-2029/03-lapset-ja-nuoret/"],
    ),
    (
        &["yhteistyö", "yhteistyo", "yhteistyossa"],
        &["/hyvinvointikertomus-2025-2029/05-suunnitelma/"],
    ),
    (
        &["ikääntyneiden", "ikaantyneiden", "ikaantynyt"],
        &["/organisaatiot/pikkukyla/"],
    ),
];

/// Compound parts and the pages that have them only inside a compound.
const PARTS: &[(&str, &[&str])] = &[
    // hyvinvointikertomus, no kertomus of its own
    (
        "kertomus",
        &["/hyvinvointikertomus-2025-2029/03-lapset-ja-nuoret/"],
    ),
    // mielenterveys
    (
        "terveys",
        &["/hyvinvointikertomus-2025-2029/suunnitelma/koko-alue/"],
    ),
    // HYTE-neuvottelut
    ("neuvottelu", &["/kyselyt/", "/vuosikello/"]),
];

#[test]
fn finnish_words_are_found_in_every_form_and_by_their_parts() {
    let (_t, public) = build_fixture(EXAMPLE);
    assert_finnish_analysed(&public);
    if !node_available() {
        eprintln!("skipped: node is not installed");
        return;
    }
    for (forms, must) in SAME_WORD {
        let queries: Vec<String> = forms.iter().map(|f| format!("fi:{f}")).collect();
        let queries: Vec<&str> = queries.iter().map(String::as_str).collect();
        let found = found(&public, &queries);
        let mut first = found[0].urls.clone();
        first.sort();
        for (form, f) in forms.iter().zip(&found) {
            let mut urls = f.urls.clone();
            urls.sort();
            assert_eq!(urls, first, "{form} finds what {} finds", forms[0]);
            no_hidden_words(form, &f.excerpt);
        }
        for page in *must {
            assert!(
                first.iter().any(|u| u == page),
                "{forms:?}: {page} in {first:?}"
            );
        }
    }
    for (part, must) in PARTS {
        let f = &found(&public, &[&format!("fi:{part}")])[0];
        for page in *must {
            assert!(
                f.urls.iter().any(|u| u == page),
                "{part}: {page} in {:?}",
                f.urls
            );
        }
        no_hidden_words(part, &f.excerpt);
    }
}

/// An excerpt shows the page's own words only, with the matched one marked.
fn no_hidden_words(query: &str, excerpt: &str) {
    assert!(
        excerpt.contains('['),
        "{query}: nothing marked in {excerpt:?}"
    );
    assert!(
        !excerpt
            .split(' ')
            .any(|w| w.trim_start_matches('[').starts_with('_')),
        "{query}: a base form shows in {excerpt:?}"
    );
}

#[test]
fn a_match_on_a_base_form_marks_the_word_as_written() {
    let (_t, public) = build_fixture(FIXTURE);
    assert_finnish_analysed(&public);
    if !node_available() {
        eprintln!("skipped: node is not installed");
        return;
    }
    // The page says only "Nuoret": the match is on its base form, hidden after it.
    let f = &found(&public, &["fi:nuori"])[0];
    assert_eq!(f.urls, ["/nuoret/"]);
    assert!(f.excerpt.contains("[Nuoret] harrastavat"), "{}", f.excerpt);
}

#[test]
fn without_libvoikko_the_build_warns_once_and_search_still_works() {
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    let o = common::command()
        .env(
            "KERTOMUS_LIBVOIKKO",
            out.path().join("no-such-libvoikko.so"),
        )
        .args(["build", "--root", FIXTURE, "--output"])
        .arg(&public)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{stderr}");
    assert_eq!(stderr.matches("warning:").count(), 1, "{stderr}");
    assert!(
        stderr.contains("libvoikko.so.1: warning: libvoikko (Finnish morphology) could not be loaded, so search finds Finnish words only as written"),
        "{stderr}"
    );
    assert!(
        stderr.contains("install the packages libvoikko1 and voikko-fi"),
        "{stderr}"
    );
    let manifest = read(&public, "pagefind/shards.json");
    assert!(!manifest.contains("\"forms\""), "{manifest}");
    if node_available() {
        assert_eq!(results(&public, &["fi:nuoret"]), [["/nuoret/"]]);
    }
}
