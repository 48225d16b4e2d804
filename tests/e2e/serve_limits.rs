//! `kertomus serve` as a process, against what shares its machine: the event streams held full
//! still leave pages served, a page is never served torn while it is saved, clients that do
//! not read do not make the server hold files in memory, the served folder is private, follows
//! no link put into it and goes with the server on SIGTERM and SIGINT; a folder address
//! without its slash is redirected and a request whose lines end in a bare LF is answered.

use crate::common;

use crate::common::copy_dir;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/plan");
/// The event streams `serve` keeps open at once (`serve::events::MAX_STREAMS`).
const MAX_STREAMS: usize = 32;

/// A `kertomus serve` process on a copy of the plan fixture, with its own temporary folder.
struct Server {
    child: Child,
    addr: SocketAddr,
    /// Its temporary folder (TMPDIR), where it makes its private folder.
    temp: tempfile::TempDir,
    site: tempfile::TempDir,
}

impl Server {
    fn start() -> Server {
        Server::start_with(|_| {})
    }

    /// Starts the server once `prepare` has had the temporary folder.
    fn start_with(prepare: impl FnOnce(&Path)) -> Server {
        let site = tempfile::tempdir().unwrap();
        copy_dir(Path::new(FIXTURE), site.path());
        let temp = tempfile::tempdir().unwrap();
        prepare(temp.path());
        let mut child = common::command()
            .args(["serve", "--port", "0", "--root"])
            .arg(site.path())
            .env("TMPDIR", temp.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start kertomus serve");
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        // "Serving http://127.0.0.1:PORT/ …", once the first build is done.
        let line = lines.next().expect("a line").expect("the serving line");
        // Whatever else it says is read, so that it never writes into a full or closed pipe.
        std::thread::spawn(move || lines.for_each(drop));
        let addr = line
            .split("http://")
            .nth(1)
            .and_then(|r| r.split('/').next())
            .and_then(|a| a.parse().ok())
            .unwrap_or_else(|| panic!("no address in {line:?}"));
        Server {
            child,
            addr,
            temp,
            site,
        }
    }

    /// The private folder: `kertomus-serve-<pid>-<port>` in the temporary folder.
    fn folder(&self) -> PathBuf {
        let name = format!("kertomus-serve-{}-{}", self.child.id(), self.addr.port());
        self.temp.path().join(name)
    }

    /// Sends a signal with kill(1) and waits (at most 20 s) for the process to end.
    fn signal(&mut self, name: &str) {
        let pid = self.child.id().to_string();
        let sent = std::process::Command::new("kill")
            .args([&format!("-{name}"), &pid])
            .status()
            .unwrap();
        assert!(sent.success());
        let deadline = Instant::now() + Duration::from_secs(20);
        while self.child.try_wait().unwrap().is_none() {
            assert!(Instant::now() < deadline, "still running after SIG{name}");
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Sends `request` as it is; returns all the server answered (empty when it just closed).
fn send(addr: SocketAddr, request: &[u8]) -> Vec<u8> {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    s.write_all(request).unwrap();
    let mut out = Vec::new();
    let _ = s.read_to_end(&mut out);
    out
}

fn get(addr: SocketAddr, path: &str) -> String {
    let request = format!("GET {path} HTTP/1.1\r\nHost: localhost\r\n\r\n");
    String::from_utf8_lossy(&send(addr, request.as_bytes())).into_owned()
}

/// Opens an event stream; returns it with the status line it got.
fn open_stream(addr: SocketAddr) -> (TcpStream, String) {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    s.write_all(b"GET /__kertomus/events HTTP/1.1\r\nHost: localhost\r\n\r\n")
        .unwrap();
    // The head may come in pieces: read until it ends (or the server closes).
    let (mut head, mut buf) = (Vec::new(), [0u8; 512]);
    while !head.windows(4).any(|w| w == b"\r\n\r\n") {
        match s.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => head.extend_from_slice(&buf[..n]),
        }
    }
    let head = String::from_utf8_lossy(&head).into_owned();
    let status = head.lines().next().unwrap_or_default().to_string();
    (s, status)
}

#[test]
fn event_streams_held_full_leave_pages_served() {
    let server = Server::start();
    let streams: Vec<TcpStream> = (0..MAX_STREAMS)
        .map(|i| {
            let (s, status) = open_stream(server.addr);
            assert!(status.contains("200"), "stream {i}: {status}");
            s
        })
        .collect();
    let (_, refused) = open_stream(server.addr);
    assert!(refused.contains("503"), "{refused}");
    // Pages are served while every stream is taken.
    let page = get(server.addr, "/");
    assert!(page.starts_with("HTTP/1.1 200"), "{page}");
    assert!(page.contains("</html>"));
    // HEAD gets the stream's head at once and no stream (the limit is full).
    let head = send(
        server.addr,
        b"HEAD /__kertomus/events HTTP/1.1\r\nHost: localhost\r\n\r\n",
    );
    let head = String::from_utf8_lossy(&head);
    assert!(head.starts_with("HTTP/1.1 200"), "{head}");
    assert!(head.contains("text/event-stream") && head.ends_with("\r\n\r\n"));
    // A page that goes frees its place within about a second (polled for at most 10 s).
    drop(streams);
    let deadline = Instant::now() + Duration::from_secs(10);
    let mut again = Vec::new();
    while again.len() < MAX_STREAMS {
        let (s, status) = open_stream(server.addr);
        if status.contains("200") {
            again.push(s);
        } else {
            assert!(Instant::now() < deadline, "closed streams still held");
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

/// The status, Content-Length and body of one whole response.
fn parts(response: &[u8]) -> (String, Option<usize>, Vec<u8>) {
    let end = response
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map_or(response.len(), |p| p + 4);
    let head = String::from_utf8_lossy(&response[..end]).into_owned();
    let length = head
        .lines()
        .find_map(|l| l.strip_prefix("Content-Length: "))
        .and_then(|n| n.trim().parse().ok());
    let status = head.lines().next().unwrap_or_default().to_string();
    (status, length, response[end..].to_vec())
}

#[test]
fn a_page_is_never_torn_while_it_is_saved() {
    let server = Server::start();
    let page = server.site.path().join("content/suunnitelma/01-luku.md");
    let original = std::fs::read_to_string(&page).unwrap();
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let poller = {
        let (addr, stop) = (server.addr, stop.clone());
        std::thread::spawn(move || {
            let mut polls = 0;
            while !stop.load(std::sync::atomic::Ordering::SeqCst) {
                let response = send(
                    addr,
                    b"GET /suunnitelma/01-luku/ HTTP/1.1\r\nHost: localhost\r\n\r\n",
                );
                let (status, length, body) = parts(&response);
                let text = String::from_utf8_lossy(&body);
                assert!(status.contains("200"), "poll {polls}: {status}");
                assert_eq!(length, Some(body.len()), "poll {polls}: a short body");
                assert!(
                    text.contains("<main") && text.contains("</html>"),
                    "poll {polls}: a torn page: {text}"
                );
                polls += 1;
            }
            polls
        })
    };
    // Saves of the page's text (rewritten in place) and of a new page (a whole build).
    for n in 0..40 {
        let text = format!("{original}\n\n{}\n", "Lisätty kappale. ".repeat(n * 50));
        std::fs::write(&page, text).unwrap();
        if n % 8 == 7 {
            let extra = server.site.path().join(format!("content/uusi-{n}.md"));
            std::fs::write(extra, "---\ntitle: Uusi\n---\nUusi sivu.\n").unwrap();
        }
        std::thread::sleep(Duration::from_millis(60));
    }
    stop.store(true, std::sync::atomic::Ordering::SeqCst);
    let polls = poller.join().expect("every poll got a whole page");
    assert!(polls > 20, "only {polls} polls");
}

/// The resident memory of process `pid`, in KiB.
fn rss_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap()
}

#[test]
fn clients_that_do_not_read_do_not_make_files_stay_in_memory() {
    const SIZE: usize = 20 << 20;
    let big: Vec<u8> = (0..SIZE).map(|i| (i % 251) as u8).collect();
    let server = Server::start();
    // The file is the site's own (copied into the served folder by a rebuild).
    let served = server.folder().join("site/iso.bin");
    std::fs::write(server.site.path().join("content/iso.bin"), &big).unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    while std::fs::metadata(&served).map_or(0, |m| m.len()) != SIZE as u64 {
        assert!(Instant::now() < deadline, "the file was not published");
        std::thread::sleep(Duration::from_millis(100));
    }
    let before = rss_kib(server.child.id());
    // 20 clients ask for it and never read: the server would hold 400 MB were it read whole.
    let idle: Vec<TcpStream> = (0..20)
        .map(|_| {
            let mut s = TcpStream::connect(server.addr).unwrap();
            s.write_all(b"GET /iso.bin HTTP/1.1\r\nHost: localhost\r\n\r\n")
                .unwrap();
            s
        })
        .collect();
    std::thread::sleep(Duration::from_secs(2));
    let grown = rss_kib(server.child.id()).saturating_sub(before);
    assert!(
        grown < 100 * 1024,
        "{grown} KiB more for 20 unread 20 MB responses"
    );
    // A client that reads gets the file whole meanwhile.
    let (status, length, body) = parts(&send(
        server.addr,
        b"GET /iso.bin HTTP/1.1\r\nHost: localhost\r\n\r\n",
    ));
    assert!(status.contains("200"), "{status}");
    assert_eq!((length, body.len()), (Some(SIZE), SIZE));
    assert!(body == big, "the file came out changed");
    drop(idle);
}

#[test]
fn the_served_folder_is_private_follows_no_link_and_goes_with_the_server() {
    for signal in ["TERM", "INT"] {
        // A folder of an earlier run whose process has ended, and one of a running process.
        let stale = "kertomus-serve-2147483646-1111";
        let running = format!("kertomus-serve-{}-1111", std::process::id());
        let mut server = Server::start_with(|temp| {
            std::fs::create_dir_all(temp.join(stale).join("site")).unwrap();
            std::fs::create_dir(temp.join(&running)).unwrap();
        });
        assert!(
            !server.temp.path().join(stale).exists(),
            "a stale folder stays"
        );
        assert!(server.temp.path().join(&running).exists());
        let folder = server.folder();
        let mode = std::os::unix::fs::PermissionsExt::mode(
            &std::fs::metadata(&folder).unwrap().permissions(),
        );
        assert_eq!(mode & 0o777, 0o700, "{}", folder.display());
        assert!(folder.join("site/index.html").is_file());
        // Links put into the served site, to a file and to a folder outside it.
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("salaisuus.txt"), "SALAINEN").unwrap();
        let site = folder.join("site");
        std::os::unix::fs::symlink(outside.path().join("salaisuus.txt"), site.join("s.txt"))
            .unwrap();
        std::os::unix::fs::symlink(outside.path(), site.join("ulos")).unwrap();
        for path in ["/s.txt", "/ulos/salaisuus.txt", "/ulos/"] {
            let answer = get(server.addr, path);
            assert!(answer.starts_with("HTTP/1.1 403"), "{path}: {answer}");
            assert!(!answer.contains("SALAINEN"), "{path} was followed");
        }
        server.signal(signal);
        assert!(!folder.exists(), "the folder outlived SIG{signal}");
    }
}

#[test]
fn a_folder_without_its_slash_is_redirected() {
    let server = Server::start();
    for (asked, location) in [
        ("/suunnitelma", "/suunnitelma/"),
        ("/suunnitelma?a=1", "/suunnitelma/?a=1"),
        ("/suunnitelma/01-luku", "/suunnitelma/01-luku/"),
    ] {
        let answer = get(server.addr, asked);
        assert!(answer.starts_with("HTTP/1.1 301"), "{asked}: {answer}");
        assert!(
            answer.contains(&format!("\r\nLocation: {location}\r\n")),
            "{asked}: {answer}"
        );
    }
    assert!(get(server.addr, "/suunnitelma/").starts_with("HTTP/1.1 200"));
    assert!(get(server.addr, "/robots.txt").starts_with("HTTP/1.1 200"));
    assert!(get(server.addr, "/ei-ole").starts_with("HTTP/1.1 404"));
}

#[test]
fn requests_with_bare_line_feeds_are_answered() {
    let server = Server::start();
    // Lines ended by LF alone: answered as HTTP/1.1 lets a server, not left to time out.
    let answer = send(server.addr, b"GET / HTTP/1.1\nHost: localhost\n\n");
    let answer = String::from_utf8_lossy(&answer);
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(answer.contains("</html>"));
    // What is no request at all is refused at once.
    let answer = send(server.addr, b"GET /\n\n");
    assert!(
        String::from_utf8_lossy(&answer).starts_with("HTTP/1.1 400"),
        "{}",
        String::from_utf8_lossy(&answer)
    );
}

#[test]
fn the_overlay_lists_the_cause_before_its_consequences() {
    let server = Server::start();
    // The plan document's front matter broken: the report that names the plan and the
    // chapter's shortcode fail because of it, and come after it.
    let index = server.site.path().join("content/suunnitelma/index.md");
    let text = std::fs::read_to_string(&index).unwrap();
    std::fs::write(&index, text.replacen("title: \"", "title: [\"", 1)).unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    let page = loop {
        let page = get(server.addr, "/");
        if page.contains("kertomus-errors") {
            break page;
        }
        assert!(Instant::now() < deadline, "no overlay after the save");
        std::thread::sleep(Duration::from_millis(100));
    };
    let at = |file: &str| {
        page.find(file)
            .unwrap_or_else(|| panic!("{file} is not in the overlay: {page}"))
    };
    let cause = at("content/suunnitelma/index.md:");
    assert!(cause < at("content/raportti-2026/index.md:"), "{page}");
    assert!(cause < at("content/suunnitelma/01-luku.md:"), "{page}");
}
