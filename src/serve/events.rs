//! Server-sent events: every open page keeps one connection and hears "reload" after each build.
//!
//! The streams have a limit of their own, well below the server's connection limit, so that
//! streams held open (by pages or by anything else on the machine) never take the connections
//! pages are served on; a stream whose page has gone is noticed within a second and its place
//! freed, not only at the next keep-alive write.

use std::collections::BTreeMap;
use std::io::Write;
use std::net::TcpStream;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Event streams open at once; beyond it a new one is refused with 503.
pub(super) const MAX_STREAMS: usize = 32;
/// How often an open stream checks whether its page has gone.
const CHECK_EVERY: Duration = Duration::from_secs(1);
/// A comment this often keeps the stream open through proxies and idle timers.
const KEEP_ALIVE: Duration = Duration::from_secs(15);
/// A page that does not read its stream for this long is let go.
const WRITE_TIMEOUT: Duration = Duration::from_secs(10);

/// The open streams, each by its number, to send the reload to.
type Listeners = Arc<Mutex<BTreeMap<u64, Sender<String>>>>;

pub(super) struct Hub {
    listeners: Listeners,
    next: AtomicU64,
    limit: usize,
}

impl Default for Hub {
    fn default() -> Hub {
        Hub {
            listeners: Listeners::default(),
            next: AtomicU64::new(0),
            limit: MAX_STREAMS,
        }
    }
}

/// One open stream's place among the [`MAX_STREAMS`]: given back when dropped.
pub(super) struct Subscription {
    rx: Receiver<String>,
    id: u64,
    listeners: Listeners,
}

impl Drop for Subscription {
    fn drop(&mut self) {
        if let Ok(mut l) = self.listeners.lock() {
            l.remove(&self.id);
        }
    }
}

impl Hub {
    /// A place for one more stream, or `None` when all are taken.
    pub(super) fn subscribe(&self) -> Option<Subscription> {
        let mut l = self.listeners.lock().ok()?;
        if l.len() >= self.limit {
            return None;
        }
        let (tx, rx) = channel();
        let id = self.next.fetch_add(1, Ordering::SeqCst);
        l.insert(id, tx);
        Some(Subscription {
            rx,
            id,
            listeners: self.listeners.clone(),
        })
    }

    /// Sends `event` to every open stream.
    pub(super) fn send(&self, event: &str) {
        if let Ok(l) = self.listeners.lock() {
            for tx in l.values() {
                let _ = tx.send(event.to_string());
            }
        }
    }
}

/// Serves one event stream until its page goes away.
pub(super) fn stream(mut stream: TcpStream, subscription: Subscription) {
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: keep-alive\r\n\r\n";
    if stream.set_write_timeout(Some(WRITE_TIMEOUT)).is_err()
        || stream
            .write_all(head.as_bytes())
            .and_then(|_| stream.flush())
            .is_err()
    {
        return;
    }
    let mut quiet_since = Instant::now();
    loop {
        let chunk = match subscription.rx.recv_timeout(CHECK_EVERY) {
            Ok(event) => format!("event: {event}\ndata: {event}\n\n"),
            Err(RecvTimeoutError::Timeout) if gone(&stream) => return,
            Err(RecvTimeoutError::Timeout) if quiet_since.elapsed() >= KEEP_ALIVE => {
                ": keep-alive\n\n".to_string()
            }
            Err(RecvTimeoutError::Timeout) => continue,
            Err(RecvTimeoutError::Disconnected) => return,
        };
        if stream
            .write_all(chunk.as_bytes())
            .and_then(|_| stream.flush())
            .is_err()
        {
            return;
        }
        quiet_since = Instant::now();
    }
}

/// Whether the page at the other end has closed the stream (it sends nothing once it has
/// asked, so anything but "nothing to read yet" means it is gone or misbehaving).
fn gone(stream: &TcpStream) -> bool {
    if stream.set_nonblocking(true).is_err() {
        return true;
    }
    let mut byte = [0u8; 1];
    let gone =
        !matches!(stream.peek(&mut byte), Err(e) if e.kind() == std::io::ErrorKind::WouldBlock);
    gone || stream.set_nonblocking(false).is_err()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streams_beyond_the_limit_are_refused_until_one_ends() {
        let hub = Hub {
            limit: 2,
            ..Hub::default()
        };
        let a = hub.subscribe().expect("first");
        let _b = hub.subscribe().expect("second");
        assert!(hub.subscribe().is_none());
        drop(a);
        assert!(hub.subscribe().is_some());
    }
}
