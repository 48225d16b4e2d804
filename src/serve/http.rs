//! Answering requests: files of the built site only (no path may climb out of it, however it
//! is encoded), the right Content-Type, the site's 404 page, the event stream, and the reload
//! script and error overlay added to HTML.

use super::conn::{self, Request};
use super::events::{self, Hub};
use super::files;
use super::Status;
use std::io::Write;
use std::net::TcpStream;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;

const EVENTS: &str = "/__kertomus/events";
const SCRIPT: &str = "/__kertomus/live.js";
const LIVE_JS: &str = "(function () {\n  var source = new EventSource(\"/__kertomus/events\");\n  source.addEventListener(\"reload\", function () { location.reload(); });\n})();\n";

/// The file under `root` that `url` names (a folder when the path names one without its
/// closing slash), or `None` when the path is not acceptable: any `..` segment (also
/// percent-encoded), an encoded slash or backslash, a NUL byte.
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
    if out.components().any(|c| matches!(c, Component::ParentDir)) {
        return None;
    }
    if decoded.ends_with('/') {
        out.push("index.html");
    }
    Some(out)
}

/// Whether a part of `path` below `root` is a symbolic link. The build writes none; one put
/// into the served folder afterwards (say, to `/etc/passwd`) is not followed.
fn through_link(root: &Path, path: &Path) -> bool {
    let Ok(rel) = path.strip_prefix(root) else {
        return true;
    };
    let mut at = root.to_path_buf();
    rel.components().any(|c| {
        at.push(c);
        std::fs::symlink_metadata(&at).is_ok_and(|m| m.file_type().is_symlink())
    })
}

/// The reload script, and the overlay of the last build's errors, that go before `</body>`.
pub(super) fn injection(errors: Option<(&str, &str)>) -> String {
    let mut extra = String::new();
    if let Some((title, e)) = errors {
        extra.push_str(&format!(
            "<div id=\"kertomus-errors\" role=\"alert\" style=\"position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:2147483647;background:#fff;color:#1b1b1b;border-top:6px solid #b00020;padding:1rem;font:15px/1.45 monospace;box-shadow:0 -4px 16px rgba(0,0,0,.3)\"><p style=\"margin:0 0 .5rem;font:700 17px system-ui,sans-serif;color:#8a0019\">{}</p><pre style=\"white-space:pre-wrap;margin:0\">{}</pre></div>",
            crate::base::escape::escape(title),
            crate::base::escape::escape(e)
        ));
    }
    extra.push_str(&format!("<script src=\"{SCRIPT}\"></script>"));
    extra
}

/// Answers one request on `stream`, then closes it (the event stream stays open).
pub(super) fn handle(
    request: Request,
    stream: TcpStream,
    root: &Path,
    status: &Mutex<Status>,
    hub: &Hub,
) {
    let url = request.path.as_str();
    if url == EVENTS {
        return event_stream(&request, stream, hub);
    }
    if url == SCRIPT {
        let head = "text/javascript; charset=utf-8";
        let _ = respond(&stream, 200, head, LIVE_JS.as_bytes(), request.head_only);
        return;
    }
    let file = match resolve(root, url) {
        Some(f) if !through_link(root, &f) => f,
        _ => {
            let _ = conn::write_status(&stream, 403, "forbidden path");
            return;
        }
    };
    if file.is_dir() {
        // `/ohje` is the folder `/ohje/`: its page's relative links need the slash.
        let (path, query) = url.split_at(url.find('?').unwrap_or(url.len()));
        let _ = redirect(&stream, &format!("{path}/{query}"));
        return;
    }
    let (code, path) = match std::fs::metadata(&file) {
        Ok(m) if m.is_file() => (200, file),
        _ => (404, root.join("404.html")),
    };
    let Ok(open) = std::fs::File::open(&path) else {
        let _ = conn::write_status(&stream, 404, "not found");
        return;
    };
    let mime = mime_guess::from_path(&path).first_or_octet_stream();
    let extra = (mime.essence_str() == "text/html").then(|| {
        let status = status.lock().unwrap_or_else(|p| p.into_inner());
        let errors = status
            .errors
            .as_deref()
            .map(|e| (status.errors_title.as_str(), e));
        injection(errors)
    });
    let head = files::Head {
        code,
        content_type: &content_type(&mime),
        head_only: request.head_only,
    };
    let _ = files::send(&stream, &head, open, extra.as_deref());
}

/// The Content-Type of a file: text and text-like types in UTF-8.
fn content_type(mime: &mime_guess::Mime) -> String {
    match (mime.type_(), mime.essence_str()) {
        (mime_guess::mime::TEXT, _)
        | (
            _,
            "application/javascript" | "application/json" | "image/svg+xml" | "application/xml",
        ) => {
            format!("{}; charset=utf-8", mime.essence_str())
        }
        _ => mime.essence_str().to_string(),
    }
}

/// The event stream, for this site's pages only and within the streams' own limit; `HEAD`
/// gets the head of the answer and no stream.
fn event_stream(request: &Request, stream: TcpStream, hub: &Hub) {
    let own = stream.local_addr().ok();
    // A page of another site may not listen to this one's builds.
    let foreign = request.origin.as_deref().is_some_and(|o| {
        let authority = o.split_once("://").map_or(o, |(_, a)| a);
        !conn::is_own_authority(authority, own)
    });
    if foreign {
        let _ = conn::write_status(&stream, 403, "the event stream is for this site's pages");
    } else if request.head_only {
        let _ = respond(&stream, 200, "text/event-stream", b"", true);
    } else {
        match hub.subscribe() {
            Some(subscription) => events::stream(stream, subscription),
            None => {
                let _ = conn::write_status(&stream, 503, "too many open event streams");
            }
        }
    }
}

/// A whole response from memory; the connection closes after it.
fn respond(
    mut stream: &TcpStream,
    code: u16,
    content_type: &str,
    body: &[u8],
    head_only: bool,
) -> std::io::Result<()> {
    stream.set_write_timeout(Some(files::WRITE_TIMEOUT))?;
    let head = format!(
        "HTTP/1.1 {code} {}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n",
        conn::reason(code),
        body.len()
    );
    stream.write_all(head.as_bytes())?;
    if !head_only {
        stream.write_all(body)?;
    }
    stream.flush()
}

/// A permanent redirect to `location` (a path of this server).
fn redirect(mut stream: &TcpStream, location: &str) -> std::io::Result<()> {
    stream.set_write_timeout(Some(files::WRITE_TIMEOUT))?;
    let body = format!("{location}\n");
    let answer = format!(
        "HTTP/1.1 301 {}\r\nLocation: {location}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        conn::reason(301),
        body.len()
    );
    stream.write_all(answer.as_bytes())?;
    stream.flush()
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
    fn overlay_and_script_are_escaped() {
        let extra = injection(Some((
            "Rakentaminen epäonnistui.",
            "content/a.md:1:1: error: <bad>",
        )));
        assert!(extra.contains("<pre style=\"white-space:pre-wrap;margin:0\">content/a.md:1:1: error: &lt;bad&gt;</pre></div><script src=\"/__kertomus/live.js\"></script>"));
        assert!(
            extra.contains("#8a0019\">Rakentaminen epäonnistui.</p>"),
            "{extra}"
        );
        assert!(!injection(None).contains("kertomus-errors"));
    }
}
