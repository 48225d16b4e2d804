//! Answering requests: files of the built site only (no path may climb out of it, however it
//! is encoded), the right Content-Type, the site's 404 page, the event stream, and the reload
//! script and error overlay added to HTML.

use super::conn::{self, Request};
use super::events::Hub;
use super::Status;
use std::io::Write;
use std::net::TcpStream;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;
use std::time::Duration;

const EVENTS: &str = "/__kertomus/events";
const SCRIPT: &str = "/__kertomus/live.js";
const LIVE_JS: &str = "(function () {\n  var source = new EventSource(\"/__kertomus/events\");\n  source.addEventListener(\"reload\", function () { location.reload(); });\n})();\n";

/// The file under `root` that `url` names, or `None` when the path is not acceptable: any
/// `..` segment (also percent-encoded), an encoded slash or backslash, a NUL byte.
pub(super) fn resolve(root: &Path, url: &str) -> Option<PathBuf> {
    let path = url.split(['?', '#']).next().unwrap_or("");
    if !path.starts_with('/') {
        return None;
    }
    let decoded = percent_encoding::percent_decode_str(path)
        .decode_utf8()
        .ok()?;
    let raw_lower = path.to_ascii_lowercase();
    if raw_lower.contains("%2f")
        || raw_lower.contains("%5c")
        || decoded.contains('\\')
        || decoded.contains('\0')
    {
        return None;
    }
    let mut out = root.to_path_buf();
    for part in decoded.split('/') {
        match part {
            "" | "." => {}
            ".." => return None,
            p => out.push(p),
        }
    }
    // No component may lead out (symlinks inside the output are kertomus's own copies).
    if out.components().any(|c| matches!(c, Component::ParentDir)) {
        return None;
    }
    if decoded.ends_with('/') || out.is_dir() {
        out.push("index.html");
    }
    Some(out)
}

/// Adds the reload script, and the overlay of the last build's errors, before `</body>`.
pub(super) fn inject(html: &str, errors: Option<(&str, &str)>) -> String {
    let mut extra = String::new();
    if let Some((title, e)) = errors {
        extra.push_str(&format!(
            "<div id=\"kertomus-errors\" role=\"alert\" style=\"position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:2147483647;background:#fff;color:#1b1b1b;border-top:6px solid #b00020;padding:1rem;font:15px/1.45 monospace;box-shadow:0 -4px 16px rgba(0,0,0,.3)\"><p style=\"margin:0 0 .5rem;font:700 17px system-ui,sans-serif;color:#8a0019\">{}</p><pre style=\"white-space:pre-wrap;margin:0\">{}</pre></div>",
            crate::escape::escape(title),
            crate::escape::escape(e)
        ));
    }
    extra.push_str(&format!("<script src=\"{SCRIPT}\"></script>"));
    match html.rfind("</body>") {
        Some(at) => format!("{}{extra}\n{}", &html[..at], &html[at..]),
        None => format!("{html}{extra}"),
    }
}

/// Answers one request on `stream`, then closes it (the event stream stays open).
pub(super) fn handle(
    request: Request,
    stream: TcpStream,
    root: &Path,
    status: &Mutex<Status>,
    hub: &Hub,
) {
    let own = stream.local_addr().ok();
    let url = request.path.as_str();
    if url == EVENTS {
        // A page of another site may not listen to this one's builds.
        let foreign = request.origin.as_deref().is_some_and(|o| {
            let authority = o.split_once("://").map_or(o, |(_, a)| a);
            !conn::is_own_authority(authority, own)
        });
        if foreign {
            let _ = conn::write_status(&stream, 403, "the event stream is for this site's pages");
        } else {
            events(stream, hub);
        }
        return;
    }
    if url == SCRIPT {
        let body = LIVE_JS.as_bytes().to_vec();
        let _ = respond(
            &stream,
            200,
            "text/javascript; charset=utf-8",
            body,
            request.head_only,
        );
        return;
    }
    let errors = status
        .lock()
        .ok()
        .and_then(|s| Some((s.errors_title.clone(), s.errors.clone()?)));
    let (code, file) = match resolve(root, url) {
        None => {
            let _ = conn::write_status(&stream, 403, "forbidden path");
            return;
        }
        Some(f) if f.is_file() => (200, f),
        Some(_) => (404, root.join("404.html")),
    };
    let bytes = std::fs::read(&file).unwrap_or_else(|_| b"Not found".to_vec());
    let mime = mime_guess::from_path(&file).first_or_octet_stream();
    let body = if mime.essence_str() == "text/html" {
        inject(
            &String::from_utf8_lossy(&bytes),
            errors.as_ref().map(|(t, e)| (t.as_str(), e.as_str())),
        )
        .into_bytes()
    } else {
        bytes
    };
    let content_type = match (mime.type_(), mime.essence_str()) {
        (mime_guess::mime::TEXT, _)
        | (
            _,
            "application/javascript" | "application/json" | "image/svg+xml" | "application/xml",
        ) => {
            format!("{}; charset=utf-8", mime.essence_str())
        }
        _ => mime.essence_str().to_string(),
    };
    let _ = respond(&stream, code, &content_type, body, request.head_only);
}

/// A whole response; the connection closes after it.
fn respond(
    mut stream: &TcpStream,
    code: u16,
    content_type: &str,
    body: Vec<u8>,
    head_only: bool,
) -> std::io::Result<()> {
    let head = format!(
        "HTTP/1.1 {code} {}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n",
        conn::reason(code),
        body.len()
    );
    stream.write_all(head.as_bytes())?;
    if !head_only {
        stream.write_all(&body)?;
    }
    stream.flush()
}

/// The event stream: a comment every 15 s keeps it open, and a closed page ends it.
fn events(mut stream: TcpStream, hub: &Hub) {
    let rx = hub.subscribe();
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: keep-alive\r\n\r\n";
    if stream
        .write_all(head.as_bytes())
        .and_then(|_| stream.flush())
        .is_err()
    {
        return;
    }
    loop {
        let chunk = match rx.recv_timeout(Duration::from_secs(15)) {
            Ok(event) => format!("event: {event}\ndata: {event}\n\n"),
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => ": keep-alive\n\n".to_string(),
            Err(_) => return,
        };
        if stream
            .write_all(chunk.as_bytes())
            .and_then(|_| stream.flush())
            .is_err()
        {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_stay_inside_the_site() {
        let root = Path::new("/srv/site");
        for bad in [
            "/../../etc/passwd",
            "/%2e%2e/%2e%2e/etc/passwd",
            "/..%2f..%2fetc/passwd",
            "/a/%2E%2E/%2E%2E/x",
            "/..\\..\\x",
            "/%5c..%5cx",
            "/a%00b",
            "etc/passwd",
        ] {
            assert_eq!(resolve(root, bad), None, "{bad}");
        }
        assert_eq!(
            resolve(root, "/sv/"),
            Some(PathBuf::from("/srv/site/sv/index.html"))
        );
        assert_eq!(
            resolve(root, "/css/kertomus.css?v=1"),
            Some(PathBuf::from("/srv/site/css/kertomus.css"))
        );
        assert_eq!(
            resolve(root, "/kyselyt/v%C3%A4est%C3%B6.png"),
            Some(PathBuf::from("/srv/site/kyselyt/väestö.png"))
        );
    }

    #[test]
    fn overlay_and_script_go_before_body_end() {
        let html = inject(
            "<html><body><p>x</p></body></html>",
            Some((
                "Rakentaminen epäonnistui.",
                "content/a.md:1:1: error: <bad>",
            )),
        );
        assert!(html.contains("<pre style=\"white-space:pre-wrap;margin:0\">content/a.md:1:1: error: &lt;bad&gt;</pre></div><script src=\"/__kertomus/live.js\"></script>\n</body>"));
        assert!(
            html.contains("#8a0019\">Rakentaminen epäonnistui.</p>"),
            "{html}"
        );
        assert!(!inject("<body></body>", None).contains("kertomus-errors"));
    }
}
