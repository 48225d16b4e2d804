//! The build pipeline, in the order it runs: load → parse → resolve → render → write.

use crate::cache::Cache;
use crate::config::Config;
use crate::content::{self, SourcePage};
use crate::diagnostics::Diagnostic;
use crate::error::Error;
use crate::indicators;
use crate::markdown::{shortcodes, Labels};
use crate::output::{feeds, Staging};
use crate::regions::Register;
use crate::render::indicators::{DataSet, IndicatorShortcode, Model};
use crate::render::{self, theme::Theme};
use crate::site::{self, Excluded, Site};
use crate::{cooperation, organisations, plan, surveys, validate};
use rayon::prelude::*;
use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// What to build and where.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The site folder (holding `content/`).
    pub root: PathBuf,
    /// Output folder; `root/public` when not given.
    pub output: Option<PathBuf>,
    /// Overrides `base_url` of site.yaml (e.g. for a staging server).
    pub base_url: Option<String>,
    /// Build pages marked `draft: true` too.
    pub drafts: bool,
    /// Check only (`kertomus check`): stop before rendering, write nothing, and add the plan
    /// quality report and survey mismatches to the warnings.
    pub check: bool,
    /// With `check`: fetch external links too.
    pub external: bool,
    /// Build the search index and search pages.
    pub search: bool,
}

/// What a successful build did.
#[derive(Debug)]
pub struct Summary {
    pub pages: usize,
    pub files: usize,
    pub output: PathBuf,
    pub elapsed: Duration,
    pub warnings: Vec<Diagnostic>,
    /// With `check`: the plan quality and survey findings, each with the name of its kind.
    pub findings: Vec<(&'static str, Diagnostic)>,
}

/// Builds the site. On any error nothing is written and the previous output stays as it was.
pub fn build(opts: &BuildOptions) -> Result<Summary, Error> {
    build_inner(opts, None)
}

/// Builds the site reusing what `cache` kept from earlier builds of the same site (page texts
/// whose files did not change, Markdown bodies whose inputs did not change). The output is the
/// same as [`build`]'s.
pub fn build_with(opts: &BuildOptions, cache: &mut Cache) -> Result<Summary, Error> {
    build_inner(opts, Some(cache))
}

fn build_inner(opts: &BuildOptions, mut cache: Option<&mut Cache>) -> Result<Summary, Error> {
    // Only serve (which passes a cache) re-renders partially.
    let started = Instant::now();
    let content_dir = opts.root.join("content");
    if !content_dir.is_dir() {
        return Err(Error::Config(format!(
            "{}: no content/ folder here; run kertomus in a site folder, pass --root DIR, or create a site with `kertomus init DIR`",
            opts.root.display()
        )));
    }
    let output = opts
        .output
        .clone()
        .unwrap_or_else(|| opts.root.join("public"));
    check_output(&opts.root, &content_dir, &output)?;

    // Load
    let config = Config::load(&opts.root, opts.base_url.as_deref()).map_err(Error::Content)?;
    let theme = Theme::load(&opts.root, &config.theme, &config.languages)?;
    let found = content::discover(&content_dir).map_err(Error::Content)?;

    // Parse
    let (sources, drafts, mut diags) = load_pages(
        &content_dir,
        &found.pages,
        &config,
        &theme,
        opts.drafts,
        cache.as_deref_mut(),
    );
    // Pages that failed to load exist all the same: links to them are not reported again.
    let failed: HashSet<PathBuf> = diags
        .iter()
        .filter_map(|d| d.path.strip_prefix("content").ok().map(Path::to_path_buf))
        .collect();

    // Data: regions and indicators
    let register = Register::load(&content_dir, &mut diags);
    validate::site_regions(&config, &register, &mut diags);
    let indicators = indicators::load(&content_dir, &register, &mut diags);
    let organisations = organisations::load(&content_dir, &register, &mut diags);
    let plans = plan::load(
        &content_dir,
        &plan::documents(&sources, &config),
        &plan::Known {
            organisations: &organisations,
            indicators: &indicators,
        },
        &mut diags,
    );
    let surveys = surveys::load(&content_dir, &mut diags);
    let cooperation = cooperation::load(&content_dir, &mut diags);
    validate::organisation_refs(&config, &sources, &organisations, &mut diags);
    let model = Model {
        organisations: &organisations,
        plans: &plans,
        surveys: &surveys,
        cooperation: &cooperation,
    };
    validate::generated_paths(
        &config,
        &indicators,
        &model,
        &validate::theme_slugs(&theme),
        &sources,
        &mut diags,
    );
    let data_config = config.clone();
    let mut data = DataSet::new(&data_config, &register, &indicators, &theme.strings, model);
    data.search = opts.search && !opts.check;
    let mut findings = if opts.check {
        crate::check::quality(&data, &sources)
    } else {
        Vec::new()
    };
    // plan.yaml and its includes are data, not files to publish.
    let plan_files: HashSet<PathBuf> = plan::data_files(&plans).into_iter().collect();
    let assets: Vec<PathBuf> = found
        .assets
        .clone()
        .into_iter()
        .filter(|a| !plan_files.contains(a) && a.file_name().is_none_or(|n| n != "plan.yaml"))
        .collect();

    // Resolve (renders Markdown, checks links)
    let labels = labels(&theme);
    let mut shortcodes = shortcodes::Registry::default();
    shortcodes.register("indicator", Box::new(IndicatorShortcode { data: &data }));
    render::shortcodes::register(&mut shortcodes, &data, &theme);
    let excluded = Excluded { drafts, failed };
    // What serve needs to reuse bodies and re-render partially; a plain build skips it.
    let incremental = cache.is_some().then(|| {
        let inputs = crate::cache::Inputs {
            root: &opts.root,
            drafts: opts.drafts,
            config: &config,
            found: &found,
            excluded: &excluded,
        };
        crate::cache::Incremental::new(&inputs, &sources)
    });
    let bodies = cache
        .as_deref_mut()
        .zip(incremental.as_ref())
        .map(|(c, inc)| {
            c.bodies.begin(inc.fingerprint);
            &mut c.bodies as &mut dyn site::BodyStore
        });
    let site = site::assemble(
        config,
        sources,
        assets,
        &excluded,
        site::MarkdownEnv {
            shortcodes: &shortcodes,
            labels: &labels,
            bodies,
        },
        &mut diags,
    );
    if diags.iter().any(Diagnostic::is_error) {
        return Err(Error::Content(diags));
    }
    if opts.check {
        findings.extend(crate::check::after_assembly(
            &site,
            &data,
            &theme,
            &content_dir,
            opts.external,
        ));
        return Ok(Summary {
            pages: site.pages.len(),
            files: 0,
            output,
            elapsed: started.elapsed(),
            warnings: diags,
            findings,
        });
    }

    // Render and write: only the changed pages when nothing but their bodies changed since
    // the last build written to this output (serve), else everything.
    if let (Some(c), Some(inc)) = (cache.as_deref_mut(), &incremental) {
        if let Some(pages) = inc.body_only_change(c, &output, &site) {
            let rendered = render::render_partial(&site, &theme, &data, &pages)?;
            let written = crate::output::write_changed(&output, &rendered)?;
            c.last = incremental.map(|inc| inc.written_to(&output));
            return Ok(Summary {
                pages: written,
                files: 0,
                output,
                elapsed: started.elapsed(),
                warnings: diags,
                findings,
            });
        }
    }
    let staging = Staging::new(&output)?;
    let indexer = data.search.then(crate::search::Indexer::start);
    let pages = render::render_all(
        &site,
        &theme,
        &data,
        &staging,
        indexer.as_ref().map(|i| i.sender()).as_ref(),
    )?;
    let mut files = write_files(
        &site,
        &theme,
        &content_dir,
        &staging,
        &render::generated_paths(&site, &data),
    )?;
    files += write_open_data(&staging, &data)?;
    if let Some(indexer) = indexer {
        for (rel, bytes) in indexer.finish()? {
            staging.write(&format!("pagefind/{rel}"), &bytes)?;
            files += 1;
        }
    }
    staging.commit()?;
    if let Some(c) = cache {
        c.last = incremental.map(|inc| inc.written_to(&output));
    }

    Ok(Summary {
        pages,
        files,
        output,
        elapsed: started.elapsed(),
        warnings: diags,
        findings,
    })
}

/// The open data downloads under `/data/`: indicator values and metadata, measures and plans.
fn write_open_data(staging: &Staging, data: &DataSet<'_>) -> Result<usize, Error> {
    let mut files = Vec::new();
    if !data.indicators.list.is_empty() {
        files.push((
            "data/indicators.csv",
            indicators::export::values_csv(data.indicators, data.register),
        ));
        files.push((
            "data/indicators.json",
            indicators::export::metadata_json(data.indicators),
        ));
    }
    if !data.model.plans.is_empty() {
        files.push(("data/measures.csv", render::opendata::measures_csv(data)));
        files.push(("data/plan.json", render::opendata::plan_json(data)));
    }
    for (rel, text) in &files {
        staging.write(rel, text.as_bytes())?;
    }
    Ok(files.len())
}

/// Reads every page (in parallel, or through the cache); drafts are set aside unless asked for.
fn load_pages(
    content_dir: &Path,
    rels: &[PathBuf],
    config: &Config,
    theme: &Theme,
    with_drafts: bool,
    cache: Option<&mut Cache>,
) -> (Vec<SourcePage>, HashSet<PathBuf>, Vec<Diagnostic>) {
    let templates: HashSet<&str> = theme.tera.get_template_names().collect();
    let unreadable = |rel: &PathBuf, e: std::io::Error| {
        Diagnostic::file_error(Path::new("content").join(rel), format!("cannot read: {e}"))
    };
    let texts: Vec<Result<Vec<u8>, Diagnostic>> = match cache {
        Some(c) => {
            c.retain_texts(rels);
            rels.iter()
                .map(|rel| c.text(content_dir, rel).map_err(|e| unreadable(rel, e)))
                .collect()
        }
        None => rels
            .par_iter()
            .map(|rel| std::fs::read(content_dir.join(rel)).map_err(|e| unreadable(rel, e)))
            .collect(),
    };
    let results: Vec<Result<SourcePage, Diagnostic>> = rels
        .par_iter()
        .zip(texts.into_par_iter())
        .map(|(rel, bytes)| {
            let page = content::parse_page(rel, bytes?, config)?;
            if let Some(t) = &page.front.template {
                if !templates.contains(t.as_str()) {
                    let (line, col) =
                        crate::config::find_key(&page.text[..page.body_offset], "template");
                    let mut names: Vec<&str> = templates
                        .iter()
                        .copied()
                        .filter(|n| !n.starts_with("partials/"))
                        .collect();
                    names.sort_unstable();
                    return Err(Diagnostic::at_line_col(
                        page.shown(),
                        &page.text,
                        line,
                        col,
                        format!("template `{t}` does not exist"),
                    )
                    .with_hint(format!("templates of this theme: {}", names.join(", "))));
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

fn labels(theme: &Theme) -> BTreeMap<String, Labels> {
    theme
        .strings
        .iter()
        .map(|(lang, t)| {
            let get = |k: &str| t.get(k).cloned().unwrap_or_else(|| k.to_string());
            (
                lang.clone(),
                Labels {
                    table: get("table"),
                    task_done: get("task_done"),
                    task_open: get("task_open"),
                },
            )
        })
        .collect()
}

/// Theme static files, the authors' files beside their pages, sitemap, robots.txt, feeds.
fn write_files(
    site: &Site,
    theme: &Theme,
    content_dir: &Path,
    out: &Staging,
    generated: &[String],
) -> Result<usize, Error> {
    for (rel, bytes) in &theme.statics {
        out.write(rel, bytes)?;
    }
    site.assets
        .par_iter()
        .try_for_each(|rel| out.copy(&content_dir.join(rel), &content::asset_url_path(rel)))?;
    out.write("sitemap.xml", feeds::sitemap(site, generated).as_bytes())?;
    out.write("robots.txt", feeds::robots(site).as_bytes())?;
    let default = site.config.default_language();
    for lang in &site.config.languages {
        let prefix = site.config.lang_prefix(lang);
        let title = site.config.title.get(lang, default).text;
        out.write(
            &format!("{prefix}atom.xml"),
            feeds::atom(site, lang, &title).as_bytes(),
        )?;
    }
    Ok(theme.statics.len() + site.assets.len() + 2 + site.config.languages.len())
}

/// Refuses an output folder whose replacement would destroy the sources.
fn check_output(root: &Path, content: &Path, output: &Path) -> Result<(), Error> {
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
        return Err(Error::Config(format!(
            "{}: refusing to write the site there: it would replace the site's own files; choose a folder such as public/",
            output.display()
        )));
    }
    if output.exists() && !output.is_dir() {
        return Err(Error::Config(format!(
            "{}: exists and is not a folder",
            output.display()
        )));
    }
    Ok(())
}
