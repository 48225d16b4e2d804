//! Survey views (spec §10): a page per survey with every question, and the `survey()`
//! shortcode for one question. Single-choice questions show the distribution per respondent
//! group (stacked bars and a table of counts and shares) with n, mean (KA) and standard
//! deviation (hajonta); groups whose counts are unknown show the published figures as such.

use super::html::{md, plain, tx};
use super::view::View;
use crate::charts::stacked::{Stacked, StackedRow};
use crate::escape::Html;
use crate::surveys::{stats, Question, QuestionType, Survey};
use serde::Serialize;

#[derive(Debug, Serialize)]
pub(crate) struct StatRow {
    pub group: String,
    pub n: Option<String>,
    pub mean: Option<String>,
    pub sd: Option<String>,
    /// The figures are the published ones (no counts to compute from).
    pub as_published: bool,
}

#[derive(Debug, Serialize)]
pub(crate) struct AnswerView {
    pub text: Html,
    pub groups: Vec<String>,
}

#[derive(Debug, Serialize)]
pub(crate) struct ThemeView {
    pub title: Html,
    pub answers: Vec<AnswerView>,
}

#[derive(Debug, Serialize)]
pub(crate) struct QuestionView {
    pub id: String,
    pub text: Html,
    pub single_choice: bool,
    pub options: Vec<Html>,
    pub chart: Option<Html>,
    pub stats: Vec<StatRow>,
    pub themes: Vec<ThemeView>,
}

#[derive(Debug, Serialize)]
pub(crate) struct SectionView {
    pub title: Html,
    pub questions: Vec<QuestionView>,
}

#[derive(Debug, Serialize)]
pub(crate) struct SurveyView {
    pub id: String,
    pub title: Html,
    pub plain_title: String,
    pub href: String,
    pub description: Option<Html>,
    pub date: Option<super::context::DateView>,
    pub groups: Vec<String>,
    pub sections: Vec<SectionView>,
    pub question_count: usize,
}

impl View<'_> {
    pub(crate) fn question_view(&self, s: &Survey, q: &Question, lang: &str) -> QuestionView {
        let d = self.model.config.default_language();
        let results = s.ordered_results(q);
        let counted: Vec<StackedRow> = results
            .iter()
            .filter_map(|(g, r)| {
                r.counts.as_ref().map(|c| StackedRow {
                    label: (*g).to_string(),
                    counts: c.clone(),
                })
            })
            .collect();
        let options: Vec<String> = q.options.iter().map(|o| plain(o, lang, d)).collect();
        let chart = (q.kind == QuestionType::SingleChoice && !counted.is_empty()).then(|| {
            Stacked {
                classes: Vec::new(),
                id: &format!("{}-{}", s.id, q.id),
                // The question is the heading just above: the caption does not repeat it.
                title: &self.word(lang, "survey_distribution"),
                lang,
                categories: options.clone(),
                rows: counted,
                row_head: &self.word(lang, "survey_option"),
                total_head: "n",
                uncounted: results
                    .iter()
                    .filter(|(_, r)| r.counts.is_none())
                    .map(|(g, _)| ((*g).to_string(), self.word(lang, "survey_only_published")))
                    .collect(),
                survey: true,
                label: &format!(
                    "{}: {}",
                    self.word(lang, "survey_distribution"),
                    plain(&q.text, lang, d)
                ),
            }
            .render()
        });
        let stats_rows = stat_rows(&results, lang);
        QuestionView {
            id: q.id.clone(),
            text: tx(&q.text, lang, d),
            single_choice: q.kind == QuestionType::SingleChoice,
            options: q.options.iter().map(|o| tx(o, lang, d)).collect(),
            chart,
            stats: stats_rows,
            themes: q
                .themes
                .iter()
                .map(|t| ThemeView {
                    title: tx(&t.title, lang, d),
                    answers: t
                        .answers
                        .iter()
                        .map(|a| AnswerView {
                            text: tx(&a.text, lang, d),
                            groups: a.groups.clone(),
                        })
                        .collect(),
                })
                .collect(),
        }
    }

    pub(crate) fn survey_view(&self, s: &Survey, lang: &str) -> SurveyView {
        let d = self.model.config.default_language();
        SurveyView {
            id: s.id.clone(),
            title: tx(&s.title, lang, d),
            plain_title: plain(&s.title, lang, d),
            href: self.href(&self.addresses.survey(s, lang)),
            description: s.description.as_ref().map(|t| md(t, lang, d)),
            date: s
                .date
                .as_ref()
                .map(|x| super::context::DateView::new(x, lang)),
            groups: s.groups.clone(),
            sections: s
                .sections
                .iter()
                .map(|sec| SectionView {
                    title: tx(&sec.title, lang, d),
                    questions: sec
                        .questions
                        .iter()
                        .map(|q| self.question_view(s, q, lang))
                        .collect(),
                })
                .collect(),
            question_count: s.sections.iter().map(|x| x.questions.len()).sum(),
        }
    }
}

/// The key figures of each group: computed from the counts, or as published.
fn stat_rows(results: &[(&str, &crate::surveys::GroupResult)], lang: &str) -> Vec<StatRow> {
    let num = |v: f64| crate::numbers::format(v, 2, lang);
    results
        .iter()
        .map(|(g, r)| match r.counts.as_deref().and_then(stats) {
            Some(st) => StatRow {
                group: (*g).to_string(),
                n: Some(st.n.to_string()),
                mean: Some(num(st.mean)),
                sd: Some(num(st.sd)),
                as_published: false,
            },
            None => StatRow {
                group: (*g).to_string(),
                n: r.published.and_then(|p| p.n).map(|n| n.to_string()),
                mean: r.published.and_then(|p| p.mean).map(num),
                sd: r.published.and_then(|p| p.sd).map(num),
                as_published: true,
            },
        })
        .collect()
}
