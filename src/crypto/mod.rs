//! Key hierarchy, like LUKS or 1Password: one random 256-bit *data key* encrypts the whole
//! SQLCipher database; each user (and the printable recovery key) has a *slot* in a small
//! sidecar file where an Argon2id-derived key-encryption key wraps the data key with AES-256-GCM.
//! Changing a password rewrites one slot, never the database. Key material is zeroised on drop
//! and cannot be cloned, printed or serialised. A sealing key pair (`sealed`) lets the locked
//! store write records only the open store can read (the failed logins).

mod fsio;
mod keyfile;
mod keys;
mod recovery;
mod sealed;

pub use fsio::atomic_write;
pub use keyfile::{KeyFile, Slot, SlotOwner};
pub use keys::{DataKey, KdfParams};
pub use recovery::RecoveryKey;
pub(crate) use sealed::Opener;
pub use sealed::SealKey;
