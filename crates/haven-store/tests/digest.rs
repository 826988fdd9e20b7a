//! The daily digest through the store, on both engines: each reader gets what their role has
//! to act on among the cases they may see — the caseworker their own late items, the
//! supervisor what escalated, the provider the referral waiting for its answer — and nothing
//! of the cases they may not see.

use std::collections::BTreeSet;

use haven_domain::access::Role;
use haven_domain::case::profile::DeadlineKind;
use haven_domain::case::{
    ConsentGiver, ConsentPurpose, Digest, Informed, LegalBasis, OrganisationId, Recipient,
    RecipientRole, SharedField, What,
};
use haven_store::{IdentityField, IdentityRecord, OpenCase, Principal, Store};
use haven_testkit::{World, example_input, on_each_backend, seed_world};

const DAY: i64 = 86_400_000;

fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis() as i64
}

/// Opens a case at `at` and refers it, with consent, to `organisation` in `role`.
async fn referred_case(
    store: &Store,
    caseworker: &Principal,
    organisation: &str,
    role: RecipientRole,
    referral: &str,
    at: i64,
) -> String {
    let identity = IdentityRecord::from([(IdentityField::GivenName, "Olena".to_string())]);
    let person = store
        .create_person(caseworker, &identity, "registration")
        .await
        .unwrap();
    let screening = store
        .record_screening(
            caseworker,
            Some(&person.id),
            &example_input("S02-marriage-agency.json"),
        )
        .await
        .unwrap();
    let case = store
        .open_case_at(
            caseworker,
            &OpenCase {
                person_id: person.id,
                screening_id: Some(screening.id),
                ..OpenCase::default()
            },
            at,
        )
        .await
        .unwrap();
    let organisation = OrganisationId(organisation.to_string());
    for what in [
        What::GiveConsent {
            consent: "c1".into(),
            purpose: ConsentPurpose::Referral(organisation.clone()),
            legal_basis: LegalBasis::Consent,
            given_by: ConsentGiver::Person,
            informed: Informed::FULLY,
            interpreter: None,
        },
        What::Refer {
            referral: referral.into(),
            to: Recipient { organisation, role },
            fields: BTreeSet::from([SharedField::CaseReference]),
        },
    ] {
        store
            .record_case_action_at(caseworker, &case.id, None, what, at)
            .await
            .unwrap();
    }
    case.id
}

/// Each section as (case, deadline kind).
fn sections(digest: &Digest) -> [Vec<(String, DeadlineKind)>; 4] {
    let lines = |items: &[haven_domain::case::DigestItem]| {
        items
            .iter()
            .map(|i| (i.case.0.clone(), i.item.kind))
            .collect()
    };
    [
        lines(&digest.escalated),
        lines(&digest.overdue),
        lines(&digest.due_today),
        lines(&digest.waiting_for_answer),
    ]
}

async fn digest_of(store: &Store, world: &World, role: Role) -> Digest {
    store.digest(world.user(role), now()).await.unwrap()
}

#[tokio::test]
async fn each_reader_gets_what_their_role_acts_on_among_the_cases_they_may_see() {
    on_each_backend(|backend| async move {
        let store = backend.open().await;
        let world = seed_world(&store).await;
        let caseworker = world.user(Role::Caseworker);
        // Referred to the competent authority (the NGO's decision maker) a month ago and never
        // answered: both the answer and the decision are long overdue, so escalated.
        let late = referred_case(
            &store,
            caseworker,
            &world.ngo,
            RecipientRole::CompetentAuthority,
            "r-ca",
            now() - 30 * DAY,
        )
        .await;
        // Referred to the shelter just now: its answer is due in a few days.
        let fresh = referred_case(
            &store,
            caseworker,
            &world.shelter,
            RecipientRole::Shelter,
            "r-shelter",
            now(),
        )
        .await;
        let late_items = vec![
            (late.clone(), DeadlineKind::ReferralResponse),
            (late.clone(), DeadlineKind::ReasonableGroundsDecision),
        ];

        let own = digest_of(&store, &world, Role::Caseworker).await;
        assert_eq!(
            sections(&own),
            [late_items.clone(), vec![], vec![], vec![]],
            "{}: the caseworker's own late items; the fresh referral is not theirs to answer",
            backend.name
        );
        assert_eq!(own.user.0, caseworker.user_id);
        let text = own.text(&haven_domain::i18n::Localizer::english());
        assert!(text.contains("Escalated to the supervisor (2)"), "{text}");
        assert!(
            text.contains(&format!("- {late}: reasonable-grounds decision, due ")),
            "{text}"
        );

        let supervisor = digest_of(&store, &world, Role::Supervisor).await;
        assert_eq!(
            sections(&supervisor),
            [late_items.clone(), vec![], vec![], vec![]]
        );

        // The shelter has not accepted: it sees only that its answer is awaited.
        let provider = digest_of(&store, &world, Role::Provider).await;
        assert_eq!(
            sections(&provider),
            [
                vec![],
                vec![],
                vec![],
                vec![(fresh.clone(), DeadlineKind::ReferralResponse)]
            ]
        );
        let referral = provider.waiting_for_answer[0]
            .item
            .referral
            .as_ref()
            .unwrap();
        assert_eq!(referral.0, "r-shelter");

        // The competent authority owes the answer and the decision on the late case.
        let authority = digest_of(&store, &world, Role::DecisionMaker).await;
        assert_eq!(sections(&authority), [late_items, vec![], vec![], vec![]]);

        // Someone with no case has nothing, and is told so.
        let idle = store.digest(&world.second_caseworker, now()).await.unwrap();
        assert!(idle.is_empty());
        assert!(
            idle.text(&haven_domain::i18n::Localizer::english())
                .contains("Nothing is due today")
        );
        for role in [Role::Statistician, Role::Admin, Role::Trainer] {
            assert!(digest_of(&store, &world, role).await.is_empty(), "{role}");
        }
        backend
    })
    .await;
}
