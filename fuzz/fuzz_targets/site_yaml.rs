//! The plan fixture site with `content/site.yaml` replaced by the input, built twice.
#![no_main]
mod site;
libfuzzer_sys::fuzz_target!(|data: &[u8]| site::fuzz("content/site.yaml", data));
