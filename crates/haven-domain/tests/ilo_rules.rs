//! ILO/EC scoring: the element rule, the combinations, the lists, unverified weights, sub-classes
//! and the forced-labour flag.

mod common;

use common::{adult_victim, screen_json, with, with_yes};
use haven_domain::identification::ilo::{Elements, element_positive, victim};
use serde_json::{Value, json};

/// Indicators of the adult labour list, by dimension and weight.
const DR_STRONG: &str = "DR.deceived_nature_of_job";
const DR_MEDIUM: [&str; 3] = [
    "DR.deceived_conditions_of_work",
    "DR.deceived_contract",
    "DR.deceived_wages",
];
/// Weak on the adult lists, strong on the children's.
const DR_EDUCATION: &str = "DR.deceived_education";
const EX_STRONG: [&str; 2] = ["EX.excessive_hours", "EX.hazardous_work"];
const CD_STRONG: [&str; 2] = ["CD.debt_bondage", "CD.confiscation_of_documents"];

fn ilo(input: &Value) -> Value {
    screen_json(input)["ilo"].clone()
}

#[test]
fn the_element_rule_matches_every_example_in_the_catalogue() {
    let catalogue: toml::Value =
        toml::from_str(haven_domain::identification::catalogue::EMBEDDED_CATALOGUE).unwrap();
    let examples = catalogue["ilo"]["rule"]["element_examples"]
        .as_array()
        .unwrap();
    assert_eq!(examples.len(), 10);
    for e in examples {
        let n = |k: &str| e[k].as_integer().unwrap() as usize;
        assert_eq!(
            element_positive(n("strong"), n("medium"), n("weak")),
            e["positive"].as_bool().unwrap(),
            "{e}"
        );
    }
}

#[test]
fn the_element_rule_over_every_small_combination() {
    for s in 0..4 {
        for m in 0..5 {
            for w in 0..5 {
                let expected = s >= 2 || (s >= 1 && m + w >= 1) || m >= 3 || (m >= 2 && w >= 1);
                assert_eq!(element_positive(s, m, w), expected, "s={s} m={m} w={w}");
            }
        }
    }
}

#[test]
fn the_combination_rules_over_every_element_assignment() {
    for bits in 0u8..64 {
        let b = |i: u8| bits & (1 << i) != 0;
        let e = Elements {
            dr: b(0),
            cr: b(1),
            avr: b(2),
            ex: b(3),
            cd: b(4),
            avd: b(5),
        };
        let recruitment = e.dr || e.cr || e.avr;
        assert_eq!(
            victim(false, &e),
            recruitment && e.ex && (e.cd || e.avd),
            "adult {e:?}"
        );
        assert_eq!(victim(true, &e), recruitment && e.ex, "child {e:?}");
    }
}

#[test]
fn list_follows_age_track_and_exploitation_type() {
    let adult_sexual = with(adult_victim(), "exploitation_type", json!("sexual"));
    let child = with(
        adult_victim(),
        "age",
        json!({"years": 12, "basis": "document"}),
    );
    let child_sexual = with(child.clone(), "exploitation_type", json!("sexual"));
    assert_eq!(ilo(&adult_victim())["list"], "al");
    assert_eq!(ilo(&adult_sexual)["list"], "as");
    assert_eq!(ilo(&child)["list"], "cl");
    assert_eq!(ilo(&child_sexual)["list"], "cs");
}

#[test]
fn organ_removal_and_adoption_are_not_applicable_not_negative() {
    let input = with_yes(
        with(adult_victim(), "exploitation_type", json!("other")),
        &EX_STRONG,
    );
    let result = ilo(&input);
    assert_eq!(result["outcome"], "NOT_APPLICABLE");
    assert_eq!(result["list"], Value::Null);
    assert_eq!(result["elements"], json!({}));
}

#[test]
fn adult_victim_needs_recruitment_exploitation_and_destination() {
    let full = with_yes(
        adult_victim(),
        &[
            DR_STRONG,
            DR_MEDIUM[0],
            EX_STRONG[0],
            EX_STRONG[1],
            CD_STRONG[0],
            CD_STRONG[1],
        ],
    );
    assert_eq!(ilo(&full)["outcome"], "VICTIM");
    let no_destination = with_yes(
        adult_victim(),
        &[DR_STRONG, DR_MEDIUM[0], EX_STRONG[0], EX_STRONG[1]],
    );
    let result = ilo(&no_destination);
    assert_eq!(result["outcome"], "NOT_VICTIM");
    assert_eq!(result["sub_class"], "exploited_not_trafficked");
}

#[test]
fn child_victim_needs_no_destination_element() {
    let child = with(
        adult_victim(),
        "age",
        json!({"years": 13, "basis": "document"}),
    );
    let input = with_yes(
        child,
        &[DR_STRONG, DR_EDUCATION, EX_STRONG[0], EX_STRONG[1]],
    );
    let result = ilo(&input);
    assert_eq!(result["outcome"], "VICTIM");
    assert_eq!(result["elements"]["DR"], true);
}

#[test]
fn a_weight_differs_by_list() {
    // Education deception is weak for adults, strong for children: with one strong DR indicator
    // it makes the element for both, but alone with a medium one only for a child.
    let adult = with_yes(adult_victim(), &[DR_EDUCATION, DR_MEDIUM[0]]);
    assert_eq!(ilo(&adult)["elements"]["DR"], false);
    let child = with_yes(
        with(
            adult_victim(),
            "age",
            json!({"years": 13, "basis": "document"}),
        ),
        &[DR_EDUCATION, DR_MEDIUM[0]],
    );
    assert_eq!(ilo(&child)["elements"]["DR"], true);
}

#[test]
fn no_and_unknown_answers_never_count() {
    let mut input = adult_victim();
    input["indicators"] =
        json!({DR_STRONG: "no", "DR.deceived_contract": "unknown", "DR.deceived_wages": "yes"});
    assert_eq!(ilo(&input)["elements"]["DR"], false);
}

#[test]
fn an_indicator_absent_from_a_verified_list_does_not_count() {
    // Deceived about the conditions of prostitution is on the sexual lists only.
    let input = with_yes(
        adult_victim(),
        &["DR.deceived_conditions_of_prostitution", DR_STRONG],
    );
    assert_eq!(ilo(&input)["elements"]["DR"], false);
}

mod unverified_lists {
    use super::*;

    fn adult_sexual() -> Value {
        with(adult_victim(), "exploitation_type", json!("sexual"))
    }

    // On an unverified list even a strong weight may read medium, so a robust element needs
    // three indicators answered yes.
    const EX_ROBUST: [&str; 3] = [
        "EX.excessive_hours",
        "EX.bad_living_conditions",
        "EX.low_or_no_salary",
    ];
    const CD_ROBUST: [&str; 3] = [
        "CD.debt_bondage",
        "CD.confiscation_of_documents",
        "CD.isolation_confinement_surveillance",
    ];
    const CR_ROBUST: [&str; 3] = [
        "CR.violence_on_victim",
        "CR.debt_bondage",
        "CR.threat_of_violence",
    ];

    fn robust(extra: &[&str]) -> Value {
        let mut ids: Vec<&str> = extra.to_vec();
        ids.extend(EX_ROBUST);
        ids.extend(CD_ROBUST);
        with_yes(adult_sexual(), &ids)
    }

    #[test]
    fn a_robust_result_is_reported_with_a_warning() {
        let result = ilo(&robust(&[DR_STRONG, DR_MEDIUM[0], DR_MEDIUM[1]]));
        assert_eq!(result["outcome"], "VICTIM");
        assert_eq!(result["elements"]["DR"], true);
        assert_eq!(result["warnings"], json!(["LIST_WEIGHTS_UNVERIFIED"]));
    }

    #[test]
    fn an_element_that_depends_on_the_reading_is_null() {
        // Two medium indicators: positive if either reads strong, negative if both read medium.
        let result = ilo(&robust(&[DR_MEDIUM[0], DR_MEDIUM[1]]));
        assert_eq!(result["elements"]["DR"], Value::Null);
        assert_eq!(result["elements"]["EX"], true);
        assert_eq!(result["outcome"], "ILO_LIST_UNVERIFIED");
    }

    #[test]
    fn an_uncertain_element_that_cannot_change_the_outcome_leaves_it_reported() {
        // DR uncertain, but CR is certain, so the recruitment element holds either way.
        let mut extra = vec![DR_MEDIUM[0], DR_MEDIUM[1]];
        extra.extend(CR_ROBUST);
        let result = ilo(&robust(&extra));
        assert_eq!(result["elements"]["DR"], Value::Null);
        assert_eq!(result["outcome"], "VICTIM");
    }

    #[test]
    fn two_strong_indicators_are_not_robust_on_an_unverified_list() {
        let result = ilo(&with_yes(adult_sexual(), &CD_STRONG));
        assert_eq!(result["elements"]["CD"], Value::Null);
        assert_eq!(
            ilo(&with_yes(adult_victim(), &CD_STRONG))["elements"]["CD"],
            true
        );
    }

    #[test]
    fn a_verified_list_is_never_uncertain() {
        let input = with_yes(adult_victim(), &[DR_MEDIUM[0], DR_MEDIUM[1]]);
        let result = ilo(&input);
        assert_eq!(result["elements"]["DR"], false);
        assert_eq!(result["warnings"], json!([]));
    }
}

mod sub_classes {
    use super::*;

    fn sub_class(input: &Value) -> Value {
        let result = ilo(input);
        assert_eq!(result["outcome"], "NOT_VICTIM");
        result["sub_class"].clone()
    }

    #[test]
    fn smuggling_only() {
        assert_eq!(
            sub_class(&with(adult_victim(), "smuggled", json!(true))),
            "smuggling_only"
        );
    }

    #[test]
    fn forced_labour_without_recruitment_element() {
        let input = with_yes(
            adult_victim(),
            &[EX_STRONG[0], EX_STRONG[1], CD_STRONG[0], CD_STRONG[1]],
        );
        assert_eq!(
            sub_class(&input),
            "forced_labour_without_recruitment_element"
        );
    }

    #[test]
    fn exploited_not_trafficked() {
        assert_eq!(
            sub_class(&with_yes(adult_victim(), &EX_STRONG)),
            "exploited_not_trafficked"
        );
    }

    #[test]
    fn deception_without_exploitation() {
        assert_eq!(
            sub_class(&with_yes(adult_victim(), &[DR_STRONG, DR_MEDIUM[0]])),
            "deception_without_exploitation"
        );
    }

    #[test]
    fn single_indicator() {
        assert_eq!(
            sub_class(&with_yes(adult_victim(), &[CD_STRONG[0]])),
            "single_indicator"
        );
    }

    #[test]
    fn no_exploitation() {
        assert_eq!(sub_class(&adult_victim()), "no_exploitation");
        assert_eq!(
            sub_class(&with_yes(
                adult_victim(),
                &[CD_STRONG[0], "AVD.economic_reasons"]
            )),
            "no_exploitation"
        );
    }
}

mod forced_labour_flag {
    use super::*;

    fn flag(input: &Value) -> bool {
        screen_json(input)["forced_labour_flag"].as_bool().unwrap()
    }

    #[test]
    fn needs_involuntariness_and_penalty() {
        assert!(flag(&with_yes(adult_victim(), &[DR_STRONG, CD_STRONG[0]])));
        assert!(!flag(&with_yes(adult_victim(), &[DR_STRONG, DR_MEDIUM[0]])));
        assert!(!flag(&with_yes(
            adult_victim(),
            &[CD_STRONG[0], CD_STRONG[1]]
        )));
    }

    #[test]
    fn never_for_organ_removal_or_adoption_on_indicators_alone() {
        let other = with(adult_victim(), "exploitation_type", json!("other"));
        assert!(!flag(&with_yes(other, &[DR_STRONG, CD_STRONG[0]])));
    }

    #[test]
    fn a_worst_form_of_child_labour_flags_a_child() {
        let mut child = with(
            adult_victim(),
            "age",
            json!({"years": 14, "basis": "document"}),
        );
        child["palermo"]["purposes"] = json!(["servitude"]);
        assert!(flag(&child));
        let mut adult = adult_victim();
        adult["palermo"]["purposes"] = json!(["servitude"]);
        assert!(!flag(&adult));
    }
}

#[test]
fn the_second_reading_of_the_childrens_rule_is_explained_when_it_differs() {
    // A child with exploitative conditions and an act established, but no recruitment element.
    let child = with(
        adult_victim(),
        "age",
        json!({"years": 14, "basis": "document"}),
    );
    let input = with_yes(child, &EX_STRONG);
    let result = screen_json(&input);
    assert_eq!(result["ilo"]["outcome"], "NOT_VICTIM");
    assert!(common::rules(&result).contains(&"ilo.child_rule_alternative".to_string()));
    let agreeing = with_yes(
        with(
            adult_victim(),
            "age",
            json!({"years": 14, "basis": "document"}),
        ),
        &[DR_STRONG, DR_EDUCATION, EX_STRONG[0], EX_STRONG[1]],
    );
    assert!(
        !common::rules(&screen_json(&agreeing)).contains(&"ilo.child_rule_alternative".to_string())
    );
}
