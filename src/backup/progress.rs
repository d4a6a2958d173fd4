//! One progress figure for a whole backup, so the app can draw a single bar and say how long
//! is left. A backup runs three phases over the same bytes (snapshot, encrypt to the target,
//! read back); each reports its own `done/total`, and [`Tracker`] folds them into one count
//! that only grows and ends exactly at its total.

use super::{Phase, Progress};
use serde::Serialize;

/// Progress of a whole backup job, in bytes of work (three passes over the snapshot).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct JobProgress {
    /// The phase running now (for a label).
    pub phase: Phase,
    /// Bytes of work done so far; never decreases.
    pub done: u64,
    /// Bytes of work in the whole job; fixed once the snapshot size is known.
    pub total: u64,
}

const PHASES: u64 = 3;

/// Folds per-phase [`Progress`] into one monotonic [`JobProgress`].
#[derive(Default)]
pub(crate) struct Tracker {
    /// Bytes of one phase (the snapshot size), from the first report.
    unit: Option<u64>,
    done: u64,
    phase: Option<Phase>,
}

impl Tracker {
    pub(crate) fn update(&mut self, p: Progress) -> JobProgress {
        let unit = *self.unit.get_or_insert(p.total.max(1));
        let index = match p.phase {
            Phase::Snapshot => 0,
            Phase::Encrypt => 1,
            Phase::Verify => 2,
        };
        let within = if p.total == 0 {
            unit
        } else {
            (p.done.min(p.total) as u128 * unit as u128 / p.total as u128) as u64
        };
        self.done = self.done.max(index * unit + within).min(PHASES * unit);
        self.phase = Some(p.phase);
        self.current()
    }

    /// The last figure, or all done when `finished`.
    pub(crate) fn finish(&mut self) -> JobProgress {
        let unit = self.unit.unwrap_or(1);
        self.done = PHASES * unit;
        self.phase = Some(Phase::Verify);
        self.current()
    }

    fn current(&self) -> JobProgress {
        JobProgress {
            phase: self.phase.unwrap_or(Phase::Snapshot),
            done: self.done,
            total: PHASES * self.unit.unwrap_or(1),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phases_fold_into_one_growing_count() {
        let mut t = Tracker::default();
        let a = t.update(Progress::new(Phase::Snapshot, 50, 100));
        assert_eq!((a.done, a.total), (50, 300));
        let b = t.update(Progress::new(Phase::Encrypt, 0, 100));
        assert_eq!(b.done, 100, "a new phase starts where the last ended");
        let c = t.update(Progress::new(Phase::Verify, 100, 100));
        assert_eq!((c.done, c.total), (300, 300));
        let d = t.update(Progress::new(Phase::Snapshot, 10, 100));
        assert_eq!(d.done, 300, "never goes back");
    }
}
