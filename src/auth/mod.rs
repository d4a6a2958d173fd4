//! Who is acting, and what they may do. Roles are enforced here, in the core: every function
//! that touches shop data calls [`Session::require`] before it reads or writes, so a front end
//! that forgets to hide a button still cannot do what the role does not allow.
//!
//! A [`Session`] can only be made by this crate (by logging in), so a caller cannot claim to
//! be someone else.
//!
//! - [`login`]: opening the store with a password or the recovery key, starting a session.
//! - `pending`: failed logins kept until the store is open to audit them.
//! - `role`: roles and what each may do.

pub mod login;
mod pending;
mod role;

pub use pending::FailedLogin;
pub use role::{Permission, Role};

use crate::{audit, crypto::KeyFile, i18n::Msg, store::Store, Error, Result};
use serde_json::json;

/// The user a call acts for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    user_id: i64,
    username: String,
    display_name: String,
    role: Role,
}

impl Session {
    pub(crate) fn new(user_id: i64, username: String, display_name: String, role: Role) -> Self {
        Self {
            user_id,
            username,
            display_name,
            role,
        }
    }

    pub fn user_id(&self) -> i64 {
        self.user_id
    }
    pub fn username(&self) -> &str {
        &self.username
    }
    pub fn display_name(&self) -> &str {
        &self.display_name
    }
    pub fn role(&self) -> Role {
        self.role
    }

    /// Refuse with a clear message unless this user's role has `p`.
    pub fn require(&self, p: Permission) -> Result<()> {
        if self.role.can(p) {
            Ok(())
        } else {
            let (zh, en) = p.describe();
            Err(Error::Forbidden(Msg::new(
                format!("{}没有权限{zh}。", self.role.label_zh()),
                format!("A {} may not {en}.", self.role.label_en()),
            )))
        }
    }

    pub(crate) fn audit_actor(&self) -> audit::Actor<'_> {
        audit::Actor {
            id: Some(self.user_id),
            name: &self.username,
        }
    }
}

/// Passwords: at least 8 characters, not only spaces. Length beats rules for a shop's staff.
pub fn validate_password(password: &str) -> Result<()> {
    if password.chars().count() < 8 || password.trim().is_empty() {
        return Err(Error::invalid(
            "密码至少需要 8 个字符。",
            "The password needs at least 8 characters.",
        ));
    }
    if password.chars().count() > 256 {
        return Err(Error::invalid(
            "密码太长（最多 256 个字符）。",
            "The password is too long (at most 256 characters).",
        ));
    }
    Ok(())
}

/// The lock screen is up; the store stays open so the work behind it is kept.
pub fn lock(store: &Store, session: &Session) -> Result<()> {
    store.write(|tx, now| audit::record(tx, now, session.audit_actor(), "lock", "", json!({})))
}

/// Check the current user's password to lift the lock screen. Failures are audited.
pub fn unlock(store: &Store, session: &Session, password: &str) -> Result<()> {
    let kf = KeyFile::load(store.dir())?;
    let ok = kf.open_with_password(session.username(), password).is_ok();
    let action = if ok { "unlock" } else { "unlock_failed" };
    store.write(|tx, now| audit::record(tx, now, session.audit_actor(), action, "", json!({})))?;
    if ok {
        Ok(())
    } else {
        Err(Error::WrongPassword)
    }
}

/// Log out and close the store (the data key is zeroised as the store drops).
pub fn logout(store: Store, session: Session) -> Result<()> {
    store
        .write(|tx, now| audit::record(tx, now, session.audit_actor(), "logout", "", json!({})))?;
    drop(store);
    Ok(())
}

/// Change one's own password: rewrites this user's key slot only, never the database.
pub fn change_own_password(store: &Store, session: &Session, old: &str, new: &str) -> Result<()> {
    validate_password(new)?;
    let mut kf = KeyFile::load(store.dir())?;
    if kf.open_with_password(session.username(), old).is_err() {
        store.write(|tx, now| {
            audit::record(
                tx,
                now,
                session.audit_actor(),
                "password_change_failed",
                "",
                json!({}),
            )
        })?;
        return Err(Error::WrongPassword);
    }
    store.set_user_slot(&mut kf, session.user_id(), session.username(), new)?;
    store.write(|tx, now| {
        login::note_password_set(
            tx,
            now,
            session.audit_actor(),
            session.user_id(),
            session.username(),
            "password_changed",
        )
    })
}

pub(crate) use pending::{append as pending_append, clear as pending_clear, load as pending_load};
