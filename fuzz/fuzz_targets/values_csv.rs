//! The plan fixture site with `content/data/values/4.csv` replaced by the input, built twice.
#![no_main]
mod site;
libfuzzer_sys::fuzz_target!(|data: &[u8]| site::fuzz("content/data/values/4.csv", data));
