//! Every role against a caseworker's record through the store: who may view the case, view and
//! write identity, erase — as the domain's policy decides, with every refusal audited.

use haven_domain::access::Role;
use haven_store::{IdentityField, IdentityRecord, StoreError};
use haven_testkit::{example_input, on_each_backend, seed_world};

#[tokio::test]
async fn each_role_gets_exactly_the_access_the_policy_gives() {
    on_each_backend(|backend| async move {
        let store = backend.open().await;
        let world = seed_world(&store).await;
        let owner = world.user(Role::Caseworker);
        let identity = IdentityRecord::from([(IdentityField::GivenName, "Mira".to_string())]);
        let person = store
            .create_person(owner, &identity, "registration")
            .await
            .unwrap();
        let change = IdentityRecord::from([(IdentityField::OtherNames, "M.".to_string())]);

        // (role, view case, view identity, write identity, record a screening on the person)
        let expected = [
            (Role::Screener, false, false, false, false),
            (Role::Caseworker, true, true, true, true),
            (Role::Supervisor, true, true, false, true),
            (Role::DecisionMaker, false, false, false, false),
            (Role::Provider, false, false, false, false),
            (Role::Registrar, false, false, false, false),
            (Role::Trainer, false, false, false, false),
            (Role::Statistician, false, false, false, false),
            (Role::Admin, false, false, false, false),
        ];
        for (role, view_case, view_identity, write_identity, screen) in expected {
            let who = world.user(role);
            let allowed = |r: Result<(), StoreError>| match r {
                Ok(()) => true,
                Err(StoreError::Forbidden(_)) => false,
                Err(other) => panic!("{role}: unexpected {other}"),
            };
            let got = (
                allowed(store.person(who, &person.id).await.map(drop)),
                allowed(
                    store
                        .read_identity(who, &person.id, &[], "check")
                        .await
                        .map(drop),
                ),
                allowed(
                    store
                        .update_identity(who, &person.id, &change, "update")
                        .await,
                ),
                allowed(
                    store
                        .record_screening(
                            who,
                            Some(&person.id),
                            &example_input("S05-checkpoint-unclear.json"),
                        )
                        .await
                        .map(drop),
                ),
            );
            assert_eq!(
                got,
                (view_case, view_identity, write_identity, screen),
                "{}: {role}",
                backend.name
            );
        }
        // An assigned caseworker gets the owner's access; a decision maker assigned too.
        store
            .assign_person(owner, &person.id, &world.user(Role::DecisionMaker).user_id)
            .await
            .unwrap();
        assert!(
            store
                .read_identity(
                    world.user(Role::DecisionMaker),
                    &person.id,
                    &[],
                    "decision letter"
                )
                .await
                .is_ok()
        );
        assert!(matches!(
            store
                .update_identity(world.user(Role::DecisionMaker), &person.id, &change, "x")
                .await,
            Err(StoreError::Forbidden(_))
        ));
        let denied = store
            .audit_entries_for_record(&person.id)
            .await
            .unwrap()
            .into_iter()
            .filter(|e| e.outcome == "denied")
            .count();
        let refusals = expected
            .iter()
            .map(|e| [e.1, e.2, e.3, e.4].iter().filter(|a| !**a).count())
            .sum::<usize>()
            + 1;
        assert_eq!(
            denied, refusals,
            "{}: every refusal is audited",
            backend.name
        );
        backend
    })
    .await;
}
