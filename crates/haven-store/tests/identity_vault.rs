//! The identity vault: encrypted at rest, audited on every read, searchable through blind
//! indexes, erased by destroying the person's key. On SQLite and PostgreSQL.

use haven_domain::access::Role;
use haven_store::{IdentityField, IdentityRecord, StoreError};
use haven_testkit::{on_each_backend, seed_world};

fn identity() -> IdentityRecord {
    IdentityRecord::from([
        (IdentityField::GivenName, "Zeynep".to_string()),
        (IdentityField::FamilyName, "Kaplanoğlu".to_string()),
        (IdentityField::Phone, "+90 532 555 01 23".to_string()),
        (
            IdentityField::Narrative,
            "She was brought to the workshop by a man called Orhan.".to_string(),
        ),
    ])
}

/// Every file the SQLite store keeps, as bytes (database, WAL and key store).
fn sqlite_bytes(dir: &std::path::Path) -> Vec<u8> {
    let mut all = Vec::new();
    for entry in std::fs::read_dir(dir.join("haven-data")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "key") {
            all.extend(std::fs::read(&path).unwrap());
        }
    }
    all
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|w| w == needle.as_bytes())
}

#[tokio::test]
async fn identity_is_encrypted_at_rest_and_read_back_whole() {
    on_each_backend(|backend| async move {
        let store = backend.open().await;
        let world = seed_world(&store).await;
        let caseworker = world.user(Role::Caseworker);
        let person = store.create_person(caseworker, &identity(), "registration").await.unwrap();
        let read = store.read_identity(caseworker, &person.id, &[], "case work").await.unwrap();
        assert_eq!(read, identity(), "{}", backend.name);
        let only = store.read_identity(caseworker, &person.id, &[IdentityField::Phone], "call back").await.unwrap();
        assert_eq!(only.len(), 1);
        if backend.name == "sqlite" {
            let bytes = sqlite_bytes(backend.dir.path());
            for secret in ["Zeynep", "Kaplano", "532 555", "Orhan"] {
                assert!(!contains(&bytes, secret), "{secret} is stored in clear");
            }
        } else {
            let total = backend.raw_count("SELECT COUNT(*) FROM identity_fields").await;
            let clear = backend.raw_count("SELECT COUNT(*) FROM identity_fields WHERE position('Zeynep'::bytea in sealed) > 0").await;
            assert_eq!((total, clear), (4, 0));
        }
        backend
    })
    .await;
}

#[tokio::test]
async fn every_read_of_identity_is_audited_with_fields_and_purpose() {
    on_each_backend(|backend| async move {
        let store = backend.open().await;
        let world = seed_world(&store).await;
        let caseworker = world.user(Role::Caseworker);
        let person = store
            .create_person(caseworker, &identity(), "registration")
            .await
            .unwrap();
        store
            .read_identity(
                caseworker,
                &person.id,
                &[IdentityField::Phone],
                "arrange a shelter place",
            )
            .await
            .unwrap();
        let history = store.access_history(caseworker, &person.id).await.unwrap();
        let read = history
            .iter()
            .find(|e| e.action == "identity.read")
            .expect("the read is in the access history");
        assert_eq!(read.fields, vec!["phone".to_string()]);
        assert_eq!(read.purpose, "arrange a shelter place");
        assert_eq!(
            read.actor_user_id.as_deref(),
            Some(caseworker.user_id.as_str())
        );
        let write = history
            .iter()
            .find(|e| e.action == "identity.write")
            .unwrap();
        assert!(write.fields.contains(&"given_name".to_string()));
        let error = store
            .read_identity(caseworker, &person.id, &[], "  ")
            .await
            .unwrap_err();
        assert!(
            matches!(error, StoreError::Invalid { .. }),
            "a purpose is required"
        );
        backend
    })
    .await;
}

#[tokio::test]
async fn names_and_phones_are_found_through_the_blind_index() {
    on_each_backend(|backend| async move {
        let store = backend.open().await;
        let world = seed_world(&store).await;
        let caseworker = world.user(Role::Caseworker);
        let person = store
            .create_person(caseworker, &identity(), "registration")
            .await
            .unwrap();
        let found = store
            .find_persons(caseworker, IdentityField::FamilyName, "  KAPLANOGLU ")
            .await
            .unwrap();
        assert_eq!(
            found.iter().map(|p| p.id.clone()).collect::<Vec<_>>(),
            vec![person.id.clone()]
        );
        let found = store
            .find_persons(caseworker, IdentityField::Phone, "+905325550123")
            .await
            .unwrap();
        assert_eq!(found.len(), 1);
        assert!(
            store
                .find_persons(caseworker, IdentityField::GivenName, "Zeynab")
                .await
                .unwrap()
                .is_empty()
        );
        // Someone with no relationship to the record finds nothing.
        assert!(
            store
                .find_persons(
                    &world.second_caseworker,
                    IdentityField::FamilyName,
                    "Kaplanoglu"
                )
                .await
                .unwrap()
                .is_empty()
        );
        assert!(
            store
                .find_persons(caseworker, IdentityField::Narrative, "Orhan")
                .await
                .is_err(),
            "free text is never indexed"
        );
        backend
    })
    .await;
}

#[tokio::test]
async fn erasure_destroys_the_key_and_everything_derived_from_the_identity() {
    on_each_backend(|backend| async move {
        let store = backend.open().await;
        let world = seed_world(&store).await;
        let caseworker = world.user(Role::Caseworker);
        let supervisor = world.user(Role::Supervisor);
        let person = store
            .create_person(caseworker, &identity(), "registration")
            .await
            .unwrap();
        assert_eq!(
            backend
                .raw_count(&format!(
                    "SELECT COUNT(*) FROM blind_index WHERE person_id = '{}'",
                    person.id
                ))
                .await,
            3
        );
        // A backup taken before erasure keeps the sealed values.
        let backup_sealed = if backend.name == "sqlite" {
            Some(sqlite_bytes(backend.dir.path()))
        } else {
            None
        };

        let denied = store
            .erase_person(caseworker, &person.id, "the person asked")
            .await
            .unwrap_err();
        assert!(
            matches!(denied, StoreError::Forbidden(_)),
            "a caseworker cannot erase"
        );
        store
            .erase_person(supervisor, &person.id, "the person asked")
            .await
            .unwrap();

        let error = store
            .read_identity(supervisor, &person.id, &[], "check")
            .await
            .unwrap_err();
        assert!(matches!(error, StoreError::Conflict(_)), "{error}");
        assert!(
            store
                .find_persons(supervisor, IdentityField::FamilyName, "Kaplanoglu")
                .await
                .unwrap()
                .is_empty()
        );
        for table in ["identity_fields", "blind_index"] {
            let left = backend
                .raw_count(&format!(
                    "SELECT COUNT(*) FROM {table} WHERE person_id = '{}'",
                    person.id
                ))
                .await;
            assert_eq!(left, 0, "{}: {table}", backend.name);
        }
        let erased = store.person(supervisor, &person.id).await.unwrap();
        assert!(
            erased.erased_at.is_some(),
            "the pseudonymous record stays, marked erased"
        );
        assert!(matches!(
            store.erase_person(supervisor, &person.id, "again").await,
            Err(StoreError::Conflict(_))
        ));
        if let Some(old) = backup_sealed {
            // The old files still hold ciphertext, but no name in clear, and the key is gone.
            assert!(!contains(&old, "Zeynep"));
            assert!(!contains(&sqlite_bytes(backend.dir.path()), "Zeynep"));
        }
        backend
    })
    .await;
}

#[tokio::test]
async fn a_sealed_value_moved_to_another_person_does_not_open() {
    on_each_backend(|backend| async move {
        let store = backend.open().await;
        let world = seed_world(&store).await;
        let caseworker = world.user(Role::Caseworker);
        let a = store.create_person(caseworker, &identity(), "registration").await.unwrap();
        let b = store.create_person(caseworker, &identity(), "registration").await.unwrap();
        backend
            .raw_execute(&format!(
                "UPDATE identity_fields SET sealed = (SELECT sealed FROM identity_fields WHERE person_id = '{}' AND field = 'given_name') WHERE person_id = '{}' AND field = 'given_name'",
                a.id, b.id
            ))
            .await
            .unwrap();
        let error = store.read_identity(caseworker, &b.id, &[], "check").await.unwrap_err();
        assert!(error.to_string().contains("decryption failed"), "{error}");
        backend
    })
    .await;
}

#[tokio::test]
async fn concurrent_edits_of_one_person_lose_nothing_silently() {
    on_each_backend(|backend| async move {
        let store = backend.open().await;
        let world = seed_world(&store).await;
        let caseworker = world.user(Role::Caseworker).clone();
        let person = store
            .create_person(&caseworker, &identity(), "registration")
            .await
            .unwrap();
        let mut tasks = Vec::new();
        for i in 0..6 {
            let (store, caseworker, id) = (store.clone(), caseworker.clone(), person.id.clone());
            tasks.push(tokio::spawn(async move {
                let change =
                    IdentityRecord::from([(IdentityField::OtherNames, format!("alias {i}"))]);
                store
                    .update_identity(&caseworker, &id, &change, "alias")
                    .await
            }));
        }
        let mut succeeded = 0;
        for task in tasks {
            match task.await.unwrap() {
                Ok(()) => succeeded += 1,
                Err(StoreError::Conflict(message)) => {
                    assert!(message.contains("reload"), "{message}")
                }
                Err(other) => panic!("{}: unexpected {other}", backend.name),
            }
        }
        assert!(succeeded >= 1);
        let record = store.person(&caseworker, &person.id).await.unwrap();
        assert_eq!(
            record.version,
            1 + succeeded,
            "{}: every accepted edit is one version",
            backend.name
        );
        backend
    })
    .await;
}
