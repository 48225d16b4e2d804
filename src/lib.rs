//! kertomus: a static site generator for Finnish welfare reports and plans
//! (hyvinvointikertomus ja -suunnitelma). See ARCHITECTURE.md for how the pipeline maps to
//! these modules.

pub mod build;
mod cache;
mod charts;
mod check;
mod config;
mod content;
mod cooperation;
mod csvtext;
mod data;
mod dates;
pub mod diagnostics;
pub mod error;
mod escape;
mod html;
pub mod import;
// Entry points for the fuzz targets in fuzz/; only in `cargo fuzz` builds.
#[cfg(fuzzing)]
#[doc(hidden)]
pub mod fuzzing;
// Public only for the benchmark examples (`examples/`); not a stable API.
mod indicator_lists;
#[doc(hidden)]
pub mod indicators;
pub mod init;
mod locate;
mod markdown;
pub mod messages;
mod numbers;
mod organisations;
mod output;
mod pdf;
mod plan;
pub mod pull;
// Public only for the benchmark examples (`examples/`); not a stable API.
#[doc(hidden)]
pub mod regions;
mod render;
mod routes;
mod search;
pub mod serve;
mod site;
pub mod sotkanet;
mod surveys;
pub mod template;
mod text;
mod url;
mod validate;
mod vocabulary;
mod yaml;

pub use build::{build, BuildOptions, Stage, Summary, Timings};
pub use check::{links, Kind as FindingKind, Section as FindingSection};
pub use error::Error;

/// Today's date (UTC) as `YYYY-MM-DD`, for what commands record.
pub fn today() -> Option<String> {
    dates::today_utc().map(|d| d.format("%Y-%m-%d").to_string())
}
pub use search::{Finnish, IndexStats};
