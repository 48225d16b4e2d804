//! The base layer: what every other layer uses and that knows nothing of welfare reports — messages and diagnostics, errors, YAML and positions in source files, texts by language, dates, addresses as strings, numbers, escaping.

pub(crate) mod csvtext;
pub(crate) mod dates;
pub mod diagnostics;
pub mod error;
pub(crate) mod escape;
pub(crate) mod locate;
pub mod messages;
pub(crate) mod nth;
pub mod numbers;
pub(crate) mod text;
pub(crate) mod url;
pub(crate) mod vocabulary;
pub(crate) mod yaml;
