//! End-to-end tests: build fixture sites with the `kertomus` binary and check what a reader
//! sees in the output, and what an author sees when the content is wrong.

use crate::common::{build_fixture, fixture_with, kertomus, read};
use std::path::{Path, PathBuf};

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/basic");

/// A copy of the basic fixture with some files replaced (or added).
fn site_with(changes: &[(&str, &[u8])]) -> tempfile::TempDir {
    fixture_with(FIXTURE, changes)
}

/// Builds the basic fixture into a temporary folder.
fn built() -> (tempfile::TempDir, PathBuf) {
    build_fixture(FIXTURE)
}

/// Builds a broken site; returns stderr, after checking the exit code and that the previous
/// output is untouched.
fn build_fails(site: &Path) -> String {
    let public = site.join("public");
    std::fs::create_dir_all(&public).unwrap();
    std::fs::write(public.join("index.html"), "previous site").unwrap();
    let o = kertomus(&["build", "--root", site.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&o.stderr).into_owned();
    assert_eq!(o.status.code(), Some(1), "exit code; stderr: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(
        std::fs::read_to_string(public.join("index.html")).unwrap(),
        "previous site"
    );
    assert_eq!(
        std::fs::read_dir(&public).unwrap().count(),
        1,
        "nothing added to public/"
    );
    stderr
}

#[test]
fn pages_have_titles_language_and_alternates() {
    let (_t, public) = built();
    let chapter = read(&public, "raportti/01-alku/index.html");
    assert!(chapter.starts_with("<!DOCTYPE html>\n<html lang=\"fi\">"));
    assert!(chapter.contains("<title>Alku – Hyvinvointikertomus 2025–2029</title>"));
    assert!(chapter.contains("<h1>Alku</h1>"));
    assert!(chapter.contains("<link rel=\"alternate\" hreflang=\"sv\" href=\"https://example.fi/hyte/sv/raportti/01-alku/\">"));
    assert!(chapter.contains(
        "<a href=\"/hyte/sv/raportti/01-alku/\" lang=\"sv\" hreflang=\"sv\">På svenska</a>"
    ));

    let sv = read(&public, "sv/raportti/01-alku/index.html");
    assert!(sv.contains("<html lang=\"sv\">"));
    assert!(sv.contains("<a class=\"skip-link\" href=\"#main\">Hoppa till innehållet</a>"));

    // A page without translation links to the other language's front page, and says so in
    // that language.
    let page = read(&public, "sivu/index.html");
    assert!(
        page.contains("<a href=\"/hyte/sv/\" lang=\"sv\" hreflang=\"sv\">Svenska startsidan</a> <span class=\"switch-note\" lang=\"sv\">(sidan finns bara på finska)</span>"),
        "{page}"
    );
    // A link to a page that exists only in Finnish says so on a Swedish page: the chapter
    // after a translated one, in the pager.
    assert!(
        sv.contains(
            "<span lang=\"fi\">Loppu</span> <span class=\"lang-note\">(på finska)</span></a>"
        ),
        "{sv}"
    );
    assert!(page.contains("<time datetime=\"2026-04-14\">14.4.2026</time>"));
    assert!(page.contains("<meta name=\"description\" content=\"Kuvaus &amp; muuta\">"));
}

#[test]
fn heading_ids_toc_and_links_are_rewritten() {
    let (_t, public) = built();
    let chapter = read(&public, "raportti/01-alku/index.html");
    assert!(chapter.contains("<h2 id=\"vaeston-hyvinvointi\">Väestön hyvinvointi</h2>"));
    assert!(chapter.contains("<h2 id=\"vaeston-hyvinvointi-1\">Väestön hyvinvointi</h2>"));
    assert!(chapter.contains("<h3 id=\"oma-id\">Oma otsikko</h3>"));
    assert!(
        chapter.contains("<a href=\"#vaeston-hyvinvointi\">Väestön hyvinvointi</a>"),
        "toc"
    );
    assert!(
        chapter.contains("<li><a href=\"#oma-id\">Oma otsikko</a></li>"),
        "nested toc entry"
    );
    assert!(chapter.contains("<a href=\"/hyte/raportti/02-loppu/#tulokset\">tulokset</a>"));
    // From a Swedish page the link leads to the Finnish chapter, which has no translation.
    let sv = read(&public, "sv/raportti/01-alku/index.html");
    assert!(sv.contains("<a href=\"/hyte/raportti/02-loppu/#tulokset\">resultaten</a>"));
    assert!(chapter.contains("rel=\"next\""));
    assert!(
        chapter.contains("<a href=\"/hyte/raportti/\">Hyvinvointikertomus 2025–2029</a>"),
        "breadcrumb"
    );
}

#[test]
fn raw_html_is_sanitized_and_code_highlighted() {
    let (_t, public) = built();
    let page = read(&public, "raportti/02-loppu/index.html");
    assert!(!page.contains("onclick"));
    assert!(!page.contains("alert(1)"));
    assert!(page.contains("<abbr title=\"Terveyden ja hyvinvoinnin laitos\">THL</abbr>"));
    assert!(page.contains("<img src=\"/hyte/raportti/kuva.png\" alt=\"Kaavio tuloksista\""));
    assert!(page.contains("<span class=\"hl-"), "highlighted code");
    assert!(
        public.join("raportti/kuva.png").is_file(),
        "assets are copied beside their page"
    );
    // data/ holds the open data the build writes (documents.json), never content/data.
    assert!(
        !public.join("data/secret.csv").exists(),
        "content/data is never copied"
    );
}

#[test]
fn document_page_and_printable_page() {
    let (_t, public) = built();
    let doc = read(&public, "raportti/index.html");
    assert!(doc.contains("<dd>Hyvinvointikertomus ja -suunnitelma</dd>"));
    assert!(doc.contains("<dd>2025–2029</dd>"));
    assert!(doc.contains("status-approved\">Hyväksytty</span>"));
    assert!(doc.contains("<a href=\"https://example.fi/poytakirja\">pöytäkirja</a>"));
    assert!(doc.contains("<time datetime=\"2026-03-16\">16.3.2026</time> § 45"));
    assert!(doc.contains("<li><a href=\"/hyte/raportti/01-alku/\">Alku</a></li>\n<li><a href=\"/hyte/raportti/02-loppu/\">Loppu</a></li>"));
    assert!(doc.contains("href=\"/hyte/raportti/tulosta/\""));

    let print = read(&public, "raportti/tulosta/index.html");
    let alku = print
        .find("<h2 id=\"luku-1-title\">Alku</h2>")
        .expect("chapter 1");
    let loppu = print
        .find("<h2 id=\"luku-2-title\">Loppu</h2>")
        .expect("chapter 2");
    assert!(alku < loppu, "chapters in order");
    assert!(print.contains("Tiivistelmä kertomuksesta."));
    assert!(
        print.contains("<h3 id=\"luku-2-tulokset\">Tulokset</h3>"),
        "ids unique and headings one level down"
    );
    assert!(print.contains("media=\"print\""));
    // A link to another chapter of the document leads to it on paper, not to the web page.
    assert!(
        print.contains("Ks. <a href=\"#luku-2-tulokset\">"),
        "{print}"
    );

    // The Swedish print page falls back to the Finnish chapter, marked with its language.
    let sv_print = read(&public, "sv/raportti/skriv-ut/index.html");
    assert!(
        sv_print.contains("<h2 id=\"luku-2-title\"><span lang=\"fi\">Loppu</span></h2>"),
        "{sv_print}"
    );
    assert!(
        sv_print.contains("<div lang=\"fi\"><h3 id=\"luku-2-tulokset\">"),
        "the chapter's text is marked as Finnish: {sv_print}"
    );
    assert!(sv_print.contains("<dd>Fullmäktige"), "{sv_print}");
}

#[test]
fn sitemap_robots_feed_404_and_aliases() {
    let (_t, public) = built();
    let sitemap = read(&public, "sitemap.xml");
    assert!(sitemap.contains("<loc>https://example.fi/hyte/raportti/01-alku/</loc>"));
    assert!(sitemap.contains("<xhtml:link rel=\"alternate\" hreflang=\"sv\" href=\"https://example.fi/hyte/sv/raportti/01-alku/\"/>"));
    assert!(!sitemap.contains("luonnos"), "drafts are not published");
    assert!(read(&public, "robots.txt").contains("Sitemap: https://example.fi/hyte/sitemap.xml"));

    let feed = read(&public, "atom.xml");
    assert!(feed.contains("<title>Hyvinvointikertomus 2025–2029</title>"));
    assert!(feed.contains("<title>Tavallinen sivu</title>"));
    assert!(feed.contains("<author><name>Testikunta</name></author>"));
    // Each entry says when it was published as well as when it was last updated.
    assert_eq!(
        feed.matches("<entry>").count(),
        feed.matches("<published>").count()
    );
    assert!(
        feed.contains("<published>2026-04-14T00:00:00+00:00</published>"),
        "{feed}"
    );
    assert!(feed.contains("<updated>2026-04-14T00:00:00+00:00</updated>"));
    assert!(
        !feed.contains("<title>Alku</title>"),
        "undated chapters are not feed entries"
    );

    // One 404.html for a static host, readable in every language of the site.
    let not_found = read(&public, "404.html");
    assert!(not_found.contains("<h1>Sivua ei löytynyt</h1>"));
    assert!(not_found.contains("<section lang=\"sv\" aria-labelledby=\"not-found-sv\">\n<h2 id=\"not-found-sv\">Sidan hittades inte</h2>"));
    assert!(
        not_found.contains("<a href=\"/hyte/sv/\">Till startsidan</a>"),
        "{not_found}"
    );
    let alias = read(&public, "vanha/osoite/index.html");
    assert!(alias.contains("<meta http-equiv=\"refresh\" content=\"0; url=/hyte/sivu/\">"));
    assert!(alias.contains("<link rel=\"canonical\" href=\"https://example.fi/hyte/sivu/\">"));
    assert!(alias.contains("<html lang=\"fi\">"));
    assert!(!public.join("luonnos").exists());
}

#[test]
fn drafts_are_built_when_asked() {
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    let o = kertomus(&[
        "build",
        "-q",
        "--drafts",
        "--root",
        FIXTURE,
        "--output",
        public.to_str().unwrap(),
    ]);
    assert!(o.status.success());
    assert!(read(&public, "luonnos/index.html").contains("<h1>Luonnos</h1>"));
}

#[test]
fn output_is_byte_identical_between_runs() {
    let (_a, first) = built();
    let (_b, second) = built();
    let files = |root: &Path| -> Vec<(PathBuf, Vec<u8>)> {
        walkdir::WalkDir::new(root)
            .sort_by_file_name()
            .into_iter()
            .map(Result::unwrap)
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                (
                    e.path().strip_prefix(root).unwrap().to_path_buf(),
                    std::fs::read(e.path()).unwrap(),
                )
            })
            .collect()
    };
    let (a, b) = (files(&first), files(&second));
    assert!(a.len() > 15);
    assert_eq!(a, b);
}

#[test]
fn build_summary_line() {
    let out = tempfile::tempdir().unwrap();
    let o = kertomus(&[
        "build",
        "--root",
        FIXTURE,
        "--output",
        out.path().join("p").to_str().unwrap(),
    ]);
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert!(
        stdout.starts_with("Built ")
            && stdout.contains(" pages ")
            && stdout.trim_end().ends_with(" s."),
        "{stdout}"
    );
}

#[test]
fn init_writes_a_site_that_builds() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("uusi");
    let o = kertomus(&["init", site.to_str().unwrap()]);
    assert!(o.status.success());
    assert!(String::from_utf8_lossy(&o.stdout).contains("kertomus build"));
    let o = kertomus(&["build", "-q", "--root", site.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(site.join("public/kertomus/tulosta/index.html").is_file());
    assert!(site.join("public/sv/index.html").is_file());
    // Never overwrite: init into a folder with files is refused.
    let again = kertomus(&["init", site.to_str().unwrap()]);
    assert_eq!(again.status.code(), Some(1));
}

// ---- errors ----

#[test]
fn broken_yaml_names_file_line_and_column() {
    let site = site_with(&[(
        "content/sivu.md",
        b"---\ntitle: \"Avoin\n  lainaus\nweight: [1\n---\n",
    )]);
    let err = build_fails(site.path());
    assert!(err.contains("content/sivu.md:"), "{err}");
}

#[test]
fn unknown_front_matter_key_with_hint() {
    let site = site_with(&[(
        "content/sivu.md",
        b"---\ntitle: Sivu\ntilte: x\n---\nTeksti\n",
    )]);
    let err = build_fails(site.path());
    assert!(
        err.contains("content/sivu.md:3:1: error: unknown field `tilte`"),
        "{err}"
    );
    assert!(err.contains("3 | tilte: x"), "{err}");
    assert!(err.contains("hint: did you mean `title`?"), "{err}");
}

#[test]
fn unknown_site_yaml_key() {
    let site = site_with(&[(
        "content/site.yaml",
        b"title: T\nlanguages: [fi]\nbase_ulr: x\n",
    )]);
    let err = build_fails(site.path());
    assert!(
        err.contains("content/site.yaml:3:1: error: unknown field `base_ulr`"),
        "{err}"
    );
    assert!(err.contains("did you mean `base_url`?"), "{err}");
}

#[test]
fn unterminated_front_matter() {
    let site = site_with(&[(
        "content/sivu.md",
        b"---\ntitle: Sivu\n\nTeksti ilman loppua\n",
    )]);
    let err = build_fails(site.path());
    assert!(
        err.contains(
            "content/sivu.md:1:1: error: the front matter starts with `---` but never ends"
        ),
        "{err}"
    );
}

#[test]
fn bad_dates_in_front_matter_and_documents() {
    let site = site_with(&[
        (
            "content/sivu.md",
            b"---\ntitle: Sivu\ndate: 2026-02-30\n---\n",
        ),
        (
            "content/raportti/index.md",
            b"---\ntitle: R\ndocument:\n  type: kertomus\n  period: 2029-2025\n---\n",
        ),
    ]);
    let err = build_fails(site.path());
    assert!(
        err.contains("content/sivu.md:3:7: error: `2026-02-30` is not a valid date"),
        "{err}"
    );
    assert!(
        err.contains(
            "content/raportti/index.md:5:11: error: document: `2029-2025` ends before it starts"
        ),
        "{err}"
    );
}

#[test]
fn all_errors_of_a_run_are_reported() {
    let site = site_with(&[
        (
            "content/sivu.md",
            b"---\ntitle: Sivu\n---\n\n[puuttuu](ei-ole.md)\n\n![](raportti/kuva.png)\n",
        ),
        (
            "content/raportti/01-alku.md",
            b"---\ntitle: Alku\n---\n\n[x](02-loppu.md#ei-tata)\n",
        ),
    ]);
    let err = build_fails(site.path());
    assert!(
        err.contains("content/sivu.md:5:1: error: link target `ei-ole.md` does not exist"),
        "{err}"
    );
    assert!(
        err.contains("content/sivu.md:7:1: error: image has no alt text"),
        "{err}"
    );
    assert!(err.contains("content/raportti/01-alku.md:5:1: error: `02-loppu.md` has no heading with id `#ei-tata`"), "{err}");
    assert!(err.contains("3 errors"), "{err}");
}

#[test]
fn document_links_must_lead_to_documents() {
    let site = site_with(&[(
        "content/raportti/index.md",
        b"---\ntitle: R\ndocument:\n  type: kertomus\n  previous: ../ei-ole/\n---\n",
    )]);
    let err = build_fails(site.path());
    assert!(err.contains("content/raportti/index.md:5:3: error: `previous: ../ei-ole/` does not lead to a document folder"), "{err}");
}

#[test]
fn invalid_utf8_is_reported_with_position() {
    let site = site_with(&[(
        "content/sivu.md",
        b"---\ntitle: Sivu\n---\nHyv\xe4 p\xe4iv\xe4\n",
    )]);
    let err = build_fails(site.path());
    assert!(
        err.contains("content/sivu.md:4:4: error: the file is not valid UTF-8"),
        "{err}"
    );
}

#[test]
fn paths_cannot_leave_the_site() {
    let site = site_with(&[(
        "content/sivu.md",
        b"---\ntitle: Sivu\naliases: [\"/../../etc/\"]\n---\n[x](../../../etc/passwd)\n",
    )]);
    let err = build_fails(site.path());
    assert!(
        err.contains("alias `/../../etc/` is not a path inside the site"),
        "{err}"
    );
    assert!(err.contains("points outside content/"), "{err}");
}

#[cfg(unix)]
#[test]
fn symlinks_out_of_the_site_are_refused() {
    let site = site_with(&[]);
    std::os::unix::fs::symlink("/etc/hostname", site.path().join("content/salaisuus.txt")).unwrap();
    let err = build_fails(site.path());
    assert!(
        err.contains("content/salaisuus.txt: error: symbolic link points outside content/"),
        "{err}"
    );
}

#[test]
fn hostile_yaml_does_not_hang_or_crash() {
    let deep = format!(
        "---\ntitle: {}{}\n---\n",
        "[".repeat(50_000),
        "]".repeat(50_000)
    );
    let site = site_with(&[("content/sivu.md", deep.as_bytes())]);
    let err = build_fails(site.path());
    assert!(err.contains("nested more than 64 levels"), "{err}");
}

#[test]
fn missing_template_and_theme_errors() {
    let site = site_with(&[(
        "content/sivu.md",
        b"---\ntitle: Sivu\ntemplate: eiole.html\n---\n",
    )]);
    let err = build_fails(site.path());
    assert!(
        err.contains("content/sivu.md:3:1: error: template `eiole.html` does not exist"),
        "{err}"
    );
}

#[test]
fn site_template_overrides_builtin_and_reports_template_errors() {
    let site = site_with(&[(
        "themes/default/templates/page.html",
        b"{% extends \"base.html\" %}{% block content %}<p class=\"oma\">{{ page.title }}</p><p>{{ 161234.56 | number(decimals=1) }}</p>{% endblock content %}",
    )]);
    let out = site.path().join("out");
    let o = kertomus(&[
        "build",
        "-q",
        "--root",
        site.path().to_str().unwrap(),
        "--output",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let page = read(&out, "sivu/index.html");
    assert!(page.contains("<p class=\"oma\">Tavallinen sivu</p>"));
    assert!(
        page.contains("<p>161\u{202F}234,6</p>"),
        "numbers in the page's language: {page}"
    );

    let broken = site_with(&[(
        "themes/default/templates/page.html",
        b"<p>\n{{ page.title }\n</p>",
    )]);
    let err = build_fails(broken.path());
    assert!(
        err.contains("page.html:2:"),
        "template errors name the template and line: {err}"
    );
}

#[test]
fn output_folder_that_would_destroy_the_sources_is_refused() {
    let site = site_with(&[]);
    let o = kertomus(&[
        "build",
        "--root",
        site.path().to_str().unwrap(),
        "--output",
        site.path().join("content").to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(site.path().join("content/site.yaml").is_file());
}

#[test]
fn default_language_without_front_page_gets_one_at_the_root() {
    let site = site_with(&[]);
    std::fs::remove_file(site.path().join("content/index.md")).unwrap();
    let o = kertomus(&["build", "-q", "--root", site.path().to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let front = read(&site.path().join("public"), "index.html");
    assert!(front.contains("<html lang=\"fi\">"), "{front}");
    assert!(!site.path().join("public/fi").exists());
}

#[test]
fn init_ci_writes_a_workflow_that_checks_builds_and_publishes() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("github");
    let o = kertomus(&["init", site.to_str().unwrap(), "--ci", "github"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let text = std::fs::read_to_string(site.join(".github/workflows/kertomus.yml")).unwrap();
    let flow: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
    let steps = flow["jobs"]["build"]["steps"].as_sequence().unwrap();
    let runs: Vec<&str> = steps.iter().filter_map(|s| s["run"].as_str()).collect();
    assert!(
        runs.iter().any(|r| r.contains("cargo install kertomus")),
        "{runs:?}"
    );
    let check = runs
        .iter()
        .position(|r| *r == "kertomus check")
        .expect("a check step");
    let build = runs
        .iter()
        .position(|r| *r == "kertomus build")
        .expect("a build step");
    assert!(check < build, "the check comes first");
    let upload = steps
        .iter()
        .find(|s| {
            s["uses"]
                .as_str()
                .is_some_and(|u| u.starts_with("actions/upload-pages-artifact"))
        })
        .expect("public/ is uploaded to Pages");
    assert_eq!(upload["with"]["path"].as_str(), Some("public"));
    assert!(flow["jobs"]["deploy"]["steps"][0]["uses"]
        .as_str()
        .is_some_and(|u| u.starts_with("actions/deploy-pages")));

    let site = dir.path().join("gitlab");
    let o = kertomus(&["init", site.to_str().unwrap(), "--ci", "gitlab"]);
    assert!(o.status.success());
    let text = std::fs::read_to_string(site.join(".gitlab-ci.yml")).unwrap();
    let flow: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
    assert_eq!(flow["check"]["script"][0].as_str(), Some("kertomus check"));
    assert_eq!(flow["pages"]["script"][0].as_str(), Some("kertomus build"));
    assert_eq!(
        flow["pages"]["artifacts"]["paths"][0].as_str(),
        Some("public")
    );
    // The site itself still builds.
    let o = kertomus(&["build", "-q", "--root", site.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

#[test]
fn every_address_is_claimed_once_and_each_clash_is_reported_at_its_owner() {
    let site = site_with(&[
        ("content/Väestö.md", b"---\ntitle: Vaesto\n---\nA\n"),
        ("content/vaesto.md", b"---\ntitle: vaesto\n---\nB\n"),
        (
            "content/raportti/index.md",
            b"---\ntitle: R\ndocument:\n  type: kertomus\n---\nR\n",
        ),
        ("content/raportti/tulosta.md", b"---\ntitle: T\n---\nT\n"),
        (
            "content/a.md",
            b"---\ntitle: A\naliases: [\"/vaesto/\", \"/vanha/\"]\n---\nA\n",
        ),
        (
            "content/b.md",
            b"---\ntitle: B\naliases:\n  - /vanha/\n---\nB\n",
        ),
    ]);
    let err = build_fails(site.path());
    for expected in [
        "content/vaesto.md: error: this page would have the same address /vaesto/ as content/Väestö.md",
        "content/raportti/index.md: error: two pages would be written to /raportti/tulosta/: content/raportti/tulosta.md and content/raportti/index.md",
        "content/a.md:3:12: error: alias `/vaesto/` is the address of a page",
        "content/b.md:4:5: error: alias `/vanha/` is also an alias of content/a.md",
    ] {
        assert_eq!(err.matches(expected).count(), 1, "{expected}\n{err}");
    }
    assert_eq!(err.matches(": error: ").count(), 4, "{err}");
}
