//! Helpers shared by the identification tests: screen a JSON input and read the result.
#![allow(dead_code)]

use haven_domain::i18n::Localizer;
use haven_domain::identification::{Catalogue, ScreeningInput, ScreeningReport, screen};
use serde_json::Value;

/// Screens an input object and returns the contract JSON of the result.
pub fn screen_json(input: &Value) -> Value {
    let catalogue = Catalogue::embedded();
    let parsed = ScreeningInput::from_json(input, "input", catalogue)
        .unwrap_or_else(|e| panic!("test input rejected: {e}"));
    let report = ScreeningReport::new(&screen(catalogue, &parsed.facts), &Localizer::english());
    serde_json::to_value(report).expect("a report serialises")
}

pub fn next(result: &Value) -> Vec<String> {
    result["next"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect()
}

pub fn legal(result: &Value, profile: &str) -> String {
    result["legal"][profile].as_str().unwrap().to_string()
}

pub fn rules(result: &Value) -> Vec<String> {
    result["explanation"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["rule"].as_str().unwrap().to_string())
        .collect()
}

/// An adult with all three Palermo elements established and nothing else.
pub fn adult_victim() -> Value {
    serde_json::json!({
        "age": {"years": 30, "basis": "document"},
        "sex": "female",
        "palermo": {"acts": ["recruitment"], "means": ["deception"], "purposes": ["forced_labour_or_services"]},
        "exploitation_type": "labour"
    })
}

/// Sets `input[key] = value` and returns the input.
pub fn with(mut input: Value, key: &str, value: Value) -> Value {
    input[key] = value;
    input
}

/// Answers the given indicators yes.
pub fn with_yes(mut input: Value, ids: &[&str]) -> Value {
    let indicators = input
        .as_object_mut()
        .unwrap()
        .entry("indicators")
        .or_insert_with(|| serde_json::json!({}));
    for id in ids {
        indicators[*id] = Value::from("yes");
    }
    input
}
