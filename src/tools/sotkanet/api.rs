//! A small client for THL's Sotkanet REST API (`../shared/spec/sotkanet.md`): the JSON shapes
//! it answers with, kept apart from kertomus's own model, and one GET helper that turns every
//! failure into an error naming the address.

use crate::base::messages::Lang;
use crate::msg;
use serde::de::DeserializeOwned;
use serde::Deserialize;
use std::time::Duration;

/// The public API; `--api URL` points elsewhere (a mirror, or a test server).
pub const DEFAULT_BASE: &str = "https://sotkanet.fi/rest/1.1/";

/// Answers of the data endpoint for every region of an indicator over 20 years run to a few
/// megabytes; ureq's default limit of 10 MB is close enough to that to be raised.
const BODY_LIMIT: u64 = 256 * 1024 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("{url}: the server answered HTTP {status}{}", excerpt(.body))]
    Status {
        url: String,
        status: u16,
        body: String,
    },
    #[error("{url}: {message}")]
    Transport { url: String, message: String },
    #[error("{url}: the answer is not the JSON Sotkanet sends: {message}")]
    Json { url: String, message: String },
}

impl ApiError {
    /// What went wrong, in `lang`; the server's own words stay as they are.
    pub fn render(&self, lang: Lang) -> String {
        let m = match self {
            ApiError::Status { url, status, body } => msg!(
                "{url}: the server answered HTTP {status}{body}",
                url,
                status,
                body = excerpt(body)
            ),
            ApiError::Transport { url, message } => msg!("{url}: {message}", url, message),
            ApiError::Json { url, message } => msg!(
                "{url}: the answer is not the JSON Sotkanet sends: {message}",
                url,
                message
            ),
        };
        m.render(lang)
    }
}

fn excerpt(body: &str) -> String {
    let body = body.trim();
    if body.is_empty() {
        return String::new();
    }
    let short: String = body.chars().take(200).collect();
    format!(" ({short})")
}

/// A text in Sotkanet's three languages; any of them may be missing.
#[derive(Debug, Clone, Default, Deserialize)]
pub(super) struct Lang3 {
    pub fi: Option<String>,
    pub sv: Option<String>,
    pub en: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub(super) struct ApiRegion {
    pub id: u32,
    pub code: String,
    pub category: String,
}

#[derive(Debug, Clone, Deserialize)]
pub(super) struct ValueType {
    pub code: String,
    #[serde(default)]
    pub title: Lang3,
}

#[derive(Debug, Clone, Deserialize)]
pub(super) struct Organization {
    pub id: u32,
    #[serde(default)]
    pub title: Lang3,
}

/// `GET indicators/{id}`: only the fields kertomus fills into indicators.yaml.
#[derive(Debug, Clone, Deserialize)]
pub(super) struct ApiIndicator {
    #[serde(default)]
    pub title: Lang3,
    #[serde(rename = "primaryValueType")]
    pub primary_value_type: Option<ValueType>,
    pub decimals: Option<u8>,
    pub organization: Option<Organization>,
}

/// One row of `GET json?indicator=…`.
#[derive(Debug, Clone, Deserialize)]
pub(super) struct ApiRow {
    pub region: u32,
    pub year: i32,
    pub gender: String,
    pub value: Option<f64>,
    #[serde(rename = "absValue")]
    pub abs_value: Option<f64>,
}

pub(super) struct Client {
    base: String,
    agent: ureq::Agent,
}

impl Client {
    pub(super) fn new(base: &str) -> Client {
        let base = if base.ends_with('/') {
            base.to_string()
        } else {
            format!("{base}/")
        };
        let agent = ureq::Agent::config_builder()
            // Sotkanet has refused requests without a User-Agent.
            .user_agent(concat!("kertomus/", env!("CARGO_PKG_VERSION")))
            .timeout_global(Some(Duration::from_secs(120)))
            .http_status_as_error(false)
            .build()
            .into();
        Client { base, agent }
    }

    pub(super) fn regions(&self) -> Result<Vec<ApiRegion>, ApiError> {
        self.get("regions")
    }

    pub(super) fn indicator(&self, id: u32) -> Result<ApiIndicator, ApiError> {
        self.get(&format!("indicators/{id}"))
    }

    /// Every region's rows for the years and genders; both are required by the API and are
    /// repeated parameters, not comma lists.
    pub(super) fn data(
        &self,
        id: u32,
        years: (i32, i32),
        genders: &[&str],
    ) -> Result<Vec<ApiRow>, ApiError> {
        let mut query = format!("json?indicator={id}");
        for y in years.0..=years.1 {
            query.push_str(&format!("&years={y}"));
        }
        for g in genders {
            query.push_str(&format!("&genders={g}"));
        }
        self.get(&query)
    }

    fn get<T: DeserializeOwned>(&self, path: &str) -> Result<T, ApiError> {
        let url = format!("{}{path}", self.base);
        let transport = |e: ureq::Error| ApiError::Transport {
            url: url.clone(),
            message: e.to_string(),
        };
        let mut response = self.agent.get(&url).call().map_err(transport)?;
        let status = response.status().as_u16();
        let body = response
            .body_mut()
            .with_config()
            .limit(BODY_LIMIT)
            .read_to_string()
            .map_err(transport)?;
        if status != 200 {
            return Err(ApiError::Status { url, status, body });
        }
        serde_json::from_str(&body).map_err(|e| ApiError::Json {
            url,
            message: e.to_string(),
        })
    }
}

/// An indicator's metadata as kertomus keeps it in indicators.yaml.
pub(super) fn to_meta(id: &str, m: &ApiIndicator) -> super::fill::Meta {
    let title = [
        ("fi", &m.title.fi),
        ("sv", &m.title.sv),
        ("en", &m.title.en),
    ]
    .into_iter()
    .filter_map(|(l, t)| t.as_ref().map(|t| (l, t.trim().to_string())))
    .collect();
    let producer = m
        .organization
        .as_ref()
        .and_then(|o| o.title.fi.clone().or(o.title.en.clone()));
    // THL's own indicators are CC BY 4.0; other producers may have other terms.
    let licence = m
        .organization
        .as_ref()
        .filter(|o| o.id == 2)
        .map(|_| "CC BY 4.0".to_string());
    super::fill::Meta {
        id: id.to_string(),
        title,
        unit: m.primary_value_type.as_ref().map(unit),
        decimals: m.decimals,
        producer,
        licence,
    }
}

/// A unit as kertomus shows it after a number.
fn unit(t: &ValueType) -> String {
    match t.code.as_str() {
        "PROS" => "%".into(),
        "PER1000" => "/ 1 000".into(),
        "PER10000" => "/ 10 000".into(),
        "PER100000" => "/ 100 000".into(),
        "INDEKSI" => "indeksi".into(),
        _ => t.title.fi.clone().unwrap_or_else(|| t.code.to_lowercase()),
    }
}
