//! The build pipeline, in the order it runs: load → parse → data → resolve → render → write.
//! `build_inner` reads as that list; each stage is a function below it.

use crate::cache::Cache;
use crate::config::Config;
use crate::content::{self, SourcePage};
use crate::cooperation::Cooperation;
use crate::data::{self, SiteData};
use crate::diagnostics::Diagnostic;
use crate::error::Error;
use crate::indicators::{self, Indicators};
use crate::markdown::{shortcodes, Labels};
use crate::organisations::Organisations;
use crate::output::{feeds, Memory, Sink, Staging};
use crate::plan::Plan;
use crate::regions::Register;
use crate::render::indicators::IndicatorShortcode;
use crate::render::view::View;
use crate::render::{self, theme::Theme};
use crate::routes::{self, Addresses, Route, Routes};
use crate::site::{self, Excluded};
use crate::surveys::Survey;
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
    /// Check only (`kertomus check`): render into memory, write nothing, and add the plan
    /// quality report, survey mismatches and broken generated links to the warnings.
    pub check: bool,
    /// With `check`: fetch external links too.
    pub external: bool,
    /// Build the search index and search pages.
    pub search: bool,
}

/// What a successful build did.
#[derive(Debug)]
pub struct Summary {
    /// Pages and generated files rendered.
    pub pages: usize,
    /// Other files written.
    pub files: usize,
    /// The output folder.
    pub output: PathBuf,
    /// How long it took.
    pub elapsed: Duration,
    /// Warnings of the build.
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

/// The site's data files, loaded and resolved; [`SiteData`] borrows from it.
struct Loaded {
    register: Register,
    indicators: Indicators,
    organisations: Organisations,
    plans: Vec<Plan>,
    surveys: Vec<Survey>,
    cooperation: Cooperation,
}

impl Loaded {
    fn site_data<'a>(&'a self, config: &'a Config) -> SiteData<'a> {
        SiteData {
            config,
            register: &self.register,
            indicators: &self.indicators,
            organisations: &self.organisations,
            plans: &self.plans,
            surveys: &self.surveys,
            cooperation: &self.cooperation,
            cards: data::card_members(config, &self.register),
        }
    }
}

fn build_inner(opts: &BuildOptions, mut cache: Option<&mut Cache>) -> Result<Summary, Error> {
    let started = Instant::now();
    let (content_dir, output) = folders(opts)?;
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
    let excluded = Excluded {
        failed: failed_pages(&diags),
        drafts,
    };
    // Data
    let loaded = load_data(&content_dir, &config, &sources, &mut diags);
    let data = loaded.site_data(&config);
    let addresses = addresses(&config, &theme);
    let mut routes = Routes::generated(&data, addresses.clone(), &route_options(opts, &theme));
    validate::reserved_paths(&routes, &sources, &mut diags);
    let findings = if opts.check {
        crate::check::quality(&data, &sources)
    } else {
        Vec::new()
    };
    // Resolve: Markdown rendered, links checked, then the content pages join the route table.
    let view = View {
        model: &data,
        strings: &theme.strings,
        addresses: &addresses,
    };
    let registry = shortcodes(&view, &theme);
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
    let labels = labels(&theme);
    let env = site::MarkdownEnv {
        shortcodes: &registry,
        labels: &labels,
        bodies,
    };
    let assets = publishable_assets(&found, &loaded.plans);
    let site = site::assemble(config.clone(), sources, assets, &excluded, env, &mut diags);
    routes.add_site(&site);
    diags.extend(routes.clashes(&site));
    if diags.iter().any(Diagnostic::is_error) {
        return Err(Error::Content(diags));
    }
    // Render and write
    let input = render::Input {
        site: &site,
        theme: &theme,
        view: &view,
        routes: &routes,
    };
    let mut summary = Summary::new(started, &output, diags, findings);
    let (pages, files) = if opts.check {
        let found = check_output_in_memory(input, &content_dir, opts.external)?;
        summary.findings.extend(found);
        (site.pages.len(), 0)
    } else if let Some(pages) = incremental
        .as_ref()
        .zip(cache.as_deref())
        .and_then(|(inc, c)| inc.body_only_change(c, &output, &site))
    {
        (rewrite_pages(input, &output, &pages)?, 0)
    } else {
        write_site(input, &content_dir, &output, opts.search)?
    };
    if let (Some(c), Some(inc), false) = (cache, incremental, opts.check) {
        c.last = Some(inc.written_to(&output));
    }
    summary.pages = pages;
    summary.files = files;
    summary.elapsed = started.elapsed();
    Ok(summary)
}

impl Summary {
    fn new(
        started: Instant,
        output: &Path,
        warnings: Vec<Diagnostic>,
        findings: Vec<crate::check::Finding>,
    ) -> Summary {
        Summary {
            pages: 0,
            files: 0,
            output: output.to_path_buf(),
            elapsed: started.elapsed(),
            warnings,
            findings,
        }
    }
}

/// The shortcodes a page may use, reading the site's data through `view`.
fn shortcodes<'a>(view: &'a View<'a>, theme: &'a Theme) -> shortcodes::Registry<'a> {
    let mut registry = shortcodes::Registry::default();
    registry.register("indicator", Box::new(IndicatorShortcode { data: view }));
    render::shortcodes::register(&mut registry, view, theme);
    registry
}

/// `serve`, when nothing but page bodies changed since the last build written to `output`:
/// only the pages that show those bodies are rendered, and written where their bytes changed.
fn rewrite_pages(input: render::Input<'_>, output: &Path, pages: &[usize]) -> Result<usize, Error> {
    let rendered = render::render_partial(input, pages)?;
    crate::output::write_changed(output, &rendered)
}

/// The whole site into a staging folder that replaces `output` once everything is written.
fn write_site(
    input: render::Input<'_>,
    content_dir: &Path,
    output: &Path,
    search: bool,
) -> Result<(usize, usize), Error> {
    let staging = Staging::new(output)?;
    let counts = render_and_write(input, content_dir, &staging, search)?;
    staging.commit()?;
    Ok(counts)
}

/// The content folder and the output folder, refusing an output that would replace sources.
fn folders(opts: &BuildOptions) -> Result<(PathBuf, PathBuf), Error> {
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
    Ok((content_dir, output))
}

/// Pages that failed to load exist all the same: links to them are not reported again.
fn failed_pages(diags: &[Diagnostic]) -> HashSet<PathBuf> {
    diags
        .iter()
        .filter_map(|d| d.path.strip_prefix("content").ok().map(Path::to_path_buf))
        .collect()
}

/// Regions, indicators, organisations, plans, surveys, the annual clock and bodies, with the
/// checks across them.
fn load_data(
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
    };
    let plans = plan::load(
        content_dir,
        &plan::documents(sources, config),
        &known,
        diags,
    );
    let surveys = surveys::load(content_dir, diags);
    let cooperation = cooperation::load(content_dir, diags);
    validate::organisation_refs(config, sources, &organisations, diags);
    Loaded {
        register,
        indicators,
        organisations,
        plans,
        surveys,
        cooperation,
    }
}

/// The address formulas, with the localised slugs of the theme.
fn addresses(config: &Config, theme: &Theme) -> Addresses {
    let slugs = |key: &str| -> BTreeMap<String, String> {
        theme
            .strings
            .iter()
            .filter_map(|(lang, t)| t.get(key).map(|s| (lang.clone(), s.clone())))
            .collect()
    };
    Addresses::new(config, slugs("statement_slug"), slugs("search_slug"))
}

fn route_options<'a>(opts: &BuildOptions, theme: &'a Theme) -> routes::Options<'a> {
    routes::Options {
        search: opts.search && !opts.check,
        statics: theme.statics.keys().map(String::as_str).collect(),
    }
}

/// The authors' files to copy: plan.yaml and its includes are data, not files to publish.
fn publishable_assets(found: &content::Discovered, plans: &[Plan]) -> Vec<PathBuf> {
    let plan_files: HashSet<PathBuf> = plan::data_files(plans).into_iter().collect();
    found
        .assets
        .iter()
        .filter(|a| !plan_files.contains(*a) && a.file_name().is_none_or(|n| n != "plan.yaml"))
        .cloned()
        .collect()
}

/// Renders every page into `out`, then writes the other files; with `search`, the index is
/// built from the pages while they render. Returns the pages and the other files written.
fn render_and_write(
    input: render::Input<'_>,
    content_dir: &Path,
    out: &dyn Sink,
    search: bool,
) -> Result<(usize, usize), Error> {
    let indexer = search.then(crate::search::Indexer::start);
    let sender = indexer.as_ref().map(|i| i.sender());
    let pages = render::render_all(input, out, sender.as_ref())?;
    let mut files = write_files(input, content_dir, out)?;
    files += write_open_data(out, input.view.model, input.routes)?;
    if let Some(indexer) = indexer {
        drop(sender);
        for (rel, bytes) in indexer.finish()? {
            out.write(&format!("pagefind/{rel}"), &bytes)?;
            files += 1;
        }
    }
    Ok((pages, files))
}

/// `check`: the whole site rendered into memory (without the search index), then every link
/// in it checked against what it holds.
fn check_output_in_memory(
    input: render::Input<'_>,
    content_dir: &Path,
    external: bool,
) -> Result<Vec<crate::check::Finding>, Error> {
    let memory = Memory::default();
    render_and_write(input, content_dir, &memory, false)?;
    let files = memory.into_files();
    let mut findings = crate::check::after_assembly(
        input.site,
        input.view.model,
        input.routes,
        content_dir,
        external,
    );
    findings.extend(crate::check::output_links(&files, &input.site.config));
    Ok(findings)
}

/// The open data downloads under `/data/`: indicator values and metadata, measures and plans.
fn write_open_data(out: &dyn Sink, data: &SiteData<'_>, routes: &Routes) -> Result<usize, Error> {
    let mut written = 0;
    for e in routes.entries() {
        let Route::OpenData(name) = e.route else {
            continue;
        };
        let text = match name {
            routes::DATA_INDICATORS_CSV => {
                indicators::export::values_csv(data.indicators, data.register)
            }
            routes::DATA_INDICATORS_JSON => {
                indicators::export::metadata_json(data.indicators, |id| {
                    routes.addresses.indicator_csv(id)
                })
            }
            routes::DATA_MEASURES_CSV => crate::output::opendata::measures_csv(data),
            _ => crate::output::opendata::plan_json(data),
        };
        out.write(&e.path, text.as_bytes())?;
        written += 1;
    }
    Ok(written)
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
                    let at = crate::locate::key(&page.text[..page.body_offset], "template");
                    let mut names: Vec<&str> = templates
                        .iter()
                        .copied()
                        .filter(|n| !n.starts_with("partials/"))
                        .collect();
                    names.sort_unstable();
                    return Err(crate::locate::error_at(
                        page.shown(),
                        &page.text,
                        at,
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
            let get = |k: &str| crate::render::theme::word(t, k);
            (
                lang.clone(),
                Labels {
                    table: get("table"),
                    task_done: get("task_done"),
                    task_open: get("task_open"),
                    footnotes: get("footnotes"),
                    footnote_back: get("footnote_back"),
                },
            )
        })
        .collect()
}

/// Theme static files, the authors' files beside their pages, sitemap, robots.txt, feeds.
fn write_files(
    input: render::Input<'_>,
    content_dir: &Path,
    out: &dyn Sink,
) -> Result<usize, Error> {
    let (site, theme, routes) = (input.site, input.theme, input.routes);
    for (rel, bytes) in &theme.statics {
        out.write(rel, bytes)?;
    }
    site.assets
        .par_iter()
        .try_for_each(|rel| out.copy(&content_dir.join(rel), &content::asset_url_path(rel)))?;
    out.write("sitemap.xml", feeds::sitemap(site, routes).as_bytes())?;
    out.write("robots.txt", feeds::robots(site).as_bytes())?;
    let default = site.config.default_language();
    for lang in &site.config.languages {
        let title = site.config.title.get(lang, default).text;
        out.write(
            &routes.addresses.feed(lang),
            feeds::atom(site, lang, &title, &routes.addresses.feed(lang)).as_bytes(),
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
