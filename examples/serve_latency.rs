//! Time from saving a page to the reload message of `kertomus serve` (for scripts/bench-serve.sh):
//! starts the server on a site, listens on the event stream like an open browser tab, appends a
//! line to one page, and measures until "event: reload" arrives. Median of the runs.
//!
//!     cargo run --release --example serve_latency -- SITE_DIR [RUNS]

use std::io::{Read, Write};
use std::net::TcpStream;
use std::sync::Arc;
use std::time::{Duration, Instant};

// The allocator of the kertomus binary, so the figures are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let mut args = std::env::args().skip(1);
    let root = std::path::PathBuf::from(args.next().expect("SITE_DIR"));
    let runs: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(10);
    let out = std::env::temp_dir().join(format!("kertomus-serve-bench-{}", std::process::id()));
    let opts = kertomus::serve::ServeOptions {
        root: root.clone(),
        bind: "127.0.0.1".parse().unwrap(),
        port: 0,
        drafts: false,
        output: Some(out.clone()),
        lang: kertomus::messages::Lang::En,
    };
    let started = Instant::now();
    let server = kertomus::serve::start(&opts, Arc::new(|_: &str| {})).expect("serve");
    println!("first build: {:.2} s", started.elapsed().as_secs_f64());
    let page = walkdir::WalkDir::new(root.join("content"))
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .find(|e| e.path().extension().is_some_and(|x| x == "md") && e.file_name() != "index.md")
        .expect("a page")
        .into_path();
    let original = std::fs::read_to_string(&page).unwrap();
    let mut stream = TcpStream::connect(server.addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .unwrap();
    // The server answers only requests for its own address (DNS rebinding).
    let host = server.addr;
    write!(
        stream,
        "GET /__kertomus/events HTTP/1.1\r\nHost: {host}\r\n\r\n"
    )
    .unwrap();
    let mut buf = [0u8; 4096];
    let _ = stream.read(&mut buf).unwrap();
    let mut times = Vec::new();
    for run in 0..runs {
        std::thread::sleep(Duration::from_millis(300));
        let saved = Instant::now();
        std::fs::write(&page, format!("{original}\nMuokkaus {run}.\n")).unwrap();
        let mut got = String::new();
        while !got.contains("event: reload") {
            let n = stream.read(&mut buf).unwrap();
            got.push_str(&String::from_utf8_lossy(&buf[..n]));
        }
        times.push(saved.elapsed().as_secs_f64() * 1000.0);
    }
    std::fs::write(&page, original).unwrap();
    times.sort_by(f64::total_cmp);
    println!(
        "save → reload message: median {:.0} ms, min {:.0} ms, max {:.0} ms over {} saves (the debounce waits {} ms of quiet)",
        times[times.len() / 2],
        times[0],
        times[times.len() - 1],
        times.len(),
        kertomus::serve::QUIET_MS
    );
    let _ = std::fs::remove_dir_all(out);
}
