//! Connections of the preview server, with the limits a local server still needs: a bounded
//! number of open connections (the oldest one still waiting for its request is closed to make
//! room), a deadline for the whole request head, a size limit for the request line (414) and
//! the head (431), TLS and HTTP/2 bytes closed at once, and only this machine's host names in
//! `Host` (DNS rebinding). Requests are parsed with `httparse`; the rest is written here
//! because tiny_http, which kertomus used before, offers none of these limits and a thread per
//! connection without bound.

use std::collections::VecDeque;
use std::io::{Read, Write};
use std::net::{IpAddr, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The limits of the server.
#[derive(Debug, Clone, Copy)]
pub(super) struct Limits {
    /// Connections open at once; beyond it the oldest one waiting for its request is closed.
    pub connections: usize,
    /// Time a client has to send its whole request head.
    pub head_deadline: Duration,
    /// Longest request line (414 beyond).
    pub request_line: usize,
    /// Largest request head (431 beyond).
    pub head: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            connections: 256,
            head_deadline: Duration::from_secs(5),
            request_line: 4 * 1024,
            head: 16 * 1024,
        }
    }
}

/// A parsed request: the path (origin form) and the headers that matter here.
#[derive(Debug)]
pub(super) struct Request {
    pub head_only: bool,
    pub path: String,
    pub origin: Option<String>,
}

/// What to do with a connection's head.
enum Head {
    Request(Request),
    /// Answer with this status and text, then close.
    Refuse(u16, &'static str),
    /// Close without a word (TLS, HTTP/2, a client that went away or was too slow).
    Close,
}

/// Open connections, and those still waiting for their request head (oldest first).
#[derive(Default)]
struct Open {
    count: AtomicUsize,
    next_id: AtomicU64,
    waiting: Mutex<VecDeque<(u64, TcpStream)>>,
}

impl Open {
    /// Makes room for one more: at the limit, closes the oldest connection still waiting.
    fn admit(&self, limit: usize) -> bool {
        if self.count.load(Ordering::SeqCst) < limit {
            return true;
        }
        let oldest = self.waiting.lock().ok().and_then(|mut w| w.pop_front());
        match oldest {
            Some((_, stream)) => {
                let _ = stream.shutdown(std::net::Shutdown::Both);
                true
            }
            None => false,
        }
    }

    fn done_waiting(&self, id: u64) {
        if let Ok(mut w) = self.waiting.lock() {
            w.retain(|(i, _)| *i != id);
        }
    }
}

/// Accepts connections until `stop` is set; `answer` gets each accepted request.
pub(super) fn serve(
    listener: TcpListener,
    limits: Limits,
    stop: Arc<AtomicBool>,
    answer: Arc<dyn Fn(Request, TcpStream) + Send + Sync>,
) {
    let open = Arc::new(Open::default());
    let own = listener.local_addr().ok();
    for stream in listener.incoming() {
        if stop.load(Ordering::SeqCst) {
            return;
        }
        let Ok(stream) = stream else { continue };
        if !open.admit(limits.connections) {
            let _ = write_status(&stream, 503, "the server is busy");
            continue;
        }
        let id = open.next_id.fetch_add(1, Ordering::SeqCst);
        if let (Ok(clone), Ok(mut w)) = (stream.try_clone(), open.waiting.lock()) {
            w.push_back((id, clone));
        }
        open.count.fetch_add(1, Ordering::SeqCst);
        let (this, answer) = (open.clone(), answer.clone());
        let spawned = std::thread::Builder::new()
            .stack_size(256 * 1024)
            .spawn(move || {
                let head = read_head(&stream, &limits, own);
                this.done_waiting(id);
                match head {
                    Head::Request(r) => answer(r, stream),
                    Head::Refuse(code, why) => {
                        let _ = write_status(&stream, code, why);
                    }
                    Head::Close => {}
                }
                this.count.fetch_sub(1, Ordering::SeqCst);
            });
        if spawned.is_err() {
            open.done_waiting(id);
            open.count.fetch_sub(1, Ordering::SeqCst);
        }
    }
}

/// Reads and checks the request head within the deadline and size limits.
fn read_head(mut stream: &TcpStream, limits: &Limits, own: Option<SocketAddr>) -> Head {
    let deadline = Instant::now() + limits.head_deadline;
    let mut buf = Vec::with_capacity(1024);
    let mut chunk = [0u8; 2048];
    loop {
        // A TLS ClientHello or the HTTP/2 preface: nothing this server can answer.
        if buf.first() == Some(&0x16) || buf.starts_with(b"PRI * HTTP/2") {
            return Head::Close;
        }
        if let Some(end) = find_head_end(&buf) {
            return parse(&buf[..end], own);
        }
        let line_end = buf.iter().position(|&b| b == b'\n');
        if line_end.unwrap_or(buf.len()) > limits.request_line {
            return Head::Refuse(414, "the request line is too long");
        }
        if buf.len() > limits.head {
            return Head::Refuse(431, "the request head is too large");
        }
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() || stream.set_read_timeout(Some(left)).is_err() {
            return Head::Close;
        }
        match stream.read(&mut chunk) {
            Ok(0) | Err(_) => return Head::Close,
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
        }
    }
}

/// The end of the request head: its first empty line, ended by CRLF or by a bare LF, which
/// HTTP/1.1 lets a server take as a line's end (RFC 9112 §2.2), as `httparse` does.
fn find_head_end(buf: &[u8]) -> Option<usize> {
    buf.iter()
        .enumerate()
        .filter(|(_, &b)| b == b'\n')
        .find_map(|(i, _)| match &buf[i + 1..] {
            [b'\n', ..] => Some(i + 2),
            [b'\r', b'\n', ..] => Some(i + 3),
            _ => None,
        })
}

fn parse(head: &[u8], own: Option<SocketAddr>) -> Head {
    let mut headers = [httparse::EMPTY_HEADER; 64];
    let mut req = httparse::Request::new(&mut headers);
    match req.parse(head) {
        Ok(httparse::Status::Complete(_)) => {}
        Err(httparse::Error::TooManyHeaders) => {
            return Head::Refuse(431, "too many request headers")
        }
        _ => return Head::Refuse(400, "not an HTTP/1 request"),
    }
    let method = req.method.unwrap_or_default();
    if method != "GET" && method != "HEAD" {
        return Head::Refuse(405, "only GET and HEAD");
    }
    let value = |name: &str| {
        req.headers
            .iter()
            .find(|h| h.name.eq_ignore_ascii_case(name))
            .map(|h| String::from_utf8_lossy(h.value).into_owned())
    };
    let Some(host) = value("host") else {
        return Head::Refuse(400, "a Host header is needed");
    };
    if !is_own_authority(&host, own) {
        return Head::Refuse(403, "this server answers only to this machine's names");
    }
    let target = req.path.unwrap_or("/");
    // The absolute form (a proxy's request line) names the server itself or is refused.
    let path = match target.strip_prefix("http://") {
        Some(rest) => {
            let (authority, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
            if !is_own_authority(authority, own) {
                return Head::Refuse(403, "this server answers only to this machine's names");
            }
            if path.is_empty() { "/" } else { path }.to_string()
        }
        None => target.to_string(),
    };
    Head::Request(Request {
        head_only: method == "HEAD",
        path,
        origin: value("origin"),
    })
}

/// Whether `authority` (`host[:port]`) names this server: `localhost` or an IP address (a
/// rebinding page always sends its own host *name*), with the server's port when one is given.
pub(super) fn is_own_authority(authority: &str, own: Option<SocketAddr>) -> bool {
    let authority = authority.trim();
    let (host, port) = match authority.rsplit_once(':') {
        Some((h, p)) if !h.ends_with(':') && p.bytes().all(|b| b.is_ascii_digit()) => {
            (h, p.parse::<u16>().ok())
        }
        _ => (authority, None),
    };
    let host = host.trim_start_matches('[').trim_end_matches(']');
    let named = host.eq_ignore_ascii_case("localhost")
        || host.to_ascii_lowercase().ends_with(".localhost")
        || host.parse::<IpAddr>().is_ok();
    named && port.is_none_or(|p| own.is_none_or(|o| o.port() == p))
}

/// A short plain-text answer, then the connection closes.
pub(super) fn write_status(mut stream: &TcpStream, code: u16, text: &str) -> std::io::Result<()> {
    let body = format!("{text}\n");
    let answer = format!(
        "HTTP/1.1 {code} {}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        reason(code),
        body.len()
    );
    stream.write_all(answer.as_bytes())?;
    stream.flush()
}

pub(super) fn reason(code: u16) -> &'static str {
    match code {
        200 => "OK",
        301 => "Moved Permanently",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        414 => "URI Too Long",
        431 => "Request Header Fields Too Large",
        503 => "Service Unavailable",
        _ => "Error",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_head_ends_at_its_first_empty_line_whatever_ends_its_lines() {
        assert_eq!(
            find_head_end(b"GET / HTTP/1.1\r\nHost: a\r\n\r\nrest"),
            Some(27)
        );
        assert_eq!(find_head_end(b"GET / HTTP/1.1\nHost: a\n\nrest"), Some(24));
        assert_eq!(find_head_end(b"GET / HTTP/1.1\nHost: a\n\r\n"), Some(25));
        assert_eq!(find_head_end(b"GET / HTTP/1.1\r\nHost: a\r\n"), None);
        let Head::Request(r) = parse(b"GET /a HTTP/1.1\nHost: localhost\n\n", None) else {
            panic!("a head with bare line feeds is a request");
        };
        assert_eq!(r.path, "/a");
    }

    #[test]
    fn only_this_machine_s_names_are_the_server() {
        let own: SocketAddr = "127.0.0.1:1111".parse().unwrap();
        for ok in [
            "localhost",
            "localhost:1111",
            "127.0.0.1:1111",
            "[::1]:1111",
            "a.localhost",
        ] {
            assert!(is_own_authority(ok, Some(own)), "{ok}");
        }
        for bad in [
            "evil.example",
            "evil.example:1111",
            "127.0.0.1:2222",
            "localhost.evil.example",
        ] {
            assert!(!is_own_authority(bad, Some(own)), "{bad}");
        }
    }
}
