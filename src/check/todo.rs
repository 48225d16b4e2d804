//! Unfinished items: the `todo:` list of a page's front matter (a text per item, written by
//! an author or by `kertomus import`). `kertomus check` reports each item as a warning at its
//! own line, so `--deny-warnings` fails while any is left; `kertomus build` prints one warning
//! that counts the pages with such items.

use super::{Finding, Kind};
use crate::base::diagnostics::Diagnostic;
use crate::model::content::{self, SourcePage};
use crate::msg;

/// Each page's `todo:` items, each at its line of the front matter, from the pages as the
/// build parsed them (card prose is merged into cards, and checked there).
pub(super) fn items(sources: &[SourcePage], default: &str) -> Vec<Finding> {
    let mut out = Vec::new();
    for p in sources {
        if p.front.todo.is_empty() || content::is_card_prose(&p.rel, p.is_index) {
            continue;
        }
        let text = &p.text;
        let places = item_lines(text, p.front.todo.len());
        for (item, (line, col)) in p.front.todo.iter().zip(places) {
            let item = item.get(&p.lang, default).text;
            let d = Diagnostic::at_line_col(
                p.shown(),
                text,
                line,
                col,
                msg!("still to do: {item}", item),
            )
            .warning()
            .with_hint(msg!(
                "do it, then remove the item from the page's todo: list"
            ));
            out.push((Kind::Unfinished, d));
        }
    }
    out
}

/// The one warning of a build (not of `check`, which lists the items themselves): how many
/// pages have unfinished items.
pub(crate) fn unfinished_if(build: bool, pages: &[SourcePage]) -> Option<Diagnostic> {
    let n = pages.iter().filter(|p| !p.front.todo.is_empty()).count();
    (build && n > 0).then(|| {
        Diagnostic::file_error(
            "content",
            msg!(
                "{n} {n|page has|pages have} unfinished items (todo:); kertomus check lists them",
                n
            ),
        )
        .warning()
        .with_hint(msg!(
            "do what each item says, then remove it from the page's todo: list"
        ))
    })
}

/// The 1-based line and column of each of the `n` items of the front matter's `todo:` list:
/// a block list's `- ` lines, or the key's line for a list written on one line (or when the
/// items cannot be told apart).
fn item_lines(text: &str, n: usize) -> Vec<(usize, usize)> {
    let Ok(split) = crate::model::content::frontmatter::split(text) else {
        return vec![(1, 1); n];
    };
    let lines: Vec<&str> = split.yaml.lines().collect();
    let Some(key) = lines.iter().position(|l| l.starts_with("todo:")) else {
        return vec![(1, 1); n];
    };
    let key_place = (split.yaml_line + key, 1);
    let mut found = Vec::new();
    let mut indent = None;
    for (i, line) in lines.iter().enumerate().skip(key + 1) {
        let trimmed = line.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let ind = line.len() - trimmed.len();
        let item_indent = *indent.get_or_insert(ind);
        if ind < item_indent || (ind == item_indent && !trimmed.starts_with('-')) {
            break;
        }
        if ind == item_indent {
            let col = line[..ind + 1].chars().count() + 1;
            let after = trimmed[1..].len() - trimmed[1..].trim_start().len();
            found.push((split.yaml_line + i, col + after));
        }
    }
    if found.len() == n {
        found
    } else {
        vec![key_place; n]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_are_placed_at_their_lines() {
        let text = "---\ntitle: A\ntodo:\n  - \"kuva 2: kuvaus\"\n  - fi: \"x\"\n    sv: \"y\"\n- z\nweight: 1\n---\nBody\n";
        assert_eq!(item_lines(text, 2), [(4, 5), (5, 5)]);
        let flow = "---\ntodo: [a, b]\n---\n";
        assert_eq!(item_lines(flow, 2), [(2, 1), (2, 1)]);
        let top = "---\ntodo:\n- a\n- b\ntitle: T\n---\n";
        assert_eq!(item_lines(top, 2), [(3, 3), (4, 3)]);
    }
}
