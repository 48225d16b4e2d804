//! Missing translations: pages of the default language without a version in another configured
//! language, and texts for readers in the site's YAML files written in fewer languages than the
//! site has (found from the texts the build read, not by reading the files again).

use super::{Finding, Kind};
use crate::base::diagnostics::Diagnostic;
use crate::base::locate::Source;
use crate::base::text::Written;
use crate::model::data::SiteData;
use crate::msg;
use crate::site::Site;
use std::path::Path;

pub(super) fn pages(site: &Site) -> Vec<Finding> {
    let default = site.config.default_language();
    let mut out = Vec::new();
    for (i, p) in site.enumerate() {
        if p.lang != default || p.is_card_prose() {
            continue;
        }
        let have: Vec<&str> = site
            .translations(i)
            .iter()
            .map(|&t| site[t].lang.as_str())
            .collect();
        let missing: Vec<&str> = site
            .config
            .languages
            .iter()
            .map(String::as_str)
            .filter(|l| !have.contains(l))
            .collect();
        if !missing.is_empty() {
            let name = p.rel.file_stem().unwrap_or_default().to_string_lossy();
            out.push((
                Kind::MissingTranslations,
                Diagnostic::file_error(
                    Path::new("content").join(&p.rel),
                    msg!(
                        "the page has no {missing} version",
                        missing = missing.join(", ")
                    ),
                )
                .warning()
                .with_hint(msg!(
                    "add {files} beside it; until then readers see the {default} text",
                    files = missing
                        .iter()
                        .map(|l| format!("{name}.{l}.md"))
                        .collect::<Vec<_>>()
                        .join(", "),
                    default
                )),
            ));
        }
    }
    out
}

/// Texts for readers written in fewer languages than the site has, each at the string written
/// first. The texts are those the build read: each YAML file's [`Source::texts`], every value
/// of the model's [`Text`] type, in the order they are written.
///
/// [`Text`]: crate::base::text::Text
pub(super) fn yaml(data: &SiteData<'_>) -> Vec<Finding> {
    let langs = &data.config.languages;
    if langs.len() < 2 {
        return Vec::new();
    }
    let mut out = Vec::new();
    for source in data.sources() {
        for text in &source.texts {
            let missing: Vec<&str> = match &text.written {
                Written::Plain(_) => langs[1..].iter().map(String::as_str).collect(),
                // Written in no language: nothing to name a translation of.
                Written::ByLang(map) if map.is_empty() => continue,
                Written::ByLang(map) => langs
                    .iter()
                    .map(String::as_str)
                    .filter(|l| !map.contains_key(*l))
                    .collect(),
            };
            if let (false, Some(at)) = (missing.is_empty(), &text.at) {
                out.push(report(
                    source,
                    source.text_offset(at),
                    text.first_written(),
                    &missing,
                    langs,
                ));
            }
        }
    }
    out
}

fn report(
    source: &Source,
    at: usize,
    written: &str,
    missing: &[&str],
    langs: &[String],
) -> Finding {
    let short: String = written.chars().take(40).collect();
    (
        Kind::MissingTranslations,
        source
            .error(
                at,
                msg!(
                    "\"{short}\" has no {missing} translation",
                    short,
                    missing = missing.join(", ")
                ),
            )
            .warning()
            .with_hint(msg!(
                "write it as a map by language: {{{langs}: \"…\"}}",
                langs = langs.join(": \"…\", ")
            )),
    )
}
