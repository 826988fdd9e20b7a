//! Files for a partner agency, encrypted to its age public key (X25519, `age1…`): the HTCDS
//! export that carries identifying fields leaves the installation only this way. Behind the
//! `age` feature.

pub use age::x25519::Recipient;

/// A partner's public key from its text (`age1…`, surrounding spaces ignored).
pub fn parse_recipient(text: &str) -> Result<Recipient, String> {
    let text = text.trim();
    text.parse::<Recipient>()
        .map_err(|e| format!("{text:?} is not an age public key (age1…): {e}"))
}

/// The bytes encrypted to the recipient, in the age file format.
pub fn encrypt(recipient: &Recipient, plain: &[u8]) -> Result<Vec<u8>, crate::CryptoError> {
    age::encrypt(recipient, plain).map_err(|_| crate::CryptoError::Malformed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_encrypted_to_a_partner_opens_with_its_identity_only() {
        let partner = age::x25519::Identity::generate();
        let other = age::x25519::Identity::generate();
        let recipient = parse_recipient(&format!(" {} ", partner.to_public())).unwrap();
        let sealed = encrypt(&recipient, b"prs_FirstName\nAmaka\n").unwrap();
        assert!(sealed.starts_with(b"age-encryption.org/"));
        assert!(!sealed.windows(5).any(|w| w == b"Amaka"));
        assert_eq!(
            age::decrypt(&partner, &sealed).unwrap(),
            b"prs_FirstName\nAmaka\n"
        );
        assert!(age::decrypt(&other, &sealed).is_err());
        assert!(parse_recipient("AGE-SECRET-KEY-1…").is_err());
        assert!(parse_recipient("").is_err());
    }
}
