//! Reading a `.odt` (OpenDocument text, LibreOffice's own format) into the [`Doc`] model:
//! `content.xml`'s body with the styles of `styles.xml` and its own automatic styles, the
//! pictures, `meta.xml`'s title. The same `zip` and `quick-xml` reading as `.docx`, and the
//! same model, so everything after reading is shared.

mod body;
mod styles;
mod table;

use super::error::ImportError;
use super::model::{Doc, Inline};
use super::package::Package;
use super::xml::{Element, Ns};
use std::collections::BTreeSet;

/// Reads the whole document.
pub(crate) fn read(pkg: &mut Package) -> Result<Doc, ImportError> {
    let content = pkg
        .xml("content.xml")?
        .ok_or_else(|| ImportError::BadPart {
            file: pkg.file().to_path_buf(),
            part: "content.xml".to_string(),
            reason: crate::msg!("the document has no such part"),
        })?;
    let styles_xml = pkg.xml("styles.xml")?;
    let mut styles = styles::Styles::default();
    for root in styles_xml.iter().chain(std::iter::once(&content)) {
        for part in ["styles", "automatic-styles"] {
            if let Some(s) = root.child(Ns::Office, part) {
                styles.add(s);
            }
        }
    }
    let mut reader = body::Reader::new(&styles, charts(pkg)?);
    let mut blocks = Vec::new();
    if let Some(text) = content
        .child(Ns::Office, "body")
        .and_then(|b| b.child(Ns::Office, "text"))
    {
        reader.blocks(text, &mut blocks);
    }
    let mut doc = Doc {
        title: title(pkg)?,
        blocks,
        notes: std::mem::take(&mut reader.notes),
        media: Default::default(),
        dropped: reader.dropped,
    };
    doc.dropped.headers_footers = styles_xml.as_ref().map_or(0, headers_and_footers);
    for part in pictures(&doc) {
        if let Some(bytes) = pkg.part(&part)? {
            doc.media.insert(part, bytes);
        }
    }
    Ok(doc)
}

/// The object folders the manifest lists as charts.
fn charts(pkg: &mut Package) -> Result<BTreeSet<String>, ImportError> {
    // Only tells charts from other objects: a damaged manifest makes every object an object.
    let Some(manifest) = pkg.xml("META-INF/manifest.xml").ok().flatten() else {
        return Ok(BTreeSet::new());
    };
    Ok(manifest
        .elements()
        .filter(|e| {
            e.attr(Ns::Manifest, "media-type")
                .is_some_and(|m| m.ends_with(".chart"))
        })
        .filter_map(|e| e.attr(Ns::Manifest, "full-path"))
        .map(|p| p.trim_end_matches('/').to_string())
        .collect())
}

fn title(pkg: &mut Package) -> Result<Option<String>, ImportError> {
    // The title property is a nicety: a damaged meta.xml leaves the title to the text.
    let Some(meta) = pkg.xml("meta.xml").ok().flatten() else {
        return Ok(None);
    };
    let title = meta
        .find(Ns::Dc, "title")
        .map(|t| super::pages::clean(&t.text()));
    Ok(title.filter(|t| !t.is_empty()))
}

/// Headers and footers with text, in the master pages (they are left out).
fn headers_and_footers(styles: &Element) -> usize {
    let mut n = 0;
    for master in styles
        .child(Ns::Office, "master-styles")
        .iter()
        .flat_map(|m| m.elements())
    {
        n += master
            .elements()
            .filter(|e| {
                e.ns == Ns::Style && (e.name.starts_with("header") || e.name.starts_with("footer"))
            })
            .filter(|e| !e.text().trim().is_empty())
            .count();
    }
    n
}

/// The picture parts the document shows.
fn pictures(doc: &Doc) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut add = |inlines: &[Inline]| {
        for i in inlines {
            if let Inline::Image(img) = i {
                out.insert(img.part.clone());
            }
        }
    };
    for b in &doc.blocks {
        super::model::each_inlines(b, &mut add);
    }
    for n in &doc.notes {
        for p in &n.paragraphs {
            add(p);
        }
    }
    out
}
