//! The text of a rendered page as a reader reads it: the words of its `<main>` and of its
//! first `<h1>`, for the search index. Tags of block elements part words and tags of inline
//! ones do not (a highlighted word of code is several `<span>`s, `<span>t</span>itle`);
//! entities are decoded and white space is folded.

use lol_html::html_content::Element;
use lol_html::{doc_text, element, end_tag, HtmlRewriter, Settings};
use std::cell::RefCell;
use std::rc::Rc;

/// Elements inside a line of text, whose tags part no words.
const INLINE: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "i", "ins", "kbd",
    "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr",
];

/// The text of a page: its first `<h1>` and its first `<main>`.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct PageText {
    /// The first heading's text ("" when the page has none).
    pub title: String,
    /// The text of `<main>`, without the elements the caller skips.
    pub main: String,
}

/// Where the reader is in the page, shared by the handlers.
#[derive(Default)]
struct State {
    /// 0 before `<main>`, 1 inside it, 2 after it.
    main: u8,
    /// How many skipped elements the reader is inside.
    skipped: usize,
    /// 0 before the first `<h1>`, 1 inside it, 2 after it.
    title: u8,
    text: PageText,
}

impl State {
    /// Text (or a word break) into what the reader is inside.
    fn push(&mut self, s: &str) {
        if self.main == 1 && self.skipped == 0 {
            self.text.main.push_str(s);
        }
        if self.title == 1 {
            self.text.title.push_str(s);
        }
    }
}

/// The text of `html`'s first `<main>` and first `<h1>`; `None` when it has no `<main>`.
/// `skip(tag, class)` names the elements of `<main>` whose text is left out (with all they
/// hold).
pub(crate) fn page_text(html: &str, skip: &dyn Fn(&str, Option<&str>) -> bool) -> Option<PageText> {
    let state: Rc<RefCell<State>> = Rc::default();
    let settings = Settings::new()
        .append_element_content_handler(element!("*", |el| {
            on_element(el, &state, skip);
            Ok(())
        }))
        .append_document_content_handler(doc_text!(|t| {
            state.borrow_mut().push(t.as_str());
            Ok(())
        }));
    let mut rewriter = HtmlRewriter::new(settings, |_: &[u8]| {});
    // Nothing is written back and the page is ours: a parse error would only end the text early.
    let _ = rewriter.write(html.as_bytes());
    let _ = rewriter.end();
    let state = Rc::try_unwrap(state).ok()?.into_inner();
    (state.main > 0).then(|| PageText {
        title: fold(&state.text.title),
        main: fold(&state.text.main),
    })
}

/// Opens an element: a word break unless it is inline, and the `<main>`, `<h1>` and skipped
/// element bookkeeping, undone at its end tag.
fn on_element(
    el: &mut Element<'_, '_>,
    state: &Rc<RefCell<State>>,
    skip: &dyn Fn(&str, Option<&str>) -> bool,
) {
    let tag = el.tag_name();
    let breaks = !INLINE.contains(&tag.as_str());
    let mut s = state.borrow_mut();
    let (main, title, skipped) = (
        tag == "main" && s.main == 0,
        tag == "h1" && s.title == 0,
        s.main == 1 && skip(&tag, el.get_attribute("class").as_deref()),
    );
    if breaks {
        s.push(" ");
    }
    s.main += u8::from(main);
    s.title += u8::from(title);
    s.skipped += usize::from(skipped);
    drop(s);
    if !el.can_have_content() {
        return;
    }
    let state = Rc::clone(state);
    // An element that can hold content has an end tag (written or implied).
    let _ = el.on_end_tag(end_tag!(move |_| {
        let mut s = state.borrow_mut();
        s.skipped -= usize::from(skipped);
        s.main += u8::from(main);
        s.title += u8::from(title);
        if breaks {
            s.push(" ");
        }
        Ok(())
    }));
}

/// Entities decoded, white space folded to single spaces.
fn fold(text: &str) -> String {
    let decoded = crate::base::escape::decode(text);
    decoded.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::{page_text, PageText};

    #[test]
    fn words_of_main_and_the_first_heading() {
        let html = "<nav>Valikko</nav><main><h1>Otsikko &amp; <em>muuta</em></h1><p>Nuorten \
                    <strong>hyvin</strong>vointi</p><svg><text>2011</text></svg><p>loppu</p>\
                    </main><footer>Ala</footer>";
        let text = page_text(html, &|tag, _| tag == "svg").unwrap();
        assert_eq!(
            text,
            PageText {
                title: "Otsikko & muuta".into(),
                main: "Otsikko & muuta Nuorten hyvinvointi loppu".into()
            }
        );
        assert_eq!(page_text("<p>ei main</p>", &|_, _| false), None);
    }
}
