//! Field encryption: XChaCha20-Poly1305 with a random 24-byte nonce per message, so nonces can
//! be drawn at random without a counter. Sealed bytes: key_version (u32, big-endian) ‖ nonce ‖
//! ciphertext and tag.

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use zeroize::{Zeroize, ZeroizeOnDrop};

use crate::{CryptoError, random_bytes};

const NONCE_LEN: usize = 24;
const VERSION_LEN: usize = 4;

/// A 256-bit symmetric key (a person's data key, or a key derived from a passphrase).
#[derive(Clone, Zeroize, ZeroizeOnDrop)]
pub struct DataKey([u8; 32]);

impl DataKey {
    pub fn generate() -> DataKey {
        DataKey(random_bytes())
    }

    pub fn from_bytes(bytes: [u8; 32]) -> DataKey {
        DataKey(bytes)
    }

    pub fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }
}

impl std::fmt::Debug for DataKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DataKey(..)")
    }
}

/// Associated data: ties a ciphertext to the table, column and row it belongs to, so a value
/// copied to another row or column fails to decrypt.
pub struct Aad(Vec<u8>);

impl Aad {
    pub fn new(table: &str, column: &str, row: &str) -> Aad {
        let mut bytes = Vec::with_capacity(table.len() + column.len() + row.len() + 2);
        for (i, part) in [table, column, row].into_iter().enumerate() {
            if i > 0 {
                bytes.push(0);
            }
            bytes.extend_from_slice(part.as_bytes());
        }
        Aad(bytes)
    }
}

pub fn seal(key: &DataKey, key_version: u32, plaintext: &[u8], aad: &Aad) -> Vec<u8> {
    let nonce_bytes: [u8; NONCE_LEN] = random_bytes();
    let cipher = XChaCha20Poly1305::new(key.as_bytes().into());
    let ciphertext = cipher
        .encrypt(
            &XNonce::from(nonce_bytes),
            Payload {
                msg: plaintext,
                aad: &aad.0,
            },
        )
        .expect("XChaCha20-Poly1305 encryption of an in-memory buffer cannot fail");
    let mut out = Vec::with_capacity(VERSION_LEN + NONCE_LEN + ciphertext.len());
    out.extend_from_slice(&key_version.to_be_bytes());
    out.extend_from_slice(&nonce_bytes);
    out.extend(ciphertext);
    out
}

pub fn open(key: &DataKey, sealed: &[u8], aad: &Aad) -> Result<Vec<u8>, CryptoError> {
    if sealed.len() < VERSION_LEN + NONCE_LEN + 16 {
        return Err(CryptoError::Malformed);
    }
    let nonce: [u8; NONCE_LEN] = sealed[VERSION_LEN..VERSION_LEN + NONCE_LEN]
        .try_into()
        .expect("length checked");
    let cipher = XChaCha20Poly1305::new(key.as_bytes().into());
    cipher
        .decrypt(
            &XNonce::from(nonce),
            Payload {
                msg: &sealed[VERSION_LEN + NONCE_LEN..],
                aad: &aad.0,
            },
        )
        .map_err(|_| CryptoError::Decryption)
}

/// The key version a sealed value names.
pub fn sealed_key_version(sealed: &[u8]) -> Result<u32, CryptoError> {
    let bytes: [u8; VERSION_LEN] = sealed
        .get(..VERSION_LEN)
        .ok_or(CryptoError::Malformed)?
        .try_into()
        .expect("4 bytes");
    Ok(u32::from_be_bytes(bytes))
}
