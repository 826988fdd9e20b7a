//! Opening a store: the data directory, the master key file, migrations applied once, the key
//! store kept apart, and key rotation without losing access. On SQLite and PostgreSQL.

use haven_domain::access::Role;
use haven_store::{IdentityField, IdentityRecord, Location, Store, StoreConfig};
use haven_testkit::{on_each_backend, seed_world};

#[tokio::test]
async fn a_fresh_data_dir_is_private_and_holds_a_private_master_key() {
    use std::os::unix::fs::PermissionsExt;
    let backend = haven_testkit::sqlite_backend();
    let store = backend.open().await;
    assert_eq!(store.engine(), "sqlite");
    let dir = backend.dir.path().join("haven-data");
    assert_eq!(
        std::fs::metadata(&dir).unwrap().permissions().mode() & 0o777,
        0o700
    );
    assert_eq!(
        std::fs::metadata(dir.join("master.key"))
            .unwrap()
            .permissions()
            .mode()
            & 0o777,
        0o600
    );
    assert!(
        dir.join("haven.sqlite").exists() && dir.join("keys.sqlite").exists(),
        "the key store is a separate file"
    );
    store.close().await;
    backend.cleanup().await;
}

#[tokio::test]
async fn reopening_applies_no_migration_twice_and_keeps_the_data() {
    on_each_backend(|backend| async move {
        let store = backend.open().await;
        let world = seed_world(&store).await;
        let person = store
            .create_person(
                world.user(Role::Caseworker),
                &IdentityRecord::from([(IdentityField::GivenName, "Ama".into())]),
                "registration",
            )
            .await
            .unwrap();
        store.close().await;
        let reopened = backend.open().await;
        let identity = reopened
            .read_identity(world.user(Role::Caseworker), &person.id, &[], "check")
            .await
            .unwrap();
        assert_eq!(identity[&IdentityField::GivenName], "Ama");
        let migrations = backend
            .raw_count("SELECT COUNT(*) FROM _sqlx_migrations")
            .await;
        let shipped = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/migrations/sqlite"))
            .unwrap()
            .count() as i64;
        assert_eq!(
            migrations, shipped,
            "{}: each migration applied once",
            backend.name
        );
        backend
    })
    .await;
}

#[tokio::test]
async fn postgres_needs_a_key_file_and_a_missing_key_file_is_never_silently_replaced() {
    let missing = StoreConfig {
        location: Location::Postgres {
            url: "postgres://127.0.0.1:1/none".into(),
        },
        key_file: None,
    };
    let error = Store::open(&missing)
        .await
        .err()
        .expect("refused")
        .to_string();
    assert!(error.contains("--key-file"), "{error}");

    on_each_backend(|backend| async move {
        let store = backend.open().await;
        store.close().await;
        let key_file = match &backend.config.key_file {
            Some(file) => file.clone(),
            None => match &backend.config.location {
                Location::DataDir(dir) => dir.join("master.key"),
                Location::Postgres { .. } => unreachable!("postgres backends have a key file"),
            },
        };
        std::fs::rename(&key_file, key_file.with_extension("moved")).unwrap();
        let error = Store::open(&backend.config)
            .await
            .err()
            .expect("refused without its key")
            .to_string();
        assert!(
            error.contains("master key file is missing"),
            "{}: {error}",
            backend.name
        );
        std::fs::rename(key_file.with_extension("moved"), &key_file).unwrap();
        assert!(Store::open(&backend.config).await.is_ok());
        backend
    })
    .await;
}

#[tokio::test]
async fn key_rotation_rewraps_every_key_and_identities_still_open() {
    on_each_backend(|backend| async move {
        let store = backend.open().await;
        let world = seed_world(&store).await;
        let caseworker = world.user(Role::Caseworker);
        let mut people = Vec::new();
        for name in ["Ama", "Bola", "Chidi"] {
            let identity = IdentityRecord::from([(IdentityField::GivenName, name.to_string())]);
            people.push(
                store
                    .create_person(caseworker, &identity, "registration")
                    .await
                    .unwrap()
                    .id,
            );
        }
        // A second process (the running server) has the store open during the rotation.
        let server = backend.open().await;
        let rotation = store.rotate_keys().await.unwrap();
        assert_eq!(rotation.version, 2);
        assert_eq!(
            rotation.rewrapped,
            3 + 3,
            "three people and three system keys (blind index, user secrets, linkage)"
        );
        assert!(store.keyring_text().contains("v2") && !store.keyring_text().contains("v1 "));
        for (id, name) in people.iter().zip(["Ama", "Bola", "Chidi"]) {
            let identity = server
                .read_identity(caseworker, id, &[], "check")
                .await
                .unwrap();
            assert_eq!(
                identity[&IdentityField::GivenName],
                name,
                "{}",
                backend.name
            );
        }
        let identity = IdentityRecord::from([(IdentityField::GivenName, "Dede".to_string())]);
        let after = server
            .create_person(caseworker, &identity, "registration")
            .await
            .unwrap();
        assert_eq!(
            store
                .read_identity(caseworker, &after.id, &[], "check")
                .await
                .unwrap()
                .len(),
            1
        );
        backend
    })
    .await;
}
