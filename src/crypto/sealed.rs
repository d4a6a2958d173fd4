//! The store's sealing key: an X25519 key pair whose public half sits in the key file, so small
//! records can be sealed (libsodium's anonymous "sealed box", `crypto_box::PublicKey::seal`)
//! while the store is still locked — the failed logins (`auth::pending`) — and read only once it
//! is open: the secret half is wrapped with AES-256-GCM under a key derived from the data key,
//! which only a password or the recovery key unwraps.
//!
//! Old stores have no key pair; the first login after the upgrade makes one
//! (`Store::start_session`).

use super::keys::{random_bytes, DataKey};
use aes_gcm::{
    aead::{Aead, KeyInit, Payload},
    Aes256Gcm, Nonce,
};
use crypto_box::{aead::OsRng, PublicKey, SecretKey};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

const WRAP_LABEL: &[u8] = b"laoke-seal-key-v1";

/// The key pair as stored in `laoke.keys` (`sealKey`): the public key in clear, the secret key
/// wrapped. Holds no secret in clear; cloning copies only the wrapped form.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct SealKey {
    #[serde(with = "hex32")]
    pub public: [u8; 32],
    #[serde(with = "super::keyfile::hex_bytes")]
    pub nonce: Vec<u8>,
    #[serde(with = "super::keyfile::hex_bytes")]
    pub wrapped_secret: Vec<u8>,
}

impl SealKey {
    /// A new key pair whose secret is wrapped under `data_key`, bound to this store's id.
    pub(crate) fn generate(data_key: &DataKey, store_id: &str) -> Self {
        let secret = SecretKey::generate(&mut OsRng);
        let public = secret.public_key().to_bytes();
        let bytes = Zeroizing::new(secret.to_bytes());
        let nonce = random_bytes::<12>().to_vec();
        let wrapped_secret = wrap_cipher(data_key)
            .encrypt(
                Nonce::from_slice(&nonce),
                Payload {
                    msg: bytes.as_ref(),
                    aad: &aad(store_id, &public),
                },
            )
            .expect("AES-GCM encryption of 32 bytes cannot fail");
        Self {
            public,
            nonce,
            wrapped_secret,
        }
    }

    /// Seal `plaintext` so that only the open store can read it.
    pub(crate) fn seal(&self, plaintext: &[u8]) -> Vec<u8> {
        PublicKey::from_bytes(self.public)
            .seal(&mut OsRng, plaintext)
            .expect("sealing to a valid public key cannot fail")
    }

    /// The secret half, unwrapped with the open store's data key. `None` when the key file's
    /// entry does not belong to this data key (tampered, or from another store).
    pub(crate) fn opener(&self, data_key: &DataKey, store_id: &str) -> Option<Opener> {
        if self.nonce.len() != 12 {
            return None;
        }
        let plain = Zeroizing::new(
            wrap_cipher(data_key)
                .decrypt(
                    Nonce::from_slice(&self.nonce),
                    Payload {
                        msg: &self.wrapped_secret,
                        aad: &aad(store_id, &self.public),
                    },
                )
                .ok()?,
        );
        let secret = SecretKey::from_slice(&plain).ok()?;
        (secret.public_key().to_bytes() == self.public).then_some(Opener(secret))
    }
}

/// The unwrapped secret key (zeroised on drop by `crypto_box`); opens sealed records.
pub(crate) struct Opener(SecretKey);

impl Opener {
    /// `None` when `sealed` was not sealed to this key or was altered.
    pub(crate) fn open(&self, sealed: &[u8]) -> Option<Zeroizing<Vec<u8>>> {
        self.0.unseal(sealed).ok().map(Zeroizing::new)
    }
}

/// AES-256-GCM under SHA-256(label ‖ data key): the data key is uniformly random, so one hash
/// with a fixed label is a sound KDF and keeps this key apart from the database key.
fn wrap_cipher(data_key: &DataKey) -> Aes256Gcm {
    let mut h = Sha256::new();
    h.update(WRAP_LABEL);
    h.update(data_key.bytes());
    let key = Zeroizing::new(<[u8; 32]>::from(h.finalize()));
    Aes256Gcm::new_from_slice(key.as_ref()).expect("32-byte key")
}

fn aad(store_id: &str, public: &[u8; 32]) -> Vec<u8> {
    format!(
        "{}/seal/{store_id}/{}",
        super::keyfile::FORMAT,
        hex::encode(public)
    )
    .into_bytes()
}

mod hex32 {
    use serde::{Deserialize, Deserializer, Serializer};
    pub fn serialize<S: Serializer>(v: &[u8; 32], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&hex::encode(v))
    }
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<[u8; 32], D::Error> {
        let mut out = [0u8; 32];
        hex::decode_to_slice(String::deserialize(d)?, &mut out)
            .map_err(serde::de::Error::custom)?;
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_data_key_of_this_store_opens_what_was_sealed() {
        let key = DataKey::generate();
        let seal = SealKey::generate(&key, "store-a");
        let sealed = seal.seal(b"boss");
        assert!(
            !sealed.windows(4).any(|w| w == b"boss"),
            "no plaintext in the box"
        );
        let opener = seal
            .opener(&key, "store-a")
            .expect("the data key unwraps it");
        assert_eq!(opener.open(&sealed).unwrap().as_slice(), b"boss");
        assert!(
            seal.opener(&DataKey::generate(), "store-a").is_none(),
            "another data key"
        );
        assert!(
            seal.opener(&key, "store-b").is_none(),
            "moved to another store"
        );
        let mut altered = sealed.clone();
        *altered.last_mut().unwrap() ^= 1;
        assert!(opener.open(&altered).is_none(), "an altered box is refused");
    }
}
