//! `kertomus serve`: builds the site, serves it on loopback, watches `content/`, `themes/` and
//! `site.yaml`, rebuilds on change (reusing what did not change, see `cache.rs`) and tells open
//! pages to reload through server-sent events. The reload script and the error overlay are
//! added to HTML responses as they are served: the files on disk are exactly what `build`
//! writes. A failed rebuild keeps the last good site and shows its errors until fixed.

mod conn;
mod events;
mod files;
mod folder;
mod http;

use crate::base::diagnostics::report;
use crate::base::error::Error;
use crate::base::messages::{Lang, Msg};
use crate::msg;
use crate::pipeline::cache::Cache;
use crate::pipeline::{build_with, BuildOptions};
use events::Hub;
use notify_debouncer_full::notify::RecursiveMode;
use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// What `kertomus serve` serves and where.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The site folder (holding `content/`).
    pub root: PathBuf,
    /// The address to listen on.
    pub bind: IpAddr,
    /// The port to listen on.
    pub port: u16,
    /// Whether drafts are built.
    pub drafts: bool,
    /// Where the built site goes (a fresh temporary folder when `None`).
    pub output: Option<PathBuf>,
    /// The language of the messages, in the terminal and on the error page.
    pub lang: Lang,
}

/// What the server shows besides the files.
#[derive(Debug, Default)]
pub struct Status {
    /// The errors of the last build, when it failed (the site is the last good one).
    pub errors: Option<String>,
    /// The headline over those errors on the page, in the messages' language.
    pub errors_title: String,
    /// How many builds have finished, good or bad.
    pub builds: u64,
}

/// A running server.
pub struct Running {
    /// Where it listens.
    pub addr: SocketAddr,
    /// The folder it serves.
    pub output: PathBuf,
    /// The last build's outcome.
    pub status: Arc<Mutex<Status>>,
    stop: Arc<AtomicBool>,
    /// The private folder made for this run (none when the output was given), removed when
    /// the server stops.
    folder: Option<PathBuf>,
    /// Held by every build, so the folder is removed between builds.
    cache: Arc<Mutex<Cache>>,
}

impl Running {
    /// Serves until the process ends.
    pub fn wait(&self) {
        loop {
            std::thread::park();
        }
    }

    /// Waits until at least `n` builds have finished (for tests and benchmarks).
    pub fn wait_builds(&self, n: u64, timeout: Duration) -> bool {
        let start = Instant::now();
        while start.elapsed() < timeout {
            if self.status.lock().map(|s| s.builds >= n).unwrap_or(false) {
                return true;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        false
    }
}

impl Running {
    /// What to run when the process is told to stop (SIGINT, SIGTERM): no more builds, and
    /// the folder made for this run removed once a build under way has finished.
    pub fn stopper(&self) -> impl Fn() + Send + Sync + 'static {
        let (stop, cache, folder) = (self.stop.clone(), self.cache.clone(), self.folder.clone());
        move || stop_building(&stop, &cache, folder.as_deref())
    }
}

fn stop_building(stop: &AtomicBool, cache: &Mutex<Cache>, folder: Option<&Path>) {
    stop.store(true, Ordering::SeqCst);
    let _builds = cache.lock().unwrap_or_else(|p| p.into_inner());
    if let Some(f) = folder {
        let _ = std::fs::remove_dir_all(f);
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        stop_building(&self.stop, &self.cache, self.folder.as_deref());
        // The accept loop sees the flag at its next connection: make one.
        let _ = std::net::TcpStream::connect_timeout(&self.addr, Duration::from_millis(200));
    }
}

fn bind_error(addr: SocketAddr, e: &std::io::Error) -> Error {
    Error::Config(if e.kind() == std::io::ErrorKind::AddrInUse {
        msg!(
            "{addr} is already in use (another kertomus serve?); choose another port with --port",
            addr
        )
    } else {
        msg!("cannot listen on {addr}: {e}", addr, e)
    })
}

/// Builds, starts serving and watching; `log` gets one line per event for the terminal.
pub fn start(opts: &ServeOptions, log: Arc<dyn Fn(&str) + Send + Sync>) -> Result<Running, Error> {
    let addr = SocketAddr::new(opts.bind, opts.port);
    let listener = std::net::TcpListener::bind(addr).map_err(|e| bind_error(addr, &e))?;
    let addr = listener.local_addr().unwrap_or(addr);
    let (folder, output) = match &opts.output {
        Some(o) => (None, o.clone()),
        None => folder::create(addr.port()).map(|(f, site)| (Some(f), site))?,
    };
    let status = Arc::new(Mutex::new(Status::default()));
    let hub = Arc::new(Hub::default());
    let stop = Arc::new(AtomicBool::new(false));
    let cache = Arc::new(Mutex::new(Cache::default()));
    let rebuild = rebuilder(
        build_options(opts, addr, &output),
        (cache.clone(), stop.clone()),
        (status.clone(), hub.clone()),
        (log, opts.lang),
    );
    rebuild(&msg!("starting"));
    watch(&opts.root, rebuild)?;
    let answer = {
        let (status, hub, output) = (status.clone(), hub.clone(), output.clone());
        Arc::new(move |request: conn::Request, stream: std::net::TcpStream| {
            http::handle(request, stream, &output, &status, &hub);
        })
    };
    let accepting = stop.clone();
    std::thread::spawn(move || conn::serve(listener, conn::Limits::default(), accepting, answer));
    Ok(Running {
        addr,
        output,
        status,
        stop,
        folder,
        cache,
    })
}

/// The preview's build: into `output`, links for the server's own address, no search index.
fn build_options(opts: &ServeOptions, addr: SocketAddr, output: &Path) -> BuildOptions {
    BuildOptions {
        root: opts.root.clone(),
        output: Some(output.to_path_buf()),
        // Links are root-relative: the site works at the server's root whatever base_url says.
        base_url: Some(format!("http://{addr}/")),
        drafts: opts.drafts,
        check: false,
        external: false,
        // Indexing takes longer than a rebuild should; the preview has no search index.
        search: false,
        search_shard_pages: 0,
        // Typesetting every document on every save would slow the preview down; `kertomus
        // build` makes the PDFs (the serve command says so when it starts).
        pdf: false,
    }
}

/// Where the server's lines for the terminal go.
type Log = Arc<dyn Fn(&str) + Send + Sync>;

/// What runs on every change: a build reusing the cache, its outcome logged and kept in
/// `status` (a failed build keeps the last good site), and a reload sent to the browsers.
/// Nothing is built once the server stops.
fn rebuilder(
    build_opts: BuildOptions,
    (cache, stop): (Arc<Mutex<Cache>>, Arc<AtomicBool>),
    (status, hub): (Arc<Mutex<Status>>, Arc<Hub>),
    (log, lang): (Log, Lang),
) -> impl Fn(&Msg) + Send + 'static {
    move |why: &Msg| {
        let started = Instant::now();
        let result = {
            let mut c = cache.lock().unwrap_or_else(|p| p.into_inner());
            if stop.load(Ordering::SeqCst) {
                return;
            }
            build_with(&build_opts, &mut c)
        };
        let failed = |text: String| {
            let failed = msg!("{why}: {failed}; still serving the last good site", why: why.clone(), failed: msg!("the build failed"));
            log(&format!("{}\n{text}", failed.render(lang)));
            Some(text)
        };
        let mut s = status.lock().unwrap_or_else(|p| p.into_inner());
        s.errors_title = msg!("The build failed. The page shows the last good version; fix the file and save to reload.").render(lang);
        s.errors = match result {
            Ok(summary) => {
                let built = msg!(
                    "{why}: built {pages} pages in {ms} ms",
                    why: why.clone(),
                    pages = summary.pages,
                    ms = started.elapsed().as_millis()
                );
                log(&built.render(lang));
                None
            }
            Err(Error::Content(diags)) => failed(report(&diags, lang)),
            Err(e) => failed(format!(
                "{}: {}",
                msg!("error").render(lang),
                e.render(lang)
            )),
        };
        s.builds += 1;
        drop(s);
        hub.send("reload");
    }
}

/// How long the sources must be quiet before a burst of changes is one rebuild.
pub const QUIET_MS: u64 = 10;

/// Watches the site's sources; each burst of changes (editors write, rename and delete in
/// quick succession when saving) gives one rebuild. The site folder itself is watched (not
/// recursively) so that a `themes/` folder created later is watched too.
fn watch(root: &Path, rebuild: impl Fn(&Msg) + Send + 'static) -> Result<(), Error> {
    use notify_debouncer_full::notify::event::{EventKind, ModifyKind};
    // Events name absolute paths: a relative root (`--root .`, the default) would match none.
    let root = &std::path::absolute(root).unwrap_or_else(|_| root.to_path_buf());
    let content = root.join("content");
    let themes = root.join("themes");
    let (tx, rx) = std::sync::mpsc::channel::<notify_debouncer_full::DebounceEventResult>();
    // A save is one burst of events within a millisecond or two; 10 ms of quiet ends it.
    // Events that come while a build runs give one more build after it, so a slower burst
    // (a checkout of many files) still ends in a build of the final state.
    let mut debouncer = notify_debouncer_full::new_debouncer(
        Duration::from_millis(QUIET_MS),
        Some(Duration::from_millis(5)),
        tx,
    )
    .map_err(|e| Error::Config(msg!("cannot watch files: {e}", e)))?;
    let watch_err = |p: &Path, e: notify_debouncer_full::notify::Error| {
        Error::Config(msg!("cannot watch {path}: {e}", path = p.display(), e))
    };
    debouncer
        .watch(&content, RecursiveMode::Recursive)
        .map_err(|e| watch_err(&content, e))?;
    debouncer
        .watch(root, RecursiveMode::NonRecursive)
        .map_err(|e| watch_err(root, e))?;
    let mut themes_watched =
        themes.is_dir() && debouncer.watch(&themes, RecursiveMode::Recursive).is_ok();
    std::thread::spawn(move || {
        for result in rx {
            let Ok(events) = result else { continue };
            if !themes_watched && themes.is_dir() {
                themes_watched = debouncer.watch(&themes, RecursiveMode::Recursive).is_ok();
            }
            // Reading files (the build itself) gives access and metadata events: only
            // creations, writes, renames and removals of sources are changes.
            let changed = events
                .iter()
                .filter(|e| match e.kind {
                    EventKind::Create(_) | EventKind::Remove(_) => true,
                    EventKind::Modify(ModifyKind::Metadata(_)) => false,
                    EventKind::Modify(_) => true,
                    _ => false,
                })
                .flat_map(|e| e.paths.iter())
                .find(|p| {
                    (p.starts_with(&content) || p.starts_with(&themes))
                        && !p
                            .file_name()
                            .is_some_and(|n| n.to_string_lossy().starts_with('.'))
                });
            if let Some(path) = changed {
                let name = path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                rebuild(&msg!("changed {name}", name));
            }
        }
    });
    Ok(())
}
