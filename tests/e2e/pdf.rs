//! The PDF of every document, read back as an agenda system and a screen reader would: every
//! document page links to its PDF; the file is tagged (structure tree with headings, tables
//! with header cells, figures with alternative text), says its language and title and that it
//! is PDF/UA-1; its text comes in reading order; two builds give the same bytes; a PDF that
//! cannot be made fails the build with the author's file and line and leaves `public/` alone.

use crate::common::{build_fixture, fixture_with, kertomus};
use lopdf::{Dictionary, Document, Object};
use std::path::{Path, PathBuf};

/// The PDFs a built site links to from its document pages: (page, PDF file), every document
/// page (the ones with a printable version) checked to have one.
fn linked_pdfs(public: &Path) -> Vec<(PathBuf, PathBuf)> {
    let mut out = Vec::new();
    for e in walkdir::WalkDir::new(public).sort_by_file_name() {
        let e = e.unwrap();
        if e.path().extension().is_none_or(|x| x != "html") {
            continue;
        }
        let html = std::fs::read_to_string(e.path()).unwrap();
        // A document's own page: its facts and the link to its printable version.
        if !(html.contains("class=\"print-link\"") && html.contains("<dl class=\"doc-meta\">")) {
            continue;
        }
        let rel = e.path().strip_prefix(public).unwrap().display().to_string();
        let start = html
            .find("<p class=\"pdf-link\"><a href=\"")
            .unwrap_or_else(|| panic!("{rel}: a document page without its PDF link"));
        let href = &html[start + 29..];
        let href = &href[..href.find('"').unwrap()];
        let link = &html[start..start + html[start..].find("</p>").unwrap()];
        assert!(
            link.contains("Lataa PDF (")
                || link.contains("Ladda ner PDF (")
                || link.contains("Download PDF ("),
            "{rel}: {link}"
        );
        assert!(
            link.contains(" kt)") || link.contains(" kB)"),
            "{rel}: no size in {link}"
        );
        let file = public.join(
            href.strip_prefix("/hyte/")
                .or(href.strip_prefix('/'))
                .unwrap(),
        );
        assert!(
            file.is_file(),
            "{rel} links to {href}, which was not written"
        );
        out.push((e.path().to_path_buf(), file));
    }
    out
}

fn catalog(doc: &Document) -> &Dictionary {
    let root = doc.trailer.get(b"Root").unwrap().as_reference().unwrap();
    doc.get_dictionary(root).unwrap()
}

fn name_of(o: &Object) -> String {
    String::from_utf8_lossy(o.as_name().unwrap_or_default()).into_owned()
}

fn text_of(doc: &Document, o: &Object) -> String {
    let o = match o {
        Object::Reference(r) => doc.get_object(*r).unwrap(),
        o => o,
    };
    match o {
        Object::String(bytes, _) => lopdf::decode_text_string(o)
            .unwrap_or_else(|_| String::from_utf8_lossy(bytes).into_owned()),
        _ => String::new(),
    }
}

/// Every structure element's role and, where it has one, its alternative text, in tree order.
fn structure(doc: &Document) -> Vec<(String, Option<String>)> {
    let tree = catalog(doc)
        .get(b"StructTreeRoot")
        .expect("a structure tree");
    let mut out = Vec::new();
    let mut stack = vec![tree.clone()];
    while let Some(o) = stack.pop() {
        let o = match o {
            Object::Reference(r) => doc.get_object(r).unwrap().clone(),
            o => o,
        };
        match o {
            Object::Array(items) => stack.extend(items.into_iter().rev()),
            Object::Dictionary(d) => {
                if let Ok(s) = d.get(b"S") {
                    let alt = d.get(b"Alt").ok().map(|a| text_of(doc, a));
                    out.push((name_of(s), alt));
                }
                if let Ok(k) = d.get(b"K") {
                    stack.push(k.clone());
                }
            }
            _ => {}
        }
    }
    out
}

/// The XMP metadata stream as text.
fn xmp(doc: &Document) -> String {
    let r = catalog(doc)
        .get(b"Metadata")
        .unwrap()
        .as_reference()
        .unwrap();
    let stream = doc.get_object(r).unwrap().as_stream().unwrap();
    String::from_utf8_lossy(&stream.content).into_owned()
}

/// The text of every page, in the order the page draws it, with whitespace runs made one.
fn page_text(doc: &Document) -> String {
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let text = doc.extract_text(&pages).unwrap();
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What every PDF must say about itself, for a document in `lang` titled as its page says.
fn assert_tagged(pdf: &Path, page_html: &str) -> Document {
    let doc = Document::load(pdf).unwrap_or_else(|e| panic!("{}: {e}", pdf.display()));
    let shown = pdf.display();
    let cat = catalog(&doc);
    let marked = cat.get(b"MarkInfo").and_then(|m| match m {
        Object::Reference(r) => doc.get_dictionary(*r),
        Object::Dictionary(d) => Ok(d),
        _ => panic!("MarkInfo"),
    });
    assert_eq!(
        marked.unwrap().get(b"Marked").unwrap(),
        &Object::Boolean(true),
        "{shown}"
    );
    let lang = &page_html[page_html.find("<html lang=\"").unwrap() + 12..];
    let lang = &lang[..lang.find('"').unwrap()];
    assert_eq!(text_of(&doc, cat.get(b"Lang").unwrap()), lang, "{shown}");
    let prefs = match cat.get(b"ViewerPreferences").unwrap() {
        Object::Reference(r) => doc.get_dictionary(*r).unwrap(),
        Object::Dictionary(d) => d,
        _ => panic!("ViewerPreferences"),
    };
    assert_eq!(
        prefs.get(b"DisplayDocTitle").unwrap(),
        &Object::Boolean(true),
        "{shown}"
    );
    let meta = xmp(&doc);
    assert!(
        meta.contains("<pdfuaid:part>1</pdfuaid:part>"),
        "{shown}: {meta}"
    );
    let h1 = &page_html[page_html.find("<h1>").unwrap() + 4..];
    let title = h1[..h1.find("</h1>").unwrap()].replace("&amp;", "&");
    let dc_title = &meta[meta.find("<dc:title>").expect("dc:title")..];
    let dc_title = &dc_title[..dc_title.find("</dc:title>").unwrap()];
    assert!(
        dc_title.contains(&format!(">{title}</rdf:li>")),
        "{shown}: no title {title} in {dc_title}"
    );
    let roles = structure(&doc);
    assert!(
        roles.iter().any(|(s, _)| s == "H1"),
        "{shown}: no H1 in {roles:?}"
    );
    doc
}

#[test]
fn every_document_of_the_example_and_the_fixtures_has_a_tagged_pdf() {
    let mut sites: Vec<String> = vec![".".into()];
    for e in std::fs::read_dir("tests/fixtures").unwrap() {
        let dir = e.unwrap().path();
        if dir.join("content/site.yaml").is_file() {
            sites.push(dir.display().to_string());
        }
    }
    let mut checked = 0;
    for site in &sites {
        let (_dir, public) = build_fixture(site);
        for (page, pdf) in linked_pdfs(&public) {
            assert_tagged(&pdf, &std::fs::read_to_string(&page).unwrap());
            checked += 1;
        }
    }
    assert!(checked >= 8, "only {checked} PDFs");
}

#[test]
fn the_plan_pdf_has_tables_figures_and_its_text_in_reading_order() {
    let (_dir, public) = build_fixture(".");
    let page = public.join("hyvinvointikertomus-2025-2029/index.html");
    let pdf = public.join("hyvinvointikertomus-2025-2029/hyvinvointikertomus-2025-2029.pdf");
    let doc = assert_tagged(&pdf, &std::fs::read_to_string(page).unwrap());
    let roles = structure(&doc);
    for role in ["H2", "H3", "Table", "TH", "TD", "L", "LI", "Note", "Link"] {
        assert!(
            roles.iter().any(|(s, _)| s == role),
            "no {role} in the structure"
        );
    }
    let figure = roles.iter().find(|(s, _)| s == "Figure").expect("a figure");
    let alt = figure.1.as_deref().expect("the figure has /Alt");
    assert!(
        alt.contains("Kuopio"),
        "the chart's alternative text states its finding: {alt}"
    );
    let text = page_text(&doc);
    let order = [
        // The cover's approval line.
        "Aluevaltuusto, 14.4.2026 § 12",
        // A chapter.
        "Hyvinvointikertomus on hyvinvointialueen ja kuntien yhteinen työväline.",
        // The chart's data table and source.
        "Lähde: THL, Sotkanet.fi",
        // The plan and one of its measures with its responsible party and status.
        "Suunnitelma 3 painopistettä",
        "Ryhmäytyminen ja yhteishenki kouluissa",
        "Opiskeluhuolto",
        "2026: käynnissä – Laajennettu kaikkiin yläkouluihin.",
    ];
    let mut at = 0;
    for part in order {
        let found = text[at..]
            .find(part)
            .unwrap_or_else(|| panic!("{part:?} not after byte {at} of:\n{text}"));
        at += found + part.len();
    }
    // A footnote's text is on the page of its reference.
    assert!(
        text.contains("Asukaskyselyyn vastasi 1 248 asukasta"),
        "the footnote's text is missing"
    );
}

#[test]
fn two_builds_give_the_same_pdfs() {
    let (_a, first) = build_fixture(".");
    let (_b, second) = build_fixture(".");
    let pdfs: Vec<PathBuf> = linked_pdfs(&first).into_iter().map(|(_, p)| p).collect();
    assert!(pdfs.len() >= 4);
    for p in pdfs {
        let rel = p.strip_prefix(&first).unwrap();
        let a = std::fs::read(&p).unwrap();
        let b = std::fs::read(second.join(rel)).unwrap();
        assert!(a == b, "{} differs between two builds", rel.display());
    }
}

#[test]
fn hostile_text_is_printed_as_text() {
    let (_dir, public) = build_fixture("tests/fixtures/hostile");
    let doc = Document::load(public.join("raportti/raportti.pdf")).unwrap();
    let text = page_text(&doc);
    for literal in [
        "#read(\"/etc/passwd\")",
        "#eval(\"1+1\")",
        "] #pagebreak() [",
        "$x^2$",
        "// ei kommentti",
        "#import \"x.typ\": *",
        "= ei otsikko.",
        "#strong[ei lihava]",
        "#raw(\"koodi\")",
    ] {
        assert!(
            text.contains(literal),
            "{literal:?} not printed as text in:\n{text}"
        );
    }
}

#[test]
fn no_pdf_leaves_them_out_and_does_not_link_them() {
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    let o = kertomus(&[
        "build",
        "-q",
        "--no-pdf",
        "--root",
        "tests/fixtures/basic",
        "--output",
        public.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let page = std::fs::read_to_string(public.join("raportti/index.html")).unwrap();
    assert!(!page.contains("pdf-link"));
    assert!(!public.join("raportti/raportti.pdf").exists());
}

/// A build that fails on its PDF: the error names the page, line and column, and the
/// previous output stays as it was.
fn assert_fails_at(changes: &[(&str, &[u8])], place: &str, words: &str) {
    let site = fixture_with("tests/fixtures/basic", changes);
    let public = site.path().join("public");
    std::fs::create_dir_all(&public).unwrap();
    std::fs::write(public.join("vanha.html"), "edellinen").unwrap();
    let o = kertomus(&["build", "--root", site.path().to_str().unwrap()]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(!o.status.success(), "the build succeeded");
    assert!(err.contains(place), "{place} not in:\n{err}");
    assert!(err.contains(words), "{words:?} not in:\n{err}");
    assert_eq!(
        std::fs::read_to_string(public.join("vanha.html")).unwrap(),
        "edellinen"
    );
    assert!(!public.join("raportti").exists());
}

#[test]
fn an_image_the_pdf_cannot_read_is_an_error_at_its_line() {
    assert_fails_at(
        &[("content/raportti/kuva.png", b"\x89PNG\r\n\x1a\nrikki")],
        "content/raportti/02-loppu.md:",
        "the PDF could not be made",
    );
}

#[test]
fn a_character_no_font_has_is_an_error_at_its_line() {
    assert_fails_at(
        &[(
            "content/raportti/02-loppu.md",
            "---\ntitle: Loppu\n---\n\n## Tulokset\n\nHyvä \u{1F600} mieli.\n".as_bytes(),
        )],
        "content/raportti/02-loppu.md:7:6:",
        "U+1F600",
    );
}
