//! The record of a rendered page for the index: the text of its `<main>`, without the parts
//! that are not prose, and its title.

use super::Record;

/// Elements whose text is not indexed, by tag and class: drawings (their numbers are in the
/// tables), scripts and styles, and the parts of a chart that repeat on many pages (its data
/// table, legend and source line). A chart's caption stays: it says what it shows.
const SKIPPED: &[(&str, Option<&str>)] = &[
    ("svg", None),
    ("script", None),
    ("style", None),
    ("details", Some("chart-table")),
    ("ul", Some("chart-legend")),
    ("p", Some("chart-source")),
];

/// The record of a rendered page: the text of its `<main>`, without tags.
pub(crate) fn record(url: &str, lang: &str, html: &str) -> Option<Record> {
    let skip = |tag: &str, class: Option<&str>| {
        SKIPPED
            .iter()
            .any(|(t, c)| *t == tag && (c.is_none() || *c == class))
    };
    let text = crate::html::text::page_text(html, &skip)?;
    Some(Record {
        url: url.to_string(),
        lang: lang.to_string(),
        title: text.title,
        text: text.main,
    })
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
