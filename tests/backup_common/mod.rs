//! Helpers shared by the backup tests: progress sink, table hashes, a tmpfs mount guard.

#![allow(dead_code)]

use laoke::backup::Progress;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub fn quiet() -> impl FnMut(Progress) {
    |_p: Progress| {}
}

/// SHA-256 of every row of every table (rows sorted, so the order on disk does not matter).
pub fn table_hashes(conn: &rusqlite::Connection) -> BTreeMap<String, String> {
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    tables
        .into_iter()
        .map(|t| {
            let h = rows_hash(conn, &format!("SELECT * FROM \"{t}\""));
            (t, h)
        })
        .collect()
}

pub fn rows_hash(conn: &rusqlite::Connection, sql: &str) -> String {
    let mut stmt = conn.prepare(sql).unwrap();
    let n = stmt.column_count();
    let mut rows: Vec<String> = stmt
        .query_map([], |r| {
            let mut s = String::new();
            for i in 0..n {
                let v: rusqlite::types::Value = r.get(i)?;
                s.push_str(&format!("{v:?}\u{1f}"));
            }
            Ok(s)
        })
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    rows.sort();
    let mut h = Sha256::new();
    for r in rows {
        h.update(r.as_bytes());
        h.update([0x1e]);
    }
    hex::encode(h.finalize())
}

pub fn open_raw(path: &Path, key_hex: &str) -> rusqlite::Connection {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.execute_batch(&format!("PRAGMA key = \"x'{key_hex}'\";"))
        .unwrap();
    conn
}

/// A tmpfs mounted on a temp dir (we run as root in CI); unmounted on drop.
pub struct Tmpfs(pub PathBuf);

impl Tmpfs {
    /// `None` (with a printed note) where mounting is not allowed.
    pub fn mount(dir: &Path, options: &str) -> Option<Self> {
        std::fs::create_dir_all(dir).unwrap();
        let ok = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", options, "tmpfs"])
            .arg(dir)
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if ok {
            Some(Tmpfs(dir.to_path_buf()))
        } else {
            eprintln!("note: cannot mount a tmpfs here (not root?); this check is skipped");
            None
        }
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount").arg(&self.0).status();
    }
}

/// Flip one bit of a file at `offset`.
pub fn flip_bit(path: &Path, offset: u64) {
    let mut bytes = std::fs::read(path).unwrap();
    bytes[offset as usize] ^= 0x10;
    std::fs::write(path, bytes).unwrap();
}

/// Length of everything before the first chunk.
pub fn prefix_len(path: &Path) -> u64 {
    let bytes = std::fs::read(path).unwrap();
    let header_len = u32::from_be_bytes(bytes[10..14].try_into().unwrap()) as u64;
    14 + header_len + 32
}
