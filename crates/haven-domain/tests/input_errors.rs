//! Bad input is refused with the field that is wrong and what is allowed there.

use haven_domain::identification::{Catalogue, ScreeningInput};
use serde_json::{Value, json};

fn error(input: Value) -> (String, String) {
    let e = ScreeningInput::from_json(&input, "input", Catalogue::embedded())
        .expect_err("must be refused");
    (e.field, e.problem)
}

fn valid() -> Value {
    json!({
        "age": {"years": 30, "basis": "document"},
        "sex": "female",
        "palermo": {"acts": ["recruitment"], "means": ["deception"], "purposes": ["sexual_exploitation"]},
        "exploitation_type": "sexual"
    })
}

fn with(mut input: Value, pointer: &str, value: Value) -> Value {
    *input.pointer_mut(pointer).expect("the pointer exists") = value;
    input
}

#[test]
fn the_valid_input_is_accepted() {
    assert!(ScreeningInput::from_json(&valid(), "input", Catalogue::embedded()).is_ok());
}

#[test]
fn each_required_field_is_named_when_missing() {
    for field in ["age", "sex", "palermo", "exploitation_type"] {
        let mut input = valid();
        input.as_object_mut().unwrap().remove(field);
        assert_eq!(
            error(input),
            (format!("input.{field}"), "required field is missing".into())
        );
    }
}

#[test]
fn an_unknown_indicator_is_named_with_a_suggestion() {
    let mut input = valid();
    input["indicators"] = json!({"CR.debt_bondge": "yes"});
    let (field, problem) = error(input);
    assert_eq!(field, "input.indicators.CR.debt_bondge");
    assert!(
        problem.contains("did you mean \"CR.debt_bondage\""),
        "{problem}"
    );
}

#[test]
fn a_fact_that_is_neither_yes_no_nor_unknown_is_refused() {
    let mut input = valid();
    input["indicators"] = json!({"CR.debt_bondage": "maybe"});
    let (field, problem) = error(input);
    assert_eq!(field, "input.indicators.CR.debt_bondage");
    assert_eq!(
        problem,
        "\"maybe\" is not allowed; allowed: yes, no, unknown"
    );
    let mut input = valid();
    input["indicators"] = json!({"CR.debt_bondage": true});
    assert!(
        error(input)
            .1
            .contains("expected one of yes, no, unknown, found a boolean")
    );
}

#[test]
fn an_unknown_palermo_id_names_its_position() {
    let (field, problem) = error(with(
        valid(),
        "/palermo/means",
        json!(["deception", "bribery"]),
    ));
    assert_eq!(field, "input.palermo.means[1]");
    assert!(
        problem.starts_with("unknown means id \"bribery\""),
        "{problem}"
    );
    assert!(
        problem.contains("abduction"),
        "the allowed ids are listed: {problem}"
    );
}

#[test]
fn wrong_types_are_named() {
    assert_eq!(
        error(with(valid(), "/age/years", json!("thirty"))).0,
        "input.age.years"
    );
    assert_eq!(
        error(with(valid(), "/age/years", json!(-3))).0,
        "input.age.years"
    );
    assert_eq!(
        error(with(valid(), "/age/years", json!(230))).0,
        "input.age.years"
    );
    assert_eq!(
        error(with(valid(), "/palermo/acts", json!("recruitment"))).1,
        "expected a list, found a string"
    );
    assert_eq!(
        error(with(valid(), "/sex", json!("woman"))).1,
        "\"woman\" is not allowed; allowed: female, male, other, unknown"
    );
    assert_eq!(
        error(with(valid(), "/exploitation_type", json!(1))).0,
        "input.exploitation_type"
    );
    let mut input = valid();
    input["unaccompanied"] = json!("yes");
    assert_eq!(
        error(input),
        (
            "input.unaccompanied".into(),
            "expected true or false, found a string".into()
        )
    );
}

#[test]
fn unknown_fields_are_refused_with_the_allowed_ones() {
    let mut input = valid();
    input["cooperates"] = json!(true);
    let (field, problem) = error(input);
    assert_eq!(field, "input.cooperates");
    assert!(problem.contains("willing_to_cooperate"), "{problem}");
    let (field, _) = error(with(
        valid(),
        "/age",
        json!({"years": 3, "basis": "document", "yrs": 3}),
    ));
    assert_eq!(field, "input.age.yrs");
}

#[test]
fn an_unknown_element_name_in_palermo_unknown_is_refused() {
    let (field, problem) = error(with(valid(), "/palermo", json!({"unknown": ["act"]})));
    assert_eq!(field, "input.palermo.unknown[0]");
    assert!(
        problem.contains("allowed: acts, means, purposes"),
        "{problem}"
    );
}

#[test]
fn an_inverted_apparent_age_range_is_refused() {
    let (field, _) = error(with(
        valid(),
        "/age",
        json!({"years": null, "basis": "observed", "apparent_age_range": [20, 14]}),
    ));
    assert_eq!(field, "input.age.apparent_age_range");
}

#[test]
fn malformed_json_and_non_objects_are_refused() {
    let catalogue = Catalogue::embedded();
    let e = ScreeningInput::from_json_text("{\"age\": ", catalogue).unwrap_err();
    assert!(e.problem.starts_with("malformed JSON"), "{e}");
    let e = ScreeningInput::from_json_text("[1, 2]", catalogue).unwrap_err();
    assert!(e.problem.contains("found a list"), "{e}");
}

#[test]
fn a_file_with_an_input_key_is_read_like_the_examples() {
    let text = json!({"id": "X", "input": valid(), "expected": {}}).to_string();
    assert!(ScreeningInput::from_json_text(&text, Catalogue::embedded()).is_ok());
    let text = json!({"id": "X", "input": with(valid(), "/sex", json!("f"))}).to_string();
    assert_eq!(
        ScreeningInput::from_json_text(&text, Catalogue::embedded())
            .unwrap_err()
            .field,
        "input.sex"
    );
}

#[test]
fn repeated_ids_count_once() {
    let input = with(
        valid(),
        "/palermo/acts",
        json!(["recruitment", "recruitment"]),
    );
    let parsed = ScreeningInput::from_json(&input, "input", Catalogue::embedded()).unwrap();
    assert_eq!(parsed.facts.palermo.acts.established.len(), 1);
}
