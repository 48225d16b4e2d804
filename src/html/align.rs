//! Alignment styles in an author's raw HTML as classes (`style="text-align: center"` →
//! `class="align-center"`), so the output keeps no inline styles (the sanitiser drops them,
//! and the site's content security policy allows none).

use lol_html::{element, rewrite_str, RewriteStrSettings};

/// `html` with every `style="text-align: left|center|right"` written as the class
/// `align-<side>` in the same place among the element's attributes. An element that has a
/// class already keeps it (the sanitiser would keep only the first of two).
pub(crate) fn classes(html: &str) -> String {
    let settings =
        RewriteStrSettings::new().append_element_content_handler(element!("[style]", |el| {
            let style = el.get_attribute("style").unwrap_or_default();
            let side = ["left", "center", "right"]
                .into_iter()
                .find(|a| style == format!("text-align: {a}"));
            let Some(side) = side.filter(|_| !el.has_attribute("class")) else {
                return Ok(());
            };
            // Rewritten in order: the class takes the style's place.
            let attributes: Vec<(String, String)> = el
                .attributes()
                .iter()
                .map(|a| (a.name(), a.value()))
                .collect();
            for (name, _) in &attributes {
                el.remove_attribute(name);
            }
            for (name, value) in attributes {
                match name.as_str() {
                    "style" => el.set_attribute("class", &format!("align-{side}"))?,
                    _ => el.set_attribute(&name, &value)?,
                }
            }
            Ok(())
        }));
    // The rewriter fails only on output it cannot encode, and this is UTF-8.
    rewrite_str(html, settings).unwrap_or_else(|_| html.to_string())
}

#[cfg(test)]
mod tests {
    use super::classes;

    #[test]
    fn alignment_styles_become_classes_in_place() {
        assert_eq!(
            classes("<td style=\"text-align: center\">a</td><p id=\"x\" style=\"text-align: right\" lang=\"fi\">b</p>"),
            "<td class=\"align-center\">a</td><p id=\"x\" class=\"align-right\" lang=\"fi\">b</p>"
        );
        assert_eq!(
            classes("<p style=\"color: red\">c</p>"),
            "<p style=\"color: red\">c</p>"
        );
    }
}
