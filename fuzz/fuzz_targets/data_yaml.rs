//! The plan fixture site with one of its data files (organisations, indicators, annual clock,
//! bodies, a survey; the first byte picks which) replaced by the input, built twice.
#![no_main]
mod site;
mod words;
const FILES: [&str; 5] = [
    "content/data/organisations.yaml",
    "content/data/indicators.yaml",
    "content/data/vuosikello.yaml",
    "content/data/bodies.yaml",
    "content/data/surveys/kysely.yaml",
];
libfuzzer_sys::fuzz_target!(|data: &[u8]| -> libfuzzer_sys::Corpus {
    match data.split_first() {
        Some((&which, rest)) => site::fuzz(FILES[usize::from(which) % FILES.len()], rest),
        None => libfuzzer_sys::Corpus::Reject,
    }
});
// Changes an author might make, three times in four (see words.rs).
libfuzzer_sys::fuzz_mutator!(|data: &mut [u8], size: usize, max_size: usize, seed: u32| {
    words::mutate(data, size, max_size, seed, 1)
});
