//! Headings: readable unique ids, the outline for the table of contents, and the attribute
//! block `{#id .class}` limited to an id and classes, so that no author attribute (an event
//! handler, `tabindex`, `autofocus`) reaches the page.
//!
//! A heading's content goes through the same event loop as any other inline content (links are
//! checked, raw HTML follows `markdown.raw_html`); only its start tag waits until the heading
//! ends, because its id is derived from its text.

use super::renderer::Renderer;
use super::Heading;
use crate::base::messages::Msg;
use crate::msg;
use pulldown_cmark::{CowStr, Event, HeadingLevel, Tag, TagEnd};
use std::collections::HashMap;

/// A heading whose end has not been seen yet.
pub(super) struct OpenHeading<'a> {
    /// Where its start tag goes in the event list.
    index: usize,
    custom_id: Option<String>,
    classes: Vec<CowStr<'a>>,
    /// Its plain text so far (text and code spans, image alt texts).
    text: String,
    /// Inside raw `<script>` or `<style>`, whose content is code, not words of the heading
    /// (and is removed with the element by the sanitizer).
    in_code_element: bool,
}

impl OpenHeading<'_> {
    /// Follows the heading's events: its words go into the text that the table of contents,
    /// the printable page and search show.
    pub(super) fn follow(&mut self, event: &Event<'_>) {
        match event {
            Event::Text(t) | Event::Code(t) if !self.in_code_element => self.text.push_str(t),
            Event::InlineHtml(html) | Event::Html(html) => {
                let tag = html.trim_start().to_ascii_lowercase();
                if tag.starts_with("<script") || tag.starts_with("<style") {
                    self.in_code_element = !tag.contains("</");
                } else if tag.starts_with("</script") || tag.starts_with("</style") {
                    self.in_code_element = false;
                }
            }
            _ => {}
        }
    }

    /// An image's alt text is part of the heading's words.
    pub(super) fn push_alt(&mut self, alt: &str) {
        self.text.push_str(alt);
    }
}

fn attribute_hint() -> Msg {
    msg!("a heading may set only an id and classes: ## Otsikko {{#oma-id .luokka}}")
}

/// The brace that opens an attribute block (written so to keep brace-counting tools right).
const BLOCK_OPEN: char = '\u{7b}';

/// An id or class an author may write: letters, digits, `-` and `_`.
fn is_name(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
}

impl<'a> Renderer<'_, '_, 'a> {
    pub(super) fn open_heading(
        &mut self,
        id: Option<CowStr<'a>>,
        classes: Vec<CowStr<'a>>,
        attrs: Vec<(CowStr<'a>, Option<CowStr<'a>>)>,
        source: &str,
        at: usize,
    ) {
        // The attribute block ends the heading's line; errors point at its brace.
        let block_at = at + source.trim_end().rfind(BLOCK_OPEN).unwrap_or(0);
        let custom_id = id.and_then(|id| {
            if is_name(&id) {
                return Some(id.to_string());
            }
            let message = msg!(
                "heading id `{id}` may contain only letters, digits, - and _",
                id
            );
            self.error(block_at, message, attribute_hint());
            None
        });
        let mut kept = Vec::new();
        for class in classes {
            if is_name(&class) {
                kept.push(class);
            } else {
                let message = msg!(
                    "heading class `{class}` may contain only letters, digits, - and _",
                    class
                );
                self.error(block_at, message, attribute_hint());
            }
        }
        if !attrs.is_empty() {
            let names: Vec<String> = attrs.iter().map(|(n, _)| format!("`{n}`")).collect();
            let message = match names.as_slice() {
                [one] => msg!("heading attribute {one} is not allowed", one),
                many => msg!(
                    "heading attributes {many} are not allowed",
                    many = many.join(", ")
                ),
            };
            self.error(block_at, message, attribute_hint());
        }
        self.heading = Some(OpenHeading {
            index: self.events.len(),
            custom_id,
            classes: kept,
            text: String::new(),
            in_code_element: false,
        });
        // Replaced by the real start tag when the heading ends.
        self.events.push(Event::SoftBreak);
    }

    pub(super) fn close_heading(&mut self, level: HeadingLevel) {
        let Some(open) = self.heading.take() else {
            self.events.push(Event::End(TagEnd::Heading(level)));
            return;
        };
        let text = open.text.split_whitespace().collect::<Vec<_>>().join(" ");
        let id = self.unique_id(open.custom_id, &text);
        self.out.headings.push(Heading {
            level: level as u8,
            id: id.clone(),
            text,
        });
        self.events[open.index] = Event::Start(Tag::Heading {
            level,
            id: Some(id.into()),
            classes: open.classes,
            attrs: Vec::new(),
        });
        self.events.push(Event::End(TagEnd::Heading(level)));
    }

    /// A heading id: the author's `{#id}` or a readable slug, made unique on the page.
    pub(super) fn unique_id(&mut self, custom: Option<String>, text: &str) -> String {
        let base = custom.unwrap_or_else(|| {
            let s = slug::slugify(text);
            if s.is_empty() {
                "otsikko".to_string()
            } else {
                s
            }
        });
        let id = next_free(&mut self.ids, base);
        self.out.ids.push(id.clone());
        id
    }
}

/// `base` if no heading has it yet, else `base-1`, `base-2`, … the first one free. `used` maps
/// every id given on the page to the last number tried after it as a base, so a base never
/// tries a number twice: each id taken is stepped over at most once, by the one base it is
/// numbered after, and a page's ids cost linear time however their slugs collide (`## A 1` …
/// `## A 10000` followed by 10,000 `## A` took 33 s with a search from 1 each time).
fn next_free(used: &mut HashMap<String, usize>, base: String) -> String {
    let Some(&tried) = used.get(&base) else {
        used.insert(base.clone(), 0);
        return base;
    };
    let mut n = tried;
    let id = loop {
        n += 1;
        let id = format!("{base}-{n}");
        if !used.contains_key(&id) {
            break id;
        }
    };
    used.insert(base, n);
    used.insert(id.clone(), 0);
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(bases: &[&str]) -> Vec<String> {
        let mut used = HashMap::new();
        bases
            .iter()
            .map(|b| next_free(&mut used, b.to_string()))
            .collect()
    }

    #[test]
    fn repeated_slugs_are_numbered_around_the_numbered_ones() {
        assert_eq!(ids(&["a", "a", "a"]), ["a", "a-1", "a-2"]);
        assert_eq!(ids(&["a-1", "a", "a"]), ["a-1", "a", "a-2"]);
        assert_eq!(ids(&["a", "a", "a-1"]), ["a", "a-1", "a-1-1"]);
        assert_eq!(ids(&["a", "a-1", "a", "a-1"]), ["a", "a-1", "a-2", "a-1-1"]);
        let mut many: Vec<String> = (1..=100).map(|n| format!("a-{n}")).collect();
        many.extend(std::iter::repeat_n("a".to_string(), 3));
        let bases: Vec<&str> = many.iter().map(String::as_str).collect();
        assert_eq!(ids(&bases)[100..], ["a", "a-101", "a-102"]);
    }
}
