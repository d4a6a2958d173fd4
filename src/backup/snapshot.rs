//! A consistent copy of the live database, taken with SQLite's online backup API.
//!
//! The copy is read through a second connection inside one read transaction, so it is one
//! point in time while the app's own connection keeps writing (WAL lets a writer and readers
//! work side by side). The destination is keyed with the same data key *before* the backup
//! starts: SQLCipher copies pages only into a keyed destination (rusqlite's
//! `Connection::backup(path)` fails on an encrypted source and leaves an empty file), and so
//! the temp file is as encrypted as the store itself.

use super::{BackupError, Phase, Progress, TempFile};
use crate::{crypto::DataKey, db, paths::db_path};
use rusqlite::{backup::StepResult, Connection};
use std::collections::BTreeMap;
use std::path::Path;

/// Pages copied per step; between steps the source lock is released for other connections.
const PAGES_PER_STEP: i32 = 4096;

pub(crate) struct Snapshot {
    pub file: TempFile,
    pub counts: BTreeMap<String, u64>,
    pub schema_version: i64,
}

pub(crate) fn take(
    store_dir: &Path,
    key: &DataKey,
    progress: &mut dyn FnMut(Progress),
) -> Result<Snapshot, BackupError> {
    let src = db::open(&db_path(store_dir), key)?;
    // One read transaction: the counts and every copied page come from the same instant.
    src.execute_batch("BEGIN")?;
    let counts = table_counts(&src)?;
    let schema_version = db::schema_version(&src)?;
    let page_size = pragma_u64(&src, "page_size")?;
    let file = TempFile::in_dir(store_dir, "snapshot");
    let mut dst = open_keyed(file.path(), key)?;
    dst.execute_batch(
        "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -16384;",
    )?;
    {
        let backup = rusqlite::backup::Backup::new(&src, &mut dst)?;
        loop {
            let step = backup.step(PAGES_PER_STEP)?;
            let p = backup.progress();
            let total = p.pagecount.max(0) as u64 * page_size;
            let done = (p.pagecount - p.remaining).max(0) as u64 * page_size;
            progress(Progress::new(Phase::Snapshot, done, total));
            match step {
                StepResult::Done => break,
                StepResult::More => {}
                _ => std::thread::sleep(std::time::Duration::from_millis(20)),
            }
        }
    }
    src.execute_batch("COMMIT")?;
    drop(dst);
    Ok(Snapshot {
        file,
        counts,
        schema_version,
    })
}

/// An integer PRAGMA (SQLCipher reports some of them as text).
pub(crate) fn pragma_u64(conn: &Connection, name: &str) -> Result<u64, BackupError> {
    let v: rusqlite::types::Value = conn.query_row(&format!("PRAGMA {name}"), [], |r| r.get(0))?;
    Ok(match v {
        rusqlite::types::Value::Integer(i) => i.max(0) as u64,
        rusqlite::types::Value::Text(t) => t.trim().parse().unwrap_or(4096),
        _ => 4096,
    })
}

/// Open a SQLCipher file with `key`, without the store's WAL settings (for temp copies).
pub(crate) fn open_keyed(path: &Path, key: &DataKey) -> Result<Connection, BackupError> {
    let conn = Connection::open(path)?;
    crate::db::apply_key(&conn, key)?;
    conn.execute_batch("PRAGMA temp_store = MEMORY;")?;
    Ok(conn)
}

/// Rows per table (every table, so tables added by later migrations are counted too).
pub(crate) fn table_counts(conn: &Connection) -> Result<BTreeMap<String, u64>, BackupError> {
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut counts = BTreeMap::new();
    for t in tables {
        let n: i64 = conn.query_row(&format!("SELECT count(*) FROM \"{t}\""), [], |r| r.get(0))?;
        counts.insert(t, n as u64);
    }
    Ok(counts)
}

/// Is the copy a whole database with the rows the header promises? `thorough` runs
/// `integrity_check`; otherwise `quick_check`, which checks every page, b-tree and record but
/// not that each index matches its table (a fault of the live store that `laoke verify` finds;
/// about half the time on a 1 GB store).
pub(crate) fn check_db(
    path: &Path,
    key: &DataKey,
    expected: &BTreeMap<String, u64>,
    thorough: bool,
) -> Result<(), BackupError> {
    let pragma = if thorough {
        "integrity_check"
    } else {
        "quick_check"
    };
    let conn = open_keyed(path, key)?;
    conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
        r.get::<_, i64>(0)
    })
    .map_err(|_| BackupError::VerifyFailed("the key does not open the database".into()))?;
    let lines: Vec<String> = conn
        .prepare(&format!("PRAGMA {pragma}"))?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()
        .map_err(|e| BackupError::VerifyFailed(format!("{pragma}: {e}")))?;
    if lines != ["ok"] {
        return Err(BackupError::VerifyFailed(format!(
            "{pragma}: {}",
            lines.join("; ")
        )));
    }
    let counts = table_counts(&conn)?;
    if &counts != expected {
        return Err(BackupError::VerifyFailed(format!(
            "row counts differ: header {expected:?}, file {counts:?}"
        )));
    }
    Ok(())
}
