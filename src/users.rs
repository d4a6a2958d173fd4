//! Staff accounts. The owner is created at setup; only the owner adds managers and service
//! reps, disables them or resets their passwords. Each user has an own key slot: disabling a
//! user removes it, so the disabled password no longer opens the data at all.

use crate::{
    audit,
    auth::{
        login::{lookup_id, note_password_set},
        validate_password, Permission, Role, Session,
    },
    crypto::{KeyFile, SlotOwner},
    store::Store,
    time::{parse_ts, ts},
    Error, Result,
};
use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension};
use serde::Serialize;
use serde_json::json;
use zeroize::Zeroize;

/// A user to create. The password is wiped from memory when this is dropped.
pub struct NewUser {
    pub username: String,
    pub display_name: String,
    pub role: Role,
    pub password: String,
}

impl Drop for NewUser {
    fn drop(&mut self) {
        self.password.zeroize();
    }
}

#[derive(Serialize, Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct User {
    pub id: i64,
    pub username: String,
    pub display_name: String,
    pub role: Role,
    pub disabled: bool,
    pub created_at: DateTime<Utc>,
    pub last_login_at: Option<DateTime<Utc>>,
}

pub(crate) fn validate_new(new: &NewUser) -> Result<()> {
    let name = new.username.trim();
    let n = name.chars().count();
    if !(2..=32).contains(&n) || name.chars().any(char::is_whitespace) {
        return Err(Error::invalid(
            "用户名需要 2–32 个字符，不能有空格。",
            "The user name needs 2–32 characters and no spaces.",
        ));
    }
    let d = new.display_name.trim().chars().count();
    if d == 0 || d > 40 {
        return Err(Error::invalid(
            "请填写显示名称（最多 40 个字符）。",
            "Enter a display name (at most 40 characters).",
        ));
    }
    validate_password(&new.password)
}

const SELECT: &str =
    "SELECT id, username, display_name, role, disabled, created_at, last_login_at FROM users";

fn row_to_user(r: &rusqlite::Row<'_>) -> rusqlite::Result<User> {
    let role: String = r.get(3)?;
    Ok(User {
        id: r.get(0)?,
        username: r.get(1)?,
        display_name: r.get(2)?,
        role: Role::parse(&role).unwrap_or(Role::Rep),
        disabled: r.get(4)?,
        created_at: parse_ts(&r.get::<_, String>(5)?)?,
        last_login_at: r
            .get::<_, Option<String>>(6)?
            .map(|s| parse_ts(&s))
            .transpose()?,
    })
}

pub fn list(store: &Store, s: &Session) -> Result<Vec<User>> {
    s.require(Permission::ManageUsers)?;
    let mut stmt = store.conn().prepare(&format!("{SELECT} ORDER BY id"))?;
    let users = stmt
        .query_map([], row_to_user)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(users)
}

fn get(store: &Store, id: i64) -> Result<User> {
    store
        .conn()
        .query_row(&format!("{SELECT} WHERE id = ?1"), [id], row_to_user)
        .optional()?
        .ok_or_else(|| Error::not_found("找不到这个用户。", "No such user."))
}

/// Add a manager or service rep with their own password slot.
pub fn add(store: &Store, s: &Session, new: &NewUser) -> Result<User> {
    s.require(Permission::ManageUsers)?;
    validate_new(new)?;
    if new.role == Role::Owner {
        return Err(Error::invalid(
            "一个店铺只有一位店主；请添加店长或客服。",
            "A shop has one owner; add a manager or a service rep.",
        ));
    }
    let username = new.username.trim();
    let exists: bool = store.conn().query_row(
        "SELECT EXISTS(SELECT 1 FROM users WHERE username = ?1)",
        [username],
        |r| r.get(0),
    )?;
    if exists {
        return Err(Error::conflict(
            format!("用户名“{username}”已被使用。"),
            format!("The user name '{username}' is taken."),
        ));
    }
    let mut kf = KeyFile::load(store.dir())?;
    let id = store.write(|tx, now| {
        tx.execute(
            "INSERT INTO users (username, display_name, role, created_at, password_changed_at)
             VALUES (?1, ?2, ?3, ?4, ?4)",
            params![
                username,
                new.display_name.trim(),
                new.role.as_str(),
                ts(now)
            ],
        )?;
        let id = tx.last_insert_rowid();
        audit::record(
            tx,
            now,
            s.audit_actor(),
            "user_added",
            username,
            json!({"role": new.role}),
        )?;
        // The slot is saved before the commit: if saving fails, the user is not created.
        store.set_user_slot(&mut kf, id, username, &new.password)?;
        Ok(id)
    })?;
    get(store, id)
}

/// Disable (removes the key slot) or enable (needs a password set by the owner first).
pub fn set_disabled(store: &Store, s: &Session, user_id: i64, disabled: bool) -> Result<User> {
    s.require(Permission::ManageUsers)?;
    let user = get(store, user_id)?;
    if user.role == Role::Owner {
        return Err(Error::invalid(
            "店主账号不能停用。",
            "The owner account cannot be disabled.",
        ));
    }
    let mut kf = KeyFile::load(store.dir())?;
    if !disabled && !kf.has_user_slot(user_id) {
        return Err(Error::NeedsPasswordReset);
    }
    store.write(|tx, now| {
        tx.execute(
            "UPDATE users SET disabled = ?1 WHERE id = ?2",
            params![disabled, user_id],
        )?;
        let action = if disabled {
            "user_disabled"
        } else {
            "user_enabled"
        };
        audit::record(tx, now, s.audit_actor(), action, &user.username, json!({}))?;
        if disabled {
            kf.remove_slot(&SlotOwner::User {
                user_id,
                username: user.username.clone(),
            });
            kf.save(store.dir())?;
        }
        Ok(())
    })?;
    get(store, user_id)
}

/// The owner sets a new password for another user (e.g. a rep who forgot theirs).
pub fn reset_password(store: &Store, s: &Session, user_id: i64, new_password: &str) -> Result<()> {
    s.require(Permission::ManageUsers)?;
    validate_password(new_password)?;
    let user = get(store, user_id)?;
    let mut kf = KeyFile::load(store.dir())?;
    store.write(|tx, now| {
        note_password_set(
            tx,
            now,
            s.audit_actor(),
            user_id,
            &user.username,
            "password_reset",
        )?;
        store.set_user_slot(&mut kf, user_id, &user.username, new_password)
    })
}

/// Find a user id by name (for the CLI).
pub fn id_by_username(store: &Store, s: &Session, username: &str) -> Result<i64> {
    s.require(Permission::ManageUsers)?;
    lookup_id(store.conn(), username)
}
