//! An open, unlocked store: the folder, its SQLCipher connection and the data key in memory.
//!
//! A store folder holds `laoke.db` (+ its WAL), `laoke.keys` (the key slots) and a few
//! non-secret files. `laoke.keys` is written last at creation, so a folder without it holds at
//! most the debris of an interrupted setup, which [`Store::init`] clears.
//!
//! This file only holds the open handle; it knows nothing of users or
//! roles, so every module can build on it. Creating a store and its owner is
//! [`crate::setup`]; opening it as a person (password, recovery key, sessions) is
//! [`crate::auth::login`] — both as `impl Store` blocks, so callers still write `Store::login`.

use crate::{
    clock::SharedClock,
    crypto::{DataKey, KeyFile, SlotOwner},
    db,
    paths::{db_path, key_path},
    Error, Result,
};
use chrono::{DateTime, Utc};
use rusqlite::{Connection, Transaction};
use std::path::{Path, PathBuf};

pub struct Store {
    dir: PathBuf,
    conn: Connection,
    key: DataKey,
    clock: SharedClock,
}

/// The timestamp codec lives in [`crate::time`]; `store::ts` stays as a re-export because
/// most writers import it with the [`Store`].
pub use crate::time::ts;

impl Store {
    /// Whether `dir` holds a store (its key file exists).
    pub fn exists(dir: &Path) -> bool {
        key_path(dir).is_file()
    }

    pub(crate) fn open_with_key(dir: &Path, key: DataKey, clock: SharedClock) -> Result<Store> {
        if !db_path(dir).is_file() {
            return Err(Error::StoreMissing(dir.display().to_string()));
        }
        Store::create_with_key(dir, key, clock)
    }

    /// Open (creating it if missing) the database in `dir` with `key` and migrate it. Only
    /// setup ([`crate::setup`]) calls this for a folder without a database.
    pub(crate) fn create_with_key(dir: &Path, key: DataKey, clock: SharedClock) -> Result<Store> {
        let conn = db::open(&db_path(dir), &key)?;
        db::migrate(&conn)?;
        Ok(Store {
            dir: dir.to_path_buf(),
            conn,
            key,
            clock,
        })
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
}
