//! Markdown alone, fast, in each `raw_html` mode (the first byte picks it).
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| kertomus::fuzzing::markdown(data));
