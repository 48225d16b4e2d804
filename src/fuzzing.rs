//! Entry points for the fuzz targets under `fuzz/` (compiled only with `--cfg fuzzing`, which
//! `cargo fuzz` sets). Each checks more than "no panic": the same input gives the same output,
//! no input takes longer than [`BOUND`], and what the sanitizer lets through carries no script,
//! event handler or script URL. A finding panics, which libFuzzer records as a crash.

use crate::config::RawHtml;
use crate::markdown::{self, shortcodes, Env, Input, Labels, Resolver, Target};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// No input of the fuzzers' size (a few KiB) may take longer than this.
pub const BOUND: Duration = Duration::from_secs(3);

/// Every link leads nowhere: the fuzzed page is alone.
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

/// A page (front matter and Markdown); the first byte picks the `raw_html` mode.
pub fn page(data: &[u8]) {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let raw_html = match mode % 3 {
        0 => RawHtml::Sanitize,
        1 => RawHtml::Deny,
        _ => RawHtml::Allow,
    };
    let first = timed("a page", || render(text, raw_html));
    assert_eq!(
        first,
        render(text, raw_html),
        "the same page rendered twice differs"
    );
    if raw_html != RawHtml::Allow {
        // The HTML only: heading texts are plain text, escaped wherever a template shows them.
        if let Some(bad) = live_script(&first.0) {
            panic!("{bad} survived raw_html: {raw_html:?}:\n{}", first.0);
        }
    }
}

/// The page's HTML, and its heading texts and number of diagnostics.
fn render(text: &str, raw_html: RawHtml) -> (String, String) {
    let Ok(split) = crate::content::frontmatter::split(text) else {
        return (String::new(), String::new());
    };
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
        body_offset: split.body_offset,
        shown: Path::new("content/sivu.md"),
        dir: Path::new(""),
        lang: "fi",
        page_path: "sivu/",
    };
    let out = markdown::render(&input, &env);
    let toc: Vec<&str> = out.headings.iter().map(|h| h.text.as_str()).collect();
    (out.html, format!("{toc:?}\n{}", out.diagnostics.len()))
}

/// The first script element, event handler or script URL in the tags of `html`, if any.
/// Only tags are looked at (text is escaped, so `<` always starts a tag, and a page may well
/// say "javascript:" in its text), and in a tag only attribute names and the start of values
/// (a value may well contain " onclick=" as text).
fn live_script(html: &str) -> Option<&'static str> {
    let lower = html.to_ascii_lowercase();
    for (at, _) in lower.match_indices('<') {
        let tag = &lower[at + 1..];
        if tag.starts_with("script") {
            return Some("a <script>");
        }
        for (name, value) in attributes(tag) {
            if name.starts_with("on") {
                return Some("an event handler");
            }
            let value = value.trim_start();
            if value.starts_with("javascript:") || value.starts_with("vbscript:") {
                return Some("a script URL");
            }
        }
    }
    None
}

/// The attributes of the tag that `tag` starts (after its `<`), as (name, value).
fn attributes(tag: &str) -> Vec<(&str, &str)> {
    let bytes = tag.as_bytes();
    let mut i = tag
        .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
        .unwrap_or(tag.len());
    let mut out = Vec::new();
    while i < bytes.len() && bytes[i] != b'>' {
        if bytes[i].is_ascii_whitespace() || bytes[i] == b'/' {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && !b" \t\n\r=>/".contains(&bytes[i]) {
            i += 1;
        }
        let name = &tag[start..i];
        let mut value = "";
        if i < bytes.len() && bytes[i] == b'=' {
            i += 1;
            let (v, next) = match bytes.get(i) {
                Some(&q) if q == b'"' || q == b'\'' => {
                    let end = tag[i + 1..]
                        .find(q as char)
                        .map_or(tag.len(), |e| i + 1 + e);
                    (&tag[(i + 1).min(end)..end], end + 1)
                }
                _ => {
                    let end = tag[i..]
                        .find(|c: char| c.is_whitespace() || c == '>')
                        .map_or(tag.len(), |e| i + e);
                    (&tag[i..end], end)
                }
            };
            value = v;
            i = next;
        }
        if !name.is_empty() {
            out.push((name, value));
        }
    }
    out
}

/// One line of a shortcode call.
pub fn shortcode(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let first = timed("a shortcode", || format!("{:?}", shortcodes::parse(text)));
    assert_eq!(first, format!("{:?}", shortcodes::parse(text)));
}

/// A whole site (a copy of `base`, a fixture with every kind of data file) with the file at
/// `rel` replaced by `data`, built twice into `work`: the builds must agree, and the pages must
/// carry no script of the author's.
pub fn site(base: &Path, work: &Path, rel: &str, data: &[u8]) {
    let root = work.join("site");
    let _ = std::fs::remove_dir_all(&root);
    copy_dir(base, &root);
    std::fs::write(root.join(rel), data).expect("write the fuzzed file");
    let first = timed("a site", || build_into(&root, &work.join("a")));
    let second = build_into(&root, &work.join("b"));
    assert_eq!(first, second, "the same site built twice differs");
}

/// The outcome of one build: its messages, or every written HTML file.
fn build_into(root: &Path, output: &Path) -> String {
    let _ = std::fs::remove_dir_all(output);
    let opts = crate::BuildOptions {
        root: root.to_path_buf(),
        output: Some(output.to_path_buf()),
        base_url: None,
        drafts: false,
        check: false,
        external: false,
        search: false,
        search_shard_pages: 0,
        pdf: false,
    };
    match crate::build(&opts) {
        Err(crate::Error::Content(diags)) => crate::diagnostics::report(&diags),
        Err(e) => format!("error: {e}"),
        Ok(_) => {
            let mut out = String::new();
            for entry in walkdir::WalkDir::new(output).sort_by_file_name() {
                let Ok(entry) = entry else { continue };
                if entry.path().extension().is_some_and(|e| e == "html") {
                    let html = std::fs::read_to_string(entry.path()).unwrap_or_default();
                    if let Some(bad) = live_script(&without_own_scripts(&html)) {
                        panic!("{bad} in {}", entry.path().display());
                    }
                    out.push_str(&html);
                }
            }
            out
        }
    }
}

/// The page with kertomus's own `<script … src="…/js/…">` elements taken out.
fn without_own_scripts(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find("<script") {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        let tag_end = tail.find('>').map_or(tail.len(), |e| e + 1);
        let end = tail
            .find("</script>")
            .map_or(tail.len(), |e| e + "</script>".len());
        let own = tail[..tag_end].contains(" src=\"") && tail[..tag_end].contains("/js/");
        if !own {
            out.push_str(&tail[..end]);
        }
        rest = &tail[end..];
    }
    out.push_str(rest);
    out
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from).into_iter().flatten() {
        let rel = entry.path().strip_prefix(from).unwrap_or(entry.path());
        let target: PathBuf = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).expect("create a folder");
        } else {
            std::fs::copy(entry.path(), &target).expect("copy a file");
        }
    }
}
