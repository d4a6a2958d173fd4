//! The `.laokebak` file: a readable header, then the snapshot encrypted in 1 MiB chunks with
//! AES-256-GCM in a STREAM construction (docs/BACKUP_FORMAT.md is the specification).
//!
//! ```text
//! "LAOKEBAK" | u16 BE format version | u32 BE header length | header JSON | SHA-256(all before)
//! chunk 0 | chunk 1 | … | chunk n-1        each = AES-256-GCM(plaintext ≤ chunk_size) ‖ 16-byte tag
//! ```
//! Nonce of chunk i = 7-byte prefix ‖ i as u32 BE ‖ 1 if last else 0; AAD = SHA-256 of everything
//! before the first chunk. So a flipped bit, a swapped or missing chunk, a cut-off tail and an
//! edited header all fail authentication; the plain SHA-256 after the header names an
//! accidentally damaged header before any password is tried.

use super::{BackupError, Damage, Phase, Progress};
use crate::crypto::{DataKey, KeyFile};
use aes_gcm::{
    aead::{AeadInPlace, KeyInit},
    Aes256Gcm, Nonce, Tag,
};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::io::{Read, Write};
use zeroize::Zeroizing;

pub const MAGIC: &[u8; 8] = b"LAOKEBAK";
pub const FORMAT_VERSION: u16 = 1;
pub const CHUNK_SIZE: u32 = 1 << 20;
pub const TAG_LEN: u64 = 16;
/// Magic + version + header length.
const FIXED_LEN: usize = 8 + 2 + 4;
const HEADER_MAX: u32 = 4 << 20;
const KDF_LABEL: &[u8] = b"laoke-backup-v1";

/// What the header says; readable without any password.
#[derive(Serialize, Deserialize, Clone, Debug)]
pub struct Header {
    pub format_version: u16,
    pub created_at: DateTime<Utc>,
    pub app_version: String,
    pub schema_version: i64,
    pub created_by: String,
    pub store_id: String,
    /// The store's key slots at backup time: any of its users' passwords, or the recovery key,
    /// unwraps the data key.
    pub key_file: KeyFile,
    /// Rows per table in the snapshot.
    pub counts: BTreeMap<String, u64>,
    pub chunk_size: u32,
    #[serde(with = "hex_vec")]
    pub payload_salt: Vec<u8>,
    #[serde(with = "hex_vec")]
    pub nonce_prefix: Vec<u8>,
    pub payload_len: u64,
}

impl Header {
    pub fn chunk_count(&self) -> u64 {
        chunk_count(self.payload_len, self.chunk_size)
    }
}

fn chunk_count(len: u64, chunk: u32) -> u64 {
    len.div_ceil(chunk as u64).max(1)
}

/// The payload key: SHA-256("laoke-backup-v1" ‖ data key ‖ payload salt). The data key is
/// uniformly random, so one hash with a fresh 32-byte salt per file is a sound KDF.
pub(crate) fn payload_key(key: &DataKey, salt: &[u8]) -> Zeroizing<[u8; 32]> {
    let mut h = Sha256::new();
    h.update(KDF_LABEL);
    h.update(key.bytes());
    h.update(salt);
    Zeroizing::new(h.finalize().into())
}

fn nonce(prefix: &[u8], i: u64, last: bool) -> [u8; 12] {
    let mut n = [0u8; 12];
    n[..7].copy_from_slice(prefix);
    n[7..11].copy_from_slice(&(i as u32).to_be_bytes());
    n[11] = last as u8;
    n
}

/// The bytes before the first chunk, and the AAD every chunk is bound to.
pub(crate) struct Prefix {
    pub bytes: Vec<u8>,
    pub aad: [u8; 32],
}

pub(crate) fn encode_prefix(h: &Header) -> Result<Prefix, BackupError> {
    let json = serde_json::to_vec(h).map_err(crate::Error::from)?;
    let mut bytes = Vec::with_capacity(FIXED_LEN + json.len() + 32);
    bytes.extend_from_slice(MAGIC);
    bytes.extend_from_slice(&h.format_version.to_be_bytes());
    bytes.extend_from_slice(&(json.len() as u32).to_be_bytes());
    bytes.extend_from_slice(&json);
    let sum: [u8; 32] = Sha256::digest(&bytes).into();
    bytes.extend_from_slice(&sum);
    let aad = Sha256::digest(&bytes).into();
    Ok(Prefix { bytes, aad })
}

/// Read and check the prefix: magic, header checksum, format version. Needs no password.
pub(crate) fn read_prefix(r: &mut impl Read) -> Result<(Header, Prefix), BackupError> {
    let mut fixed = [0u8; FIXED_LEN];
    read_full(r, &mut fixed).map_err(|_| BackupError::NotABackup)?;
    if &fixed[..8] != MAGIC {
        return Err(BackupError::NotABackup);
    }
    let len = u32::from_be_bytes(fixed[10..14].try_into().expect("4 bytes"));
    if len > HEADER_MAX {
        return Err(BackupError::Damaged(Damage::HeaderAltered));
    }
    let mut bytes = fixed.to_vec();
    bytes.resize(FIXED_LEN + len as usize + 32, 0);
    read_full(r, &mut bytes[FIXED_LEN..]).map_err(|_| BackupError::Damaged(Damage::Truncated))?;
    let body_end = FIXED_LEN + len as usize;
    if Sha256::digest(&bytes[..body_end]).as_slice() != &bytes[body_end..] {
        return Err(BackupError::Damaged(Damage::HeaderAltered));
    }
    let version = u16::from_be_bytes([fixed[8], fixed[9]]);
    if version > FORMAT_VERSION {
        return Err(BackupError::TooNew {
            found: version,
            supported: FORMAT_VERSION,
        });
    }
    let header: Header = serde_json::from_slice(&bytes[FIXED_LEN..body_end])
        .map_err(|_| BackupError::Damaged(Damage::HeaderAltered))?;
    if header.format_version != version
        || header.nonce_prefix.len() != 7
        || header.chunk_size == 0
        || header.chunk_size > 64 << 20
    {
        return Err(BackupError::Damaged(Damage::HeaderAltered));
    }
    let aad = Sha256::digest(&bytes).into();
    Ok((header, Prefix { bytes, aad }))
}

/// Encrypt `payload_len` bytes from `src` into `out` (after the prefix was written).
pub(crate) fn encrypt_payload(
    src: &mut impl Read,
    out: &mut impl Write,
    h: &Header,
    aad: &[u8; 32],
    key: &[u8; 32],
    progress: &mut dyn FnMut(Progress),
) -> Result<(), BackupError> {
    let cipher = Aes256Gcm::new_from_slice(key).expect("32-byte key");
    let n = h.chunk_count();
    let mut buf = vec![0u8; h.chunk_size as usize + TAG_LEN as usize];
    let mut done = 0u64;
    for i in 0..n {
        let len = (h.payload_len - done).min(h.chunk_size as u64) as usize;
        buf.truncate(len);
        buf.resize(len, 0);
        read_full(src, &mut buf)?;
        let tag = cipher
            .encrypt_in_place_detached(
                Nonce::from_slice(&nonce(&h.nonce_prefix, i, i + 1 == n)),
                aad,
                &mut buf,
            )
            .map_err(|_| crate::Error::Internal("AES-GCM encryption failed".into()))?;
        out.write_all(&buf)?;
        out.write_all(&tag)?;
        done += len as u64;
        progress(Progress::new(Phase::Encrypt, done, h.payload_len));
    }
    Ok(())
}

/// Decrypt the chunks after the prefix into `out`. `file_len` is the whole file's length, so a
/// cut-off file is named as such before any chunk is read.
pub(crate) fn decrypt_payload(
    src: &mut impl Read,
    file_len: u64,
    out: &mut impl Write,
    h: &Header,
    prefix: &Prefix,
    key: &[u8; 32],
    progress: &mut dyn FnMut(Progress),
) -> Result<(), BackupError> {
    let n = h.chunk_count();
    let expected = prefix.bytes.len() as u64 + h.payload_len + n * TAG_LEN;
    if file_len < expected {
        return Err(BackupError::Damaged(Damage::Truncated));
    }
    if file_len > expected {
        return Err(BackupError::Damaged(Damage::ExtraData));
    }
    let cipher = Aes256Gcm::new_from_slice(key).expect("32-byte key");
    let mut buf = Zeroizing::new(vec![0u8; h.chunk_size as usize]);
    let mut tag = [0u8; TAG_LEN as usize];
    let mut done = 0u64;
    for i in 0..n {
        let len = (h.payload_len - done).min(h.chunk_size as u64) as usize;
        read_full(src, &mut buf[..len]).map_err(|_| BackupError::Damaged(Damage::Truncated))?;
        read_full(src, &mut tag).map_err(|_| BackupError::Damaged(Damage::Truncated))?;
        cipher
            .decrypt_in_place_detached(
                Nonce::from_slice(&nonce(&h.nonce_prefix, i, i + 1 == n)),
                &prefix.aad,
                &mut buf[..len],
                Tag::from_slice(&tag),
            )
            .map_err(|_| BackupError::Damaged(Damage::ChunkAuth(i)))?;
        out.write_all(&buf[..len])?;
        done += len as u64;
        progress(Progress::new(Phase::Verify, done, h.payload_len));
    }
    Ok(())
}

fn read_full(r: &mut impl Read, buf: &mut [u8]) -> std::io::Result<()> {
    r.read_exact(buf)
}

mod hex_vec {
    use serde::{Deserialize, Deserializer, Serializer};
    pub fn serialize<S: Serializer>(v: &[u8], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&hex::encode(v))
    }
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u8>, D::Error> {
        hex::decode(String::deserialize(d)?).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nonces_differ_by_counter_and_last_flag() {
        let p = [7u8; 7];
        assert_ne!(nonce(&p, 0, false), nonce(&p, 1, false));
        assert_ne!(nonce(&p, 3, false), nonce(&p, 3, true));
        assert_eq!(&nonce(&p, 258, true)[7..], &[0, 0, 1, 2, 1]);
    }

    #[test]
    fn an_empty_payload_still_has_one_authenticated_chunk() {
        assert_eq!(chunk_count(0, CHUNK_SIZE), 1);
        assert_eq!(chunk_count(CHUNK_SIZE as u64, CHUNK_SIZE), 1);
        assert_eq!(chunk_count(CHUNK_SIZE as u64 + 1, CHUNK_SIZE), 2);
    }
}
