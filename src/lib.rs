//! kertomus: a static site generator for Finnish welfare reports and plans
//! (hyvinvointikertomus ja -suunnitelma). See ARCHITECTURE.md for how the pipeline maps to
//! these modules.

// The layers, each a folder; tests/e2e/architecture.rs checks that dependencies point one
// way (ARCHITECTURE.md has the map).
mod address;
pub mod base;
mod check;
// Entry points for the fuzz targets in fuzz/; only in `cargo fuzz` builds.
#[cfg(fuzzing)]
#[doc(hidden)]
pub mod fuzzing;
mod html;
mod markdown;
#[doc(hidden)]
pub mod model;
mod output;
mod pdf;
pub mod pipeline;
mod render;
mod routes;
pub mod serve;
mod site;
pub mod tools;

// The crate's public surface for the `kertomus` binary, the benchmark examples and the fuzz
// targets, under the names they have always used.
pub use base::{diagnostics, error, messages};
pub use check::{links, Kind as FindingKind, Section as FindingSection};
pub use error::Error;
pub use model::{indicators, regions};
pub use pipeline::{build, BuildOptions, Stage, Summary, Timings};
pub use tools::{import, init, pull, sotkanet, template};

/// Today's date (UTC) as `YYYY-MM-DD`, for what commands record.
pub fn today() -> Option<String> {
    base::dates::today_utc().map(|d| d.format("%Y-%m-%d").to_string())
}
pub use output::search::{Finnish, IndexStats};
