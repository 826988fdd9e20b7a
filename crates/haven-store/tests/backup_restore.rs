//! Backup and restore through the store on both engines: records, projections, the audit chain
//! and identities come back with the key export; without it, identities do not.

use haven_domain::access::Role;
use haven_store::{IdentityField, IdentityRecord, StoreError};
use haven_testkit::{example_input, on_each_backend, postgres_backend, seed_world, sqlite_backend};

#[tokio::test]
async fn a_backup_restores_records_projections_audit_and_identities() {
    on_each_backend(|backend| async move {
        let store = backend.open().await;
        let world = seed_world(&store).await;
        let caseworker = world.user(Role::Caseworker);
        let identity = IdentityRecord::from([(IdentityField::FamilyName, "Okafor".to_string())]);
        let person = store
            .create_person(caseworker, &identity, "registration")
            .await
            .unwrap();
        store
            .record_screening(
                caseworker,
                Some(&person.id),
                &example_input("S01-construction-debt-bondage.json"),
            )
            .await
            .unwrap();
        let fingerprint = store.projection_fingerprint().await.unwrap();
        let entries = store.verify_audit().await.unwrap().entries;

        let out = backend.dir.path().join("case-data.backup");
        store.backup_case_data(&out).await.unwrap();
        assert!(
            matches!(
                store.backup_case_data(&out).await,
                Err(StoreError::Conflict(_))
            ),
            "never overwrites"
        );
        let export = store
            .export_key_store("a long passphrase here")
            .await
            .unwrap();
        assert!(matches!(
            store.export_key_store("short").await,
            Err(StoreError::Invalid { .. })
        ));

        let target = match backend.name {
            "sqlite" => sqlite_backend(),
            _ => postgres_backend().await.expect("postgres is configured"),
        };
        let restored = haven_store::Store::restore(
            &target.config,
            &out,
            Some((&export, "a long passphrase here")),
        )
        .await
        .unwrap();
        assert_eq!(
            restored.projection_fingerprint().await.unwrap(),
            fingerprint,
            "{}",
            backend.name
        );
        let verification = restored.verify_audit().await.unwrap();
        assert_eq!(
            (verification.entries, verification.first_broken),
            (entries, None)
        );
        let read = restored
            .read_identity(caseworker, &person.id, &[], "after restore")
            .await
            .unwrap();
        assert_eq!(read[&IdentityField::FamilyName], "Okafor");
        assert_eq!(
            restored
                .find_persons(caseworker, IdentityField::FamilyName, "okafor")
                .await
                .unwrap()
                .len(),
            1
        );
        restored.close().await;
        target.cleanup().await;
        backend
    })
    .await;
}

#[tokio::test]
async fn without_the_key_export_no_identity_comes_back() {
    on_each_backend(|backend| async move {
        let store = backend.open().await;
        let world = seed_world(&store).await;
        let caseworker = world.user(Role::Caseworker);
        let identity = IdentityRecord::from([(IdentityField::FamilyName, "Okafor".to_string())]);
        let person = store
            .create_person(caseworker, &identity, "registration")
            .await
            .unwrap();
        let out = backend.dir.path().join("case-data.backup");
        store.backup_case_data(&out).await.unwrap();

        let target = match backend.name {
            "sqlite" => sqlite_backend(),
            _ => postgres_backend().await.expect("postgres is configured"),
        };
        let restored = haven_store::Store::restore(&target.config, &out, None)
            .await
            .unwrap();
        let error = restored
            .read_identity(caseworker, &person.id, &[], "try")
            .await
            .unwrap_err();
        assert!(
            matches!(error, StoreError::Conflict(_)),
            "{}: {error}",
            backend.name
        );
        assert!(
            restored
                .find_persons(caseworker, IdentityField::FamilyName, "okafor")
                .await
                .unwrap()
                .is_empty()
        );
        restored.close().await;
        target.cleanup().await;
        backend
    })
    .await;
}
