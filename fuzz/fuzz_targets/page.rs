//! A page of the plan fixture site (front matter and Markdown, with the site's shortcodes and
//! links to its pages) replaced by the input; the first byte picks the page and the `raw_html`
//! mode. Built twice; with raw HTML denied, every link of the site must resolve.
#![no_main]
mod site;
libfuzzer_sys::fuzz_target!(|data: &[u8]| -> libfuzzer_sys::Corpus { site::page(data) });
