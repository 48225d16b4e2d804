//! Plain-language judgements of indicator values: has it got better since five years earlier,
//! and is a municipality better or worse than its county, given the author's `better`.

use super::Better;

/// A direction of change or a comparison, judged by `better`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Judgement {
    Better,
    Worse,
    Same,
    /// For `better: neutral` indicators: the value rose.
    Higher,
    /// For `better: neutral` indicators: the value fell.
    Lower,
}

impl Judgement {
    /// Key of the word in the theme's strings (`trend_better`, ...).
    pub fn key(self) -> &'static str {
        match self {
            Judgement::Better => "better",
            Judgement::Worse => "worse",
            Judgement::Same => "same",
            Judgement::Higher => "higher",
            Judgement::Lower => "lower",
        }
    }
}

/// Judges `now` against `before`. Differences within 2 % of the larger magnitude, or smaller
/// than half of the last shown decimal, count as the same: Sotkanet values carry sampling noise
/// and a change nobody can see in the rounded numbers should not be called a change.
pub fn judge(better: Better, before: f64, now: f64, decimals: usize) -> Judgement {
    let diff = now - before;
    let visible = 0.5 * 10f64.powi(-(decimals as i32));
    let relative = 0.02 * before.abs().max(now.abs());
    if diff.abs() < visible || diff.abs() <= relative {
        return Judgement::Same;
    }
    match (better, diff > 0.0) {
        (Better::Up, true) | (Better::Down, false) => Judgement::Better,
        (Better::Up, false) | (Better::Down, true) => Judgement::Worse,
        (Better::Neutral, true) => Judgement::Higher,
        (Better::Neutral, false) => Judgement::Lower,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn judgements() {
        assert_eq!(judge(Better::Down, 2.1, 2.5, 1), Judgement::Worse);
        assert_eq!(judge(Better::Down, 2.5, 2.1, 1), Judgement::Better);
        assert_eq!(
            judge(Better::Up, 50.0, 50.5, 1),
            Judgement::Same,
            "within 2 %"
        );
        assert_eq!(judge(Better::Neutral, 10.0, 12.0, 0), Judgement::Higher);
        assert_eq!(
            judge(Better::Up, 1.0, 1.04, 1),
            Judgement::Same,
            "invisible at one decimal"
        );
    }
}
