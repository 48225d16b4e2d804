//! The model: the site's content as authors wrote it, read and resolved — configuration, pages, regions, indicators, plans, surveys, cooperation — with its checks. It knows nothing of HTML, templates, addresses or the server.

pub(crate) mod config;
pub(crate) mod content;
pub(crate) mod cooperation;
pub(crate) mod data;
pub(crate) mod indicator_lists;
pub mod indicators;
pub(crate) mod markdown_texts;
pub(crate) mod organisations;
pub(crate) mod plan;
pub mod regions;
pub(crate) mod surveys;
pub(crate) mod validate;
