//! Bad files and bad targets: one error, and nothing written or overwritten.

use super::*;

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
