//! What the case page offers: exactly the actions the state machine accepts now, for the role
//! and organisation asking.

mod nrm;

use haven_domain::access::Role;
use haven_domain::case::{
    Asker, ConsentPurpose, DecisionKind, Offer, OrganisationId, Outcome, RecipientRole,
    SharedField, UserId, What, offered_actions,
};
use nrm::{History, adult_consent, decide, recipient, refer, refer_ca};

fn offers(h: &History, role: Role, organisation: &str) -> Vec<&'static str> {
    let user = UserId(nrm::user(role).into());
    let organisation = OrganisationId(organisation.into());
    let asker = Asker {
        user: &user,
        role,
        organisation: &organisation,
    };
    offered_actions(&h.case(), asker, h.profile, h.now)
        .iter()
        .map(Offer::id)
        .collect()
}

#[test]
fn a_new_adult_case_offers_consent_and_the_anonymous_notification_to_the_caseworker_only() {
    let h = History::adult(nrm::generic());
    let caseworker = offers(&h, Role::Caseworker, "ngo");
    for expected in [
        "give_consent",
        "notify_anonymously",
        "add_support_plan",
        "record_origin",
        "review",
        "close",
    ] {
        assert!(
            caseworker.contains(&expected),
            "{expected} in {caseworker:?}"
        );
    }
    assert!(!caseworker.contains(&"decide") && !caseworker.contains(&"refer"));
    assert_eq!(
        offers(&h, Role::DecisionMaker, "authority"),
        Vec::<&str>::new()
    );
    assert_eq!(offers(&h, Role::Statistician, "ngo"), Vec::<&str>::new());
}

#[test]
fn a_referral_is_offered_once_consent_covers_it_and_answered_only_by_its_recipient() {
    let mut h = History::adult(nrm::generic());
    h.then(
        Role::Caseworker,
        adult_consent("c1", ConsentPurpose::Referral("shelter".into())),
    );
    let caseworker = offers(&h, Role::Caseworker, "ngo");
    assert!(caseworker.contains(&"refer") && caseworker.contains(&"withdraw_consent"));
    h.then(
        Role::Caseworker,
        refer(
            "r1",
            recipient("shelter", RecipientRole::Shelter),
            &[SharedField::CaseReference],
        ),
    );
    assert!(offers(&h, Role::Provider, "shelter").contains(&"answer_referral"));
    assert!(!offers(&h, Role::Provider, "another-shelter").contains(&"answer_referral"));
    h.then(
        Role::Provider,
        What::AcceptReferral {
            referral: "r1".into(),
        },
    );
    let provider = offers(&h, Role::Provider, "shelter");
    assert!(provider.contains(&"complete_referral") && !provider.contains(&"answer_referral"));
}

#[test]
fn the_decision_maker_is_offered_the_decision_the_stage_awaits_with_the_threshold() {
    let mut h = History::adult(nrm::generic());
    h.then(
        Role::Caseworker,
        adult_consent(
            "c-ca",
            ConsentPurpose::Referral(nrm::COMPETENT_AUTHORITY.into()),
        ),
    )
    .then(Role::Caseworker, refer_ca("r-ca"))
    .then(
        Role::DecisionMaker,
        What::AcceptReferral {
            referral: "r-ca".into(),
        },
    );
    let user = UserId(nrm::user(Role::DecisionMaker).into());
    let organisation = OrganisationId(nrm::COMPETENT_AUTHORITY.into());
    let asker = Asker {
        user: &user,
        role: Role::DecisionMaker,
        organisation: &organisation,
    };
    let offered = offered_actions(&h.case(), asker, h.profile, h.now);
    assert!(offered.iter().any(|o| matches!(o, Offer::Decide { kind: DecisionKind::ReasonableGrounds, threshold } if *threshold == h.profile.thresholds.reasonable_grounds)));
    assert!(!offered.iter().any(|o| matches!(
        o,
        Offer::Decide {
            kind: DecisionKind::ConclusiveGrounds,
            ..
        }
    )));
    h.then(
        Role::DecisionMaker,
        decide(DecisionKind::ReasonableGrounds, Outcome::Negative),
    );
    let caseworker = offers(&h, Role::Caseworker, "ngo");
    assert!(
        caseworker.contains(&"request_reconsideration"),
        "{caseworker:?}"
    );
}

#[test]
fn a_closed_case_offers_nothing() {
    let mut h = History::adult(nrm::generic());
    h.then(
        Role::Caseworker,
        What::Close {
            status: haven_domain::case::lifecycle::ClosureStatus::Closed,
            reason: "Moved away; no contact.".into(),
        },
    );
    for role in Role::ALL {
        assert_eq!(offers(&h, role, "ngo"), Vec::<&str>::new(), "{role}");
    }
}
