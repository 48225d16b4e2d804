//! Times loading and parsing a site's indicator data alone (for scripts/bench-national.sh).
//!
//!     cargo run --release --example load_values -- SITE_DIR

use std::time::Instant;

fn main() {
    let root = std::path::PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| ".".into()));
    let register = kertomus::regions::Register::builtin();
    let mut diags = Vec::new();
    let started = Instant::now();
    let data = kertomus::indicators::load(&root.join("content"), &register, &mut diags);
    let elapsed = started.elapsed();
    println!(
        "loaded {} indicators and {} values in {:.3} s ({} problems)",
        data.list.len(),
        data.values.len(),
        elapsed.as_secs_f64(),
        diags.len()
    );
}
