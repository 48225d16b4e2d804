//! The HTML side of the Markdown stage: placeholders for generated fragments, the author's raw
//! HTML as `markdown.raw_html` says, and the sanitizer for it (whose alignment styles
//! `crate::html::align` makes classes first).

use super::renderer::{Renderer, MAX_DEPTH};
use crate::model::config::RawHtml;
use crate::msg;
use pulldown_cmark::{CowStr, Event};

const PH_OPEN: char = '\u{E000}';
const PH_CLOSE: char = '\u{E001}';

/// The placeholder that stands for generated fragment `n` until [`substitute`].
pub(super) fn placeholder(n: usize) -> String {
    format!("{PH_OPEN}{n}{PH_CLOSE}")
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

impl<'a> Renderer<'_, '_, 'a> {
    /// The author's raw HTML, per `markdown.raw_html`: refused, or kept (checked for images
    /// without alt text, and its nesting bounded when it is to be sanitized).
    pub(super) fn raw_html(&mut self, html: CowStr<'a>, at: usize) {
        match self.env.raw_html {
            RawHtml::Deny => {
                if !html.trim().is_empty() {
                    self.error(
                        at,
                        msg!("raw HTML is not allowed on this site"),
                        msg!("write it in Markdown, or set markdown.raw_html in site.yaml"),
                    );
                }
            }
            RawHtml::Allow | RawHtml::Sanitize => {
                if has_img_without_alt(&html) {
                    self.error(
                        at,
                        msg!("image has no alt text"),
                        msg!("give the <img> an alt attribute that describes it (alt=\"\" only for decoration)"),
                    );
                }
                if self.env.raw_html == RawHtml::Sanitize {
                    self.author_html = true;
                    let deepest = nest(&html, &mut self.html_depth);
                    if deepest > MAX_DEPTH && !self.too_deep {
                        self.too_deep = true;
                        let message = msg!(
                            "HTML elements are nested more than {n} levels deep",
                            n = MAX_DEPTH
                        );
                        self.error(
                            at,
                            message,
                            msg!("close the elements; no page needs to nest this deep"),
                        );
                    }
                }
                self.events.push(Event::Html(html));
            }
        }
    }
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

/// Elements that have no end tag.
const VOID: [&str; 14] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Follows the element depth through the tags of a raw HTML fragment (`depth` carries over
/// from the page's earlier fragments) and returns the deepest it reached. Counting tags is
/// enough to bound the sanitizer's work; the sanitizer itself parses the HTML properly.
pub(super) fn nest(html: &str, depth: &mut usize) -> usize {
    let mut deepest = *depth;
    let bytes = html.as_bytes();
    for (at, _) in html.match_indices('<') {
        let rest = &html[at + 1..];
        if rest.starts_with('/') {
            *depth = depth.saturating_sub(1);
            continue;
        }
        let name: String = rest
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_lowercase())
            .collect();
        if name.is_empty() || VOID.contains(&name.as_str()) {
            continue;
        }
        let end = rest.find('>').map_or(rest.len(), |e| e);
        let self_closing = end > 0 && bytes.get(at + end) == Some(&b'/');
        if !self_closing {
            *depth += 1;
            deepest = deepest.max(*depth);
        }
    }
    deepest
}
