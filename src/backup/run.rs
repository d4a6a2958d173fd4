//! The one loop that backs up into several folders in turn, used by every front end: the app's
//! "back up now" and its daily timer, the backup on exit, and `laoke backup`. Each folder gets
//! its own verified backup and its own recorded outcome; a folder that fails (stick unplugged,
//! disk full) never stops the ones after it.
//!
//! The work is split so the app can keep the store free while the bytes move: [`prepare_run`]
//! takes what the jobs need from the open store, [`run_prepared`] runs them (on any thread) and
//! hands each outcome to a `record` callback, which the app points at the store if it is still
//! the open one. [`run_targets`] is both steps in one, recording in the given store.

use super::{finish, prepare, progress::Tracker, BackupError, BackupFile, BackupJob, JobProgress};
use super::{Progress, Target};
use crate::{auth::Session, store::Store};
use std::path::{Path, PathBuf};

/// A folder a run backs up into: a configured target, or any folder (`laoke backup --to DIR`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Destination {
    /// The configured target's id; `None` for a folder that is not (known as) a target.
    pub target_id: Option<i64>,
    pub dir: PathBuf,
}

impl Destination {
    /// Any folder, whether or not it is a configured target.
    pub fn folder(dir: impl Into<PathBuf>) -> Self {
        Self {
            target_id: None,
            dir: dir.into(),
        }
    }
}

impl From<&Target> for Destination {
    fn from(t: &Target) -> Self {
        Self {
            target_id: Some(t.id),
            dir: PathBuf::from(&t.path),
        }
    }
}

/// The verified backup, or why it failed.
pub type Outcome = Result<BackupFile, BackupError>;

/// How one destination of a run ended.
#[derive(Debug)]
pub struct TargetRun {
    pub destination: Destination,
    /// The verified backup (recorded on the target), or why this destination failed.
    pub result: Outcome,
}

/// What a run reports while it works. `index` is the destination's 0-based position in the run
/// and `count` the number of destinations.
#[derive(Debug)]
pub enum RunEvent<'a> {
    /// Progress of one destination: the phase's own figure (`None` on the last report, when the
    /// job is complete) and the whole job's figure, which only grows ([`JobProgress`]).
    Progress {
        index: usize,
        count: usize,
        destination: &'a Destination,
        phase: Option<Progress>,
        job: JobProgress,
    },
    /// One destination is finished: verified and recorded, or failed.
    Finished {
        index: usize,
        count: usize,
        run: &'a TargetRun,
    },
}

/// Destinations with their jobs ready, taken from the open store; run them with [`run_prepared`].
pub struct PreparedRun {
    jobs: Vec<(Destination, Result<BackupJob, BackupError>)>,
}

impl PreparedRun {
    pub fn is_empty(&self) -> bool {
        self.jobs.is_empty()
    }

    pub fn len(&self) -> usize {
        self.jobs.len()
    }
}

/// Get a backup of `store` into each destination ready, in order. A destination whose job
/// cannot be prepared is kept: it fails in [`run_prepared`] like any other.
pub fn prepare_run(
    store: &Store,
    session: &Session,
    destinations: Vec<Destination>,
) -> PreparedRun {
    let jobs = destinations
        .into_iter()
        .map(|d| {
            let job = prepare(store, session, &d.dir);
            (d, job)
        })
        .collect();
    PreparedRun { jobs }
}

/// Run every prepared job in turn and pass each outcome to `record` with the folder of the store
/// it was taken from (jobs that could not be prepared are not recorded: they never started).
/// What `record` returns is the destination's result. Never stops early.
pub fn run_prepared(
    run: PreparedRun,
    events: &mut dyn FnMut(RunEvent),
    record: &mut dyn FnMut(&Destination, &Path, Outcome) -> Outcome,
) -> Vec<TargetRun> {
    let count = run.jobs.len();
    let mut runs = Vec::with_capacity(count);
    for (index, (destination, job)) in run.jobs.into_iter().enumerate() {
        let result = match job {
            Ok(job) => {
                let store_dir = job.store_dir().to_path_buf();
                let mut tracker = Tracker::default();
                let result = job.run(&mut |p| {
                    events(RunEvent::Progress {
                        index,
                        count,
                        destination: &destination,
                        phase: Some(p),
                        job: tracker.update(p),
                    })
                });
                if result.is_ok() {
                    events(RunEvent::Progress {
                        index,
                        count,
                        destination: &destination,
                        phase: None,
                        job: tracker.finish(),
                    });
                }
                record(&destination, &store_dir, result)
            }
            Err(e) => Err(e),
        };
        let done = TargetRun {
            destination,
            result,
        };
        events(RunEvent::Finished {
            index,
            count,
            run: &done,
        });
        runs.push(done);
    }
    runs
}

/// Back up into each destination now, in turn, recording every outcome in `store` (on the
/// target, in the audit log) and rotating old backups there: one verified backup per
/// destination, and a failure recorded on its target without stopping the others.
pub fn run_targets(
    store: &Store,
    session: &Session,
    destinations: Vec<Destination>,
    events: &mut dyn FnMut(RunEvent),
) -> Vec<TargetRun> {
    let run = prepare_run(store, session, destinations);
    run_prepared(run, events, &mut |d, _, result| {
        finish(store, session, &d.dir, result)
    })
}
