//! Addresses on example domains in `content/site.yaml`: the starter of `kertomus init` writes
//! `https://hyvinvointi.example.fi/` and `hyte@example.fi`, which build fine and would publish
//! a site whose canonical links, feedback address and contact lead nowhere. Each is a warning
//! at its place, so `check --deny-warnings` fails until the author writes the real ones.
//!
//! The settings file is read as text rather than through the configuration: every address in
//! it counts (contact, feedback, minutes, links of cards), whichever key holds it, and a
//! comment (`# …`) is the author's own and is not looked at.

use super::{Finding, Kind};
use crate::base::diagnostics::Diagnostic;
use crate::msg;
use std::path::Path;

/// Example domains: those reserved for examples (RFC 2606: `example.com`, `.net`, `.org` and
/// the top-level `.example`) and `example.fi`, which Finnish documentation uses the same way.
fn is_example_host(host: &str) -> bool {
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    host == "example"
        || host.ends_with(".example")
        || ["example.fi", "example.com", "example.net", "example.org"]
            .iter()
            .any(|d| host == *d || host.ends_with(&format!(".{d}")))
}

/// The host after `://` or `@` at `at` in `line`, up to the first character no host has.
fn host_at(line: &str, at: usize) -> &str {
    let rest = &line[at..];
    let end = rest
        .find(|c: char| !(c.is_alphanumeric() || c == '.' || c == '-'))
        .unwrap_or(rest.len());
    &rest[..end]
}

/// The part of a YAML line before its comment (a `#` after a space, outside quotes).
fn before_comment(line: &str) -> &str {
    let mut quote = None;
    let mut prev = ' ';
    for (i, c) in line.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), _) if c == q => quote = None,
            (None, '#') if prev == ' ' || prev == '\t' => return &line[..i],
            _ => {}
        }
        prev = c;
    }
    line
}

/// The example addresses of the site's settings, each a warning at its place.
pub(super) fn addresses(content: &Path) -> Vec<Finding> {
    let rel = Path::new("content").join("site.yaml");
    let Ok(text) = std::fs::read_to_string(content.join("site.yaml")) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let code = before_comment(line);
        let marks = code.match_indices("://").chain(code.match_indices('@'));
        let mut found: Vec<(usize, &str)> = marks
            .map(|(i, m)| (i, host_at(code, i + m.len())))
            .filter(|(_, host)| is_example_host(host))
            .collect();
        found.sort_unstable();
        for (i, host) in found {
            let at = code[..i]
                .rfind(['"', '\'', ' ', '{', '['])
                .map_or(0, |q| q + 1);
            let d = Diagnostic::at_offset(&rel, &text, start + at, msg!("`{host}` is an example domain; the site would publish an address that leads nowhere", host))
                .warning()
                .with_hint(msg!("write the organisation's real address here (the site's own address in base_url:, a mailbox someone reads in contact: and feedback_email:)"));
            out.push((Kind::ExampleAddress, d));
        }
        start += line.len();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn example_hosts_and_real_ones() {
        for host in [
            "example.fi",
            "hyvinvointi.example.fi",
            "esimerkkila.example",
            "EXAMPLE.COM",
        ] {
            assert!(is_example_host(host), "{host}");
        }
        for host in [
            "porvoo.fi",
            "notexample.fi",
            "example.fi.porvoo.fi",
            "thl.fi",
        ] {
            assert!(!is_example_host(host), "{host}");
        }
    }

    #[test]
    fn addresses_are_found_at_their_place_and_comments_are_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let text = "title: T\nbase_url: \"https://hyvinvointi.example.fi/\"   # esim. https://x.example.fi/\ncontact: {name: N, email: \"hyte@example.fi\"}\n# palaute: a@example.fi\nurl: \"https://porvoo.fi/\"\n";
        std::fs::write(dir.path().join("site.yaml"), text).unwrap();
        let found = addresses(dir.path());
        let places: Vec<(usize, usize)> = found.iter().map(|(_, d)| (d.line, d.col)).collect();
        assert_eq!(places, [(2, 12), (3, 28)]);
        assert!(found[0]
            .1
            .message
            .contains("`hyvinvointi.example.fi` is an example domain"));
    }
}
