//! Consent per purpose and referrals: nothing is sent that no active consent covers, only the
//! minimum data goes, withdrawal suspends what relied on it, and a referral moves through its
//! states one way.

mod nrm;

use haven_domain::access::Role;
use haven_domain::case::consent::ChildAssent;
use haven_domain::case::referral::ReferralBasis;
use haven_domain::case::{
    CaseError, ConsentGiver, ConsentPurpose, Informed, LegalBasis, RecipientRole, ReferralStatus,
    SharedField, What,
};
use nrm::{History, adult_consent, generic, guardian_consent, recipient, refer};

fn shelter() -> haven_domain::case::Recipient {
    recipient("womens-shelter", RecipientRole::Shelter)
}

const SHELTER_DATA: [SharedField; 4] = [
    SharedField::CaseReference,
    SharedField::Gender,
    SharedField::Needs,
    SharedField::Name,
];

fn with_shelter_consent() -> History {
    let mut h = History::adult(generic());
    h.then(
        Role::Caseworker,
        adult_consent(
            "c-shelter",
            ConsentPurpose::Referral("womens-shelter".into()),
        ),
    );
    h
}

#[test]
fn a_referral_needs_an_active_consent_for_that_recipient() {
    let mut h = History::adult(generic());
    h.then(
        Role::Caseworker,
        adult_consent("c-assist", ConsentPurpose::Assistance),
    );
    assert_eq!(
        h.attempt(Role::Caseworker, refer("r1", shelter(), &SHELTER_DATA))
            .unwrap_err()
            .to_string(),
        "no active consent covers a referral to womens-shelter"
    );
    // Consent to one organisation is not consent to another.
    h.then(
        Role::Caseworker,
        adult_consent("c-other", ConsentPurpose::Referral("other-shelter".into())),
    );
    assert!(matches!(
        h.attempt(Role::Caseworker, refer("r1", shelter(), &SHELTER_DATA)),
        Err(CaseError::NoConsent(_))
    ));
    // Law enforcement needs consent to sharing with law enforcement, whoever else is covered.
    let police = recipient("police", RecipientRole::LawEnforcement);
    assert_eq!(
        h.attempt(
            Role::Caseworker,
            refer("r2", police, &[SharedField::CaseReference])
        )
        .unwrap_err()
        .to_string(),
        "no active consent covers sharing with law enforcement"
    );
}

#[test]
fn exports_ask_the_case_for_the_consent_of_their_purpose() {
    let mut h = History::adult(generic());
    h.then(
        Role::Caseworker,
        adult_consent("c-stats", ConsentPurpose::Statistics),
    );
    let case = h.case();
    assert_eq!(
        case.consent_for(&ConsentPurpose::Statistics).unwrap().id.0,
        "c-stats"
    );
    assert_eq!(
        case.consent_for(&ConsentPurpose::Research)
            .unwrap_err()
            .to_string(),
        "no active consent covers use in research"
    );
    assert!(
        case.consent_for(&ConsentPurpose::CrossBorderTransfer)
            .is_err()
    );
}

#[test]
fn the_referral_records_exactly_the_fields_shared_and_no_more_than_the_minimum() {
    let mut h = with_shelter_consent();
    let error = h
        .attempt(
            Role::Caseworker,
            refer(
                "r1",
                shelter(),
                &[SharedField::Name, SharedField::Narrative],
            ),
        )
        .unwrap_err();
    assert_eq!(
        error,
        CaseError::BeyondMinimumData {
            role: RecipientRole::Shelter,
            fields: vec![SharedField::Narrative],
        }
    );
    h.then(Role::Caseworker, refer("r1", shelter(), &SHELTER_DATA));
    let case = h.case();
    let referral = case.referral(&"r1".into()).unwrap();
    assert_eq!(referral.fields, nrm::fields(&SHELTER_DATA));
    assert_eq!(referral.basis, ReferralBasis::Consent("c-shelter".into()));
    assert_eq!(referral.status, ReferralStatus::Sent);
}

#[test]
fn law_enforcement_never_receives_identity_beyond_the_account() {
    let allowed = RecipientRole::LawEnforcement.minimum_data();
    for identity in [
        SharedField::Name,
        SharedField::DateOfBirth,
        SharedField::ContactDetails,
    ] {
        assert!(!allowed.contains(&identity), "{identity:?}");
    }
}

#[test]
fn withdrawing_consent_suspends_the_referrals_that_relied_on_it_only() {
    let mut h = with_shelter_consent();
    h.then(
        Role::Caseworker,
        adult_consent("c-clinic", ConsentPurpose::Referral("clinic".into())),
    )
    .then(Role::Caseworker, refer("r1", shelter(), &SHELTER_DATA))
    .then(
        Role::Caseworker,
        refer(
            "r2",
            recipient("clinic", RecipientRole::Health),
            &[SharedField::CaseReference],
        ),
    )
    .then(
        Role::Provider,
        What::AcceptReferral {
            referral: "r1".into(),
        },
    )
    .then(
        Role::Caseworker,
        What::WithdrawConsent {
            consent: "c-shelter".into(),
        },
    );
    let case = h.case();
    assert_eq!(
        case.referral(&"r1".into()).unwrap().status,
        ReferralStatus::Suspended {
            consent: "c-shelter".into()
        }
    );
    assert_eq!(
        case.referral(&"r2".into()).unwrap().status,
        ReferralStatus::Sent
    );
    assert!(!case.consents[0].is_active());
    // Nothing new goes to the shelter, and a suspended referral is not completed.
    assert!(matches!(
        h.attempt(Role::Caseworker, refer("r3", shelter(), &SHELTER_DATA)),
        Err(CaseError::NoConsent(_))
    ));
    assert_eq!(
        h.attempt(
            Role::Provider,
            What::CompleteReferral {
                referral: "r1".into(),
                outcome: "Housed".into()
            }
        )
        .unwrap_err()
        .to_string(),
        "referral r1 is suspended: completing a referral is not possible"
    );
    assert_eq!(
        h.attempt(
            Role::Caseworker,
            What::WithdrawConsent {
                consent: "c-shelter".into()
            }
        )
        .unwrap_err(),
        CaseError::AlreadyWithdrawn
    );
    // Revoking ends it for good.
    h.then(
        Role::Caseworker,
        What::RevokeReferral {
            referral: "r1".into(),
            reason: "Consent withdrawn.".into(),
        },
    );
    assert_eq!(
        h.case().referral(&"r1".into()).unwrap().status.id(),
        "revoked"
    );
}

#[test]
fn a_withdrawn_consent_to_the_competent_authority_stops_the_decision() {
    let mut h = nrm::history_at(
        generic(),
        haven_domain::case::Stage::Referred,
        haven_domain::case::Stage::RecoveryPeriod,
    );
    h.then(
        Role::Caseworker,
        What::WithdrawConsent {
            consent: "c-ca".into(),
        },
    );
    assert_eq!(
        h.attempt(
            Role::DecisionMaker,
            nrm::decide(
                haven_domain::case::DecisionKind::ReasonableGrounds,
                haven_domain::case::Outcome::Positive
            )
        )
        .unwrap_err(),
        CaseError::NoActiveCompetentAuthorityReferral
    );
}

#[test]
fn a_referral_is_accepted_or_declined_once_then_completed() {
    let mut h = with_shelter_consent();
    h.then(Role::Caseworker, refer("r1", shelter(), &SHELTER_DATA));
    assert!(matches!(
        h.attempt(
            Role::Provider,
            What::DeclineReferral {
                referral: "r1".into(),
                reason: "".into()
            }
        ),
        Err(CaseError::Empty(_))
    ));
    assert!(matches!(
        h.attempt(
            Role::Caseworker,
            What::AcceptReferral {
                referral: "r1".into()
            }
        ),
        Err(CaseError::RoleMayNot { .. })
    ));
    assert!(matches!(
        h.attempt(
            Role::Provider,
            What::CompleteReferral {
                referral: "r1".into(),
                outcome: "Housed".into()
            }
        ),
        Err(CaseError::ReferralIs { .. })
    ));
    h.then(
        Role::Provider,
        What::AcceptReferral {
            referral: "r1".into(),
        },
    )
    .then(
        Role::Provider,
        What::CompleteReferral {
            referral: "r1".into(),
            outcome: "Housed for six months.".into(),
        },
    );
    assert_eq!(
        h.case().referral(&"r1".into()).unwrap().status,
        ReferralStatus::Completed {
            outcome: "Housed for six months.".into()
        }
    );
    assert!(matches!(
        h.attempt(
            Role::Caseworker,
            What::RevokeReferral {
                referral: "r1".into(),
                reason: "x".into()
            }
        ),
        Err(CaseError::ReferralIs { .. })
    ));
    assert_eq!(
        h.attempt(
            Role::Provider,
            What::AcceptReferral {
                referral: "nope".into()
            }
        )
        .unwrap_err(),
        CaseError::Unknown("referral")
    );
}

#[test]
fn a_declined_referral_keeps_its_reason() {
    let mut h = with_shelter_consent();
    h.then(Role::Caseworker, refer("r1", shelter(), &SHELTER_DATA))
        .then(
            Role::Provider,
            What::DeclineReferral {
                referral: "r1".into(),
                reason: "No bed until next month.".into(),
            },
        );
    assert_eq!(
        h.case().referral(&"r1".into()).unwrap().status,
        ReferralStatus::Declined {
            reason: "No bed until next month.".into()
        }
    );
}

#[test]
fn a_vital_interest_emergency_is_the_supervisors_audited_path() {
    let emergency = |justification: &str| What::EmergencyReferral {
        referral: "e1".into(),
        to: recipient("hospital", RecipientRole::Health),
        fields: nrm::fields(&[SharedField::CaseReference, SharedField::Name]),
        justification: justification.into(),
    };
    let mut h = History::adult(generic());
    assert!(matches!(
        h.attempt(Role::Caseworker, emergency("Unconscious, needs surgery.")),
        Err(CaseError::RoleMayNot { .. })
    ));
    assert!(matches!(
        h.attempt(Role::Supervisor, emergency(" ")),
        Err(CaseError::Empty(_))
    ));
    h.then(Role::Supervisor, emergency("Unconscious, needs surgery."));
    let case = h.case();
    let referral = case.referral(&"e1".into()).unwrap();
    assert_eq!(
        referral.basis,
        ReferralBasis::VitalInterest {
            justification: "Unconscious, needs surgery.".into()
        }
    );
    assert_eq!(referral.sent_by.0, "supervisor-1");
}

#[test]
fn consent_is_informed_and_given_by_the_right_person() {
    let mut h = History::adult(generic());
    let partly_informed = What::GiveConsent {
        consent: "c1".into(),
        purpose: ConsentPurpose::Assistance,
        legal_basis: LegalBasis::Consent,
        given_by: ConsentGiver::Person,
        informed: Informed {
            retention: false,
            ..Informed::FULLY
        },
        interpreter: Some("ti".into()),
    };
    assert_eq!(
        h.attempt(Role::Caseworker, partly_informed).unwrap_err(),
        CaseError::NotInformed
    );
    assert_eq!(
        h.attempt(
            Role::Caseworker,
            guardian_consent("c1", ConsentPurpose::Assistance, "guardian-1")
        )
        .unwrap_err(),
        CaseError::AdultConsentsThemselves
    );
    h.then(
        Role::Caseworker,
        adult_consent("c1", ConsentPurpose::Assistance),
    );
    assert!(matches!(
        h.attempt(
            Role::Caseworker,
            adult_consent("c1", ConsentPurpose::Research)
        ),
        Err(CaseError::Duplicate(_))
    ));
}

#[test]
fn a_child_consents_only_through_the_appointed_guardian_with_assent_recorded() {
    let mut h = History::child(generic());
    assert_eq!(
        h.attempt(
            Role::Caseworker,
            adult_consent("c1", ConsentPurpose::Assistance)
        )
        .unwrap_err(),
        CaseError::ChildConsentsThroughGuardian
    );
    assert!(matches!(
        h.attempt(
            Role::Caseworker,
            guardian_consent("c1", ConsentPurpose::Assistance, "guardian-1")
        ),
        Err(CaseError::NeedsFirst { .. })
    ));
    h.then(
        Role::Caseworker,
        What::AppointGuardian {
            guardian: "guardian-1".into(),
            organisation: "child-protection".into(),
        },
    );
    assert_eq!(
        h.attempt(
            Role::Caseworker,
            guardian_consent("c1", ConsentPurpose::Assistance, "someone-else")
        )
        .unwrap_err(),
        CaseError::NotTheGuardian
    );
    h.then(
        Role::Caseworker,
        What::GiveConsent {
            consent: "c1".into(),
            purpose: ConsentPurpose::Assistance,
            legal_basis: LegalBasis::Consent,
            given_by: ConsentGiver::Guardian {
                guardian: "guardian-1".into(),
                child_assent: ChildAssent::NotAbleToGive("Asleep in hospital".into()),
            },
            informed: Informed::FULLY,
            interpreter: None,
        },
    );
    assert!(h.case().consent_for(&ConsentPurpose::Assistance).is_ok());
}

#[test]
fn ownership_is_handed_over_by_its_owner_or_a_supervisor() {
    let mut h = History::adult(generic());
    let transfer = || What::TransferOwnership {
        to: "caseworker-2".into(),
        to_organisation: None,
    };
    h.then(Role::Supervisor, transfer());
    assert_eq!(h.case().owner.0, "caseworker-2");
    // caseworker-1 no longer owns it.
    assert!(matches!(
        h.attempt(Role::Caseworker, transfer()),
        Err(CaseError::RoleMayNot { .. })
    ));
}

#[test]
fn a_supervisor_transfers_a_case_to_another_organisation_the_person_agreed_to() {
    let mut h = History::adult(generic());
    let transfer = || What::TransferOwnership {
        to: "caseworker-9".into(),
        to_organisation: Some("ngo-north".into()),
    };
    // The caseworker who owns the case hands it over within the organisation only.
    assert_eq!(
        h.attempt(Role::Caseworker, transfer()).unwrap_err(),
        CaseError::RoleMayNot {
            role: Role::Caseworker,
            action: "a transfer of a case to another organisation"
        }
    );
    assert_eq!(
        h.attempt(Role::Supervisor, transfer())
            .unwrap_err()
            .to_string(),
        "no active consent covers a referral to ngo-north"
    );
    h.then(
        Role::Caseworker,
        adult_consent("c-north", ConsentPurpose::Referral("ngo-north".into())),
    )
    .then(Role::Supervisor, transfer());
    let case = h.case();
    assert_eq!(case.owner.0, "caseworker-9");
    assert_eq!(case.transferred_to, Some("ngo-north".into()));
    // Within the new organisation, a plain handover keeps the organisation.
    h.then(
        Role::Supervisor,
        What::TransferOwnership {
            to: "caseworker-10".into(),
            to_organisation: None,
        },
    );
    assert_eq!(h.case().transferred_to, Some("ngo-north".into()));
}

#[test]
fn a_transfer_written_before_organisations_were_named_still_reads() {
    let old: What = serde_json::from_value(serde_json::json!({
        "action": "transfer_ownership",
        "to": "caseworker-2",
    }))
    .unwrap();
    assert_eq!(
        old,
        What::TransferOwnership {
            to: "caseworker-2".into(),
            to_organisation: None,
        }
    );
    assert_eq!(
        serde_json::to_value(What::TransferOwnership {
            to: "caseworker-9".into(),
            to_organisation: Some("ngo-north".into()),
        })
        .unwrap(),
        serde_json::json!({
            "action": "transfer_ownership",
            "to": "caseworker-9",
            "to_organisation": "ngo-north",
        })
    );
}

#[test]
fn leaving_the_mechanism_after_reasonable_grounds_stops_the_conclusive_decision() {
    let mut h = nrm::history_at(
        nrm::uk(),
        haven_domain::case::Stage::RecoveryPeriod,
        haven_domain::case::Stage::Recognised,
    );
    h.then(
        Role::Caseworker,
        What::WithdrawConsent {
            consent: "c-ca".into(),
        },
    )
    .wait(45);
    assert_eq!(
        h.attempt(
            Role::DecisionMaker,
            nrm::decide(
                haven_domain::case::DecisionKind::ConclusiveGrounds,
                haven_domain::case::Outcome::Positive
            )
        )
        .unwrap_err()
        .to_string(),
        "the referral to the competent authority is not active: it was declined, completed, revoked or suspended"
    );
    // Her recovery period and assistance stand: they never depended on the referral going on.
    let case = h.case();
    assert!(case.entitlements(nrm::uk()).assistance);
    assert!(case.recovery_period(nrm::uk()).is_some());
}
