//! Haven's cryptography against its contracts and published test vectors.

use haven_crypto::*;

fn temp_path(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("haven-crypto-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir.join("master.key")
}

#[test]
fn sealed_fields_open_only_with_the_same_key_and_associated_data() {
    let key = DataKey::generate();
    let aad = Aad::new("identity_fields", "given_name", "person-1");
    let sealed = seal(&key, 7, "Amina".as_bytes(), &aad);
    assert_eq!(&sealed[..4], &7u32.to_be_bytes());
    assert_eq!(open(&key, &sealed, &aad).unwrap(), b"Amina");
    assert!(
        open(
            &key,
            &sealed,
            &Aad::new("identity_fields", "given_name", "person-2")
        )
        .is_err()
    );
    assert!(
        open(
            &key,
            &sealed,
            &Aad::new("identity_fields", "family_name", "person-1")
        )
        .is_err()
    );
    assert!(open(&DataKey::generate(), &sealed, &aad).is_err());
    let mut tampered = sealed.clone();
    *tampered.last_mut().unwrap() ^= 1;
    assert!(matches!(
        open(&key, &tampered, &aad),
        Err(CryptoError::Decryption)
    ));
    assert!(matches!(
        open(&key, &sealed[..10], &aad),
        Err(CryptoError::Malformed)
    ));
    assert_ne!(
        seal(&key, 7, b"Amina", &aad),
        sealed,
        "a fresh nonce every time"
    );
}

#[test]
fn the_keyring_file_is_created_private_and_refused_when_readable_by_others() {
    use std::os::unix::fs::PermissionsExt;
    let path = temp_path("perm");
    let keyring = Keyring::open_or_create(&path).unwrap();
    assert_eq!(keyring.current_version(), 1);
    assert_eq!(
        std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o600
    );
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    let error = Keyring::open(&path).err().unwrap().to_string();
    assert!(error.contains("chmod 600"), "{error}");
}

#[test]
fn a_malformed_keyring_file_names_the_line() {
    use std::os::unix::fs::PermissionsExt;
    let path = temp_path("format");
    std::fs::write(&path, "# comment\nhaven-master-key v1 not-base64\n").unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
    let error = Keyring::open(&path).err().unwrap().to_string();
    assert!(error.contains("line 2"), "{error}");
}

#[test]
fn rotation_rewraps_and_old_wraps_still_open_until_retired() {
    let path = temp_path("rotate");
    let keyring = Keyring::open_or_create(&path).unwrap();
    let data_key = DataKey::generate();
    let aad = Aad::new("data_keys", "wrapped", "person-1");
    let old = keyring.wrap_key(&data_key, &aad).unwrap();
    assert!(keyring.is_current(&old));

    // Another process (the running server) holds the keyring open while `keys rotate` runs.
    let server = Keyring::open(&path).unwrap();
    assert_eq!(keyring.add_version().unwrap(), 2);
    assert!(!keyring.is_current(&old));
    let new = keyring
        .wrap_key(&keyring.unwrap_key(&old, &aad).unwrap(), &aad)
        .unwrap();
    assert!(keyring.is_current(&new));
    assert_eq!(
        server.unwrap_key(&new, &aad).unwrap().as_bytes(),
        data_key.as_bytes(),
        "reloads the file"
    );

    keyring.retire_before(2).unwrap();
    assert!(matches!(
        Keyring::open(&path).unwrap().unwrap_key(&old, &aad),
        Err(KeyringError::Crypto(CryptoError::UnknownKeyVersion(1)))
    ));
    assert_eq!(
        Keyring::from_text(&keyring.to_text())
            .unwrap()
            .current_version(),
        2
    );
}

#[test]
fn blind_indexes_match_across_trivial_differences_and_differ_by_field_and_key() {
    let key = BlindIndexKey::new(DataKey::from_bytes([3; 32]));
    let a = key.digest("family_name", "Nguyễn  Thị", Normalisation::Name);
    assert_eq!(
        a,
        key.digest("family_name", "nguyen thi", Normalisation::Name)
    );
    assert_eq!(
        a,
        key.digest("family_name", " NGUYEN THI ", Normalisation::Name)
    );
    assert_ne!(
        a,
        key.digest("given_name", "nguyen thi", Normalisation::Name)
    );
    assert_ne!(
        a,
        BlindIndexKey::new(DataKey::from_bytes([4; 32])).digest(
            "family_name",
            "nguyen thi",
            Normalisation::Name
        )
    );
    let phone = key.digest("phone", "+44 (0)20 7946-0000", Normalisation::Phone);
    assert_eq!(
        phone,
        key.digest("phone", "+4402079460000", Normalisation::Phone)
    );
    assert_ne!(
        phone,
        key.digest("phone", "4402079460000", Normalisation::Phone)
    );
}

#[test]
fn passwords_verify_and_old_parameters_ask_for_a_rehash() {
    let hash = hash_password("correct horse battery staple").unwrap();
    assert!(hash.starts_with("$argon2id$"));
    assert_eq!(
        verify_password("correct horse battery staple", &hash),
        PasswordCheck::Correct
    );
    assert_eq!(verify_password("wrong", &hash), PasswordCheck::Wrong);
    assert_eq!(
        verify_password("anything", "not a hash"),
        PasswordCheck::Wrong
    );

    use argon2::password_hash::PasswordHasher;
    let weak = argon2::Argon2::new(
        argon2::Algorithm::Argon2id,
        argon2::Version::V0x13,
        argon2::Params::new(8 * 1024, 1, 1, None).unwrap(),
    );
    let old = weak.hash_password(b"pw").unwrap().to_string();
    assert_eq!(
        verify_password("pw", &old),
        PasswordCheck::CorrectNeedsRehash
    );
}

#[test]
fn totp_matches_the_rfc_6238_test_vectors() {
    // RFC 6238 Appendix B, SHA-1 secret; the last 6 of the 8 published digits.
    let secret = TotpSecret::from_bytes(b"12345678901234567890".to_vec());
    for (time, code) in [
        (59, "287082"),
        (1111111109, "081804"),
        (1111111111, "050471"),
        (1234567890, "005924"),
        (2000000000, "279037"),
    ] {
        assert_eq!(totp_code(&secret, time), code, "t={time}");
    }
    assert_eq!(secret.to_base32(), "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    assert!(
        secret.verify("287082", 59 + 30),
        "one step of drift is allowed"
    );
    assert!(!secret.verify("287082", 59 + 90));
    assert!(!secret.verify("28708", 59));
    assert!(
        secret
            .otpauth_uri("Haven", "amina")
            .starts_with("otpauth://totp/Haven:amina?secret=GEZ")
    );
}

#[test]
fn tokens_are_random_and_stored_as_digests() {
    let a = new_token("hvn_");
    assert!(a.starts_with("hvn_") && a.len() > 40);
    assert_ne!(a, new_token("hvn_"));
    assert_eq!(hash_token(&a), hash_token(&a));
    assert_eq!(hash_token(&a).len(), 32);
}

#[test]
fn content_digests_are_sha256_in_lowercase_hex() {
    // FIPS 180-2, appendix B.1.
    assert_eq!(
        haven_crypto::sha256_hex(b"abc"),
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
}

#[test]
fn passphrase_exports_round_trip_and_refuse_the_wrong_passphrase() {
    let sealed = encrypt_with_passphrase("a long passphrase", b"key store");
    assert_eq!(
        decrypt_with_passphrase("a long passphrase", &sealed).unwrap(),
        b"key store"
    );
    assert!(decrypt_with_passphrase("another", &sealed).is_err());
    assert!(decrypt_with_passphrase("x", b"short").is_err());
}
