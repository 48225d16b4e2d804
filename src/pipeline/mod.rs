//! The build pipeline, in the order it runs: load → parse → data → resolve → PDF → render →
//! write.
//! `build_inner` reads as that list; each stage is a function below it.

pub(crate) mod cache;
mod load;
mod timings;
mod write;

pub use timings::{Stage, Timings};

use crate::base::diagnostics::Diagnostic;
use crate::base::error::Error;
use crate::markdown::shortcodes;
use crate::model::config::Config;
use crate::model::content::{self, SourcePage};
use crate::model::cooperation::Cooperation;
use crate::model::data::{self, SiteData};
use crate::model::indicators::Indicators;
use crate::model::organisations::Organisations;
use crate::model::plan::Plan;
use crate::model::regions::Register;
use crate::model::surveys::Survey;
use crate::pipeline::cache::Cache;
use crate::render::indicators::IndicatorShortcode;
use crate::render::view::View;
use crate::render::{self, theme::Theme};
use crate::routes::{self, Addresses, Routes};
use crate::site::{self, Excluded};
use load::{folders, labels, load_data, load_pages, publishable_assets};
use std::path::{Path, PathBuf};
use std::time::Duration;
use write::{check_output_in_memory, rewrite_pages, write_site};

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
    /// Pages per search index shard; 0 for the default (1,000).
    pub search_shard_pages: usize,
    /// Make each document's PDF (`--no-pdf` leaves them out; `serve` does too).
    pub pdf: bool,
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
    /// With `check`: the plan quality and survey findings, each with its kind.
    pub findings: Vec<(crate::check::Kind, Diagnostic)>,
    /// How long each stage took.
    pub timings: Timings,
    /// How the search index came about, when one was built.
    pub search: Option<crate::output::search::IndexStats>,
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
    /// The site's own plans, then those pulled from other sites.
    plans: Vec<Plan>,
    /// How many of `plans` are the site's own.
    local_plans: usize,
    /// The organisations the pulled plan files name.
    pulled_organisations: Vec<crate::model::plan::exchange::OrganisationEntry>,
    /// The `contributes_to` links between the plans.
    links: crate::model::plan::Links,
    /// A plan file could not be read (its error is reported).
    plans_failed: bool,
    indicator_lists: Vec<crate::model::indicator_lists::IndicatorList>,
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
            plans: &self.plans[..self.local_plans],
            region: crate::model::data::RegionPlans {
                plans: &self.plans,
                links: &self.links,
                organisations: &self.pulled_organisations,
            },
            plans_failed: self.plans_failed,
            indicator_lists: &self.indicator_lists,
            surveys: &self.surveys,
            cooperation: &self.cooperation,
            cards: data::card_members(config, &self.register),
        }
    }
}

fn build_inner(opts: &BuildOptions, mut cache: Option<&mut Cache>) -> Result<Summary, Error> {
    let mut timings = Timings::start();
    let serving = cache.is_some();
    let (content_dir, output) = folders(opts)?;
    // Load
    let (config, theme, found) = load_site(opts, &content_dir)?;
    timings.lap(Stage::Load);
    // Parse
    let (mut sources, drafts, mut diags) = load_pages(
        &content_dir,
        &found.pages,
        &config,
        &theme,
        opts.drafts,
        cache.as_deref_mut(),
    );
    let excluded = load::excluded(&diags, drafts);
    timings.lap(Stage::Parse);
    // Data
    let loaded = load_data(&content_dir, &config, &sources, &mut diags);
    let data = loaded.site_data(&config);
    let addresses = addresses(&config, &theme);
    let mut routes = Routes::generated(&data, addresses.clone(), &route_options(opts, &theme));
    routes::clashes::check(&routes, &mut sources, &mut diags);
    let mut findings = crate::check::quality_if(opts.check, &data);
    findings.extend(crate::check::sources_if(opts.check, &sources, &config));
    diags.extend(crate::check::unfinished_if(!opts.check, &sources));
    timings.lap(Stage::Data);
    // Resolve: Markdown rendered, links checked, then the content pages join the route table.
    site::check_document_links(&sources, config.default_language(), &mut diags);
    let assets = publishable_assets(&found, &loaded.plans);
    let links = site::Links::new(&config, &addresses, &sources, &assets, &excluded);
    let labels = labels(&theme);
    let fields = crate::markdown::Fields::new(config.raw_html, &links, &labels);
    let view = View::new(&data, &theme.strings, &addresses, &fields);
    let registry = shortcodes(&view, &theme);
    let incremental = serving.then(|| incremental(opts, &config, &found, &excluded, &sources));
    let env = site::MarkdownEnv {
        addresses: &addresses,
        shortcodes: &registry,
        labels: &labels,
        bodies: body_store(cache.as_deref_mut(), incremental.as_ref()),
    };
    let site = site::assemble(config.clone(), sources, assets, &links, env, &mut diags);
    diags.extend(site::fields::check(&site, &fields, &data.markdown_texts()));
    routes.add_site(&site);
    let mut diags = without_errors(diags)?;
    timings.lap(Stage::Resolve);
    // PDF, render and write: the documents' PDFs first, for the pages to give their sizes.
    let cx = crate::pdf::Cx::new(&site, &view, &content_dir);
    let pdfs = make_pdfs(&cx, &routes, &mut diags, &mut timings)?;
    let frame = render::frame::Shared::new(&site, &theme, &routes);
    let input = render::Input {
        site: &site,
        theme: &theme,
        view: &view,
        routes: &routes,
        frame: &frame,
        pdfs: &pdfs,
    };
    let mut summary = Summary::new(&output, diags, findings);
    if opts.check {
        let found = check_output_in_memory(input, &content_dir, opts.external)?;
        summary.findings.extend(found);
        summary.pages = site.pages.len();
        timings.lap(Stage::Render);
    } else {
        let place = write::Place {
            content_dir: &content_dir,
            output: &output,
        };
        let written = write_output(input, opts, place, incremental, cache, &mut timings)?;
        summary.wrote(written);
    }
    summary.elapsed = timings.elapsed();
    summary.timings = timings;
    release(site, serving);
    Ok(summary)
}

/// The warnings, when no diagnostic is an error; else the build fails with them all.
fn without_errors(diags: Vec<Diagnostic>) -> Result<Vec<Diagnostic>, Error> {
    if diags.iter().any(Diagnostic::is_error) {
        Err(Error::Content(diags))
    } else {
        Ok(diags)
    }
}

/// Each document's PDF (those the route table lists); an error in one fails the build before
/// anything is written, reported with the warnings in `diags`; the time is the PDF stage's.
fn make_pdfs(
    cx: &crate::pdf::Cx<'_>,
    routes: &Routes,
    diags: &mut Vec<Diagnostic>,
    timings: &mut Timings,
) -> Result<crate::pdf::Pdfs, Error> {
    let made = crate::pdf::make(cx, routes);
    timings.lap(Stage::Pdf);
    match made {
        Ok(pdfs) => Ok(pdfs),
        Err(errors) => {
            let mut all = std::mem::take(diags);
            all.extend(errors);
            Err(Error::Content(all))
        }
    }
}

/// Frees the built site; for `serve` on a thread of its own: serve sends the reload once the
/// build returns, and freeing thousands of pages (a sixth of a rebuild of 10,000) can happen
/// beside it.
fn release(site: site::Site, serving: bool) {
    if serving {
        std::thread::spawn(move || drop(site));
    }
}

/// site.yaml, the theme and the content folder's files.
fn load_site(
    opts: &BuildOptions,
    content_dir: &Path,
) -> Result<(Config, Theme, content::Discovered), Error> {
    let config = Config::load(&opts.root, opts.base_url.as_deref()).map_err(Error::Content)?;
    let theme = Theme::load(&opts.root, &config.theme, &config.languages)?;
    let found = content::discover(content_dir).map_err(Error::Content)?;
    Ok((config, theme, found))
}

/// `serve`'s store of rendered Markdown bodies, started for this build's inputs.
fn body_store<'c>(
    cache: Option<&'c mut Cache>,
    incremental: Option<&crate::pipeline::cache::Incremental>,
) -> Option<&'c mut dyn site::BodyStore> {
    cache.zip(incremental).map(|(c, inc)| {
        c.bodies.begin(inc.fingerprint);
        &mut c.bodies as &mut dyn site::BodyStore
    })
}

/// What `serve`'s cache compares with the previous build to write only what changed.
fn incremental(
    opts: &BuildOptions,
    config: &Config,
    found: &content::Discovered,
    excluded: &Excluded,
    sources: &[SourcePage],
) -> crate::pipeline::cache::Incremental {
    let inputs = crate::pipeline::cache::Inputs {
        root: &opts.root,
        drafts: opts.drafts,
        config,
        found,
        excluded,
    };
    crate::pipeline::cache::Incremental::new(&inputs, sources)
}

/// Writes the output: only the changed pages when `serve`'s cache shows that nothing but
/// page bodies changed, else the whole site through a staging folder.
fn write_output(
    input: render::Input<'_>,
    opts: &BuildOptions,
    place: write::Place<'_>,
    incremental: Option<crate::pipeline::cache::Incremental>,
    cache: Option<&mut Cache>,
    timings: &mut Timings,
) -> Result<(usize, usize, Option<crate::output::search::IndexStats>), Error> {
    let output = place.output;
    let partial = incremental
        .as_ref()
        .zip(cache.as_deref())
        .and_then(|(inc, c)| inc.body_only_change(c, output, input.site));
    let shard_pages = match opts.search_shard_pages {
        0 => crate::output::search::DEFAULT_SHARD_PAGES,
        n => n,
    };
    let search = opts.search.then_some(shard_pages);
    let written = match partial {
        Some(pages) => {
            let n = rewrite_pages(input, output, &pages)?;
            timings.lap(Stage::Render);
            (n, 0, None)
        }
        None => write_site(input, place, search, timings)?,
    };
    if let (Some(c), Some(inc)) = (cache, incremental) {
        c.last = Some(inc.written_to(output));
    }
    Ok(written)
}

impl Summary {
    /// What the build wrote, and the search index's warning (a Finnish site built without
    /// libvoikko).
    fn wrote(&mut self, (pages, files, search): write::Written) {
        (self.pages, self.files, self.search) = (pages, files, search);
        self.warnings
            .extend(search.and_then(|s| s.finnish.warning()));
    }

    fn new(
        output: &Path,
        warnings: Vec<Diagnostic>,
        findings: Vec<crate::check::Finding>,
    ) -> Summary {
        Summary {
            pages: 0,
            files: 0,
            output: output.to_path_buf(),
            elapsed: Duration::ZERO,
            warnings,
            findings,
            timings: Timings::start(),
            search: None,
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

/// The address formulas, with the theme's folder names (`statement_slug`, `search_slug`,
/// `slug_*`) in each language.
fn addresses(config: &Config, theme: &Theme) -> Addresses {
    let mut slugs = routes::Slugs::new();
    for (lang, strings) in &theme.strings {
        let keys = strings
            .iter()
            .filter(|(k, _)| k.starts_with("slug_") || k.ends_with("_slug"));
        for (key, name) in keys {
            let by_lang = slugs.entry(key.clone()).or_default();
            by_lang.insert(lang.clone(), name.clone());
        }
    }
    Addresses::new(config, slugs)
}

fn route_options<'a>(opts: &BuildOptions, theme: &'a Theme) -> routes::Options<'a> {
    routes::Options {
        search: opts.search && !opts.check,
        pdf: opts.pdf,
        statics: theme.statics.keys().map(String::as_str).collect(),
    }
}
