//! One file per command; each prints for people and returns the process exit code.

pub(crate) mod build;
pub(crate) mod check;
pub(crate) mod init;
pub(crate) mod serve;
pub(crate) mod sotkanet;
pub(crate) mod template;
