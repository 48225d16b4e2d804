//! `kertomus serve`: after any sequence of edits the served site equals a fresh build; paths
//! cannot leave the site; a failed rebuild shows an overlay that `build` output never contains.

use crate::common::{copy_dir, kertomus};
use kertomus::serve::{start, Running, ServeOptions};
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/plan");

fn serve(root: &Path) -> Running {
    let opts = ServeOptions {
        root: root.to_path_buf(),
        bind: "127.0.0.1".parse().unwrap(),
        port: 0,
        drafts: false,
        output: Some(root.join("served")),
        lang: kertomus::messages::Lang::En,
    };
    start(&opts, Arc::new(|_: &str| {})).expect("serve")
}

/// Waits for the rebuild after an edit, then until no further rebuild comes.
fn settle(s: &Running, before: u64) {
    assert!(
        s.wait_builds(before + 1, Duration::from_secs(20)),
        "no rebuild after the edit"
    );
    loop {
        let n = s.status.lock().unwrap().builds;
        std::thread::sleep(Duration::from_millis(300));
        if s.status.lock().unwrap().builds == n {
            return;
        }
    }
}

fn edit(s: &Running, f: impl FnOnce()) {
    let before = s.status.lock().unwrap().builds;
    f();
    settle(s, before);
}

/// Every file of `a` and `b`, byte for byte.
fn same_tree(a: &Path, b: &Path) {
    let list = |root: &Path| -> Vec<(String, Vec<u8>)> {
        let mut v: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(root)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                (
                    e.path()
                        .strip_prefix(root)
                        .unwrap()
                        .to_string_lossy()
                        .into_owned(),
                    std::fs::read(e.path()).unwrap(),
                )
            })
            .collect();
        v.sort();
        v
    };
    let (x, y) = (list(a), list(b));
    let names = |v: &[(String, Vec<u8>)]| v.iter().map(|f| f.0.clone()).collect::<Vec<_>>();
    assert_eq!(names(&x), names(&y), "same files");
    for ((name, left), (_, right)) in x.iter().zip(&y) {
        assert!(left == right, "{name} differs from a fresh build");
    }
}

/// `build` as serve runs it: at the server's address, without the search index and PDFs.
fn fresh_build(root: &Path, addr: std::net::SocketAddr) -> tempfile::TempDir {
    let out = tempfile::tempdir().unwrap();
    let o = kertomus(&[
        "build",
        "-q",
        "--no-search",
        "--no-pdf",
        "--root",
        root.to_str().unwrap(),
        "--output",
        out.path().join("p").to_str().unwrap(),
        "--base-url",
        &format!("http://{addr}/"),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    out
}

/// Sends a raw request and returns the status line and the body.
fn raw(addr: std::net::SocketAddr, path: &str) -> (String, String) {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut out = String::new();
    let _ = s.read_to_string(&mut out);
    let status = out.lines().next().unwrap_or_default().to_string();
    let body = out
        .split_once("\r\n\r\n")
        .map(|x| x.1.to_string())
        .unwrap_or_default();
    (status, body)
}

#[test]
fn served_site_equals_a_fresh_build_after_edits() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    copy_dir(Path::new(FIXTURE), &root);
    let s = serve(&root);
    let content = root.join("content");
    // Create, modify, rename and delete pages; override a template; break and fix YAML.
    edit(&s, || {
        std::fs::write(
            content.join("uusi.md"),
            "---\ntitle: Uusi\n---\nUusi sivu [linkki](suunnitelma/index.md).\n",
        )
        .unwrap()
    });
    edit(&s, || {
        std::fs::write(
            content.join("uusi.md"),
            "---\ntitle: Uusi otsikko\n---\nMuutettu.\n",
        )
        .unwrap()
    });
    edit(&s, || {
        std::fs::rename(content.join("uusi.md"), content.join("toinen.md")).unwrap()
    });
    edit(&s, || {
        std::fs::write(
            content.join("suunnitelma/01-luku.md"),
            "---\ntitle: \"Toimenpiteet ja seuranta\"\n---\n{{ goals(focus_area=\"mieli\") }}\n",
        )
        .unwrap()
    });
    edit(&s, || {
        std::fs::remove_file(content.join("toinen.md")).unwrap()
    });
    // Body-only edits re-render just the page and what shows its body (print pages, the
    // Swedish fallback front page).
    edit(&s, || {
        std::fs::write(content.join("suunnitelma/01-luku.md"), "---\ntitle: \"Toimenpiteet ja seuranta\"\n---\n## Uusi otsikko\n\n{{ goals(focus_area=\"mieli\") }}\n").unwrap()
    });
    edit(&s, || {
        std::fs::write(
            content.join("index.md"),
            "---\ntitle: Etusivu\n---\nUusi etusivun teksti.\n",
        )
        .unwrap()
    });
    let (_, sv_front) = raw(s.addr, "/sv/");
    assert!(
        sv_front.contains("Uusi etusivun teksti."),
        "fallback front page follows"
    );
    let (_, print) = raw(s.addr, "/suunnitelma/tulosta/");
    assert!(
        print.contains("Uusi otsikko"),
        "the print page shows the changed chapter"
    );
    // site.yaml decides how a page file is read: once `en` is a language of the site,
    // `uusi.en.md` is the English page `uusi`, not a Finnish page `uusi.en`.
    edit(&s, || {
        std::fs::write(
            content.join("uusi.en.md"),
            "---\ntitle: New\n---\nA new page.\n",
        )
        .unwrap()
    });
    let site_yaml = std::fs::read_to_string(content.join("site.yaml")).unwrap();
    edit(&s, || {
        std::fs::write(
            content.join("site.yaml"),
            site_yaml.replace("languages: [fi, sv]", "languages: [fi, sv, en]"),
        )
        .unwrap()
    });
    let (status, _) = raw(s.addr, "/en/uusi/");
    assert!(status.contains("200"), "{status}");
    let fresh = fresh_build(&root, s.addr);
    same_tree(&root.join("served"), &fresh.path().join("p"));
    edit(&s, || {
        std::fs::create_dir_all(root.join("themes/default/templates")).unwrap();
        let page = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/themes/default/templates/page.html"
        ))
        .unwrap();
        std::fs::write(
            root.join("themes/default/templates/page.html"),
            page.replace(
                "{% block content %}",
                "{% block content %}<p class=\"oma\">Oma teema</p>",
            ),
        )
        .unwrap();
    });
    let plan = std::fs::read_to_string(content.join("suunnitelma/plan.yaml")).unwrap();
    edit(&s, || {
        std::fs::write(
            content.join("suunnitelma/plan.yaml"),
            plan.replace("title: \"Nuorten mieli voi paremmin\"", "title: ["),
        )
        .unwrap()
    });
    assert!(s
        .status
        .lock()
        .unwrap()
        .errors
        .as_deref()
        .unwrap_or_default()
        .contains("content/suunnitelma/plan.yaml:"));
    let (status, body) = raw(s.addr, "/suunnitelma/suunnitelma/");
    assert!(status.contains("200"), "{status}");
    assert!(
        body.contains("<div id=\"kertomus-errors\" role=\"alert\""),
        "overlay while the build fails"
    );
    edit(&s, || {
        std::fs::write(
            content.join("suunnitelma/plan.yaml"),
            plan.replace("Nuorten mieli voi paremmin", "Nuorten mieli voi hyvin"),
        )
        .unwrap()
    });
    assert!(s.status.lock().unwrap().errors.is_none());
    let (_, body) = raw(s.addr, "/suunnitelma/suunnitelma/");
    assert!(
        !body.contains("kertomus-errors"),
        "fixing the file clears the overlay"
    );
    assert!(body.contains("Nuorten mieli voi hyvin"));
    assert!(body.contains("<script src=\"/__kertomus/live.js\"></script>"));

    let fresh = fresh_build(&root, s.addr);
    same_tree(&root.join("served"), &fresh.path().join("p"));
    // Build output never carries serve's script or overlay.
    let any = walkdir::WalkDir::new(fresh.path())
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .any(|e| {
            std::fs::read_to_string(e.path())
                .unwrap_or_default()
                .contains("__kertomus")
        });
    assert!(!any);
}

#[test]
fn requests_cannot_leave_the_site() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    copy_dir(Path::new(FIXTURE), &root);
    std::fs::write(dir.path().join("salaisuus.txt"), "SALAINEN").unwrap();
    let s = serve(&root);
    for path in [
        "/../../etc/passwd",
        "/../salaisuus.txt",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/..%2f..%2fetc%2fpasswd",
        "/%2E%2E/salaisuus.txt",
        "/kyselyt/..%5c..%5csalaisuus.txt",
        "/..\\..\\salaisuus.txt",
    ] {
        let (status, body) = raw(s.addr, path);
        assert!(
            status.contains("403") || status.contains("400") || status.contains("404"),
            "{path}: {status}"
        );
        assert!(
            !body.contains("root:") && !body.contains("SALAINEN"),
            "{path} leaked"
        );
    }
    let (status, body) = raw(s.addr, "/ei-ole/");
    assert!(status.contains("404"));
    assert!(body.contains("Sivua ei löytynyt"), "the site's 404 page");
    let mut stream = TcpStream::connect(s.addr).unwrap();
    write!(
        stream,
        "GET /css/kertomus.css HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut head = String::new();
    let _ = stream.read_to_string(&mut head);
    assert!(
        head.to_ascii_lowercase()
            .contains("content-type: text/css; charset=utf-8"),
        "{head}"
    );
}

/// `path` (absolute) written relative to the working directory: `../../tmp/…`.
fn relative(path: &Path) -> std::path::PathBuf {
    let cwd = std::env::current_dir().unwrap();
    let mut out = std::path::PathBuf::new();
    for _ in 1..cwd.components().count() {
        out.push("..");
    }
    out.join(path.strip_prefix("/").unwrap())
}

#[test]
fn open_pages_hear_reload_after_a_save() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    copy_dir(Path::new(FIXTURE), &root);
    // Given as relative to the working directory, as `kertomus serve` in a site folder is.
    let s = serve(&relative(&root));
    let mut stream = TcpStream::connect(s.addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    write!(
        stream,
        "GET /__kertomus/events HTTP/1.1\r\nHost: localhost\r\n\r\n"
    )
    .unwrap();
    let mut buf = [0u8; 4096];
    let n = stream.read(&mut buf).unwrap();
    assert!(String::from_utf8_lossy(&buf[..n]).contains("text/event-stream"));
    std::fs::write(
        root.join("content/index.md"),
        "---\ntitle: Etusivu\n---\nMuutettu.\n",
    )
    .unwrap();
    let mut got = String::new();
    // The stream's keep-alive comments arrive on their own: bound the wait as a whole.
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    while !got.contains("event: reload") {
        assert!(
            std::time::Instant::now() < deadline,
            "no reload within 20 s: {got}"
        );
        let n = stream.read(&mut buf).unwrap();
        assert!(n > 0, "stream closed");
        got.push_str(&String::from_utf8_lossy(&buf[..n]));
    }
}

#[test]
fn a_taken_port_is_a_clear_error() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let o = kertomus(&["serve", "--root", FIXTURE, "--port", &port]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains(&format!("127.0.0.1:{port} is already in use")),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

/// Sends `request` as it is and returns all the server answered (empty when it just closed).
fn send(addr: std::net::SocketAddr, request: &[u8]) -> String {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    s.write_all(request).unwrap();
    let mut out = Vec::new();
    let _ = s.read_to_end(&mut out);
    String::from_utf8_lossy(&out).into_owned()
}

#[test]
fn only_this_machine_s_names_reach_the_server() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    copy_dir(Path::new(FIXTURE), &root);
    let s = serve(&root);
    let port = s.addr.port();
    // DNS rebinding: a page of evil.example that resolves to 127.0.0.1 sends its own name.
    let foreign = send(s.addr, b"GET / HTTP/1.1\r\nHost: evil.example\r\n\r\n");
    assert!(foreign.starts_with("HTTP/1.1 403"), "{foreign}");
    let own = send(
        s.addr,
        format!("GET / HTTP/1.1\r\nHost: localhost:{port}\r\n\r\n").as_bytes(),
    );
    assert!(own.starts_with("HTTP/1.1 200"), "{own}");
    // The absolute form naming the server itself is a normal request; naming another is not.
    let absolute =
        format!("GET http://127.0.0.1:{port}/ HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n");
    let absolute = send(s.addr, absolute.as_bytes());
    assert!(absolute.starts_with("HTTP/1.1 200"), "{absolute}");
    assert!(absolute.contains("</html>"));
    let proxied = send(
        s.addr,
        b"GET http://evil.example/ HTTP/1.1\r\nHost: localhost\r\n\r\n",
    );
    assert!(proxied.starts_with("HTTP/1.1 403"), "{proxied}");
    // Another site's page may not listen to the builds.
    let events = send(
        s.addr,
        b"GET /__kertomus/events HTTP/1.1\r\nHost: localhost\r\nOrigin: https://evil.example\r\n\r\n",
    );
    assert!(events.starts_with("HTTP/1.1 403"), "{events}");
}

#[test]
fn oversized_and_foreign_protocol_requests_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    copy_dir(Path::new(FIXTURE), &root);
    let s = serve(&root);
    let long_line = format!(
        "GET /{} HTTP/1.1\r\nHost: localhost\r\n\r\n",
        "a".repeat(10_000)
    );
    assert!(send(s.addr, long_line.as_bytes()).starts_with("HTTP/1.1 414"));
    let big_head = format!(
        "GET / HTTP/1.1\r\nHost: localhost\r\nX: {}\r\n\r\n",
        "b".repeat(40_000)
    );
    assert!(send(s.addr, big_head.as_bytes()).starts_with("HTTP/1.1 431"));
    // A TLS ClientHello and the HTTP/2 preface get the connection closed, with no answer.
    assert_eq!(send(s.addr, &[0x16, 0x03, 0x01, 0x02, 0x00, 0x01]), "");
    assert_eq!(send(s.addr, b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"), "");
}

#[test]
fn idle_and_slow_connections_are_closed_and_never_crowd_out_a_reader() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    copy_dir(Path::new(FIXTURE), &root);
    let s = serve(&root);
    // 500 connections that never send a request, and one that trickles its head.
    let idle: Vec<TcpStream> = (0..500)
        .map(|_| TcpStream::connect(s.addr).unwrap())
        .collect();
    let mut slow = TcpStream::connect(s.addr).unwrap();
    slow.write_all(b"GET / HTTP/1.1\r\n").unwrap();
    // A reader still gets the page.
    let page = send(s.addr, b"GET / HTTP/1.1\r\nHost: localhost\r\n\r\n");
    assert!(page.starts_with("HTTP/1.1 200"), "{page}");
    // The connections do not each hold a thread without bound (256 at most, other tests'
    // servers in this process included in the count).
    let threads = std::fs::read_dir("/proc/self/task").map_or(0, |d| d.count());
    assert!(threads < 450, "{threads} threads for 500 idle connections");
    // The slow one is closed once its time for the head is up (5 s), without an answer.
    slow.set_read_timeout(Some(Duration::from_secs(15)))
        .unwrap();
    let started = std::time::Instant::now();
    let mut buf = [0u8; 64];
    let n = slow.read(&mut buf).unwrap_or(0);
    assert_eq!(n, 0, "the slow connection got an answer");
    assert!(
        started.elapsed() < Duration::from_secs(12),
        "closed too late"
    );
    // So are the idle ones that were not already closed to make room.
    for mut c in idle {
        c.set_read_timeout(Some(Duration::from_secs(15))).unwrap();
        assert_eq!(c.read(&mut buf).unwrap_or(0), 0);
    }
}
