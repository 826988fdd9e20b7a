//! The child track: age assessment only where serious doubt remains, with the benefit of the
//! doubt; family tracing; and the referral to child protection, due by the profile's deadline.

mod nrm;

use haven_domain::access::Role;
use haven_domain::case::lifecycle::{Setting, Track};
use haven_domain::case::profile::DeadlineKind;
use haven_domain::case::{
    CaseError, ConsentPurpose, DueState, RecipientRole, ReferralStatus, SharedField, What,
    due_items,
};
use nrm::{History, date, generic, guardian_consent, morning, recipient, refer, uk};

fn assess(outcome_child: bool, benefit_of_doubt: bool) -> What {
    What::AssessAge {
        serious_doubt: "Says 19; no documents; appearance and school history suggest 15 or 16."
            .into(),
        outcome_child,
        benefit_of_doubt,
    }
}

fn appoint() -> What {
    What::AppointGuardian {
        guardian: "guardian-1".into(),
        organisation: "guardianship-service".into(),
    }
}

fn refer_to_child_protection(id: &str) -> What {
    refer(
        id,
        recipient("child-protection", RecipientRole::ChildProtection),
        &[SharedField::CaseReference, SharedField::AgeGroup],
    )
}

#[test]
fn an_age_assessment_needs_serious_doubt_in_writing() {
    let mut adult = History::adult(generic());
    assert_eq!(
        adult
            .attempt(Role::Caseworker, assess(true, false))
            .unwrap_err(),
        CaseError::AgeNotInDoubt
    );
    let mut doubted = History::new(generic(), "2026-03-02", nrm::open_age_in_doubt());
    assert!(doubted.case().age_in_doubt);
    assert_eq!(
        doubted
            .attempt(
                Role::Caseworker,
                What::AssessAge {
                    serious_doubt: "  ".into(),
                    outcome_child: false,
                    benefit_of_doubt: false,
                }
            )
            .unwrap_err(),
        CaseError::Empty("the serious doubt about the person's age")
    );
    assert!(matches!(
        doubted.attempt(Role::Provider, assess(false, false)),
        Err(CaseError::RoleMayNot { .. })
    ));
    doubted.then(Role::Caseworker, assess(false, false));
    let case = doubted.case();
    assert!(!case.is_child() && !case.age_in_doubt);
    assert_eq!(case.age_assessments.len(), 1);
    // The doubt is resolved: no further assessment on the adult track.
    assert_eq!(
        doubted
            .attempt(Role::Caseworker, assess(false, false))
            .unwrap_err(),
        CaseError::AgeNotInDoubt
    );
}

#[test]
fn the_benefit_of_the_doubt_keeps_the_child_track() {
    let mut h = History::child(generic());
    h.then(Role::Caseworker, appoint())
        .then(Role::Caseworker, assess(false, true));
    let case = h.case();
    assert!(case.is_child());
    assert_eq!(case.guardian().unwrap().guardian.0, "guardian-1");
    assert!(case.age_assessments[0].finds_child());
}

#[test]
fn an_assessment_finding_an_adult_ends_the_guardians_consents() {
    let mut h = History::child(generic());
    h.then(Role::Caseworker, appoint())
        .then(
            Role::Caseworker,
            guardian_consent(
                "c-cp",
                ConsentPurpose::Referral("child-protection".into()),
                "guardian-1",
            ),
        )
        .then(Role::Caseworker, refer_to_child_protection("r-cp"))
        .then(Role::Caseworker, assess(false, false));
    let case = h.case();
    assert_eq!(case.track, Track::Adult);
    assert!(case.guardian().is_none());
    assert!(!case.consents[0].is_active());
    assert_eq!(
        case.referral(&"r-cp".into()).unwrap().status,
        ReferralStatus::Suspended {
            consent: "c-cp".into()
        }
    );
    // From now on the person consents for themselves.
    h.then(
        Role::Caseworker,
        nrm::adult_consent("c-own", ConsentPurpose::Assistance),
    );
}

#[test]
fn an_adult_found_to_be_a_child_moves_to_the_child_track_and_consents_through_a_guardian() {
    let mut h = History::new(generic(), "2026-03-02", nrm::open_age_in_doubt());
    h.then(
        Role::Caseworker,
        nrm::adult_consent("c-shelter", ConsentPurpose::Referral("shelter".into())),
    )
    .then(
        Role::Caseworker,
        refer(
            "r-shelter",
            recipient("shelter", RecipientRole::Shelter),
            &[SharedField::CaseReference],
        ),
    )
    .then(Role::Caseworker, assess(true, false));
    let case = h.case();
    assert!(case.is_child());
    assert!(!case.consents[0].is_active());
    assert!(
        !case
            .referral(&"r-shelter".into())
            .unwrap()
            .status
            .is_active()
    );
    let due = due_items(&case, generic(), h.now);
    for kind in [
        DeadlineKind::GuardianAppointment,
        DeadlineKind::ChildProtectionReferral,
    ] {
        assert!(due.iter().any(|i| i.kind == kind), "{kind:?}");
    }
    assert_eq!(
        h.attempt(
            Role::Caseworker,
            nrm::adult_consent("c-again", ConsentPurpose::Assistance)
        )
        .unwrap_err(),
        CaseError::ChildConsentsThroughGuardian
    );
}

#[test]
fn a_person_found_to_be_a_child_is_not_left_in_detention() {
    let mut h = History::new(generic(), "2026-03-02", nrm::open_age_in_doubt());
    h.then(
        Role::Caseworker,
        What::Place {
            setting: Setting::ImmigrationDetention,
        },
    );
    assert_eq!(
        h.attempt(Role::Caseworker, assess(false, true))
            .unwrap_err(),
        CaseError::ChildDetention
    );
    h.then(
        Role::Caseworker,
        What::Place {
            setting: Setting::FosterCare,
        },
    )
    .then(Role::Caseworker, assess(false, true));
    assert!(h.case().is_child());
}

#[test]
fn family_tracing_is_flagged_for_a_child_only() {
    let mut adult = History::adult(generic());
    assert_eq!(
        adult
            .attempt(Role::Caseworker, What::FlagFamilyTracing { needed: true })
            .unwrap_err(),
        CaseError::ChildTrackOnly("family tracing is for a child")
    );
    let mut h = History::child(generic());
    h.then(Role::Caseworker, What::FlagFamilyTracing { needed: true })
        .then(Role::Supervisor, What::FlagFamilyTracing { needed: false });
    let Track::Child(child) = h.case().track else {
        panic!("a child's case");
    };
    let tracing = child.family_tracing.unwrap();
    assert!(!tracing.needed);
    assert_eq!(tracing.flagged_at, h.now);
}

#[test]
fn a_child_case_waits_for_its_child_protection_referral() {
    for profile in [generic(), uk()] {
        // Opened on Friday 6 March 2026: due the next working day.
        let mut h = History::new(profile, "2026-03-06", nrm::open(true, None));
        let waiting = |h: &History, day: &str| {
            due_items(&h.case(), profile, morning(day))
                .into_iter()
                .find(|i| i.kind == DeadlineKind::ChildProtectionReferral)
        };
        let item = waiting(&h, "2026-03-06").unwrap();
        assert_eq!(
            (item.started, item.due, item.state),
            (date("2026-03-06"), date("2026-03-09"), DueState::Pending)
        );
        assert_eq!(
            waiting(&h, "2026-03-10").unwrap().state,
            DueState::Overdue,
            "{}",
            profile.id
        );
        h.then(Role::Caseworker, appoint())
            .then(
                Role::Caseworker,
                guardian_consent(
                    "c-cp",
                    ConsentPurpose::Referral("child-protection".into()),
                    "guardian-1",
                ),
            )
            .then(Role::Caseworker, refer_to_child_protection("r-1"));
        assert!(waiting(&h, "2026-03-10").is_none());
        // Declined: the referral is to be made again.
        h.then(
            Role::Provider,
            What::DeclineReferral {
                referral: "r-1".into(),
                reason: "Outside our area".into(),
            },
        );
        assert!(waiting(&h, "2026-03-12").is_some());
        h.then(Role::Caseworker, refer_to_child_protection("r-2"))
            .then(
                Role::Provider,
                What::AcceptReferral {
                    referral: "r-2".into(),
                },
            )
            .then(
                Role::Provider,
                What::CompleteReferral {
                    referral: "r-2".into(),
                    outcome: "Placed with a foster family; plan agreed.".into(),
                },
            );
        assert!(h.case().referred_to_child_protection());
        assert!(waiting(&h, "2026-03-20").is_none());
    }
    let adult = History::adult(generic());
    assert!(
        !due_items(&adult.case(), generic(), adult.now)
            .iter()
            .any(|i| i.kind == DeadlineKind::ChildProtectionReferral)
    );
}

#[test]
fn child_track_actions_read_as_json_and_an_old_opening_still_reads() {
    assert_eq!(
        serde_json::to_value(assess(false, true)).unwrap(),
        serde_json::json!({
            "action": "assess_age",
            "serious_doubt": "Says 19; no documents; appearance and school history suggest 15 or 16.",
            "outcome_child": false,
            "benefit_of_doubt": true,
        })
    );
    assert_eq!(
        serde_json::to_value(What::FlagFamilyTracing { needed: true }).unwrap(),
        serde_json::json!({"action": "flag_family_tracing", "needed": true})
    );
    // Written before the age doubt was recorded at opening.
    let old: What = serde_json::from_value(serde_json::json!({
        "action": "open",
        "case": "case-1",
        "opening": {"screening": "screening-1"},
        "child": false,
        "language": "en",
    }))
    .unwrap();
    assert_eq!(old, nrm::open(false, Some("en")));
}
