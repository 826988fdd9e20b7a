//! Three journeys through the national referral mechanism, as pure-domain histories.

mod nrm;

use haven_domain::access::Role;
use haven_domain::case::lifecycle::{ClosureStatus, Cooperation, DurableSolution, Setting};
use haven_domain::case::profile::DeadlineKind;
use haven_domain::case::{
    CaseError, ConsentPurpose, DecisionKind, NrmProfile, Outcome, RecipientRole, SharedField,
    Stage, What, due_items,
};
use haven_domain::htcds::{CaseStatus, ExploitationType, Gender, SupportPlanType};
use nrm::{History, adult_consent, decide, guardian_consent, recipient, refer, refer_ca};

/// (a) An adult woman identified in a camp: consent, a women's shelter, the mechanism's
/// decisions, and a safe and voluntary return.
#[test]
fn adult_woman_from_a_camp_to_a_safe_return() {
    for profile in NrmProfile::embedded() {
        let mut h = History::new(profile, "2026-03-02", nrm::open(false, Some("en")));
        let shelter = recipient("womens-shelter", RecipientRole::Shelter);
        h.then(
            Role::Caseworker,
            adult_consent("c-assist", ConsentPurpose::Assistance),
        )
        .then(
            Role::Caseworker,
            adult_consent(
                "c-shelter",
                ConsentPurpose::Referral("womens-shelter".into()),
            ),
        )
        .then(
            Role::Caseworker,
            refer(
                "r-shelter",
                shelter,
                &[
                    SharedField::CaseReference,
                    SharedField::Gender,
                    SharedField::Needs,
                ],
            ),
        )
        .then(
            Role::Provider,
            What::AcceptReferral {
                referral: "r-shelter".into(),
            },
        )
        .then(
            Role::Caseworker,
            What::Place {
                setting: Setting::Shelter,
            },
        )
        .then(
            Role::Caseworker,
            adult_consent(
                "c-ca",
                ConsentPurpose::Referral(nrm::COMPETENT_AUTHORITY.into()),
            ),
        )
        .then(Role::Caseworker, refer_ca("r-ca"));
        assert_eq!(h.stage(), Stage::Referred);
        // She declines to talk to the police; nothing she is entitled to changes.
        let before = h.case().entitlements(profile);
        h.then(
            Role::Caseworker,
            What::RecordCooperation {
                cooperation: Cooperation::Declined,
            },
        );
        assert_eq!(h.case().entitlements(profile), before);
        assert!(before.assistance, "assistance from the opening of the case");

        h.then(
            Role::DecisionMaker,
            What::AcceptReferral {
                referral: "r-ca".into(),
            },
        )
        .then(
            Role::DecisionMaker,
            decide(DecisionKind::ReasonableGrounds, Outcome::Positive),
        );
        let case = h.case();
        assert_eq!(case.stage, Stage::RecoveryPeriod);
        let period = case.recovery_period(profile).unwrap();
        assert_eq!(period.starts, nrm::date("2026-03-12"));
        assert_eq!(period.ends, nrm::date("2026-04-11"));
        h.then(
            Role::Provider,
            What::AddSupportPlan {
                plan_type: SupportPlanType::Health,
                objectives: "Trauma counselling weekly.".into(),
            },
        )
        .then(
            Role::Caseworker,
            What::AddSupportPlan {
                plan_type: SupportPlanType::SexualExploitationRehabilitation,
                objectives: "Peer support group.".into(),
            },
        );

        h.wait(35).then(
            Role::DecisionMaker,
            decide(DecisionKind::ConclusiveGrounds, Outcome::Positive),
        );
        assert_eq!(h.stage(), Stage::Recognised);
        assert!(h.case().entitlements(profile).residence.is_some());

        let unsafe_return = What::ChooseDurableSolution {
            solution: DurableSolution::SafeAndVoluntaryReturn {
                country: "NP".into(),
                risk_assessment: "".into(),
            },
            agreed: true,
        };
        assert!(matches!(
            h.attempt(Role::Caseworker, unsafe_return),
            Err(CaseError::Empty(_))
        ));
        h.then(
            Role::Caseworker,
            What::ChooseDurableSolution {
                solution: DurableSolution::SafeAndVoluntaryReturn {
                    country: "NP".into(),
                    risk_assessment: "Family safe; trafficker convicted; IOM reception.".into(),
                },
                agreed: true,
            },
        );
        assert_eq!(h.case().status(), CaseStatus::FollowUp);
        h.then(
            Role::Caseworker,
            What::Close {
                status: ClosureStatus::ClosedReferred,
                reason: "Returned home; followed by the partner country's referral mechanism."
                    .into(),
            },
        );
        let case = h.case();
        assert_eq!(case.status().code(), "ClosedReferred");
        assert_eq!(case.decisions.len(), 2);
        assert_eq!(case.support_plans.len(), 2);
        assert!(due_items(&case, profile, h.now).is_empty());
    }
}

/// (b) A 15-year-old boy: guardian, child protection, best-interests assessment, school.
#[test]
fn boy_of_fifteen_through_the_child_track_to_school() {
    let profile = nrm::uk();
    let mut h = History::new(profile, "2026-03-02", nrm::open(true, Some("ps")));
    assert!(h.case().is_child());
    assert_eq!(
        h.attempt(Role::Caseworker, nrm::notify()).unwrap_err(),
        CaseError::NoAnonymousNotificationForChild
    );
    assert_eq!(
        h.attempt(
            Role::Caseworker,
            What::Place {
                setting: Setting::ImmigrationDetention
            }
        )
        .unwrap_err(),
        CaseError::ChildDetention
    );
    let due = due_items(&h.case(), profile, h.now);
    assert!(
        due.iter()
            .any(|i| i.kind == DeadlineKind::GuardianAppointment)
    );

    let child_protection = recipient("child-protection", RecipientRole::ChildProtection);
    h.then(
        Role::Caseworker,
        What::AppointGuardian {
            guardian: "guardian-1".into(),
            organisation: "guardianship-service".into(),
        },
    )
    .then(
        Role::Caseworker,
        guardian_consent(
            "c-cp",
            ConsentPurpose::Referral("child-protection".into()),
            "guardian-1",
        ),
    )
    .then(
        Role::Caseworker,
        refer(
            "r-cp",
            child_protection,
            &[
                SharedField::CaseReference,
                SharedField::AgeGroup,
                SharedField::SafetyRisks,
                SharedField::GuardianContact,
            ],
        ),
    )
    .then(
        Role::Provider,
        What::AcceptReferral {
            referral: "r-cp".into(),
        },
    )
    .then(
        Role::Caseworker,
        What::Place {
            setting: Setting::FosterCare,
        },
    );

    let school = recipient("school-12", RecipientRole::Education);
    let to_school = refer(
        "r-school",
        school,
        &[
            SharedField::CaseReference,
            SharedField::AgeGroup,
            SharedField::Language,
        ],
    );
    assert!(matches!(
        h.attempt(Role::Caseworker, to_school.clone()),
        Err(CaseError::NoConsent(_))
    ));
    h.then(
        Role::Caseworker,
        What::AssessBestInterests {
            summary: "Stay in foster care near his uncle; school in Pashto and English.".into(),
        },
    )
    .then(
        Role::Caseworker,
        guardian_consent(
            "c-school",
            ConsentPurpose::Referral("school-12".into()),
            "guardian-1",
        ),
    )
    .then(Role::Caseworker, to_school)
    .then(
        Role::Provider,
        What::AcceptReferral {
            referral: "r-school".into(),
        },
    )
    .then(
        Role::Caseworker,
        What::AddSupportPlan {
            plan_type: SupportPlanType::Education,
            objectives: "Enrol in year 10 with language support.".into(),
        },
    );
    let case = h.case();
    assert_eq!(case.stage, Stage::Identified);
    assert_eq!(case.status(), CaseStatus::Active);
    assert!(case.consents.iter().all(|c| matches!(
        c.given_by,
        haven_domain::case::ConsentGiver::Guardian { .. }
    )));
    let due = due_items(&case, profile, h.now);
    assert!(!due.iter().any(|i| matches!(
        i.kind,
        DeadlineKind::GuardianAppointment | DeadlineKind::BestInterestsAssessment
    )));
    assert!(!due.iter().any(|i| i.kind == DeadlineKind::ReferralResponse));
}

/// (c) An adult who declines referral: only the anonymous notification, counted in statistics.
#[test]
fn adult_who_declines_is_only_notified_anonymously() {
    let profile = nrm::generic();
    let mut h = History::adult(profile);
    h.then(
        Role::Caseworker,
        What::NotifyAnonymously {
            gender: Gender::Masculine,
            exploitation: vec![ExploitationType::ForcedLabour],
            country_of_exploitation: Some("MY".into()),
        },
    );
    let case = h.case();
    assert_eq!(case.stage, Stage::AnonymousNotification);
    assert_eq!(case.status(), CaseStatus::FollowUp);
    let notification = case.anonymous_notification.as_ref().unwrap();
    assert_eq!(notification.gender.code(), "Masculine");
    assert_eq!(notification.exploitation, [ExploitationType::ForcedLabour]);
    assert!(case.referrals.is_empty());
    assert!(case.consents.is_empty());
    assert!(matches!(
        h.attempt(Role::Caseworker, refer_ca("ca-1")),
        Err(CaseError::NoConsent(_))
    ));
    assert!(due_items(&case, profile, h.now).is_empty());
    // Assistance stays open to him all the same.
    assert!(case.entitlements(profile).assistance);
    assert_eq!(
        h.attempt(
            Role::Caseworker,
            What::NotifyAnonymously {
                gender: Gender::Masculine,
                exploitation: vec![],
                country_of_exploitation: Some("Malaysia".into()),
            }
        )
        .unwrap_err(),
        CaseError::BadCountry
    );
}
