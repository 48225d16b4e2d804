//! The plan fixture site with `content/data/values/4.csv` replaced by the input, built twice.
#![no_main]
mod site;
mod words;
libfuzzer_sys::fuzz_target!(|data: &[u8]| -> libfuzzer_sys::Corpus {
    site::fuzz("content/data/values/4.csv", data)
});
// Changes an author might make, three times in four (see words.rs).
libfuzzer_sys::fuzz_mutator!(|data: &mut [u8], size: usize, max_size: usize, seed: u32| {
    words::mutate(data, size, max_size, seed, 0)
});
