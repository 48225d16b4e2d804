//! The query files: the site's own Finnish word forms with their base forms, for the search
//! page to turn a reader's word into the base forms the index holds (`nuorten` → `nuori`).
//! They are split by the first letters of the folded form (`päihteiden` → `pa…`), so the
//! page fetches only the file of each word typed; the manifest lists the files there are.

use super::tokens::fold;
use std::collections::BTreeMap;

/// The largest file a site's prefix length is chosen for (bytes): a common prefix of a large
/// site stays a few kilobytes over the wire.
const MAX_FILE: usize = 16 * 1024;
/// The longest prefix used, however large the site.
const MAX_PREFIX: usize = 4;

/// The query files of one language.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct QueryFiles {
    /// Letters of the folded form a file is named by.
    pub prefix: usize,
    /// File names (without `.json`) and their bytes, in name order.
    pub files: Vec<(String, Vec<u8>)>,
}

/// The files for `forms` (lowercased form → base forms): each a JSON object from form to its
/// base forms joined by spaces, `""` for a form that is its own only base form.
pub(crate) fn query_files(forms: &BTreeMap<String, Vec<String>>) -> QueryFiles {
    let mut chosen = QueryFiles::default();
    for prefix in 1..=MAX_PREFIX {
        chosen = QueryFiles {
            prefix,
            files: split(forms, prefix),
        };
        if chosen
            .files
            .iter()
            .all(|(_, bytes)| bytes.len() <= MAX_FILE)
        {
            break;
        }
    }
    chosen
}

fn split(forms: &BTreeMap<String, Vec<String>>, prefix: usize) -> Vec<(String, Vec<u8>)> {
    let mut files: BTreeMap<String, serde_json::Map<String, serde_json::Value>> = BTreeMap::new();
    for (form, bases) in forms {
        let value = if bases.len() == 1 && &bases[0] == form {
            String::new()
        } else {
            bases.join(" ")
        };
        files
            .entry(file_name(form, prefix))
            .or_default()
            .insert(form.clone(), value.into());
    }
    files
        .into_iter()
        .map(|(name, map)| (name, serde_json::to_vec(&map).unwrap_or_default()))
        .collect()
}

/// The file a word form is in: the first `prefix` characters of its folded form, letters
/// a–z and digits as they are, any other character as `_` and its code point in hex (the
/// search page names them the same way).
pub(crate) fn file_name(form: &str, prefix: usize) -> String {
    let mut name = String::new();
    for c in fold(form).chars().take(prefix) {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            name.push(c);
        } else {
            name.push_str(&format!("_{:x}", c as u32));
        }
    }
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forms(pairs: &[(&str, &[&str])]) -> BTreeMap<String, Vec<String>> {
        pairs
            .iter()
            .map(|(f, b)| (f.to_string(), b.iter().map(|s| s.to_string()).collect()))
            .collect()
    }

    #[test]
    fn forms_are_filed_by_their_folded_first_letters() {
        let f = forms(&[
            ("nuorten", &["nuori"]),
            ("nuori", &["nuori"]),
            ("päihteiden", &["päihde"]),
            ("tuli", &["tulla", "tuli"]),
        ]);
        let q = query_files(&f);
        assert_eq!(q.prefix, 1);
        let names: Vec<&str> = q.files.iter().map(|f| f.0.as_str()).collect();
        assert_eq!(names, ["n", "p", "t"]);
        assert_eq!(
            String::from_utf8_lossy(&q.files[0].1),
            r#"{"nuori":"","nuorten":"nuori"}"#
        );
        assert_eq!(
            String::from_utf8_lossy(&q.files[2].1),
            r#"{"tuli":"tulla tuli"}"#
        );
        assert_eq!(file_name("Åland", 2), "al");
        assert_eq!(file_name("€uro", 2), "_20acu");
    }

    #[test]
    fn a_large_site_gets_longer_prefixes() {
        let letter = |n: usize| char::from(b'a' + (n % 26) as u8);
        let many: Vec<(String, Vec<String>)> = (0..20_000)
            .map(|i| {
                let form = format!("{}{}sana{i}", letter(i), letter(i / 26));
                (form.clone(), vec![format!("{form}x")])
            })
            .collect();
        let q = query_files(&many.into_iter().collect());
        assert!(q.prefix > 1);
        assert!(q.files.iter().all(|(_, b)| b.len() <= MAX_FILE));
    }
}
