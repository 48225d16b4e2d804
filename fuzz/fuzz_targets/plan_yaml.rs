//! The plan fixture site with `content/suunnitelma/plan.yaml` replaced by the input, built twice.
#![no_main]
mod site;
libfuzzer_sys::fuzz_target!(|data: &[u8]| site::fuzz("content/suunnitelma/plan.yaml", data));
