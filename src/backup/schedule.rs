//! When the app backs up by itself: once a day while it is open, into every target that has no
//! verified backup from today (the shop's day, not UTC). A target that failed (stick unplugged,
//! read-only, full) waits [`RETRY_AFTER_MINUTES`] before the next try, so a missing stick is not
//! hammered every minute and the warning stays readable. The decision is a pure function of the
//! targets' state and `now`, so it is tested with an injected clock; the app shell only runs a
//! timer and calls it.

use super::{status, Target, TargetStatus};
use crate::{auth::Session, store::Store, Result};
use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;

/// A failed target is tried again after this long.
pub const RETRY_AFTER_MINUTES: i64 = 30;

/// The ids of the targets to back up now: no verified backup from today (in `tz`), and no
/// failure within `retry_after` (a zero `retry_after` ignores failures, as the exit backup does).
pub fn due_targets(
    targets: &[TargetStatus],
    now: DateTime<Utc>,
    tz: Tz,
    retry_after: Duration,
) -> Vec<i64> {
    let today = now.with_timezone(&tz).date_naive();
    targets
        .iter()
        .filter(|t| {
            let done_today = t
                .last_verified
                .as_ref()
                .and_then(|b| b.verified_at)
                .is_some_and(|at| at.with_timezone(&tz).date_naive() == today);
            let waiting = t
                .target
                .last_error_at
                .is_some_and(|at| t.target.last_error.is_some() && now - at < retry_after);
            !done_today && !waiting
        })
        .map(|t| t.target.id)
        .collect()
}

/// The store's targets due now (see [`due_targets`]).
pub fn due(
    store: &Store,
    session: &Session,
    now: DateTime<Utc>,
    retry_after: Duration,
) -> Result<Vec<Target>> {
    let statuses = status(store, session, now)?;
    let ids = due_targets(
        &statuses,
        now,
        crate::settings::timezone(store),
        retry_after,
    );
    Ok(statuses
        .into_iter()
        .map(|s| s.target)
        .filter(|t| ids.contains(&t.id))
        .collect())
}
