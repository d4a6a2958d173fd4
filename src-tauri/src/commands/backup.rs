//! Settings → Backup & restore: backup folders, "back up now", and restoring a backup file.
//! The backup core (`laoke::backup`) does the work; restore swaps the open store and session.

use laoke::backup::{self, BackupListing, Credential, TargetStatus};
use laoke::{prefs::StoreKind, Error};
use serde::Serialize;
use std::{
    collections::BTreeMap,
    path::{Path, PathBuf},
};
use tauri::{AppHandle, State};

use super::backup_run::{back_up_now, BackupDone, BackupLane};
use crate::{
    error::CmdResult,
    state::{AppState, SessionInfo, Shell},
};

/// What Settings → Backup shows (docs/IPC.md `BackupStatus`).
#[derive(Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct BackupStatus {
    targets: Vec<TargetStatus>,
    /// The sync client (OneDrive, Dropbox …) whose folder holds the live data folder, if any.
    data_dir_sync_folder: Option<String>,
    stale_after_days: i64,
}

/// What a backup file holds, once its password opened it and every check passed.
#[derive(Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
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
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct RestoreDone {
    session: SessionInfo,
    backup: BackupSummary,
    /// The copy of the data that was replaced.
    safety_backup: String,
}

/// A new computer's store, restored from a backup (docs/IPC.md `RestoredStore`).
#[derive(Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct RestoredStore {
    session: SessionInfo,
    backup: BackupSummary,
}

/// First run on a new computer: restores a backup into the main store folder (only when no main
/// store exists there) with any user's password or the recovery key, and logs in like
/// `store_init` does (as that user; as the owner with the recovery key).
#[tauri::command]
pub async fn store_restore_backup(
    shell: State<'_, Shell>,
    file: String,
    username: Option<String>,
    password: Option<String>,
    recovery_key: Option<String>,
) -> CmdResult<RestoredStore> {
    shell
        .run(move |st| {
            let cred = match (&recovery_key, &username, &password) {
                (Some(key), _, _) if !key.trim().is_empty() => Credential::RecoveryKey(key),
                (_, Some(username), Some(password)) if !username.trim().is_empty() => {
                    Credential::Password { username, password }
                }
                _ => {
                    return Err(Error::invalid(
                        "请输入用户名和密码，或者恢复密钥。",
                        "Enter a username and password, or the recovery key.",
                    ))
                }
            };
            let file = file.trim();
            if file.is_empty() {
                return Err(Error::invalid(
                    "请选择一个备份文件。",
                    "Choose a backup file.",
                ));
            }
            st.end_session();
            let (store, session) = backup::restore_new(
                &st.data_dir,
                Path::new(file),
                &cred,
                st.clock.clone(),
                &mut |_| {},
            )?;
            let header = backup::read_header(Path::new(file))?;
            st.set_active_store(StoreKind::Main)?;
            Ok(RestoredStore {
                session: st.begin_session(StoreKind::Main, store, session),
                backup: BackupSummary::from(&header),
            })
        })
        .await
}

#[tauri::command]
pub async fn backup_targets(shell: State<'_, Shell>) -> CmdResult<BackupStatus> {
    shell
        .with_session(move |store, session| {
            Ok(BackupStatus {
                targets: backup::status(store, session, store.now())?,
                data_dir_sync_folder: backup::sync_folder_of(store.dir()).map(str::to_string),
                stale_after_days: backup::STALE_AFTER_DAYS,
            })
        })
        .await
}

/// The owner's "no recent backup" banner, or nothing (other roles, the sample shop, a recent
/// verified backup).
#[tauri::command]
pub async fn backup_reminder(shell: State<'_, Shell>) -> CmdResult<Option<backup::BackupReminder>> {
    shell
        .run(move |st| {
            let kind = st.session_store;
            let (store, session) = st.signed_in()?;
            backup::reminder(store, session, kind, store.now())
        })
        .await
}

/// USB sticks and cloud sync folders found on this computer, for the wizard and Settings.
#[tauri::command]
pub async fn backup_suggested_folders(
    shell: State<'_, Shell>,
) -> CmdResult<Vec<backup::SuggestedFolder>> {
    shell
        .with_session(move |_store, session| {
            backup::suggested_folders(session, laoke::paths::home_dir().as_deref())
        })
        .await
}

/// Adds a suggested place (or any folder the owner picked) with its own backup sub-folder.
#[tauri::command]
pub async fn backup_add_suggested(
    shell: State<'_, Shell>,
    path: String,
    name: String,
) -> CmdResult<backup::Target> {
    shell
        .with_session(move |store, session| {
            backup::add_suggested(store, session, Path::new(path.trim()), name.trim())
        })
        .await
}

#[tauri::command]
pub async fn backup_add_target(shell: State<'_, Shell>, path: String) -> CmdResult<backup::Target> {
    shell
        .with_session(move |store, session| {
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
        .with_session(move |store, session| backup::remove_target(store, session, id))
        .await
}

/// Backs up into one target, or into every target when `target_id` is absent. A target that
/// fails (stick unplugged, full) does not stop the others; its error is reported and recorded.
/// The work runs beside the app (other commands keep working) and reports `backup-progress`.
#[tauri::command]
pub async fn backup_now(app: AppHandle, target_id: Option<i64>) -> CmdResult<Vec<BackupDone>> {
    back_up_now(&app, target_id).await
}

#[tauri::command]
pub async fn backup_list(shell: State<'_, Shell>, dir: String) -> CmdResult<Vec<BackupListing>> {
    shell
        .with_session(move |store, session| {
            Ok(backup::list_known(store, session, Path::new(dir.trim()))?)
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
        .with_session(move |store, session| {
            let file = Path::new(file.trim());
            let header = backup::verify_as(store, session, file, &password, &mut |_| {})?;
            Ok(BackupSummary::from(&header))
        })
        .await
}

/// Opens and checks a backup completely (like `backup_verify`) and counts what it holds, for
/// the restore screen's preview. Decrypted only into a keyed temp file, removed afterwards.
#[tauri::command]
pub async fn backup_preview(
    shell: State<'_, Shell>,
    file: String,
    password: String,
) -> CmdResult<backup::BackupPreview> {
    shell
        .with_session(move |store, session| {
            let file = Path::new(file.trim());
            Ok(backup::preview_as(
                store,
                session,
                file,
                &password,
                &mut |_| {},
            )?)
        })
        .await
}

/// Owner only: checks the backup, makes a safety backup of the current data, swaps the backup
/// in and logs the owner into it. If the swap fails the old data stays, and the app is logged
/// out (the store was closed for the swap).
#[tauri::command]
pub async fn backup_restore(
    shell: State<'_, Shell>,
    lane: State<'_, BackupLane>,
    file: String,
    password: String,
) -> CmdResult<RestoreDone> {
    // A running backup reads the database this closes: wait for it.
    let _lane = lane.0.lock().await;
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

/// On exit: backs up into every target that has no verified backup from today (shop time zone).
/// Best effort and never blocking the exit on an error: a missing stick or a full disk is
/// recorded on the target by the core (the app warns next time) and only logged here.
pub fn backup_on_exit(st: &AppState) {
    if st.session_store != StoreKind::Main {
        return;
    }
    let Ok((store, session)) = st.signed_in_even_locked() else {
        return;
    };
    // The core says which targets (none with a verified backup today, recent failures too).
    match laoke::jobs::before_exit(store, session) {
        Err(e) => eprintln!("laoke: backup on exit skipped: {e}"),
        Ok(runs) => {
            for run in runs {
                if let Err(e) = run.result {
                    let dir = run.destination.dir.display();
                    eprintln!("laoke: backup on exit to {dir} failed: {e}");
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use laoke::{auth::Role, store::Store, users::NewUser};

    #[test]
    fn exit_backs_up_once_a_day_and_a_missing_target_does_not_stop_it() {
        let data = tempfile::tempdir().unwrap();
        let usb = tempfile::tempdir().unwrap();
        let mut st = AppState::new(data.path().to_path_buf());
        let owner = NewUser {
            username: "boss".into(),
            display_name: "Boss".into(),
            role: Role::Owner,
            password: "correct horse battery".into(),
        };
        let (store, session, _) = Store::init(data.path(), &owner, st.clock.clone()).unwrap();
        backup::add_target(&store, &session, usb.path(), "usb").unwrap();
        let gone = usb.path().join("unplugged");
        std::fs::create_dir(&gone).unwrap();
        backup::add_target(&store, &session, &gone, "gone").unwrap();
        std::fs::remove_dir(&gone).unwrap();
        st.begin_session(StoreKind::Main, store, session);

        let count = || {
            std::fs::read_dir(usb.path())
                .unwrap()
                .filter(|e| {
                    let name = e.as_ref().unwrap().file_name();
                    name.to_string_lossy().ends_with(backup::EXTENSION)
                })
                .count()
        };
        backup_on_exit(&st);
        assert_eq!(count(), 1, "the first exit of the day backs up");
        backup_on_exit(&st);
        assert_eq!(count(), 1, "a verified backup from today is enough");
        st.end_session();
    }
}
