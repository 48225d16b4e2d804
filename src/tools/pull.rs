//! `kertomus pull plans`: fetches other kertomus sites' `/data/plan.json` (or reads such files
//! from disk) into `content/data/plans/`, all or nothing: every source is fetched and checked
//! before the first file is written, and each file is written beside its place and renamed
//! over it, so a failed pull leaves the folder as it was.

use crate::base::messages::{Lang, Msg};
use crate::model::plan::exchange::{self, PlanFile};
use crate::msg;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// What to pull, and where to.
#[derive(Debug, Clone)]
pub struct PullPlansOptions {
    /// The site folder, holding content/.
    pub root: PathBuf,
    /// Addresses (`https://…/data/plan.json`) or file paths.
    pub sources: Vec<String>,
}

/// One file written.
#[derive(Debug, Clone)]
pub struct PulledFile {
    /// Relative to the site folder.
    pub path: PathBuf,
    /// The document keys of the plans it holds.
    pub plans: Vec<String>,
}

/// Why nothing was written.
#[derive(Debug)]
pub struct PullPlansError {
    message: Msg,
    hint: Option<Msg>,
}

impl PullPlansError {
    fn new(message: Msg, hint: Msg) -> PullPlansError {
        PullPlansError {
            message,
            hint: Some(hint),
        }
    }

    /// The message and hint in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        let mut out = self.message.render(lang);
        if let Some(h) = &self.hint {
            out.push_str("\n  ");
            out.push_str(&h.render(lang));
        }
        out
    }
}

/// Fetches every source, checks it, then writes the files. `today` is the fetch date written
/// into each file (`YYYY-MM-DD`).
pub fn pull_plans(opts: &PullPlansOptions, today: &str) -> Result<Vec<PulledFile>, PullPlansError> {
    let content = opts.root.join("content");
    if !content.is_dir() {
        return Err(PullPlansError::new(
            msg!(
                "{root}: no content/ folder here",
                root = opts.root.display()
            ),
            msg!("run kertomus in a site folder, or pass --root DIR"),
        ));
    }
    let mut files: Vec<(String, Vec<u8>, Vec<String>)> = Vec::new();
    for source in &opts.sources {
        let mut file = checked(source, &fetch(source)?)?;
        file.pulled = Some(exchange::Pulled {
            from: source.clone(),
            date: today.to_string(),
        });
        file.plans.retain(|p| p.source.is_none());
        let keys: Vec<String> = file.plans.iter().map(|p| p.document.clone()).collect();
        let mut name = file_name(&file, source);
        let mut n = 2;
        while files.iter().any(|(f, _, _)| *f == name) {
            name = format!("{}-{n}.json", name.trim_end_matches(".json"));
            n += 1;
        }
        let mut bytes = serde_json::to_vec_pretty(&file).unwrap_or_default();
        bytes.push(b'\n');
        files.push((name, bytes, keys));
    }
    let dir = content.join(crate::model::plan::PULLED_DIR);
    std::fs::create_dir_all(&dir).map_err(|e| io(&dir, &e))?;
    let mut staged = Vec::new();
    for (name, bytes, _) in &files {
        let tmp = dir.join(format!(".{name}.kertomus-tmp"));
        if let Err(e) = std::fs::write(&tmp, bytes) {
            for t in &staged {
                let _ = std::fs::remove_file(t);
            }
            let _ = std::fs::remove_file(&tmp);
            return Err(io(&tmp, &e));
        }
        staged.push(tmp);
    }
    let mut out = Vec::new();
    for ((name, _, keys), tmp) in files.into_iter().zip(staged) {
        let path = dir.join(&name);
        std::fs::rename(&tmp, &path).map_err(|e| io(&path, &e))?;
        out.push(PulledFile {
            path: Path::new("content")
                .join(crate::model::plan::PULLED_DIR)
                .join(name),
            plans: keys,
        });
    }
    Ok(out)
}

fn io(path: &Path, e: &std::io::Error) -> PullPlansError {
    PullPlansError::new(
        msg!("{path}: {e}", path = path.display(), e = e.to_string()),
        msg!("nothing was written; check that the folder is writable"),
    )
}

/// The text of an address or a file.
fn fetch(source: &str) -> Result<String, PullPlansError> {
    if !(source.starts_with("https://") || source.starts_with("http://")) {
        return std::fs::read_to_string(source).map_err(|e| {
            PullPlansError::new(
                msg!("{source}: {e}", source, e = e.to_string()),
                msg!("give the address of another site's plan.json (https://…/data/plan.json) or a file path"),
            )
        });
    }
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .user_agent(concat!("kertomus/", env!("CARGO_PKG_VERSION")))
        .timeout_global(Some(Duration::from_secs(60)))
        .http_status_as_error(false)
        .build()
        .into();
    let failed = |e: ureq::Error| {
        PullPlansError::new(
            msg!("{source}: {e}", source, e = e.to_string()),
            msg!("check the address and the connection; nothing was written"),
        )
    };
    let mut response = agent.get(source).call().map_err(failed)?;
    let status = response.status().as_u16();
    let body = response.body_mut().read_to_string().map_err(failed)?;
    if status != 200 {
        return Err(PullPlansError::new(
            msg!(
                "{source}: the server answered HTTP {status}",
                source,
                status
            ),
            msg!("the address of a kertomus site's plans ends in /data/plan.json"),
        ));
    }
    Ok(body)
}

/// The text as a plan.json this version reads, with at least one plan of its own site.
fn checked(source: &str, text: &str) -> Result<PlanFile, PullPlansError> {
    let file: PlanFile = serde_json::from_str(text).map_err(|e| {
        PullPlansError::new(
            msg!(
                "{source}:{line}:{col}: not a plan.json file: {e}",
                source,
                line = e.line(),
                col = e.column(),
                e = e.to_string()
            ),
            msg!("the address of a kertomus site's plans ends in /data/plan.json"),
        )
    })?;
    if file.format > exchange::FORMAT {
        return Err(PullPlansError::new(
            msg!("{source}: plan.json format {n} is newer than this version of kertomus reads (format {known})", source, n = file.format, known = exchange::FORMAT),
            msg!("update kertomus"),
        ));
    }
    if !file.plans.iter().any(|p| p.source.is_none()) {
        return Err(PullPlansError::new(
            msg!("{source}: the file holds no plan of its own site", source),
            msg!("pull a plan from the site that publishes it"),
        ));
    }
    Ok(file)
}

/// `<organisation>.json` after the first plan's organisation, else its document.
fn file_name(file: &PlanFile, source: &str) -> String {
    let first = file.plans.first();
    let base = first
        .and_then(|p| p.organisation.clone())
        .or_else(|| first.map(|p| p.document.clone()))
        .unwrap_or_else(|| source.to_string());
    let slug = slug::slugify(base);
    format!(
        "{}.json",
        if slug.is_empty() {
            "plans".into()
        } else {
            slug
        }
    )
}
