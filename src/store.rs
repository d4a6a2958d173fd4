//! An open, unlocked store: the folder, its SQLCipher connection and the data key in memory.
//!
//! A store folder holds `laoke.db` (+ its WAL), `laoke.keys` (the key slots) and a few
//! non-secret files. `laoke.keys` is written last at creation, so a folder without it holds at
//! most the debris of an interrupted setup, which [`Store::init`] clears.

use crate::{
    audit,
    auth::{self, FailedLogin, Role, Session},
    clock::SharedClock,
    crypto::{DataKey, KeyFile, RecoveryKey, SlotOwner},
    db,
    paths::{db_path, key_path},
    settings,
    users::NewUser,
    Error, Result,
};
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde_json::json;
use std::path::{Path, PathBuf};

pub struct Store {
    dir: PathBuf,
    conn: Connection,
    key: DataKey,
    clock: SharedClock,
}

/// UTC timestamp as stored in the database.
pub fn ts(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

/// Parse a stored timestamp.
pub fn parse_ts(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s)
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_default()
}

impl Store {
    /// Whether `dir` holds a store (its key file exists).
    pub fn exists(dir: &Path) -> bool {
        key_path(dir).is_file()
    }

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
        let key = DataKey::generate();
        let conn = db::open(&db_path(dir), &key)?;
        db::migrate(&conn)?;
        let store = Store {
            dir: dir.to_path_buf(),
            conn,
            key,
            clock,
        };
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
            &store.key,
            now,
        )?;
        kf.set_slot(SlotOwner::Recovery, recovery.secret(), &store.key, now)?;
        kf.save(dir)?;
        Ok((store, session, recovery))
    }

    /// Open the store with a user's password.
    pub fn login(
        dir: &Path,
        username: &str,
        password: &str,
        clock: SharedClock,
    ) -> Result<(Store, Session)> {
        let kf = KeyFile::load(dir)?;
        let username = username.trim();
        let (key, user_id) = match kf.open_with_password(username, password) {
            Ok(ok) => ok,
            Err(Error::WrongPassword) => {
                let known = kf.user_slot(username).map(|_| username.to_string());
                auth::pending_append(
                    dir,
                    FailedLogin {
                        username: known,
                        at: clock.now(),
                        method: "password".into(),
                    },
                )?;
                return Err(Error::WrongPassword);
            }
            Err(e) => return Err(e),
        };
        let store = Store::open_with_key(dir, key, clock)?;
        let session = store.start_session(user_id, Some(username), "password")?;
        Ok((store, session))
    }

    /// Open the store with the recovery key and give `username` a new password.
    pub fn recover(
        dir: &Path,
        recovery_key: &str,
        username: &str,
        new_password: &str,
        clock: SharedClock,
    ) -> Result<(Store, Session)> {
        auth::validate_password(new_password)?;
        let kf = KeyFile::load(dir)?;
        let rk = RecoveryKey::parse(recovery_key)?;
        let key = match kf.open_with_recovery(&rk) {
            Ok(k) => k,
            Err(e) => {
                auth::pending_append(
                    dir,
                    FailedLogin {
                        username: None,
                        at: clock.now(),
                        method: "recovery_key".into(),
                    },
                )?;
                return Err(e);
            }
        };
        let store = Store::open_with_key(dir, key, clock)?;
        let user_id = crate::users::lookup_id(&store.conn, username)?;
        let mut kf = kf;
        store.set_user_slot(&mut kf, user_id, username.trim(), new_password)?;
        store.write(|tx, now| {
            let actor = audit::Actor {
                id: Some(user_id),
                name: username.trim(),
            };
            crate::users::note_password_set(
                tx,
                now,
                actor,
                user_id,
                username.trim(),
                "password_recovered",
            )
        })?;
        let session = store.start_session(user_id, None, "recovery_key")?;
        Ok((store, session))
    }

    pub(crate) fn open_with_key(dir: &Path, key: DataKey, clock: SharedClock) -> Result<Store> {
        let path = db_path(dir);
        if !path.is_file() {
            return Err(Error::StoreMissing(dir.display().to_string()));
        }
        let conn = db::open(&path, &key)?;
        db::migrate(&conn)?;
        Ok(Store {
            dir: dir.to_path_buf(),
            conn,
            key,
            clock,
        })
    }

    /// Check the user may log in, write the waiting failed logins and this login to the audit log.
    pub(crate) fn start_session(
        &self,
        user_id: i64,
        slot_username: Option<&str>,
        method: &str,
    ) -> Result<Session> {
        let row: Option<(String, String, String, bool)> = self
            .conn
            .query_row(
                "SELECT username, display_name, role, disabled FROM users WHERE id = ?1",
                [user_id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .optional()?;
        let Some((username, display_name, role, disabled)) = row else {
            return Err(Error::WrongPassword);
        };
        if slot_username.is_some_and(|s| !s.eq_ignore_ascii_case(&username)) {
            return Err(Error::WrongPassword);
        }
        let role =
            Role::parse(&role).ok_or_else(|| Error::Internal(format!("unknown role {role}")))?;
        let session = Session::new(user_id, username, display_name, role);
        let pending = auth::pending_load(&self.dir);
        self.write(|tx, now| {
            for f in &pending {
                let name = f.username.as_deref().unwrap_or("?");
                audit::record(
                    tx,
                    f.at,
                    audit::Actor { id: None, name },
                    "login_failed",
                    name,
                    json!({"method": f.method}),
                )?;
            }
            if disabled {
                audit::record(
                    tx,
                    now,
                    session.audit_actor(),
                    "login_refused_disabled",
                    "",
                    json!({}),
                )?;
            } else {
                tx.execute(
                    "UPDATE users SET last_login_at = ?1 WHERE id = ?2",
                    params![ts(now), user_id],
                )?;
                audit::record(
                    tx,
                    now,
                    session.audit_actor(),
                    "login",
                    "",
                    json!({"method": method}),
                )?;
            }
            Ok(())
        })?;
        auth::pending_clear(&self.dir)?;
        if disabled {
            return Err(Error::UserDisabled);
        }
        Ok(session)
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    pub fn clock(&self) -> &SharedClock {
        &self.clock
    }

    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }

    /// The data key, for backups (which are encrypted under a key derived from it).
    pub(crate) fn data_key(&self) -> &DataKey {
        &self.key
    }

    /// Run one write transaction with the current time.
    pub(crate) fn write<T>(
        &self,
        f: impl FnOnce(&Transaction, DateTime<Utc>) -> Result<T>,
    ) -> Result<T> {
        let now = self.now();
        db::in_tx(&self.conn, |tx| f(tx, now))
    }

    /// Give a user a (new) password slot and save the key file atomically.
    pub(crate) fn set_user_slot(
        &self,
        kf: &mut KeyFile,
        user_id: i64,
        username: &str,
        password: &str,
    ) -> Result<()> {
        kf.set_slot(
            SlotOwner::User {
                user_id,
                username: username.into(),
            },
            password.as_bytes(),
            &self.key,
            self.now(),
        )?;
        kf.save(&self.dir)
    }

    /// The raw SQLCipher key as hex, for opening the file with another SQLCipher 4 client.
    /// Owner only, and audited.
    pub fn export_raw_key(&self, session: &Session) -> Result<zeroize::Zeroizing<String>> {
        session.require(crate::auth::Permission::ManageSettings)?;
        self.write(|tx, now| {
            audit::record(
                tx,
                now,
                session.audit_actor(),
                "raw_key_exported",
                "",
                json!({}),
            )
        })?;
        Ok(self.key.to_hex())
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
