//! Server-sent events: every open page keeps one connection and hears "reload" after each build.

use std::sync::mpsc::{channel, Receiver, Sender};
use std::sync::Mutex;

#[derive(Default)]
pub(super) struct Hub {
    listeners: Mutex<Vec<Sender<String>>>,
}

impl Hub {
    pub(super) fn subscribe(&self) -> Receiver<String> {
        let (tx, rx) = channel();
        if let Ok(mut l) = self.listeners.lock() {
            l.push(tx);
        }
        rx
    }

    /// Sends `event` to every listener; closed connections drop out.
    pub(super) fn send(&self, event: &str) {
        if let Ok(mut l) = self.listeners.lock() {
            l.retain(|tx| tx.send(event.to_string()).is_ok());
        }
    }
}
