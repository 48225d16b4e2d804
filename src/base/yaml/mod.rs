//! The one module that parses YAML.
//!
//! serde_yaml is deprecated upstream; every YAML read in kertomus goes through [`parse`] or
//! [`parse_located`] (which also places each text, [`located`]), so replacing the crate
//! touches this folder only. Errors come back with a 1-based line and column
//! and, for unknown keys or values, a "did you mean" hint computed from the accepted names.

mod located;
mod messages;

use crate::base::messages::Msg;
use crate::msg;
use serde::de::DeserializeOwned;

/// A YAML problem at a position of the parsed text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct YamlError {
    pub message: Msg,
    /// 1-based; 0 when the parser could not tell.
    pub line: usize,
    pub col: usize,
    pub hint: Option<Msg>,
}

/// Parses `text` into `T`. An empty document is parsed as an empty map, so that optional
/// sections may be left empty.
pub(crate) fn parse<T: DeserializeOwned>(text: &str) -> Result<T, YamlError> {
    let text = if text.trim().is_empty() { "{}" } else { text };
    check_flow_depth(text)?;
    serde_yaml::from_str(text).map_err(|e| error(text, &e))
}

/// [`parse`], giving every [`crate::base::text::Text`] in `text` its place among the file's
/// texts ([`located`]); the texts come back in the order they are written too.
pub(crate) fn parse_located<T: DeserializeOwned>(
    text: &str,
) -> Result<(T, Vec<crate::base::text::Text>), YamlError> {
    let text = if text.trim().is_empty() { "{}" } else { text };
    check_flow_depth(text)?;
    let place = located::Place::default();
    let de = located::Located {
        de: serde_yaml::Deserializer::from_str(text),
        place: &place,
    };
    let value = T::deserialize(de).map_err(|e| error(text, &e))?;
    Ok((value, place.texts.into_inner()))
}

/// A serde_yaml error as a [`YamlError`]: the message in the catalogue's words, placed at the
/// line that needs the change.
fn error(text: &str, e: &serde_yaml::Error) -> YamlError {
    let (line, col) = e.location().map_or((0, 0), |l| (l.line(), l.column()));
    let raw = strip_location(&e.to_string());
    if raw.contains("more than one document") {
        let (line, col) = second_document(text).unwrap_or((line, col));
        return YamlError {
            message: msg!("a second YAML document starts here"),
            line,
            col,
            hint: Some(msg!("a file holds one YAML document: remove this `---` line, or merge what follows into the first")),
        };
    }
    if let Some(key) = duplicate_key(&raw) {
        let (line, col) = second_key(text, line, key).unwrap_or((line, col));
        return YamlError {
            line,
            col,
            hint: Some(msg!(
                "`{key}` is already given above in the same block; keep one of them",
                key
            )),
            message: msg!("`{key}` is given twice", key),
        };
    }
    let (message, hint) = messages::of_serde(&raw);
    let (line, col) = refine_location(text, line, col, &message.to_string());
    YamlError {
        message,
        line,
        col,
        hint,
    }
}

/// The message and hint of a serde error text, as [`parse`] gives them.
pub(crate) fn message_of(raw: &str) -> (Msg, Option<Msg>) {
    messages::of_serde(raw)
}

/// A message (and its hint) for `serde::de::Error::custom`, which [`parse`] takes back out:
/// a value's own check can say what is wrong in every language.
pub(crate) fn custom(message: &Msg, hint: &Msg) -> String {
    format!("{}{}", message.pack(), hint.pack())
}

/// [`custom`] without a hint.
pub(crate) fn custom_message(message: &Msg) -> String {
    message.pack()
}

/// Deepest `[`/`{` nesting accepted. No real content nests this far, and the YAML parser's
/// time grows with the square of the depth (100,000 levels took 17 s), so deeper input is
/// refused before parsing.
const MAX_FLOW_DEPTH: usize = 64;

fn check_flow_depth(text: &str) -> Result<(), YamlError> {
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    let (mut line, mut col) = (1, 0);
    let mut prev = '\n';
    for c in text.chars() {
        col += 1;
        match (quote, c) {
            (_, '\n') => {
                line += 1;
                col = 0;
                if quote == Some('#') {
                    quote = None;
                }
            }
            (Some('#'), _) => {}
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '#') if prev.is_whitespace() => quote = Some('#'),
            (None, '[' | '{') => {
                depth += 1;
                if depth > MAX_FLOW_DEPTH {
                    return Err(YamlError {
                        message: msg!(
                            "lists or maps are nested more than {n} levels deep",
                            n = MAX_FLOW_DEPTH
                        ),
                        line,
                        col,
                        hint: Some(msg!(
                            "flatten the structure; no kertomus setting nests this deep"
                        )),
                    });
                }
            }
            (None, ']' | '}') => depth = depth.saturating_sub(1),
            _ => {}
        }
        prev = c;
    }
    Ok(())
}

/// serde_yaml places errors raised by a value's own validation (a bad date, an inverted year
/// range) at the start of the enclosing map. Our messages quote the offending value first
/// (`` `2026-02-30` is not a valid date``), so the value is looked up from there on.
fn refine_location(text: &str, line: usize, col: usize, message: &str) -> (usize, usize) {
    let Some(value) = message.split('`').nth(1).filter(|v| !v.is_empty()) else {
        return (line, col);
    };
    // A long value is quoted clipped (see `messages::MAX_VALUE_CHARS`): its start is found.
    let value = value.strip_suffix('…').unwrap_or(value);
    let start = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum::<usize>();
    match text.get(start..).and_then(|rest| rest.find(value)) {
        Some(i) => crate::base::diagnostics::line_col(text, start + i),
        None => (line, col),
    }
}

/// The line of the `---` that starts a second document (serde_yaml reports no position).
fn second_document(text: &str) -> Option<(usize, usize)> {
    let mut seen_content = false;
    for (i, line) in text.lines().enumerate() {
        let t = line.trim_end();
        if t == "---" && seen_content {
            return Some((i + 1, 1));
        }
        if !t.is_empty() && !t.starts_with('#') && t != "---" {
            seen_content = true;
        }
    }
    None
}

/// The key of "duplicate field `title`" / "duplicate entry with key \"x\"".
fn duplicate_key(message: &str) -> Option<&str> {
    if let Some(rest) = message.split("duplicate field `").nth(1) {
        return rest.split('`').next();
    }
    let rest = message.split("duplicate entry with key \"").nth(1)?;
    rest.split('"').next()
}

/// serde_yaml places a duplicate key at its map's start; the error belongs to the second
/// occurrence, the one to remove. Found as the second `key:` at the first occurrence's
/// indentation from the map's line on.
fn second_key(text: &str, from_line: usize, key: &str) -> Option<(usize, usize)> {
    let needle = format!("{key}:");
    let mut first_indent = None;
    for (i, line) in text.lines().enumerate().skip(from_line.saturating_sub(1)) {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        // A flow map `{a: 1, a: 2}` on one line: the second occurrence within it.
        if first_indent.is_none() {
            let hits: Vec<usize> = line.match_indices(&needle).map(|(at, _)| at).collect();
            if hits.len() > 1 {
                return Some((i + 1, line[..hits[1]].chars().count() + 1));
            }
        }
        let starts = trimmed.starts_with(&needle)
            || trimmed
                .strip_prefix("- ")
                .is_some_and(|t| t.starts_with(&needle));
        if !starts {
            continue;
        }
        let col = indent + usize::from(!trimmed.starts_with(&needle)) * 2;
        match first_indent {
            None => first_indent = Some(col),
            Some(c) if c == col => return Some((i + 1, col + 1)),
            Some(_) => {}
        }
    }
    None
}

/// serde_yaml appends " at line L column C" to its messages; we print the position ourselves.
fn strip_location(message: &str) -> String {
    match message.find(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

/// The candidate closest to `given`, if it is close enough to be a likely typo.
pub(crate) fn closest<'a>(given: &str, candidates: &[&'a str]) -> Option<&'a str> {
    candidates
        .iter()
        .map(|c| (strsim::jaro_winkler(given, c), *c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Small {
        title: String,
        weight: Option<i64>,
    }

    #[test]
    fn a_second_document_and_a_duplicate_key_point_at_the_line_to_remove() {
        #[derive(serde::Deserialize, Debug)]
        #[allow(dead_code)]
        struct T {
            title: String,
            #[serde(default)]
            languages: Vec<String>,
        }
        let e = parse::<T>("title: A\n---\ntitle: B\n").unwrap_err();
        assert_eq!(
            (e.line, e.col, e.message.to_string().as_str()),
            (2, 1, "a second YAML document starts here")
        );
        let e = parse::<T>("title: A\nlanguages: [fi]\ntitle: B\n").unwrap_err();
        assert_eq!((e.line, e.col), (3, 1), "{e:?}");
        let e = parse::<Vec<T>>("- title: A\n  languages: [fi]\n  title: B\n").unwrap_err();
        assert_eq!((e.line, e.col), (3, 3), "{e:?}");
    }

    #[test]
    fn unknown_key_has_position_and_hint() {
        let err = parse::<Small>("title: x\ntitel: y\n").unwrap_err();
        assert_eq!((err.line, err.col), (2, 1));
        assert!(
            err.message.to_string().starts_with("unknown field `titel`"),
            "{}",
            err.message
        );
        assert_eq!(
            err.hint.as_ref().map(ToString::to_string).as_deref(),
            Some("did you mean `title`?")
        );
    }

    #[test]
    fn deeply_nested_yaml_is_an_error_not_a_crash() {
        let deep = format!("title: {}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert!(parse::<Small>(&deep).is_err());
    }

    #[test]
    fn billion_laughs_is_refused() {
        let mut doc = String::from(
            "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
        );
        for (i, name) in ["b", "c", "d", "e", "f", "g", "h", "i"].iter().enumerate() {
            let prev = ["a", "b", "c", "d", "e", "f", "g", "h"][i];
            doc.push_str(&format!("{name}: &{name} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n"));
        }
        doc.push_str("title: *i\n");
        assert!(parse::<Small>(&doc).is_err());
    }
}
