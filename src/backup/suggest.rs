//! Where a backup could go, offered by the first-run wizard and Settings → Backup so the owner
//! picks a place in one click: removable drives as the OS reports them (a USB stick, on Windows,
//! macOS and Linux alike, through `sysinfo`) and the folders of the cloud sync clients shop
//! owners use (坚果云, OneDrive, iCloud Drive, 百度网盘 …) found in the home folder, named by
//! the one list of clients in [`super::sync_folder_of`].
//!
//! A chosen place gets its own sub-folder ([`BACKUP_SUBFOLDER`]), created when it is added, so
//! the backups do not mix with the owner's files on the stick or in the cloud folder.

use super::targets::{add_target, sync_folder_of, Target};
use crate::{auth::Session, store::Store, Error, Result};
use serde::Serialize;
use std::path::{Path, PathBuf};

/// The sub-folder a suggested place gets for the backups.
pub const BACKUP_SUBFOLDER: &str = "老客备份 Laoke Backups";

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "SuggestedFolderKind"))]
#[serde(rename_all = "camelCase")]
pub enum FolderKind {
    /// A removable drive: a USB stick or card.
    Removable,
    /// A folder a cloud client keeps in sync.
    CloudSync,
}

/// One place a backup could go (docs/IPC.md `SuggestedFolder`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct SuggestedFolder {
    /// The drive's mount point or the sync folder itself.
    pub path: String,
    pub kind: FolderKind,
    /// The drive's label, or the sync client's name.
    pub name: String,
    /// Free space on the drive, when the OS says.
    pub free_bytes: Option<u64>,
    /// Where the backups would go: the place's [`BACKUP_SUBFOLDER`].
    pub backup_dir: String,
}

impl SuggestedFolder {
    fn new(path: &Path, kind: FolderKind, name: String, free_bytes: Option<u64>) -> Self {
        Self {
            path: path.display().to_string(),
            kind,
            name,
            free_bytes,
            backup_dir: path.join(BACKUP_SUBFOLDER).display().to_string(),
        }
    }
}

/// Removable drives, then cloud sync folders in `home` (and macOS's `Library/CloudStorage`,
/// `Library/Mobile Documents`). For the owner, who chooses the backup folders.
pub fn suggested_folders(s: &Session, home: Option<&Path>) -> Result<Vec<SuggestedFolder>> {
    s.require(crate::auth::Permission::ManageSettings)?;
    let mut out = removable_drives();
    if let Some(home) = home {
        out.extend(sync_folders_in(home));
    }
    Ok(out)
}

fn removable_drives() -> Vec<SuggestedFolder> {
    let disks = sysinfo::Disks::new_with_refreshed_list();
    let mut out: Vec<SuggestedFolder> = disks
        .list()
        .iter()
        .filter(|d| d.is_removable() && !d.is_read_only())
        .map(|d| {
            let path = d.mount_point();
            let name = d.name().to_string_lossy().trim().to_string();
            let name = if name.is_empty() {
                path.display().to_string()
            } else {
                name
            };
            SuggestedFolder::new(path, FolderKind::Removable, name, Some(d.available_space()))
        })
        .collect();
    out.sort_by(|a, b| a.path.cmp(&b.path));
    out.dedup_by(|a, b| a.path == b.path);
    out
}

/// The cloud sync folders among the children of `home` and of macOS's cloud-storage folders.
pub fn sync_folders_in(home: &Path) -> Vec<SuggestedFolder> {
    let mut parents = vec![
        home.to_path_buf(),
        home.join("Library").join("CloudStorage"),
    ];
    let icloud = home
        .join("Library")
        .join("Mobile Documents")
        .join("com~apple~CloudDocs");
    let mut out = Vec::new();
    if icloud.is_dir() {
        out.push(sync_entry(icloud, "iCloud Drive"));
    }
    for parent in parents.drain(..) {
        let Ok(entries) = std::fs::read_dir(&parent) else {
            continue;
        };
        let mut found: Vec<SuggestedFolder> = entries
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| p.is_dir())
            .filter_map(|p| {
                let name = p.file_name()?.to_string_lossy().into_owned();
                let client = sync_folder_of(Path::new(&name))?;
                Some(sync_entry(p, client))
            })
            .collect();
        found.sort_by(|a, b| a.path.cmp(&b.path));
        out.extend(found);
    }
    out
}

fn sync_entry(path: PathBuf, client: &str) -> SuggestedFolder {
    SuggestedFolder::new(&path, FolderKind::CloudSync, client.to_string(), None)
}

/// Add a suggested place as a backup folder (owner): its [`BACKUP_SUBFOLDER`] is created and
/// added, labelled with the place's name.
pub fn add_suggested(store: &Store, s: &Session, place: &Path, name: &str) -> Result<Target> {
    s.require(crate::auth::Permission::ManageSettings)?;
    if !place.is_dir() {
        return Err(Error::invalid(
            format!("找不到 {}：U盘是否已拔出？", place.display()),
            format!(
                "{} is not there. Is the USB stick unplugged?",
                place.display()
            ),
        ));
    }
    let dir = place.join(BACKUP_SUBFOLDER);
    std::fs::create_dir_all(&dir).map_err(|e| {
        Error::invalid(
            format!("无法在 {} 里建立备份文件夹：{e}", place.display()),
            format!(
                "Could not make the backup folder in {}: {e}",
                place.display()
            ),
        )
    })?;
    add_target(store, s, &dir, name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sync_folders_in_the_home_folder_are_found_and_ordinary_folders_are_not() {
        let home = tempfile::tempdir().unwrap();
        for d in [
            "OneDrive - 小店",
            "我的坚果云",
            "Documents",
            "BaiduSyncdisk",
        ] {
            std::fs::create_dir(home.path().join(d)).unwrap();
        }
        let cloud = home
            .path()
            .join("Library/Mobile Documents/com~apple~CloudDocs");
        std::fs::create_dir_all(&cloud).unwrap();
        let found = sync_folders_in(home.path());
        let names: Vec<(&str, String)> = found
            .iter()
            .map(|f| {
                let leaf = Path::new(&f.path)
                    .file_name()
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                (f.name.as_str(), leaf)
            })
            .collect();
        assert_eq!(
            names,
            vec![
                ("iCloud Drive", "com~apple~CloudDocs".to_string()),
                ("百度网盘", "BaiduSyncdisk".to_string()),
                ("OneDrive", "OneDrive - 小店".to_string()),
                ("坚果云 Nutstore", "我的坚果云".to_string()),
            ]
        );
        assert!(found.iter().all(|f| f.kind == FolderKind::CloudSync));
    }
}
