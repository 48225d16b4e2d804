//! Markdown's code blocks, images and HTML blocks in the PDF: code as Typst's raw text, an
//! image from `content/` with its alternative text (a web address as that text), an HTML
//! block as its visible text.

use super::document::Doc;
use super::errors::Origin;
use super::markdown::Converter;
use super::markup::string;
use pulldown_cmark::{CodeBlockKind, Event, TagEnd};
use std::ops::Range;

impl Converter<'_, '_> {
    pub(super) fn code_block(
        &mut self,
        doc: &mut Doc<'_>,
        i: usize,
        kind: &CodeBlockKind<'_>,
    ) -> usize {
        let end = self.skip_to(i, |e| matches!(e, Event::End(TagEnd::CodeBlock)));
        let code: String = self.events[i + 1..end]
            .iter()
            .filter_map(|(e, _)| match e {
                Event::Text(t) => Some(t.as_ref()),
                _ => None,
            })
            .collect();
        let lang = match kind {
            CodeBlockKind::Fenced(l) => l.split_whitespace().next().unwrap_or_default(),
            CodeBlockKind::Indented => "",
        };
        let lang = if !lang.is_empty() && lang.chars().all(|c| c.is_ascii_alphanumeric()) {
            format!(", lang: {}", string(lang))
        } else {
            String::new()
        };
        doc.m.raw(&format!(
            "\n#raw(block: true{lang}, {})\n\n",
            string(code.trim_end_matches('\n'))
        ));
        end
    }

    pub(super) fn image(
        &mut self,
        doc: &mut Doc<'_>,
        i: usize,
        dest: &str,
        r: &Range<usize>,
    ) -> usize {
        let end = self.skip_to(i, |e| matches!(e, Event::End(TagEnd::Image)));
        let alt: String = self.events[i + 1..end]
            .iter()
            .filter_map(|(e, _)| match e {
                Event::Text(t) | Event::Code(t) => Some(t.as_ref()),
                _ => None,
            })
            .collect();
        let file = doc.cx.image_file(self.src.dir, dest);
        let bytes = file.and_then(|f| {
            let ext = f.extension().map(|e| e.to_string_lossy().into_owned());
            std::fs::read(doc.cx.content_dir.join(&f)).ok().zip(ext)
        });
        match bytes {
            Some((bytes, ext)) => {
                if let Some(page) = self.src.page {
                    let offset = self.src.body_offset + r.start;
                    doc.map
                        .mark(doc.m.out.len(), Origin::Image { page, offset });
                }
                let path = doc.files.add(&ext, bytes);
                doc.m.raw(&format!(
                    "#box(image({}, alt: {}, width: 100%, fit: \"contain\"))",
                    string(&path),
                    string(&alt)
                ));
            }
            // A web address: the PDF says what the image shows.
            None => {
                doc.m.raw("#emph[").text(&alt).raw("]");
            }
        }
        end
    }

    /// An HTML block (the site sanitises and shows it): its visible text as a paragraph,
    /// tags left out and what scripts and styles hold dropped, as ammonia cleans it.
    pub(super) fn html_block(&mut self, doc: &mut Doc<'_>, i: usize) -> usize {
        let end = self.skip_to(i, |e| matches!(e, Event::End(TagEnd::HtmlBlock)));
        let html: String = self.events[i + 1..end]
            .iter()
            .filter_map(|(e, _)| match e {
                Event::Html(h) => Some(h.as_ref()),
                _ => None,
            })
            .collect();
        // The cleaner writes text escaped for HTML: decoded by the one entity decoder.
        let text = crate::base::escape::decode(&ammonia::Builder::empty().clean(&html).to_string());
        let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if !words.is_empty() {
            doc.m.text(&words).par();
        }
        end
    }
}
