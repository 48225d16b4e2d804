//! The record of a rendered page for the index: the text of its `<main>`, without the parts
//! that are not prose, and its title.

use super::Record;

/// Elements whose text is not indexed, by how they open and close: drawings (their numbers
/// are in the tables), scripts and styles, and the parts of a chart that repeat on many pages
/// (its data table, legend and source line). A chart's caption stays: it says what it shows.
const SKIPPED: &[(&str, &str)] = &[
    ("<svg", "</svg>"),
    ("<script", "</script>"),
    ("<style", "</style>"),
    ("<details class=\"chart-table\"", "</details>"),
    ("<ul class=\"chart-legend\"", "</ul>"),
    ("<p class=\"chart-source\"", "</p>"),
];

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

/// Elements inside a line of text, whose tags part no words: a highlighted word of code is
/// several `<span>`s (`<span>t</span>itle`), a word may be half emphasised.
const INLINE: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "i", "ins", "kbd",
    "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr",
];

/// Whether the tag at the start of `tag` (`<span …>`, `</em>`) is of an inline element.
fn inline(tag: &str) -> bool {
    let name = tag.trim_start_matches('<').trim_start_matches('/');
    let end = name
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(name.len());
    INLINE.contains(&&name[..end])
}

/// Text of an HTML fragment: tags dropped (and the [`SKIPPED`] elements; a tag of a block
/// parts words, an [`INLINE`] one does not), entities decoded, white space folded. Written by hand: the fragment is our own generated HTML, and a full
/// HTML parser would cost more than the indexing it feeds.
fn text(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        let after = &rest[lt..];
        if !inline(after) {
            out.push(' ');
        }
        let skip_to = SKIPPED.iter().find_map(|(open, close)| {
            after
                .starts_with(open)
                .then(|| after.find(close).map(|c| c + close.len()))?
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
    let decoded = crate::base::escape::decode(&out);
    decoded.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_come_out_as_written_whichever_entity_form_the_html_has() {
        for h1 in [
            "Children&apos;s &amp; Co&nbsp;x",
            "Children&#39;s &amp; Co&#160;x",
        ] {
            let html =
                format!("<html><body><main id=\"main\"><h1>{h1}</h1><p>t</p></main></body></html>");
            let r = record("/a/", "en", &html).unwrap();
            // The no-break space separates words for search, as a space does.
            assert_eq!(r.title, "Children's & Co x", "{h1}");
        }
    }

    #[test]
    fn main_content_only() {
        let html = "<html><body><nav>Valikko</nav><main id=\"main\"><h1>Otsikko &amp; muuta</h1><p>Nuorten <strong>hyvin</strong>vointi <code><span>t</span>itle</code></p><svg><text>2011</text></svg><table><td>2011</td></table><figure class=\"chart\"><figcaption>Kaavio</figcaption><ul class=\"chart-legend\"><li>Kuopio</li></ul><p class=\"chart-source\">Lähde: THL</p></figure><details class=\"chart-table\"><table><td>7,3</td></table></details></main><footer>Alatunniste</footer></body></html>";
        let r = record("/a/", "fi", html).unwrap();
        assert_eq!(r.title, "Otsikko & muuta");
        assert_eq!(
            r.text,
            "Otsikko & muuta Nuorten hyvinvointi title 2011 Kaavio"
        );
    }
}
