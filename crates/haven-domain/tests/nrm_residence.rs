//! Residence status per case: applied, then granted with its permit and expiry or refused with
//! the reason, whatever the person's cooperation with law enforcement.

mod nrm;

use haven_domain::access::Role;
use haven_domain::case::lifecycle::Cooperation;
use haven_domain::case::{CaseError, ResidenceStatus, What};
use nrm::{History, date, generic};

fn record(status: ResidenceStatus) -> What {
    What::RecordResidenceStatus { status }
}

fn granted(expires: &str) -> ResidenceStatus {
    ResidenceStatus::Granted {
        permit_type: "Temporary residence permit for victims of trafficking".into(),
        expires: date(expires),
    }
}

#[test]
fn a_permit_is_granted_or_refused_on_an_application() {
    let mut h = History::adult(generic());
    assert_eq!(h.case().residence_status(), None);
    let refused = h
        .attempt(Role::Caseworker, record(granted("2027-03-31")))
        .unwrap_err();
    assert_eq!(
        refused,
        CaseError::ResidenceOutOfOrder {
            status: "granted",
            latest: "none"
        }
    );
    assert_eq!(
        refused.to_string(),
        "a residence status of granted cannot follow none: a permit is granted or refused on an application, and one application is decided before the next"
    );
    h.then(Role::Caseworker, record(ResidenceStatus::Applied));
    assert_eq!(
        h.attempt(Role::Caseworker, record(ResidenceStatus::Applied))
            .unwrap_err(),
        CaseError::ResidenceOutOfOrder {
            status: "applied",
            latest: "applied"
        }
    );
    h.then(
        Role::Caseworker,
        record(ResidenceStatus::Refused {
            reason: "Stay not found necessary".into(),
        }),
    );
    assert!(matches!(
        h.attempt(Role::Caseworker, record(granted("2027-03-31"))),
        Err(CaseError::ResidenceOutOfOrder {
            latest: "refused",
            ..
        })
    ));
    // A new application after the refusal, granted; later renewed.
    h.then(Role::Supervisor, record(ResidenceStatus::Applied))
        .then(Role::Caseworker, record(granted("2027-03-31")))
        .then(Role::Caseworker, record(ResidenceStatus::Applied))
        .then(Role::Caseworker, record(granted("2028-03-31")));
    let case = h.case();
    let history: Vec<&str> = case.residence.iter().map(|r| r.status.id()).collect();
    assert_eq!(
        history,
        [
            "applied", "refused", "applied", "granted", "applied", "granted"
        ]
    );
    assert_eq!(case.residence_status(), Some(&granted("2028-03-31")));
}

#[test]
fn a_grant_names_its_permit_and_expires_later_and_a_refusal_gives_its_reason() {
    let mut h = History::adult(generic());
    h.then(Role::Caseworker, record(ResidenceStatus::Applied));
    // The history's day is 2026-03-04 now.
    assert_eq!(
        h.attempt(Role::Caseworker, record(granted("2026-03-04")))
            .unwrap_err(),
        CaseError::PermitExpiresBeforeGranted(date("2026-03-04"))
    );
    assert_eq!(
        h.attempt(
            Role::Caseworker,
            record(ResidenceStatus::Granted {
                permit_type: " ".into(),
                expires: date("2027-01-01"),
            })
        )
        .unwrap_err(),
        CaseError::Empty("the type of permit")
    );
    assert_eq!(
        h.attempt(
            Role::Caseworker,
            record(ResidenceStatus::Refused { reason: "".into() })
        )
        .unwrap_err(),
        CaseError::Empty("the reason for the refusal")
    );
    assert!(matches!(
        h.attempt(Role::Screener, record(granted("2027-01-01"))),
        Err(CaseError::RoleMayNot { .. })
    ));
}

#[test]
fn residence_is_recorded_the_same_whether_the_person_cooperates_or_not() {
    let history = |cooperation| {
        let mut h = History::adult(generic());
        h.then(Role::Caseworker, What::RecordCooperation { cooperation })
            .then(Role::Caseworker, record(ResidenceStatus::Applied))
            .then(Role::Caseworker, record(granted("2027-03-31")));
        h.case()
    };
    let declined = history(Cooperation::Declined);
    let cooperating = history(Cooperation::Cooperating);
    assert_eq!(declined.residence, cooperating.residence);
    assert_eq!(declined.residence_status(), Some(&granted("2027-03-31")));
}

#[test]
fn residence_statuses_read_as_json_in_the_domains_spelling() {
    let action = record(granted("2027-03-31"));
    let json = serde_json::to_value(&action).unwrap();
    assert_eq!(
        json,
        serde_json::json!({
            "action": "record_residence_status",
            "status": {
                "kind": "granted",
                "permit_type": "Temporary residence permit for victims of trafficking",
                "expires": "2027-03-31",
            },
        })
    );
    assert_eq!(serde_json::from_value::<What>(json).unwrap(), action);
    assert_eq!(
        serde_json::to_value(record(ResidenceStatus::Applied)).unwrap(),
        serde_json::json!({"action": "record_residence_status", "status": {"kind": "applied"}})
    );
}
