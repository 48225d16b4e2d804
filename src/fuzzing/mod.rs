//! Entry points for the fuzz targets under `fuzz/` (compiled only with `--cfg fuzzing`, which
//! `cargo fuzz` sets and CI builds with). Each checks more than "no panic": the same input gives
//! the same output, no input takes longer than [`BOUND`], what the sanitizer lets through
//! carries no script, event handler or script URL, and a site built from a page without raw
//! HTML has no link that leads nowhere. A finding panics, which libFuzzer records as a crash.
//!
//! The whole-site targets build a copy of the plan fixture (`tests/fixtures/plan`) with one file
//! replaced. With `KERTOMUS_FUZZ_OUTCOMES` or `KERTOMUS_FUZZ_COUNTS` set (see [`record`]),
//! `scripts/fuzz.sh` tells how many inputs got through the checks to the renderer (a fuzzer that
//! only meets error messages tests little else).

mod scripts;
mod site;

pub use site::{page, site};

use crate::markdown::{self, shortcodes, Env, Input, Labels, Resolver, Target};
use crate::model::config::RawHtml;
use scripts::live_script;
use std::collections::BTreeMap;
use std::path::Path;
use std::time::{Duration, Instant};

/// No input of the fuzzers' size (a few KiB) may take longer than this.
pub const BOUND: Duration = Duration::from_secs(3);

/// Every link leads nowhere: the fuzzed Markdown is alone.
struct Nowhere;

impl Resolver for Nowhere {
    fn resolve(&self, _path: &Path, _lang: &str) -> Target {
        Target::Missing { suggestion: None }
    }
}

fn timed<T>(what: &str, f: impl FnOnce() -> T) -> T {
    let started = Instant::now();
    let out = f();
    let took = started.elapsed();
    assert!(took < BOUND, "{what} took {took:?}");
    out
}

/// Adds the input's outcome to the file `KERTOMUS_FUZZ_OUTCOMES` names, if set (a line per
/// input); with `KERTOMUS_FUZZ_COUNTS`, keeps the counts of a run in that file (`built N
/// refused M`, written after each of the first thousand inputs, then every thousand).
fn record(got_through: bool) {
    use std::io::Write;
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTS: [AtomicU64; 2] = [AtomicU64::new(0), AtomicU64::new(0)];
    if let Some(path) = std::env::var_os("KERTOMUS_FUZZ_OUTCOMES") {
        let file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path);
        if let Ok(mut f) = file {
            let _ = writeln!(f, "{}", if got_through { "built" } else { "refused" });
        }
    }
    COUNTS[usize::from(got_through)].fetch_add(1, Ordering::Relaxed);
    let [refused, built] = [0, 1].map(|i| COUNTS[i].load(Ordering::Relaxed));
    if built + refused <= 1000 || (built + refused) % 1000 == 0 {
        if let Some(path) = std::env::var_os("KERTOMUS_FUZZ_COUNTS") {
            let _ = std::fs::write(path, format!("built {built} refused {refused}\n"));
        }
    }
}

/// The `raw_html` mode a first byte picks.
fn mode(byte: u8) -> RawHtml {
    match byte % 3 {
        0 => RawHtml::Sanitize,
        1 => RawHtml::Deny,
        _ => RawHtml::Allow,
    }
}

/// Markdown alone (no site: every link leads nowhere, no shortcode is known), fast enough for
/// millions of inputs; the first byte picks the `raw_html` mode.
pub fn markdown(data: &[u8]) {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let raw_html = mode(first);
    let out = timed("a page", || render(text, raw_html));
    record(out.1.ends_with("\n0"));
    assert_eq!(
        out,
        render(text, raw_html),
        "the same page rendered twice differs"
    );
    if raw_html != RawHtml::Allow {
        // The HTML only: heading texts are plain text, escaped wherever a template shows them.
        if let Some(bad) = live_script(&out.0) {
            panic!("{bad} survived raw_html: {raw_html:?}:\n{}", out.0);
        }
    }
}

/// The Markdown's HTML, and its heading texts and number of diagnostics.
fn render(text: &str, raw_html: RawHtml) -> (String, String) {
    let labels = Labels::default();
    let registry = shortcodes::Registry::default();
    let env = Env {
        raw_html,
        resolver: &Nowhere,
        shortcodes: &registry,
        labels: &labels,
    };
    let input = Input {
        text,
        body_offset: 0,
        shown: Path::new("content/sivu.md"),
        dir: Path::new(""),
        lang: "fi",
        page_path: "sivu/",
    };
    let out = markdown::render(&input, &env);
    let toc: Vec<&str> = out.headings.iter().map(|h| h.text.as_str()).collect();
    (
        out.html.to_string(),
        format!("{toc:?}\n{}", out.diagnostics.len()),
    )
}

/// One line of a shortcode call.
pub fn shortcode(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let first = timed("a shortcode", || shortcodes::parse(text));
    record(first.is_ok());
    let first = format!("{first:?}");
    assert_eq!(first, format!("{:?}", shortcodes::parse(text)));
}

/// The search record and the link checker on one HTML file, `sivu/index.html` of a site with a
/// front page and an image beside it: both read HTML that kertomus wrote, here any HTML.
pub fn search_links(data: &[u8]) {
    let Ok(html) = std::str::from_utf8(data) else {
        return;
    };
    let fields = |r: crate::output::search::Record| (r.title, r.text);
    let first = timed("a search record", || {
        crate::output::search::record("/hyte/sivu/", "fi", html).map(fields)
    });
    record(first.is_some());
    assert_eq!(
        first,
        crate::output::search::record("/hyte/sivu/", "fi", html).map(fields)
    );
    let files: BTreeMap<String, Vec<u8>> = [
        ("sivu/index.html", data),
        (
            "index.html",
            &b"<main id=\"main\"><h1 id=\"otsikko\">E</h1></main>"[..],
        ),
        ("sivu/kuva.png", b""),
    ]
    .into_iter()
    .map(|(p, b)| (p.to_string(), b.to_vec()))
    .collect();
    let base = "https://example.fi/hyte/";
    let broken = |files: &BTreeMap<String, Vec<u8>>| {
        let found = crate::check::links::broken(files, base);
        found
            .into_iter()
            .map(|b| {
                format!(
                    "{} {} {}",
                    b.file,
                    b.link,
                    b.reason.render(crate::base::messages::Lang::En)
                )
            })
            .collect::<Vec<_>>()
    };
    let first = timed("the link check", || broken(&files));
    assert_eq!(first, broken(&files), "the same files checked twice differ");
    // The other files are whole: only the fuzzed one can have a broken link.
    assert!(
        first.iter().all(|b| b.starts_with("sivu/index.html ")),
        "{first:?}"
    );
}
