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
use crate::{cooperation, organisations, plan, surveys};
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap, HashSet};
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
    let register = load_register(&content_dir, &mut diags);
    check_site_regions(&config, &register, &mut diags);
    let indicators = indicators::load(&content_dir, &register, &mut diags);
    let organisations = organisations::load(&content_dir, &register, &mut diags);
    let plans = plan::load(
        &content_dir,
        &plan_documents(&sources, &config),
        &plan::Known {
            organisations: &organisations,
            indicators: &indicators,
        },
        &mut diags,
    );
    let surveys = surveys::load(&content_dir, &mut diags);
    let cooperation = cooperation::load(&content_dir, &mut diags);
    check_organisation_refs(&config, &sources, &organisations, &mut diags);
    let model = Model {
        organisations: &organisations,
        plans: &plans,
        surveys: &surveys,
        cooperation: &cooperation,
    };
    let statement_slugs: Vec<String> = theme
        .strings
        .values()
        .flat_map(|t| ["statement_slug", "search_slug"].map(|k| t.get(k).map(|s| format!("{s}/"))))
        .flatten()
        .collect();
    check_generated_paths(
        &config,
        &indicators,
        &model,
        &statement_slugs,
        &sources,
        &mut diags,
    );
    let data_config = config.clone();
    let mut data = DataSet::new(&data_config, &register, &indicators, &theme.strings, model);
    data.search = opts.search && !opts.check;
    let mut findings = if opts.check {
        quality_report(&data, &sources)
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
    let print = fingerprint(opts, &config, &found, &excluded);
    // The shape is everything but page bodies; each body is hashed on its own.
    let shape = crate::cache::hash(&(
        print,
        sources
            .iter()
            .map(|s| (&s.rel, &s.text[..s.body_offset]))
            .collect::<Vec<_>>(),
    ));
    let body_hashes: HashMap<PathBuf, u64> = sources
        .iter()
        .map(|s| (s.rel.clone(), crate::cache::hash(&s.text[s.body_offset..])))
        .collect();
    let bodies = cache.as_deref_mut().map(|c| {
        c.bodies.begin(print);
        &mut c.bodies
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
        let mut generated = render::generated_paths(&site, &data);
        generated.extend(theme.statics.keys().cloned());
        generated.extend(
            [
                "data/indicators.csv",
                "data/indicators.json",
                "data/measures.csv",
                "data/plan.json",
                "sitemap.xml",
                "robots.txt",
            ]
            .map(String::from),
        );
        generated.extend(
            indicators
                .list
                .iter()
                .map(|i| format!("mittarit/{0}/{0}.csv", i.id)),
        );
        findings.extend(crate::check::site(&site, &data, &content_dir, &generated));
        if opts.external {
            let (found, _) =
                crate::check::check_external(&site, &content_dir, Duration::from_secs(10));
            findings.extend(found);
        }
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
    if let Some(c) = cache.as_deref_mut() {
        if let Some(pages) = body_only_change(c, shape, &output, &body_hashes, &site) {
            let rendered = render::render_partial(&site, &theme, &data, &pages)?;
            let written = write_changed(&output, &rendered)?;
            c.last = Some(crate::cache::LastBuild {
                shape,
                output: output.clone(),
                bodies: body_hashes,
            });
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
    if !indicators.list.is_empty() {
        staging.write(
            "data/indicators.csv",
            indicators::export::values_csv(&indicators, &register).as_bytes(),
        )?;
        staging.write(
            "data/indicators.json",
            indicators::export::metadata_json(&indicators).as_bytes(),
        )?;
        files += 2;
    }
    if let Some(indexer) = indexer {
        for (rel, bytes) in indexer.finish()? {
            staging.write(&format!("pagefind/{rel}"), &bytes)?;
            files += 1;
        }
    }
    if !plans.is_empty() {
        staging.write(
            "data/measures.csv",
            render::opendata::measures_csv(&data).as_bytes(),
        )?;
        staging.write(
            "data/plan.json",
            render::opendata::plan_json(&data).as_bytes(),
        )?;
        files += 2;
    }
    staging.commit()?;
    if let Some(c) = cache {
        c.last = Some(crate::cache::LastBuild {
            shape,
            output: output.clone(),
            bodies: body_hashes,
        });
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

/// The pages whose bodies changed, when nothing else did since the last build written to
/// `output` (and none of them is merged into another page, as card prose is).
fn body_only_change(
    cache: &Cache,
    shape: u64,
    output: &Path,
    bodies: &HashMap<PathBuf, u64>,
    site: &Site,
) -> Option<Vec<usize>> {
    let last = cache.last.as_ref()?;
    if last.shape != shape || last.output != output || !output.is_dir() {
        return None;
    }
    let changed: Vec<usize> = site
        .pages
        .iter()
        .enumerate()
        .filter(|(_, p)| last.bodies.get(&p.rel) != bodies.get(&p.rel))
        .map(|(i, _)| i)
        .collect();
    (!changed.iter().any(|&i| site.pages[i].is_card_prose())).then_some(changed)
}

/// Writes files into the live output, each only when its bytes differ; returns how many.
fn write_changed(output: &Path, files: &[(String, String)]) -> Result<usize, Error> {
    let mut written = 0;
    for (rel, text) in files {
        let path = output.join(rel);
        if std::fs::read(&path).ok().as_deref() != Some(text.as_bytes()) {
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir).map_err(Error::io(dir))?;
            }
            std::fs::write(&path, text).map_err(Error::io(&path))?;
            written += 1;
        }
    }
    Ok(written)
}

/// Everything a page's Markdown body depends on besides its own text: which pages and files
/// exist, drafts and failed pages, site.yaml, data, the theme (shortcodes use its partials)
/// and the month (the annual clock may mark it).
fn fingerprint(
    opts: &BuildOptions,
    config: &Config,
    found: &content::Discovered,
    ex: &Excluded,
) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    found.pages.hash(&mut h);
    let content_dir = opts.root.join("content");
    for a in &found.assets {
        a.hash(&mut h);
        std::fs::metadata(content_dir.join(a))
            .ok()
            .map(|m| (m.len(), m.modified().ok()))
            .hash(&mut h);
    }
    let mut drafts: Vec<&PathBuf> = ex.drafts.iter().collect();
    drafts.sort();
    let mut failed: Vec<&PathBuf> = ex.failed.iter().collect();
    failed.sort();
    (
        drafts,
        failed,
        &config.source,
        &config.base_url,
        opts.drafts,
    )
        .hash(&mut h);
    crate::cache::stamp_dir(&content_dir.join("data"), &mut h);
    crate::cache::stamp_dir(&opts.root.join("themes"), &mut h);
    render::current_month().hash(&mut h);
    h.finish()
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
    let read = |rel: &PathBuf| {
        std::fs::read(content_dir.join(rel)).map_err(|e| {
            Diagnostic::file_error(Path::new("content").join(rel), format!("cannot read: {e}"))
        })
    };
    let texts: Vec<Result<Vec<u8>, Diagnostic>> = match cache {
        Some(c) => {
            c.retain_texts(rels);
            rels.iter()
                .map(|rel| {
                    c.text(content_dir, rel).map_err(|e| {
                        Diagnostic::file_error(
                            Path::new("content").join(rel),
                            format!("cannot read: {e}"),
                        )
                    })
                })
                .collect()
        }
        None => rels.par_iter().map(read).collect(),
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

/// The built-in register with `content/data/regions.csv` applied.
pub(crate) fn load_register(content_dir: &Path, diags: &mut Vec<Diagnostic>) -> Register {
    let mut register = Register::builtin();
    let rel = Path::new("content/data/regions.csv");
    match std::fs::read_to_string(content_dir.join("data/regions.csv")) {
        Ok(text) => diags.extend(register.apply_overrides(&text, rel)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => diags.push(Diagnostic::file_error(rel, format!("cannot read: {e}"))),
    }
    register
}

/// Card indicators must exist, and no content page may take an address kertomus generates.
fn check_generated_paths(
    config: &Config,
    indicators: &indicators::Indicators,
    model: &Model<'_>,
    statement_slugs: &[String],
    sources: &[SourcePage],
    diags: &mut Vec<Diagnostic>,
) {
    let rel = Path::new("content/site.yaml");
    let text = config.source.as_str();
    for id in config
        .municipality_cards
        .iter()
        .flat_map(|c| c.indicators.iter())
    {
        if indicators.get(id).is_none() {
            let offset = text
                .find(&format!("\"{id}\""))
                .or_else(|| text.find(id.as_str()))
                .unwrap_or(0);
            diags.push(
                Diagnostic::at_offset(
                    rel,
                    text,
                    offset,
                    format!("municipality card indicator `{id}` is not in indicators.yaml"),
                )
                .with_hint("list ids from content/data/indicators.yaml"),
            );
        }
    }
    let mut reserved: Vec<String> = vec!["data/".into()];
    reserved.extend(statement_slugs.iter().cloned());
    if !indicators.list.is_empty() {
        reserved.push("mittarit/".into());
    }
    if config.municipality_cards.is_some() {
        reserved.push("kuntakortit/".into());
    }
    if !model.organisations.list.is_empty() {
        reserved.push("organisaatiot/".into());
    }
    if !model.surveys.is_empty() {
        reserved.push("kyselyt/".into());
    }
    if model.cooperation.clock.is_some() {
        reserved.push("vuosikello/".into());
    }
    if !model.cooperation.bodies.is_empty() {
        reserved.push("yhteistyorakenne/".into());
    }
    reserved.extend(
        model
            .plans
            .iter()
            .map(|p| format!("{}{}/", p.doc_path, render::plan::PLAN_SLUG)),
    );
    for s in sources {
        let bare = s
            .path
            .strip_prefix(&format!("{}/", s.lang))
            .unwrap_or(&s.path);
        // Card prose pages live under kuntakortit/ but are merged into the cards.
        let taken = reserved.iter().any(|r| {
            bare.starts_with(r.as_str()) && !(r == "kuntakortit/" && bare != "kuntakortit/")
        });
        if taken {
            diags.push(
                Diagnostic::file_error(
                    s.shown(),
                    format!("the address /{} is generated by kertomus", s.path),
                )
                .with_hint(format!(
                    "rename the folder; these addresses are reserved for generated pages: /{}",
                    reserved.join(", /")
                )),
            );
        }
    }
}

/// Plan documents (type suunnitelma or kertomus+suunnitelma) in the default language.
fn plan_documents(sources: &[SourcePage], config: &Config) -> Vec<plan::PlanDoc> {
    sources
        .iter()
        .filter(|s| s.is_index && s.lang == config.default_language())
        .filter_map(|s| {
            let doc = s.front.document.as_ref()?;
            doc.kind.has_plan().then(|| plan::PlanDoc {
                key: s.key.clone(),
                path: s.path.clone(),
                dir: s.dir().to_path_buf(),
                period: doc.period,
            })
        })
        .collect()
}

/// The organisation of site.yaml and of documents must be in organisations.yaml, once the
/// site has one.
fn check_organisation_refs(
    config: &Config,
    sources: &[SourcePage],
    orgs: &organisations::Organisations,
    diags: &mut Vec<Diagnostic>,
) {
    if orgs.list.is_empty() {
        return;
    }
    if let Some(id) = config
        .organisation
        .as_deref()
        .filter(|id| orgs.get(id).is_none())
    {
        let (message, hint) = orgs.unknown(id);
        let offset = config.source.find(id).unwrap_or(0);
        diags.push(
            Diagnostic::at_offset("content/site.yaml", &config.source, offset, message)
                .with_hint(hint),
        );
    }
    for s in sources {
        let Some(id) = s
            .front
            .document
            .as_ref()
            .and_then(|d| d.organisation.as_deref())
        else {
            continue;
        };
        if orgs.get(id).is_none() {
            let (message, hint) = orgs.unknown(id);
            let offset = s.text[..s.body_offset].find(id).unwrap_or(0);
            diags.push(Diagnostic::at_offset(s.shown(), &s.text, offset, message).with_hint(hint));
        }
    }
}

/// `kertomus check`'s report on the plans and surveys: warnings with positions.
fn quality_report(data: &DataSet<'_>, sources: &[SourcePage]) -> Vec<(&'static str, Diagnostic)> {
    let mut out = Vec::new();
    let home = data.site_regions().into_iter().next();
    let county_org = |id: Option<&str>| {
        id.and_then(|id| data.model.organisations.get(id))
            .is_some_and(|o| o.kind == organisations::OrgType::Hyvinvointialue)
    };
    for p in data.model.plans {
        let doc_org = sources
            .iter()
            .find(|s| s.key == p.doc_key && s.is_index)
            .and_then(|s| s.front.document.as_ref())
            .and_then(|d| d.organisation.as_deref())
            .or(data.config.organisation.as_deref());
        let findings = plan::quality::check(
            p,
            &plan::quality::Setting {
                indicators: data.indicators,
                home_region: home.as_ref(),
                county_plan: county_org(doc_org),
            },
        );
        out.extend(findings.into_iter().map(|(f, d)| (f.label(), d)));
    }
    out.extend(
        render::statement::warnings(data.config, crate::dates::today_utc())
            .into_iter()
            .map(|d| ("accessibility statement", d)),
    );
    for s in data.model.surveys {
        out.extend(
            s.mismatches()
                .into_iter()
                .map(|d| ("survey figures that differ from the published ones", d)),
        );
    }
    out
}

/// Regions named in site.yaml must exist.
fn check_site_regions(config: &Config, register: &Register, diags: &mut Vec<Diagnostic>) {
    let rel = Path::new("content/site.yaml");
    let text = config.source.as_str();
    let mut named: Vec<(&str, &str)> = Vec::new();
    named.extend(
        config
            .home_region
            .iter()
            .map(|r| ("home_region", r.as_str())),
    );
    named.extend(
        config
            .compare_regions
            .iter()
            .map(|r| ("compare_regions", r.as_str())),
    );
    named.extend(
        config
            .municipality_cards
            .iter()
            .map(|c| ("region", c.region.as_str())),
    );
    for (key, r) in named {
        if let Err(message) = register.resolve(r) {
            let offset = text.find(r).unwrap_or_else(|| {
                let (line, _) = crate::config::find_key(text, key);
                text.lines().take(line - 1).map(|l| l.len() + 1).sum()
            });
            diags.push(Diagnostic::at_offset(rel, text, offset, message));
        }
    }
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
