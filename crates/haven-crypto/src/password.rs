//! Passwords: argon2id with the crate's recommended parameters. A hash made with other
//! parameters still verifies, and is reported for rehashing.

use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use argon2::{Argon2, Params};

use crate::CryptoError;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasswordCheck {
    Wrong,
    Correct,
    /// Correct, and the stored hash should be replaced by a new one with today's parameters.
    CorrectNeedsRehash,
}

pub fn hash_password(password: &str) -> Result<String, CryptoError> {
    Argon2::default()
        .hash_password(password.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| CryptoError::Password(e.to_string()))
}

pub fn verify_password(password: &str, stored: &str) -> PasswordCheck {
    let Ok(hash) = PasswordHash::new(stored) else {
        return PasswordCheck::Wrong;
    };
    if Argon2::default()
        .verify_password(password.as_bytes(), &hash)
        .is_err()
    {
        return PasswordCheck::Wrong;
    }
    let current = Params::default();
    let same = hash.algorithm.as_str() == "argon2id"
        && Params::try_from(&hash).is_ok_and(|p| {
            p.m_cost() == current.m_cost()
                && p.t_cost() == current.t_cost()
                && p.p_cost() == current.p_cost()
        });
    if same {
        PasswordCheck::Correct
    } else {
        PasswordCheck::CorrectNeedsRehash
    }
}
