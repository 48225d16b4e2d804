//! Markdown of YAML fields through the page loop: links resolved and checked, problems placed
//! in the YAML file, everything else as a page renders it.

use super::*;
use crate::markdown::Target;

/// Pages relative to `content/`: a Finnish page, and one that exists only in Finnish.
struct Content;

impl Resolver for Content {
    fn resolve(&self, path: &Path, lang: &str) -> Target {
        match path.to_str().unwrap() {
            "vaesto/01-tausta.md" => Target::Page {
                id: crate::model::content::PageId::nth(0),
                href: "/kunta/vaesto/01-tausta/".into(),
                lang: (lang != "fi").then(|| "fi".into()),
            },
            _ => Target::Missing { suggestion: None },
        }
    }
}

fn labels() -> BTreeMap<String, Labels> {
    let sv = Labels {
        in_language: [("fi".to_string(), "på finska".to_string())].into(),
        ..Labels::default()
    };
    [
        ("fi".to_string(), Labels::default()),
        ("sv".to_string(), sv),
    ]
    .into()
}

/// A text written in Finnish as a reader in `lang` sees it.
fn html(text: &str, lang: &str) -> String {
    let labels = labels();
    let fields = Fields::new(RawHtml::Sanitize, &Content, &labels);
    fields.html(text, lang, "fi")
}

#[test]
fn a_link_to_a_page_leads_to_its_address_in_the_readers_language() {
    let md = "Katso [tausta](vaesto/01-tausta.md).";
    assert_eq!(
        html(md, "fi"),
        "<p>Katso <a href=\"/kunta/vaesto/01-tausta/\">tausta</a>.</p>\n"
    );
    assert_eq!(
        html(md, "sv"),
        "<p>Katso <a href=\"/kunta/vaesto/01-tausta/\">tausta</a> \
         <span class=\"lang-note\" lang=\"sv\">(på finska)</span>.</p>\n"
    );
    // A Swedish text keeps its notes unmarked: they are in its own language.
    let labels = labels();
    let fields = Fields::new(RawHtml::Sanitize, &Content, &labels);
    assert!(fields
        .html("Se [bakgrund](vaesto/01-tausta.md).", "sv", "sv")
        .contains("<span class=\"lang-note\">(på finska)</span>"));
}

#[test]
fn text_external_links_and_shortcodes_read_as_before() {
    assert_eq!(
        html("~~vanha~~ uusi <script>alert(1)</script>", "fi"),
        "<p><del>vanha</del> uusi </p>\n"
    );
    // As on pages: no rel added to an author's external link; `#anchors` kept unchecked.
    assert_eq!(
        html("[THL](https://thl.fi/) ja [alla](#alla)", "fi"),
        "<p><a href=\"https://thl.fi/\">THL</a> ja <a href=\"#alla\">alla</a></p>\n"
    );
    // Shortcodes are not expanded in a field: it is shown inside what they embed.
    assert_eq!(
        html("{{ goals(focus_area=\"x\") }}", "fi"),
        "<p>{{ goals(focus_area=\"x\") }}</p>\n"
    );
}

#[test]
fn a_broken_link_is_reported_where_the_yaml_file_has_it() {
    let yaml = "goals:\n  - id: g1\n    description: |\n      Ensin teksti.\n      Sitten [linkki](vaesto/puuttuu.md) tähän.\n";
    let source = Source::new(Path::new("content/plan/plan.yaml"), yaml.to_string());
    let labels = labels();
    let fields = Fields::new(RawHtml::Sanitize, &Content, &labels);
    let md = "Ensin teksti.\nSitten [linkki](vaesto/puuttuu.md) tähän.\n";
    // Placed by its entry (as a sheet's measure is): the link's line is found after it.
    let place = Place {
        source: &source,
        spot: None,
        entry: yaml.find("id: g1").unwrap(),
    };
    let out = fields.render(md, "fi", Some(&place));
    assert_eq!(out.diagnostics.len(), 1, "{:?}", out.diagnostics);
    let d = &out.diagnostics[0];
    assert!(d.is_error());
    assert_eq!(d.path, Path::new("content/plan/plan.yaml"));
    assert_eq!((d.line, d.col), (5, 14));
    let hint = d
        .hint
        .as_ref()
        .unwrap()
        .render(crate::base::messages::Lang::En);
    assert!(hint.contains("relative to the content/ folder"), "{hint}");
}

#[test]
fn raw_html_follows_the_sites_rule() {
    let labels = labels();
    let fields = Fields::new(RawHtml::Deny, &Content, &labels);
    let out = fields.render("Teksti <b>lihava</b>", "fi", None);
    // As on a page of the site: each tag is refused, and none is written.
    assert_eq!(out.diagnostics.len(), 2, "{:?}", out.diagnostics);
    assert!(out.diagnostics.iter().all(|d| d.is_error()));
    assert_eq!(out.html.as_ref(), "<p>Teksti lihava</p>\n");
}

#[test]
fn a_text_read_from_yaml_is_placed_at_the_line_the_link_is_on() {
    #[derive(serde::Deserialize)]
    struct Goal {
        #[allow(dead_code)]
        title: crate::base::text::Text,
        description: crate::base::text::Text,
    }
    let yaml =
        "title: Tavoite\ndescription: |\n  Ensin teksti.\n\n  Sitten [linkki](puuttuu.md).\n";
    let mut source = Source::new(Path::new("content/p/plan.yaml"), yaml.to_string());
    let goal: Goal = source.parse().unwrap();
    let labels = labels();
    let fields = Fields::new(RawHtml::Sanitize, &Content, &labels);
    let place = Place {
        source: &source,
        spot: goal.description.at.as_ref(),
        entry: 0,
    };
    let md = goal.description.first_written();
    let out = fields.render(md, "fi", Some(&place));
    let d = &out.diagnostics[0];
    assert_eq!((d.line, d.col), (5, 10), "{d:?}");
}
