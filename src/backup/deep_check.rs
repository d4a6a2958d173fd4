//! The weekly deep check: once a week the newest verified backup in a backup folder is decrypted
//! with the store's own key into a temp file in the data folder (still SQLCipher-encrypted, no
//! plaintext on disk) and run through SQLite's full `integrity_check` and the row counts its
//! header promises. The check made when a backup is written (a `quick_check` of the snapshot
//! and an authenticated read-back of every chunk) stays as it is: it meets the 15 s goal, and
//! this one runs in the background, beside the app.
//!
//! A file that fails is recorded on its row (`backups.deep_check_error`), audited, and the
//! owner's reminder ([`super::reminder`]) says so. A folder that is not there (USB stick out)
//! is simply tried again on a later tick: that says nothing about the backup.

use super::{
    restore::decrypt_to_temp,
    snapshot::check_db,
    targets::{record_row, BackupRecord, RECORD_COLS},
    BackupError, Progress,
};
use crate::{
    audit,
    auth::Session,
    crypto::DataKey,
    store::Store,
    time::{parse_opt_ts, ts},
    Result,
};
use chrono::{DateTime, Duration, Utc};
use rusqlite::{params, OptionalExtension};
use serde_json::json;
use std::path::{Path, PathBuf};

/// A deep check runs when none ran for this many days.
pub const DEEP_CHECK_EVERY_DAYS: i64 = 7;

/// The newest backup, taken from the store, ready to be checked on another thread.
pub struct DeepCheck {
    record: BackupRecord,
    key: DataKey,
    work_dir: PathBuf,
}

/// The deep check due now: the newest verified backup in a backup folder, when no deep check
/// ran in the last [`DEEP_CHECK_EVERY_DAYS`] days and its file is reachable.
pub fn deep_check_due(store: &Store, now: DateTime<Utc>) -> Result<Option<DeepCheck>> {
    let conn = store.conn();
    let last: Option<String> =
        conn.query_row("SELECT max(deep_checked_at) FROM backups", [], |r| r.get(0))?;
    if let Some(last) = parse_opt_ts(last.as_deref())? {
        if now - last < Duration::days(DEEP_CHECK_EVERY_DAYS) {
            return Ok(None);
        }
    }
    let newest = conn
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
    Ok(newest
        .filter(|b| Path::new(&b.path).is_file())
        .map(|record| DeepCheck {
            record,
            key: store.data_key().duplicate(),
            work_dir: store.dir().to_path_buf(),
        }))
}

impl DeepCheck {
    /// The backup being checked.
    pub fn backup(&self) -> &BackupRecord {
        &self.record
    }

    /// Decrypt and run the full check (the temp copy is removed whatever happens).
    pub fn run(&self, progress: &mut dyn FnMut(Progress)) -> std::result::Result<(), BackupError> {
        let (header, tmp) = decrypt_to_temp(
            Path::new(&self.record.path),
            &self.key,
            &self.work_dir,
            progress,
        )?;
        check_db(tmp.path(), &self.key, &header.counts, true)
    }
}

/// Did the check say something about the file? A missing stick or a read error does not: the
/// check is tried again later and nothing is recorded.
pub fn is_verdict(outcome: &std::result::Result<(), BackupError>) -> bool {
    matches!(
        outcome,
        Ok(())
            | Err(BackupError::Damaged(_) | BackupError::VerifyFailed(_) | BackupError::NotABackup)
    )
}

/// Record a verdict on the backup's row and in the audit log. Outcomes that are no verdict
/// ([`is_verdict`]) are left out.
pub fn record_deep_check(
    store: &Store,
    session: &Session,
    check: &DeepCheck,
    outcome: &std::result::Result<(), BackupError>,
) -> Result<()> {
    if !is_verdict(outcome) {
        return Ok(());
    }
    let error = outcome.as_ref().err().map(|e| e.to_string());
    let path = check.record.path.clone();
    let id = check.record.id;
    store.write(|tx, now| {
        tx.execute(
            "UPDATE backups SET deep_checked_at = ?1, deep_check_error = ?2 WHERE id = ?3",
            params![ts(now), error, id],
        )?;
        let (action, detail) = match &error {
            None => ("backup_deep_checked", json!({})),
            Some(e) => ("backup_deep_check_failed", json!({ "error": e })),
        };
        audit::record(tx, now, session.audit_actor(), action, &path, detail)
    })
}

/// Run the deep check if one is due and record it (the CLI's `laoke backup deep-check` and
/// tests; the app runs the steps on a worker thread).
pub fn run_deep_check_if_due(
    store: &Store,
    session: &Session,
) -> Result<Option<(BackupRecord, std::result::Result<(), BackupError>)>> {
    let Some(check) = deep_check_due(store, store.now())? else {
        return Ok(None);
    };
    let outcome = check.run(&mut |_| {});
    record_deep_check(store, session, &check, &outcome)?;
    Ok(Some((check.record, outcome)))
}
