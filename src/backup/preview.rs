//! "What is in this backup?" before restoring it: the owner sees how many customers and orders
//! (and, once those features exist, tickets and the points-ledger balance) the file holds, from
//! the file itself after every check passed — not from the header's promise alone.
//!
//! The backup is decrypted into a SQLCipher temp file keyed with the backup's own data key (so
//! no plaintext touches the disk), fully checked (`integrity_check`, row counts) and counted;
//! the temp file is removed when the preview returns.

use super::{open_backup, snapshot, BackupError, Credential, Progress};
use chrono::{DateTime, Utc};
use rusqlite::Connection;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::Path;

/// What a verified backup holds. Counts of tables the backup does not have are `None`
/// (a backup made before orders existed has no orders table — not zero orders).
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct BackupPreview {
    pub created_at: DateTime<Utc>,
    pub created_by: String,
    pub app_version: String,
    pub schema_version: i64,
    /// Customers not deleted.
    pub customers: u64,
    pub orders: Option<u64>,
    pub tickets: Option<u64>,
    /// Sum of all points in the points ledger (earned minus redeemed, expired …).
    pub points_balance: Option<i64>,
    pub users: u64,
    /// Rows per table, as checked.
    pub counts: BTreeMap<String, u64>,
}

/// Open `file` with `cred`, check it completely and count what it holds.
pub fn preview(
    file: &Path,
    cred: &Credential<'_>,
    work_dir: &Path,
    progress: &mut dyn FnMut(Progress),
) -> Result<BackupPreview, BackupError> {
    let opened = open_backup(file, cred, work_dir, progress)?;
    let conn = snapshot::open_keyed(opened.db_path(), &opened.key)?;
    let h = &opened.header;
    let live = if has_column(&conn, "customers", "deleted_at")? {
        " WHERE deleted_at IS NULL"
    } else {
        ""
    };
    let count = |table: &str, filter: &str| -> Result<Option<u64>, BackupError> {
        if !has_table(&conn, table)? {
            return Ok(None);
        }
        let n: i64 = conn.query_row(&format!("SELECT count(*) FROM {table}{filter}"), [], |r| {
            r.get(0)
        })?;
        Ok(Some(n as u64))
    };
    // Backups from before the loyalty migration (schema < 7) have no ledger: shown as "—".
    let points_balance = if has_table(&conn, "points_ledger")? {
        Some(conn.query_row(
            "SELECT coalesce(sum(delta), 0) FROM points_ledger",
            [],
            |r| r.get::<_, i64>(0),
        )?)
    } else {
        None
    };
    Ok(BackupPreview {
        created_at: h.created_at,
        created_by: h.created_by.clone(),
        app_version: h.app_version.clone(),
        schema_version: h.schema_version,
        customers: count("customers", live)?.unwrap_or(0),
        orders: count("orders", "")?,
        tickets: count("tickets", "")?,
        points_balance,
        users: count("users", "")?.unwrap_or(0),
        counts: h.counts.clone(),
    })
}

fn has_table(conn: &Connection, table: &str) -> Result<bool, BackupError> {
    let n: i64 = conn.query_row(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?1",
        [table],
        |r| r.get(0),
    )?;
    Ok(n > 0)
}

fn has_column(conn: &Connection, table: &str, column: &str) -> Result<bool, BackupError> {
    let n: i64 = conn.query_row(
        "SELECT count(*) FROM pragma_table_info(?1) WHERE name = ?2",
        [table, column],
        |r| r.get(0),
    )?;
    Ok(n > 0)
}
