//! Loading the site's sources: finding pages and other files under `content/` (walkdir),
//! reading them as UTF-8, and parsing front matter. Knows nothing of HTML.

pub(crate) mod document;
pub(crate) mod frontmatter;

use crate::base::diagnostics::Diagnostic;
use crate::model::config::Config;
use crate::msg;
use frontmatter::FrontMatter;
use std::path::{Component, Path, PathBuf};
use walkdir::WalkDir;

/// Files found under `content/`, as paths relative to it, in a stable order.
#[derive(Debug, Default)]
pub(crate) struct Discovered {
    pub pages: Vec<PathBuf>,
    /// Images, PDFs and other files copied beside their pages.
    pub assets: Vec<PathBuf>,
}

/// Walks `content/`. `data/` and `site.yaml` are neither pages nor copied; hidden files are
/// skipped. A symlink that leads outside `content/` is an error.
pub(crate) fn discover(content: &Path) -> Result<Discovered, Vec<Diagnostic>> {
    let mut found = Discovered::default();
    let mut errors = Vec::new();
    let canonical_root = content
        .canonicalize()
        .unwrap_or_else(|_| content.to_path_buf());
    let walker = WalkDir::new(content)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            let name = e.file_name().to_string_lossy();
            let rel = e.path().strip_prefix(content).unwrap_or(e.path());
            !(e.depth() > 0 && name.starts_with('.')) && rel != Path::new("data")
        });
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e
                    .path()
                    .map(|p| shown(content, p))
                    .unwrap_or_else(|| PathBuf::from("content"));
                errors.push(Diagnostic::file_error(path, msg!("cannot read: {e}", e)));
                continue;
            }
        };
        let rel = entry
            .path()
            .strip_prefix(content)
            .unwrap_or(entry.path())
            .to_path_buf();
        if entry.path_is_symlink() {
            match entry.path().canonicalize() {
                Ok(target) if target.starts_with(&canonical_root) && target.is_file() => {}
                Ok(target) if target.starts_with(&canonical_root) => {
                    errors.push(
                        Diagnostic::file_error(
                            shown(content, entry.path()),
                            msg!("a symbolic link to a folder is not supported"),
                        )
                        .with_hint(msg!(
                            "move or copy the folder into place instead of linking it"
                        )),
                    );
                    continue;
                }
                _ => {
                    errors.push(Diagnostic::file_error(shown(content, entry.path()), msg!("symbolic link points outside content/"))
                        .with_hint(msg!("a site may only read files inside its content/ folder; copy the file in instead")));
                    continue;
                }
            }
        } else if !entry.file_type().is_file() {
            continue;
        }
        if rel == Path::new("site.yaml") {
            continue;
        }
        if rel.extension().is_some_and(|e| e == "md") {
            found.pages.push(rel);
        } else {
            found.assets.push(rel);
        }
    }
    if errors.is_empty() {
        Ok(found)
    } else {
        Err(errors)
    }
}

/// A path as the author sees it: `content/...`.
pub(crate) fn shown(content: &Path, path: &Path) -> PathBuf {
    Path::new("content").join(path.strip_prefix(content).unwrap_or(path))
}

/// A page's source read and its front matter parsed; Markdown not yet rendered. Cheap to
/// clone (the text is shared), so `serve` keeps parsed pages between builds.
#[derive(Debug, Clone)]
pub(crate) struct SourcePage {
    /// Relative to `content/`.
    pub rel: PathBuf,
    pub lang: String,
    /// The same for all translations of a page: `dir/name` or `dir/` for an index page.
    pub key: String,
    pub is_index: bool,
    /// Site-relative URL path without a leading slash: `""`, `sv/`, `kertomus/01-tausta/`.
    pub path: String,
    /// The whole file, BOM removed.
    pub text: std::sync::Arc<str>,
    pub body_offset: usize,
    pub front: FrontMatter,
}

/// A page of the site: its place among the pages in file order, which is how the site, the
/// route table and links name it. A type of its own, so that a page is never taken for an
/// indicator, a plan or a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct PageId(usize);

impl PageId {
    /// The page at `n` in file order.
    pub(crate) fn nth(n: usize) -> PageId {
        PageId(n)
    }

    /// Its place in file order.
    pub(crate) fn index(self) -> usize {
        self.0
    }
}

/// The document block that applies to a page: its own, else, for an index page, the one of its
/// default-language twin (`twin`, asked only when needed): a translated document shares its
/// block. The site asks it of its pages, and the address-clash check of the sources before the
/// site exists, so both see the same documents.
pub(crate) fn document_block<'a>(
    own: &'a FrontMatter,
    is_index: bool,
    twin: impl FnOnce() -> Option<&'a FrontMatter>,
) -> Option<&'a document::RawDocument> {
    own.document
        .as_ref()
        .or_else(|| twin()?.document.as_ref().filter(|_| is_index))
}

/// `content/kuntakortit/<code>.md`: prose merged into a municipality card, not a page.
pub(crate) fn is_card_prose(rel: &Path, is_index: bool) -> bool {
    !is_index && rel.starts_with("kuntakortit")
}

impl SourcePage {
    /// The folder the page's file lives in, relative to `content/`.
    pub(crate) fn dir(&self) -> &Path {
        self.rel.parent().unwrap_or(Path::new(""))
    }

    /// Path shown in diagnostics.
    pub(crate) fn shown(&self) -> PathBuf {
        Path::new("content").join(&self.rel)
    }

    /// Key of the page's parent: the index page of its folder, or of the folder above for an
    /// index page. `None` for the front page.
    pub(crate) fn parent_key(&self) -> Option<String> {
        if self.key.is_empty() {
            return None;
        }
        let dir = if self.is_index {
            self.dir().parent()?
        } else {
            self.dir()
        };
        Some(dir_key(dir))
    }
}

/// Translation key of a folder's index page: `a/b/`, or `""` for the content root.
pub(crate) fn dir_key(dir: &Path) -> String {
    let s = slash_path(dir);
    if s.is_empty() {
        s
    } else {
        s + "/"
    }
}

fn slash_path(p: &Path) -> String {
    p.components()
        .filter_map(|c| match c {
            Component::Normal(s) => Some(s.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// Language, translation key and whether it is an index page, from a page's relative path.
pub(crate) fn identify(rel: &Path, config: &Config) -> (String, String, bool) {
    let stem = rel
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let (base, lang) = match stem.rsplit_once('.') {
        Some((base, l)) if config.languages.iter().any(|c| c == l) => {
            (base.to_string(), l.to_string())
        }
        _ => (stem.clone(), config.default_language().to_string()),
    };
    let dir = rel.parent().unwrap_or(Path::new(""));
    let is_index = base == "index";
    let key = if is_index {
        dir_key(dir)
    } else {
        let d = slash_path(dir);
        if d.is_empty() {
            base.clone()
        } else {
            format!("{d}/{base}")
        }
    };
    (lang, key, is_index)
}

/// Parses a page's bytes (as read from `content/<rel>`).
///
/// `address` gives the page's site-relative address from its path, language and whether it is
/// an index page: the model keeps the address but does not spell it (the `address` layer does).
pub(crate) fn parse_page(
    rel: &Path,
    bytes: Vec<u8>,
    config: &Config,
    address: &dyn Fn(&Path, &str, bool) -> String,
) -> Result<SourcePage, Diagnostic> {
    let shown = Path::new("content").join(rel);
    let text = crate::base::locate::utf8(&shown, bytes)?;
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    };
    let split = frontmatter::split(&text)
        .map_err(|e| Diagnostic::at_offset(&shown, &text, e.offset, e.message).with_hint(e.hint))?;
    let front: FrontMatter = crate::base::yaml::parse(split.yaml).map_err(|e| {
        let line = if e.line == 0 {
            split.yaml_line
        } else {
            e.line + split.yaml_line - 1
        };
        let d = Diagnostic::at_line_col(&shown, &text, line, e.col.max(1), e.message);
        match e.hint {
            Some(h) => d.with_hint(h),
            None => d,
        }
    })?;
    if let Some(doc) = &front.document {
        if let Some(p) = doc.validate().into_iter().next() {
            // The front matter starts on line `yaml_line` of the page's text.
            let yaml_start: usize = text
                .split_inclusive('\n')
                .take(split.yaml_line - 1)
                .map(str::len)
                .sum();
            let at = crate::base::locate::key(split.yaml, p.key).map(|o| o + yaml_start);
            return Err(
                crate::base::locate::error_at(&shown, &text, at, p.message).with_hint(p.hint)
            );
        }
    }
    let (lang, key, is_index) = identify(rel, config);
    let path = address(rel, &lang, is_index);
    Ok(SourcePage {
        rel: rel.to_path_buf(),
        lang,
        key,
        is_index,
        path,
        body_offset: split.body_offset,
        text: text.into(),
        front,
    })
}

/// Resolves a relative path written in `from_dir` (both relative to `content/`), refusing any
/// path that climbs out of `content/`. Absolute paths (`/kuvat/a.png`) are taken from `content/`.
pub(crate) fn resolve_relative(from_dir: &Path, written: &str) -> Option<PathBuf> {
    let mut out: Vec<String> = Vec::new();
    let start: Vec<String> = if written.starts_with('/') {
        Vec::new()
    } else {
        from_dir
            .components()
            .filter_map(|c| match c {
                Component::Normal(s) => Some(s.to_string_lossy().into_owned()),
                _ => None,
            })
            .collect()
    };
    out.extend(start);
    for part in written.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                out.pop()?;
            }
            p => out.push(p.to_string()),
        }
    }
    Some(out.iter().collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config() -> Config {
        Config::parse(
            "title: T\nlanguages: [fi, sv]\n",
            Path::new("site.yaml"),
            None,
        )
        .unwrap()
    }

    #[test]
    fn page_identity() {
        let c = config();
        assert_eq!(
            identify(Path::new("kertomus/01-tausta.sv.md"), &c),
            ("sv".into(), "kertomus/01-tausta".into(), false)
        );
        assert_eq!(
            identify(Path::new("kertomus/index.md"), &c),
            ("fi".into(), "kertomus/".into(), true)
        );
        assert_eq!(
            identify(Path::new("index.sv.md"), &c),
            ("sv".into(), "".into(), true)
        );
    }

    #[test]
    fn relative_paths_cannot_escape_content() {
        assert_eq!(
            resolve_relative(Path::new("a/b"), "../c.md"),
            Some(PathBuf::from("a/c.md"))
        );
        assert_eq!(resolve_relative(Path::new("a"), "../../etc/passwd"), None);
        assert_eq!(
            resolve_relative(Path::new("a"), "/x/y.png"),
            Some(PathBuf::from("x/y.png"))
        );
    }
}
