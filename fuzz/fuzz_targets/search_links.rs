//! The search record and the link checker on one HTML file of a small site.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| kertomus::fuzzing::search_links(data));
