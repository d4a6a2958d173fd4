//! The printable recovery key: 160 random bits in Crockford base32 (no I, L, O, U, so it reads
//! aloud and copies by hand), plus a 20-bit checksum so a typo is caught before any slow key
//! derivation: `7K2M-Q9XD-…` (9 groups of 4).

use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const SECRET_BYTES: usize = 20;
const BODY_CHARS: usize = SECRET_BYTES * 8 / 5; // 32
const CHECK_CHARS: usize = 4;

/// Shown once at setup. Zeroised on drop; not `Clone`, not serialisable.
pub struct RecoveryKey {
    secret: Zeroizing<Vec<u8>>,
    display: Zeroizing<String>,
}

impl RecoveryKey {
    pub fn generate() -> Self {
        Self::from_secret(super::keys::random_bytes::<SECRET_BYTES>().to_vec())
    }

    /// The grouped form to print or write down.
    pub fn display(&self) -> &str {
        &self.display
    }

    pub(crate) fn secret(&self) -> &[u8] {
        &self.secret
    }

    /// Parse what a person typed: case, spaces and dashes do not matter; O→0 and I/L→1 as in
    /// Crockford's alphabet. A checksum mismatch is reported as a typo.
    pub fn parse(typed: &str) -> crate::Result<Self> {
        let chars: Zeroizing<Vec<u8>> = Zeroizing::new(
            typed
                .chars()
                .filter(|c| !c.is_whitespace() && *c != '-')
                .map(|c| match c.to_ascii_uppercase() {
                    'O' => b'0',
                    'I' | 'L' => b'1',
                    c if c.is_ascii() => c as u8,
                    _ => b'?',
                })
                .collect(),
        );
        let typo = || crate::Error::BadRecoveryKey { typo: true };
        if chars.len() != BODY_CHARS + CHECK_CHARS {
            return Err(typo());
        }
        let mut bits: u64 = 0;
        let mut nbits = 0;
        let mut secret = Zeroizing::new(Vec::with_capacity(SECRET_BYTES));
        for &c in &chars[..BODY_CHARS] {
            let v = ALPHABET.iter().position(|&a| a == c).ok_or_else(typo)? as u64;
            bits = (bits << 5) | v;
            nbits += 5;
            if nbits >= 8 {
                nbits -= 8;
                secret.push((bits >> nbits) as u8);
                bits &= (1 << nbits) - 1;
            }
        }
        let key = Self::from_secret(secret.to_vec());
        if key.display.replace('-', "").as_bytes() != chars.as_slice() {
            return Err(crate::Error::BadRecoveryKey { typo: true });
        }
        Ok(key)
    }

    fn from_secret(secret: Vec<u8>) -> Self {
        let secret = Zeroizing::new(secret);
        let mut body = Zeroizing::new(encode(&secret));
        let digest = Sha256::digest(secret.as_slice());
        let check = encode(&digest[..3]);
        body.push_str(&check[..CHECK_CHARS]);
        let mut display = Zeroizing::new(String::with_capacity(45));
        for (i, c) in body.chars().enumerate() {
            if i > 0 && i % 4 == 0 {
                display.push('-');
            }
            display.push(c);
        }
        Self { secret, display }
    }
}

fn encode(bytes: &[u8]) -> String {
    let mut out = String::new();
    let mut bits: u32 = 0;
    let mut nbits = 0;
    for &b in bytes {
        bits = (bits << 8) | b as u32;
        nbits += 8;
        while nbits >= 5 {
            nbits -= 5;
            out.push(ALPHABET[((bits >> nbits) & 31) as usize] as char);
        }
        bits &= (1 << nbits) - 1;
    }
    if nbits > 0 {
        out.push(ALPHABET[((bits << (5 - nbits)) & 31) as usize] as char);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_generated_key_parses_back_to_the_same_secret() {
        let k = RecoveryKey::generate();
        assert_eq!(k.display().len(), 9 * 4 + 8);
        let back = RecoveryKey::parse(&k.display().to_lowercase().replace('-', " ")).unwrap();
        assert_eq!(back.secret(), k.secret());
    }

    #[test]
    fn a_single_changed_character_is_reported_as_a_typo() {
        let k = RecoveryKey::generate();
        let mut typed: Vec<char> = k.display().chars().collect();
        typed[0] = if typed[0] == 'A' { 'B' } else { 'A' };
        let typed: String = typed.into_iter().collect();
        assert!(matches!(
            RecoveryKey::parse(&typed),
            Err(crate::Error::BadRecoveryKey { typo: true })
        ));
    }
}
