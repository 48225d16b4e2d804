//! The report's chapters, front page, footnotes, lists, links and images.

use super::*;

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
