//! The HTML side of the Markdown stage: placeholders for generated fragments, the sanitizer
//! for an author's raw HTML, and alignment classes instead of inline styles.

const PH_OPEN: char = '\u{E000}';
const PH_CLOSE: char = '\u{E001}';

/// The placeholder that stands for generated fragment `n` until [`substitute`].
pub(super) fn placeholder(n: usize) -> String {
    format!("{PH_OPEN}{n}{PH_CLOSE}")
}

/// Table cell alignment as classes, which keeps the output free of inline styles.
pub(super) fn align_classes(mut html: String) -> String {
    if html.contains(" style=\"text-align: ") {
        for a in ["left", "center", "right"] {
            html = html.replace(
                &format!(" style=\"text-align: {a}\""),
                &format!(" class=\"align-{a}\""),
            );
        }
    }
    html
}

/// Cleans a body that contains an author's raw HTML: no scripts, no event handlers, no
/// `javascript:` URLs, no inline styles; ids, classes and `lang` are kept.
pub(super) fn sanitize(html: &str) -> String {
    ammonia::Builder::default()
        .add_generic_attributes(["id", "class", "lang", "dir"])
        .link_rel(None)
        .clean(html)
        .to_string()
}

/// Puts the generated fragments back in place of their placeholders.
pub(super) fn substitute(html: &str, generated: &[String]) -> String {
    let mut out =
        String::with_capacity(html.len() + generated.iter().map(String::len).sum::<usize>());
    let mut rest = html;
    while let Some(start) = rest.find(PH_OPEN) {
        out.push_str(&rest[..start]);
        let after = &rest[start + PH_OPEN.len_utf8()..];
        match after
            .find(PH_CLOSE)
            .and_then(|end| after[..end].parse::<usize>().ok().map(|n| (n, end)))
        {
            Some((n, end)) if n < generated.len() => {
                out.push_str(&generated[n]);
                rest = &after[end + PH_CLOSE.len_utf8()..];
            }
            _ => {
                out.push(PH_OPEN);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Whether raw HTML has an `<img>` with no `alt` attribute at all: a screen reader would read
/// its file name. (An empty `alt=""` is the author saying it is decoration.) Only the tag is
/// looked at, so a hand-written scan is enough; a parser would tell no more here.
pub(super) fn has_img_without_alt(html: &str) -> bool {
    let lower = html.to_ascii_lowercase();
    lower.match_indices("<img").any(|(at, _)| {
        let tag = &lower[at + 4..];
        let tag = &tag[..tag.find('>').unwrap_or(tag.len())];
        let starts_tag =
            tag.starts_with(|c: char| c.is_whitespace() || c == '/' || c == '>') || tag.is_empty();
        starts_tag
            && !tag
                .split(|c: char| c.is_whitespace() || c == '/')
                .any(|attr| attr == "alt" || attr.starts_with("alt="))
    })
}
