//! Failed logins happen before the database can be opened (no key yet), so they wait in a small
//! file next to the store and move into the audit log at the next successful login. Only user
//! names that exist are kept (a password typed into the name field must never be written down).

use crate::{crypto::atomic_write, paths::PENDING_EVENTS_FILE, Result};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::path::Path;

const MAX_KEPT: usize = 1000;

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct FailedLogin {
    /// `None` when the name typed is not a user of this store.
    pub username: Option<String>,
    pub at: DateTime<Utc>,
    pub method: String,
}

pub(crate) fn load(dir: &Path) -> Vec<FailedLogin> {
    std::fs::read(dir.join(PENDING_EVENTS_FILE))
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .unwrap_or_default()
}

pub(crate) fn append(dir: &Path, event: FailedLogin) -> Result<()> {
    let mut events = load(dir);
    events.push(event);
    if events.len() > MAX_KEPT {
        let drop = events.len() - MAX_KEPT;
        events.drain(..drop);
    }
    atomic_write(
        &dir.join(PENDING_EVENTS_FILE),
        &serde_json::to_vec(&events)?,
    )
}

pub(crate) fn clear(dir: &Path) -> Result<()> {
    match std::fs::remove_file(dir.join(PENDING_EVENTS_FILE)) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e.into()),
        _ => Ok(()),
    }
}
