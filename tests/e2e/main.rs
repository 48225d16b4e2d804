//! The end-to-end tests: one binary (one link of the crate, as ripgrep's
//! `tests/integration.rs`), a module per area. Each drives the real `kertomus` binary on the
//! fixture sites in `tests/fixtures/` and asserts what a user sees: the HTML, the messages,
//! the files. `common` holds the helpers they share.

mod common;

mod architecture;
mod authors;
mod build;
mod fields;
mod hostile;
mod import;
mod indicators;
mod init;
mod links;
mod messages;
mod pdf;
mod plan;
mod region;
mod search;
mod serve;
mod serve_limits;
mod sheets;
mod sitemap;
mod snapshots;
mod sotkanet;
mod todo;
mod vocabulary;
