//! `content/site.yaml`: the raw YAML shape (spec §3) and the validated [`Config`] the build uses.

use crate::base::dates::Date;
use crate::base::diagnostics::Diagnostic;
use crate::base::locate::Source;
use crate::base::messages::Msg;
use crate::base::text::{is_language_code, Text};
use crate::base::url::{Email, Url};
use crate::msg;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

/// site.yaml as written. Unknown keys are errors, so a typo never silently does nothing.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSite {
    title: Text,
    #[serde(default)]
    description: Option<Text>,
    #[serde(default)]
    base_url: Option<String>,
    #[serde(default)]
    languages: Option<Vec<String>>,
    #[serde(default)]
    organisation: Option<String>,
    #[serde(default)]
    home_region: Option<String>,
    #[serde(default)]
    compare_regions: Vec<String>,
    #[serde(default)]
    municipality_cards: Option<MunicipalityCards>,
    #[serde(default)]
    contact: Option<Contact>,
    #[serde(default)]
    accessibility: Option<Accessibility>,
    #[serde(default)]
    markdown: Option<MarkdownConfig>,
    #[serde(default)]
    theme: Option<String>,
    #[serde(default)]
    indicator_lists: Vec<IndicatorListConfig>,
}

/// A list of indicators the report is expected to cover (spec §13.4), such as THL's proposal
/// for the minimum content of welfare reports.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndicatorListConfig {
    /// The list, relative to `content/`: a CSV with the columns id;title;group.
    pub file: String,
    pub title: Text,
    /// Indicators left out on purpose, with the reason shown to readers.
    #[serde(default)]
    pub omitted: BTreeMap<String, Text>,
    /// The documents the list is an appendix of, by folder under `content/`; when none are
    /// named, every report (kertomus, kertomus+suunnitelma) that is not superseded.
    #[serde(default)]
    pub documents: Vec<String>,
}

/// Kuntakortit: one card per member municipality of `region` (spec §9).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MunicipalityCards {
    pub region: String,
    #[serde(default)]
    pub indicators: Vec<String>,
}

/// Who readers contact about the site; shown in every page's footer.
#[derive(Debug, Clone, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    pub name: Text,
    #[serde(default)]
    pub email: Option<Email>,
    #[serde(default)]
    pub phone: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Compliance {
    Full,
    Partial,
    None,
}

/// How the statement's assessment was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    #[default]
    SelfAssessment,
    ThirdParty,
}

/// The authority that enforces accessibility (valvontaviranomainen). Since 1.1.2025 it is
/// Traficom's Digital Accessibility Supervision; a site may override any field.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Supervisor {
    #[serde(default = "Supervisor::default_name")]
    pub name: Text,
    #[serde(default = "Supervisor::default_unit")]
    pub unit: Text,
    #[serde(default = "Supervisor::default_url")]
    pub url: Url,
    #[serde(default = "Supervisor::default_email")]
    pub email: Email,
    #[serde(default = "Supervisor::default_phone")]
    pub phone: String,
}

impl Supervisor {
    fn by_lang(fi: &str, sv: &str, en: &str) -> Text {
        Text::by_lang(
            [("fi", fi), ("sv", sv), ("en", en)]
                .into_iter()
                .map(|(l, t)| (l.to_string(), t.to_string()))
                .collect(),
        )
    }
    fn default_name() -> Text {
        Self::by_lang(
            "Liikenne- ja viestintävirasto Traficom",
            "Transport- och kommunikationsverket Traficom",
            "Finnish Transport and Communications Agency Traficom",
        )
    }
    fn default_unit() -> Text {
        Self::by_lang(
            "Digitaalisen esteettömyyden valvonta",
            "Tillsynen över digital tillgänglighet",
            "Digital Accessibility Supervision",
        )
    }
    fn default_url() -> Url {
        Url::parse("https://www.saavutettavuusvaatimukset.fi/").expect("a valid built-in URL")
    }
    fn default_email() -> Email {
        Email::parse("saavutettavuus@traficom.fi").expect("a valid built-in address")
    }
    fn default_phone() -> String {
        "029 534 5000".into()
    }
}

impl Default for Supervisor {
    fn default() -> Self {
        Supervisor {
            name: Self::default_name(),
            unit: Self::default_unit(),
            url: Self::default_url(),
            email: Self::default_email(),
            phone: Self::default_phone(),
        }
    }
}

/// Drives the generated accessibility statement (spec §3).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Accessibility {
    pub compliance: Compliance,
    /// Content that does not meet the requirements (non-compliance), and why.
    #[serde(default)]
    pub known_issues: Vec<Text>,
    /// Content left inaccessible because fixing it would be a disproportionate burden.
    #[serde(default)]
    pub disproportionate_burden: Vec<Text>,
    /// Content outside the law's scope (e.g. third-party content, old documents).
    #[serde(default)]
    pub out_of_scope: Vec<Text>,
    #[serde(default)]
    pub feedback_email: Option<Email>,
    #[serde(default)]
    pub feedback_url: Option<Url>,
    #[serde(default)]
    pub prepared: Option<Date>,
    #[serde(default)]
    pub reviewed: Option<Date>,
    #[serde(default)]
    pub method: Method,
    /// Who assessed the site, for a third-party assessment.
    #[serde(default)]
    pub assessed_by: Option<Text>,
    #[serde(default)]
    pub supervisor: Supervisor,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RawHtml {
    /// Raw HTML is cleaned with ammonia: no scripts, event handlers or `javascript:` URLs.
    #[default]
    Sanitize,
    /// Raw HTML passes through untouched (trusted authors only).
    Allow,
    /// Raw HTML is a build error.
    Deny,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct MarkdownConfig {
    #[serde(default)]
    raw_html: RawHtml,
}

/// The validated site configuration.
#[derive(Debug, Clone)]
pub struct Config {
    pub title: Text,
    pub description: Option<Text>,
    /// Absolute base URL, always ending in `/`.
    pub base_url: String,
    /// The path part of `base_url` (`/` or `/hyte/`), prefixed to every link.
    pub base_path: String,
    /// The first is the default language, served at `/`.
    pub languages: Vec<String>,
    pub organisation: Option<String>,
    pub home_region: Option<String>,
    pub compare_regions: Vec<String>,
    pub municipality_cards: Option<MunicipalityCards>,
    pub indicator_lists: Vec<IndicatorListConfig>,
    pub contact: Option<Contact>,
    pub accessibility: Option<Accessibility>,
    pub raw_html: RawHtml,
    pub theme: String,
    /// site.yaml, for placing errors found after parsing, with its texts.
    pub(crate) source: Source,
}

impl Config {
    pub fn default_language(&self) -> &str {
        &self.languages[0]
    }

    /// Reads and validates `content/site.yaml`. `base_url` overrides the file's value.
    pub fn load(root: &Path, base_url: Option<&str>) -> Result<Config, Vec<Diagnostic>> {
        let rel = Path::new("content/site.yaml");
        let path = root.join(rel);
        let text = match std::fs::read(&path) {
            Ok(bytes) => crate::base::locate::utf8(rel, bytes).map_err(|d| vec![d])?,
            Err(e) => {
                return Err(vec![Diagnostic::file_error(rel, msg!("cannot read site configuration: {e}", e))
                    .with_hint(msg!("every site needs content/site.yaml; `kertomus init DIR` writes a starting point"))]);
            }
        };
        Config::parse(&text, rel, base_url)
    }

    pub fn parse(
        text: &str,
        rel: &Path,
        base_url: Option<&str>,
    ) -> Result<Config, Vec<Diagnostic>> {
        let mut source = Source::new(rel, text.to_string());
        let raw: RawSite = source.parse().map_err(|e| {
            let d = Diagnostic::at_line_col(rel, text, e.line, e.col, e.message);
            vec![match e.hint {
                Some(h) => d.with_hint(h),
                None => d,
            }]
        })?;
        let mut errors = Vec::new();
        let at_key = |key: &str, message: Msg| {
            crate::base::locate::error_at(rel, text, crate::base::locate::key(text, key), message)
        };

        let languages = languages(raw.languages, &at_key, &mut errors);
        let given = base_url
            .map(str::to_string)
            .or(raw.base_url)
            .unwrap_or_else(|| "/".to_string());
        let (base_url, base_path) = normalize_base_url(&given).unwrap_or_else(|msg| {
            errors.push(at_key("base_url", msg).with_hint(msg!(
                "write an absolute URL such as https://hyvinvointi.example.fi/"
            )));
            ("/".to_string(), "/".to_string())
        });
        let theme = raw.theme.unwrap_or_else(|| "default".to_string());
        if !is_theme_name(&theme) {
            errors.push(
                at_key("theme", msg!("`{theme}` is not a theme name", theme)).with_hint(msg!(
                    "a theme name is a folder name under themes/ made of letters, digits, - and _"
                )),
            );
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Config {
            title: raw.title,
            description: raw.description,
            base_url,
            base_path,
            languages,
            organisation: raw.organisation,
            home_region: raw.home_region,
            compare_regions: raw.compare_regions,
            municipality_cards: raw.municipality_cards,
            indicator_lists: raw.indicator_lists,
            contact: raw.contact,
            accessibility: raw.accessibility,
            raw_html: raw.markdown.unwrap_or_default().raw_html,
            theme,
            source,
        })
    }
}

/// The site's languages (Finnish when not given): at least one, each an ISO 639-1 code, none
/// twice.
fn languages(
    given: Option<Vec<String>>,
    at_key: &dyn Fn(&str, Msg) -> Diagnostic,
    errors: &mut Vec<Diagnostic>,
) -> Vec<String> {
    let languages = given.unwrap_or_else(|| vec!["fi".to_string()]);
    if languages.is_empty() {
        errors.push(
            at_key("languages", msg!("`languages` is empty"))
                .with_hint(msg!("list at least one language, e.g. languages: [fi, sv]")),
        );
    }
    for (i, l) in languages.iter().enumerate() {
        if !is_language_code(l) {
            errors.push(
                at_key("languages", msg!("`{l}` is not a language code", l))
                    .with_hint(msg!("use ISO 639-1 codes such as fi, sv, en")),
            );
        } else if languages[..i].contains(l) {
            errors.push(at_key(
                "languages",
                msg!("language `{l}` is listed twice", l),
            ));
        }
    }
    languages
}

/// A theme is a folder under `themes/`: letters, digits, `-` and `_`.
fn is_theme_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// Splits a base URL into (absolute URL ending in `/`, its path ending in `/`).
fn normalize_base_url(given: &str) -> Result<(String, String), Msg> {
    let mut url = given.trim().to_string();
    if !url.ends_with('/') {
        url.push('/');
    }
    if url.starts_with('/') {
        return Ok((url.clone(), url));
    }
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or_else(|| {
            msg!(
                "base_url `{given}` must start with https:// or http://",
                given
            )
        })?;
    let path = match rest.find('/') {
        Some(i) if i > 0 => rest[i..].to_string(),
        _ => return Err(msg!("base_url `{given}` has no host name", given)),
    };
    Ok((url, path))
}

#[cfg(test)]
mod tests;
