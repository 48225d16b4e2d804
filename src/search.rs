//! The search index, built with the Pagefind library (`pagefind::api`): one record per page in
//! its language, so Finnish and Swedish words are stemmed when indexing and when searching.
//! Only the page's main content is indexed (not navigation or footers), taken from the HTML
//! the build already rendered. Records are fed to an indexer thread while the rest of the site
//! is still being rendered and written, which keeps most of the indexing off the critical path.

use crate::error::Error;
use crate::msg;
use std::collections::BTreeMap;
use std::sync::mpsc::{channel, Sender};
use std::thread::JoinHandle;

/// One page to index.
#[derive(Debug, Clone)]
pub(crate) struct Record {
    /// Root-relative URL (`/hyvinvointikertomus-2025-2029/`).
    pub url: String,
    pub lang: String,
    pub title: String,
    pub text: String,
}

/// The bundle's files: paths inside `pagefind/` and their bytes.
pub(crate) type Bundle = Vec<(String, Vec<u8>)>;

/// The indexer thread; [`Indexer::finish`] returns the bundle's files (paths inside `pagefind/`).
pub(crate) struct Indexer {
    tx: Option<Sender<Record>>,
    handle: Option<JoinHandle<Result<Bundle, String>>>,
}

impl Indexer {
    pub(crate) fn start() -> Indexer {
        let (tx, rx) = channel::<Record>();
        let handle = std::thread::spawn(move || -> Result<Bundle, String> {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .build()
                .map_err(|e| e.to_string())?;
            runtime.block_on(async move {
                let mut index =
                    pagefind::api::PagefindIndex::new(None).map_err(|e| e.to_string())?;
                // Pagefind's output depends on the order records arrive in; rendering is
                // parallel, so records are sorted before they are added.
                let mut records: Vec<Record> = rx.into_iter().collect();
                records.sort_by(|a, b| a.url.cmp(&b.url));
                for r in records {
                    let meta = BTreeMap::from([("title".to_string(), r.title)]);
                    index
                        .add_custom_record(r.url, r.text, r.lang, Some(meta), None, None)
                        .await
                        .map_err(|e| e.to_string())?;
                }
                let files = index.get_files().await.map_err(|e| e.to_string())?;
                // The search page has its own accessible UI: Pagefind's UI bundles stay out.
                let mut out: Bundle = files
                    .into_iter()
                    .map(|f| (f.filename.to_string_lossy().replace('\\', "/"), f.contents))
                    .filter(|(name, _)| !name.contains("-ui."))
                    .collect();
                out.sort();
                Ok(out)
            })
        });
        Indexer {
            tx: Some(tx),
            handle: Some(handle),
        }
    }

    /// A sender for records; cheap to clone into rendering threads.
    pub(crate) fn sender(&self) -> Sender<Record> {
        self.tx.clone().expect("indexer is running")
    }

    pub(crate) fn finish(mut self) -> Result<Bundle, Error> {
        drop(self.tx.take());
        let handle = self.handle.take().expect("indexer is running");
        handle
            .join()
            .map_err(|_| Error::Config(msg!("the search indexer stopped unexpectedly")))?
            .map_err(|e| Error::Config(msg!("building the search index failed: {e}", e)))
    }
}

/// The record of a rendered page: the text of its `<main>`, without tags.
pub(crate) fn record(url: &str, lang: &str, html: &str) -> Option<Record> {
    let start = html.find("<main")?;
    let end = html[start..].find("</main>")? + start;
    let main = &html[start..end];
    let title = html
        .find("<h1")
        .and_then(|h| {
            let open = html[h..].find('>')? + h + 1;
            let close = html[open..].find("</h1>")? + open;
            Some(text(&html[open..close]))
        })
        .unwrap_or_default();
    Some(Record {
        url: url.to_string(),
        lang: lang.to_string(),
        title,
        text: text(main),
    })
}

/// Text of an HTML fragment: tags dropped (SVG text and scripts too), entities decoded,
/// white space folded. Written by hand: the fragment is our own generated HTML, and a full
/// HTML parser would cost more than the indexing it feeds.
pub(crate) fn text(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        out.push(' ');
        let after = &rest[lt..];
        // Drawings repeat the tables after them; scripts are not text.
        let skip_to = ["<svg", "<script", "<style"].iter().find_map(|tag| {
            after.starts_with(tag).then(|| {
                let close = format!("</{}>", &tag[1..]);
                after.find(&close).map(|c| c + close.len())
            })?
        });
        rest = match skip_to {
            Some(n) => &after[n..],
            None => match after.find('>') {
                Some(gt) => &after[gt + 1..],
                None => "",
            },
        };
    }
    out.push_str(rest);
    let decoded = out
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&");
    decoded.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn main_content_only() {
        let html = "<html><body><nav>Valikko</nav><main id=\"main\"><h1>Otsikko &amp; muuta</h1><p>Nuorten <strong>hyvinvointi</strong></p><svg><text>2011</text></svg><table><td>2011</td></table></main><footer>Alatunniste</footer></body></html>";
        let r = record("/a/", "fi", html).unwrap();
        assert_eq!(r.title, "Otsikko & muuta");
        assert_eq!(r.text, "Otsikko & muuta Nuorten hyvinvointi 2011");
    }

    #[test]
    fn finnish_words_are_indexed_with_the_finnish_stemmer() {
        let ix = Indexer::start();
        let tx = ix.sender();
        tx.send(Record {
            url: "/a/".into(),
            lang: "fi".into(),
            title: "A".into(),
            text: "Hyvinvointialue ja nuoret".into(),
        })
        .unwrap();
        tx.send(Record {
            url: "/sv/a/".into(),
            lang: "sv".into(),
            title: "A".into(),
            text: "Välfärdsområdet".into(),
        })
        .unwrap();
        drop(tx);
        let files = ix.finish().unwrap();
        let names: Vec<&str> = files.iter().map(|f| f.0.as_str()).collect();
        assert!(names.contains(&"pagefind.js"), "{names:?}");
        assert!(names.iter().any(|n| n.starts_with("wasm.fi")), "{names:?}");
        assert!(names.iter().any(|n| n.starts_with("wasm.sv")), "{names:?}");
    }
}
