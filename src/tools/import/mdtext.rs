//! Text as Markdown source: the author's words escaped so that they never become Markdown,
//! raw HTML, heading attributes or a shortcode; emphasis written only where CommonMark's
//! rules let it work; addresses made safe as link destinations. Only `kertomus import` writes
//! Markdown, so this is its own (the site's escaper, `crate::base::escape`, writes HTML).

/// Tabs and runs of spaces as one space, control characters out.
pub(crate) fn tidy(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let c = if c == '\t' || c == '\n' || c == '\r' {
            ' '
        } else {
            c
        };
        if c.is_control() || (c == ' ' && out.ends_with(' ')) {
            continue;
        }
        out.push(c);
    }
    out
}

/// Writes `text` with `**`/`*` around it, unless the delimiters would not work there
/// (CommonMark's flanking rules around punctuation): then it stays plain.
pub(crate) fn emphasised(
    out: &mut String,
    text: &str,
    bold: bool,
    italic: bool,
    next: Option<char>,
) {
    let core = text.trim();
    let marker = match (bold, italic) {
        (true, true) => "***",
        (true, false) => "**",
        (false, true) => "*",
        (false, false) => "",
    };
    let punct = |c: Option<char>| {
        c.is_some_and(|c| c.is_ascii_punctuation() || !c.is_alphanumeric() && !c.is_whitespace())
    };
    let space_or_punct = |c: Option<char>| c.is_none_or(|c| c.is_whitespace()) || punct(c);
    let lead = &text[..text.len() - text.trim_start().len()];
    let trail = &text[text.trim_end().len()..];
    let before = if lead.is_empty() {
        out.chars().last()
    } else {
        Some(' ')
    };
    let after = if trail.is_empty() { next } else { Some(' ') };
    let opens = !punct(core.chars().next()) || space_or_punct(before);
    let closes = !punct(core.chars().last()) || space_or_punct(after);
    out.push_str(lead);
    if marker.is_empty() || core.is_empty() || !opens || !closes {
        out.push_str(&escape(core));
    } else {
        out.push_str(marker);
        out.push_str(&escape(core));
        out.push_str(marker);
    }
    out.push_str(trail);
}

/// Escapes the characters that Markdown, raw HTML, heading attributes and shortcodes would
/// read as syntax.
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let chars: Vec<char> = s.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '~' | '|' | '{' | '}' | '#' => {
                out.push('\\');
                out.push(c);
            }
            '&' if chars
                .get(i + 1)
                .is_some_and(|n| n.is_alphanumeric() || *n == '#') =>
            {
                out.push_str("\\&");
            }
            _ => out.push(c),
        }
    }
    out
}

/// A line that would start a list, a heading underline or a numbered item gets its first
/// mark escaped.
pub(crate) fn escape_line_start(line: &str) -> String {
    if line.starts_with(['-', '+', '=']) {
        return format!("\\{line}");
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    if (1..=9).contains(&digits) && line[digits..].starts_with(['.', ')']) {
        return format!("{}\\{}", &line[..digits], &line[digits..]);
    }
    line.to_string()
}

/// An address as a Markdown link destination: no spaces, parentheses or angle brackets.
pub(crate) fn url_escape(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        match c {
            ' ' => out.push_str("%20"),
            '(' => out.push_str("%28"),
            ')' => out.push_str("%29"),
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_never_becomes_syntax() {
        assert_eq!(
            escape("a*b_c [x](y) <b> {{ x() }} &amp;"),
            "a\\*b\\_c \\[x\\](y) \\<b\\> \\{\\{ x() \\}\\} \\&amp;"
        );
        assert_eq!(escape_line_start("1. luku"), "1\\. luku");
        assert_eq!(escape_line_start("- viiva"), "\\- viiva");
        assert_eq!(escape_line_start("2025 alkaen"), "2025 alkaen");
    }

    #[test]
    fn emphasis_keeps_spaces_outside_and_respects_punctuation() {
        let mut out = String::from("on");
        emphasised(&mut out, " yhdessä ", true, false, Some('h'));
        assert_eq!(out, "on **yhdessä** ");
        let mut out = String::from("sana");
        emphasised(&mut out, "\"lainaus\"", true, false, Some('x'));
        assert_eq!(out, "sana\"lainaus\"");
    }

    #[test]
    fn urls_are_kept_whole() {
        assert_eq!(
            url_escape("https://a.fi/x y(1)"),
            "https://a.fi/x%20y%281%29"
        );
    }
}
