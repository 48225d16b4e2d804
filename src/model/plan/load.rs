//! Reading a plan document's `plan.yaml` and its `include:` files, then resolving them.

use super::{raw, resolve, Plan};
use crate::base::dates::YearRange;
use crate::base::diagnostics::Diagnostic;
use crate::base::locate::{self, Source};
use crate::model::indicators::Indicators;
use crate::model::organisations::Organisations;
use crate::model::regions::Register;
use crate::msg;
use std::path::{Path, PathBuf};

/// A plan document as the content stage knows it.
#[derive(Debug, Clone)]
pub(crate) struct PlanDoc {
    pub key: String,
    /// URL path of the document in the default language.
    pub path: String,
    /// The document folder, relative to `content/`.
    pub dir: PathBuf,
    pub period: Option<YearRange>,
    /// `document.organisation`, else site.yaml's `organisation`.
    pub organisation: Option<String>,
    /// The document's title in the default language.
    pub title: String,
}

/// Plan documents (type suunnitelma or kertomus+suunnitelma) in the default language.
pub(crate) fn documents(
    sources: &[crate::model::content::SourcePage],
    config: &crate::model::config::Config,
) -> Vec<PlanDoc> {
    sources
        .iter()
        .filter(|s| s.is_index && s.lang == config.default_language())
        .filter_map(|s| {
            let doc = s.front.document.as_ref()?;
            doc.kind.has_plan().then(|| PlanDoc {
                key: s.key.clone(),
                path: s.path.clone(),
                dir: s.dir().to_path_buf(),
                period: doc.period,
                organisation: doc
                    .organisation
                    .clone()
                    .or_else(|| config.organisation.clone()),
                title: s.front.title.clone().unwrap_or_else(|| s.key.clone()),
            })
        })
        .collect()
}

/// What resolving needs to look references up in.
pub(crate) struct Known<'a> {
    pub organisations: &'a Organisations,
    pub indicators: &'a Indicators,
    /// For the regions baselines and targets may name.
    pub register: &'a Register,
}

/// Reads and resolves the plan of every plan document. A plan document without plan.yaml has
/// an empty plan (a report may describe its plan in prose only). The flag says whether a
/// plan file could not be read: then what refers to its focus areas and goals is not
/// reported as missing too (one cause, one error).
pub(crate) fn load(
    content: &Path,
    docs: &[PlanDoc],
    known: &Known<'_>,
    diags: &mut Vec<Diagnostic>,
) -> (Vec<Plan>, bool) {
    let mut failed = false;
    let plans = docs
        .iter()
        .filter_map(|doc| load_one(content, doc, known, diags, &mut failed))
        .collect();
    (plans, failed)
}

pub(super) fn load_one(
    content: &Path,
    doc: &PlanDoc,
    known: &Known<'_>,
    diags: &mut Vec<Diagnostic>,
    failed: &mut bool,
) -> Option<Plan> {
    let mut main = match locate::read(content, &doc.dir.join("plan.yaml")) {
        Ok(Some(s)) => s,
        Ok(None) => return None,
        Err(d) => {
            diags.push(d);
            *failed = true;
            return None;
        }
    };
    let raw: raw::RawPlan = match main.parse() {
        Ok(r) => r,
        Err(e) => {
            diags.push(locate::yaml_error(&main, e));
            *failed = true;
            return None;
        }
    };
    let mut sources = vec![main];
    let mut areas: Vec<(usize, raw::RawFocusArea)> =
        raw.focus_areas.into_iter().map(|f| (0, f)).collect();
    includes(
        content,
        doc,
        &raw.include,
        &mut sources,
        &mut areas,
        diags,
        failed,
    );
    for r in &raw.measures_from {
        add_sheet(content, doc, r, &mut sources, &mut areas, diags, failed);
    }
    let focus_areas = resolve::resolve(areas, &sources, doc.period, known, diags);
    Some(Plan {
        doc_key: doc.key.clone(),
        doc_path: doc.path.clone(),
        period: doc.period,
        organisation: doc.organisation.clone(),
        title: crate::base::text::Text::plain(doc.title.clone()),
        origin: None,
        sources,
        focus_areas,
    })
}

/// Files under `content/` that plans read (plan.yaml and includes): data, not assets.
pub(crate) fn data_files(plans: &[Plan]) -> Vec<PathBuf> {
    plans
        .iter()
        .flat_map(|p| p.sources.iter())
        .filter_map(|s| s.path.strip_prefix("content").ok().map(Path::to_path_buf))
        .collect()
}

/// The focus areas of plan.yaml's `include:` files, each file a source of its own.
fn includes(
    content: &Path,
    doc: &PlanDoc,
    include: &[String],
    sources: &mut Vec<Source>,
    areas: &mut Vec<(usize, raw::RawFocusArea)>,
    diags: &mut Vec<Diagnostic>,
    failed: &mut bool,
) {
    for inc in include {
        let from = sources[0].key("include", 0);
        let at = sources[0].value(inc, from);
        if inc.trim().is_empty() {
            let (message, hint) = crate::base::text::empty_reference(msg!(
                "the name of a YAML file beside plan.yaml"
            ));
            diags.push(sources[0].error(at, message).with_hint(hint));
            continue;
        }
        let Some(rel) = crate::model::content::resolve_relative(&doc.dir, inc) else {
            diags.push(
                sources[0]
                    .error(at, msg!("`{inc}` leads outside content/", inc))
                    .with_hint(msg!(
                        "included files must be inside the site's content/ folder"
                    )),
            );
            continue;
        };
        let mut source = match locate::read(content, &rel) {
            Ok(Some(s)) => s,
            Ok(None) => {
                diags.push(
                    sources[0]
                        .error(at, msg!("included file `{inc}` does not exist", inc))
                        .with_hint(msg!(
                            "the path is relative to plan.yaml; it leads to content/{rel}",
                            rel = rel.display()
                        )),
                );
                *failed = true;
                continue;
            }
            Err(d) => {
                diags.push(d);
                *failed = true;
                continue;
            }
        };
        match source.parse::<raw::RawIncluded>() {
            Ok(r) => {
                let file = sources.len();
                areas.extend(r.focus_areas.into_iter().map(|f| (file, f)));
                sources.push(source);
            }
            Err(e) => {
                diags.push(locate::yaml_error(&source, e));
                *failed = true;
            }
        }
    }
}

/// The measures of one `measures_from` sheet, added to their goals; the sheet becomes a source.
fn add_sheet(
    content: &Path,
    doc: &PlanDoc,
    r: &super::sheets::RawSheetRef,
    sources: &mut Vec<Source>,
    areas: &mut [(usize, raw::RawFocusArea)],
    diags: &mut Vec<Diagnostic>,
    failed: &mut bool,
) {
    let from = sources[0].key("measures_from", 0);
    let at = sources[0].value(r.file(), from);
    let Some(rel) = crate::model::content::resolve_relative(&doc.dir, r.file()) else {
        diags.push(
            sources[0]
                .error(at, msg!("`{file}` leads outside content/", file = r.file()))
                .with_hint(msg!("sheets must be inside the site's content/ folder")),
        );
        return;
    };
    if !content.join(&rel).is_file() {
        diags.push(
            sources[0]
                .error(
                    at,
                    msg!("the sheet `{file}` does not exist", file = r.file()),
                )
                .with_hint(msg!(
                    "the path is relative to plan.yaml; it leads to content/{rel}",
                    rel = rel.display()
                )),
        );
        *failed = true;
        return;
    }
    let Some(sheet) = super::sheets::read(content, &rel, r, diags) else {
        *failed = true;
        return;
    };
    let file = sources.len();
    let goals: Vec<String> = areas
        .iter()
        .flat_map(|(_, fa)| fa.goals.iter().map(|g| g.id.clone()))
        .collect();
    for mut m in sheet.measures {
        let goal = areas
            .iter_mut()
            .flat_map(|(_, fa)| fa.goals.iter_mut())
            .find(|g| g.id == m.goal);
        match goal {
            Some(g) => {
                m.measure.sheet = Some(file);
                g.measures.push(m.measure);
            }
            None => {
                let known: Vec<&str> = goals.iter().map(String::as_str).collect();
                let hint = match crate::base::yaml::closest(&m.goal, &known) {
                    Some(c) => msg!("did you mean `{c}`?", c),
                    None => msg!("write the id of a goal of plan.yaml"),
                };
                let d = sheet.source.error(
                    m.goal_at,
                    msg!("goal `{goal}` is not a goal of this plan", goal = m.goal),
                );
                diags.push(d.with_hint(hint));
            }
        }
    }
    sources.push(sheet.source);
}
