//! Perpetrators, pseudonymous and coded, and their criminal-justice outcomes in the order of
//! the process, for the GLOTIP tables on suspects, prosecutions and convictions.

mod nrm;

use haven_domain::access::Role;
use haven_domain::case::{CaseError, CriminalJusticeOutcome, What};
use haven_domain::htcds::{Gender, PerpetratorRole};
use nrm::{History, generic};

fn recruiter(id: &str) -> What {
    What::RecordPerpetrator {
        perpetrator: id.into(),
        roles: [
            PerpetratorRole::RecruiterOrIntermediary,
            PerpetratorRole::Exploiter,
        ]
        .into(),
        sex: Gender::Feminine,
        citizenship: Some("RO".into()),
    }
}

fn outcome(id: &str, outcome: CriminalJusticeOutcome, year: Option<u16>) -> What {
    What::RecordCriminalJusticeOutcome {
        perpetrator: id.into(),
        outcome,
        year,
    }
}

#[test]
fn a_perpetrator_is_an_id_and_htcds_codes() {
    let mut h = History::adult(generic());
    h.then(Role::Caseworker, recruiter("x-1"));
    let case = h.case();
    let perpetrator = &case.perpetrators[0];
    assert_eq!(perpetrator.id.0, "x-1");
    assert_eq!(perpetrator.latest_outcome(), None);
    let json = serde_json::to_value(&h.actions[1].what).unwrap();
    assert_eq!(
        json,
        serde_json::json!({
            "action": "record_perpetrator",
            "perpetrator": "x-1",
            "roles": ["RecruiterOrIntermediary", "Exploiter"],
            "sex": "Feminine",
            "citizenship": "RO",
        })
    );
    assert_eq!(PerpetratorRole::ALL.len(), 15);
    assert_eq!(
        PerpetratorRole::parse("BrokerTravelAgent"),
        Some(PerpetratorRole::BrokerTravelAgent)
    );
}

#[test]
fn a_perpetrator_needs_a_role_a_valid_citizenship_and_a_new_id() {
    let mut h = History::adult(generic());
    assert_eq!(
        h.attempt(
            Role::Caseworker,
            What::RecordPerpetrator {
                perpetrator: "x-1".into(),
                roles: Default::default(),
                sex: Gender::Masculine,
                citizenship: None,
            }
        )
        .unwrap_err(),
        CaseError::NoPerpetratorRole
    );
    assert_eq!(
        h.attempt(
            Role::Caseworker,
            What::RecordPerpetrator {
                perpetrator: "x-1".into(),
                roles: [PerpetratorRole::Transporter].into(),
                sex: Gender::Masculine,
                citizenship: Some("Romania".into()),
            }
        )
        .unwrap_err(),
        CaseError::BadCountry
    );
    h.then(Role::Caseworker, recruiter("x-1"));
    assert_eq!(
        h.attempt(Role::Caseworker, recruiter("x-1")).unwrap_err(),
        CaseError::Duplicate("perpetrator x-1".into())
    );
    assert!(matches!(
        h.attempt(Role::Provider, recruiter("x-2")),
        Err(CaseError::RoleMayNot {
            role: Role::Provider,
            ..
        })
    ));
}

#[test]
fn outcomes_follow_the_order_of_the_criminal_process() {
    use CriminalJusticeOutcome::*;
    let mut h = History::adult(generic());
    h.then(Role::Caseworker, recruiter("x-1"));
    assert_eq!(
        h.attempt(Role::Caseworker, outcome("x-2", Suspected, None))
            .unwrap_err(),
        CaseError::Unknown("perpetrator")
    );
    let refused = h
        .attempt(Role::Caseworker, outcome("x-1", Convicted, None))
        .unwrap_err();
    assert_eq!(
        refused,
        CaseError::OutcomeOutOfOrder {
            outcome: Convicted,
            latest: None
        }
    );
    assert_eq!(
        refused.to_string(),
        "a perpetrator cannot be recorded as convicted when the latest outcome is none: the order is suspected, then prosecuted, then convicted or acquitted"
    );
    h.then(Role::Caseworker, outcome("x-1", Suspected, Some(2025)));
    assert!(
        h.attempt(Role::Caseworker, outcome("x-1", Acquitted, None))
            .is_err()
    );
    h.then(Role::Caseworker, outcome("x-1", Prosecuted, Some(2026)));
    assert_eq!(
        h.attempt(Role::Caseworker, outcome("x-1", Suspected, None))
            .unwrap_err(),
        CaseError::OutcomeOutOfOrder {
            outcome: Suspected,
            latest: Some(Prosecuted)
        }
    );
    h.then(Role::Caseworker, outcome("x-1", Convicted, None));
    assert_eq!(
        h.attempt(Role::Caseworker, outcome("x-1", Acquitted, None))
            .unwrap_err(),
        CaseError::OutcomeOutOfOrder {
            outcome: Acquitted,
            latest: Some(Convicted)
        }
    );
    let case = h.case();
    let recorded: Vec<_> = case.perpetrators[0]
        .outcomes
        .iter()
        .map(|o| (o.outcome, o.year))
        .collect();
    assert_eq!(
        recorded,
        [
            (Suspected, Some(2025)),
            (Prosecuted, Some(2026)),
            (Convicted, None)
        ]
    );
}

#[test]
fn a_prosecution_may_come_without_a_recorded_suspicion_and_end_in_acquittal() {
    use CriminalJusticeOutcome::*;
    let mut h = History::adult(generic());
    h.then(Role::Caseworker, recruiter("x-1"))
        .then(Role::Supervisor, outcome("x-1", Prosecuted, None))
        .then(Role::Supervisor, outcome("x-1", Acquitted, Some(2026)));
    assert_eq!(h.case().perpetrators[0].latest_outcome(), Some(Acquitted));
}

#[test]
fn an_outcomes_year_is_neither_before_an_earlier_one_nor_in_the_future() {
    use CriminalJusticeOutcome::*;
    let mut h = History::adult(generic());
    h.then(Role::Caseworker, recruiter("x-1"))
        .then(Role::Caseworker, outcome("x-1", Suspected, Some(2025)));
    // The history runs in March 2026.
    assert_eq!(
        h.attempt(Role::Caseworker, outcome("x-1", Prosecuted, Some(2027)))
            .unwrap_err(),
        CaseError::OutcomeYear(2027)
    );
    assert_eq!(
        h.attempt(Role::Caseworker, outcome("x-1", Prosecuted, Some(2024)))
            .unwrap_err(),
        CaseError::OutcomeYear(2024)
    );
    h.then(Role::Caseworker, outcome("x-1", Prosecuted, Some(2025)));
}
