//! The key-slot sidecar (`laoke.keys`): a small versioned JSON file, written atomically.
//! It holds no customer data: per slot, who it belongs to, the KDF parameters and salt, and
//! the data key wrapped with AES-256-GCM. The AAD binds each wrap to this store and this slot,
//! so slots cannot be swapped between stores or users. It also carries the store's sealing key
//! pair (`sealed.rs`): the public key in clear, the secret wrapped under the data key.

use super::keys::{random_bytes, DataKey, KdfParams, Kek};
use super::recovery::RecoveryKey;
use crate::{Error, Result};
use serde::{Deserialize, Serialize};
use std::path::Path;

pub const FORMAT: &str = "laoke-keyslots";
pub const VERSION: u32 = 1;

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum SlotOwner {
    /// A user's password. The user name is stored so login needs one key derivation, not one per user.
    User {
        user_id: i64,
        username: String,
    },
    Recovery,
}

#[derive(Serialize, Deserialize, Clone, Debug)]
pub struct Slot {
    pub owner: SlotOwner,
    pub kdf: KdfParams,
    #[serde(with = "hex_bytes")]
    pub salt: Vec<u8>,
    #[serde(with = "hex_bytes")]
    pub nonce: Vec<u8>,
    #[serde(with = "hex_bytes")]
    pub wrapped_key: Vec<u8>,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

#[derive(Serialize, Deserialize, Clone, Debug)]
pub struct KeyFile {
    pub format: String,
    pub version: u32,
    pub store_id: String,
    pub slots: Vec<Slot>,
    /// The sealing key pair (`sealed.rs`); absent in stores made before it, which get one at
    /// their next login. Older apps ignore the field.
    #[serde(default, rename = "sealKey", skip_serializing_if = "Option::is_none")]
    pub seal_key: Option<super::SealKey>,
}

impl KeyFile {
    pub fn new() -> Self {
        Self {
            format: FORMAT.into(),
            version: VERSION,
            store_id: hex::encode(random_bytes::<16>()),
            slots: Vec::new(),
            seal_key: None,
        }
    }

    pub fn load(dir: &Path) -> Result<Self> {
        let path = crate::paths::key_path(dir);
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(Error::StoreMissing(dir.display().to_string()))
            }
            Err(e) => return Err(e.into()),
        };
        let kf: KeyFile =
            serde_json::from_slice(&bytes).map_err(|e| Error::KeyFileCorrupt(e.to_string()))?;
        if kf.format != FORMAT {
            return Err(Error::KeyFileCorrupt("not a Laoke key file".into()));
        }
        if kf.version > VERSION {
            return Err(Error::StoreTooNew {
                found: kf.version as i64,
                supported: VERSION as i64,
            });
        }
        Ok(kf)
    }

    pub fn save(&self, dir: &Path) -> Result<()> {
        let json = serde_json::to_vec_pretty(self).map_err(|e| Error::Internal(e.to_string()))?;
        super::atomic_write(&crate::paths::key_path(dir), &json)
    }

    /// Give this key file a sealing key pair wrapped under `key`, if it has none. `true` when
    /// one was added (the caller saves the file).
    pub(crate) fn ensure_seal_key(&mut self, key: &DataKey) -> bool {
        if self.seal_key.is_some() {
            return false;
        }
        self.seal_key = Some(super::SealKey::generate(key, &self.store_id));
        true
    }

    /// What opens records sealed to this store, given its open data key.
    pub(crate) fn opener(&self, key: &DataKey) -> Option<super::Opener> {
        self.seal_key.as_ref()?.opener(key, &self.store_id)
    }

    fn aad(&self, owner: &SlotOwner) -> Vec<u8> {
        let who = match owner {
            SlotOwner::User { user_id, .. } => format!("user:{user_id}"),
            SlotOwner::Recovery => "recovery".into(),
        };
        format!("{FORMAT}/v{VERSION}/{}/{who}", self.store_id).into_bytes()
    }

    /// Add or replace the slot of `owner`, wrapping `key` under `secret`.
    pub fn set_slot(
        &mut self,
        owner: SlotOwner,
        secret: &[u8],
        key: &DataKey,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<()> {
        let kdf = KdfParams::default();
        let salt = random_bytes::<16>().to_vec();
        let kek = Kek::derive(secret, &salt, &kdf)?;
        let (nonce, wrapped_key) = kek.wrap(key, &self.aad(&owner));
        self.remove_slot(&owner);
        self.slots.push(Slot {
            owner,
            kdf,
            salt,
            nonce,
            wrapped_key,
            created_at: now,
        });
        Ok(())
    }

    pub fn remove_slot(&mut self, owner: &SlotOwner) {
        self.slots.retain(|s| !same_owner(&s.owner, owner));
    }

    pub fn user_slot(&self, username: &str) -> Option<&Slot> {
        self.slots
            .iter()
            .find(|s| matches!(&s.owner, SlotOwner::User { username: u, .. } if u.to_lowercase() == username.to_lowercase()))
    }

    pub fn has_user_slot(&self, user_id: i64) -> bool {
        self.slots
            .iter()
            .any(|s| matches!(&s.owner, SlotOwner::User { user_id: id, .. } if *id == user_id))
    }

    /// Unwrap the data key with a user's password. Wrong password or unknown user: `WrongPassword`
    /// (the same error and about the same time, so user names cannot be probed).
    pub fn open_with_password(&self, username: &str, password: &str) -> Result<(DataKey, i64)> {
        match self.user_slot(username) {
            Some(slot) => {
                let SlotOwner::User { user_id, .. } = slot.owner else {
                    unreachable!("user_slot returns user slots")
                };
                let key = self.unwrap_slot(slot, password.as_bytes())?;
                key.map(|k| (k, user_id)).ok_or(Error::WrongPassword)
            }
            None => {
                let _ = Kek::derive(password.as_bytes(), &[0u8; 16], &KdfParams::default());
                Err(Error::WrongPassword)
            }
        }
    }

    pub fn open_with_recovery(&self, key: &RecoveryKey) -> Result<DataKey> {
        let slot = self
            .slots
            .iter()
            .find(|s| s.owner == SlotOwner::Recovery)
            .ok_or(Error::BadRecoveryKey { typo: false })?;
        self.unwrap_slot(slot, key.secret())?
            .ok_or(Error::BadRecoveryKey { typo: false })
    }

    fn unwrap_slot(&self, slot: &Slot, secret: &[u8]) -> Result<Option<DataKey>> {
        let kek = Kek::derive(secret, &slot.salt, &slot.kdf)?;
        Ok(kek.unwrap(&slot.nonce, &slot.wrapped_key, &self.aad(&slot.owner)))
    }
}

impl Default for KeyFile {
    fn default() -> Self {
        Self::new()
    }
}

fn same_owner(a: &SlotOwner, b: &SlotOwner) -> bool {
    match (a, b) {
        (SlotOwner::User { user_id: x, .. }, SlotOwner::User { user_id: y, .. }) => x == y,
        (SlotOwner::Recovery, SlotOwner::Recovery) => true,
        _ => false,
    }
}

pub(super) mod hex_bytes {
    use serde::{Deserialize, Deserializer, Serializer};
    pub fn serialize<S: Serializer>(v: &[u8], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&hex::encode(v))
    }
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u8>, D::Error> {
        let s = String::deserialize(d)?;
        hex::decode(s).map_err(serde::de::Error::custom)
    }
}
