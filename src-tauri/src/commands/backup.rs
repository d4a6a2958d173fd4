//! Settings → Backup & restore: backup folders, "back up now", and restoring a backup file.
//! The backup core (`laoke::backup`) does the work; restore swaps the open store and session.

use laoke::backup::{self, BackupListing, Credential, TargetStatus};
use laoke::Error;
use serde::Serialize;
use std::{
    collections::BTreeMap,
    path::{Path, PathBuf},
};
use tauri::State;

use crate::{
    error::CmdResult,
    state::{SessionInfo, Shell},
};

/// What Settings → Backup shows (docs/IPC.md `BackupStatus`).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BackupStatus {
    targets: Vec<TargetStatus>,
    /// The sync client (OneDrive, Dropbox …) whose folder holds the live data folder, if any.
    data_dir_sync_folder: Option<String>,
    stale_after_days: i64,
}

/// A backup that was written and read back (docs/IPC.md `BackupDone`).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BackupDone {
    target_id: i64,
    path: Option<String>,
    size: Option<u64>,
    /// Why this target failed (already in the UI's language).
    error: Option<String>,
}

/// What a backup file holds, once its password opened it and every check passed.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BackupSummary {
    created_at: chrono::DateTime<chrono::Utc>,
    created_by: String,
    app_version: String,
    counts: BTreeMap<String, u64>,
}

impl From<&backup::Header> for BackupSummary {
    fn from(h: &backup::Header) -> Self {
        Self {
            created_at: h.created_at,
            created_by: h.created_by.clone(),
            app_version: h.app_version.clone(),
            counts: h.counts.clone(),
        }
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RestoreDone {
    session: SessionInfo,
    backup: BackupSummary,
    /// The copy of the data that was replaced.
    safety_backup: String,
}

#[tauri::command]
pub async fn backup_targets(shell: State<'_, Shell>) -> CmdResult<BackupStatus> {
    shell
        .run(|st| {
            let (store, session) = st.signed_in()?;
            Ok(BackupStatus {
                targets: backup::status(store, session, store.now())?,
                data_dir_sync_folder: backup::sync_folder_of(store.dir()).map(str::to_string),
                stale_after_days: backup::STALE_AFTER_DAYS,
            })
        })
        .await
}

#[tauri::command]
pub async fn backup_add_target(shell: State<'_, Shell>, path: String) -> CmdResult<backup::Target> {
    shell
        .run(move |st| {
            let (store, session) = st.signed_in()?;
            let path = PathBuf::from(path.trim());
            let label = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| path.display().to_string());
            backup::add_target(store, session, &path, &label)
        })
        .await
}

#[tauri::command]
pub async fn backup_remove_target(shell: State<'_, Shell>, id: i64) -> CmdResult<()> {
    shell
        .run(move |st| {
            let (store, session) = st.signed_in()?;
            backup::remove_target(store, session, id)
        })
        .await
}

/// Backs up into one target, or into every target when `target_id` is absent. A target that
/// fails (stick unplugged, full) does not stop the others; its error is reported and recorded.
#[tauri::command]
pub async fn backup_now(
    shell: State<'_, Shell>,
    target_id: Option<i64>,
) -> CmdResult<Vec<BackupDone>> {
    shell
        .run(move |st| {
            let lang = st.prefs.language;
            let (store, session) = st.signed_in()?;
            let targets: Vec<_> = backup::targets(store, session)?
                .into_iter()
                .filter(|t| target_id.unwrap_or(t.id) == t.id)
                .collect();
            if targets.is_empty() {
                return Err(Error::invalid(
                    "请先添加一个备份文件夹（U盘或云盘文件夹）。",
                    "Add a backup folder (a USB stick or a cloud folder) first.",
                ));
            }
            let mut done = Vec::new();
            for t in targets {
                let result = backup::create(store, session, Path::new(&t.path), &mut |_| {});
                done.push(match result {
                    Ok(file) => BackupDone {
                        target_id: t.id,
                        path: Some(file.path.display().to_string()),
                        size: Some(file.size),
                        error: None,
                    },
                    Err(e) => BackupDone {
                        target_id: t.id,
                        path: None,
                        size: None,
                        error: Some(Error::from(e).message(lang)),
                    },
                });
            }
            Ok(done)
        })
        .await
}

#[tauri::command]
pub async fn backup_list(shell: State<'_, Shell>, dir: String) -> CmdResult<Vec<BackupListing>> {
    shell
        .run(move |st| {
            st.signed_in()?;
            Ok(backup::list(Path::new(dir.trim()))?)
        })
        .await
}

/// Opens and checks a backup completely with the current user's name and the given password.
#[tauri::command]
pub async fn backup_verify(
    shell: State<'_, Shell>,
    file: String,
    password: String,
) -> CmdResult<BackupSummary> {
    shell
        .run(move |st| {
            let (store, session) = st.signed_in()?;
            let cred = Credential::Password {
                username: session.username(),
                password: &password,
            };
            let header =
                backup::verify_file(Path::new(file.trim()), &cred, store.dir(), &mut |_| {})?;
            Ok(BackupSummary::from(&header))
        })
        .await
}

/// Owner only: checks the backup, makes a safety backup of the current data, swaps the backup
/// in and logs the owner into it. If the swap fails the old data stays, and the app is logged
/// out (the store was closed for the swap).
#[tauri::command]
pub async fn backup_restore(
    shell: State<'_, Shell>,
    file: String,
    password: String,
) -> CmdResult<RestoreDone> {
    shell
        .run(move |st| {
            let kind = st.session_store;
            let (store, session) = st.signed_in()?;
            let cred = Credential::Password {
                username: session.username(),
                password: &password,
            };
            let prepared = backup::prepare_restore(
                store,
                session,
                Path::new(file.trim()),
                &cred,
                &mut |_| {},
            )?;
            let summary = BackupSummary::from(prepared.header());
            let safety_backup = prepared.safety_backup().path.display().to_string();
            let store = st.store.take().expect("signed in");
            st.session = None;
            st.locked = false;
            st.idle_lock_minutes = 0;
            let (store, session) = backup::apply_restore(store, prepared)?;
            Ok(RestoreDone {
                session: st.begin_session(kind, store, session),
                backup: summary,
                safety_backup,
            })
        })
        .await
}
