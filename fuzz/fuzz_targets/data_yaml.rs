//! The plan fixture site with one of its data files (organisations, indicators, annual clock,
//! bodies, a survey; the first byte picks which) replaced by the input, built twice.
#![no_main]
mod site;
const FILES: [&str; 5] = [
    "content/data/organisations.yaml",
    "content/data/indicators.yaml",
    "content/data/vuosikello.yaml",
    "content/data/bodies.yaml",
    "content/data/surveys/kysely.yaml",
];
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Some((&which, rest)) = data.split_first() {
        site::fuzz(FILES[usize::from(which) % FILES.len()], rest);
    }
});
