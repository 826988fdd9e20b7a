//! Screenings through the store: the engine's result stored with its input in one transaction,
//! invalid input refused before anything is written, projections rebuilt from the histories.

use haven_domain::access::Role;
use haven_store::StoreError;
use haven_testkit::{example_input, on_each_backend, seed_world};

#[tokio::test]
async fn a_screening_is_stored_with_the_engines_result() {
    on_each_backend(|backend| async move {
        let store = backend.open().await;
        let world = seed_world(&store).await;
        let screener = world.user(Role::Screener);
        let record = store
            .record_screening(
                screener,
                None,
                &example_input("S03-boy-begging-boarding-school.json"),
            )
            .await
            .unwrap();
        assert_eq!(record.result["treated_as_child"], true);
        assert_eq!(record.result["legal"]["palermo"], "TRAFFICKING");
        let read = store.screening(screener, &record.id).await.unwrap();
        assert_eq!(read, record, "{}", backend.name);
        let list = store.screenings(screener, 10, None).await.unwrap();
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].legal_outcome, "TRAFFICKING");
        assert_eq!(list[0].exploitation_type, "labour");
        backend
    })
    .await;
}

#[tokio::test]
async fn invalid_input_is_refused_with_the_field_and_nothing_is_written() {
    on_each_backend(|backend| async move {
        let store = backend.open().await;
        let world = seed_world(&store).await;
        let screener = world.user(Role::Screener);
        let before = store.verify_audit().await.unwrap().entries;
        let mut input = example_input("S01-construction-debt-bondage.json");
        input["indicators"]["CR.debt_bondage"] = serde_json::json!("perhaps");
        let error = store.record_screening(screener, None, &input).await.unwrap_err();
        assert!(matches!(error, StoreError::Invalid { ref field, .. } if field == "input.indicators.CR.debt_bondage"), "{error}");
        assert_eq!(store.counts().await.unwrap().0, 0);
        assert_eq!(backend.raw_count("SELECT COUNT(*) FROM record_actions").await, 0);
        assert_eq!(store.verify_audit().await.unwrap().entries, before);
        backend
    })
    .await;
}

#[tokio::test]
async fn who_sees_which_screening() {
    on_each_backend(|backend| async move {
        let store = backend.open().await;
        let world = seed_world(&store).await;
        let screener = world.user(Role::Screener);
        let record = store
            .record_screening(
                screener,
                None,
                &example_input("S05-checkpoint-unclear.json"),
            )
            .await
            .unwrap();
        // The supervisor of the screener's team sees it; an unrelated caseworker and a
        // statistician do not, and the refusals are audited.
        assert!(
            store
                .screening(world.user(Role::Supervisor), &record.id)
                .await
                .is_ok()
        );
        assert_eq!(
            store
                .screenings(world.user(Role::Supervisor), 10, None)
                .await
                .unwrap()
                .len(),
            1
        );
        for outsider in [
            &world.second_caseworker,
            world.user(Role::Statistician),
            world.user(Role::Admin),
        ] {
            let error = store.screening(outsider, &record.id).await.unwrap_err();
            assert!(
                matches!(error, StoreError::Forbidden(_)),
                "{}: {}",
                outsider.role,
                backend.name
            );
            assert!(
                store
                    .screenings(outsider, 10, None)
                    .await
                    .unwrap()
                    .is_empty()
            );
        }
        let denied = store
            .audit_entries_for_record(&record.id)
            .await
            .unwrap()
            .into_iter()
            .filter(|e| e.outcome == "denied")
            .count();
        assert_eq!(denied, 3);
        backend
    })
    .await;
}

#[tokio::test]
async fn rebuilding_the_projections_gives_the_same_state() {
    on_each_backend(|backend| async move {
        let store = backend.open().await;
        let world = seed_world(&store).await;
        let caseworker = world.user(Role::Caseworker);
        let person = store
            .create_person(
                caseworker,
                &[(haven_store::IdentityField::GivenName, "Ana".to_string())].into(),
                "registration",
            )
            .await
            .unwrap();
        store
            .assign_person(caseworker, &person.id, &world.second_caseworker.user_id)
            .await
            .unwrap();
        for name in [
            "S01-construction-debt-bondage.json",
            "S04-declines-referral.json",
            "S06-football-agent-at-risk.json",
        ] {
            store
                .record_screening(caseworker, Some(&person.id), &example_input(name))
                .await
                .unwrap();
        }
        let before = store.projection_fingerprint().await.unwrap();
        // Damage the projections, as a botched manual fix would.
        backend.raw_execute("DELETE FROM screenings").await.unwrap();
        backend
            .raw_execute("UPDATE persons SET version = 99")
            .await
            .unwrap();
        assert_ne!(store.projection_fingerprint().await.unwrap(), before);
        let report = store.rebuild_projections().await.unwrap();
        assert_eq!((report.screenings, report.persons), (3, 1));
        assert_eq!(
            store.projection_fingerprint().await.unwrap(),
            before,
            "{}",
            backend.name
        );
        assert_eq!(store.verify_audit().await.unwrap().first_broken, None);
        backend
    })
    .await;
}

#[tokio::test]
async fn screening_a_registered_person_needs_a_relationship_to_them() {
    on_each_backend(|backend| async move {
        let store = backend.open().await;
        let world = seed_world(&store).await;
        let caseworker = world.user(Role::Caseworker);
        let person = store
            .create_person(
                caseworker,
                &[(haven_store::IdentityField::GivenName, "Ana".to_string())].into(),
                "registration",
            )
            .await
            .unwrap();
        let error = store
            .record_screening(
                &world.second_caseworker,
                Some(&person.id),
                &example_input("S01-construction-debt-bondage.json"),
            )
            .await
            .unwrap_err();
        assert!(matches!(error, StoreError::Forbidden(_)));
        store
            .assign_person(caseworker, &person.id, &world.second_caseworker.user_id)
            .await
            .unwrap();
        store
            .record_screening(
                &world.second_caseworker,
                Some(&person.id),
                &example_input("S01-construction-debt-bondage.json"),
            )
            .await
            .unwrap();
        backend
    })
    .await;
}
