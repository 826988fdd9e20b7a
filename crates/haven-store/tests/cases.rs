//! Cases through the store, on both engines: histories sealed under the person's key and
//! replayed by the domain, refusals that write nothing, concurrent edits as conflicts, the
//! receiving organisation's inbox, who may see what, erasure and rebuilt projections.

use std::collections::BTreeSet;

use haven_domain::access::Role;
use haven_domain::case::{
    ConsentGiver, ConsentId, ConsentPurpose, Informed, LegalBasis, OrganisationId, Recipient,
    RecipientRole, ReferralId, SharedField, What,
};
use haven_store::{
    CaseFilter, IdentityField, IdentityRecord, OpenCase, Principal, Store, StoreError,
};
use haven_testkit::{World, example_input, on_each_backend, seed_world};

async fn person(store: &Store, owner: &Principal) -> String {
    let identity = IdentityRecord::from([(IdentityField::GivenName, "Amina".to_string())]);
    store
        .create_person(owner, &identity, "registration")
        .await
        .unwrap()
        .id
}

async fn adult_case(store: &Store, caseworker: &Principal) -> (String, String) {
    let person_id = person(store, caseworker).await;
    let screening = store
        .record_screening(
            caseworker,
            Some(&person_id),
            &example_input("S01-construction-debt-bondage.json"),
        )
        .await
        .unwrap();
    let record = store
        .open_case(
            caseworker,
            &OpenCase {
                person_id: person_id.clone(),
                screening_id: Some(screening.id),
                language: Some("fr".into()),
                ..OpenCase::default()
            },
        )
        .await
        .unwrap();
    (record.id, person_id)
}

fn consent_to_referral(id: &str, organisation: &str) -> What {
    What::GiveConsent {
        consent: ConsentId(id.into()),
        purpose: ConsentPurpose::Referral(OrganisationId(organisation.into())),
        legal_basis: LegalBasis::Consent,
        given_by: ConsentGiver::Person,
        informed: Informed::FULLY,
        interpreter: None,
    }
}

fn refer_to_shelter(world: &World) -> What {
    What::Refer {
        referral: ReferralId("r1".into()),
        to: Recipient {
            organisation: OrganisationId(world.shelter.clone()),
            role: RecipientRole::Shelter,
        },
        fields: BTreeSet::from([SharedField::CaseReference, SharedField::Gender]),
    }
}

#[tokio::test]
async fn a_referral_goes_to_the_receiving_organisations_inbox_and_is_answered_there() {
    on_each_backend(|backend| async move {
        let store = backend.open().await;
        let world = seed_world(&store).await;
        let caseworker = world.user(Role::Caseworker);
        let provider = world.user(Role::Provider);
        let (case_id, _) = adult_case(&store, caseworker).await;

        // Before any referral the provider has no relationship to the case.
        let refused = store.case(provider, &case_id).await.unwrap_err();
        assert!(matches!(refused, StoreError::Forbidden(_)), "{refused}");

        store
            .record_case_action(
                caseworker,
                &case_id,
                Some(1),
                consent_to_referral("c1", &world.shelter),
            )
            .await
            .unwrap();
        let sent = store
            .record_case_action(caseworker, &case_id, Some(2), refer_to_shelter(&world))
            .await
            .unwrap();
        assert_eq!(sent.version, 3);
        assert_eq!(sent.case.referrals[0].status.id(), "sent");

        let inbox = store.referral_inbox(provider, None).await.unwrap();
        assert_eq!(inbox.len(), 1, "{}", backend.name);
        assert_eq!(inbox[0].case_id, case_id);
        assert_eq!(inbox[0].fields, ["case_reference", "gender"]);
        assert_eq!(inbox[0].status, "sent");
        // The provider still cannot open the case until it accepts.
        assert!(store.case(provider, &case_id).await.is_err());

        let accepted = store
            .record_case_action(
                provider,
                &case_id,
                None,
                What::AcceptReferral {
                    referral: ReferralId("r1".into()),
                },
            )
            .await
            .unwrap();
        assert_eq!(accepted.case.referrals[0].status.id(), "accepted");
        assert_eq!(
            store
                .referral_inbox(provider, Some("accepted"))
                .await
                .unwrap()
                .len(),
            1
        );
        let seen = store.case(provider, &case_id).await.unwrap();
        assert_eq!(seen.version, 4);
        let listed = store
            .cases(
                provider,
                &CaseFilter {
                    limit: 50,
                    ..CaseFilter::default()
                },
            )
            .await
            .unwrap();
        assert_eq!(listed.len(), 1);

        // Every write and every read of the sealed history is in the audit log.
        let audit: Vec<String> = store
            .audit_entries_for_record(&case_id)
            .await
            .unwrap()
            .into_iter()
            .map(|e| e.action)
            .collect();
        for expected in [
            "case.open",
            "case.give_consent",
            "case.refer",
            "case.accept_referral",
            "case.read",
            "access.denied",
        ] {
            assert!(
                audit.iter().any(|a| a == expected),
                "{expected} in {audit:?}"
            );
        }
        backend
    })
    .await;
}

#[tokio::test]
async fn another_organisation_cannot_answer_a_referral() {
    on_each_backend(|backend| async move {
        let store = backend.open().await;
        let world = seed_world(&store).await;
        let caseworker = world.user(Role::Caseworker);
        let (case_id, _) = adult_case(&store, caseworker).await;
        store
            .record_case_action(
                caseworker,
                &case_id,
                None,
                consent_to_referral("c1", &world.shelter),
            )
            .await
            .unwrap();
        store
            .record_case_action(caseworker, &case_id, None, refer_to_shelter(&world))
            .await
            .unwrap();
        // The decision maker works for the NGO, not the shelter.
        let outsider = world.user(Role::DecisionMaker);
        let error = store
            .record_case_action(
                outsider,
                &case_id,
                None,
                What::AcceptReferral {
                    referral: ReferralId("r1".into()),
                },
            )
            .await
            .unwrap_err();
        assert!(matches!(error, StoreError::Forbidden(_)), "{error}");
        assert_eq!(store.case(caseworker, &case_id).await.unwrap().version, 3);
        backend
    })
    .await;
}

#[tokio::test]
async fn a_refused_action_and_a_stale_version_write_nothing() {
    on_each_backend(|backend| async move {
        let store = backend.open().await;
        let world = seed_world(&store).await;
        let caseworker = world.user(Role::Caseworker);
        let (case_id, _) = adult_case(&store, caseworker).await;
        let actions_before = backend
            .raw_count("SELECT COUNT(*) FROM record_actions")
            .await;

        // No consent covers the referral: the domain refuses it, with the reason.
        let error = store
            .record_case_action(caseworker, &case_id, Some(1), refer_to_shelter(&world))
            .await
            .unwrap_err();
        assert!(
            matches!(&error, StoreError::Refused(reason) if reason.contains("no active consent")),
            "{error}"
        );

        // Two people edit version 1; the second is told, and loses nothing already saved.
        store
            .record_case_action(
                caseworker,
                &case_id,
                Some(1),
                consent_to_referral("c1", &world.shelter),
            )
            .await
            .unwrap();
        let stale = store
            .record_case_action(
                caseworker,
                &case_id,
                Some(1),
                consent_to_referral("c2", &world.shelter),
            )
            .await
            .unwrap_err();
        assert!(
            matches!(&stale, StoreError::Conflict(m) if m.contains("reload")),
            "{stale}"
        );
        assert_eq!(
            backend
                .raw_count("SELECT COUNT(*) FROM record_actions")
                .await,
            actions_before + 1
        );
        let case = store.case(caseworker, &case_id).await.unwrap();
        assert_eq!(case.version, 2);
        assert_eq!(case.case.consents.len(), 1);
        backend
    })
    .await;
}

#[tokio::test]
async fn the_history_is_sealed_and_only_the_people_on_the_case_read_it() {
    on_each_backend(|backend| async move {
        let store = backend.open().await;
        let world = seed_world(&store).await;
        let caseworker = world.user(Role::Caseworker);
        let (case_id, _) = adult_case(&store, caseworker).await;
        store
            .record_case_action(
                caseworker,
                &case_id,
                None,
                What::RecordProceeding {
                    proceeding: haven_domain::case::ProceedingId("p1".into()),
                    offence: haven_domain::case::OffenceCategory::Document,
                    description: "charged with using a false passport at the border".into(),
                    linked_to_trafficking: true,
                },
            )
            .await
            .unwrap();
        let stored = backend
            .raw_count("SELECT COUNT(*) FROM record_actions WHERE payload LIKE '%passport%'")
            .await;
        assert_eq!(stored, 0, "the narrative is sealed at rest");

        let history = store.case_history(caseworker, &case_id).await.unwrap();
        assert_eq!(history.len(), 2);
        assert_eq!(history[0].action.role, Role::Caseworker);

        for role in Role::ALL {
            let outcome = store.case(world.user(role), &case_id).await;
            let expected = matches!(role, Role::Caseworker | Role::Supervisor);
            assert_eq!(outcome.is_ok(), expected, "{role}: {:?}", outcome.err());
        }
        assert!(
            store
                .case(&world.second_caseworker, &case_id)
                .await
                .is_err()
        );
        backend
    })
    .await;
}

#[tokio::test]
async fn erasure_leaves_the_pseudonymous_projection_and_rebuild_replays_the_rest() {
    on_each_backend(|backend| async move {
        let store = backend.open().await;
        let world = seed_world(&store).await;
        let caseworker = world.user(Role::Caseworker);
        let (kept, _) = adult_case(&store, caseworker).await;
        let (erased, erased_person) = adult_case(&store, caseworker).await;
        store
            .record_case_action(
                caseworker,
                &kept,
                None,
                consent_to_referral("c1", &world.shelter),
            )
            .await
            .unwrap();
        store
            .record_case_action(caseworker, &kept, None, refer_to_shelter(&world))
            .await
            .unwrap();
        store
            .erase_person(
                world.user(Role::Supervisor),
                &erased_person,
                "the person asked",
            )
            .await
            .unwrap();

        let error = store.case(caseworker, &erased).await.unwrap_err();
        assert!(
            matches!(error, StoreError::Conflict(ref m) if m.contains("erased")),
            "{error}"
        );
        assert_eq!(
            store
                .cases(
                    caseworker,
                    &CaseFilter {
                        limit: 50,
                        ..CaseFilter::default()
                    }
                )
                .await
                .unwrap()
                .len(),
            2
        );

        let before = store.projection_fingerprint().await.unwrap();
        backend
            .raw_execute("DELETE FROM case_referrals")
            .await
            .unwrap();
        backend
            .raw_execute(&format!(
                "UPDATE cases SET stage = 'closed' WHERE id = '{kept}'"
            ))
            .await
            .unwrap();
        let report = store.rebuild_projections().await.unwrap();
        assert_eq!(report.cases, 1, "{}", backend.name);
        assert_eq!(store.projection_fingerprint().await.unwrap(), before);
        backend
    })
    .await;
}
