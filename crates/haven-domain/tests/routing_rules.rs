//! Routing: every rule of the catalogue fires when its condition holds and not otherwise, the
//! forbid rules take codes away, and no cooperation field can change the routing.

mod common;

use common::{adult_victim, next, screen_json, with, with_yes};
use serde_json::{Value, json};

fn codes(input: &Value) -> Vec<String> {
    next(&screen_json(input))
}

fn has(input: &Value, code: &str) -> bool {
    codes(input).iter().any(|c| c == code)
}

fn child(mut input: Value) -> Value {
    input["age"] = json!({"years": 12, "basis": "document"});
    input
}

fn negative() -> Value {
    with(
        adult_victim(),
        "palermo",
        json!({"acts": ["recruitment"], "means": [], "purposes": []}),
    )
}

fn at_risk() -> Value {
    let mut input = with(adult_victim(), "palermo", json!({"acts": ["recruitment"]}));
    input["risk_indicators"] = json!(["unrealistic_offer"]);
    input
}

fn insufficient() -> Value {
    with(adult_victim(), "palermo", json!({}))
}

#[test]
fn child_protection_for_a_child_victim_at_risk_or_unaccompanied() {
    for input in [
        child(adult_victim()),
        child(at_risk()),
        with(child(negative()), "unaccompanied", json!(true)),
    ] {
        for code in [
            "CHILD_PROTECTION",
            "GUARDIAN",
            "BEST_INTERESTS",
            "NO_DETENTION",
        ] {
            assert!(has(&input, code), "{code} for {input}");
        }
    }
    assert!(!has(&child(negative()), "GUARDIAN"));
    assert!(!has(&adult_victim(), "CHILD_PROTECTION"));
}

#[test]
fn child_unclear_keeps_child_protection_in_view() {
    let result = codes(&child(insufficient()));
    assert!(
        result.contains(&"CHILD_PROTECTION".into()) && result.contains(&"BEST_INTERESTS".into())
    );
    assert!(!result.contains(&"GUARDIAN".into()));
}

#[test]
fn children_present_call_for_child_protection_for_an_adult_too() {
    assert!(has(
        &with(adult_victim(), "children_present", json!(true)),
        "CHILD_PROTECTION"
    ));
    assert!(!has(
        &with(negative(), "children_present", json!(true)),
        "CHILD_PROTECTION"
    ));
}

#[test]
fn age_assessment_only_when_age_is_not_established() {
    let claimed = with(
        adult_victim(),
        "age",
        json!({"years": null, "claimed_years": 15, "basis": "claimed"}),
    );
    assert!(has(&claimed, "AGE_ASSESSMENT_IF_SERIOUS_DOUBT"));
    assert!(!has(
        &child(adult_victim()),
        "AGE_ASSESSMENT_IF_SERIOUS_DOUBT"
    ));
}

#[test]
fn an_adult_presumed_victim_gets_referral_with_consent_assistance_reflection_and_information() {
    let result = codes(&adult_victim());
    for code in [
        "ADULT_REFERRAL_CONSENT",
        "ASSISTANCE_UNCONDITIONAL",
        "REFLECTION_PERIOD_30D",
        "INFO_RIGHTS",
    ] {
        assert!(result.contains(&code.to_string()), "{code}");
    }
}

#[test]
fn a_child_never_gets_the_adult_consent_route() {
    let result = screen_json(&child(adult_victim()));
    assert!(!next(&result).contains(&"ADULT_REFERRAL_CONSENT".into()));
}

#[test]
fn non_punishment_unless_trafficking_is_ruled_out() {
    let offences = |input: Value| with(input, "offences_as_consequence", json!(["immigration"]));
    assert!(has(&offences(adult_victim()), "NON_PUNISHMENT"));
    assert!(has(&offences(insufficient()), "NON_PUNISHMENT"));
    assert!(!has(&offences(negative()), "NON_PUNISHMENT"));
    assert!(!has(&adult_victim(), "NON_PUNISHMENT"));
}

#[test]
fn adults_at_risk_or_unclear_get_information() {
    assert!(has(&at_risk(), "INFO_RIGHTS"));
    assert!(has(&insufficient(), "INFO_RIGHTS"));
}

#[test]
fn safety_planning_when_at_risk_or_threatened_or_family_involved() {
    assert!(has(&at_risk(), "SAFETY_PLANNING"));
    assert!(has(
        &with_yes(adult_victim(), &["CD.threat_of_violence"]),
        "SAFETY_PLANNING"
    ));
    assert!(has(
        &with(adult_victim(), "family_involved", json!(true)),
        "SAFETY_PLANNING"
    ));
    assert!(!has(&adult_victim(), "SAFETY_PLANNING"));
    assert!(!has(
        &with_yes(negative(), &["CD.threat_of_violence"]),
        "SAFETY_PLANNING"
    ));
}

#[test]
fn medical_for_violence_sexual_exploitation_or_organ_removal() {
    assert!(has(
        &with_yes(adult_victim(), &["CR.violence_on_victim"]),
        "MEDICAL"
    ));
    let mut sexual = adult_victim();
    sexual["palermo"]["purposes"] = json!(["sexual_exploitation"]);
    assert!(has(&sexual, "MEDICAL"));
    let mut organs = adult_victim();
    organs["palermo"]["purposes"] = json!(["removal_of_organs"]);
    assert!(has(&organs, "MEDICAL"));
    assert!(!has(&adult_victim(), "MEDICAL"));
}

#[test]
fn labour_inspection_for_exploitation_short_of_trafficking() {
    let ex = ["EX.excessive_hours", "EX.hazardous_work"];
    assert!(has(&with_yes(negative(), &ex), "LABOUR_INSPECTION"));
    assert!(!has(&negative(), "LABOUR_INSPECTION"));
    assert!(!has(&with_yes(child(negative()), &ex), "LABOUR_INSPECTION"));
    let sexual = with(negative(), "exploitation_type", json!("sexual"));
    assert!(!has(&with_yes(sexual, &ex), "LABOUR_INSPECTION"));
}

#[test]
fn labour_inspection_is_recommended_for_victims_of_labour_exploitation() {
    assert!(has(
        &with_yes(adult_victim(), &["EX.excessive_hours", "EX.hazardous_work"]),
        "LABOUR_INSPECTION"
    ));
    assert!(!has(&adult_victim(), "LABOUR_INSPECTION"));
}

#[test]
fn asylum_access_whenever_protection_is_sought() {
    assert!(has(
        &with(negative(), "seeks_international_protection", json!(true)),
        "INTERNATIONAL_PROTECTION_SCREENING"
    ));
    assert!(has(
        &with(
            adult_victim(),
            "seeks_international_protection",
            json!(true)
        ),
        "INTERNATIONAL_PROTECTION_SCREENING"
    ));
}

#[test]
fn children_in_armed_conflict_are_reported_to_the_mrm() {
    let mut input = child(adult_victim());
    input["palermo"]["purposes"] = json!(["child_soldiering", "forced_labour_or_services"]);
    assert!(has(&input, "MRM_REPORT"));
    let mut adult = adult_victim();
    adult["palermo"]["purposes"] = json!(["child_soldiering", "forced_labour_or_services"]);
    assert!(!has(&adult, "MRM_REPORT"));
}

#[test]
fn an_adult_ruled_out_with_signs_of_exploitation_or_smuggling_gets_information() {
    assert!(has(
        &with_yes(negative(), &["EX.excessive_hours"]),
        "INFO_RIGHTS"
    ));
    assert!(has(
        &with(negative(), "smuggled", json!(true)),
        "INFO_RIGHTS"
    ));
}

#[test]
fn no_action_only_when_nothing_else_is_due() {
    assert_eq!(codes(&negative()), vec!["NO_ACTION".to_string()]);
    assert!(!has(&adult_victim(), "NO_ACTION"));
}

#[test]
fn victim_entitlements_are_forbidden_when_every_profile_rules_trafficking_out() {
    let input = with(
        negative(),
        "offences_as_consequence",
        json!(["immigration"]),
    );
    let result = codes(&input);
    for code in [
        "ADULT_REFERRAL_CONSENT",
        "ASSISTANCE_UNCONDITIONAL",
        "REFLECTION_PERIOD_30D",
        "NON_PUNISHMENT",
    ] {
        assert!(!result.contains(&code.to_string()), "{code}");
    }
}

#[test]
fn the_most_protective_profile_drives_routing() {
    // Forced begging: trafficking in eu2024, not under the Palermo core; routing follows eu2024.
    let mut input = adult_victim();
    input["palermo"]["purposes"] = json!(["forced_begging"]);
    let result = screen_json(&input);
    assert_eq!(result["legal"]["palermo"], "NOT_TRAFFICKING");
    assert!(next(&result).contains(&"ASSISTANCE_UNCONDITIONAL".into()));
}

#[test]
fn a_forbid_rule_that_removes_a_code_says_so() {
    let rules = common::rules(&screen_json(&child(adult_victim())));
    // The child track never adds the adult consent route in the first place.
    assert!(!rules.iter().any(|r| r == "routing.ADULT_REFERRAL_CONSENT"));
    let rules = common::rules(&screen_json(&negative()));
    assert!(rules.contains(&"routing.NO_ACTION".to_string()));
}

/// Principle 3 (HRC res. 32/3 §2(e)): assistance is never conditional on cooperation with law
/// enforcement. Every input field named like cooperation or consent, in every combination,
/// leaves the whole result unchanged, for victims, people at risk and children alike.
#[test]
fn no_cooperation_or_consent_field_can_change_the_result() {
    let fields = [
        "willing_to_cooperate",
        "consent_given",
        "consents_to_referral",
    ];
    for base in [
        adult_victim(),
        at_risk(),
        negative(),
        insufficient(),
        child(adult_victim()),
    ] {
        let reference = screen_json(&base);
        for bits in 0u8..27 {
            let mut input = base.clone();
            let mut b = bits;
            for field in fields {
                match b % 3 {
                    0 => {}
                    1 => input[field] = json!(true),
                    _ => input[field] = json!(false),
                }
                b /= 3;
            }
            assert_eq!(screen_json(&input), reference, "{input}");
        }
    }
}

#[test]
fn the_catalogue_lists_exactly_the_fields_no_rule_reads() {
    let catalogue = haven_domain::identification::Catalogue::embedded();
    let mut never_read = catalogue.routing.never_read.clone();
    never_read.sort();
    let mut recorded = haven_domain::identification::RecordedStatements::FIELDS
        .map(String::from)
        .to_vec();
    recorded.sort();
    assert_eq!(never_read, recorded);
}
