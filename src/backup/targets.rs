//! Backup targets (a USB stick, a cloud sync folder) and the record of every backup made, so
//! the app can show the last verified backup per target and warn when it is older than 3 days.
//! Also: is a folder inside a cloud sync folder? The live database must never be (a sync
//! client copying a WAL database mid-write corrupts it); backups may be.

use super::{BackupError, BackupFile};
use crate::{
    audit,
    auth::{Permission, Session},
    store::Store,
    time::{parse_opt_ts, parse_ts, ts, BadTimestamp},
    Error, Result,
};
use chrono::{DateTime, Duration, Utc};
use rusqlite::{params, OptionalExtension, Row};
use serde::Serialize;
use serde_json::json;
use std::collections::HashSet;
use std::path::Path;

/// A target without a verified backup for this long gets a warning.
pub const STALE_AFTER_DAYS: i64 = 3;

#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "BackupTarget"))]
#[serde(rename_all = "camelCase")]
pub struct Target {
    pub id: i64,
    pub path: String,
    pub label: String,
    pub added_at: DateTime<Utc>,
    pub last_ok_at: Option<DateTime<Utc>>,
    /// The error code of the last failed attempt (cleared by the next success).
    pub last_error: Option<String>,
    pub last_error_at: Option<DateTime<Utc>>,
    /// Set when the folder is inside a cloud sync folder (fine for backups; shown as a note).
    pub sync_folder: Option<String>,
}

#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct BackupRecord {
    pub id: i64,
    pub target_id: Option<i64>,
    pub path: String,
    pub size: u64,
    pub created_at: DateTime<Utc>,
    pub verified_at: Option<DateTime<Utc>>,
    pub created_by: String,
    /// The last weekly deep check of this file (full `integrity_check`, [`super::deep_check`]).
    pub deep_checked_at: Option<DateTime<Utc>>,
    /// Why that deep check failed; `None` when it passed (or never ran).
    pub deep_check_error: Option<String>,
}

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "BackupTargetStatus"))]
#[serde(rename_all = "camelCase")]
pub struct TargetStatus {
    pub target: Target,
    pub last_verified: Option<BackupRecord>,
    /// No verified backup here for [`STALE_AFTER_DAYS`] days.
    pub stale: bool,
}

fn opt_ts(s: Option<String>) -> std::result::Result<Option<DateTime<Utc>>, BadTimestamp> {
    parse_opt_ts(s.as_deref())
}

fn target_row(r: &Row) -> rusqlite::Result<Target> {
    let path: String = r.get(1)?;
    Ok(Target {
        id: r.get(0)?,
        sync_folder: sync_folder_of(Path::new(&path)).map(str::to_string),
        path,
        label: r.get(2)?,
        added_at: parse_ts(&r.get::<_, String>(3)?)?,
        last_ok_at: opt_ts(r.get(4)?)?,
        last_error: r.get(5)?,
        last_error_at: opt_ts(r.get(6)?)?,
    })
}

const TARGET_COLS: &str = "id, path, label, added_at, last_ok_at, last_error, last_error_at";
pub(crate) const RECORD_COLS: &str =
    "id, target_id, path, size, created_at, verified_at, created_by, deep_checked_at, deep_check_error";

pub(crate) fn record_row(r: &Row) -> rusqlite::Result<BackupRecord> {
    Ok(BackupRecord {
        id: r.get(0)?,
        target_id: r.get(1)?,
        path: r.get(2)?,
        size: r.get::<_, i64>(3)? as u64,
        created_at: parse_ts(&r.get::<_, String>(4)?)?,
        verified_at: opt_ts(r.get(5)?)?,
        created_by: r.get(6)?,
        deep_checked_at: opt_ts(r.get(7)?)?,
        deep_check_error: r.get(8)?,
    })
}

/// Add a backup folder (owner only). It must exist now; later it may be missing (stick out).
pub fn add_target(store: &Store, s: &Session, path: &Path, label: &str) -> Result<Target> {
    s.require(Permission::ManageSettings)?;
    if !path.is_dir() {
        return Err(Error::invalid(
            format!("找不到文件夹 {}。", path.display()),
            format!("The folder {} does not exist.", path.display()),
        ));
    }
    let canon = path.canonicalize()?;
    if canon.starts_with(store.dir().canonicalize()?) {
        return Err(Error::invalid(
            "备份不能放在数据文件夹里面：电脑坏了就一起没了。请选U盘或云盘文件夹。",
            "A backup inside the data folder is lost with the computer. Choose a USB stick or a cloud folder.",
        ));
    }
    let p = path.display().to_string();
    let id = store.write(|tx, now| {
        tx.execute(
            "INSERT INTO backup_targets (path, label, added_at) VALUES (?1, ?2, ?3)
             ON CONFLICT(path) DO UPDATE SET label = excluded.label",
            params![p, label.trim(), ts(now)],
        )?;
        let id: i64 = tx.query_row("SELECT id FROM backup_targets WHERE path = ?1", [&p], |r| {
            r.get(0)
        })?;
        audit::record(
            tx,
            now,
            s.audit_actor(),
            "backup_target_added",
            &p,
            json!({"label": label.trim()}),
        )?;
        Ok(id)
    })?;
    Ok(targets(store, s)?
        .into_iter()
        .find(|t| t.id == id)
        .expect("just added"))
}

pub fn remove_target(store: &Store, s: &Session, id: i64) -> Result<()> {
    s.require(Permission::ManageSettings)?;
    store.write(|tx, now| {
        let path: Option<String> = tx
            .query_row("SELECT path FROM backup_targets WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()?;
        let Some(path) = path else { return Ok(()) };
        tx.execute("DELETE FROM backup_targets WHERE id = ?1", [id])?;
        audit::record(
            tx,
            now,
            s.audit_actor(),
            "backup_target_removed",
            &path,
            json!({}),
        )
    })
}

pub fn targets(store: &Store, _s: &Session) -> Result<Vec<Target>> {
    let mut stmt = store.conn().prepare(&format!(
        "SELECT {TARGET_COLS} FROM backup_targets ORDER BY id"
    ))?;
    let rows = stmt
        .query_map([], target_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// The newest backups made from this store, newest first.
pub fn history(store: &Store, _s: &Session, limit: u32) -> Result<Vec<BackupRecord>> {
    let mut stmt = store.conn().prepare(&format!(
        "SELECT {RECORD_COLS} FROM backups ORDER BY created_at DESC, id DESC LIMIT ?1"
    ))?;
    let rows = stmt
        .query_map([limit], record_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// Each target with its newest verified backup; `stale` when that was made more than 3 days ago
/// (or there is none). Owner and manager (who may back up now, so needs to see where to).
pub fn status(store: &Store, s: &Session, now: DateTime<Utc>) -> Result<Vec<TargetStatus>> {
    s.require(Permission::BackUpNow)?;
    let mut out = Vec::new();
    for target in targets(store, s)? {
        let last_verified = store
            .conn()
            .query_row(
                &format!(
                    "SELECT {RECORD_COLS} FROM backups WHERE target_id = ?1 AND verified_at IS NOT NULL
                     ORDER BY created_at DESC, id DESC LIMIT 1"
                ),
                [target.id],
                record_row,
            )
            .optional()?;
        let stale = is_stale(last_verified.as_ref().map(|b| b.created_at), now);
        out.push(TargetStatus {
            target,
            last_verified,
            stale,
        });
    }
    Ok(out)
}

/// No backup, or the newest one made more than [`STALE_AFTER_DAYS`] ago.
pub(crate) fn is_stale(created_at: Option<DateTime<Utc>>, now: DateTime<Utc>) -> bool {
    match created_at {
        None => true,
        Some(t) => now - t > Duration::days(STALE_AFTER_DAYS),
    }
}

/// Paths of backups the store knows were verified (for rotation).
pub(crate) fn verified_paths(store: &Store) -> Result<HashSet<String>> {
    let mut stmt = store
        .conn()
        .prepare("SELECT path FROM backups WHERE verified_at IS NOT NULL")?;
    let rows = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// (path, verified_at) of every backup this store wrote and verified.
pub(crate) fn verified_records(
    store: &Store,
    _s: &Session,
) -> Result<Vec<(String, DateTime<Utc>)>> {
    let mut stmt = store
        .conn()
        .prepare("SELECT path, verified_at FROM backups WHERE verified_at IS NOT NULL")?;
    let rows = stmt
        .query_map([], |r| {
            Ok((r.get::<_, String>(0)?, parse_ts(&r.get::<_, String>(1)?)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// Write the outcome of one backup into `backups`, the target's status and the audit log.
pub(crate) fn record(
    store: &Store,
    s: &Session,
    target_dir: &Path,
    result: &std::result::Result<BackupFile, BackupError>,
) -> Result<()> {
    let dir = target_dir.display().to_string();
    store.write(|tx, now| {
        let target_id: Option<i64> = tx
            .query_row("SELECT id FROM backup_targets WHERE path = ?1", [&dir], |r| r.get(0))
            .optional()?;
        match result {
            Ok(b) => {
                let path = b.path.display().to_string();
                tx.execute(
                    "INSERT INTO backups (target_id, path, size, created_at, verified_at, created_by)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    params![target_id, path, b.size as i64, ts(b.created_at), ts(b.verified_at), s.username()],
                )?;
                tx.execute(
                    "UPDATE backup_targets SET last_ok_at = ?1, last_error = NULL, last_error_at = NULL WHERE id = ?2",
                    params![ts(now), target_id],
                )?;
                let detail = json!({"size": b.size, "counts": b.header.counts});
                audit::record(tx, now, s.audit_actor(), "backup_created", &path, detail)?;
                audit::record(tx, now, s.audit_actor(), "backup_verified", &path, json!({}))
            }
            Err(e) => {
                tx.execute(
                    "UPDATE backup_targets SET last_error = ?1, last_error_at = ?2 WHERE id = ?3",
                    params![e.code(), ts(now), target_id],
                )?;
                let detail = json!({"code": e.code(), "error": e.to_string()});
                audit::record(tx, now, s.audit_actor(), "backup_failed", &dir, detail)
            }
        }
    })
}

/// After a restore, the backup it came from counts as a verified backup of this store (it was
/// just decrypted and fully checked): its folder does not say "never backed up", and its date
/// (not the restore's) decides whether a new backup is due.
pub(crate) fn record_restored_from(
    tx: &rusqlite::Connection,
    now: DateTime<Utc>,
    source: &Path,
    header: &super::Header,
) -> Result<()> {
    let path = source.display().to_string();
    let dir = source
        .parent()
        .map(|d| d.display().to_string())
        .unwrap_or_default();
    let size = std::fs::metadata(source).map(|m| m.len()).unwrap_or(0);
    let target_id: Option<i64> = tx
        .query_row(
            "SELECT id FROM backup_targets WHERE path = ?1",
            [&dir],
            |r| r.get(0),
        )
        .optional()?;
    tx.execute(
        "INSERT INTO backups (target_id, path, size, created_at, verified_at, created_by)
         SELECT ?1, ?2, ?3, ?4, ?5, ?6
         WHERE NOT EXISTS (SELECT 1 FROM backups WHERE path = ?2)",
        params![
            target_id,
            path,
            size as i64,
            ts(header.created_at),
            ts(now),
            header.created_by
        ],
    )?;
    tx.execute(
        "UPDATE backup_targets SET last_ok_at = ?1
         WHERE id = ?2 AND (last_ok_at IS NULL OR last_ok_at < ?1)",
        params![ts(header.created_at), target_id],
    )?;
    Ok(())
}

/// The cloud sync client whose folder holds `path`, if any.
pub fn sync_folder_of(path: &Path) -> Option<&'static str> {
    const CLIENTS: &[(&str, &str)] = &[
        ("onedrive", "OneDrive"),
        ("mobile documents", "iCloud Drive"),
        ("icloud drive", "iCloud Drive"),
        ("iclouddrive", "iCloud Drive"),
        ("dropbox", "Dropbox"),
        ("google drive", "Google Drive"),
        ("googledrive", "Google Drive"),
        ("my drive", "Google Drive"),
        ("nutstore", "坚果云 Nutstore"),
        ("我的坚果云", "坚果云 Nutstore"),
        ("坚果云", "坚果云 Nutstore"),
        ("baidunetdisk", "百度网盘"),
        ("baidusyncdisk", "百度网盘"),
        ("百度网盘", "百度网盘"),
        ("weiyun", "腾讯微云"),
        ("微云", "腾讯微云"),
    ];
    path.components().find_map(|c| {
        let part = c.as_os_str().to_string_lossy().to_lowercase();
        CLIENTS
            .iter()
            .find(|(prefix, _)| part.starts_with(prefix) || part.contains(&format!("腾讯{prefix}")))
            .map(|(_, name)| *name)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sync_folders_are_recognised_and_ordinary_folders_are_not() {
        for (p, want) in [
            (
                "/Users/li/Library/Mobile Documents/com~apple~CloudDocs/Laoke",
                "iCloud Drive",
            ),
            ("C:\\Users\\li\\OneDrive - 小店\\Laoke", "OneDrive"),
            ("/home/li/Dropbox/laoke", "Dropbox"),
            (
                "/Users/li/Library/CloudStorage/GoogleDrive-li@example.com/My Drive",
                "Google Drive",
            ),
            ("/home/li/Nutstore Files/laoke", "坚果云 Nutstore"),
            ("D:\\BaiduNetdiskWorkspace\\laoke", "百度网盘"),
            ("D:\\BaiduSyncdisk\\laoke", "百度网盘"),
            ("D:\\腾讯微云\\laoke", "腾讯微云"),
        ] {
            let p = p.replace('\\', "/");
            assert_eq!(sync_folder_of(Path::new(&p)), Some(want), "{p}");
        }
        assert_eq!(
            sync_folder_of(Path::new("/home/li/.local/share/Laoke")),
            None
        );
        assert_eq!(sync_folder_of(Path::new("/media/li/KINGSTON")), None);
    }
}
