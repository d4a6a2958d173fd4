//! When the app's periodic work is due, as a pure function of the last runs and `now`, so the
//! cadence is tested with an injected clock and the app's timer only sleeps and asks.
//!
//! - The loyalty and tickets jobs ([`super::run_due`]) every 5 minutes (`LAOKE_LOYALTY_JOB_SECS`).
//! - The check for due backups every minute (`LAOKE_AUTO_BACKUP_SECS`); the first check waits ten
//!   times as long, so starting the app is never slowed by a backup. Which targets are then
//!   backed up is the backup schedule's decision ([`crate::backup::due_targets`]).

use chrono::{DateTime, Duration, Utc};

/// How often the periodic work runs while the app is open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cadence {
    /// The loyalty and tickets jobs.
    pub jobs_every: Duration,
    /// The check for backups due.
    pub backups_every: Duration,
    /// The first backup check, counted from the start.
    pub first_backups_after: Duration,
}

impl Default for Cadence {
    fn default() -> Self {
        Self::every(300, 60)
    }
}

impl Cadence {
    /// Jobs every `jobs_secs`, backup checks every `backup_secs` (the first after ten times that).
    pub fn every(jobs_secs: i64, backup_secs: i64) -> Self {
        Self {
            jobs_every: Duration::seconds(jobs_secs),
            backups_every: Duration::seconds(backup_secs),
            first_backups_after: Duration::seconds(backup_secs * 10),
        }
    }

    /// The default cadence, with `LAOKE_LOYALTY_JOB_SECS` and `LAOKE_AUTO_BACKUP_SECS` (whole
    /// seconds above zero) overriding it; the tests of the app use them to wait seconds, not
    /// minutes.
    pub fn from_env() -> Self {
        let secs = |var: &str, default: i64| {
            std::env::var(var)
                .ok()
                .and_then(|v| v.parse::<i64>().ok())
                .filter(|&s| s > 0)
                .unwrap_or(default)
        };
        Self::every(
            secs("LAOKE_LOYALTY_JOB_SECS", 300),
            secs("LAOKE_AUTO_BACKUP_SECS", 60),
        )
    }

    /// How long the app's timer sleeps between questions to [`Timetable::due`].
    pub fn tick(&self) -> std::time::Duration {
        self.jobs_every
            .min(self.backups_every)
            .to_std()
            .unwrap_or(std::time::Duration::from_secs(60))
    }
}

/// What is due at one instant.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DueNow {
    /// Run the loyalty and tickets jobs ([`super::run_due`]).
    pub jobs: bool,
    /// Back up into the targets due ([`super::backups_due`]).
    pub backups: bool,
}

impl DueNow {
    pub fn any(&self) -> bool {
        self.jobs || self.backups
    }
}

/// The last runs of the periodic work since the app started.
#[derive(Clone, Debug)]
pub struct Timetable {
    cadence: Cadence,
    started_at: DateTime<Utc>,
    jobs_at: Option<DateTime<Utc>>,
    backups_at: Option<DateTime<Utc>>,
}

impl Timetable {
    pub fn new(cadence: Cadence, started_at: DateTime<Utc>) -> Self {
        Self {
            cadence,
            started_at,
            jobs_at: None,
            backups_at: None,
        }
    }

    pub fn cadence(&self) -> Cadence {
        self.cadence
    }

    /// What is due at `now`: the jobs a full period after the last run (or the start), the
    /// backup check a period after the last check (the first one later, see [`Cadence`]).
    pub fn due(&self, now: DateTime<Utc>) -> DueNow {
        let c = &self.cadence;
        let jobs = now - self.jobs_at.unwrap_or(self.started_at) >= c.jobs_every;
        let backups = match self.backups_at {
            None => now - self.started_at >= c.first_backups_after,
            Some(at) => now - at >= c.backups_every,
        };
        DueNow { jobs, backups }
    }

    /// Note that what `due` said was handled at `now` (the instant it was asked).
    pub fn ran(&mut self, due: DueNow, now: DateTime<Utc>) {
        if due.jobs {
            self.jobs_at = Some(now);
        }
        if due.backups {
            self.backups_at = Some(now);
        }
    }
}
