//! Surveys (kyselyt, spec §10): `content/data/surveys/<id>.yaml`. Single-choice questions carry
//! answer counts per respondent group, from which n, mean (KA) and population standard deviation
//! (hajonta) are computed; figures published without counts are kept "as published".

use crate::base::dates::Date;
use crate::base::diagnostics::Diagnostic;
use crate::base::locate::{self, Source};
use crate::base::messages::{Arg, Msg};
use crate::base::text::Text;
use crate::msg;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum QuestionType {
    SingleChoice,
    Text,
}

/// The names of each value in English, Finnish and Swedish (content format §13.1).
const QUESTION_TYPE_NAMES: &[crate::base::vocabulary::Names<QuestionType>] = &[
    crate::base::vocabulary::Names {
        value: QuestionType::SingleChoice,
        en: &["single_choice"],
        fi: &["yksi_valinta"],
        sv: &["enval"],
    },
    crate::base::vocabulary::Names {
        value: QuestionType::Text,
        en: &["text"],
        fi: &["teksti"],
        sv: &["text"],
    },
];
crate::base::vocabulary::vocabulary!(QuestionType, "a question type", QUESTION_TYPE_NAMES);

#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Published {
    pub mean: Option<f64>,
    pub sd: Option<f64>,
    pub n: Option<u32>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct GroupResult {
    #[serde(default)]
    pub counts: Option<Vec<u32>>,
    #[serde(default)]
    pub published: Option<Published>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Answer {
    pub text: Text,
    #[serde(default)]
    pub groups: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Theme {
    pub title: Text,
    #[serde(default)]
    pub answers: Vec<Answer>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Question {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: QuestionType,
    pub text: Text,
    #[serde(default)]
    pub options: Vec<Text>,
    /// The options are ordered (a scale such as 1 = täysin eri mieltä … 5 = täysin samaa
    /// mieltä), so a mean of their order numbers means something. Without it the options are
    /// categories (Kyllä, Ei, En osaa sanoa): the site shows their distribution and gives a
    /// published mean only as the source's own figure.
    #[serde(default)]
    pub scale: bool,
    /// By group name; shown in the order of the survey's `groups`.
    #[serde(default)]
    pub results: BTreeMap<String, GroupResult>,
    #[serde(default)]
    pub themes: Vec<Theme>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Section {
    pub title: Text,
    #[serde(default)]
    pub questions: Vec<Question>,
}

/// One survey file as written; validated by [`load`].
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Survey {
    #[serde(skip)]
    pub id: String,
    pub title: Text,
    #[serde(default)]
    pub description: Option<Text>,
    #[serde(default)]
    pub date: Option<Date>,
    #[serde(default)]
    pub groups: Vec<String>,
    /// What the abbreviations among the group names stand for (`HVA: hyvinvointialue`).
    #[serde(default)]
    pub abbreviations: BTreeMap<String, Text>,
    #[serde(default)]
    pub sections: Vec<Section>,
    #[serde(skip)]
    pub source: Option<Source>,
}

mod stats;
pub(crate) use stats::{stats, Stats, TOLERANCE};

impl Survey {
    pub(crate) fn question(&self, id: &str) -> Option<&Question> {
        self.sections
            .iter()
            .flat_map(|s| s.questions.iter())
            .find(|q| q.id == id)
    }

    /// Every group of the survey with its results for `q` (`None`: no results given), in
    /// the order of `groups`, then the other groups that have results, by name.
    pub(crate) fn group_results<'a>(
        &'a self,
        q: &'a Question,
    ) -> Vec<(&'a str, Option<&'a GroupResult>)> {
        let mut out: Vec<(&str, Option<&GroupResult>)> = self
            .groups
            .iter()
            .map(|g| (g.as_str(), q.results.get(g)))
            .collect();
        out.extend(
            q.results
                .iter()
                .filter(|(g, _)| !self.groups.contains(g))
                .map(|(g, r)| (g.as_str(), Some(r))),
        );
        out
    }

    /// Results in the order of `groups`, then any others by name: the groups of
    /// [`Self::group_results`] that have results.
    pub(crate) fn ordered_results<'a>(
        &'a self,
        q: &'a Question,
    ) -> Vec<(&'a str, &'a GroupResult)> {
        self.group_results(q)
            .into_iter()
            .filter_map(|(g, r)| r.map(|r| (g, r)))
            .collect()
    }

    /// Where computed figures differ from published ones by more than [`TOLERANCE`]:
    /// warnings for `kertomus check`.
    pub(crate) fn mismatches(&self) -> Vec<Diagnostic> {
        let Some(src) = &self.source else {
            return Vec::new();
        };
        let mut out = Vec::new();
        let entries = crate::base::locate::Entries::new(&src.text);
        for q in self.sections.iter().flat_map(|s| s.questions.iter()) {
            let q_at = entries.offset(&q.id, 0);
            for (group, r) in &q.results {
                let (Some(counts), Some(p)) = (&r.counts, &r.published) else {
                    continue;
                };
                let Some(s) = stats(counts) else { continue };
                let diffs = differences(&s, p);
                if let Some(diffs) = diffs {
                    let at = src.value(group, q_at);
                    out.push(
                        src.error(
                            at,
                            msg!(
                                "survey question `{id}`, group {group}: {diffs}",
                                id = q.id,
                                group,
                                diffs: diffs
                            ),
                        )
                        .warning()
                        .with_hint(msg!("check the counts against the published report")),
                    );
                }
            }
        }
        out
    }
}

/// How the computed figures differ from the published ones, each as "mean 1,50 computed, 1,7
/// published", joined by semicolons; `None` when they agree.
fn differences(s: &Stats, p: &Published) -> Option<Msg> {
    let mut diffs = Vec::new();
    if let Some(m) = p.mean.filter(|m| (m - s.mean).abs() > TOLERANCE) {
        diffs.push(msg!(
            "mean {computed} computed, {published} published",
            computed => Arg::number(s.mean, 2),
            published => Arg::number_as_written(m)
        ));
    }
    if let Some(sd) = p.sd.filter(|sd| (sd - s.sd).abs() > TOLERANCE) {
        diffs.push(msg!(
            "sd {computed} computed, {published} published",
            computed => Arg::number(s.sd, 2),
            published => Arg::number_as_written(sd)
        ));
    }
    if let Some(n) = p.n.filter(|n| *n != s.n) {
        diffs.push(msg!(
            "n {computed} computed, {published} published",
            computed => Arg::number(f64::from(s.n), 0),
            published => Arg::number(f64::from(n), 0)
        ));
    }
    diffs
        .into_iter()
        .reduce(|first, next| msg!("{first}; {next}", first: first, next: next))
}

/// Reads every `content/data/surveys/*.yaml`, in file-name order.
pub(crate) fn load(content: &Path, diags: &mut Vec<Diagnostic>) -> Vec<Survey> {
    let dir = content.join("data/surveys");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut files: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "yaml" || x == "yml"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for f in files {
        let name = f
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let rel = Path::new("data/surveys").join(&name);
        let mut source = match locate::read(content, &rel) {
            Ok(Some(s)) => s,
            Ok(None) => continue,
            Err(d) => {
                diags.push(d);
                continue;
            }
        };
        let id = f
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        match source.parse::<Survey>() {
            Ok(mut s) => {
                s.id = id;
                validate(&s, &source, diags);
                s.source = Some(source);
                out.push(s);
            }
            Err(e) => diags.push(locate::yaml_error(&source, e)),
        }
    }
    out
}

fn validate(s: &Survey, src: &Source, diags: &mut Vec<Diagnostic>) {
    if !s
        .id
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
    {
        diags.push(
            Diagnostic::file_error(&src.path, msg!("survey file name `{id}` is not usable as a web address", id = s.id))
                .with_hint(msg!("name the file with lower-case letters a–z, digits and -, e.g. ennakkokysely-2025.yaml")),
        );
    }
    if s.groups.iter().any(|g| g.trim().is_empty()) {
        let offset = src.value("", src.key("groups", 0));
        diags.push(
            src.error(offset, msg!("a group of the survey has no name"))
                .with_hint(msg!(
                    "name each group the results are given for, or remove the empty entry"
                )),
        );
    }
    let mut seen = std::collections::BTreeSet::new();
    let entries = crate::base::locate::Entries::new(&src.text);
    for q in s.sections.iter().flat_map(|x| x.questions.iter()) {
        let at = entries.offset(&q.id, usize::from(seen.contains(&q.id)));
        if !seen.insert(q.id.clone()) {
            diags.push(src.error(
                at,
                msg!("question id `{id}` is used twice in the survey", id = q.id),
            ));
        }
        validate_question(s, q, at, src, diags);
    }
}

/// One question: its options, its results' groups and counts, its answers' groups.
fn validate_question(
    s: &Survey,
    q: &Question,
    at: usize,
    src: &Source,
    diags: &mut Vec<Diagnostic>,
) {
    if q.kind == QuestionType::SingleChoice && q.options.is_empty() {
        diags.push(
            src.error(
                at,
                msg!("single-choice question `{id}` has no options", id = q.id),
            )
            .with_hint(msg!(
                "list the answer options in order: options: [\"Kyllä\", \"Ei\"]"
            )),
        );
    }
    for (group, r) in &q.results {
        let g_at = src.value(group, at);
        if !s.groups.is_empty() && !s.groups.contains(group) {
            let known: Vec<&str> = s.groups.iter().map(String::as_str).collect();
            let d = src.error(
                g_at,
                msg!("`{group}` is not one of the survey's groups", group),
            );
            diags.push(match crate::base::yaml::closest(group, &known) {
                Some(c) => d.with_hint(msg!("did you mean `{c}`?", c)),
                None => d.with_hint(msg!("groups: {known}", known = known.join(", "))),
            });
        }
        if let Some(c) = &r.counts {
            if c.len() != q.options.len() {
                diags.push(
                    src.error(
                        src.key("counts", g_at),
                        msg!("question `{id}`, group {group}: {c_len} counts for {options_len} options", id = q.id, group, c_len = c.len(), options_len = q.options.len()),
                    )
                    .with_hint(msg!("give one count per option, in the order of options")),
                );
            }
        }
    }
    for a in q.themes.iter().flat_map(|t| t.answers.iter()) {
        for g in &a.groups {
            if g.trim().is_empty() {
                let (message, hint) =
                    crate::base::text::empty_reference(msg!("one of the survey's groups"));
                let offset = src.value(g, src.key("groups", at));
                diags.push(src.error(offset, message).with_hint(hint));
            } else if !s.groups.is_empty() && !s.groups.contains(g) {
                diags.push(src.error(
                    src.value(g, at),
                    msg!("`{g}` is not one of the survey's groups", g),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests;
