//! What the importer needs to know of the site it writes into: the language its texts are
//! written in, its organisations and indicators (a plan table's responsible parties and
//! indicators are matched to them by id or name), the publishing organisation, and whether
//! a page may hold raw HTML.

use super::error::ImportError;
use crate::base::messages::Lang;
use crate::base::text::{Text, Written};
use crate::model::config::{Config, RawHtml};
use std::path::Path;

/// An organisation or indicator: its id and the names it may be written with.
#[derive(Debug, Clone)]
pub(crate) struct Known {
    pub id: String,
    names: Vec<String>,
}

/// The site, as far as the importer looks.
#[derive(Debug)]
pub(crate) struct SiteInfo {
    /// The site's default language: every text the importer writes is in it.
    pub lang: Lang,
    /// site.yaml's `organisation`, when organisations.yaml has it.
    pub organisation: Option<String>,
    pub organisations: Vec<Known>,
    pub indicators: Vec<Known>,
    /// Pages may hold `<br>` (`markdown.raw_html` is not `deny`).
    pub raw_html: bool,
}

/// Lower case, single spaces, no punctuation around: how names are compared.
pub(crate) fn normalize(s: &str) -> String {
    s.to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_matches(|c: char| !c.is_alphanumeric() && c != ')' && c != '%')
        .to_string()
}

fn names(id: &str, text: &Text) -> Known {
    let mut names = vec![normalize(id)];
    match &text.written {
        Written::Plain(s) => names.push(normalize(s)),
        Written::ByLang(m) => names.extend(m.values().map(|s| normalize(s))),
    }
    Known {
        id: id.to_string(),
        names,
    }
}

/// The id of the known entry named `name` (by id or by a name in any language).
pub(crate) fn find<'a>(known: &'a [Known], name: &str) -> Option<&'a str> {
    let n = normalize(name);
    known
        .iter()
        .find(|k| k.names.contains(&n))
        .map(|k| k.id.as_str())
}

impl SiteInfo {
    /// Reads the site at `root`. Data files the site cannot read count as empty here; the
    /// build reports them.
    pub(crate) fn read(root: &Path) -> Result<SiteInfo, ImportError> {
        let content = root.join("content");
        if !content.join("site.yaml").is_file() {
            return Err(ImportError::NoSite(root.to_path_buf()));
        }
        let config =
            Config::load(root, None).map_err(|_| ImportError::SiteInvalid(root.to_path_buf()))?;
        let mut ignored = Vec::new();
        let register = crate::model::regions::Register::load(&content, &mut ignored);
        let organisations: Vec<Known> =
            crate::model::organisations::load(&content, &register, &mut ignored)
                .list
                .iter()
                .map(|o| names(&o.id, &o.name))
                .collect();
        let indicators =
            match crate::base::locate::read(&content, Path::new("data/indicators.yaml")) {
                Ok(Some(src)) => {
                    crate::base::yaml::parse::<Vec<crate::model::indicators::Indicator>>(&src.text)
                        .map(|list| list.iter().map(|i| names(&i.id, &i.title)).collect())
                        .unwrap_or_default()
                }
                _ => Vec::new(),
            };
        let organisation = config
            .organisation
            .clone()
            .filter(|o| organisations.iter().any(|k| &k.id == o));
        Ok(SiteInfo {
            lang: Lang::parse(config.default_language()).unwrap_or(Lang::Fi),
            organisation,
            organisations,
            indicators,
            raw_html: config.raw_html != RawHtml::Deny,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_by_id_or_name_in_any_case() {
        let known = vec![names(
            "sivistystoimi",
            &Text::by_lang(
                [
                    ("fi".to_string(), "Sivistystoimi".to_string()),
                    ("sv".to_string(), "Bildningsväsendet".to_string()),
                ]
                .into_iter()
                .collect(),
            ),
        )];
        assert_eq!(find(&known, " SIVISTYSTOIMI."), Some("sivistystoimi"));
        assert_eq!(find(&known, "bildningsväsendet"), Some("sivistystoimi"));
        assert_eq!(find(&known, "Tekninen toimi"), None);
    }
}
