//! What is in a backup folder, from the headers alone (no password): date, size, app version,
//! who made it and what it holds. Cloud sync conflict copies are recognised and flagged.

use super::{format, parse_backup_name, BackupError, Header, EXTENSION};
use chrono::{DateTime, Utc};
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct BackupListing {
    pub path: PathBuf,
    pub file_name: String,
    pub size: u64,
    pub created_at: Option<DateTime<Utc>>,
    pub app_version: Option<String>,
    pub schema_version: Option<i64>,
    pub created_by: Option<String>,
    pub store_id: Option<String>,
    pub counts: BTreeMap<String, u64>,
    /// A copy made by a sync client (OneDrive, Dropbox, 坚果云 …) when two computers wrote.
    pub conflict_copy: bool,
    /// Why the header could not be read (damaged, not a backup, newer format).
    pub problem: Option<String>,
    pub problem_code: Option<String>,
    /// When this store recorded the file as written and verified ([`list_known`] only).
    pub verified_at: Option<DateTime<Utc>>,
}

/// [`list`], with each file this store made and verified marked (`verified_at`). Owner only,
/// like restoring (the list is where a restore starts).
pub fn list_known(
    store: &crate::store::Store,
    session: &crate::auth::Session,
    dir: &Path,
) -> Result<Vec<BackupListing>, BackupError> {
    session.require(crate::auth::Permission::ManageSettings)?;
    let mut files = list(dir)?;
    let known = super::targets::verified_records(store, session)?;
    for f in &mut files {
        let canon = f.path.canonicalize().unwrap_or_else(|_| f.path.clone());
        f.verified_at = known.iter().find_map(|(path, at)| {
            let p = Path::new(path);
            (p.canonicalize().unwrap_or_else(|_| p.to_path_buf()) == canon).then_some(*at)
        });
    }
    Ok(files)
}

/// The header of one backup file (no password needed).
pub fn read_header(path: &Path) -> Result<Header, BackupError> {
    let mut r = std::io::BufReader::new(std::fs::File::open(path)?);
    Ok(format::read_prefix(&mut r)?.0)
}

/// Every `.laokebak` file in `dir`, newest first (files without a readable date last).
pub fn list(dir: &Path) -> Result<Vec<BackupListing>, BackupError> {
    if !dir.is_dir() {
        return Err(BackupError::TargetMissing(dir.to_path_buf()));
    }
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        let Some(name) = path
            .file_name()
            .and_then(|n| n.to_str())
            .map(str::to_string)
        else {
            continue;
        };
        let is_backup = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case(EXTENSION));
        if !is_backup || name.starts_with('.') || !path.is_file() {
            continue;
        }
        let size = entry.metadata().map(|m| m.len()).unwrap_or(0);
        let mut l = BackupListing {
            conflict_copy: is_conflict_copy(&name),
            path,
            file_name: name,
            size,
            created_at: None,
            app_version: None,
            schema_version: None,
            created_by: None,
            store_id: None,
            counts: BTreeMap::new(),
            problem: None,
            problem_code: None,
            verified_at: None,
        };
        match read_header(&l.path) {
            Ok(h) => {
                l.created_at = Some(h.created_at);
                l.app_version = Some(h.app_version);
                l.schema_version = Some(h.schema_version);
                l.created_by = Some(h.created_by);
                l.store_id = Some(h.store_id);
                l.counts = h.counts;
            }
            Err(e) => {
                l.problem = Some(e.to_string());
                l.problem_code = Some(e.code().to_string());
            }
        }
        out.push(l);
    }
    out.sort_by(|a, b| {
        b.created_at
            .cmp(&a.created_at)
            .then(a.file_name.cmp(&b.file_name))
    });
    Ok(out)
}

/// `… (1).laokebak`, `… conflicted copy …`, `…-冲突…`, `… (Case Conflict)…`, or any other
/// name that starts like ours but was changed.
pub fn is_conflict_copy(name: &str) -> bool {
    let lower = name.to_lowercase();
    let numbered = lower
        .strip_suffix(".laokebak")
        .and_then(|s| s.strip_suffix(')'))
        .and_then(|s| s.rsplit_once(" ("))
        .is_some_and(|(_, n)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
    numbered
        || lower.contains("conflict")
        || lower.contains("冲突")
        || (lower.starts_with("laoke-") && parse_backup_name(name).is_none())
}

/// Temp files of backups that were cut off (power cut, stick pulled) and are over an hour old.
pub(crate) fn remove_stale_temp_files(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if !(name.starts_with(".laoke-") && name.ends_with(".laokebak.tmp")) {
            continue;
        }
        // File ages are measured against the file system's own clock, not the shop's.
        #[allow(clippy::disallowed_methods)]
        let age = e
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|m| std::time::SystemTime::now().duration_since(m).ok());
        if age.is_some_and(|a| a.as_secs() > 3600) {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cloud_conflict_copies_are_recognised() {
        for name in [
            "laoke-20260301-100000-1a2b3c4d (1).laokebak",
            "laoke-20260301-100000-1a2b3c4d (Bob's conflicted copy 2026-03-02).laokebak",
            "laoke-20260301-100000-1a2b3c4d-冲突-1.laokebak",
            "laoke-20260301-100000-1a2b3c4d (Case Conflict).laokebak",
            "laoke-20260301-100000-1a2b3c4d-DESKTOP-7QK.laokebak",
        ] {
            assert!(is_conflict_copy(name), "{name} is a conflict copy");
        }
        assert!(!is_conflict_copy("laoke-20260301-100000-1a2b3c4d.laokebak"));
        assert!(!is_conflict_copy(
            "laoke-20260301-100000-1a2b3c4d-2.laokebak"
        ));
    }
}
