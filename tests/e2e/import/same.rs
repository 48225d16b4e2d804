//! The same report in every format and style language imports to the same bytes, and so
//! does importing it again.

use super::*;

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
