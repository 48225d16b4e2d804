//! A read-only element tree of one XML part of a document, parsed with quick-xml.
//!
//! Word and OpenDocument parts are read by walking their elements with lookahead (a run's
//! properties before its text, a table's rows before its cells), which a tree makes plain. The
//! tree is this small: elements keep their namespace as a [`Ns`] (resolved from the URI, so a
//! file that writes `<x:p>` for Word's paragraph is read the same), their attributes and their
//! children. quick-xml does the parsing; the tree is a few lines over it, with a depth limit so
//! that a hostile file cannot make the walkers recurse without end.

use quick_xml::events::Event;
use quick_xml::name::ResolveResult;
use quick_xml::NsReader;

/// The namespaces the readers look at; everything else is `Other`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ns {
    /// WordprocessingML (`w:`).
    W,
    /// Relationships of a part (`r:id`).
    R,
    /// Word drawings (`wp:docPr`, `wp:inline`).
    Wp,
    /// DrawingML (`a:blip`, `a:graphicData`).
    A,
    /// Markup compatibility (`mc:AlternateContent`).
    Mc,
    /// Office math (`m:oMath`).
    Math,
    /// VML, the old drawings (`v:imagedata`).
    V,
    /// Package relationships (`_rels/*.rels`).
    Rel,
    /// Dublin Core (`dc:title`).
    Dc,
    /// OpenDocument office, text, table, drawing, style and formatting namespaces.
    Office,
    Text,
    Table,
    Draw,
    Style,
    Fo,
    Svg,
    XLink,
    /// OpenDocument's manifest (`manifest:encryption-data`).
    Manifest,
    /// Any other namespace, or none.
    Other,
}

fn ns_of(uri: &[u8]) -> Ns {
    let uri = std::str::from_utf8(uri).unwrap_or_default();
    // Transitional and strict OOXML spell the same namespaces differently.
    let tail = |s: &str| uri.ends_with(s);
    match uri {
        _ if tail("/wordprocessingml/2006/main") || tail("/ooxml/wordprocessingml/main") => Ns::W,
        _ if tail("/officeDocument/2006/relationships")
            || tail("/ooxml/officeDocument/relationships") =>
        {
            Ns::R
        }
        _ if tail("/drawingml/2006/wordprocessingDrawing")
            || tail("/ooxml/drawingml/wordprocessingDrawing") =>
        {
            Ns::Wp
        }
        _ if tail("/drawingml/2006/main") || tail("/ooxml/drawingml/main") => Ns::A,
        "http://schemas.openxmlformats.org/markup-compatibility/2006" => Ns::Mc,
        _ if tail("/officeDocument/2006/math") || tail("/ooxml/officeDocument/math") => Ns::Math,
        "urn:schemas-microsoft-com:vml" => Ns::V,
        "http://schemas.openxmlformats.org/package/2006/relationships" => Ns::Rel,
        "http://purl.org/dc/elements/1.1/" => Ns::Dc,
        "urn:oasis:names:tc:opendocument:xmlns:office:1.0" => Ns::Office,
        "urn:oasis:names:tc:opendocument:xmlns:text:1.0" => Ns::Text,
        "urn:oasis:names:tc:opendocument:xmlns:table:1.0" => Ns::Table,
        "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" => Ns::Draw,
        "urn:oasis:names:tc:opendocument:xmlns:style:1.0" => Ns::Style,
        "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" => Ns::Fo,
        "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" => Ns::Svg,
        "http://www.w3.org/1999/xlink" => Ns::XLink,
        "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" => Ns::Manifest,
        _ => Ns::Other,
    }
}

/// One element: its name, attributes and children.
#[derive(Debug, Clone)]
pub(crate) struct Element {
    pub ns: Ns,
    pub name: String,
    attrs: Vec<(Ns, String, String)>,
    pub children: Vec<Node>,
}

/// A child of an element.
#[derive(Debug, Clone)]
pub(crate) enum Node {
    Element(Element),
    Text(String),
}

/// Elements nested deeper than this are refused: real documents stay far below it (a table
/// in a table in a text box is about 30 levels), and the walkers recurse along the tree.
const MAX_DEPTH: usize = 256;

/// Why a part could not be read as XML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum XmlError {
    /// Not well-formed: quick-xml's message and the byte offset.
    Syntax(String, u64),
    /// Nested deeper than [`MAX_DEPTH`].
    TooDeep,
    /// The part ends, at this byte, inside an element (a part cut short).
    Unclosed(u64),
    /// The part holds no element at all (it is empty or only text).
    NoRoot,
}

impl Element {
    /// Whether this is the element `ns:name`.
    pub(crate) fn is(&self, ns: Ns, name: &str) -> bool {
        self.ns == ns && self.name == name
    }

    /// The value of the attribute `ns:name`.
    pub(crate) fn attr(&self, ns: Ns, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, k, _)| *n == ns && k == name)
            .map(|(_, _, v)| v.as_str())
    }

    /// The child elements, in order.
    pub(crate) fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|c| match c {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    /// The first child element `ns:name`.
    pub(crate) fn child(&self, ns: Ns, name: &str) -> Option<&Element> {
        self.elements().find(|e| e.is(ns, name))
    }

    /// The first element `ns:name` at any depth below this one.
    pub(crate) fn find(&self, ns: Ns, name: &str) -> Option<&Element> {
        self.elements().find_map(|e| {
            if e.is(ns, name) {
                Some(e)
            } else {
                e.find(ns, name)
            }
        })
    }

    /// Every element `ns:name` at any depth below this one, in document order.
    pub(crate) fn find_all<'a>(&'a self, ns: Ns, name: &str, out: &mut Vec<&'a Element>) {
        for e in self.elements() {
            if e.is(ns, name) {
                out.push(e);
            } else {
                e.find_all(ns, name, out);
            }
        }
    }

    /// All text below this element, concatenated.
    pub(crate) fn text(&self) -> String {
        let mut out = String::new();
        self.push_text(&mut out);
        out
    }

    fn push_text(&self, out: &mut String) {
        for c in &self.children {
            match c {
                Node::Text(t) => out.push_str(t),
                Node::Element(e) => e.push_text(out),
            }
        }
    }
}

/// Parses a whole part into its root element.
pub(crate) fn parse(bytes: &[u8]) -> Result<Element, XmlError> {
    let mut reader = NsReader::from_reader(bytes);
    reader.config_mut().expand_empty_elements = true;
    let mut stack: Vec<Element> = vec![Element {
        ns: Ns::Other,
        name: String::new(),
        attrs: Vec::new(),
        children: Vec::new(),
    }];
    let syntax = |e: &dyn std::fmt::Display, at: u64| XmlError::Syntax(e.to_string(), at);
    loop {
        let at = reader.buffer_position();
        let (resolved, event) = reader.read_resolved_event().map_err(|e| syntax(&e, at))?;
        match event {
            Event::Start(start) => {
                if stack.len() > MAX_DEPTH {
                    return Err(XmlError::TooDeep);
                }
                let ns = namespace(&resolved);
                let name = String::from_utf8_lossy(start.local_name().as_ref()).into_owned();
                let mut attrs = Vec::new();
                for a in start.attributes().with_checks(false) {
                    let a = a.map_err(|e| syntax(&e, at))?;
                    let (r, local) = reader.resolve_attribute(a.key);
                    let value = a
                        .decode_and_unescape_value(reader.decoder())
                        .map_err(|e| syntax(&e, at))?;
                    let local = String::from_utf8_lossy(local.as_ref()).into_owned();
                    attrs.push((namespace(&r), local, value.into_owned()));
                }
                stack.push(Element {
                    ns,
                    name,
                    attrs,
                    children: Vec::new(),
                });
            }
            Event::End(_) => {
                let done = stack.pop().filter(|_| !stack.is_empty());
                match (done, stack.last_mut()) {
                    (Some(done), Some(parent)) => parent.children.push(Node::Element(done)),
                    _ => return Err(syntax(&"unexpected end tag", at)),
                }
            }
            Event::Text(t) => push(&mut stack, &t.decode().map_err(|e| syntax(&e, at))?),
            Event::CData(t) => push(&mut stack, &String::from_utf8_lossy(&t)),
            Event::GeneralRef(r) => {
                let name = r.decode().map_err(|e| syntax(&e, at))?;
                let text = match r.resolve_char_ref().map_err(|e| syntax(&e, at))? {
                    Some(c) => c.to_string(),
                    None => quick_xml::escape::resolve_predefined_entity(&name)
                        .unwrap_or_default()
                        .to_string(),
                };
                push(&mut stack, &text);
            }
            Event::Eof if stack.len() > 1 => {
                return Err(XmlError::Unclosed(reader.buffer_position()))
            }
            Event::Eof => break,
            _ => {}
        }
    }
    // Whitespace (a line break after the root element, as pandoc writes) is text beside it.
    stack
        .pop()
        .into_iter()
        .flat_map(|top| top.children)
        .find_map(|node| match node {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
        .ok_or(XmlError::NoRoot)
}

fn namespace(r: &ResolveResult<'_>) -> Ns {
    match r {
        ResolveResult::Bound(ns) => ns_of(ns.as_ref()),
        _ => Ns::Other,
    }
}

/// Adds text to the open element, joined with the text just before it (an entity reference
/// splits a text in quick-xml's events).
fn push(stack: &mut [Element], text: &str) {
    let Some(open) = stack.last_mut() else {
        return;
    };
    if let Some(Node::Text(last)) = open.children.last_mut() {
        last.push_str(text);
    } else {
        open.children.push(Node::Text(text.to_string()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn namespaces_are_resolved_whatever_the_prefix() {
        let xml = br#"<x:document xmlns:x="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><x:body><x:p><x:r><x:t xml:space="preserve">A &amp; B &#228;</x:t></x:r></x:p></x:body></x:document>"#;
        let root = parse(xml).unwrap();
        assert!(root.is(Ns::W, "document"));
        let declared = [&b"<?xml version=\"1.0\"?>\n"[..], xml, b"\n"].concat();
        let again = parse(&declared).expect("a line break after the root element");
        assert!(again.is(Ns::W, "document"));
        assert_eq!(again.text(), root.text());
        let t = root.find(Ns::W, "t").unwrap();
        assert_eq!(t.text(), "A & B ä");
    }

    #[test]
    fn broken_and_too_deep_xml_are_errors() {
        assert!(matches!(parse(b"<a><b></a>"), Err(XmlError::Syntax(..))));
        let deep = "<a>".repeat(300) + &"</a>".repeat(300);
        assert_eq!(parse(deep.as_bytes()).unwrap_err(), XmlError::TooDeep);
        assert_eq!(parse(b"<a><b>x").unwrap_err(), XmlError::Unclosed(7));
        assert_eq!(parse(b"  \n ").unwrap_err(), XmlError::NoRoot);
    }

    #[test]
    fn attributes_by_namespace() {
        let xml = br#"<w:p xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:pStyle w:val="Otsikko1"/></w:p>"#;
        let root = parse(xml).unwrap();
        let s = root.child(Ns::W, "pStyle").unwrap();
        assert_eq!(s.attr(Ns::W, "val"), Some("Otsikko1"));
        assert_eq!(s.attr(Ns::Other, "val"), None);
    }
}
