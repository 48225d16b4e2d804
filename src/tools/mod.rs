//! The authors' tools beside the build: a starter site (`init`), the measures template, pulling plans and Sotkanet data, and importing last term's report from Word.

pub mod import;
pub mod init;
pub mod pull;
pub mod sotkanet;
pub mod template;
