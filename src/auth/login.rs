//! Opening the store as a person: with a password or the recovery key, then a [`Session`]
//! after checking the account is enabled, with the failed attempts that could not be written
//! while the store was locked (`pending.rs`, sealed to the store's key) and the login itself
//! written to the audit log. A store without a sealing key pair gets one here.
//! Also the owner's raw-key export, which hands out what a login protects.
//!
//! These are `impl Store` blocks (callers write `Store::login`), kept here so `store.rs` knows
//! nothing of users and roles and the module graph stacks (tests/layering.rs).

use super::{
    pending_append, pending_clear, pending_load, validate_password, FailedLogin, Permission, Role,
    Session,
};
use crate::{
    audit,
    clock::SharedClock,
    crypto::{KeyFile, RecoveryKey},
    store::{ts, Store},
    Error, Result,
};
use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension};
use serde_json::json;
use std::path::Path;

impl Store {
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
                pending_append(
                    dir,
                    kf.seal_key.as_ref(),
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
        validate_password(new_password)?;
        let kf = KeyFile::load(dir)?;
        let rk = RecoveryKey::parse(recovery_key)?;
        let key = match kf.open_with_recovery(&rk) {
            Ok(k) => k,
            Err(e) => {
                pending_append(
                    dir,
                    kf.seal_key.as_ref(),
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
        let user_id = lookup_id(store.conn(), username)?;
        let mut kf = kf;
        store.set_user_slot(&mut kf, user_id, username.trim(), new_password)?;
        store.write(|tx, now| {
            let actor = audit::Actor {
                id: Some(user_id),
                name: username.trim(),
            };
            note_password_set(
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

    /// Check the user may log in, write the waiting failed logins and this login to the audit log.
    pub(crate) fn start_session(
        &self,
        user_id: i64,
        slot_username: Option<&str>,
        method: &str,
    ) -> Result<Session> {
        let row: Option<(String, String, String, bool)> = self
            .conn()
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
        let mut kf = KeyFile::load(self.dir())?;
        let opener = kf.opener(self.data_key());
        let pending = pending_load(self.dir(), opener.as_ref(), self.now());
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
        pending_clear(self.dir())?;
        // A store from before the sealing key (or whose key no longer opens) gets a new one.
        if opener.is_none() {
            kf.seal_key = None;
        }
        if kf.ensure_seal_key(self.data_key()) {
            kf.save(self.dir())?;
        }
        if disabled {
            return Err(Error::UserDisabled);
        }
        Ok(session)
    }

    /// The raw SQLCipher key as hex, for opening the file with another SQLCipher 4 client.
    /// Owner only, and audited.
    pub fn export_raw_key(&self, session: &Session) -> Result<zeroize::Zeroizing<String>> {
        session.require(Permission::ManageSettings)?;
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
        Ok(self.data_key().to_hex())
    }
}

/// Record that a user got a new password: the time on the user row and one audit row.
/// Call inside the transaction that goes with the new key slot.
pub(crate) fn note_password_set(
    conn: &rusqlite::Connection,
    now: DateTime<Utc>,
    actor: audit::Actor<'_>,
    user_id: i64,
    username: &str,
    action: &str,
) -> Result<()> {
    conn.execute(
        "UPDATE users SET password_changed_at = ?1 WHERE id = ?2",
        params![ts(now), user_id],
    )?;
    audit::record(conn, now, actor, action, username, json!({}))
}

/// The id of `username`, or a not-found error naming it. No permission check: callers check.
pub(crate) fn lookup_id(conn: &rusqlite::Connection, username: &str) -> Result<i64> {
    conn.query_row(
        "SELECT id FROM users WHERE username = ?1",
        [username.trim()],
        |r| r.get(0),
    )
    .optional()?
    .ok_or_else(|| {
        Error::not_found(
            format!("没有用户名为“{username}”的用户。"),
            format!("There is no user named '{username}'."),
        )
    })
}
