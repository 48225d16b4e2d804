//! The sitemap of a site larger than one sitemap file may list (50,000 URLs): `sitemap.xml`
//! becomes an index of files of at most 50,000 URLs each, robots.txt names the index, and every
//! URL of the index and of its files leads to a file of the site.

use crate::common::{build_fixture, kertomus, read};
use std::path::Path;

/// Every `<loc>` of a sitemap file.
fn locs(xml: &str) -> Vec<&str> {
    xml.split("<loc>")
        .skip(1)
        .filter_map(|s| s.split_once("</loc>").map(|(loc, _)| loc))
        .collect()
}

/// The file of `public` that a URL of the site at `base` leads to.
fn file_of(public: &Path, base: &str, url: &str) -> std::path::PathBuf {
    let rel = url
        .strip_prefix(base)
        .unwrap_or_else(|| panic!("{url} is not of the site"));
    if rel.is_empty() || rel.ends_with('/') {
        public.join(rel).join("index.html")
    } else {
        public.join(rel)
    }
}

#[test]
fn a_site_of_more_than_50_000_pages_gets_a_sitemap_index() {
    const PAGES: usize = 50_001;
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("site/content");
    std::fs::create_dir_all(&content).unwrap();
    let base = "https://example.fi/hyte/";
    std::fs::write(
        content.join("site.yaml"),
        format!("title: \"Suuri\"\nbase_url: \"{base}\"\nlanguages: [fi]\n"),
    )
    .unwrap();
    std::fs::write(content.join("index.md"), "---\ntitle: Etusivu\n---\nx\n").unwrap();
    // Cheap pages: a title and a word, a thousand to a folder.
    for i in 0..PAGES {
        let folder = content.join(format!("s{}", i / 1000));
        if i % 1000 == 0 {
            std::fs::create_dir(&folder).unwrap();
        }
        let page = format!("---\ntitle: \"S{i}\"\n---\nx\n");
        std::fs::write(folder.join(format!("p{i}.md")), page).unwrap();
    }
    let public = dir.path().join("public");
    let o = kertomus(&[
        "build",
        "-q",
        "--no-search",
        "--root",
        dir.path().join("site").to_str().unwrap(),
        "--output",
        public.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let index = read(&public, "sitemap.xml");
    assert!(index.contains("<sitemapindex "), "{index}");
    assert!(!index.contains("<urlset"));
    assert!(read(&public, "robots.txt").contains(&format!("Sitemap: {base}sitemap.xml\n")));
    let parts = locs(&index);
    assert_eq!(parts.len(), 2, "{index}");
    let mut urls = 0;
    for part in parts {
        let file = file_of(&public, base, part);
        let xml =
            std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{part} leads nowhere: {e}"));
        assert!(xml.contains("<urlset "));
        let listed = locs(&xml);
        assert!(listed.len() <= 50_000, "{part} lists {}", listed.len());
        for url in &listed {
            assert!(file_of(&public, base, url).is_file(), "{url} leads nowhere");
        }
        urls += listed.len();
    }
    // Every page, the front page and the accessibility statement.
    assert_eq!(urls, PAGES + 2);
}

#[test]
fn a_small_site_keeps_one_sitemap() {
    let (_dir, public) =
        build_fixture(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/basic"));
    let sitemap = read(&public, "sitemap.xml");
    assert!(sitemap.contains("<urlset "), "{sitemap}");
    assert!(!public.join("sitemap-1.xml").exists());
}
