//! The time each stage of a build took, for `kertomus build --timings`: users of other
//! generators ask for exactly this when a build is slow.

use std::time::{Duration, Instant};

/// A stage of the build, in pipeline order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// site.yaml, the theme, the content folder's walk.
    Load,
    /// Every page read and its front matter parsed.
    Parse,
    /// Regions, indicators, organisations, plans, surveys, the route table.
    Data,
    /// Markdown rendered, links checked, addresses given.
    Resolve,
    /// Each document's PDF typeset.
    Pdf,
    /// Pages through the templates, files and open data written into the staging folder.
    Render,
    /// The search index.
    Search,
    /// The staging folder put in place of the output.
    Write,
}

/// Laps of one build.
#[derive(Debug, Clone)]
pub struct Timings {
    /// Each stage and how long it took, in order.
    pub stages: Vec<(Stage, Duration)>,
    started: Instant,
    last: Instant,
}

impl Timings {
    pub(crate) fn start() -> Timings {
        let now = Instant::now();
        Timings {
            stages: Vec::new(),
            started: now,
            last: now,
        }
    }

    /// The time since the build started.
    pub(crate) fn elapsed(&self) -> Duration {
        self.started.elapsed()
    }

    /// Ends `stage`: the time since the previous lap is its time.
    pub(crate) fn lap(&mut self, stage: Stage) {
        let now = Instant::now();
        self.stages.push((stage, now - self.last));
        self.last = now;
    }
}
