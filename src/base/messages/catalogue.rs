//! The catalogue file (`catalogue.txt`, embedded): for each English template, its Finnish and
//! Swedish text. Blocks of three lines, `en: `, `fi: `, `sv: `, separated by blank lines;
//! `#` starts a comment line; the entries after the line `## help` are the command line's
//! help texts (made by clap from doc comments, not with `msg!`). A plain text file rather than YAML so that the YAML reader's own
//! messages can come from it, and so that a translator needs no other tool than an editor.

use super::Lang;
use std::collections::HashMap;
use std::sync::LazyLock;

const TEXT: &str = include_str!("catalogue.txt");

/// One message in the three languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Entry {
    /// 1-based line of the `en:` line in catalogue.txt.
    pub line: usize,
    pub en: &'static str,
    pub fi: Option<&'static str>,
    pub sv: Option<&'static str>,
    /// A help text of the command line.
    pub help: bool,
}

/// Every entry, in file order. Read once, on the first message printed; never changed.
pub(crate) static ENTRIES: LazyLock<Vec<Entry>> = LazyLock::new(|| parse(TEXT));

static BY_ENGLISH: LazyLock<HashMap<&'static str, Entry>> =
    LazyLock::new(|| ENTRIES.iter().map(|e| (e.en, *e)).collect());

/// The text of `template` in `lang`, if the catalogue has it.
pub(super) fn text(template: &str, lang: Lang) -> Option<&'static str> {
    let entry = BY_ENGLISH.get(template)?;
    match lang {
        Lang::En => Some(entry.en),
        Lang::Fi => entry.fi,
        Lang::Sv => entry.sv,
    }
}

/// The entries of a catalogue text; a block missing a language has `None` there (the tests
/// refuse such blocks).
pub(crate) fn parse(text: &'static str) -> Vec<Entry> {
    let mut entries: Vec<Entry> = Vec::new();
    let mut help = false;
    for (i, line) in text.lines().enumerate() {
        help |= line.starts_with("## help");
        if let Some(en) = line.strip_prefix("en: ") {
            entries.push(Entry {
                line: i + 1,
                en,
                fi: None,
                sv: None,
                help,
            });
        } else if let (Some(fi), Some(last)) = (line.strip_prefix("fi: "), entries.last_mut()) {
            last.fi = Some(fi);
        } else if let (Some(sv), Some(last)) = (line.strip_prefix("sv: "), entries.last_mut()) {
            last.sv = Some(sv);
        }
    }
    entries
}
