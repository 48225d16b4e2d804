//! Shortcodes: `{{ name(arg=value, ...) }}` alone on a line embeds generated content.
//!
//! This file parses the call syntax and holds the registry, the one extension point through
//! which later features (indicators, goals, surveys, the annual clock) add their shortcodes.
//! The parser is hand-written: the syntax is tiny and errors must point at the exact column,
//! which a general expression parser crate would not give us for free.

use crate::base::messages::Msg;
use crate::msg;
use std::collections::BTreeMap;

/// An argument value: a string, number, boolean or list of those.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    Str(String),
    Num(f64),
    Bool(bool),
    List(Vec<Value>),
}

/// A parsed shortcode call.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Call {
    pub name: String,
    pub args: Vec<(String, Value)>,
}

impl Call {
    pub(crate) fn arg(&self, name: &str) -> Option<&Value> {
        self.args.iter().find(|(k, _)| k == name).map(|(_, v)| v)
    }
}

/// A syntax error at a character column (0-based) of the shortcode text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SyntaxError {
    pub col: usize,
    pub message: Msg,
}

/// What a shortcode may know about the page it is rendered on.
#[derive(Debug, Clone)]
pub(crate) struct Context<'a> {
    pub lang: &'a str,
    /// Byte offset of the call in the page's file: unique on the page, for element ids.
    pub offset: usize,
    /// Site-relative URL path of the page.
    pub page_path: &'a str,
}

/// A shortcode implementation: returns markup it built from escaped parts (it is inserted
/// after sanitizing, as it is), or a message for the author.
pub(crate) trait Shortcode: Send + Sync {
    fn render(&self, call: &Call, ctx: &Context<'_>) -> Result<crate::base::escape::Html, Msg>;
}

/// The registered shortcodes, by name.
#[derive(Default)]
pub(crate) struct Registry<'a> {
    map: BTreeMap<String, Box<dyn Shortcode + 'a>>,
}

impl<'a> Registry<'a> {
    pub(crate) fn register(&mut self, name: &str, shortcode: Box<dyn Shortcode + 'a>) {
        self.map.insert(name.to_string(), shortcode);
    }

    pub(crate) fn get(&self, name: &str) -> Option<&dyn Shortcode> {
        self.map.get(name).map(|b| b.as_ref())
    }

    pub(crate) fn names(&self) -> Vec<&str> {
        self.map.keys().map(String::as_str).collect()
    }
}

/// Parses `{{ name(arg=value, ...) }}` (the whole trimmed line).
pub(crate) fn parse(src: &str) -> Result<Call, SyntaxError> {
    let chars: Vec<char> = src.chars().collect();
    let mut p = Parser {
        chars: &chars,
        pos: 0,
    };
    p.expect_str("{{")?;
    p.ws();
    let name = p
        .ident()
        .ok_or_else(|| p.err(msg!("expected the shortcode's name after `{{`")))?;
    p.ws();
    p.expect_str("(")?;
    let mut args = Vec::new();
    p.ws();
    if !p.eat(')') {
        loop {
            p.ws();
            let key_col = p.pos;
            let key = p
                .ident()
                .ok_or_else(|| p.err(msg!("expected an argument name, as in id=\"5527\"")))?;
            if args.iter().any(|(k, _): &(String, Value)| *k == key) {
                return Err(SyntaxError {
                    col: key_col,
                    message: msg!("argument `{key}` is given twice", key),
                });
            }
            p.ws();
            p.expect_str("=")?;
            p.ws();
            let value = p.value(0)?;
            args.push((key, value));
            p.ws();
            if p.eat(')') {
                break;
            }
            p.expect_str(",")?;
        }
    }
    p.ws();
    p.expect_str("}}")?;
    p.ws();
    if p.pos < chars.len() {
        return Err(p.err(msg!(
            "unexpected text after `}}`; write one shortcode per line"
        )));
    }
    Ok(Call { name, args })
}

struct Parser<'a> {
    chars: &'a [char],
    pos: usize,
}

impl Parser<'_> {
    fn err(&self, message: Msg) -> SyntaxError {
        SyntaxError {
            col: self.pos,
            message,
        }
    }
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }
    fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.pos += 1;
            true
        } else {
            false
        }
    }
    fn ws(&mut self) {
        while self.peek().is_some_and(char::is_whitespace) {
            self.pos += 1;
        }
    }
    fn expect_str(&mut self, s: &str) -> Result<(), SyntaxError> {
        for c in s.chars() {
            if !self.eat(c) {
                return Err(self.err(msg!("expected `{s}`", s)));
            }
        }
        Ok(())
    }
    fn ident(&mut self) -> Option<String> {
        let start = self.pos;
        while self
            .peek()
            .is_some_and(|c| c.is_ascii_alphanumeric() || c == '_')
        {
            self.pos += 1;
        }
        (self.pos > start && !self.chars[start].is_ascii_digit())
            .then(|| self.chars[start..self.pos].iter().collect())
    }
    fn value(&mut self, depth: usize) -> Result<Value, SyntaxError> {
        match self.peek() {
            Some('"') => {
                self.pos += 1;
                let mut s = String::new();
                loop {
                    match self.peek() {
                        None => {
                            return Err(self.err(msg!("unterminated string: add the closing `\"`")))
                        }
                        Some('"') => {
                            self.pos += 1;
                            return Ok(Value::Str(s));
                        }
                        Some('\\') => {
                            self.pos += 1;
                            match self.peek() {
                                Some(c @ ('"' | '\\')) => s.push(c),
                                _ => {
                                    return Err(self.err(msg!(
                                        "only \\\" and \\\\ may be escaped in a string"
                                    )))
                                }
                            }
                            self.pos += 1;
                        }
                        Some(c) => {
                            s.push(c);
                            self.pos += 1;
                        }
                    }
                }
            }
            Some('[') if depth < 4 => {
                self.pos += 1;
                let mut items = Vec::new();
                self.ws();
                if self.eat(']') {
                    return Ok(Value::List(items));
                }
                loop {
                    self.ws();
                    items.push(self.value(depth + 1)?);
                    self.ws();
                    if self.eat(']') {
                        return Ok(Value::List(items));
                    }
                    self.expect_str(",")?;
                }
            }
            Some(c) if c == '-' || c.is_ascii_digit() => {
                let start = self.pos;
                self.pos += 1;
                while self.peek().is_some_and(|c| c.is_ascii_digit() || c == '.') {
                    self.pos += 1;
                }
                let text: String = self.chars[start..self.pos].iter().collect();
                text.parse::<f64>()
                    .map(Value::Num)
                    .map_err(|_| SyntaxError {
                        col: start,
                        message: msg!("`{text}` is not a number", text),
                    })
            }
            Some(_) => {
                let start = self.pos;
                match self.ident().as_deref() {
                    Some("true") => Ok(Value::Bool(true)),
                    Some("false") => Ok(Value::Bool(false)),
                    _ => Err(SyntaxError {
                        col: start,
                        message: msg!(
                            "expected a value: \"text\", a number, true/false or a [list]"
                        ),
                    }),
                }
            }
            None => Err(self.err(msg!("expected a value"))),
        }
    }
}

/// A paragraph that is a whole shortcode call on one line.
pub(crate) fn is_shortcode_line(src: &str) -> bool {
    let s = src.trim();
    s.starts_with("{{") && s.ends_with("}}") && !s.contains('\n')
}

/// A paragraph that starts a shortcode call (`{{ name(`) but does not end it on its line.
pub(super) fn is_unclosed_shortcode(src: &str) -> bool {
    let first = src
        .trim_start()
        .lines()
        .next()
        .unwrap_or_default()
        .trim_end();
    let Some(call) = first.strip_prefix("{{") else {
        return false;
    };
    let name: String = call
        .trim_start()
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect();
    let after = call.trim_start()[name.len()..].trim_start();
    !name.is_empty() && after.starts_with('(') && !first.ends_with("}}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_spec_examples() {
        let c = parse(r#"{{ indicator(id="4", regions=["KUNTA:297", "MAA:SSS"], from=2015) }}"#)
            .unwrap();
        assert_eq!(c.name, "indicator");
        assert_eq!(c.arg("id"), Some(&Value::Str("4".into())));
        assert_eq!(c.arg("from"), Some(&Value::Num(2015.0)));
        assert!(matches!(c.arg("regions"), Some(Value::List(v)) if v.len() == 2));
        assert_eq!(parse("{{ vuosikello() }}").unwrap().args, vec![]);
    }

    #[test]
    fn syntax_errors_point_at_the_column() {
        let e = parse(r#"{{ goals(focus_area="x" }}"#).unwrap_err();
        assert_eq!(e.col, 24);
        assert!(e.message.contains("expected `,`"));
        let e = parse(r#"{{ survey(id="a, question="b")) }}"#).unwrap_err();
        assert!(
            e.message.contains("unexpected") || e.message.contains("expected"),
            "{e:?}"
        );
    }
}
