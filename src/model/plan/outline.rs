//! A plan's goals as they are written, without resolving references: what the measures
//! template lists, so that a template can be made while the plan is still being written.

use super::raw;
use crate::base::dates::YearRange;
use crate::base::diagnostics::Diagnostic;
use crate::base::locate;
use crate::msg;
use std::path::Path;

/// The goals of a plan and the years of its period.
pub(crate) struct Outline {
    pub goals: Vec<OutlineGoal>,
    /// The years of the document's `period`, when it has one.
    pub years: Option<Vec<i32>>,
}

/// A goal: its id, its title and its focus area's title, in the default language.
pub(crate) struct OutlineGoal {
    pub id: String,
    pub title: String,
    pub focus_area: String,
}

/// Only the period of a document's front matter; the rest is read by the build.
#[derive(serde::Deserialize)]
struct Front {
    #[serde(default)]
    document: Option<Period>,
}

#[derive(serde::Deserialize)]
struct Period {
    #[serde(default)]
    period: Option<YearRange>,
}

/// Reads the plan of the document in `dir` (relative to `content/`).
pub(crate) fn outline(content: &Path, dir: &Path) -> Result<Outline, Vec<Diagnostic>> {
    let shown = Path::new("content").join(dir).join("plan.yaml");
    let main = locate::read(content, &dir.join("plan.yaml"))
        .map_err(|d| vec![d])?
        .ok_or_else(|| {
            vec![
                Diagnostic::file_error(&shown, msg!("there is no plan.yaml here")).with_hint(msg!(
                    "give the folder of a plan document, the one with plan.yaml"
                )),
            ]
        })?;
    let plan: raw::RawPlan =
        crate::base::yaml::parse(&main.text).map_err(|e| vec![locate::yaml_error(&main, e)])?;
    let mut areas = plan.focus_areas;
    for inc in &plan.include {
        let Some(rel) = crate::model::content::resolve_relative(dir, inc) else {
            continue;
        };
        if let Some(source) = locate::read(content, &rel).map_err(|d| vec![d])? {
            let more: raw::RawIncluded = crate::base::yaml::parse(&source.text)
                .map_err(|e| vec![locate::yaml_error(&source, e)])?;
            areas.extend(more.focus_areas);
        }
    }
    let text = |t: &crate::base::text::Text| t.get("fi", "fi").text;
    let goals = areas
        .iter()
        .flat_map(|fa| {
            fa.goals.iter().map(|g| OutlineGoal {
                id: g.id.clone(),
                title: text(&g.title),
                focus_area: text(&fa.title),
            })
        })
        .collect();
    Ok(Outline {
        goals,
        years: period(content, dir).map(|p| (p.start..=p.end).collect()),
    })
}

/// The `period` of the document's index.md, if it has one.
fn period(content: &Path, dir: &Path) -> Option<YearRange> {
    let index = std::fs::read_to_string(content.join(dir).join("index.md")).ok()?;
    let split = crate::model::content::frontmatter::split(&index).ok()?;
    let front: Front = crate::base::yaml::parse(split.yaml).ok()?;
    front.document?.period
}
