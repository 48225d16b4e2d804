//! The shortcode parser, one line at a time.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| kertomus::fuzzing::shortcode(data));
