//! Documents with a damaged or missing part: an optional part costs only itself, the main
//! part is one error.

use super::*;

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
