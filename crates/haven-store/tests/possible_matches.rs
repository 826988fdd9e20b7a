//! Possible matches: a new registration is compared with everyone known through linkage
//! encodings, across scripts; caseworkers link or unlink records, never Haven. On both engines.

use haven_domain::access::Role;
use haven_store::{IdentityField, IdentityRecord, StoreError};
use haven_testkit::{on_each_backend, seed_world};

/// A person's identity; an empty value leaves the field out.
fn person(given: &str, family: &str, birth: &str, phone: &str) -> IdentityRecord {
    [
        (IdentityField::GivenName, given),
        (IdentityField::FamilyName, family),
        (IdentityField::DateOfBirth, birth),
        (IdentityField::Phone, phone),
    ]
    .into_iter()
    .filter(|(_, value)| !value.is_empty())
    .map(|(field, value)| (field, value.to_string()))
    .collect()
}

#[tokio::test]
async fn the_same_person_written_in_another_script_is_a_possible_match() {
    on_each_backend(|backend| async move {
        let store = backend.open().await;
        let world = seed_world(&store).await;
        let caseworker = world.user(Role::Caseworker);
        let latin = store
            .create_person(
                caseworker,
                &person("Olena", "Kovalenko", "1990-04-12", "+380 67 123 4567"),
                "registration",
            )
            .await
            .unwrap();
        let other = store
            .create_person(
                caseworker,
                &person("Blessing", "Okafor", "2001-11-02", "+234 80 555 0101"),
                "registration",
            )
            .await
            .unwrap();
        let cyrillic = store
            .create_person(
                caseworker,
                &person("Олена", "Коваленко", "1990-04-12", "067 123 4567"),
                "registration",
            )
            .await
            .unwrap();

        let found = store
            .possible_matches(caseworker, &cyrillic.id)
            .await
            .unwrap();
        assert_eq!(found.matches.len(), 1, "{}: {found:?}", backend.name);
        assert_eq!(found.matches[0].person_id, latin.id);
        assert!(found.matches[0].score >= 0.8 && !found.matches[0].linked);
        assert!(
            store
                .possible_matches(caseworker, &other.id)
                .await
                .unwrap()
                .matches
                .is_empty()
        );
        backend
    })
    .await;
}

#[tokio::test]
async fn caseworkers_link_and_unlink_and_the_histories_replay_it() {
    on_each_backend(|backend| async move {
        let store = backend.open().await;
        let world = seed_world(&store).await;
        let caseworker = world.user(Role::Caseworker);
        let a = store
            .create_person(
                caseworker,
                &person("Amina", "Haddad", "1985-01-30", ""),
                "registration",
            )
            .await
            .unwrap();
        let b = store
            .create_person(
                caseworker,
                &person("Amina", "Hadad", "1985-01-30", ""),
                "registration",
            )
            .await
            .unwrap();
        store
            .link_persons(caseworker, &a.id, &b.id, true)
            .await
            .unwrap();
        assert!(
            store
                .possible_matches(caseworker, &a.id)
                .await
                .unwrap()
                .matches[0]
                .linked
        );
        let before = store.projection_fingerprint().await.unwrap();
        store.rebuild_projections().await.unwrap();
        assert_eq!(
            store.projection_fingerprint().await.unwrap(),
            before,
            "{}",
            backend.name
        );
        store
            .link_persons(caseworker, &a.id, &b.id, false)
            .await
            .unwrap();
        assert!(
            !store
                .possible_matches(caseworker, &a.id)
                .await
                .unwrap()
                .matches[0]
                .linked
        );
        assert!(matches!(
            store.link_persons(caseworker, &a.id, &a.id, true).await,
            Err(StoreError::Invalid { .. })
        ));
        let outsider = &world.second_caseworker;
        assert!(matches!(
            store.link_persons(outsider, &a.id, &b.id, true).await,
            Err(StoreError::Forbidden(_))
        ));
        let history = store.access_history(caseworker, &a.id).await.unwrap();
        assert!(
            history.iter().any(|e| e.action == "person.link")
                && history.iter().any(|e| e.action == "person.unlink")
        );
        backend
    })
    .await;
}

#[tokio::test]
async fn matches_in_records_the_caller_may_not_see_are_only_counted_and_erasure_removes_the_encoding()
 {
    on_each_backend(|backend| async move {
        let store = backend.open().await;
        let world = seed_world(&store).await;
        let caseworker = world.user(Role::Caseworker);
        let theirs = store
            .create_person(
                &world.second_caseworker,
                &person("Mariam", "Rahman", "1999-07-07", ""),
                "registration",
            )
            .await
            .unwrap();
        let mine = store
            .create_person(
                caseworker,
                &person("Mariam", "Rahman", "1999-07-07", ""),
                "registration",
            )
            .await
            .unwrap();
        let found = store.possible_matches(caseworker, &mine.id).await.unwrap();
        assert_eq!(
            (found.matches.len(), found.hidden),
            (0, 1),
            "{}",
            backend.name
        );

        let supervisor = world.user(Role::Supervisor);
        store
            .erase_person(supervisor, &mine.id, "the person asked")
            .await
            .unwrap();
        let left = backend
            .raw_count(&format!(
                "SELECT COUNT(*) FROM linkage_encodings WHERE person_id = '{}'",
                mine.id
            ))
            .await;
        assert_eq!(left, 0);
        assert_eq!(
            store
                .possible_matches(&world.second_caseworker, &theirs.id)
                .await
                .unwrap()
                .hidden,
            0
        );
        backend
    })
    .await;
}
