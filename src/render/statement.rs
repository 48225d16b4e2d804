//! The accessibility statement (saavutettavuusseloste, tillgänglighetsutlåtande), generated
//! from `accessibility:` in site.yaml with the content of the EU model statement (2018/1523)
//! and the Finnish supervisor's requirements: what it covers, the compliance status against
//! WCAG 2.1 AA, non-accessible content and why, how and when it was prepared, the feedback
//! channel with its 14-day answer time, and the enforcement procedure.

use super::context::DateView;
use super::html::tx;
use super::view::View;
use crate::base::escape::Html;
use crate::model::config::{Compliance, Method, Supervisor};
use serde::Serialize;

#[derive(Debug, Serialize)]
pub(crate) struct SupervisorView {
    pub name: Html,
    pub unit: Html,
    pub url: crate::base::url::Url,
    pub email: crate::base::url::Email,
    pub phone: String,
}

#[derive(Debug, Serialize)]
pub(crate) struct StatementView {
    pub site_title: String,
    pub site_url: String,
    /// `full`, `partial`, `none`, or `unknown` when site.yaml has no `accessibility:`.
    pub status: String,
    pub known_issues: Vec<Html>,
    pub burden: Vec<Html>,
    pub out_of_scope: Vec<Html>,
    pub prepared: Option<DateView>,
    pub reviewed: Option<DateView>,
    pub third_party: bool,
    pub assessed_by: Option<Html>,
    pub feedback_email: Option<crate::base::url::Email>,
    pub feedback_url: Option<crate::base::url::Url>,
    pub supervisor: SupervisorView,
}

impl View<'_> {
    pub(crate) fn statement_view(&self, lang: &str) -> StatementView {
        let d = self.model.config.default_language();
        let a = self.model.config.accessibility.as_ref();
        let texts = |v: &[crate::base::text::Text]| v.iter().map(|t| tx(t, lang, d)).collect();
        let default_supervisor = Supervisor::default();
        let s = a.map_or(&default_supervisor, |a| &a.supervisor);
        StatementView {
            site_title: self.model.config.title.get(lang, d).text,
            site_url: self.model.config.base_url.clone(),
            status: match a.map(|a| a.compliance) {
                Some(Compliance::Full) => "full",
                Some(Compliance::Partial) => "partial",
                Some(Compliance::None) => "none",
                None => "unknown",
            }
            .to_string(),
            known_issues: a.map(|a| texts(&a.known_issues)).unwrap_or_default(),
            burden: a
                .map(|a| texts(&a.disproportionate_burden))
                .unwrap_or_default(),
            out_of_scope: a.map(|a| texts(&a.out_of_scope)).unwrap_or_default(),
            prepared: a
                .and_then(|a| a.prepared.as_ref())
                .map(|x| DateView::new(x, lang)),
            reviewed: a
                .and_then(|a| a.reviewed.as_ref())
                .map(|x| DateView::new(x, lang)),
            third_party: a.is_some_and(|a| a.method == Method::ThirdParty),
            assessed_by: a
                .and_then(|a| a.assessed_by.as_ref())
                .map(|t| tx(t, lang, d)),
            feedback_email: a.and_then(|a| a.feedback_email.clone()).or_else(|| {
                self.model
                    .config
                    .contact
                    .as_ref()
                    .and_then(|c| c.email.clone())
            }),
            feedback_url: a.and_then(|a| a.feedback_url.clone()),
            supervisor: SupervisorView {
                name: tx(&s.name, lang, d),
                unit: tx(&s.unit, lang, d),
                url: s.url.clone(),
                email: s.email.clone(),
                phone: s.phone.clone(),
            },
        }
    }
}
