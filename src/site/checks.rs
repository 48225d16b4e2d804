//! The checks of the pages' own links between each other before Markdown is rendered: a
//! document's `previous:` and `plan:` folders. (Aliases are addresses, checked with every
//! other address by `routes::clashes`.)

use crate::base::diagnostics::Diagnostic;
use crate::model::content::{self, SourcePage};
use crate::msg;
use std::collections::HashSet;

/// A document's `previous:` and `plan:` name other documents by relative folder path.
pub(crate) fn check_document_links(
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
