//! The oracle of the sanitizer: no script element, event handler or script URL in the tags
//! of what a page became, kertomus's own scripts aside.

/// The first script element, event handler or script URL in the tags of `html`, if any.
/// Only tags are looked at (text is escaped, so `<` always starts a tag, and a page may well
/// say "javascript:" in its text), and in a tag only attribute names and the start of values
/// (a value may well contain " onclick=" as text).
pub(super) fn live_script(html: &str) -> Option<&'static str> {
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

/// The page with kertomus's own `<script … src="…/js/…">` elements taken out.
pub(super) fn without_own_scripts(html: &str) -> String {
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
