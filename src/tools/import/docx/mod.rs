//! Reading a `.docx` (Office Open XML) into the [`Doc`] model: the main part's body, the
//! footnotes and endnotes, the styles and numbering definitions, the images, the title
//! property. Parts are read with `zip` and `quick-xml` (ARCHITECTURE.md says why no docx
//! crate): an element the walkers do not know is walked through for its text, so an odd
//! element costs at most its own formatting, never the file.

mod body;
mod fields;
mod inline;
pub(crate) use inline::linkable;
mod styles;
mod table;

use super::error::ImportError;
use super::model::{Doc, Inline};
use super::package::Package;
use super::xml::{Element, Ns};
use std::collections::{BTreeSet, HashMap};
use styles::Styles;

/// One relationship of a part: what it is and where it leads.
#[derive(Debug, Clone)]
pub(super) struct Rel {
    /// The last segment of its type (`image`, `hyperlink`, `footnotes`).
    kind: String,
    /// A part name (`word/media/image1.png`), or an address when `external`.
    target: String,
    external: bool,
}

/// The relationships of a part, by id.
pub(super) type Rels = HashMap<String, Rel>;

/// Reads the whole document.
pub(crate) fn read(pkg: &mut Package) -> Result<Doc, ImportError> {
    let main = pkg.main_part()?.unwrap_or_default();
    let rels = rels_of(pkg, &main)?;
    let part_of = |kind: &str| {
        rels.values()
            .find(|r| r.kind == kind && !r.external)
            .map(|r| r.target.clone())
    };
    let styles_xml = read_optional(pkg, part_of("styles"))?;
    let numbering_xml = read_optional(pkg, part_of("numbering"))?;
    let styles = Styles::read(styles_xml.as_ref(), numbering_xml.as_ref());
    let mut reader = body::Reader::new(&styles);
    for (kind, endnote) in [("footnotes", false), ("endnotes", true)] {
        if let Some(part) = part_of(kind) {
            if let Some(xml) = pkg.xml(&part)? {
                reader.rels = rels_of(pkg, &part)?;
                reader.read_notes(&xml, endnote);
            }
        }
    }
    let document = pkg.xml(&main)?.ok_or_else(|| ImportError::BadPart {
        file: pkg.file().to_path_buf(),
        part: main.clone(),
        reason: crate::msg!("the document has no such part"),
    })?;
    reader.rels = rels;
    let blocks = match document.child(Ns::W, "body") {
        Some(body) => reader.body(body),
        None => Vec::new(),
    };
    let mut doc = reader.finish(blocks);
    let main_rels = rels_of(pkg, &main)?;
    doc.dropped.headers_footers = headers_and_footers(pkg, &main_rels)?;
    doc.title = core_title(pkg)?;
    for part in doc_media(&doc) {
        if let Some(bytes) = pkg.part(&part)? {
            doc.media.insert(part, bytes);
        }
    }
    Ok(doc)
}

fn read_optional(pkg: &mut Package, part: Option<String>) -> Result<Option<Element>, ImportError> {
    match part {
        Some(p) => pkg.xml(&p),
        None => Ok(None),
    }
}

/// The image parts the document shows.
fn doc_media(doc: &Doc) -> BTreeSet<String> {
    fn walk(inlines: &[Inline], out: &mut BTreeSet<String>) {
        for i in inlines {
            match i {
                Inline::Image(img) => {
                    out.insert(img.part.clone());
                }
                Inline::Link { text, .. } => walk(text, out),
                _ => {}
            }
        }
    }
    let mut out = BTreeSet::new();
    for b in &doc.blocks {
        super::model::each_inlines(b, &mut |inlines| walk(inlines, &mut out));
    }
    for n in &doc.notes {
        for p in &n.paragraphs {
            walk(p, &mut out);
        }
    }
    out
}

/// The relationships of `part` (`word/document.xml` → `word/_rels/document.xml.rels`), with
/// targets resolved to part names.
fn rels_of(pkg: &mut Package, part: &str) -> Result<Rels, ImportError> {
    let (dir, name) = part.rsplit_once('/').unwrap_or(("", part));
    let rels_name = if dir.is_empty() {
        format!("_rels/{name}.rels")
    } else {
        format!("{dir}/_rels/{name}.rels")
    };
    let Some(xml) = pkg.xml(&rels_name)? else {
        return Ok(Rels::new());
    };
    let mut out = Rels::new();
    for r in xml.elements() {
        let (Some(id), Some(kind), Some(target)) = (
            r.attr(Ns::Other, "Id"),
            r.attr(Ns::Other, "Type"),
            r.attr(Ns::Other, "Target"),
        ) else {
            continue;
        };
        let external = r.attr(Ns::Other, "TargetMode") == Some("External");
        let target = if external {
            target.to_string()
        } else {
            resolve(dir, target)
        };
        let kind = kind.rsplit('/').next().unwrap_or_default().to_string();
        out.insert(
            id.to_string(),
            Rel {
                kind,
                target,
                external,
            },
        );
    }
    Ok(out)
}

/// A relationship target relative to `dir`, as a part name.
fn resolve(dir: &str, target: &str) -> String {
    let mut parts: Vec<&str> = if target.starts_with('/') {
        Vec::new()
    } else {
        dir.split('/').filter(|s| !s.is_empty()).collect()
    };
    for seg in target.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    parts.join("/")
}

/// How many header and footer parts hold any text (they are left out).
fn headers_and_footers(pkg: &mut Package, rels: &Rels) -> Result<usize, ImportError> {
    let mut parts: Vec<&String> = rels
        .values()
        .filter(|r| !r.external && (r.kind == "header" || r.kind == "footer"))
        .map(|r| &r.target)
        .collect();
    parts.sort();
    parts.dedup();
    let mut n = 0;
    for p in parts {
        // Only counted: a damaged header costs nothing.
        if pkg
            .xml(p)
            .ok()
            .flatten()
            .is_some_and(|x| !x.text().trim().is_empty())
        {
            n += 1;
        }
    }
    Ok(n)
}

/// The title property (`docProps/core.xml`'s `dc:title`), when it is set.
fn core_title(pkg: &mut Package) -> Result<Option<String>, ImportError> {
    let root = rels_of(pkg, "")?;
    let part = root
        .values()
        .find(|r| r.kind == "core-properties")
        .map_or("docProps/core.xml".to_string(), |r| r.target.clone());
    // The title property is a nicety: a damaged core.xml leaves the title to the text.
    let Some(core) = pkg.xml(&part).ok().flatten() else {
        return Ok(None);
    };
    let title = core
        .child(Ns::Dc, "title")
        .map(|t| t.text().split_whitespace().collect::<Vec<_>>().join(" "));
    Ok(title.filter(|t| !t.is_empty()))
}

#[cfg(test)]
mod tests {
    #[test]
    fn relationship_targets_become_part_names() {
        assert_eq!(
            super::resolve("word", "media/image1.png"),
            "word/media/image1.png"
        );
        assert_eq!(
            super::resolve("word", "../customXml/item.xml"),
            "customXml/item.xml"
        );
        assert_eq!(
            super::resolve("word", "/word/media/a.png"),
            "word/media/a.png"
        );
        assert_eq!(super::resolve("", "word/document.xml"), "word/document.xml");
    }
}
