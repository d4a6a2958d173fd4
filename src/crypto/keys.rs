//! The data key, password-derived key-encryption keys and the AES-GCM wrap of one by the other.

use aes_gcm::{
    aead::{Aead, KeyInit, Payload},
    Aes256Gcm, Nonce,
};
use argon2::{Algorithm, Argon2, Params, Version};
use rand::RngCore;
use serde::{Deserialize, Serialize};
use zeroize::{Zeroize, Zeroizing};

/// The key the database is encrypted with. Not `Clone`, not `Debug`-printable, not serialisable;
/// zeroised on drop.
pub struct DataKey(Zeroizing<[u8; 32]>);

impl DataKey {
    pub fn generate() -> Self {
        let mut k = Zeroizing::new([0u8; 32]);
        rand::rngs::OsRng.fill_bytes(k.as_mut());
        Self(k)
    }

    /// The `PRAGMA key` statement SQLCipher expects for a raw 256-bit key (no SQLCipher KDF).
    pub fn sqlcipher_pragma(&self) -> Zeroizing<String> {
        let hex = Zeroizing::new(hex::encode(self.0.as_ref()));
        Zeroizing::new(format!("PRAGMA key = \"x'{}'\";", hex.as_str()))
    }

    /// Hex of the raw key, for an owner who wants to open the file with another SQLCipher client.
    pub fn to_hex(&self) -> Zeroizing<String> {
        Zeroizing::new(hex::encode(self.0.as_ref()))
    }

    /// The raw key bytes, for deriving a backup's payload key (never stored or shown).
    pub(crate) fn bytes(&self) -> &[u8; 32] {
        &self.0
    }

    /// A second handle on the same key, for work that runs apart from the open store
    /// (a backup on another thread). Zeroised on drop like the first.
    pub(crate) fn duplicate(&self) -> Self {
        Self(Zeroizing::new(*self.0))
    }

    fn from_bytes(bytes: &[u8]) -> Option<Self> {
        let mut k = Zeroizing::new([0u8; 32]);
        if bytes.len() != 32 {
            return None;
        }
        k.copy_from_slice(bytes);
        Some(Self(k))
    }
}

impl std::fmt::Debug for DataKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DataKey(<redacted>)")
    }
}

/// Argon2id cost, stored in each slot so old slots keep opening after the defaults change.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub struct KdfParams {
    pub alg: KdfAlg,
    /// Memory in KiB.
    pub m_kib: u32,
    pub t: u32,
    pub p: u32,
}

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum KdfAlg {
    Argon2id,
}

impl Default for KdfParams {
    /// 64 MiB, 3 passes, 1 lane: about 0.2–0.3 s on a 2-core laptop (see docs/SECURITY.md).
    fn default() -> Self {
        Self {
            alg: KdfAlg::Argon2id,
            m_kib: 64 * 1024,
            t: 3,
            p: 1,
        }
    }
}

/// A key-encryption key derived from a password or recovery key.
pub(crate) struct Kek(Zeroizing<[u8; 32]>);

impl Kek {
    pub(crate) fn derive(secret: &[u8], salt: &[u8], params: &KdfParams) -> crate::Result<Self> {
        let p = Params::new(params.m_kib, params.t, params.p, Some(32))
            .map_err(|e| crate::Error::KeyFileCorrupt(format!("kdf params: {e}")))?;
        let mut out = Zeroizing::new([0u8; 32]);
        Argon2::new(Algorithm::Argon2id, Version::V0x13, p)
            .hash_password_into(secret, salt, out.as_mut())
            .map_err(|e| crate::Error::Internal(format!("argon2: {e}")))?;
        Ok(Self(out))
    }

    pub(crate) fn wrap(&self, key: &DataKey, aad: &[u8]) -> (Vec<u8>, Vec<u8>) {
        let mut nonce = [0u8; 12];
        rand::rngs::OsRng.fill_bytes(&mut nonce);
        let cipher = Aes256Gcm::new_from_slice(self.0.as_ref()).expect("32-byte key");
        let wrapped = cipher
            .encrypt(
                Nonce::from_slice(&nonce),
                Payload {
                    msg: key.0.as_ref(),
                    aad,
                },
            )
            .expect("AES-GCM encryption of 32 bytes cannot fail");
        (nonce.to_vec(), wrapped)
    }

    /// `None` when the password is wrong (or the slot was tampered with).
    pub(crate) fn unwrap(&self, nonce: &[u8], wrapped: &[u8], aad: &[u8]) -> Option<DataKey> {
        if nonce.len() != 12 {
            return None;
        }
        let cipher = Aes256Gcm::new_from_slice(self.0.as_ref()).ok()?;
        let mut plain = cipher
            .decrypt(Nonce::from_slice(nonce), Payload { msg: wrapped, aad })
            .ok()?;
        let key = DataKey::from_bytes(&plain);
        plain.zeroize();
        key
    }
}

pub(crate) fn random_bytes<const N: usize>() -> [u8; N] {
    let mut b = [0u8; N];
    rand::rngs::OsRng.fill_bytes(&mut b);
    b
}
