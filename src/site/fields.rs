//! The Markdown of the YAML fields, checked once per text: each language it is written in is
//! rendered as its readers see it ([`markdown::Fields`], the page's event loop), and its
//! problems (a link to a page that does not exist, raw HTML the site does not allow, a
//! `page.md#anchor` without that heading) are placed in the YAML file. The views render the
//! same texts again where they show them; they report nothing, so each problem is reported
//! once, not once per page the text is on.

use super::Site;
use crate::base::diagnostics::Diagnostic;
use crate::base::text::Written;
use crate::markdown::{self, Fields};
use crate::model::markdown_texts::MarkdownText;
use rayon::prelude::*;

/// The problems of the Markdown texts, in the order of `texts`.
pub(crate) fn check(
    site: &Site,
    fields: &Fields<'_>,
    texts: &[MarkdownText<'_>],
) -> Vec<Diagnostic> {
    let default = site.config.default_language();
    let found: Vec<Vec<Diagnostic>> = texts
        .par_iter()
        .map(|t| {
            let place = markdown::Place {
                source: t.source,
                spot: t.spot,
                entry: t.entry,
            };
            let mut diags = Vec::new();
            for (lang, text) in written(&t.text.written, default) {
                let out = fields.render(text, lang, Some(&place));
                diags.extend(out.diagnostics);
                let missing = out
                    .anchor_refs
                    .into_iter()
                    .filter(|r| !site[r.page].ids.contains(&r.anchor));
                diags.extend(missing.map(|r| r.missing));
            }
            diags
        })
        .collect();
    found.into_iter().flatten().collect()
}

/// Each string of a text with the language it is written in.
fn written<'t>(w: &'t Written, default: &'t str) -> Vec<(&'t str, &'t str)> {
    match w {
        Written::Plain(s) => vec![(default, s.as_str())],
        Written::ByLang(map) => map.iter().map(|(l, s)| (l.as_str(), s.as_str())).collect(),
    }
}
