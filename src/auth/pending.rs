//! Failed logins happen before the database can be opened (no key yet), so they wait in a small
//! file next to the store (`auth-events.json`) and move into the audit log at the next
//! successful login. Only user names that exist are kept (a password typed into the name field
//! must never be written down), and even those never in clear: each attempt is sealed to the
//! store's sealing key (`crypto::SealKey`, an X25519 sealed box). The locked store can add to the
//! file but not read it; only the open store unwraps the secret key and reads the names.
//!
//! - A store made before the sealing key (not logged into since the upgrade) has no key to seal
//!   to: its failures are kept without the name until the next login gives it one.
//! - A file in the old plaintext format (a JSON list) is read once, at the next login, and then
//!   removed with the rest; a failure before that seals its entries and so replaces it too.

use crate::{
    crypto::{atomic_write, Opener, SealKey},
    paths::PENDING_EVENTS_FILE,
    Result,
};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::path::Path;

const MAX_KEPT: usize = 1000;
const FORMAT: &str = "laoke-auth-events";
const VERSION: u32 = 2;

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct FailedLogin {
    /// `None` when the name typed is not a user of this store (or could not be sealed).
    pub username: Option<String>,
    pub at: DateTime<Utc>,
    pub method: String,
}

/// The file as written since issue 18.
#[derive(Serialize, Deserialize, Default)]
struct PendingFile {
    format: String,
    version: u32,
    /// Each a sealed box (hex) of one [`FailedLogin`] as JSON.
    #[serde(default)]
    sealed: Vec<String>,
    /// Attempts on a store that had no sealing key yet: kept without the user name.
    #[serde(default)]
    nameless: Vec<FailedLogin>,
    /// Read from an old plaintext file; never written back.
    #[serde(skip)]
    legacy: Vec<FailedLogin>,
}

impl PendingFile {
    fn len(&self) -> usize {
        self.sealed.len() + self.nameless.len() + self.legacy.len()
    }
}

fn read(dir: &Path) -> PendingFile {
    let Ok(bytes) = std::fs::read(dir.join(PENDING_EVENTS_FILE)) else {
        return PendingFile::default();
    };
    if let Ok(file) = serde_json::from_slice::<PendingFile>(&bytes) {
        if file.format == FORMAT {
            return file;
        }
    }
    PendingFile {
        legacy: serde_json::from_slice(&bytes).unwrap_or_default(),
        ..PendingFile::default()
    }
}

fn seal(key: &SealKey, event: &FailedLogin) -> String {
    let json = zeroize::Zeroizing::new(serde_json::to_vec(event).expect("plain struct"));
    hex::encode(key.seal(&json))
}

/// Add one failed attempt, sealed to `key` (the store's sealing key, if it has one).
pub(crate) fn append(dir: &Path, key: Option<&SealKey>, mut event: FailedLogin) -> Result<()> {
    let mut file = read(dir);
    let legacy = std::mem::take(&mut file.legacy);
    match key {
        Some(key) => {
            file.sealed.extend(legacy.iter().map(|e| seal(key, e)));
            file.sealed.push(seal(key, &event));
        }
        None => {
            event.username = None;
            file.nameless
                .extend(legacy.into_iter().map(|e| FailedLogin {
                    username: None,
                    ..e
                }));
            file.nameless.push(event);
        }
    }
    while file.len() > MAX_KEPT {
        if file.nameless.is_empty() {
            file.sealed.remove(0);
        } else {
            file.nameless.remove(0);
        }
    }
    file.format = FORMAT.into();
    file.version = VERSION;
    atomic_write(&dir.join(PENDING_EVENTS_FILE), &serde_json::to_vec(&file)?)
}

/// Every waiting attempt, oldest first, opened with the open store's `opener`. A sealed entry
/// that does not open (no opener, altered file) is kept as an attempt without a name, at `now`.
pub(crate) fn load(dir: &Path, opener: Option<&Opener>, now: DateTime<Utc>) -> Vec<FailedLogin> {
    let file = read(dir);
    let mut out: Vec<FailedLogin> = file
        .sealed
        .iter()
        .map(|h| {
            let opened = hex::decode(h)
                .ok()
                .zip(opener)
                .and_then(|(b, o)| o.open(&b))
                .and_then(|json| serde_json::from_slice::<FailedLogin>(&json).ok());
            opened.unwrap_or_else(|| FailedLogin {
                username: None,
                at: now,
                method: "unreadable".into(),
            })
        })
        .collect();
    out.extend(file.nameless);
    out.extend(file.legacy);
    out.sort_by_key(|e| e.at);
    out
}

pub(crate) fn clear(dir: &Path) -> Result<()> {
    match std::fs::remove_file(dir.join(PENDING_EVENTS_FILE)) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e.into()),
        _ => Ok(()),
    }
}
