//! Reading the site: folders, pages, data files and the labels Markdown needs.

use super::{BuildOptions, Loaded};
use crate::base::diagnostics::Diagnostic;
use crate::base::error::Error;
use crate::markdown::Labels;
use crate::model::config::Config;
use crate::model::content::{self, SourcePage};
use crate::model::plan::{self, Plan};
use crate::model::regions::Register;
use crate::msg;
use crate::pipeline::cache::Cache;
use crate::render::theme::Theme;
use crate::{
    model::cooperation, model::indicators, model::organisations, model::surveys, model::validate,
};
use rayon::prelude::*;
use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

/// The content folder and the output folder, refusing an output that would replace sources.
pub(super) fn folders(opts: &BuildOptions) -> Result<(PathBuf, PathBuf), Error> {
    let content_dir = opts.root.join("content");
    if !content_dir.is_dir() {
        return Err(Error::Config(msg!("{root}: no content/ folder here; run kertomus in a site folder, pass --root DIR, or create a site with `kertomus init DIR`", root = opts.root.display())));
    }
    let output = opts
        .output
        .clone()
        .unwrap_or_else(|| opts.root.join("public"));
    check_output(&opts.root, &content_dir, &output)?;
    Ok((content_dir, output))
}

/// The pages left out of the site: drafts, and pages that failed to load, which exist all the
/// same (links to them are not reported again).
pub(super) fn excluded(diags: &[Diagnostic], drafts: HashSet<PathBuf>) -> crate::site::Excluded {
    let failed = diags
        .iter()
        .filter_map(|d| d.path.strip_prefix("content").ok().map(Path::to_path_buf))
        .collect();
    crate::site::Excluded { drafts, failed }
}

/// Regions, indicators, organisations, plans, surveys, the annual clock and bodies, with the
/// checks across them.
pub(super) fn load_data(
    content_dir: &Path,
    config: &Config,
    sources: &[SourcePage],
    diags: &mut Vec<Diagnostic>,
) -> Loaded {
    let register = Register::load(content_dir, diags);
    validate::site_regions(config, &register, diags);
    let indicators = indicators::load(content_dir, &register, diags);
    validate::card_indicators(config, &indicators, diags);
    let organisations = organisations::load(content_dir, &register, diags);
    let known = plan::Known {
        organisations: &organisations,
        indicators: &indicators,
        register: &register,
    };
    let plan_documents = plan::documents(sources, config);
    let (mut plans, plans_failed) = plan::load(content_dir, &plan_documents, &known, diags);
    if !plans_failed {
        validate::card_phenomena(sources, &plans, diags);
    }
    let local_plans = plans.len();
    let keys: Vec<&str> = plan_documents.iter().map(|d| d.key.as_str()).collect();
    let (pulled, pulled_organisations) = plan::load_pulled(content_dir, &keys, diags);
    plans.extend(pulled);
    let links = if plans_failed {
        plan::Links::default()
    } else {
        plan::Links::resolve(&plans, diags)
    };
    let indicator_lists = crate::model::indicator_lists::load(content_dir, config, diags);
    let surveys = surveys::load(content_dir, diags);
    let cooperation = cooperation::load(content_dir, &organisations, diags);
    validate::organisation_refs(config, sources, &organisations, diags);
    validate::list_documents(config, sources, diags);
    Loaded {
        register,
        indicators,
        organisations,
        plans,
        local_plans,
        pulled_organisations,
        links,
        plans_failed,
        indicator_lists,
        surveys,
        cooperation,
    }
}

/// Reads every page (in parallel, or through the cache); drafts are set aside unless asked for.
pub(super) fn load_pages(
    content_dir: &Path,
    rels: &[PathBuf],
    config: &Config,
    theme: &Theme,
    with_drafts: bool,
    cache: Option<&mut Cache>,
) -> (Vec<SourcePage>, HashSet<PathBuf>, Vec<Diagnostic>) {
    let templates: HashSet<&str> = theme.tera.get_template_names().collect();
    let unreadable = |rel: &PathBuf, e: std::io::Error| {
        Diagnostic::file_error(Path::new("content").join(rel), msg!("cannot read: {e}", e))
    };
    let read = |rel: &PathBuf| -> Result<SourcePage, Diagnostic> {
        let bytes = std::fs::read(content_dir.join(rel)).map_err(|e| unreadable(rel, e))?;
        let address = |rel: &Path, lang: &str, index: bool| {
            crate::address::content::page(rel, lang, index, config)
        };
        content::parse_page(rel, bytes, config, &address)
    };
    let parsed: Vec<Result<SourcePage, Diagnostic>> = match cache {
        Some(c) => c.pages(content_dir, rels, &config.source.text, read),
        None => rels.par_iter().map(read).collect(),
    };
    let results: Vec<Result<SourcePage, Diagnostic>> = parsed
        .into_par_iter()
        .map(|page| {
            let page = page?;
            if let Some(t) = &page.front.template {
                if !templates.contains(t.as_str()) {
                    let at = crate::base::locate::key(&page.text[..page.body_offset], "template");
                    let mut names: Vec<&str> = templates
                        .iter()
                        .copied()
                        .filter(|n| !n.starts_with("partials/"))
                        .collect();
                    names.sort_unstable();
                    return Err(crate::base::locate::error_at(
                        page.shown(),
                        &page.text,
                        at,
                        msg!("template `{t}` does not exist", t),
                    )
                    .with_hint(msg!(
                        "templates of this theme: {names}",
                        names = names.join(", ")
                    )));
                }
            }
            Ok(page)
        })
        .collect();
    let mut pages = Vec::with_capacity(results.len());
    let mut drafts = HashSet::new();
    let mut diags = Vec::new();
    for r in results {
        match r {
            Ok(p) if p.front.draft && !with_drafts => {
                drafts.insert(p.rel);
            }
            Ok(p) => pages.push(p),
            Err(d) => diags.push(d),
        }
    }
    (pages, drafts, diags)
}

pub(super) fn labels(theme: &Theme) -> BTreeMap<String, Labels> {
    theme
        .strings
        .iter()
        .map(|(lang, t)| {
            let get = |k: &str| crate::render::theme::word(t, k);
            (
                lang.clone(),
                Labels {
                    table: get("table"),
                    task_done: get("task_done"),
                    task_open: get("task_open"),
                    footnotes: get("footnotes"),
                    footnote_back: get("footnote_back"),
                    in_language: ["fi", "sv", "en"]
                        .iter()
                        .map(|l| (l.to_string(), get(&format!("in_lang_{l}"))))
                        .collect(),
                },
            )
        })
        .collect()
}

/// The authors' files to copy: plan.yaml and its includes are data, not files to publish.
pub(super) fn publishable_assets(found: &content::Discovered, plans: &[Plan]) -> Vec<PathBuf> {
    let plan_files: HashSet<PathBuf> = plan::data_files(plans).into_iter().collect();
    found
        .assets
        .iter()
        .filter(|a| !plan_files.contains(*a) && a.file_name().is_none_or(|n| n != "plan.yaml"))
        .cloned()
        .collect()
}

/// Refuses an output folder whose replacement would destroy the sources.
pub(super) fn check_output(root: &Path, content: &Path, output: &Path) -> Result<(), Error> {
    let abs = |p: &Path| -> PathBuf {
        let p = if p.is_absolute() {
            p.to_path_buf()
        } else {
            std::env::current_dir().unwrap_or_default().join(p)
        };
        // Canonicalize what exists so that `a/../b` and symlinks compare correctly.
        let mut existing = p.clone();
        let mut rest = Vec::new();
        while !existing.exists() {
            match (
                existing.file_name().map(|n| n.to_os_string()),
                existing.parent(),
            ) {
                (Some(name), Some(parent)) => {
                    rest.push(name);
                    existing = parent.to_path_buf();
                }
                _ => break,
            }
        }
        let mut out = existing.canonicalize().unwrap_or(existing);
        out.extend(rest.iter().rev());
        out
    };
    let (root, content, output_abs) = (abs(root), abs(content), abs(output));
    if root.starts_with(&output_abs) || output_abs.starts_with(&content) {
        return Err(Error::Config(msg!("{output}: refusing to write the site there: it would replace the site's own files; choose a folder such as public/", output = output.display())));
    }
    if output.exists() && !output.is_dir() {
        return Err(Error::Config(msg!(
            "{output}: exists and is not a folder",
            output = output.display()
        )));
    }
    Ok(())
}
