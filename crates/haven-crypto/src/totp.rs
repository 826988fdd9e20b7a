//! Time-based one-time passwords (RFC 6238): HMAC-SHA-1, 30-second steps, 6 digits, what every
//! authenticator app reads from an `otpauth://` URI.

use hmac::{Hmac, KeyInit, Mac};
use sha1::Sha1;

use crate::random_bytes;

const STEP_SECONDS: i64 = 30;
const DIGITS: u32 = 6;

#[derive(Clone, PartialEq, Eq)]
pub struct TotpSecret(Vec<u8>);

impl std::fmt::Debug for TotpSecret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TotpSecret(..)")
    }
}

impl TotpSecret {
    pub fn generate() -> TotpSecret {
        TotpSecret(random_bytes::<20>().to_vec())
    }

    pub fn from_bytes(bytes: Vec<u8>) -> TotpSecret {
        TotpSecret(bytes)
    }

    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    /// RFC 4648 base32 without padding, as authenticator apps expect.
    pub fn to_base32(&self) -> String {
        const ALPHABET: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        let mut out = String::new();
        let (mut buffer, mut bits) = (0u32, 0u32);
        for byte in &self.0 {
            buffer = (buffer << 8) | u32::from(*byte);
            bits += 8;
            while bits >= 5 {
                out.push(ALPHABET[((buffer >> (bits - 5)) & 31) as usize] as char);
                bits -= 5;
            }
        }
        if bits > 0 {
            out.push(ALPHABET[((buffer << (5 - bits)) & 31) as usize] as char);
        }
        out
    }

    pub fn otpauth_uri(&self, issuer: &str, account: &str) -> String {
        let enc = |s: &str| {
            s.replace('%', "%25")
                .replace(' ', "%20")
                .replace(':', "%3A")
                .replace('&', "%26")
        };
        format!(
            "otpauth://totp/{}:{}?secret={}&issuer={}",
            enc(issuer),
            enc(account),
            self.to_base32(),
            enc(issuer)
        )
    }

    /// Whether `code` is valid at `unix_seconds`, allowing one step of clock drift either way.
    pub fn verify(&self, code: &str, unix_seconds: i64) -> bool {
        let code = code.trim();
        if code.len() != DIGITS as usize || !code.chars().all(|c| c.is_ascii_digit()) {
            return false;
        }
        (-1..=1).any(|drift| totp_code(self, unix_seconds + drift * STEP_SECONDS) == code)
    }
}

/// The code for a moment in time.
pub fn totp_code(secret: &TotpSecret, unix_seconds: i64) -> String {
    let counter = (unix_seconds.max(0) / STEP_SECONDS) as u64;
    let mut mac = Hmac::<Sha1>::new_from_slice(&secret.0).expect("HMAC takes any key length");
    mac.update(&counter.to_be_bytes());
    let digest = mac.finalize().into_bytes();
    let offset = (digest[digest.len() - 1] & 0x0f) as usize;
    let binary =
        u32::from_be_bytes(digest[offset..offset + 4].try_into().expect("4 bytes")) & 0x7fff_ffff;
    format!(
        "{:0width$}",
        binary % 10u32.pow(DIGITS),
        width = DIGITS as usize
    )
}
