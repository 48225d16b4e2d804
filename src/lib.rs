//! kertomus: a static site generator for Finnish welfare reports and plans
//! (hyvinvointikertomus ja -suunnitelma). See ARCHITECTURE.md for how the pipeline maps to
//! these modules.

pub mod build;
pub mod cache;
pub mod charts;
pub mod check;
pub mod config;
pub mod content;
pub mod cooperation;
pub mod csvtext;
pub mod data;
pub mod dates;
pub mod diagnostics;
pub mod error;
pub mod escape;
pub mod indicators;
pub mod init;
pub mod locate;
pub mod markdown;
pub mod numbers;
pub mod organisations;
pub mod output;
pub mod plan;
pub mod regions;
pub mod render;
pub mod routes;
pub mod search;
pub mod serve;
pub mod site;
pub mod sotkanet;
pub mod surveys;
pub mod text;
pub mod validate;
pub mod yaml;

pub use build::{build, build_with, BuildOptions, Summary};
pub use error::Error;
