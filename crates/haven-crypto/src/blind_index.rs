//! Keyed blind indexes: HMAC-SHA-256 of a normalised value under a key that never leaves the
//! key store, so equal names or phone numbers can be found without storing them in clear.

use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;
use unicode_normalization::UnicodeNormalization;

use crate::DataKey;

pub struct BlindIndexKey(DataKey);

/// How a value is normalised before indexing, so that trivial differences still match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Normalisation {
    /// NFKC, case-folded, accents removed, whitespace collapsed.
    Name,
    /// Digits only, with a leading `+` kept: `+44 (0)20 7946-0000` → `+4402079460000`.
    Phone,
}

impl BlindIndexKey {
    pub fn new(key: DataKey) -> BlindIndexKey {
        BlindIndexKey(key)
    }

    /// The index digest of `value` for `field`; the field name is part of the input so the same
    /// value in two fields gives two digests.
    pub fn digest(&self, field: &str, value: &str, normalisation: Normalisation) -> Vec<u8> {
        let normalised = normalise(value, normalisation);
        let mut mac =
            Hmac::<Sha256>::new_from_slice(self.0.as_bytes()).expect("HMAC takes any key length");
        mac.update(field.as_bytes());
        mac.update(&[0]);
        mac.update(normalised.as_bytes());
        mac.finalize().into_bytes().to_vec()
    }
}

pub fn normalise(value: &str, normalisation: Normalisation) -> String {
    match normalisation {
        Normalisation::Name => value
            .nfkd()
            .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
            .collect::<String>()
            .nfkc()
            .flat_map(char::to_lowercase)
            .collect::<String>()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
        Normalisation::Phone => {
            let plus = value.trim_start().starts_with('+');
            let digits: String = value.chars().filter(char::is_ascii_digit).collect();
            if plus { format!("+{digits}") } else { digits }
        }
    }
}
