//! URLs written by authors: the one test of what may land in an `href` or `src`.
//!
//! Markdown links and every URL-valued field of site.yaml, front matter and data files go
//! through here, so a `javascript:` URL is refused with the same words wherever it is written.

use crate::base::messages::Msg;
use crate::msg;
use std::fmt;

/// A URL safe to write into `href`/`src`: `http:`, `https:`, `mailto:`, `tel:`, or a
/// site-relative path (`/…`). Checked once, when the model is built.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(transparent)]
pub struct Url(String);

/// Why a URL was refused: a message and a hint, worded for authors.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Refused {
    pub message: Msg,
    pub hint: Msg,
}

/// Schemes that run code or smuggle content when followed; never accepted from content.
const SCRIPT_SCHEMES: [&str; 3] = ["javascript", "vbscript", "data"];

/// The URL's scheme (`https`, `mailto`, `javascript`…), if it has one. A `:` after a `/`,
/// `?` or `#` is part of a path, not a scheme.
pub(crate) fn scheme(url: &str) -> Option<&str> {
    let (s, _) = url.trim().split_once(':')?;
    let ok = !s.is_empty()
        && s.starts_with(|c: char| c.is_ascii_alphabetic())
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "+.-".contains(c));
    ok.then_some(s)
}

/// Whether `scheme` is one that runs script.
pub(crate) fn is_script_scheme(scheme: &str) -> bool {
    SCRIPT_SCHEMES.contains(&scheme.to_ascii_lowercase().as_str())
}

/// The refusal of a script URL, worded the same for Markdown links and data fields.
pub(crate) fn script_refused(scheme: &str) -> Refused {
    Refused {
        message: msg!("`{scheme}:` links are not allowed", scheme),
        hint: msg!("link to a page or a web address instead"),
    }
}

impl Url {
    /// Accepts `http(s):`, `mailto:`, `tel:` and site-relative paths.
    /// The checked URL.
    pub(crate) fn as_str(&self) -> &str {
        &self.0
    }

    pub(crate) fn parse(raw: &str) -> Result<Url, Refused> {
        let url = raw.trim();
        // Browsers drop control characters and whitespace inside a scheme
        // (`java\tscript:`); refuse them rather than guess.
        if url.chars().any(char::is_control) {
            return Err(Refused {
                message: msg!("a web address may not contain control characters"),
                hint: msg!("write the address on one line, without tabs"),
            });
        }
        match scheme(url) {
            Some(s) if is_script_scheme(s) => Err(script_refused(s)),
            Some(s)
                if ["http", "https", "mailto", "tel"]
                    .contains(&s.to_ascii_lowercase().as_str()) =>
            {
                Ok(Url(url.to_string()))
            }
            Some(s) => Err(Refused {
                message: msg!("`{s}:` addresses are not accepted here", s),
                hint: msg!("use an https:// address, mailto:, tel: or a path on this site (/…)"),
            }),
            None if url.starts_with('/') && !url.starts_with("//") => Ok(Url(url.to_string())),
            None => Err(Refused {
                message: msg!("`{url}` is not a web address", url),
                hint: msg!(
                    "write a full address (https://…), mailto:, tel: or a path on this site (/…)"
                ),
            }),
        }
    }
}

/// An e-mail address shown as a `mailto:` link: one `@`, no spaces, nothing that could end
/// the link or add a header.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(transparent)]
pub struct Email(String);

impl Email {
    /// Accepts `name@host.tld`.
    pub(crate) fn parse(raw: &str) -> Result<Email, Refused> {
        let email = raw.trim();
        let bad_char = |c: char| c.is_whitespace() || c.is_control() || ":/?#<>\"\\,;".contains(c);
        let ok = match email.split_once('@') {
            Some((local, host)) => {
                !local.is_empty()
                    && host.contains('.')
                    && !host.starts_with('.')
                    && !host.ends_with('.')
                    && !host.contains('@')
                    && !email.chars().any(bad_char)
            }
            None => false,
        };
        if ok {
            Ok(Email(email.to_string()))
        } else {
            Err(Refused {
                message: msg!("`{email}` is not an e-mail address", email),
                hint: msg!("write it as name@example.fi, without mailto: or spaces"),
            })
        }
    }
}

/// Reads a string field and checks it; the refusal becomes a YAML error at the value.
fn deserialize_checked<'de, D, T>(
    d: D,
    parse: fn(&str) -> Result<T, Refused>,
) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
{
    let raw = <String as serde::Deserialize>::deserialize(d)?;
    parse(&raw)
        .map_err(|r| serde::de::Error::custom(crate::base::yaml::custom(&r.message, &r.hint)))
}

impl<'de> serde::Deserialize<'de> for Url {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        deserialize_checked(d, Url::parse)
    }
}

impl<'de> serde::Deserialize<'de> for Email {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        deserialize_checked(d, Email::parse)
    }
}

impl fmt::Display for Url {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_mail_phone_and_site_paths_are_accepted() {
        for ok in [
            "https://example.fi/a?b#c",
            "HTTP://example.fi",
            "mailto:hyte@example.fi",
            "tel:+358401234567",
            "/hyte/tiedosto.pdf",
        ] {
            assert_eq!(Url::parse(ok).unwrap().to_string(), ok);
        }
    }

    #[test]
    fn script_and_other_urls_are_refused_with_the_markdown_wording() {
        let e = Url::parse(" JavaScript:alert(1)").unwrap_err();
        assert_eq!(e.message, "`JavaScript:` links are not allowed");
        assert!(Url::parse("data:text/html,x").is_err());
        assert!(Url::parse("vbscript:x").is_err());
        assert!(Url::parse("java\tscript:alert(1)").is_err());
        assert!(Url::parse("ftp://example.fi").is_err());
        assert!(Url::parse("//evil.example/").is_err());
        assert!(Url::parse("www.example.fi").is_err());
        assert!(Url::parse("").is_err());
    }

    #[test]
    fn emails_are_checked() {
        assert_eq!(
            Email::parse(" hyte@example.fi ").unwrap().to_string(),
            "hyte@example.fi"
        );
        for bad in [
            "hyte",
            "a@b",
            "a b@example.fi",
            "a@example.fi?subject=x",
            "javascript:a@b.fi",
            "a@@b.fi",
            "\"x\"@b.fi",
        ] {
            assert!(Email::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_yaml_field_refuses_a_script_url_at_its_position() {
        #[derive(serde::Deserialize, Debug)]
        struct Doc {
            #[allow(dead_code)]
            url: Url,
        }
        let e = crate::base::yaml::parse::<Doc>("url: \"javascript:alert(1)\"\n").unwrap_err();
        assert_eq!(e.message, "`javascript:` links are not allowed");
        assert_eq!((e.line, e.col), (1, 7));
        assert_eq!(
            e.hint.as_ref().map(ToString::to_string).as_deref(),
            Some("link to a page or a web address instead")
        );
    }

    #[test]
    fn a_colon_after_a_path_is_not_a_scheme() {
        assert_eq!(scheme("kuva:1.png"), Some("kuva"));
        assert_eq!(scheme("a/b:c"), None);
        assert_eq!(scheme("#x:y"), None);
        assert_eq!(scheme("1x:y"), None);
    }
}
