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

/// The user's home folder (where cloud sync clients keep their folders), if the OS says.
pub fn home_dir() -> Option<PathBuf> {
    directories::BaseDirs::new().map(|d| d.home_dir().to_path_buf())
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

/// In the default folder, after the data was moved elsewhere ([`crate::datadir::move_data_dir`]):
/// `{"dataDir": "…"}`, the folder that now holds the store.
pub const LOCATION_FILE: &str = "location.json";

#[derive(serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Location {
    pub data_dir: PathBuf,
}

/// The store folder for the default folder `home`: where its location file points, else `home`.
pub fn resolve_data_dir(home: &Path) -> PathBuf {
    std::fs::read(home.join(LOCATION_FILE))
        .ok()
        .and_then(|b| serde_json::from_slice::<Location>(&b).ok())
        .map(|l| l.data_dir)
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or_else(|| home.to_path_buf())
}

/// The store folder the app and the CLI open: [`default_data_dir`], followed to where the data
/// was moved, if it was.
pub fn data_dir() -> PathBuf {
    resolve_data_dir(&default_data_dir())
}
