//! Haven's cryptography, in one crate on one generation of the RustCrypto crates:
//!
//! - field encryption with XChaCha20-Poly1305, associated data binding table, column and row;
//! - per-person data keys wrapped by a versioned master key (`Keyring`), for crypto-shredding
//!   and rotation without downtime;
//! - keyed blind indexes for equality search on names and phone numbers;
//! - argon2id passwords, RFC 6238 TOTP, API tokens hashed at rest, passphrase encryption for
//!   key-store exports.

mod aead;
#[cfg(feature = "age")]
pub mod age_file;
mod blind_index;
mod keyring;
mod password;
mod token;
mod totp;

pub use aead::{Aad, DataKey, open, seal};
pub use blind_index::{BlindIndexKey, Normalisation};
pub use keyring::{Keyring, KeyringError, MasterKeyVersion};
pub use password::{PasswordCheck, hash_password, verify_password};
pub use token::{chain_hash, hash_token, new_token, random_bytes, sha256_hex};
pub use totp::{TotpSecret, totp_code};

/// Everything that can go wrong in this crate. Messages never contain key material or
/// plaintext.
#[derive(Debug, thiserror::Error)]
pub enum CryptoError {
    #[error("decryption failed: wrong key, wrong associated data, or tampered ciphertext")]
    Decryption,
    #[error("ciphertext is too short or malformed")]
    Malformed,
    #[error("no master key of version {0} in the keyring")]
    UnknownKeyVersion(u32),
    #[error("password hashing failed: {0}")]
    Password(String),
}

/// Symmetric encryption under a passphrase, for exports of the key store (argon2id, then
/// XChaCha20-Poly1305). Output: salt(16) ‖ nonce ‖ ciphertext.
pub fn encrypt_with_passphrase(passphrase: &str, plaintext: &[u8]) -> Vec<u8> {
    let salt: [u8; 16] = random_bytes();
    let key = passphrase_key(passphrase, &salt);
    let mut out = salt.to_vec();
    out.extend(seal(
        &key,
        0,
        plaintext,
        &Aad::new("export", "passphrase", ""),
    ));
    out
}

pub fn decrypt_with_passphrase(passphrase: &str, data: &[u8]) -> Result<Vec<u8>, CryptoError> {
    let (salt, sealed) = data.split_at_checked(16).ok_or(CryptoError::Malformed)?;
    let key = passphrase_key(passphrase, salt);
    open(&key, sealed, &Aad::new("export", "passphrase", ""))
}

fn passphrase_key(passphrase: &str, salt: &[u8]) -> DataKey {
    let mut bytes = [0u8; 32];
    argon2::Argon2::default()
        .hash_password_into(passphrase.as_bytes(), salt, &mut bytes)
        .expect("32-byte output and a 16-byte salt are valid argon2 parameters");
    DataKey::from_bytes(bytes)
}
