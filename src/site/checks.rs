//! The checks of the pages' own links between each other before Markdown is rendered: a
//! document's `previous:` and `plan:` folders, and aliases (inside the site, not taken by a
//! page, not repeated).

use crate::base::diagnostics::Diagnostic;
use crate::base::messages::Msg;
use crate::model::content::{self, SourcePage};
use crate::msg;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// A document's `previous:` and `plan:` name other documents by relative folder path.
pub(super) fn check_document_links(
    sources: &[SourcePage],
    default: &str,
    diags: &mut Vec<Diagnostic>,
) {
    let keys: HashSet<(&str, &str)> = sources
        .iter()
        .map(|s| (s.key.as_str(), s.lang.as_str()))
        .collect();
    for s in sources {
        let Some(doc) = &s.front.document else {
            continue;
        };
        for (key, written) in [("previous", &doc.previous), ("plan", &doc.plan)] {
            let Some(w) = written.as_deref().filter(|w| !w.contains("://")) else {
                continue;
            };
            let found = content::resolve_relative(s.dir(), w)
                .map(|p| content::dir_key(&p))
                .is_some_and(|k| keys.contains(&(k.as_str(), default)));
            if !found {
                let at = crate::base::locate::key(&s.text[..s.body_offset], key);
                diags.push(
                    crate::base::locate::error_at(s.shown(), &s.text, at, msg!("`{key}: {w}` does not lead to a document folder", key, w))
                        .with_hint(msg!("write the relative path of the other document's folder, e.g. ../hyvinvointikertomus-2021-2025/")),
                );
            }
        }
    }
}

/// Aliases are site paths that redirect to the page: inside the site, not taken by a page.
pub(super) fn check_aliases(
    sources: &[SourcePage],
    taken: &HashMap<String, PathBuf>,
    diags: &mut Vec<Diagnostic>,
) {
    let mut used: HashMap<String, &Path> = HashMap::new();
    for s in sources {
        for alias in &s.front.aliases {
            let yaml_end = s.body_offset;
            let at = crate::base::locate::token(&s.text[..yaml_end], alias, 0);
            let err = |message: Msg, hint: Msg| {
                crate::base::locate::error_at(s.shown(), &s.text, at, message).with_hint(hint)
            };
            match alias_path(alias) {
                None => diags.push(err(
                    msg!("alias `{alias}` is not a path inside the site", alias),
                    msg!("write an old address as /vanha/osoite/"),
                )),
                Some(p) if taken.contains_key(&p) => diags.push(err(
                    msg!("alias `{alias}` is the address of a page", alias),
                    msg!("an alias may only name an address no page uses"),
                )),
                Some(p) => {
                    if let Some(other) = used.insert(p, &s.rel) {
                        diags.push(err(
                            msg!(
                                "alias `{alias}` is also an alias of content/{other}",
                                alias,
                                other = other.display()
                            ),
                            msg!("an old address can redirect to one page only"),
                        ));
                    }
                }
            }
        }
    }
}

/// Site-relative folder of an alias (`/vanha/osoite/` → `vanha/osoite/`), or `None` when it
/// would leave the site or is not a plain path.
pub(crate) fn alias_path(alias: &str) -> Option<String> {
    let trimmed = alias.trim().trim_start_matches('/');
    if alias.contains("://") || alias.contains('\\') || trimmed.is_empty() {
        return None;
    }
    let mut parts = Vec::new();
    for part in trimmed.split('/') {
        match part {
            "" => {}
            "." | ".." => return None,
            p if p.chars().any(|c| c.is_control() || "?#%\"<>".contains(c)) => return None,
            p => parts.push(p),
        }
    }
    Some(parts.join("/") + "/")
}
