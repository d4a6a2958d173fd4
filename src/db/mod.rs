//! The one place that opens SQLCipher connections and sets their PRAGMAs, and the migration
//! runner. Every connection to a store goes through [`open`].
//!
//! Settings and why (measured on this 2-core machine, see docs/SECURITY.md):
//! - `PRAGMA key` with the raw 256-bit data key (`x'…'`): SQLCipher 4 defaults otherwise
//!   (AES-256-CBC + HMAC-SHA512 per page), so any SQLCipher 4 client given the raw key opens it.
//! - `journal_mode = WAL`: readers never block the writer; the WAL is encrypted like the DB.
//! - `synchronous = FULL`: a committed write survives a power cut (nothing is lost).
//! - `temp_store = MEMORY`: sorts and temp tables never reach disk, encrypted or not.
//! - `cache_size = -262144` (256 MiB): SQLCipher decrypts every page it reads; with the default
//!   2 MB cache a 1M-row GROUP BY is up to 7× slower than plain SQLite, with 256 MiB on par.
//!   It is an upper bound, not an allocation: memory is used only as pages are read.
//! - `foreign_keys = ON`, `busy_timeout = 5000` ms (the CLI and app may touch the same store).
//!
//! [`multirow`] holds the multi-row INSERT the batched writers share.

mod migrations;
pub(crate) mod multirow;

pub use migrations::{migrate, schema_version, MIGRATIONS};

use crate::{crypto::DataKey, Error, Result};
use rusqlite::Connection;
use std::path::Path;

/// Page cache in KiB (negative = KiB for SQLite).
pub const CACHE_KIB: i64 = 256 * 1024;

/// Open (or create) the encrypted database at `path` with `key`, apply the connection
/// settings and check that the key really opens it.
pub fn open(path: &Path, key: &DataKey) -> Result<Connection> {
    let conn = Connection::open(path)?;
    apply_key(&conn, key)?;
    // The first real read fails with "file is not a database" when the key is wrong.
    conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
        r.get::<_, i64>(0)
    })
    .map_err(|_| Error::KeyFileCorrupt("the data key does not open the database".into()))?;
    configure(&conn)?;
    Ok(conn)
}

/// Wait until SQLCipher has finished its one-time start-up in this process.
///
/// SQLite runs SQLCipher's start-up hook (`SQLITE_EXTRA_INIT`) *after* it marks itself
/// initialised and releases its init mutex. A second thread opening a database in that window
/// gets an initialised SQLite but an unready SQLCipher, and its `PRAGMA key` fails with
/// "An error occurred with PRAGMA key or rekey" (reproduced here: 8 threads opening their first
/// database at once fail about once in 300 process starts). So the first keying in a process
/// keys a throwaway in-memory database until SQLCipher accepts it; every later caller waits
/// on the same `OnceLock` and finds SQLCipher ready.
fn sqlcipher_ready() {
    static READY: std::sync::OnceLock<()> = std::sync::OnceLock::new();
    READY.get_or_init(|| {
        for _ in 0..2000 {
            let keyed = Connection::open_in_memory()
                .and_then(|c| c.execute_batch("PRAGMA key = 'laoke-start-up';"));
            if keyed.is_ok() {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
        // Still not ready after two seconds: let the real keying report its own error.
    });
}

/// Key a fresh connection with the raw data key and make SQLCipher set up its codec now.
pub fn apply_key(conn: &Connection, key: &DataKey) -> rusqlite::Result<()> {
    sqlcipher_ready();
    conn.execute_batch(&key.sqlcipher_pragma())?;
    conn.query_row("PRAGMA cipher_version", [], |r| {
        r.get::<_, Option<String>>(0)
    })
    .map(|_| ())
}

fn configure(conn: &Connection) -> Result<()> {
    conn.execute_batch(&format!(
        "PRAGMA temp_store = MEMORY;
         PRAGMA journal_mode = WAL;
         PRAGMA synchronous = FULL;
         PRAGMA foreign_keys = ON;
         PRAGMA busy_timeout = 5000;
         PRAGMA cache_size = -{CACHE_KIB};"
    ))?;
    Ok(())
}

/// Run `f` in one transaction: all of it lands or none of it does.
pub fn in_tx<T>(
    conn: &Connection,
    f: impl FnOnce(&rusqlite::Transaction) -> Result<T>,
) -> Result<T> {
    let tx = rusqlite::Transaction::new_unchecked(conn, rusqlite::TransactionBehavior::Immediate)?;
    let out = f(&tx)?;
    tx.commit()?;
    Ok(out)
}
