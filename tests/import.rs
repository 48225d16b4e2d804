//! `kertomus import`: last term's report, written in LibreOffice and saved as .docx (also with
//! the style ids of a Finnish and a Swedish Word) or .odt (`tests/fixtures/import/word/`, see
//! SOURCE.md there), becomes a document folder of the site in `tests/fixtures/import/site/`
//! that builds at once, and `kertomus check` lists exactly what needs a person.

mod common;

use common::{copy_dir, kertomus, kertomus_in};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

const SITE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/import/site");
const WORD: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/import/word");
const FOLDER: &str = "content/hyvinvointikertomus-2021-2025";

/// A copy of the test site.
fn site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(Path::new(SITE), dir.path());
    dir
}

fn word(name: &str) -> String {
    format!("{WORD}/{name}")
}

/// Imports `file` into the site at `root`; returns standard output.
fn import(root: &Path, file: &str) -> String {
    let o = kertomus(&["import", file, "--root", root.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Every file under `dir`, by path relative to it.
fn files(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(dir).unwrap().to_path_buf();
            (rel, std::fs::read(e.path()).unwrap())
        })
        .collect()
}

fn text(root: &Path, rel: &str) -> String {
    std::fs::read_to_string(root.join(FOLDER).join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// The file's front matter parsed, and its body.
fn page(root: &Path, rel: &str) -> (serde_yaml::Value, String) {
    let t = text(root, rel);
    let rest = t.strip_prefix("---\n").unwrap();
    let (yaml, body) = rest.split_once("\n---\n").unwrap();
    (serde_yaml::from_str(yaml).unwrap(), body.to_string())
}

#[test]
fn a_report_becomes_chapters_with_footnotes_images_and_the_plan() {
    let dir = site();
    let out = import(dir.path(), &word("raportti.docx"));
    assert!(
        out.contains("3 chapters, 2 images, 1 table, 3 footnotes"),
        "{out}"
    );
    assert!(out.contains("2 goals and 3 measures"), "{out}");
    assert!(
        out.contains("warning: 2 tracked changes were accepted"),
        "{out}"
    );
    assert!(out.contains("warning: 1 comment was left out"), "{out}");
    for dropped in [
        "warning: 1 field (a table of contents, page numbers) left out",
        "warning: 2 headers and footers left out",
        "warning: 1 page and section break left out",
        "warning: 1 empty paragraph left out",
    ] {
        assert!(out.contains(dropped), "{dropped:?} not in {out}");
    }
    assert!(out.contains("kertomus check --root"), "{out}");
    let names: Vec<String> = files(&dir.path().join(FOLDER))
        .keys()
        .map(|p| p.display().to_string())
        .collect();
    let expected = [
        "01-johdanto.md",
        "02-vaesto-ja-elinolot.md",
        "03-suunnitelma-2022-2025.md",
        "index.md",
        "kuva-1.png",
        "kuva-2.png",
        "plan.yaml",
        "toimenpiteet.csv",
    ];
    assert_eq!(names, expected);
    // The front page: the title property, the document block, the text before the first
    // chapter heading as the summary.
    let (front, body) = page(dir.path(), "index.md");
    assert_eq!(
        front["title"].as_str(),
        Some("Hyvinvointikertomus 2021–2025")
    );
    let doc = &front["document"];
    assert_eq!(doc["type"].as_str(), Some("kertomus+suunnitelma"));
    assert_eq!(doc["status"].as_str(), Some("draft"));
    assert_eq!(doc["organisation"].as_str(), Some("esimerkkila"));
    assert_eq!(doc["council_term"].as_str(), Some("2021-2025"));
    assert!(
        body.contains("Kertomus on laadittu **yhdessä** hyvinvointialueen"),
        "{body}"
    );
    // The chapters: headings without their manual numbers, in order.
    let titles: Vec<(String, i64)> = expected[..3]
        .iter()
        .map(|f| {
            let (front, _) = page(dir.path(), f);
            let title = front["title"].as_str().unwrap().to_string();
            (title, front["weight"].as_i64().unwrap())
        })
        .collect();
    assert_eq!(
        titles,
        [
            ("Johdanto".to_string(), 10),
            ("Väestö ja elinolot".to_string(), 20),
            ("Suunnitelma 2022–2025".to_string(), 30)
        ]
    );
    let (_, johdanto) = page(dir.path(), "01-johdanto.md");
    for line in [
        "## Kertomuksen laatiminen",
        "### Aineistot",
        "Kertomusta valmisteltiin *koko valtuustokauden* ajan:",
        "- asukkaita kuultiin\n  1. nuorisovaltuustossa\n  2. vanhusneuvostossa\n     - kahdesti vuodessa\n- luonnos",
        "> Hyvinvointi syntyy arjessa, ei palveluissa.",
        "[Sotkanetista](https://sotkanet.fi/)",
        // The tracked changes accepted: the insertion kept, the deletion gone.
        "ja yhä useampi nuori kertoi ahdistuneisuudesta.[^2]",
        // A bookmark in another chapter's heading.
        "Suunnitelma on luvussa [Suunnitelma](03-suunnitelma-2022-2025.md).",
        // Footnotes and endnotes.
        "[^1]: Laki sosiaali- ja terveydenhuollon järjestämisestä 612/2021, 6 §.",
        "[^2]: Kouluterveyskysely 2023, THL.",
    ] {
        assert!(johdanto.contains(line), "{line:?} not in\n{johdanto}");
    }
    assert!(!johdanto.contains("noin"), "the tracked deletion stays out");
    assert!(
        !johdanto.contains("Tarkistetaanko"),
        "the comment stays out"
    );
    assert!(
        !johdanto.contains("Sisällys"),
        "the table of contents stays out"
    );
    let (_, vaesto) = page(dir.path(), "02-vaesto-ja-elinolot.md");
    for line in [
        "[^1]: Tilastokeskus, väestörakenne 2024.",
        "| Ikäryhmä | 2021 | 2024 |\n|---|---|---|",
        "| 65 vuotta täyttäneet | ei vertailukelpoista tietoa |  |",
        "![Pylväskaavio: 0–17-vuotiaiden määrä laski vuosina 2021–2024.](kuva-1.png)",
        "![Kuva 2: kuvaus puuttuu](kuva-2.png)",
    ] {
        assert!(vaesto.contains(line), "{line:?} not in\n{vaesto}");
    }
    // The images are the document's own bytes.
    let docx = std::fs::File::open(word("raportti.docx")).unwrap();
    let mut zip = zip::ZipArchive::new(docx).unwrap();
    let mut original = Vec::new();
    std::io::Read::read_to_end(
        &mut zip.by_name("word/media/image1.png").unwrap(),
        &mut original,
    )
    .unwrap();
    assert_eq!(
        std::fs::read(dir.path().join(FOLDER).join("kuva-1.png")).unwrap(),
        original
    );
}

#[test]
fn the_plan_table_becomes_goals_and_measures_read_through_measures_from() {
    let dir = site();
    import(dir.path(), &word("raportti.docx"));
    let plan: serde_yaml::Value = serde_yaml::from_str(&text(dir.path(), "plan.yaml")).unwrap();
    assert_eq!(plan["measures_from"][0].as_str(), Some("toimenpiteet.csv"));
    let fa = &plan["focus_areas"][0];
    assert_eq!(fa["title"].as_str(), Some("Suunnitelma 2022–2025"));
    let goals: Vec<&str> = fa["goals"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|g| g["title"].as_str().unwrap())
        .collect();
    assert_eq!(
        goals,
        [
            "Nuorten mielen hyvinvointi vahvistuu",
            "Kuntalaiset liikkuvat arjessaan enemmän"
        ]
    );
    let csv = text(dir.path(), "toimenpiteet.csv");
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(csv.as_bytes());
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect();
    let measures: Vec<(&str, &str, &str, &str)> = rows
        .iter()
        .map(|r| (r[0].as_str(), r[2].as_str(), r[3].as_str(), r[5].as_str()))
        .collect();
    assert_eq!(
        measures,
        [
            (
                "nuorten-mielen-hyvinvointi-vahvistuu",
                "Ryhmäytymispäivät kaikille 7.-luokkalaisille",
                "sivistystoimi",
                "ahdistuneisuus"
            ),
            // The goal cell merged over two rows is each row's goal.
            (
                "nuorten-mielen-hyvinvointi-vahvistuu",
                "Koulukuraattorin avoin vastaanotto",
                "sivistystoimi, hyvinvointialue",
                "ahdistuneisuus"
            ),
            // An unknown responsible party falls to the site's organisation, and what the
            // row said is kept in the description.
            (
                "kuntalaiset-liikkuvat-arjessaan-enemman",
                "Kävely- ja pyöräilyreittien kunnostus",
                "esimerkkila",
                ""
            ),
        ]
    );
    assert_eq!(
        rows[2][7],
        "**Aikataulu:** syksy 2023\n\n**Vastuutaho:** Tekninen toimi\n\n**Mittari:** Liikuntasuositus"
    );
    // The chapter shows the focus area where the table stood, and the row it could not read.
    let (_, chapter) = page(dir.path(), "03-suunnitelma-2022-2025.md");
    assert!(
        chapter.contains("{{ goals(focus_area=\"suunnitelma-2022-2025\") }}"),
        "{chapter}"
    );
    assert!(
        chapter.contains(
            "Suunnitelmataulukon rivit, joita ei voitu lukea toimenpiteiksi:\n\n| Tavoite |"
        ),
        "{chapter}"
    );
    assert!(
        chapter
            .contains("| Kuntalaiset liikkuvat arjessaan enemmän |  | Liikuntatoimi |  | 2024 |"),
        "{chapter}"
    );
    // The site builds, and the measures are on its pages.
    let o = kertomus(&["build", "--root", dir.path().to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{stderr}");
    assert!(
        stderr.contains("4 pages have unfinished items (todo:); kertomus check lists them"),
        "{stderr}"
    );
    let public = dir.path().join("public/hyvinvointikertomus-2021-2025");
    let chapter =
        std::fs::read_to_string(public.join("03-suunnitelma-2022-2025/index.html")).unwrap();
    for measure in [
        "Ryhmäytymispäivät kaikille 7.-luokkalaisille",
        "Koulukuraattorin avoin vastaanotto",
        "Kävely- ja pyöräilyreittien kunnostus",
    ] {
        assert!(
            chapter.contains(measure),
            "{measure} not on the chapter's page"
        );
    }
    let vaesto = std::fs::read_to_string(public.join("02-vaesto-ja-elinolot/index.html")).unwrap();
    assert!(vaesto.contains("alt=\"Pylväskaavio: 0–17-vuotiaiden määrä laski vuosina 2021–2024.\""));
    assert!(vaesto.contains("alt=\"Kuva 2: kuvaus puuttuu\""));
    let files = kertomus::links::read_folder(&dir.path().join("public")).unwrap();
    let base = kertomus::links::base_url(dir.path()).unwrap();
    let broken = kertomus::links::broken(&files, &base);
    assert!(broken.is_empty(), "{broken:#?}");
}

#[test]
fn check_lists_exactly_what_needs_a_person() {
    let dir = site();
    let out = import(dir.path(), &word("raportti.docx"));
    let root = dir.path().to_str().unwrap();
    let o = kertomus_in(
        "fi_FI.UTF-8",
        &["check", "--root", root, "--format", "json"],
    );
    let report: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let items: Vec<(String, String)> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["kind"] == "unfinished items")
        .map(|d| {
            let path = d["path"]
                .as_str()
                .unwrap()
                .trim_start_matches(FOLDER)
                .to_string();
            (path, d["message"].as_str().unwrap().to_string())
        })
        .collect();
    let expected = [
        ("/01-johdanto.md", "vielä tehtävää: kappale ”Keskeiset havainnot” on kokonaan lihavoitu ja näyttää otsikolta: jos se on otsikko, tee siitä otsikko (##)"),
        ("/02-vaesto-ja-elinolot.md", "vielä tehtävää: taulukko 1, rivi 4, sarake 2: solu on yhdistetty 2 sarakkeen yli; sen teksti on niistä ensimmäisessä"),
        ("/02-vaesto-ja-elinolot.md", "vielä tehtävää: kuva 2 (media/image2.png): kuvalta puuttuu vaihtoehtoinen teksti; kirjoita se tekstin ”Kuva 2: kuvaus puuttuu” tilalle"),
        ("/03-suunnitelma-2022-2025.md", "vielä tehtävää: taulukko 2, rivi 5: riviä ei luettu toimenpiteeksi: rivillä ei ole toimenpidettä; sen tavoite on suunnitelmassa"),
        ("/03-suunnitelma-2022-2025.md", "vielä tehtävää: taulukko 2, rivi 4, sarake 3: vastuutaho ”Tekninen toimi” ei ole sivuston organisaatio: lisää se content/data/organisations.yaml-tiedostoon ja sen tunnus tiedoston toimenpiteet.csv vastuutaho-sarakkeeseen"),
        ("/03-suunnitelma-2022-2025.md", "vielä tehtävää: taulukko 2, rivi 4, sarake 4: mittari ”Liikuntasuositus” ei ole content/data/indicators.yaml-tiedostossa: lisää se sinne ja sen tunnus tiedoston toimenpiteet.csv mittarit-sarakkeeseen"),
        ("/index.md", "vielä tehtävää: tarkista asiakirjan organisaatio (document.organisation): nyt se on esimerkkila, sivuston oma organisaatio"),
        ("/index.md", "vielä tehtävää: tarkista valtuustokausi (document.council_term): 2021-2025 luettiin otsikosta"),
        ("/index.md", "vielä tehtävää: tarkista asiakirjan laji (document.type): nyt se on kertomus+suunnitelma; lajit ovat kertomus, suunnitelma, kertomus+suunnitelma ja vuosiraportti"),
    ];
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(p, m)| (p.to_string(), m.to_string()))
        .collect();
    assert_eq!(items, expected);
    // The import's report listed the same items.
    assert!(out.contains("9 items need a person"), "{out}");
    // Besides them, only the plan's own quality findings: goals from a Word table have no
    // outcome indicator, and the measure whose indicator the site does not know has none.
    let kinds: BTreeMap<String, u64> = report["kinds"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| (k.clone(), v.as_u64().unwrap()))
        .collect();
    let expected_kinds: BTreeMap<String, u64> = [
        ("goals without an outcome indicator", 2),
        ("measures without an indicator", 1),
        ("unfinished items", 9),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    assert_eq!(kinds, expected_kinds);
    assert_eq!(report["errors"], 0);
    // Each item stands at its own line of the front matter.
    let index = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["path"].as_str().unwrap().ends_with("/index.md"))
        .map(|d| d["line"].as_u64().unwrap())
        .collect::<Vec<_>>();
    assert_eq!(index, [9, 10, 11]);
    let o = kertomus(&["check", "--root", root, "--deny-warnings", "-q"]);
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn word_files_with_finnish_or_swedish_style_ids_and_the_odt_import_the_same() {
    let reference = site();
    import(reference.path(), &word("raportti.docx"));
    let expected = files(&reference.path().join(FOLDER));
    for variant in ["raportti-fi.docx", "raportti-sv.docx", "raportti.odt"] {
        let dir = site();
        // Under the reference's name: the plan's comment names the file imported.
        let ext = Path::new(variant).extension().unwrap().to_str().unwrap();
        let copy = dir.path().join(format!("raportti.{ext}"));
        std::fs::copy(word(variant), &copy).unwrap();
        import(dir.path(), copy.to_str().unwrap());
        let got = files(&dir.path().join(FOLDER));
        assert_eq!(
            got.keys().collect::<Vec<_>>(),
            expected.keys().collect::<Vec<_>>(),
            "{variant}"
        );
        for (path, bytes) in &got {
            let want = String::from_utf8_lossy(&expected[path]);
            let have = String::from_utf8_lossy(bytes);
            // An .odt names its pictures by hash, not media/image2.png.
            let want = want.replace("(media/image2.png)", "(PART)");
            let have = regex_free_part(&have).replace("raportti.odt", "raportti.docx");
            assert_eq!(have, want, "{variant}: {}", path.display());
        }
    }
}

/// `(Pictures/<hash>.png)` and `(media/image2.png)` as `(PART)`.
fn regex_free_part(text: &str) -> String {
    let mut out = text.replace("(media/image2.png)", "(PART)");
    while let Some(i) = out.find("(Pictures/") {
        let end = out[i..].find(')').map_or(out.len(), |e| i + e + 1);
        out.replace_range(i..end, "(PART)");
    }
    out
}

#[test]
fn importing_the_same_file_twice_gives_the_same_bytes() {
    let (a, b) = (site(), site());
    import(a.path(), &word("raportti.docx"));
    import(b.path(), &word("raportti.docx"));
    let first = files(&a.path().join(FOLDER));
    assert!(!first.is_empty());
    assert_eq!(first, files(&b.path().join(FOLDER)));
    // And again over the first, with --force.
    let o = kertomus(&[
        "import",
        &word("raportti.docx"),
        "--root",
        a.path().to_str().unwrap(),
        "--force",
        "-q",
    ]);
    assert!(o.status.success());
    assert_eq!(first, files(&a.path().join(FOLDER)));
}

#[test]
fn a_bad_file_is_one_error_and_nothing_is_written() {
    let cases = [
        ("bad/pdf-nimella.docx", "is a PDF file, not a Word document"),
        ("bad/katkaistu.docx", "is damaged or cut short"),
        ("bad/salattu.docx", "is protected with a password"),
        (
            "raportti.fodt",
            "is not a Word (.docx) or OpenDocument (.odt) text document",
        ),
    ];
    for (file, message) in cases {
        let dir = site();
        let before = files(dir.path());
        let o = kertomus(&[
            "import",
            &word(file),
            "--root",
            dir.path().to_str().unwrap(),
        ]);
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(1), "{file}");
        let errors: Vec<&str> = stderr.lines().filter(|l| l.starts_with("error:")).collect();
        assert_eq!(errors.len(), 1, "{file}: {stderr}");
        assert!(errors[0].contains(message), "{file}: {stderr}");
        assert!(stderr.contains("Nothing was written."), "{stderr}");
        assert!(o.stdout.is_empty(), "{file}");
        assert_eq!(files(dir.path()), before, "{file} changed the site");
        let content: Vec<_> = std::fs::read_dir(dir.path().join("content"))
            .unwrap()
            .collect();
        assert_eq!(content.len(), 3, "{file}: a folder was left behind");
    }
}

#[test]
fn an_existing_folder_is_refused_unless_forced_and_the_target_must_be_in_content() {
    let dir = site();
    let root = dir.path().to_str().unwrap();
    import(dir.path(), &word("raportti.docx"));
    let extra = dir.path().join(FOLDER).join("oma.md");
    std::fs::write(&extra, "---\ntitle: Oma\n---\n").unwrap();
    let o = kertomus(&["import", &word("raportti.docx"), "--root", root]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr.contains(&format!("{FOLDER} already exists")),
        "{stderr}"
    );
    assert!(stderr.contains("--force"), "{stderr}");
    assert!(extra.exists());
    let o = kertomus(&[
        "import",
        &word("raportti.docx"),
        "--root",
        root,
        "--force",
        "-q",
    ]);
    assert!(o.status.success());
    assert!(!extra.exists(), "--force replaces the folder");
    // --into chooses the folder; outside content/ or in content/data it is refused.
    let into = dir.path().join("content/arkisto/kertomus-2021");
    let o = kertomus(&[
        "import",
        &word("raportti.odt"),
        "--root",
        root,
        "--into",
        into.to_str().unwrap(),
        "-q",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(into.join("index.md").is_file());
    for bad in ["elsewhere", "content/data/x", "content"] {
        let into = dir.path().join(bad);
        let o = kertomus(&[
            "import",
            &word("raportti.docx"),
            "--root",
            root,
            "--into",
            into.to_str().unwrap(),
        ]);
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(1), "{bad}");
        assert!(
            stderr.contains("is not a new folder inside the site's content/ folder"),
            "{bad}: {stderr}"
        );
    }
    assert!(!dir.path().join("elsewhere").exists());
    assert!(!dir.path().join("content/data/x").exists());
}

/// `raportti.docx` with its parts rewritten: `parts` maps a part to its new bytes, or to
/// `None` to leave it out.
fn rewritten(parts: &[(&str, Option<&[u8]>)], to: &Path) {
    use std::io::{Read, Write};
    let mut from =
        zip::ZipArchive::new(std::fs::File::open(word("raportti.docx")).unwrap()).unwrap();
    let mut out = zip::ZipWriter::new(std::fs::File::create(to).unwrap());
    for i in 0..from.len() {
        let mut entry = from.by_index(i).unwrap();
        let name = entry.name().to_string();
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).unwrap();
        let bytes = match parts.iter().find(|(p, _)| *p == name) {
            Some((_, None)) => continue,
            Some((_, Some(new))) => new.to_vec(),
            None => bytes,
        };
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&bytes).unwrap();
    }
    out.finish().unwrap();
}

#[test]
fn a_damaged_part_that_only_adds_something_costs_that_and_a_missing_image_is_an_item() {
    let dir = site();
    let file = dir.path().join("raportti.docx");
    rewritten(
        &[
            ("docProps/core.xml", Some(b"<cp:coreProperties><dc:title>")),
            ("word/header1.xml", Some(b"<w:hdr><w:p>")),
            ("word/media/image2.png", None),
        ],
        &file,
    );
    let out = import(dir.path(), file.to_str().unwrap());
    // The header is neither read nor counted; the footer still is.
    assert!(
        out.contains("warning: 1 header or footer left out"),
        "{out}"
    );
    assert!(
        out.contains("3 chapters, 1 image, 1 table, 3 footnotes"),
        "{out}"
    );
    assert!(out.contains("9 items need a person"), "{out}");
    assert!(
        out.contains("02-vaesto-ja-elinolot.md: image 2 (media/image2.png): the document does not hold the image itself"),
        "{out}"
    );
    // Without the title property, the title paragraph is the title.
    let (front, _) = page(dir.path(), "index.md");
    assert_eq!(
        front["title"].as_str(),
        Some("Hyvinvointikertomus 2021–2025")
    );
    let (_, vaesto) = page(dir.path(), "02-vaesto-ja-elinolot.md");
    assert!(vaesto.contains("](kuva-1.png)"), "{vaesto}");
    assert!(!vaesto.contains("kuva-2"), "{vaesto}");
    assert!(!dir.path().join(FOLDER).join("kuva-2.png").exists());
    // The folder builds, and no link of it is broken.
    let o = kertomus(&["build", "--root", dir.path().to_str().unwrap(), "-q"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let files = kertomus::links::read_folder(&dir.path().join("public")).unwrap();
    let base = kertomus::links::base_url(dir.path()).unwrap();
    let broken = kertomus::links::broken(&files, &base);
    assert!(broken.is_empty(), "{broken:#?}");
}

#[test]
fn a_damaged_main_part_is_one_error_naming_the_part() {
    let dir = site();
    let file = dir.path().join("raportti.docx");
    rewritten(
        &[("word/document.xml", Some(b"<w:document><w:body>"))],
        &file,
    );
    let before = files(&dir.path().join("content"));
    let o = kertomus(&[
        "import",
        file.to_str().unwrap(),
        "--root",
        dir.path().to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{stderr}");
    let errors: Vec<&str> = stderr.lines().filter(|l| l.starts_with("error:")).collect();
    assert_eq!(errors.len(), 1, "{stderr}");
    assert!(
        errors[0].contains(
            "raportti.docx: its part word/document.xml cannot be read: it ends at byte 20 before its elements are closed"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("save it again"), "{stderr}");
    assert!(stderr.contains("Nothing was written."), "{stderr}");
    assert_eq!(files(&dir.path().join("content")), before);
}
