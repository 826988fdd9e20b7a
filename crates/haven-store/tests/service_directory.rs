//! The service directory through the store, on both engines: who keeps which entries, places
//! free, lists by kind, provider and free places, histories that rebuild the directory, and
//! matching a case's needs to it — a man is told why the women-only shelter is not for him, a
//! woman who asked for women-only services is offered those, and a full service comes after
//! those with places.

use std::collections::BTreeSet;

use haven_domain::access::Role;
use haven_domain::case::{
    AgeRange, Capacity, Eligibility, GendersServed, MatchReason, OrganisationId, Preferences,
    ServiceKind, What,
};
use haven_domain::htcds::Gender;
use haven_domain::i18n::Localizer;
use haven_store::{
    IdentityField, IdentityRecord, OpenCase, Principal, ServiceDescription, ServiceFilter, Store,
    StoreError,
};
use haven_testkit::{example_input, on_each_backend, seed_world};

/// A service in Port City for everyone, whose staff speak English; each test changes what it
/// is about.
fn described(provider: &str, name: &str, kind: ServiceKind) -> ServiceDescription {
    ServiceDescription {
        provider: OrganisationId(provider.to_string()),
        name: name.to_string(),
        kind,
        eligibility: Eligibility {
            genders: GendersServed::Everyone,
            ages: AgeRange::ANY,
            women_only: false,
            child_friendly: true,
            languages: BTreeSet::from(["en".to_string()]),
            disability_access: true,
        },
        staff_genders: BTreeSet::from([Gender::Feminine, Gender::Masculine]),
        location: "port-city".into(),
        capacity: None,
    }
}

fn shelter(provider: &str, name: &str, total: u32, free: u32) -> ServiceDescription {
    ServiceDescription {
        capacity: Capacity::new(total, free),
        ..described(provider, name, ServiceKind::Shelter)
    }
}

fn women_only(mut description: ServiceDescription) -> ServiceDescription {
    description.eligibility.women_only = true;
    description.staff_genders = BTreeSet::from([Gender::Feminine]);
    description
}

/// Opens a case for a person screened with a worked example, recording the services needed.
async fn case_needing(
    store: &Store,
    caseworker: &Principal,
    example: &str,
    services: &[ServiceKind],
) -> String {
    let identity = IdentityRecord::from([(IdentityField::GivenName, "Sam".to_string())]);
    let person = store
        .create_person(caseworker, &identity, "registration")
        .await
        .unwrap();
    let screening = store
        .record_screening(caseworker, Some(&person.id), &example_input(example))
        .await
        .unwrap();
    let case = store
        .open_case(
            caseworker,
            &OpenCase {
                person_id: person.id,
                screening_id: Some(screening.id),
                language: Some("en".into()),
                ..OpenCase::default()
            },
        )
        .await
        .unwrap();
    store
        .record_case_action(
            caseworker,
            &case.id,
            None,
            What::RecordNeeds {
                services: services.iter().copied().collect(),
                disability_access: false,
                location: Some("port-city".into()),
            },
        )
        .await
        .unwrap();
    case.id
}

async fn service_actions(backend: &haven_testkit::TestBackend) -> i64 {
    backend
        .raw_count("SELECT COUNT(*) FROM record_actions WHERE record_type = 'service'")
        .await
}

#[tokio::test]
async fn admins_keep_every_entry_and_providers_their_own_organisations() {
    on_each_backend(|backend| async move {
        let store = backend.open().await;
        let world = seed_world(&store).await;
        let admin = world.user(Role::Admin);
        let provider = world.user(Role::Provider);

        let by_admin = store
            .add_service(
                admin,
                described(&world.ngo, "Legal advice desk", ServiceKind::LegalAid),
            )
            .await
            .unwrap();
        assert_eq!(by_admin.version, 1);
        let own = store
            .add_service(provider, shelter(&world.shelter, "Night shelter", 10, 4))
            .await
            .unwrap();
        assert_eq!(own.service.provider.0, world.shelter);

        // The provider keeps only its own organisation's entries; no other role keeps any.
        let before = service_actions(&backend).await;
        let error = store
            .add_service(
                provider,
                described(&world.ngo, "Clinic", ServiceKind::Medical),
            )
            .await
            .unwrap_err();
        assert!(
            matches!(&error, StoreError::Forbidden(m) if m.contains("not the owner")),
            "{error}"
        );
        let error = store
            .set_places_free(provider, &by_admin.service.id.0, None, 1)
            .await
            .unwrap_err();
        assert!(matches!(error, StoreError::Forbidden(_)), "{error}");
        for role in Role::ALL
            .into_iter()
            .filter(|r| !matches!(r, Role::Admin | Role::Provider))
        {
            let error = store
                .add_service(
                    world.user(role),
                    described(&world.shelter, "Anything", ServiceKind::Psychosocial),
                )
                .await
                .unwrap_err();
            assert!(
                matches!(&error, StoreError::Forbidden(m) if m.contains("role")),
                "{role}: {error}"
            );
            let error = store
                .set_places_free(world.user(role), &own.service.id.0, None, 0)
                .await
                .unwrap_err();
            assert!(matches!(error, StoreError::Forbidden(_)), "{role}: {error}");
        }
        assert_eq!(
            service_actions(&backend).await,
            before,
            "refusals write nothing"
        );
        let refusals = store
            .audit_entries_for_record(&own.service.id.0)
            .await
            .unwrap()
            .into_iter()
            .filter(|e| e.action == "access.denied")
            .count();
        assert_eq!(refusals, Role::ALL.len() - 2, "every refusal is audited");

        // The provider changes its places daily; the admin may change anything.
        let changed = store
            .set_places_free(provider, &own.service.id.0, Some(1), 0)
            .await
            .unwrap();
        assert_eq!(changed.version, 2);
        assert_eq!(changed.service.capacity.unwrap().free(), 0);
        let renamed = store
            .update_service(
                admin,
                &own.service.id.0,
                Some(2),
                shelter(&world.shelter, "Night shelter (east wing)", 12, 2),
            )
            .await
            .unwrap();
        assert_eq!(renamed.service.id, own.service.id);
        assert_eq!(renamed.version, 3);
        // A provider cannot move its service to another organisation.
        let error = store
            .update_service(
                provider,
                &own.service.id.0,
                Some(3),
                shelter(&world.ngo, "Night shelter", 12, 2),
            )
            .await
            .unwrap_err();
        assert!(matches!(error, StoreError::Forbidden(_)), "{error}");

        let audit: Vec<String> = store
            .audit_entries_for_record(&own.service.id.0)
            .await
            .unwrap()
            .into_iter()
            .map(|e| e.action)
            .collect();
        for expected in ["service.add", "service.set_places_free", "service.update"] {
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
async fn places_are_counted_within_what_a_service_has_and_changes_do_not_cross() {
    on_each_backend(|backend| async move {
        let store = backend.open().await;
        let world = seed_world(&store).await;
        let provider = world.user(Role::Provider);
        let beds = store
            .add_service(provider, shelter(&world.shelter, "Night shelter", 6, 6))
            .await
            .unwrap();
        let advice = store
            .add_service(
                provider,
                described(&world.shelter, "Advice line", ServiceKind::LegalAid),
            )
            .await
            .unwrap();

        let error = store
            .set_places_free(provider, &beds.service.id.0, None, 7)
            .await
            .unwrap_err();
        assert!(
            matches!(&error, StoreError::Invalid { field, problem } if field == "free" && problem.contains("more than the 6")),
            "{error}"
        );
        let error = store
            .set_places_free(provider, &advice.service.id.0, None, 1)
            .await
            .unwrap_err();
        assert!(
            matches!(&error, StoreError::Invalid { field, .. } if field == "free"),
            "{error}"
        );
        let error = store
            .add_service(provider, described(&world.shelter, "  ", ServiceKind::Medical))
            .await
            .unwrap_err();
        assert!(matches!(&error, StoreError::Invalid { field, .. } if field == "name"), "{error}");
        let error = store
            .add_service(provider, described("no-such-organisation", "X", ServiceKind::Medical))
            .await
            .unwrap_err();
        assert!(matches!(error, StoreError::Forbidden(_)), "a provider's own only: {error}");
        let error = store
            .add_service(
                world.user(Role::Admin),
                described("no-such-organisation", "X", ServiceKind::Medical),
            )
            .await
            .unwrap_err();
        assert!(
            matches!(&error, StoreError::Invalid { field, .. } if field == "provider"),
            "{error}"
        );

        // Two people change version 1; the second is told.
        store
            .set_places_free(provider, &beds.service.id.0, Some(1), 5)
            .await
            .unwrap();
        let stale = store
            .set_places_free(provider, &beds.service.id.0, Some(1), 4)
            .await
            .unwrap_err();
        assert!(matches!(&stale, StoreError::Conflict(m) if m.contains("reload")), "{stale}");
        assert_eq!(
            store.service(&beds.service.id.0).await.unwrap().service.capacity,
            Capacity::new(6, 5)
        );
        backend
    })
    .await;
}

#[tokio::test]
async fn the_directory_lists_by_kind_provider_and_free_places_and_rebuilds_from_its_histories() {
    on_each_backend(|backend| async move {
        let store = backend.open().await;
        let world = seed_world(&store).await;
        let admin = world.user(Role::Admin);
        let full = store
            .add_service(admin, shelter(&world.shelter, "Full shelter", 4, 0))
            .await
            .unwrap();
        let free = store
            .add_service(admin, shelter(&world.ngo, "Open shelter", 4, 2))
            .await
            .unwrap();
        let legal = store
            .add_service(
                admin,
                described(&world.ngo, "Legal aid", ServiceKind::LegalAid),
            )
            .await
            .unwrap();
        let names = |entries: Vec<haven_store::ServiceEntry>| -> Vec<String> {
            entries.into_iter().map(|e| e.service.name).collect()
        };

        let all = store.services(&ServiceFilter::default()).await.unwrap();
        assert_eq!(
            names(all),
            ["Legal aid", "Full shelter", "Open shelter"],
            "by kind, then name"
        );
        let shelters = ServiceFilter {
            kind: Some(ServiceKind::Shelter),
            ..ServiceFilter::default()
        };
        assert_eq!(
            names(store.services(&shelters).await.unwrap()),
            ["Full shelter", "Open shelter"]
        );
        let of_ngo = ServiceFilter {
            organisation_id: Some(world.ngo.clone()),
            ..ServiceFilter::default()
        };
        assert_eq!(
            names(store.services(&of_ngo).await.unwrap()),
            ["Legal aid", "Open shelter"]
        );
        let with_places = ServiceFilter {
            with_places_free: true,
            ..ServiceFilter::default()
        };
        assert_eq!(
            names(store.services(&with_places).await.unwrap()),
            ["Legal aid", "Open shelter"],
            "legal aid has no places and is never full"
        );

        store
            .set_places_free(admin, &full.service.id.0, None, 1)
            .await
            .unwrap();
        store
            .update_service(
                admin,
                &legal.service.id.0,
                None,
                described(&world.ngo, "Legal aid clinic", ServiceKind::LegalAid),
            )
            .await
            .unwrap();
        let before = store.projection_fingerprint().await.unwrap();
        backend.raw_execute("DELETE FROM services").await.unwrap();
        assert_ne!(store.projection_fingerprint().await.unwrap(), before);
        let report = store.rebuild_projections().await.unwrap();
        assert_eq!(report.services, 3, "{}", backend.name);
        assert_eq!(store.projection_fingerprint().await.unwrap(), before);
        assert_eq!(
            store
                .service(&full.service.id.0)
                .await
                .unwrap()
                .service
                .capacity,
            Capacity::new(4, 1)
        );
        assert_eq!(store.service(&free.service.id.0).await.unwrap().version, 1);
        backend
    })
    .await;
}

#[tokio::test]
async fn matching_says_why_a_man_is_not_for_the_women_only_shelter_and_ranks_a_full_one_last() {
    on_each_backend(|backend| async move {
        let store = backend.open().await;
        let world = seed_world(&store).await;
        let admin = world.user(Role::Admin);
        let caseworker = world.user(Role::Caseworker);
        for description in [
            women_only(shelter(
                &world.shelter,
                "Safe Harbour women's shelter",
                12,
                3,
            )),
            shelter(&world.ngo, "Full night shelter", 8, 0),
            shelter(&world.ngo, "Port City shelter", 20, 5),
            described(&world.ngo, "Legal aid", ServiceKind::LegalAid),
            described(&world.ngo, "Clinic", ServiceKind::Medical),
        ] {
            store.add_service(admin, description).await.unwrap();
        }
        // S01: a man of 41, screened as male.
        let case_id = case_needing(
            &store,
            caseworker,
            "S01-construction-debt-bondage.json",
            &[ServiceKind::Shelter, ServiceKind::LegalAid],
        )
        .await;

        let matches = store.matching_services(caseworker, &case_id).await.unwrap();
        let en = Localizer::english();
        let ranked: Vec<(usize, &str, bool, Vec<String>)> = matches
            .iter()
            .map(|m| {
                (
                    m.rank,
                    m.service.name.as_str(),
                    m.eligible,
                    m.reasons
                        .iter()
                        .map(|r| en.render(&r.message(m.service.kind)))
                        .collect(),
                )
            })
            .collect();
        assert_eq!(
            ranked,
            [
                (1, "Legal aid", true, vec![]),
                (2, "Port City shelter", true, vec![]),
                (
                    3,
                    "Safe Harbour women's shelter",
                    false,
                    vec!["women-only shelter; adult men not eligible".to_string()]
                ),
                (
                    4,
                    "Full night shelter",
                    false,
                    vec!["no places free".to_string()]
                ),
            ],
            "{}: the clinic is not a kind he needs",
            backend.name
        );
        assert_eq!(
            matches[2].reasons,
            [MatchReason::WomenOnly {
                gender: Gender::Masculine
            }]
        );
        // Matching reads the case: an audited read, for those who may read it only.
        let reads = store.audit_entries_for_record(&case_id).await.unwrap();
        assert!(reads.iter().any(|e| e.action == "case.read"));
        let error = store
            .matching_services(world.user(Role::Provider), &case_id)
            .await
            .unwrap_err();
        assert!(matches!(error, StoreError::Forbidden(_)), "{error}");
        backend
    })
    .await;
}

#[tokio::test]
async fn a_woman_who_asked_for_women_only_services_is_offered_those() {
    on_each_backend(|backend| async move {
        let store = backend.open().await;
        let world = seed_world(&store).await;
        let admin = world.user(Role::Admin);
        let caseworker = world.user(Role::Caseworker);
        store
            .add_service(admin, shelter(&world.ngo, "Port City shelter", 20, 5))
            .await
            .unwrap();
        store
            .add_service(
                admin,
                women_only(shelter(
                    &world.shelter,
                    "Safe Harbour women's shelter",
                    12,
                    3,
                )),
            )
            .await
            .unwrap();
        // S02: a woman of 26, screened as female.
        let case_id = case_needing(
            &store,
            caseworker,
            "S02-marriage-agency.json",
            &[ServiceKind::Shelter],
        )
        .await;
        let before = store.matching_services(caseworker, &case_id).await.unwrap();
        assert!(before.iter().all(|m| m.eligible), "both shelters take her");
        assert_eq!(
            before[0].service.name, "Port City shelter",
            "more places free"
        );

        store
            .record_case_action(
                caseworker,
                &case_id,
                None,
                What::RecordPreferences {
                    preferences: Preferences {
                        caseworker_gender: Some(Gender::Feminine),
                        interpreter_gender: None,
                        women_only_services: true,
                    },
                },
            )
            .await
            .unwrap();
        let after = store.matching_services(caseworker, &case_id).await.unwrap();
        assert_eq!(after[0].service.name, "Safe Harbour women's shelter");
        assert!(after[0].eligible && after[0].reasons.is_empty());
        assert_eq!(after[0].preferences_honoured, 2);
        assert_eq!(after[1].service.name, "Port City shelter");
        assert!(!after[1].eligible);
        assert_eq!(after[1].reasons, [MatchReason::NotWomenOnly]);
        backend
    })
    .await;
}
