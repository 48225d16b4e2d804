//! The document cut into pages: its title, the summary before the first chapter heading (the
//! document's front page), and one chapter per top-level heading, with its file name. Lower
//! headings move up so that the chapter's heading is the page title (`#`) and the next level
//! `##`, never skipping a level. Bookmarks become link targets: a chapter, or a heading on it.
//!
//! Rules: the title is the title property, else the first paragraph in the title style,
//! else the first top-level heading (which is then not a chapter of its own). Manual numbers
//! at the start of a heading ("3.2 Lasten hyvinvointi") are dropped: chapters are ordered by
//! their weight and numbered by the site, and a number in the text would go stale the first
//! time a chapter moves.

use super::model::{Block, Doc, Inline};
use std::collections::HashMap;

/// One page of the document: the front page or a chapter.
#[derive(Debug, Default)]
pub(crate) struct Section {
    /// The chapter's heading, without its manual number (the document's title for the front
    /// page).
    pub title: String,
    pub blocks: Vec<Block>,
    /// Heading ids to write, by block index: headings that a link leads to.
    pub ids: HashMap<usize, String>,
}

/// The document as pages.
#[derive(Debug, Default)]
pub(crate) struct Outline {
    pub title: String,
    /// The title was taken from the first heading, not from the document's properties.
    pub title_from_heading: bool,
    pub summary: Section,
    pub chapters: Vec<Section>,
    /// Each chapter's file name (`01-johdanto.md`).
    pub files: Vec<String>,
    /// Bookmark → page (0 the front page, 1… the chapters) and heading id.
    pub links: HashMap<String, (usize, Option<String>)>,
}

impl Outline {
    /// The file of page `page` (0 the front page).
    pub(crate) fn file(&self, page: usize) -> &str {
        match page {
            0 => "index.md",
            n => &self.files[n - 1],
        }
    }
}

/// Cuts `doc` into pages; `untitled` is the title when the document gives none.
pub(crate) fn outline(doc: &Doc, untitled: &str) -> Outline {
    // The highest heading level, leaving out the block `skip`.
    let top_level = |skip: Option<usize>| {
        doc.blocks
            .iter()
            .enumerate()
            .filter(|(i, _)| Some(*i) != skip)
            .filter_map(|(_, b)| match b {
                Block::Heading { level, .. } => Some(*level),
                _ => None,
            })
            .min()
    };
    let top = top_level(None);
    let styled_title = doc.blocks.iter().find_map(|b| match b {
        Block::Title(t) => Some(clean(&Inline::plain(t))),
        _ => None,
    });
    let mut out = Outline::default();
    let first_heading = doc.blocks.iter().enumerate().find_map(|(i, b)| match b {
        Block::Heading { level, text, .. } if Some(*level) == top => {
            Some((i, strip_number(&clean(&Inline::plain(text))).to_string()))
        }
        _ => None,
    });
    let (title, title_heading) = match (doc.title.clone(), styled_title, first_heading) {
        (Some(t), _, _) | (None, Some(t), _) => (t, None),
        (None, None, Some((i, h))) => (h, Some(i)),
        (None, None, None) => (untitled.to_string(), None),
    };
    // The first heading made the title: the chapters are the other headings of its level,
    // or, when it was the only one, those of the highest level below it.
    let top = top_level(title_heading);
    out.title_from_heading = title_heading.is_some();
    out.title = title.clone();
    out.summary.title = title;
    split(doc, top, title_heading, &mut out);
    for (i, c) in out.chapters.iter().enumerate() {
        out.files
            .push(format!("{:02}-{}.md", i + 1, short_slug(&c.title, "luku")));
    }
    let mut links = HashMap::new();
    for (page, section) in std::iter::once(&mut out.summary)
        .chain(out.chapters.iter_mut())
        .enumerate()
    {
        heading_ids(section, page, &mut links);
    }
    out.links.extend(links);
    out
}

/// Distributes the blocks over the front page and the chapters.
fn split(doc: &Doc, top: Option<u8>, title_heading: Option<usize>, out: &mut Outline) {
    // The first paragraph in the title style is the cover's title: the title, or the same
    // words as the title property.
    let mut title_used = false;
    // The level of the last heading on the current page (the page title is 1).
    let mut last = 1u8;
    for (i, block) in doc.blocks.iter().enumerate() {
        match block {
            Block::Title(_) if !title_used => title_used = true,
            Block::Title(text) => current(out).blocks.push(Block::Paragraph {
                text: text.clone(),
                quote: false,
                anchors: Vec::new(),
            }),
            Block::Heading { anchors, .. } if Some(i) == title_heading => {
                let page = out.chapters.len();
                for a in anchors {
                    out.links.insert(a.clone(), (page, None));
                }
            }
            Block::Heading {
                level,
                text,
                anchors,
            } if Some(*level) == top => {
                out.chapters.push(Section {
                    title: strip_number(&clean(&Inline::plain(text))).to_string(),
                    ..Section::default()
                });
                for a in anchors {
                    out.links.insert(a.clone(), (out.chapters.len(), None));
                }
                last = 1;
            }
            Block::Heading {
                level,
                text,
                anchors,
            } => {
                let shifted = (level.saturating_sub(top.unwrap_or(1)) + 1).clamp(2, last + 1);
                last = shifted;
                current(out).blocks.push(Block::Heading {
                    level: shifted,
                    text: strip_number_inlines(text),
                    anchors: anchors.clone(),
                });
            }
            other => current(out).blocks.push(other.clone()),
        }
    }
}

/// The page being filled: the last chapter, or the front page before the first.
fn current(out: &mut Outline) -> &mut Section {
    match out.chapters.last_mut() {
        Some(c) => c,
        None => &mut out.summary,
    }
}

/// Gives the headings that bookmarks point at an id (the one the site would derive from
/// the heading's text, made unique on the page the same way), and records every bookmark's
/// page.
fn heading_ids(
    section: &mut Section,
    page: usize,
    links: &mut HashMap<String, (usize, Option<String>)>,
) {
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (i, b) in section.blocks.iter().enumerate() {
        match b {
            Block::Heading { text, anchors, .. } => {
                let base = match slug::slugify(Inline::plain(text)) {
                    s if s.is_empty() => "otsikko".to_string(),
                    s => s,
                };
                let mut id = base.clone();
                while let Some(n) = seen.get(&id).copied() {
                    seen.insert(id.clone(), n + 1);
                    id = format!("{base}-{}", n + 1);
                }
                seen.insert(id.clone(), 0);
                // LibreOffice's links to a heading by its text (`…|outline`) need no id of
                // their own: the site derives this one.
                if anchors.iter().any(|a| !a.ends_with("|outline")) {
                    section.ids.insert(i, id.clone());
                }
                for a in anchors {
                    links.insert(a.clone(), (page, Some(id.clone())));
                }
            }
            Block::Paragraph { anchors, .. } | Block::Item { anchors, .. } => {
                for a in anchors {
                    links.entry(a.clone()).or_insert((page, None));
                }
            }
            _ => {}
        }
    }
}

/// Whitespace made single spaces, trimmed.
pub(crate) fn clean(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A heading's text without a manual number in front: "3.2 Lasten hyvinvointi" and
/// "3.2. Lasten hyvinvointi" → "Lasten hyvinvointi". A year ("2025 alkaen") is not a number
/// of this kind (at most two digits per part).
pub(crate) fn strip_number(s: &str) -> &str {
    let mut rest = s;
    let mut parts = 0;
    loop {
        let digits = rest.chars().take_while(char::is_ascii_digit).count();
        if digits == 0 || digits > 2 {
            break;
        }
        parts += 1;
        rest = &rest[digits..];
        match rest.strip_prefix('.') {
            Some(r) => rest = r,
            None => break,
        }
    }
    let rest = rest.strip_prefix(')').unwrap_or(rest);
    let after = rest.trim_start();
    let spaced = after.len() < rest.len();
    if parts > 0 && spaced && after.chars().next().is_some_and(char::is_alphabetic) {
        after
    } else {
        s
    }
}

/// [`strip_number`] on the first text of a heading.
fn strip_number_inlines(text: &[Inline]) -> Vec<Inline> {
    let mut out = text.to_vec();
    if let Some(Inline::Text { text, .. }) = out.first_mut() {
        let trimmed = text.trim_start();
        *text = strip_number(trimmed).to_string();
    }
    out
}

/// A slug of at most about 40 characters, cut at a word; `fallback` when there is nothing.
pub(crate) fn short_slug(text: &str, fallback: &str) -> String {
    let s = slug::slugify(text);
    let s = if s.len() > 40 {
        let cut = &s[..40];
        cut.rfind('-')
            .filter(|i| *i >= 20)
            .map_or(cut, |i| &cut[..i])
            .to_string()
    } else {
        s
    };
    if s.is_empty() {
        fallback.to_string()
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manual_numbers_go_years_stay() {
        assert_eq!(strip_number("3.2 Lasten hyvinvointi"), "Lasten hyvinvointi");
        assert_eq!(
            strip_number("3.2. Lasten hyvinvointi"),
            "Lasten hyvinvointi"
        );
        assert_eq!(strip_number("1 Johdanto"), "Johdanto");
        assert_eq!(strip_number("2) Väestö"), "Väestö");
        assert_eq!(strip_number("2025 alkaen"), "2025 alkaen");
        assert_eq!(strip_number("10 000 asukasta"), "10 000 asukasta");
        assert_eq!(strip_number("Johdanto"), "Johdanto");
    }

    fn heading(level: u8, text: &str, anchor: Option<&str>) -> Block {
        Block::Heading {
            level,
            text: vec![Inline::Text {
                text: text.to_string(),
                bold: false,
                italic: false,
            }],
            anchors: anchor.map(str::to_string).into_iter().collect(),
        }
    }

    fn para(text: &str) -> Block {
        Block::Paragraph {
            text: vec![Inline::Text {
                text: text.to_string(),
                bold: false,
                italic: false,
            }],
            quote: false,
            anchors: Vec::new(),
        }
    }

    #[test]
    fn chapters_are_the_top_headings_and_lower_ones_move_up() {
        let doc = Doc {
            title: Some("Kertomus".into()),
            blocks: vec![
                para("Tiivistelmä"),
                heading(2, "1 Johdanto", None),
                heading(4, "1.1 Tausta", Some("_Ref1")),
                heading(3, "1.2 Aineisto", None),
                heading(2, "2 Väestö", Some("vaesto")),
            ],
            ..Doc::default()
        };
        let o = outline(&doc, "x");
        assert_eq!(o.title, "Kertomus");
        assert_eq!(o.files, ["01-johdanto.md", "02-vaesto.md"]);
        let levels: Vec<u8> = o.chapters[0]
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Heading { level, .. } => Some(*level),
                _ => None,
            })
            .collect();
        assert_eq!(levels, [2, 2], "a skipped level is closed up");
        assert_eq!(o.links["_Ref1"], (1, Some("tausta".to_string())));
        assert_eq!(o.links["vaesto"], (2, None));
        assert_eq!(o.file(0), "index.md");
    }

    #[test]
    fn without_a_title_the_first_heading_is_the_title_and_the_next_level_the_chapters() {
        let doc = Doc {
            blocks: vec![
                heading(1, "Kertomus 2021–2025", None),
                heading(2, "Johdanto", None),
                para("a"),
                heading(2, "Väestö", None),
            ],
            ..Doc::default()
        };
        let o = outline(&doc, "x");
        assert_eq!(o.title, "Kertomus 2021–2025");
        assert!(o.title_from_heading);
        assert_eq!(o.files, ["01-johdanto.md", "02-vaesto.md"]);
    }

    #[test]
    fn slugs_are_short_and_cut_at_a_word() {
        assert_eq!(
            short_slug("Väestö ja elinolot", "luku"),
            "vaesto-ja-elinolot"
        );
        let long = short_slug(
            "Lasten, nuorten ja perheiden hyvinvoinnin ja terveyden edistäminen",
            "luku",
        );
        assert!(long.len() <= 40 && !long.ends_with('-'), "{long}");
        assert_eq!(short_slug("!!", "luku"), "luku");
    }
}
