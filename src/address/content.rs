//! The addresses of what authors write: a page's address from its file's path and language
//! (`Väestö/01-tausta.sv.md` → `sv/vaesto/01-tausta/`), an asset's beside its page, and a
//! language's prefix.

use crate::model::config::Config;
use std::path::{Component, Path};

/// URL prefix of a language: `""` for the default language, `"sv/"` for the others.
pub(crate) fn lang_prefix(config: &Config, lang: &str) -> String {
    if lang == config.default_language() {
        String::new()
    } else {
        format!("{lang}/")
    }
}

/// URL path segment for a file or folder name: readable ASCII (`Väestö` → `vaesto`).
pub(crate) fn segment(name: &str) -> String {
    let s = slug::slugify(name);
    if s.is_empty() {
        "-".to_string()
    } else {
        s
    }
}

/// Site-relative output path of a folder: each component as a URL segment, ending in `/`.
fn folder(dir: &Path) -> String {
    dir.components()
        .filter_map(|c| match c {
            Component::Normal(s) => Some(segment(&s.to_string_lossy()) + "/"),
            _ => None,
        })
        .collect()
}

/// Output path of an asset (kept beside its page): folders as URL segments, file name as is.
pub(crate) fn asset(rel: &Path) -> String {
    let dir = rel.parent().map(folder).unwrap_or_default();
    let name = rel
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    dir + &name
}

/// Site-relative address of a page in a language, from its path relative to `content/`.
pub(crate) fn page(rel: &Path, lang: &str, is_index: bool, config: &Config) -> String {
    let mut path = lang_prefix(config, lang);
    let dir = rel.parent().unwrap_or(Path::new(""));
    path.push_str(&folder(dir));
    if !is_index {
        let stem = rel
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let base = match stem.rsplit_once('.') {
            Some((b, l)) if l == lang => b.to_string(),
            _ => stem,
        };
        path.push_str(&segment(&base));
        path.push('/');
    }
    path
}

/// Site-relative folder of an alias (`/vanha/osoite/` → `vanha/osoite/`), or `None` when it
/// would leave the site or is not a plain path.
pub(crate) fn alias(alias: &str) -> Option<String> {
    let trimmed = alias.trim().trim_start_matches('/');
    if alias.contains("://") || alias.contains('\\') || trimmed.is_empty() {
        return None;
    }
    let mut parts = Vec::new();
    for part in trimmed.split('/') {
        match part {
            "" => {}
            "." | ".." => return None,
            p if p.chars().any(|c| c.is_control() || "?#%\"<>".contains(c)) => return None,
            p => parts.push(p),
        }
    }
    Some(parts.join("/") + "/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_and_asset_addresses() {
        let c = Config::parse(
            "title: T\nlanguages: [fi, sv]\n",
            Path::new("site.yaml"),
            None,
        )
        .unwrap();
        assert_eq!(
            page(Path::new("Väestö/01-tausta.sv.md"), "sv", false, &c),
            "sv/vaesto/01-tausta/"
        );
        assert_eq!(page(Path::new("index.md"), "fi", true, &c), "");
        assert_eq!(asset(Path::new("Väestö/Kuva 1.png")), "vaesto/Kuva 1.png");
    }

    #[test]
    fn aliases_stay_inside_the_site() {
        assert_eq!(alias("/vanha/osoite/").as_deref(), Some("vanha/osoite/"));
        assert_eq!(alias("/vanha/../../etc/"), None);
        assert_eq!(alias("https://example.fi/"), None);
        assert_eq!(alias("/"), None);
    }
}
