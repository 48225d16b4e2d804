//! The key figures of a question's answer counts: n, mean (KA) of the options' order numbers
//! and population standard deviation (hajonta), and the tolerance for published figures.

/// n, mean and population standard deviation of options coded 1..n.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Stats {
    pub n: u32,
    pub mean: f64,
    pub sd: f64,
}

pub(crate) fn stats(counts: &[u32]) -> Option<Stats> {
    let n: u32 = counts.iter().sum();
    if n == 0 {
        return None;
    }
    let nf = f64::from(n);
    let code = |i: usize| (i + 1) as f64;
    let mean = counts
        .iter()
        .enumerate()
        .map(|(i, c)| code(i) * f64::from(*c))
        .sum::<f64>()
        / nf;
    let var = counts
        .iter()
        .enumerate()
        .map(|(i, c)| f64::from(*c) * (code(i) - mean).powi(2))
        .sum::<f64>()
        / nf;
    Some(Stats {
        n,
        mean,
        sd: var.sqrt(),
    })
}

/// Largest difference between computed and published figures that is taken as rounding.
pub(crate) const TOLERANCE: f64 = 0.01;
