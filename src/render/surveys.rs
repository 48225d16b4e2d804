//! Survey views (spec §10): a page per survey with every question, and the `survey()`
//! shortcode for one question. Single-choice questions show the distribution per respondent
//! group (stacked bars and a table of counts and shares) with n, mean (KA) and standard
//! deviation (hajonta); groups whose counts are unknown show the published figures as such.

use super::html::{plain, tx};
use super::view::View;
use crate::base::escape::Html;
use crate::model::surveys::{stats, Question, QuestionType, Survey};
use crate::render::charts::stacked::{Stacked, StackedRow};
use serde::Serialize;

/// One respondent group's figures for a question. Every group of the survey has a row, so
/// that a group without results shows as such instead of disappearing.
#[derive(Debug, Serialize)]
pub(crate) struct StatRow {
    /// The group's name, an abbreviation marked up with what it stands for.
    pub group: Html,
    /// Number of respondents, or "ei tiedossa".
    pub n: String,
    /// Mean and standard deviation of an ordered scale, computed or as published.
    pub mean: Option<String>,
    pub sd: Option<String>,
    /// Of unordered options: the source's own figures ("julkaistu keskiarvo 1,67, …").
    pub published: Option<String>,
    /// The figures are the published ones (no counts to compute from).
    pub as_published: bool,
    /// No results are given for the group.
    pub missing: bool,
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
    /// The question as plain text (the name of its tables' scrolling regions).
    pub plain_text: String,
    pub single_choice: bool,
    /// The options are an ordered scale (a mean of their order numbers means something).
    pub scale: bool,
    /// Some group of an unordered question has published figures.
    pub has_published: bool,
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
    pub groups: Vec<Html>,
    /// "HVA = hyvinvointialue", for the abbreviations among the groups.
    pub abbreviations: Vec<Html>,
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
                total_head: &self.word(lang, "survey_respondents"),
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
        let stats_rows = self.stat_rows(s, q, lang);
        QuestionView {
            id: q.id.clone(),
            text: tx(&q.text, lang, d),
            plain_text: plain(&q.text, lang, d),
            single_choice: q.kind == QuestionType::SingleChoice,
            scale: q.scale,
            has_published: stats_rows.iter().any(|r| r.published.is_some()),
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
            href: self.addresses.survey(s, lang).href(),
            description: s.description.as_ref().map(|t| self.md(t, lang)),
            date: s
                .date
                .as_ref()
                .map(|x| super::context::DateView::new(x, lang)),
            groups: s
                .groups
                .iter()
                .map(|g| self.group_name(s, g, lang))
                .collect(),
            abbreviations: s
                .abbreviations
                .iter()
                .map(|(a, t)| {
                    let a = crate::base::escape::escape(a);
                    Html::trusted(format!("<abbr>{a}</abbr> = {}", &*tx(t, lang, d)))
                })
                .collect(),
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

impl View<'_> {
    /// A group's name; an abbreviation the survey explains is marked up as one.
    fn group_name(&self, s: &Survey, group: &str, lang: &str) -> Html {
        let name = crate::base::escape::escape(group);
        match s.abbreviations.get(group) {
            Some(t) => {
                let title = plain(t, lang, self.model.config.default_language());
                let title = crate::base::escape::escape(&title);
                Html::trusted(format!("<abbr title=\"{title}\">{name}</abbr>"))
            }
            None => Html::trusted(name),
        }
    }

    /// The figures of every group: an ordered scale's mean and deviation (computed from the
    /// counts, or as published); of unordered options only the number of respondents, with
    /// the source's published figures given as the source's own.
    fn stat_rows(&self, s: &Survey, q: &Question, lang: &str) -> Vec<StatRow> {
        let num = |v: f64| crate::base::numbers::format(v, 2, lang);
        let unknown = self.word(lang, "survey_not_known");
        s.group_results(q)
            .into_iter()
            .map(|(g, r)| {
                let computed = r.and_then(|r| r.counts.as_deref()).and_then(stats);
                let published = r.and_then(|r| r.published);
                let (n, mean, sd) = match (computed, published) {
                    (Some(st), _) => (Some(st.n), Some(st.mean), Some(st.sd)),
                    (None, Some(p)) => (p.n, p.mean, p.sd),
                    (None, None) => (None, None, None),
                };
                let as_published = computed.is_none() && published.is_some();
                let published_text = published.filter(|_| !q.scale).and_then(|p| {
                    let mut parts = Vec::new();
                    if let Some(m) = p.mean {
                        parts.push(
                            self.word(lang, "survey_published_mean")
                                .replace("{mean}", &num(m)),
                        );
                    }
                    if let Some(sd) = p.sd {
                        parts.push(
                            self.word(lang, "survey_published_sd")
                                .replace("{sd}", &num(sd)),
                        );
                    }
                    (!parts.is_empty()).then(|| parts.join(", "))
                });
                StatRow {
                    group: self.group_name(s, g, lang),
                    n: n.map_or_else(|| unknown.clone(), |n| n.to_string()),
                    mean: mean.filter(|_| q.scale).map(num),
                    sd: sd.filter(|_| q.scale).map(num),
                    published: published_text,
                    as_published,
                    missing: r.is_none(),
                }
            })
            .collect()
    }
}
