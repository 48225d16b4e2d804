//! One file per command; each prints for people and returns the process exit code.

pub mod build;
pub mod check;
pub mod init;
pub mod serve;
pub mod sotkanet;
