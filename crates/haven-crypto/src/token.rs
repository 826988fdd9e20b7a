//! Random secrets: session ids and API tokens are random 256-bit values shown once and stored
//! only as their SHA-256 digest.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use sha2::{Digest, Sha256};

pub fn random_bytes<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes).expect("the operating system's random source is available");
    bytes
}

/// A new secret token, with the given prefix so leaked tokens can be recognised (`hvn_…`).
pub fn new_token(prefix: &str) -> String {
    format!("{prefix}{}", URL_SAFE_NO_PAD.encode(random_bytes::<32>()))
}

/// The SHA-256 digest of content, in lowercase hexadecimal: what a record keeps to say which
/// content it refers to (a document attached to a case) without holding it.
pub fn sha256_hex(content: &[u8]) -> String {
    Sha256::digest(content)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

pub fn hash_token(token: &str) -> Vec<u8> {
    Sha256::digest(token.as_bytes()).to_vec()
}

/// One link of a hash chain: SHA-256 over the previous link and the entry's parts, each
/// length-prefixed so that no two different entries hash the same input.
pub fn chain_hash(previous: &[u8], parts: &[&[u8]]) -> Vec<u8> {
    let mut hasher = Sha256::new();
    hasher.update(previous);
    for part in parts {
        hasher.update((part.len() as u64).to_be_bytes());
        hasher.update(part);
    }
    hasher.finalize().to_vec()
}
