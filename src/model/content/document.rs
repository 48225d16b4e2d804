//! Documents (spec §5): a folder whose `index.md` has a `document:` block. This module holds
//! the block's raw shape and its validation into `RawDocument`.

use crate::base::dates::{Date, YearRange};
use crate::base::messages::Msg;
use crate::base::text::Text;
use crate::base::url::Url;
use crate::msg;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
pub(crate) enum DocType {
    #[serde(rename = "kertomus")]
    Kertomus,
    #[serde(rename = "suunnitelma")]
    Suunnitelma,
    #[serde(rename = "kertomus+suunnitelma")]
    KertomusSuunnitelma,
    #[serde(rename = "vuosiraportti")]
    Vuosiraportti,
}

impl DocType {
    /// Key of the type's name in the theme's i18n strings.
    pub(crate) fn i18n_key(self) -> &'static str {
        match self {
            DocType::Kertomus => "doc_type_kertomus",
            DocType::Suunnitelma => "doc_type_suunnitelma",
            DocType::KertomusSuunnitelma => "doc_type_kertomus_suunnitelma",
            DocType::Vuosiraportti => "doc_type_vuosiraportti",
        }
    }

    pub(crate) fn has_plan(self) -> bool {
        matches!(self, DocType::Suunnitelma | DocType::KertomusSuunnitelma)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum DocStatus {
    Draft,
    InHandling,
    Approved,
    Superseded,
}

/// The names of each value in English, Finnish and Swedish (content format §13.1).
const DOC_STATUS_NAMES: &[crate::base::vocabulary::Names<DocStatus>] = &[
    crate::base::vocabulary::Names {
        value: DocStatus::Draft,
        en: &["draft"],
        fi: &["luonnos"],
        sv: &["utkast"],
    },
    crate::base::vocabulary::Names {
        value: DocStatus::InHandling,
        en: &["in_handling"],
        fi: &["käsittelyssä"],
        sv: &["under_behandling"],
    },
    crate::base::vocabulary::Names {
        value: DocStatus::Approved,
        en: &["approved"],
        fi: &["hyväksytty"],
        sv: &["godkänd"],
    },
    crate::base::vocabulary::Names {
        value: DocStatus::Superseded,
        en: &["superseded"],
        fi: &["korvattu"],
        sv: &["ersatt"],
    },
];
crate::base::vocabulary::vocabulary!(DocStatus, "a document status", DOC_STATUS_NAMES);

impl DocStatus {
    pub(crate) fn i18n_key(self) -> &'static str {
        match self {
            DocStatus::Draft => "status_draft",
            DocStatus::InHandling => "status_in_handling",
            DocStatus::Approved => "status_approved",
            DocStatus::Superseded => "status_superseded",
        }
    }
}

/// One handling step (käsittelyvaihe).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Handling {
    pub body: Text,
    pub date: Date,
    #[serde(default)]
    pub section: Option<String>,
    #[serde(default)]
    pub minutes_url: Option<Url>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Related {
    pub title: Text,
    pub url: Url,
}

/// The `document:` block as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawDocument {
    #[serde(rename = "type")]
    pub kind: DocType,
    #[serde(default)]
    pub organisation: Option<String>,
    #[serde(default)]
    pub council_term: Option<YearRange>,
    #[serde(default)]
    pub period: Option<YearRange>,
    #[serde(default)]
    pub status: Option<DocStatus>,
    #[serde(default)]
    pub handling: Vec<Handling>,
    #[serde(default)]
    pub approval: Option<Handling>,
    #[serde(default)]
    pub previous: Option<String>,
    #[serde(default)]
    pub related: Vec<Related>,
    #[serde(default)]
    pub plan: Option<String>,
    #[serde(default)]
    pub year: Option<i32>,
    /// An annual report of a regional plan that also lists the contributing plans' measures.
    #[serde(default, deserialize_with = "crate::base::vocabulary::yes_no")]
    pub include_contributors: bool,
}

/// A problem in a document block: the key it concerns and what to say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DocProblem {
    pub key: &'static str,
    pub message: Msg,
    pub hint: Msg,
}

/// A problem at `key` with its message and hint.
fn problem(key: &'static str, message: Msg, hint: Msg) -> DocProblem {
    DocProblem { key, message, hint }
}

impl RawDocument {
    /// Checks what the types alone cannot: required keys per type and sane years and dates.
    pub(crate) fn validate(&self) -> Vec<DocProblem> {
        let mut out = self.annual_report_keys();
        out.extend(self.period_in_term());
        out.extend(self.approval_problems());
        out.extend(self.handling_order());
        out
    }

    /// `plan:` and `year:` are required of annual reports and belong to them only.
    fn annual_report_keys(&self) -> Vec<DocProblem> {
        let mut out = Vec::new();
        if self.kind != DocType::Vuosiraportti {
            if self.plan.is_some() || self.year.is_some() {
                let key = if self.plan.is_some() { "plan" } else { "year" };
                out.push(problem(
                    key,
                    msg!("`{key}` belongs to annual reports only", key),
                    msg!("set `type: vuosiraportti`, or remove the key"),
                ));
            }
            return out;
        }
        if self.plan.is_none() {
            out.push(problem(
                "type",
                msg!("an annual report (vuosiraportti) needs `plan:`"),
                msg!("name the plan it reports on, e.g. plan: ../suunnitelma-2025-2029/"),
            ));
        }
        match self.year {
            None => out.push(problem(
                "type",
                msg!("an annual report (vuosiraportti) needs `year:`"),
                msg!("name the year it reports on, e.g. year: 2026"),
            )),
            Some(y) if !(1900..=2200).contains(&y) => out.push(problem(
                "year",
                msg!("year {y} is not a plausible year", y),
                msg!("write the four-digit year the report covers"),
            )),
            _ => {}
        }
        out
    }

    fn period_in_term(&self) -> Option<DocProblem> {
        let (term, period) = (self.council_term?, self.period?);
        (period.start < term.start - 1 || period.start > term.end + 1).then(|| {
            problem(
                "period",
                msg!(
                    "period {human} does not fit council term {human2}",
                    human = period.human(),
                    human2 = term.human()
                ),
                msg!("a welfare plan is prepared for the council term it is valid in"),
            )
        })
    }

    /// An approved document has an approval, and it comes after every handling step.
    fn approval_problems(&self) -> Option<DocProblem> {
        let Some(approval) = &self.approval else {
            return (self.status == Some(DocStatus::Approved)).then(|| {
                problem(
                    "status",
                    msg!("status is `approved` but there is no `approval:`"),
                    msg!("add approval: {{body: \"Aluevaltuusto\", date: 2026-04-14, section: \"§ 12\"}}"),
                )
            });
        };
        let last = self.handling.iter().map(|h| h.date).max()?;
        (approval.date < last).then(|| {
            problem(
                "approval",
                msg!(
                    "approval on {iso} is earlier than a handling step ({iso2})",
                    iso = approval.date.iso(),
                    iso2 = last.iso()
                ),
                msg!("approval is the last step; check the dates"),
            )
        })
    }

    /// The first handling step out of date order, if any.
    fn handling_order(&self) -> Option<DocProblem> {
        let out_of_order = self.handling.windows(2).find(|w| w[1].date < w[0].date)?;
        Some(problem(
            "handling",
            msg!(
                "handling steps are not in date order ({iso} comes after a later step)",
                iso = out_of_order[1].date.iso()
            ),
            msg!("list the steps in the order they happened"),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(yaml: &str) -> Result<RawDocument, crate::base::yaml::YamlError> {
        crate::base::yaml::parse(yaml)
    }

    #[test]
    fn parses_the_spec_example() {
        let d = doc("type: kertomus+suunnitelma\ncouncil_term: 2025-2029\nperiod: 2025-2029\nstatus: approved\nhandling:\n  - {body: Aluehallitus, date: 2026-03-16, section: \"§ 45\"}\napproval: {body: Aluevaltuusto, date: 2026-04-14, section: \"§ 12\", minutes_url: \"https://example.fi/\"}\n").unwrap();
        assert!(d.validate().is_empty());
        assert!(d.kind.has_plan());
    }

    #[test]
    fn annual_report_needs_plan_and_year() {
        let d = doc("type: vuosiraportti\n").unwrap();
        let problems = d.validate();
        assert_eq!(problems.len(), 2, "{problems:?}");
    }

    #[test]
    fn bad_type_and_dates_are_rejected() {
        assert!(doc("type: raportti\n").unwrap_err().hint.is_some());
        let e = doc("type: kertomus\napproval: {body: V, date: 2026-13-01}\n").unwrap_err();
        assert!(e.message.contains("not a valid date"), "{}", e.message);
    }
}
