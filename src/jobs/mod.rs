//! What runs by itself, decided once for every front end: after a login, on the app's periodic
//! timer, and at exit. The desktop shell and the `laoke` CLI only call these; neither keeps its
//! own list of housekeeping steps.
//!
//! - [`after_login`]: the recycle bin drops what has been there more than 30 days (the
//!   retention promise of [`crate::customers::recycle`], run through [`crate::customer_ops`]).
//! - [`run_due`]: the loyalty job (earning, reversals, tiers, expiry, birthdays), the tickets
//!   job (auto-close, SLA breach flags) and the insight pass (re-scored when a new shop day
//!   began or the orders changed), each run even if another failed and all idempotent, plus the
//!   backup targets due now. The backups themselves run where progress can be shown
//!   ([`crate::backup::run_targets`] / [`crate::backup::run_prepared`]); this module says which.
//! - [`before_exit`]: the last-chance backup into every target with no verified backup today.
//! - [`Timetable`]: when the timer should call them (pure, tested with an injected clock).

mod timetable;

pub use timetable::{Cadence, DueNow, Timetable};

use crate::{
    auth::Session,
    backup::{self, Destination, Target, TargetRun},
    customer_ops,
    customers::recycle::PurgeReport,
    insight, loyalty,
    store::Store,
    tickets, Error, Result,
};
use chrono::Duration;
use serde::Serialize;

/// What the housekeeping after a login did.
#[derive(Serialize, Clone, Debug, Default, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct AfterLogin {
    /// Customers that left the recycle bin for good (or were anonymised: they have orders).
    pub purged: PurgeReport,
}

/// Housekeeping every front end runs right after a login (any role: it is audited under the
/// user). The front end decides whether a failure blocks the login: the app logs it and goes
/// on (the next login retries), the CLI reports it.
pub fn after_login(store: &Store, session: &Session) -> Result<AfterLogin> {
    let purged = customer_ops::purge_expired(store, session, store.now())?;
    Ok(AfterLogin { purged })
}

/// A periodic job.
#[derive(Serialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Job {
    Loyalty,
    Tickets,
    Insight,
}

/// A job that failed in [`run_due`] (the others still ran).
#[derive(Debug)]
pub struct JobFailure {
    pub job: Job,
    pub error: Error,
}

/// What [`run_due`] did and found.
#[derive(Debug, Default)]
pub struct JobsReport {
    /// The loyalty job's report; `None` when it failed (see `failures`).
    pub loyalty: Option<loyalty::job::JobReport>,
    /// The tickets job's report; `None` when it failed.
    pub tickets: Option<tickets::JobReport>,
    /// The insight pass when it ran (`Some(None)`: nothing changed since the last pass);
    /// `None` when it failed.
    pub insight: Option<Option<insight::PassReport>>,
    pub failures: Vec<JobFailure>,
    /// The backup targets due now ([`backups_due`]).
    pub backups_due: Vec<Target>,
}

/// Run the periodic jobs now and say which backups are due. The loyalty and tickets jobs each
/// run even if the other failed; both are idempotent, so a second call at the same instant
/// changes nothing. An error here means the targets could not be read.
pub fn run_due(store: &Store, session: &Session) -> Result<JobsReport> {
    let mut failures = Vec::new();
    let loyalty = loyalty::job::run(store, session)
        .map_err(|error| {
            failures.push(JobFailure {
                job: Job::Loyalty,
                error,
            })
        })
        .ok();
    let tickets = tickets::run_jobs(store, session)
        .map_err(|error| {
            failures.push(JobFailure {
                job: Job::Tickets,
                error,
            })
        })
        .ok();
    // after loyalty and tickets: a failure there does not keep the classes stale
    let insight = insight::run_if_due(store, session)
        .map_err(|error| {
            failures.push(JobFailure {
                job: Job::Insight,
                error,
            })
        })
        .ok();
    Ok(JobsReport {
        loyalty,
        tickets,
        insight,
        failures,
        backups_due: backups_due(store, session)?,
    })
}

/// The targets the daily backup should write now: no verified backup from today (the shop's
/// day), and a target that failed waits [`backup::RETRY_AFTER_MINUTES`] before the next try.
pub fn backups_due(store: &Store, session: &Session) -> Result<Vec<Target>> {
    let retry = Duration::minutes(backup::RETRY_AFTER_MINUTES);
    backup::due(store, session, store.now(), retry)
}

/// The backup on exit: every target without a verified backup from today, recent failures
/// included (it is the last chance today). Each outcome is recorded on its target, so a missing
/// stick is warned about next time; one failing target does not stop the others.
pub fn before_exit(store: &Store, session: &Session) -> Result<Vec<TargetRun>> {
    let due = backup::due(store, session, store.now(), Duration::zero())?;
    let destinations = due.iter().map(Destination::from).collect();
    Ok(backup::run_targets(
        store,
        session,
        destinations,
        &mut |_| {},
    ))
}
