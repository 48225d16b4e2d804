//! What the two readers share about styles: a paragraph style's role (heading, title,
//! quotation) by its name, and bold and italic as a style or run sets them.

/// What a paragraph style makes a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    Body,
    Heading(u8),
    Title,
    Quote,
    /// An entry of a table of contents typed out or left behind by its field ("toc 1").
    Contents,
}

/// Bold and italic as set (`None`: inherited).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Look {
    pub bold: Option<bool>,
    pub italic: Option<bool>,
}

impl Look {
    /// `self` over `base`: what is set here wins.
    pub(crate) fn over(self, base: Look) -> Look {
        Look {
            bold: self.bold.or(base.bold),
            italic: self.italic.or(base.italic),
        }
    }
}

/// Heading levels, the title and quotations by style name, in the languages whose Word
/// writes localised names (it usually writes the English ones).
pub(crate) fn role_by_name(name: &str) -> Option<Role> {
    let n = name.trim().to_lowercase();
    for word in ["heading", "otsikko", "rubrik"] {
        if let Some(level) = n.strip_prefix(word).map(str::trim) {
            if let Ok(l @ 1..=9) = level.parse::<u8>() {
                return Some(Role::Heading(l));
            }
            if level.is_empty() && word != "heading" {
                return Some(Role::Title);
            }
        }
    }
    for word in [
        "toc",
        "contents",
        "sisällysluettelo",
        "innehållsförteckning",
    ] {
        let level = n.strip_prefix(word).map(str::trim);
        if level.is_some_and(|l| l.parse::<u8>().is_ok_and(|l| (1..=9).contains(&l))) {
            return Some(Role::Contents);
        }
    }
    match n.as_str() {
        "title" => Some(Role::Title),
        "quote" | "intense quote" | "quotations" | "block text" | "lainaus"
        | "erottuva lainaus" | "citat" | "starkt citat" => Some(Role::Quote),
        _ => None,
    }
}
