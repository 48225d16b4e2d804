//! Whether a goal indicator is on its way to its target: the latest value against the line
//! from the baseline to the target.

use super::YearValue;

/// Whether a goal indicator is on its way to the target.
// "on track" and "off track" are the words of the follow-up, not a naming stutter.
#[allow(clippy::enum_variant_names)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Track {
    /// The target value is reached.
    Met,
    /// At least as far from the baseline as the time elapsed would ask.
    OnTrack,
    /// Behind what the time elapsed would ask.
    OffTrack,
    /// No value to judge by.
    NoData,
    /// The latest value is not newer than the baseline: no time has passed to judge by (an
    /// unchanged value of the baseline's own year is no progress).
    NoNewer,
}

impl Track {
    pub(crate) fn key(self) -> &'static str {
        match self {
            Track::Met => "track_met",
            Track::OnTrack => "track_on",
            Track::OffTrack => "track_off",
            Track::NoData => "track_no_data",
            Track::NoNewer => "track_no_newer",
        }
    }
}

/// Judges the latest value `(year, value)` against the baseline and target. The direction
/// that counts as progress is `better`, or for a neutral indicator the direction from the
/// baseline to the target.
pub(crate) fn track(
    better: crate::model::indicators::Better,
    baseline: Option<YearValue>,
    target: Option<YearValue>,
    latest: Option<(i32, f64)>,
) -> Track {
    use crate::model::indicators::Better;
    let (Some((year, value)), Some(target)) = (latest, target) else {
        return Track::NoData;
    };
    let up = match better {
        Better::Up => true,
        Better::Down => false,
        Better::Neutral => match baseline {
            Some(b) => target.value >= b.value,
            None => return Track::NoData,
        },
    };
    let reached = |v: f64, goal: f64| if up { v >= goal } else { v <= goal };
    if reached(value, target.value) {
        return Track::Met;
    }
    let Some(b) = baseline else {
        return Track::OffTrack;
    };
    if year <= b.year {
        return Track::NoNewer;
    }
    let span = f64::from(target.year - b.year);
    let elapsed = if span <= 0.0 {
        1.0
    } else {
        (f64::from(year - b.year) / span).clamp(0.0, 1.0)
    };
    let expected = b.value + (target.value - b.value) * elapsed;
    if reached(value, expected) {
        Track::OnTrack
    } else {
        Track::OffTrack
    }
}
