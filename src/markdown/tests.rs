//! Unit tests of the Markdown stage, with a small fake site behind the resolver.

use super::*;
use std::path::Path;

struct FakeSite;

impl Resolver for FakeSite {
    fn resolve(&self, path: &Path, _lang: &str) -> Target {
        match path.to_str().unwrap() {
            "kertomus/01-tausta.md" => Target::Page {
                id: crate::model::content::PageId::nth(1),
                href: "/kertomus/01-tausta/".into(),
                lang: None,
            },
            "kertomus/02-ruotsiksi.md" => Target::Page {
                id: crate::model::content::PageId::nth(2),
                href: "/sv/kertomus/02-ruotsiksi/".into(),
                lang: Some("sv".into()),
            },
            "kertomus/kuva.png" => Target::File {
                href: "/kertomus/kuva.png".into(),
            },
            _ => Target::Missing {
                suggestion: Some("kertomus/01-tausta.md".into()),
            },
        }
    }
}

fn render_with(body: &str, raw_html: RawHtml) -> Output {
    let text = format!("---\ntitle: T\n---\n{body}");
    let labels = Labels {
        table: "Taulukko".into(),
        task_done: "tehty".into(),
        task_open: "tekemättä".into(),
        footnotes: "Alaviitteet".into(),
        footnote_back: "Takaisin viitteeseen {n}".into(),
        in_language: [("sv".to_string(), "ruotsiksi".to_string())].into(),
    };
    let registry = shortcodes::Registry::default();
    let env = Env {
        raw_html,
        resolver: &FakeSite,
        shortcodes: &registry,
        labels: &labels,
    };
    let input = Input {
        text: &text,
        body_offset: 16,
        shown: Path::new("content/kertomus/02-vaesto.md"),
        dir: Path::new("kertomus"),
        lang: "fi",
        page_path: "kertomus/02-vaesto/",
    };
    render(&input, &env)
}

pub(super) fn md(body: &str) -> Output {
    render_with(body, RawHtml::Sanitize)
}

/// The first lines of a render's diagnostics, in English.
pub(super) fn headlines(out: &Output) -> Vec<String> {
    let en = crate::base::messages::Lang::En;
    out.diagnostics.iter().map(|d| d.headline(en)).collect()
}

#[test]
fn heading_ids_are_readable_unique_and_customisable() {
    let out = md("## Väestön hyvinvointi\n\n## Väestön hyvinvointi\n\n## Oma {#oma-id}\n");
    insta::assert_snapshot!(out.html, @r#"
    <h2 id="vaeston-hyvinvointi">Väestön hyvinvointi</h2>
    <h2 id="vaeston-hyvinvointi-1">Väestön hyvinvointi</h2>
    <h2 id="oma-id">Oma</h2>
    "#);
    assert!(out.diagnostics.is_empty());
}

#[test]
fn md_links_become_page_urls_and_missing_targets_are_errors() {
    let out = md("[Tausta](01-tausta.md#vaesto) ja [puuttuu](02-puuttuu.md)\n");
    assert!(
        out.html.contains("href=\"/kertomus/01-tausta/#vaesto\""),
        "{}",
        out.html
    );
    assert_eq!(out.anchor_refs.len(), 1);
    assert_eq!(out.anchor_refs[0].anchor, "vaesto");
    assert_eq!(out.diagnostics.len(), 1);
    let d = &out.diagnostics[0];
    // line 4 of the file: 3 lines of front matter come first
    assert_eq!((d.line, d.col), (4, 34));
    assert!(
        d.message.contains("`02-puuttuu.md` does not exist"),
        "{}",
        d.message
    );
    assert_eq!(
        d.hint.as_ref().map(ToString::to_string).as_deref(),
        Some("did you mean `kertomus/01-tausta.md`?")
    );
}

#[test]
fn a_link_to_a_page_in_another_language_says_so() {
    let out = md("Lue [Tausta](01-tausta.md) ja [Bakgrund & mer](02-ruotsiksi.md).\n");
    assert!(
        out.html.contains(
            "<a href=\"/kertomus/01-tausta/\">Tausta</a> ja <a href=\"/sv/kertomus/02-ruotsiksi/\">Bakgrund &amp; mer</a> <span class=\"lang-note\">(ruotsiksi)</span>."
        ),
        "{}",
        out.html
    );
}

#[test]
fn in_page_anchors_are_checked() {
    let out = md("## Tausta\n\n[ok](#tausta) [rikki](#taustaa)\n");
    assert_eq!(out.diagnostics.len(), 1);
    assert!(out.diagnostics[0].message.contains("#taustaa"));
}

#[test]
fn links_out_of_content_are_refused() {
    let out = md("[x](../../../etc/passwd)\n");
    assert!(out.diagnostics[0]
        .message
        .contains("points outside content/"));
}

#[test]
fn image_without_alt_text_is_an_error() {
    let out = md("Teksti.\n\n![](kuva.png)\n\n![Kaavio](kuva.png)\n");
    assert_eq!(out.diagnostics.len(), 1);
    assert_eq!(out.diagnostics[0].line, 6);
    assert!(out.diagnostics[0].message.contains("alt text"));
    assert!(
        out.html
            .contains("<img src=\"/kertomus/kuva.png\" alt=\"Kaavio\""),
        "{}",
        out.html
    );
}

#[test]
fn raw_html_is_sanitized_by_default() {
    let out = md("<p onclick=\"x()\">Hei <abbr title=\"Terveyden ja hyvinvoinnin laitos\">THL</abbr></p>\n<script>alert(1)</script>\n\n[a](javascript:alert(1))\n\n<a href=\"javascript:alert(1)\">b</a>\n");
    assert!(!out.html.contains("onclick"), "{}", out.html);
    assert!(!out.html.contains("<script"), "{}", out.html);
    assert!(!out.html.contains("javascript:"), "{}", out.html);
    assert!(
        out.html
            .contains("<abbr title=\"Terveyden ja hyvinvoinnin laitos\">THL</abbr>"),
        "{}",
        out.html
    );
    assert_eq!(
        out.diagnostics.len(),
        1,
        "the markdown javascript: link is an error"
    );
}

#[test]
fn raw_html_deny_and_allow() {
    let denied = render_with("<div>x</div>\n", RawHtml::Deny);
    assert!(denied.diagnostics[0]
        .message
        .contains("raw HTML is not allowed"));
    let allowed = render_with("<div data-x=\"1\">x</div>\n", RawHtml::Allow);
    assert!(allowed.html.contains("data-x=\"1\""));
}

#[test]
fn sanitizing_keeps_generated_markup() {
    let out =
        md("<b>x</b>\n\n## Otsikko\n\n```yaml\na: 1\n```\n\n| a | b |\n|---|--:|\n| 1 | 2 |\n");
    assert!(out.html.contains("<h2 id=\"otsikko\">"), "{}", out.html);
    assert!(out.html.contains("class=\"hl-"), "{}", out.html);
    assert!(
        out.html.contains(
            "<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"Taulukko: Otsikko\">"
        ),
        "{}",
        out.html
    );
    // The aligned cells stay inside their rows (text between a row and its cells would be
    // moved before the table by the sanitizer).
    let row = "<tr><td>1</td><td class=\"align-right\">2</td></tr>";
    assert!(out.html.contains(row), "{}", out.html);
}

#[test]
fn code_without_language_stays_plain_and_shortcodes_are_not_expanded_in_code() {
    let out = md("```\n{{ vuosikello() }}\n```\n\n`{{ x() }}`\n");
    assert!(
        out.html
            .contains("<pre><code>{{ vuosikello() }}\n</code></pre>"),
        "{}",
        out.html
    );
    assert!(out.diagnostics.is_empty(), "{:?}", out.diagnostics);
}

#[test]
fn unknown_and_malformed_shortcodes_are_errors_at_their_position() {
    let out = md("Teksti\n\n{{ indicator(id=\"5527\") }}\n\n{{ goals(focus_area=\"x\" }}\n");
    assert_eq!(out.diagnostics.len(), 2, "{:?}", out.diagnostics);
    assert!(out.diagnostics[0]
        .message
        .contains("unknown shortcode `indicator`"));
    assert_eq!((out.diagnostics[1].line, out.diagnostics[1].col), (8, 25));
}

#[test]
fn registered_shortcodes_render_in_place() {
    struct Hello;
    impl shortcodes::Shortcode for Hello {
        fn render(
            &self,
            call: &shortcodes::Call,
            ctx: &shortcodes::Context<'_>,
        ) -> Result<crate::base::escape::Html, crate::base::messages::Msg> {
            match call.arg("name") {
                Some(shortcodes::Value::Str(n)) => Ok(crate::base::escape::Html::trusted(format!(
                    "<p class=\"hello\" lang=\"{}\">{}</p>",
                    ctx.lang,
                    crate::base::escape::escape(n)
                ))),
                _ => Err(crate::msg!("needs name=\"...\"")),
            }
        }
    }
    let mut registry = shortcodes::Registry::default();
    registry.register("hello", Box::new(Hello));
    let labels = Labels::default();
    let env = Env {
        raw_html: RawHtml::Sanitize,
        resolver: &FakeSite,
        shortcodes: &registry,
        labels: &labels,
    };
    let text = "<i>raw</i>\n\n{{ hello(name=\"Hei\") }}\n\n{{ hello() }}\n";
    let input = Input {
        text,
        body_offset: 0,
        shown: Path::new("content/a.md"),
        dir: Path::new(""),
        lang: "fi",
        page_path: "a/",
    };
    let out = render(&input, &env);
    assert!(
        out.html.contains("<p class=\"hello\" lang=\"fi\">Hei</p>"),
        "{}",
        out.html
    );
    assert_eq!(out.diagnostics.len(), 1);
    assert!(out.diagnostics[0].message.contains("needs name"));
}

#[test]
fn task_lists_have_text_labels() {
    let out = md("- [x] Valmis\n- [ ] Kesken\n");
    assert!(out.html.contains("aria-label=\"tehty\""), "{}", out.html);
    assert!(out.html.contains("aria-label=\"tekemättä\""));
}

#[test]
fn headings_follow_the_raw_html_and_link_rules() {
    let out = render_with(
        "## Otsikko <script>alert(1)</script>\n\n## [klikkaa](javascript:alert(1))\n",
        RawHtml::Deny,
    );
    let messages = headlines(&out);
    assert!(
        messages
            .iter()
            .any(|m| m.contains("4:12: error: raw HTML is not allowed")),
        "{messages:?}"
    );
    assert!(
        messages
            .iter()
            .any(|m| m.contains("6:4: error: `javascript:` links are not allowed")),
        "{messages:?}"
    );
    assert!(
        !out.html.contains("<script") && !out.html.contains("javascript:"),
        "{}",
        out.html
    );

    let out = md("## Otsikko <img src=x alt=\"\" onerror=alert(1)> ja <script>alert(1)</script>\n");
    assert!(out.diagnostics.is_empty(), "{:?}", out.diagnostics);
    assert!(
        !out.html.contains("onerror") && !out.html.contains("<script"),
        "{}",
        out.html
    );
    // The TOC, print page and search show the heading's words, not the script's code.
    assert_eq!(out.headings[0].text, "Otsikko ja");
}

#[test]
fn heading_attribute_blocks_allow_only_an_id_and_classes() {
    let out = md("## Kolmas {#y .huom tabindex=0 autofocus onfocus=alert(1)}\n\n## Toinen {#x\"onmouseover=alert(1)}\n");
    let messages = headlines(&out);
    assert_eq!(messages.len(), 2, "{messages:?}");
    assert!(
        messages[0].contains(
            "4:11: error: heading attributes `tabindex`, `autofocus`, `onfocus` are not allowed"
        ),
        "{messages:?}"
    );
    assert!(
        messages[1].contains("6:11: error: heading id `x\"onmouseover=alert(1)` may contain only"),
        "{messages:?}"
    );
    insta::assert_snapshot!(out.html, @r#"
    <h2 id="y" class="huom">Kolmas</h2>
    <h2 id="toinen">Toinen</h2>
    "#);
}

#[test]
fn an_unclosed_shortcode_is_an_error_at_its_position() {
    let out = md("Teksti.\n\n{{ indicator(id=\"4\"\n\nLisää.\n");
    let messages = headlines(&out);
    assert_eq!(messages.len(), 1, "{messages:?}");
    assert!(
        messages[0].contains("6:1: error: this shortcode is not closed"),
        "{messages:?}"
    );
    assert!(md("Sulut {{ eivät ole koodia\n").diagnostics.is_empty());
}

#[test]
fn nesting_deeper_than_the_limit_is_one_error_not_a_stall() {
    let body = format!("<b>raw</b>\n\n{} x\n", ">".repeat(40_000));
    let out = md(&body);
    let messages = headlines(&out);
    assert_eq!(messages.len(), 1, "{messages:?}");
    assert!(
        messages[0].contains("6:65: error: quotes or lists are nested more than 64 levels deep"),
        "{messages:?}"
    );
    assert!(out.html.is_empty());
}

#[test]
fn a_heading_s_text_leaves_out_script_and_style_content() {
    let out = md("## Otsikko <script>alert(1)</script> ja <style>p{}</style>loppu\n");
    assert!(out.diagnostics.is_empty(), "{:?}", out.diagnostics);
    assert_eq!(out.headings[0].text, "Otsikko ja loppu");
    assert_eq!(out.headings[0].id, "otsikko-ja-loppu");
}

#[test]
fn raw_images_without_alt_are_errors_at_their_position() {
    let out = md("Teksti\n\n<img src=\"kuva.png\">\n\n<IMG SRC=kuva.png ALT=\"Kaavio\"> <img src=k.png alt=\"\">\n");
    assert_eq!(out.diagnostics.len(), 1, "{:?}", out.diagnostics);
    let d = &out.diagnostics[0];
    assert_eq!((d.line, d.col), (6, 1));
    assert!(d.message.contains("image has no alt text"));
    assert!(super::html::has_img_without_alt("<img/src=x>"));
    assert!(!super::html::has_img_without_alt("<imgx src=x>"));
}

#[test]
fn raw_html_nested_too_deep_is_one_error_and_stays_fast() {
    let deep = format!("{}x{}", "<div>\n".repeat(20_000), "</div>\n".repeat(20_000));
    let started = std::time::Instant::now();
    let out = md(&deep);
    assert!(started.elapsed() < std::time::Duration::from_secs(2));
    assert_eq!(out.diagnostics.len(), 1, "{:?}", out.diagnostics);
    assert!(out.diagnostics[0]
        .message
        .contains("HTML elements are nested more than 64 levels deep"));
    // Shallow HTML, void and self-closing elements, and closing tags do not add up.
    let mut depth = 0;
    let html = "<p>a<br><img src=x alt=y/><svg><path d=\"\"/></svg></p><div><span>";
    assert_eq!(super::html::nest(html, &mut depth), 2);
    assert_eq!(depth, 2);
}
