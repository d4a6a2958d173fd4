//! Backup operations a logged-in user starts, each role-checked here in the core (the table in
//! docs/SECURITY.md, proven by tests/permissions.rs): the owner does everything; a manager may
//! back up now and see the folders' status; a service rep neither. Reading a backup (verify,
//! preview, the folder's list) and restoring are the owner's, like the backup folders.
//!
//! The automatic backups (the app's daily timer, the backup on exit) are not a person's choice
//! and run for whoever is logged in: they call [`super::prepare_run`] / [`super::run_targets`]
//! directly. A backup file opened without a store (`laoke backup verify FILE`, restore on a new
//! computer) is guarded by its own key slots instead.

use super::{
    prepare_run, preview, run_targets, verify_file, BackupError, BackupPreview, Credential,
    Destination, Header, PreparedRun, Progress, RunEvent, TargetRun,
};
use crate::{
    auth::{Permission, Session},
    store::Store,
    Error, Result,
};
use std::path::Path;

/// "Back up now" in the app: into the target `target_id`, or every target. Owner and manager.
pub fn prepare_now(
    store: &Store,
    session: &Session,
    target_id: Option<i64>,
) -> Result<PreparedRun> {
    session.require(Permission::BackUpNow)?;
    let chosen: Vec<Destination> = super::targets(store, session)?
        .iter()
        .filter(|t| target_id.unwrap_or(t.id) == t.id)
        .map(Destination::from)
        .collect();
    if chosen.is_empty() {
        return Err(Error::invalid(
            "请先添加一个备份文件夹（U盘或云盘文件夹）。",
            "Add a backup folder (a USB stick or a cloud folder) first.",
        ));
    }
    Ok(prepare_run(store, session, chosen))
}

/// `laoke backup`: back up into `destinations` now and record each outcome. Owner and manager.
pub fn run_now(
    store: &Store,
    session: &Session,
    destinations: Vec<Destination>,
    events: &mut dyn FnMut(RunEvent),
) -> Result<Vec<TargetRun>> {
    session.require(Permission::BackUpNow)?;
    Ok(run_targets(store, session, destinations, events))
}

/// Check a backup file completely with the acting user's password. Owner only.
pub fn verify_as(
    store: &Store,
    session: &Session,
    file: &Path,
    password: &str,
    progress: &mut dyn FnMut(Progress),
) -> std::result::Result<Header, BackupError> {
    session.require(Permission::ManageSettings)?;
    let cred = Credential::Password {
        username: session.username(),
        password,
    };
    verify_file(file, &cred, store.dir(), progress)
}

/// What a backup file holds, opened with the acting user's password. Owner only.
pub fn preview_as(
    store: &Store,
    session: &Session,
    file: &Path,
    password: &str,
    progress: &mut dyn FnMut(Progress),
) -> std::result::Result<BackupPreview, BackupError> {
    session.require(Permission::ManageSettings)?;
    let cred = Credential::Password {
        username: session.username(),
        password,
    };
    preview(file, &cred, store.dir(), progress)
}
