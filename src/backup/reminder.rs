//! The "no recent backup" reminder shown on every screen for the owner: from the first minute
//! of a real shop until a verified backup exists in a backup folder, and again whenever the
//! newest one was made more than [`STALE_AFTER_DAYS`] days ago, or the weekly deep check of the
//! newest one failed. A rule of the core (the app only draws it), so the CLI's `laoke backup
//! status` and the banner say the same thing.
//!
//! Safety backups (written by restore into the data folder, on the same disk) do not count, and
//! the sample shop gets no reminder: it is generated again any time and never backed up.

use super::targets::{is_stale, record_row, BackupRecord, RECORD_COLS, STALE_AFTER_DAYS};
use crate::{
    auth::{Role, Session},
    prefs::StoreKind,
    store::Store,
    Result,
};
use chrono::{DateTime, Utc};
use rusqlite::OptionalExtension;
use serde::Serialize;

/// Why the owner is reminded.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "BackupReminderReason"))]
#[serde(rename_all = "camelCase")]
pub enum ReminderReason {
    /// No backup folder has been chosen yet.
    NoFolder,
    /// Folders exist, but no verified backup was ever made into one.
    NeverBackedUp,
    /// The newest verified backup was made more than [`STALE_AFTER_DAYS`] days ago.
    Stale,
    /// The weekly deep check of the newest backup found it damaged.
    DeepCheckFailed,
}

/// What the banner says (docs/IPC.md `BackupReminder`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct BackupReminder {
    pub reason: ReminderReason,
    /// When the newest verified backup in a backup folder was made, if any.
    pub newest_at: Option<DateTime<Utc>>,
    /// Whole days since then.
    pub days_since: Option<i64>,
    /// How many backup folders are set up.
    pub folders: u32,
    pub stale_after_days: i64,
}

/// The reminder for `session`, or `None` when there is nothing to say (or nothing for this
/// user: the reminder is the owner's, who chooses the folders).
pub fn reminder(
    store: &Store,
    session: &Session,
    kind: StoreKind,
    now: DateTime<Utc>,
) -> Result<Option<BackupReminder>> {
    if session.role() != Role::Owner || kind == StoreKind::Demo {
        return Ok(None);
    }
    let conn = store.conn();
    let folders: u32 = conn.query_row("SELECT count(*) FROM backup_targets", [], |r| r.get(0))?;
    let newest: Option<BackupRecord> = conn
        .query_row(
            &format!(
                "SELECT {RECORD_COLS} FROM backups
                 WHERE verified_at IS NOT NULL AND target_id IS NOT NULL
                 ORDER BY created_at DESC, id DESC LIMIT 1"
            ),
            [],
            record_row,
        )
        .optional()?;
    let newest_at = newest.as_ref().map(|b| b.created_at);
    let reason = if folders == 0 {
        Some(ReminderReason::NoFolder)
    } else if newest.is_none() {
        Some(ReminderReason::NeverBackedUp)
    } else if newest
        .as_ref()
        .is_some_and(|b| b.deep_check_error.is_some())
    {
        Some(ReminderReason::DeepCheckFailed)
    } else if is_stale(newest_at, now) {
        Some(ReminderReason::Stale)
    } else {
        None
    };
    Ok(reason.map(|reason| BackupReminder {
        reason,
        newest_at,
        days_since: newest_at.map(|t| (now - t).num_days()),
        folders,
        stale_after_days: STALE_AFTER_DAYS,
    }))
}
