//! Footnotes, GitHub style: numbered in the order of their first reference, each reference
//! with an id, each note with a back-link to every reference of it, and the notes as one
//! numbered list at the end of the page.
//!
//! Ids are `fn:N` and `fnref:N` (as kramdown writes them): a heading slug or an author's
//! `{#id}` cannot contain `:`, so they never clash, and the printable page's id prefixing
//! applies to them like to any other id.

use super::renderer::Renderer;
use crate::base::escape::escape;
use crate::msg;
use pulldown_cmark::{CowStr, Event};
use std::collections::HashMap;

#[derive(Default)]
pub(super) struct Footnotes<'a> {
    /// Footnote number by label, in order of first reference.
    numbers: HashMap<String, usize>,
    /// How many times each footnote (by number − 1) is referenced, and where first.
    references: Vec<(usize, usize)>,
    /// Each definition's events, by label.
    definitions: HashMap<String, Vec<Event<'a>>>,
    /// Where the definitions are, for the error about one that is never referenced.
    defined_at: Vec<(String, usize)>,
    /// The definition being read: its label and where its events start.
    open: Option<(String, usize)>,
}

impl<'a> Renderer<'_, '_, 'a> {
    pub(super) fn footnote_reference(&mut self, label: &str, at: usize) {
        let f = &mut self.footnotes;
        let next = f.numbers.len() + 1;
        let n = *f.numbers.entry(label.to_string()).or_insert(next);
        if n == next {
            f.references.push((0, at));
        }
        let count = &mut f.references[n - 1].0;
        *count += 1;
        let id = reference_id(n, *count);
        self.out.ids.push(id.clone());
        self.generate(format!(
            "<sup class=\"footnote-ref\"><a href=\"#fn:{n}\" id=\"{id}\">{n}</a></sup>"
        ));
    }

    pub(super) fn open_footnote(&mut self, label: CowStr<'a>, at: usize) {
        self.footnotes.defined_at.push((label.to_string(), at));
        self.footnotes.open = Some((label.to_string(), self.events.len()));
    }

    pub(super) fn close_footnote(&mut self) {
        if let Some((label, start)) = self.footnotes.open.take() {
            let events = self.events.split_off(start);
            self.footnotes.definitions.entry(label).or_insert(events);
        }
    }

    /// Appends the numbered list of notes; reports references without a note and notes
    /// without a reference.
    pub(super) fn write_footnotes(&mut self) {
        let f = std::mem::take(&mut self.footnotes);
        for (label, at) in &f.defined_at {
            if !f.numbers.contains_key(label) {
                let message = msg!("footnote `[^{label}]` is never referenced", label);
                // Left out of the page, so a warning is enough.
                self.warning(
                    *at,
                    message,
                    msg!("refer to it in the text with [^label], or remove it"),
                );
            }
        }
        let mut order: Vec<(&String, usize)> = f.numbers.iter().map(|(l, n)| (l, *n)).collect();
        order.sort_by_key(|(_, n)| *n);
        if order.is_empty() {
            return;
        }
        let name = escape(&self.env.labels.footnotes);
        self.generate(format!(
            "<section class=\"footnotes\" aria-label=\"{name}\">\n<ol>\n"
        ));
        let mut definitions = f.definitions;
        for (label, n) in order {
            let (count, at) = f.references[n - 1];
            let Some(mut events) = definitions.remove(label) else {
                let message = msg!("footnote `[^{label}]` has no text", label);
                self.error(
                    at,
                    message,
                    msg!("write it on a line of its own: [^label]: The note."),
                );
                continue;
            };
            self.out.ids.push(format!("fn:{n}"));
            self.generate(format!("<li id=\"fn:{n}\">\n"));
            // The back-links end the note's last paragraph, as on GitHub.
            let tail = match events.last() {
                Some(Event::End(pulldown_cmark::TagEnd::Paragraph)) => events.pop(),
                _ => None,
            };
            self.events.extend(events);
            let links = self.back_links(n, count);
            self.generate(links);
            self.events.extend(tail);
            self.generate("</li>\n".into());
        }
        self.generate("</ol>\n</section>\n".into());
    }

    fn back_links(&self, n: usize, count: usize) -> String {
        (1..=count)
            .map(|k| {
                let id = reference_id(n, k);
                let which = if k == 1 {
                    n.to_string()
                } else {
                    format!("{n}-{k}")
                };
                let label = escape(&self.env.labels.footnote_back.replace("{n}", &which));
                let mark = if k == 1 {
                    "↩".to_string()
                } else {
                    format!("↩<sup>{k}</sup>")
                };
                format!(
                    " <a href=\"#{id}\" class=\"footnote-back\" aria-label=\"{label}\">{mark}</a>"
                )
            })
            .collect()
    }
}

/// The id of the `k`th reference to footnote `n`.
fn reference_id(n: usize, k: usize) -> String {
    if k == 1 {
        format!("fnref:{n}")
    } else {
        format!("fnref:{n}:{k}")
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{headlines, md};

    #[test]
    fn footnotes_are_numbered_by_first_reference_and_link_back() {
        let out = md("B[^b] ja A[^a] ja B taas[^b].\n\n[^a]: Aa.\n[^b]: Bee.\n[^c]: Turha.\n");
        insta::assert_snapshot!(out.html, @r##"
        <p>B<sup class="footnote-ref"><a href="#fn:1" id="fnref:1">1</a></sup> ja A<sup class="footnote-ref"><a href="#fn:2" id="fnref:2">2</a></sup> ja B taas<sup class="footnote-ref"><a href="#fn:1" id="fnref:1:2">1</a></sup>.</p>
        <section class="footnotes" aria-label="Alaviitteet">
        <ol>
        <li id="fn:1">

        <p>Bee. <a href="#fnref:1" class="footnote-back" aria-label="Takaisin viitteeseen 1">↩</a> <a href="#fnref:1:2" class="footnote-back" aria-label="Takaisin viitteeseen 1-2">↩<sup>2</sup></a></p>
        </li>
        <li id="fn:2">

        <p>Aa. <a href="#fnref:2" class="footnote-back" aria-label="Takaisin viitteeseen 2">↩</a></p>
        </li>
        </ol>
        </section>
        "##);
        let messages = headlines(&out);
        assert_eq!(messages.len(), 1, "{messages:?}");
        assert!(
            messages[0].contains("8:1: warning: footnote `[^c]` is never referenced"),
            "{messages:?}"
        );
        assert!(
            out.ids.contains(&"fn:1".to_string()) && out.ids.contains(&"fnref:1:2".to_string())
        );
    }
}
