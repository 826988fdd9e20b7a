//! The person's citizenship and country of exploitation: ISO 3166 alpha-2 codes recorded by the
//! caseworker or supervisor, replaced by each new record, and kept on the case for the
//! statistics (GLOTIP counts victims by citizenship, CTDC rows carry both).

mod nrm;

use haven_domain::access::Role;
use haven_domain::case::{Case, CaseError, Stage, What};
use nrm::{History, generic};

fn origin(citizenship: Option<&str>, exploitation: Option<&str>) -> What {
    What::RecordOrigin {
        citizenship: citizenship.map(str::to_string),
        country_of_exploitation: exploitation.map(str::to_string),
    }
}

#[test]
fn origin_is_recorded_on_the_case_and_replaces_what_was_before() {
    let mut h = History::adult(generic());
    assert_eq!(h.case().citizenship, None);
    h.then(Role::Caseworker, origin(Some("NG"), Some("IT")));
    let case = h.case();
    assert_eq!(case.citizenship.as_deref(), Some("NG"));
    assert_eq!(case.country_of_exploitation.as_deref(), Some("IT"));
    assert_eq!(case.stage, Stage::Identified, "no move between stages");
    h.then(Role::Supervisor, origin(Some("GH"), None));
    let case = h.case();
    assert_eq!(case.citizenship.as_deref(), Some("GH"));
    assert_eq!(case.country_of_exploitation, None, "not known any more");
    let json = serde_json::to_value(&h.actions[1].what).unwrap();
    assert_eq!(
        json,
        serde_json::json!({
            "action": "record_origin",
            "citizenship": "NG",
            "country_of_exploitation": "IT",
        })
    );
}

#[test]
fn codes_must_be_iso_alpha_2() {
    let mut h = History::adult(generic());
    for (citizenship, exploitation) in [
        (Some("nga"), None),
        (Some("ng"), None),
        (None, Some("Italy")),
        (Some("N1"), Some("IT")),
        (Some(""), None),
    ] {
        assert_eq!(
            h.attempt(Role::Caseworker, origin(citizenship, exploitation))
                .unwrap_err(),
            CaseError::BadCountry,
            "{citizenship:?} {exploitation:?}"
        );
    }
    assert!(
        h.attempt(Role::Caseworker, origin(None, None)).is_ok(),
        "neither known"
    );
}

#[test]
fn only_caseworkers_and_supervisors_record_it() {
    for role in Role::ALL {
        let mut h = History::adult(generic());
        let result = h.attempt(role, origin(Some("NG"), Some("IT")));
        match role {
            Role::Caseworker | Role::Supervisor => assert!(result.is_ok(), "{role}"),
            _ => assert!(
                matches!(result, Err(CaseError::RoleMayNot { .. })),
                "{role}: {result:?}"
            ),
        }
    }
}

#[test]
fn a_child_and_a_closed_case() {
    let mut h = History::child(generic());
    h.then(Role::Caseworker, origin(Some("AF"), Some("GB")));
    assert_eq!(h.case().citizenship.as_deref(), Some("AF"));
    let mut h = History::adult(generic());
    h.then(Role::Caseworker, nrm::close());
    assert_eq!(
        h.attempt(Role::Caseworker, origin(Some("NG"), None))
            .unwrap_err(),
        CaseError::Closed
    );
}

#[test]
fn cases_stored_before_the_fields_existed_still_read() {
    let h = History::adult(generic());
    let mut json = serde_json::to_value(h.case()).unwrap();
    let object = json.as_object_mut().unwrap();
    object.remove("citizenship");
    object.remove("country_of_exploitation");
    let case: Case = serde_json::from_value(json).unwrap();
    assert_eq!(case.citizenship, None);
    assert_eq!(case.country_of_exploitation, None);
}
