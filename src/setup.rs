//! Creating a store: the folder (only the OS account may read it), the database, the owner,
//! the default settings and the recovery key, in that order, with the key file written last so
//! a folder without it is known debris of an interrupted setup.
//!
//! Why here and not in `store.rs`: creating the owner needs users, sessions and settings, which
//! all build on the store; keeping it out of the store keeps the module graph a stack
//! (tests/layering.rs). Callers still write [`Store::init`].

use crate::{
    audit,
    auth::{Role, Session},
    clock::SharedClock,
    crypto::{DataKey, KeyFile, RecoveryKey, SlotOwner},
    paths::db_path,
    settings,
    store::{ts, Store},
    users::NewUser,
    Error, Result,
};
use rusqlite::params;
use serde_json::json;
use std::path::{Path, PathBuf};

impl Store {
    /// Create a new store in `dir` with `owner` as its owner. Returns the open store, the
    /// owner's session and the recovery key, which is shown once and never stored in clear.
    pub fn init(
        dir: &Path,
        owner: &NewUser,
        clock: SharedClock,
    ) -> Result<(Store, Session, RecoveryKey)> {
        crate::users::validate_new(owner)?;
        if Store::exists(dir) {
            return Err(Error::StoreExists(dir.display().to_string()));
        }
        let is_new_folder = !dir.exists();
        std::fs::create_dir_all(dir)?;
        if is_new_folder {
            restrict_to_owner(dir)?;
        }
        remove_setup_debris(dir)?;
        let store = Store::create_with_key(dir, DataKey::generate(), clock)?;
        let session = store.write(|tx, now| {
            tx.execute(
                "INSERT INTO users (username, display_name, role, created_at, last_login_at, password_changed_at)
                 VALUES (?1, ?2, 'owner', ?3, ?3, ?3)",
                params![owner.username.trim(), owner.display_name.trim(), ts(now)],
            )?;
            let id = tx.last_insert_rowid();
            settings::write_defaults(tx, now)?;
            let session = Session::new(id, owner.username.trim().into(), owner.display_name.trim().into(), Role::Owner);
            audit::record(tx, now, session.audit_actor(), "store_created", "", json!({}))?;
            audit::record(tx, now, session.audit_actor(), "user_added", session.username(), json!({"role": "owner"}))?;
            audit::record(tx, now, session.audit_actor(), "login", "", json!({"method": "setup"}))?;
            Ok(session)
        })?;
        let recovery = RecoveryKey::generate();
        let mut kf = KeyFile::new();
        let now = store.now();
        kf.set_slot(
            SlotOwner::User {
                user_id: session.user_id(),
                username: session.username().into(),
            },
            owner.password.as_bytes(),
            store.data_key(),
            now,
        )?;
        kf.set_slot(
            SlotOwner::Recovery,
            recovery.secret(),
            store.data_key(),
            now,
        )?;
        kf.ensure_seal_key(store.data_key());
        kf.save(dir)?;
        Ok((store, session, recovery))
    }
}

/// Only the OS account that owns the store may list or read its folder (defence in depth:
/// everything in it is encrypted anyway).
fn restrict_to_owner(dir: &Path) -> Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))?;
    }
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// A database without a key file is an interrupted setup: nobody can open it, so it goes.
fn remove_setup_debris(dir: &Path) -> Result<()> {
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let p = PathBuf::from(format!("{}{suffix}", db_path(dir).display()));
        if p.exists() {
            std::fs::remove_file(p)?;
        }
    }
    Ok(())
}
