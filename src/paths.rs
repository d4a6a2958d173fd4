//! Where a store lives. The OS app-data folder by default, overridable with `LAOKE_DATA_DIR`
//! (and `--data-dir` in the CLI) so tests and scripts never touch the real one.

use std::path::{Path, PathBuf};

pub const DATA_DIR_ENV: &str = "LAOKE_DATA_DIR";
/// The encrypted database file inside a store folder.
pub const DB_FILE: &str = "laoke.db";
/// The key-slot sidecar inside a store folder.
pub const KEY_FILE: &str = "laoke.keys";
/// Failed logins waiting to be written into the audit log at the next successful login.
pub const PENDING_EVENTS_FILE: &str = "auth-events.json";

/// The default store folder: `$LAOKE_DATA_DIR`, else the OS app-data folder
/// (`~/.local/share/Laoke`, `%APPDATA%\Laoke\data`, `~/Library/Application Support/com.laoke.app`).
pub fn default_data_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|d| !d.is_empty()) {
        return PathBuf::from(dir);
    }
    directories::ProjectDirs::from("com", "laoke", "Laoke")
        .map(|p| p.data_dir().to_path_buf())
        .unwrap_or_else(|| PathBuf::from("laoke-data"))
}

/// The demo store sits beside the real one so the two never mix.
pub fn demo_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("demo")
}

pub fn db_path(dir: &Path) -> PathBuf {
    dir.join(DB_FILE)
}

pub fn key_path(dir: &Path) -> PathBuf {
    dir.join(KEY_FILE)
}
