//! Helpers shared by the backup tests: progress sink, table hashes, a tmpfs mount guard (run
//! unprivileged in a user and mount namespace, see [`mount_here_or_rerun`]).

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

/// Set in the re-run of a test inside a user and mount namespace ([`mount_here_or_rerun`]).
const IN_NAMESPACE: &str = "LAOKE_TEST_IN_MOUNT_NAMESPACE";

fn try_mount(dir: &Path, options: &str) -> bool {
    std::fs::create_dir_all(dir).unwrap();
    std::process::Command::new("mount")
        .args(["-t", "tmpfs", "-o", options, "tmpfs"])
        .arg(dir)
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// A tmpfs mounted on a temp dir; unmounted on drop. Call [`mount_here_or_rerun`] first: it
/// makes sure a mount works where the test goes on.
pub struct Tmpfs(pub PathBuf);

impl Tmpfs {
    pub fn mount(dir: &Path, options: &str) -> Self {
        assert!(
            try_mount(dir, options),
            "mounting a tmpfs on {} worked a moment ago",
            dir.display()
        );
        Tmpfs(dir.to_path_buf())
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount").arg(&self.0).status();
    }
}

/// For the tests that need a small or read-only file system (a tmpfs). Returns true when the
/// test should go on in this process: it may mount (root, as in CI), or it is the re-run.
/// Otherwise (an unprivileged user) the test `test` is run again in a new user and mount
/// namespace (`unshare --user --map-root-user --mount`, which Linux allows unprivileged users
/// by default), where it may mount; its result is this test's result, and false is returned.
/// Where namespaces are not allowed either the test is skipped, said on stderr past the test
/// harness's capture (so `cargo test` shows it, in CI too), and false is returned.
pub fn mount_here_or_rerun(test: &str) -> bool {
    if std::env::var_os(IN_NAMESPACE).is_some() {
        return true;
    }
    let probe = tempfile::tempdir().unwrap();
    if try_mount(probe.path(), "size=64k") {
        let _ = std::process::Command::new("umount")
            .arg(probe.path())
            .status();
        return true;
    }
    let out = std::process::Command::new("unshare")
        .args(["--user", "--map-root-user", "--mount", "--"])
        .arg(std::env::current_exe().unwrap())
        .args(["--exact", test, "--test-threads=1", "--nocapture"])
        .env(IN_NAMESPACE, "1")
        .output();
    let skip = |why: String| {
        use std::io::Write;
        let _ = writeln!(
            std::io::stderr(),
            "SKIPPED {test}: no tmpfs can be mounted here (not root, and {why})"
        );
        false
    };
    let out = match out {
        Ok(o) => o,
        Err(e) => return skip(format!("unshare cannot run: {e}")),
    };
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    if out.status.success() && stdout.contains("1 passed") {
        return false;
    }
    if stdout.contains("test result:") {
        panic!("{test} failed in a user and mount namespace:\n{stdout}\n{stderr}");
    }
    skip(format!("no user namespace: {}", stderr.trim()))
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
