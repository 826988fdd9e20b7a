//! The legal test of each profile, the age track, and unknown versus absent facts.

mod common;

use common::{adult_victim, legal, screen_json, with};
use serde_json::json;

fn palermo(
    acts: serde_json::Value,
    means: serde_json::Value,
    purposes: serde_json::Value,
) -> serde_json::Value {
    let mut p = json!({});
    for (key, value) in [("acts", acts), ("means", means), ("purposes", purposes)] {
        if !value.is_null() {
            p[key] = value;
        }
    }
    with(adult_victim(), "palermo", p)
}

fn both(input: &serde_json::Value) -> (String, String) {
    let result = screen_json(input);
    (legal(&result, "palermo"), legal(&result, "eu2024"))
}

#[test]
fn adult_with_act_means_and_purpose_is_trafficking_in_every_profile() {
    assert_eq!(
        both(&adult_victim()),
        ("TRAFFICKING".into(), "TRAFFICKING".into())
    );
}

#[test]
fn adult_with_means_established_absent_is_not_trafficking() {
    let input = palermo(
        json!(["recruitment"]),
        json!([]),
        json!(["forced_labour_or_services"]),
    );
    assert_eq!(
        both(&input),
        ("NOT_TRAFFICKING".into(), "NOT_TRAFFICKING".into())
    );
}

#[test]
fn adult_with_act_established_absent_is_not_trafficking() {
    let input = palermo(
        json!([]),
        json!(["deception"]),
        json!(["forced_labour_or_services"]),
    );
    assert_eq!(both(&input).0, "NOT_TRAFFICKING");
}

#[test]
fn a_missing_key_means_unknown_never_absent() {
    let input = palermo(
        json!(["recruitment"]),
        serde_json::Value::Null,
        json!(["forced_labour_or_services"]),
    );
    assert_eq!(both(&input).0, "INSUFFICIENT_INFORMATION");
}

#[test]
fn an_element_listed_unknown_is_unknown_even_with_an_empty_list() {
    let mut input = palermo(
        json!(["recruitment"]),
        json!([]),
        json!(["forced_labour_or_services"]),
    );
    input["palermo"]["unknown"] = json!(["means"]);
    assert_eq!(both(&input).0, "INSUFFICIENT_INFORMATION");
}

#[test]
fn an_established_element_stays_established_when_also_listed_unknown() {
    let mut input = adult_victim();
    input["palermo"]["unknown"] = json!(["means"]);
    assert_eq!(both(&input).0, "TRAFFICKING");
}

#[test]
fn unknown_with_risk_indicators_is_at_risk() {
    let mut input = palermo(
        json!(["recruitment"]),
        serde_json::Value::Null,
        serde_json::Value::Null,
    );
    input["risk_indicators"] = json!(["rushed_departure"]);
    assert_eq!(both(&input), ("AT_RISK".into(), "AT_RISK".into()));
}

#[test]
fn an_absent_element_outweighs_risk_indicators() {
    let mut input = palermo(json!([]), serde_json::Value::Null, serde_json::Value::Null);
    input["risk_indicators"] = json!(["rushed_departure"]);
    assert_eq!(both(&input).0, "NOT_TRAFFICKING");
}

#[test]
fn a_child_needs_no_means() {
    let mut input = palermo(
        json!(["harbouring"]),
        json!([]),
        json!(["sexual_exploitation"]),
    );
    input["age"] = json!({"years": 16, "basis": "document"});
    assert_eq!(both(&input), ("TRAFFICKING".into(), "TRAFFICKING".into()));
}

#[test]
fn for_a_child_unknown_means_do_not_matter() {
    let mut input = palermo(
        json!(["harbouring"]),
        serde_json::Value::Null,
        json!(["sexual_exploitation"]),
    );
    input["age"] = json!({"years": 16, "basis": "document"});
    assert_eq!(both(&input).0, "TRAFFICKING");
}

#[test]
fn forced_begging_alone_counts_in_eu2024_but_not_under_the_palermo_core() {
    let input = palermo(
        json!(["recruitment"]),
        json!(["deception"]),
        json!(["forced_begging"]),
    );
    assert_eq!(
        both(&input),
        ("NOT_TRAFFICKING".into(), "TRAFFICKING".into())
    );
    let rules = common::rules(&screen_json(&input));
    assert!(
        rules.contains(&"palermo.purpose_via".to_string()),
        "{rules:?}"
    );
    assert!(
        !rules.contains(&"eu2024.purpose_via".to_string()),
        "{rules:?}"
    );
}

#[test]
fn a_purpose_recorded_with_its_core_purpose_counts_in_both_profiles() {
    let input = palermo(
        json!(["recruitment"]),
        json!(["deception"]),
        json!(["forced_begging", "forced_labour_or_services"]),
    );
    assert_eq!(both(&input), ("TRAFFICKING".into(), "TRAFFICKING".into()));
    assert!(
        !common::rules(&screen_json(&input))
            .iter()
            .any(|r| r.ends_with("purpose_via"))
    );
}

#[test]
fn illegal_adoption_is_a_purpose_in_eu2024_only() {
    let input = palermo(
        json!(["transfer"]),
        json!(["fraud"]),
        json!(["illegal_adoption"]),
    );
    assert_eq!(
        both(&input),
        ("NOT_TRAFFICKING".into(), "TRAFFICKING".into())
    );
}

#[test]
fn child_soldiering_is_conditional_in_every_profile() {
    let mut input = palermo(
        json!(["recruitment"]),
        json!([]),
        json!(["child_soldiering"]),
    );
    input["age"] = json!({"years": 15, "basis": "document"});
    assert_eq!(
        both(&input),
        ("NOT_TRAFFICKING".into(), "NOT_TRAFFICKING".into())
    );
}

#[test]
fn an_unrecognised_purpose_with_more_purposes_unknown_is_unknown() {
    let mut input = palermo(
        json!(["recruitment"]),
        json!(["deception"]),
        json!(["forced_begging"]),
    );
    input["palermo"]["unknown"] = json!(["purposes"]);
    assert_eq!(
        both(&input),
        ("INSUFFICIENT_INFORMATION".into(), "TRAFFICKING".into())
    );
}

#[test]
fn consent_is_never_an_input_to_the_legal_test() {
    let consented = with(adult_victim(), "consent_given", json!(true));
    assert_eq!(both(&consented), both(&adult_victim()));
}

mod age_track {
    use super::*;

    fn child(age: serde_json::Value) -> bool {
        screen_json(&with(adult_victim(), "age", age))["treated_as_child"]
            .as_bool()
            .unwrap()
    }

    #[test]
    fn under_eighteen_by_document_is_a_child() {
        assert!(child(json!({"years": 17, "basis": "document"})));
        assert!(!child(json!({"years": 18, "basis": "document"})));
    }

    #[test]
    fn reasons_to_believe_minor_override_a_document_stating_adulthood() {
        assert!(child(
            json!({"years": 21, "basis": "document", "reasons_to_believe_minor": true})
        ));
    }

    #[test]
    fn a_claimed_age_under_eighteen_without_an_established_age_is_a_child() {
        assert!(child(
            json!({"years": null, "claimed_years": 16, "basis": "claimed"})
        ));
        assert!(!child(
            json!({"years": null, "claimed_years": 24, "basis": "claimed"})
        ));
    }

    #[test]
    fn unknown_age_with_reasons_to_believe_minor_is_a_child() {
        assert!(child(
            json!({"years": null, "basis": "observed", "reasons_to_believe_minor": true})
        ));
    }

    #[test]
    fn unknown_age_with_no_sign_of_minority_is_an_adult() {
        assert!(!child(json!({"years": null, "basis": "observed"})));
    }

    #[test]
    fn appearance_alone_is_never_decisive() {
        assert!(!child(
            json!({"years": null, "basis": "observed", "apparent_age_range": [14, 17]})
        ));
        assert!(child(
            json!({"years": null, "claimed_years": 15, "basis": "claimed", "apparent_age_range": [19, 25]})
        ));
    }
}
