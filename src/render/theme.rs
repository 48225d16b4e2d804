//! The theme: templates (tera), static files and interface strings (i18n) of the built-in
//! theme embedded in the binary, overridden file by file from the site's `themes/<name>/`.

use crate::base::error::Error;
use crate::msg;
use include_dir::{include_dir, Dir};
use std::collections::BTreeMap;
use std::path::Path;

static BUILTIN: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/themes/default");

/// Interface strings of one language, by key.
pub(crate) type Strings = BTreeMap<String, String>;

/// The interface string `key` of one language: the one behaviour for a missing string. The
/// built-in theme has every key in every language (tested) and a site's override falls back
/// to it, so a key can be missing only through a typo in a template or in the code: the key
/// itself is shown, so that the typo is seen rather than hidden as an empty text.
pub(crate) fn word(t: &Strings, key: &str) -> String {
    t.get(key).cloned().unwrap_or_else(|| key.to_string())
}

pub(crate) struct Theme {
    pub tera: tera::Tera,
    /// Interface strings by language code.
    pub strings: BTreeMap<String, Strings>,
    /// Static files by output path (`css/kertomus.css`).
    pub statics: BTreeMap<String, Vec<u8>>,
}

impl Theme {
    /// Loads the built-in theme and the site's overrides from `root/themes/<name>/`.
    pub(crate) fn load(root: &Path, name: &str, languages: &[String]) -> Result<Theme, Error> {
        let site_dir = root.join("themes").join(name);
        if name != "default" && !site_dir.is_dir() {
            return Err(Error::Config(msg!("content/site.yaml: theme `{name}` not found: there is no folder themes/{name}/ (remove `theme:` to use the built-in theme)", name)));
        }
        let mut files = Files::default();
        for file in builtin_files(&BUILTIN) {
            let rel = file.path().to_string_lossy().replace('\\', "/");
            let origin = format!("(built-in theme) {rel}");
            files.add(&rel, file.contents().to_vec(), origin)?;
        }
        if site_dir.is_dir() {
            files.add_dir(&site_dir, name)?;
        }
        Ok(Theme {
            tera: engine(&files.templates)?,
            strings: strings(&files.i18n, languages, name)?,
            statics: files.statics,
        })
    }
}

/// The tera engine with the theme's templates and kertomus's own filters.
fn engine(templates: &BTreeMap<String, String>) -> Result<tera::Tera, Error> {
    let mut tera = tera::Tera::new();
    tera.autoescape_on([".html", ".xml"]);
    // `{{ 1234.5 | number(decimals=1) }}` → 1234,5 on a Finnish page, 1,234.5 in English.
    tera.register_filter(
        "number",
        |value: f64, kwargs: tera::Kwargs, state: &tera::State| {
            let decimals = kwargs.get::<i64>("decimals")?.unwrap_or(0).clamp(0, 10) as usize;
            let lang = state.get::<String>("lang")?.unwrap_or_default();
            Ok::<String, tera::Error>(crate::base::numbers::format(value, decimals, &lang))
        },
    );
    // `{{ n | count(forms=t.plan_n_goals) }}` → "ei tavoitteita", "1 tavoite", "2 tavoitetta".
    tera.register_filter("count", |n: i64, kwargs: tera::Kwargs, _: &tera::State| {
        let forms = kwargs.get::<String>("forms")?.unwrap_or_default();
        Ok::<String, tera::Error>(count(&forms, n))
    });
    tera.add_raw_templates(templates.iter().map(|(n, c)| (n.as_str(), c.as_str())))
        .map_err(|e| Error::Template(format!("in theme templates:\n{e}")))?;
    Ok(tera)
}

/// Interface strings per language: the built-in ones overridden by the site's, and for each
/// language the default language's strings underneath, so that a missing key still has a text.
fn strings(
    i18n: &BTreeMap<String, Vec<(String, String)>>,
    languages: &[String],
    name: &str,
) -> Result<BTreeMap<String, Strings>, Error> {
    let mut strings = BTreeMap::new();
    let default = &languages[0];
    for lang in languages {
        let mut merged = Strings::new();
        for l in [default, lang] {
            for (origin, text) in i18n.get(l.as_str()).map(Vec::as_slice).unwrap_or(&[]) {
                let map: Strings = crate::base::yaml::parse(text).map_err(|e| {
                    Error::Config(msg!("{origin}:{line}:{col}: {message}", origin, line = e.line, col = e.col, message: e.message))
                })?;
                merged.extend(map);
            }
        }
        if !i18n.contains_key(lang.as_str()) {
            return Err(Error::Config(msg!("content/site.yaml: the theme has no interface texts for language `{lang}`: add themes/{name}/i18n/{lang}.yaml (copy the keys of the built-in fi.yaml)", lang, name)));
        }
        strings.insert(lang.clone(), merged);
    }
    Ok(strings)
}

/// A count with its noun in the right form. `forms` is the theme string
/// `"none|one|many"` with `{n}` for the number (`"ei tavoitteita|{n} tavoite|{n} tavoitetta"`);
/// a theme string without `|` (a site's older override) is written after the number.
pub(crate) fn count(forms: &str, n: i64) -> String {
    let parts: Vec<&str> = forms.split('|').collect();
    let form = match (parts.as_slice(), n) {
        ([word], _) => return format!("{n} {word}"),
        ([zero, ..], 0) => zero,
        ([_, one, ..], 1) => one,
        ([.., many], _) => many,
        ([], _) => "{n}",
    };
    form.replace("{n}", &n.to_string())
}

fn builtin_files(dir: &'static Dir<'static>) -> Vec<&'static include_dir::File<'static>> {
    let mut out: Vec<_> = dir.files().collect();
    for d in dir.dirs() {
        out.extend(builtin_files(d));
    }
    out.sort_by_key(|f| f.path());
    out
}

/// Files the theme consists of: `templates/`, `static/` and `i18n/<lang>.yaml`, the built-in
/// ones first so that a site's file of the same name replaces them.
#[derive(Default)]
struct Files {
    templates: BTreeMap<String, String>,
    statics: BTreeMap<String, Vec<u8>>,
    /// Per language, every i18n file as (origin, text), built-in first.
    i18n: BTreeMap<String, Vec<(String, String)>>,
}

impl Files {
    fn add(&mut self, rel: &str, bytes: Vec<u8>, origin: String) -> Result<(), Error> {
        let as_text = |bytes: Vec<u8>| {
            String::from_utf8(bytes)
                .map_err(|_| Error::Config(msg!("{origin}: the file is not valid UTF-8", origin)))
        };
        if let Some(name) = rel.strip_prefix("templates/") {
            self.templates.insert(name.to_string(), as_text(bytes)?);
        } else if let Some(name) = rel.strip_prefix("static/") {
            self.statics.insert(name.to_string(), bytes);
        } else if let Some(name) = rel
            .strip_prefix("i18n/")
            .and_then(|n| n.strip_suffix(".yaml"))
        {
            self.i18n
                .entry(name.to_string())
                .or_default()
                .push((origin.clone(), as_text(bytes)?));
        }
        Ok(())
    }

    /// The site's theme folder `themes/<name>/`, in file-name order.
    fn add_dir(&mut self, site_dir: &Path, name: &str) -> Result<(), Error> {
        for entry in walkdir::WalkDir::new(site_dir)
            .sort_by_file_name()
            .follow_links(false)
        {
            let entry = entry.map_err(|e| Error::Io {
                path: site_dir.to_path_buf(),
                source: e.into(),
            })?;
            if !entry.file_type().is_file() {
                continue;
            }
            let rel = entry
                .path()
                .strip_prefix(site_dir)
                .unwrap_or(entry.path())
                .to_string_lossy()
                .replace('\\', "/");
            let bytes = std::fs::read(entry.path()).map_err(|e| Error::Io {
                path: entry.path().to_path_buf(),
                source: e,
            })?;
            self.add(&rel, bytes, format!("themes/{name}/{rel}"))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn counts_take_the_form_of_their_number() {
        let forms = "ei tavoitteita|{n} tavoite|{n} tavoitetta";
        assert_eq!(super::count(forms, 0), "ei tavoitteita");
        assert_eq!(super::count(forms, 1), "1 tavoite");
        assert_eq!(super::count(forms, 2), "2 tavoitetta");
        assert_eq!(super::count("tavoitetta", 3), "3 tavoitetta");
    }

    use super::*;

    fn builtin_strings(lang: &str) -> Strings {
        let file = BUILTIN
            .get_file(format!("i18n/{lang}.yaml"))
            .unwrap_or_else(|| panic!("no built-in i18n/{lang}.yaml"));
        crate::base::yaml::parse(file.contents_utf8().unwrap()).unwrap()
    }

    #[test]
    fn the_builtin_theme_has_every_string_in_every_language() {
        let langs = ["fi", "sv", "en"];
        let all: std::collections::BTreeSet<String> = langs
            .iter()
            .flat_map(|l| builtin_strings(l).into_keys())
            .collect();
        assert!(all.len() > 100, "only {} keys", all.len());
        for l in langs {
            let s = builtin_strings(l);
            let missing: Vec<&String> = all.iter().filter(|k| !s.contains_key(*k)).collect();
            assert!(missing.is_empty(), "{l}.yaml lacks {missing:?}");
            let empty: Vec<&String> = s
                .iter()
                .filter(|(_, v)| v.trim().is_empty())
                .map(|(k, _)| k)
                .collect();
            assert!(empty.is_empty(), "{l}.yaml has empty strings {empty:?}");
        }
    }

    /// Text in a fallback language is marked by the views (`render::html::written` and
    /// `block`), never by templates: the only `lang` attributes of the built-in templates are
    /// the page's own, the language switch's and the 404 page's sections in each language.
    #[test]
    fn templates_leave_fallback_languages_to_the_views() {
        let allowed = [
            " lang=\"{{ lang }}\"",
            " lang=\"{{ a.lang }}\"",
            " lang=\"{{ o.lang }}\"",
        ];
        for file in builtin_files(&BUILTIN) {
            let path = file.path().to_string_lossy();
            if !path.starts_with("templates/") {
                continue;
            }
            let text = file.contents_utf8().unwrap();
            for (at, _) in text.match_indices(" lang=") {
                let rest = &text[at..];
                assert!(
                    allowed.iter().any(|a| rest.starts_with(a)),
                    "{path}: a template marks a language itself: {}",
                    &rest[..rest.len().min(60)]
                );
            }
        }
    }

    #[test]
    fn a_site_override_falls_back_to_the_builtin_string_of_its_language() {
        let dir = tempfile::tempdir().unwrap();
        let i18n = dir.path().join("themes/default/i18n");
        std::fs::create_dir_all(&i18n).unwrap();
        std::fs::write(i18n.join("sv.yaml"), "search_title: \"Sök här\"\n").unwrap();
        let langs = vec!["fi".to_string(), "sv".to_string()];
        let theme = Theme::load(dir.path(), "default", &langs).unwrap();
        assert_eq!(theme.strings["sv"]["search_title"], "Sök här");
        assert_eq!(
            theme.strings["sv"]["statement_slug"],
            builtin_strings("sv")["statement_slug"]
        );
        assert_eq!(
            theme.strings["fi"]["search_title"],
            builtin_strings("fi")["search_title"]
        );
    }
}
