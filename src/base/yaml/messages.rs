//! serde's and the YAML parser's error texts as catalogue messages: they are English strings
//! made inside those crates, so their few shapes are recognised here and re-said in the
//! reader's language, with a "did you mean" hint for unknown keys and values.

use super::closest;
use crate::base::messages::Msg;
use crate::msg;

/// The message and hint of a serde_yaml error text (its position already cut off).
pub(super) fn of_serde(raw: &str) -> (Msg, Option<Msg>) {
    if let Some((path, message, rest)) = Msg::unpack(raw) {
        let hint = Msg::unpack(rest).map(|(_, h, _)| h);
        return (within(path, message), hint);
    }
    // serde_yaml puts the path of a nested value first: "markdown.raw_html: unknown variant".
    let (path, text) = split_path(raw);
    let (message, hint) = builtin(text);
    (within(path, message), hint)
}

/// `message`, after the path of the value it concerns when there is one.
fn within(path: &str, message: Msg) -> Msg {
    let path = path.trim().trim_end_matches(':').trim();
    if path.is_empty() {
        message
    } else {
        msg!("{path}: {detail}", path, detail: message)
    }
}

/// The serde path before a message: `focus_areas[0].goals[1]: …`.
fn split_path(raw: &str) -> (&str, &str) {
    let is_path = |p: &str| {
        !p.is_empty()
            && p.chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '_' | '.' | '[' | ']' | '-'))
    };
    match raw.split_once(": ") {
        Some((p, rest)) if is_path(p) => (p, rest),
        _ => ("", raw),
    }
}

fn builtin(text: &str) -> (Msg, Option<Msg>) {
    let quoted = |prefix: &str| {
        text.strip_prefix(prefix)
            .and_then(|r| r.split_once('`'))
            .map(|(given, rest)| (given.to_string(), rest.to_string()))
    };
    if let Some((given, rest)) = quoted("unknown field `") {
        return (
            msg!("unknown field `{given}`", given),
            accepted(&given, &rest),
        );
    }
    if let Some((given, rest)) = quoted("unknown variant `") {
        return (
            msg!("unknown value `{given}`", given),
            accepted(&given, &rest),
        );
    }
    if let Some((field, _)) = quoted("missing field `") {
        let hint = msg!("add `{field}:` here", field = field.clone());
        return (msg!("`{field}` is missing", field), Some(hint));
    }
    for (prefix, is_type) in [("invalid type: ", true), ("invalid value: ", false)] {
        if let Some((found, expected)) = text
            .strip_prefix(prefix)
            .and_then(|r| r.rsplit_once(", expected "))
        {
            let (found, expected) = (fragment(found), fragment(expected));
            let message = if is_type {
                msg!("expected {expected} here, found {found}", expected: expected, found: found)
            } else {
                msg!("{found} is not accepted here: expected {expected}", found: found, expected: expected)
            };
            return (message, None);
        }
    }
    (
        yaml_syntax(text),
        Some(msg!(
            "check the indentation and the quotes on this line and the one above"
        )),
    )
}

/// The hint for an unknown name from serde's list of the accepted ones: the closest, or all.
fn accepted(given: &str, expected: &str) -> Option<Msg> {
    let names: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
    if names.is_empty() {
        return None;
    }
    Some(match closest(given, &names) {
        Some(best) => msg!("did you mean `{best}`?", best),
        None => {
            let names: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
            msg!("accepted here: {names}", names = names.join(", "))
        }
    })
}

/// serde's words for what a value is or should be ("a sequence", "string \"x\"", "u32").
fn fragment(text: &str) -> Msg {
    let text = text.trim();
    if let Some(s) = text.strip_prefix("string ") {
        return msg!("the text {value}", value = s);
    }
    for prefix in ["integer ", "floating point "] {
        if let Some(n) = text.strip_prefix(prefix) {
            return msg!("the number {value}", value = n.trim_matches('`'));
        }
    }
    if let Some(b) = text.strip_prefix("boolean ") {
        return msg!("the value {value}", value = b.trim_matches('`'));
    }
    match text {
        "a sequence" | "sequence" => msg!("a list"),
        "a map" | "map" => msg!("a map of keys and values"),
        "a string" | "a borrowed string" => msg!("a text"),
        "a boolean" => msg!("true or false"),
        "unit value" | "null" => msg!("an empty value"),
        "f64" | "f32" | "a number" => msg!("a number"),
        t if t.starts_with("struct ") || t.starts_with("a map") => msg!("a map of keys and values"),
        t if is_integer_type(t) || t.contains("integer") => msg!("a whole number"),
        t if t.contains("enum") || t.contains("variant") => msg!("one of the accepted values"),
        t => msg!("{value}", value = t),
    }
}

fn is_integer_type(t: &str) -> bool {
    matches!(
        t,
        "u8" | "u16" | "u32" | "u64" | "usize" | "i8" | "i16" | "i32" | "i64" | "isize"
    )
}

/// The YAML parser's own messages (libyaml's, as unsafe-libyaml words them).
fn yaml_syntax(text: &str) -> Msg {
    let has = |s: &str| text.contains(s);
    if has("did not find expected key") {
        msg!("a key was expected here (`key: value`)")
    } else if has("mapping values are not allowed") {
        msg!("a `:` where a value was expected: quote the text if it contains `: `")
    } else if has("did not find expected ',' or ']'") {
        msg!("a list in [ ] is not closed with `]`")
    } else if has("did not find expected ',' or '}'") {
        msg!("a map in {{ }} is not closed with `}}`")
    } else if has("found unexpected end of stream") || has("found unexpected end") {
        msg!("the file ends in the middle of a value: is a quote or a bracket left open?")
    } else if has("found character that cannot start any token") {
        msg!("a character that cannot start a value (a tab? use spaces for indentation)")
    } else if has("did not find expected") || has("found unexpected") {
        msg!("the YAML is not well formed here")
    } else if has("block sequence entries are not allowed") {
        msg!("a list item `- ` where a value was expected: check the indentation")
    } else {
        msg!("the YAML cannot be read: {detail}", detail = text)
    }
}
