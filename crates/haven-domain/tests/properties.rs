//! Properties that must hold for every input, checked on generated screenings.

mod common;

use common::{next, screen_json};
use haven_domain::identification::Catalogue;
use proptest::prelude::*;
use serde_json::{Map, Value, json};

/// A palermo element: missing key, listed unknown, established absent, or some ids.
fn element(ids: Vec<String>) -> impl Strategy<Value = (Option<Vec<String>>, bool)> {
    prop_oneof![
        Just((None, false)),
        Just((Some(vec![]), true)),
        Just((Some(vec![]), false)),
        proptest::sample::subsequence(ids, 1..3).prop_map(|v| (Some(v), false)),
    ]
}

fn answers() -> impl Strategy<Value = Map<String, Value>> {
    let ids: Vec<String> = Catalogue::embedded()
        .indicators
        .iter()
        .map(|i| i.id.clone())
        .collect();
    proptest::collection::vec(
        (
            proptest::sample::select(ids),
            prop_oneof!["yes", "no", "unknown"],
        ),
        0..14,
    )
    .prop_map(|pairs| {
        pairs
            .into_iter()
            .map(|(id, a)| (id, Value::from(a)))
            .collect()
    })
}

prop_compose! {
    fn screening_input()(
        years in prop_oneof![Just(None), (0u8..80).prop_map(Some)],
        claimed in prop_oneof![Just(None), (0u8..80).prop_map(Some)],
        minor in any::<bool>(),
        exploitation in prop_oneof!["labour", "sexual", "other"],
        acts in element(Catalogue::embedded().acts.iter().map(|e| e.id.clone()).collect()),
        means in element(Catalogue::embedded().means.iter().map(|e| e.id.clone()).collect()),
        purposes in element(Catalogue::embedded().purposes.iter().map(|p| p.entry.id.clone()).collect()),
        indicators in answers(),
        offences in proptest::sample::subsequence(vec!["immigration", "theft", "begging"], 0..2),
        risks in proptest::sample::subsequence(vec!["unrealistic_offer", "rushed_departure"], 0..2),
        flags in proptest::collection::vec(any::<bool>(), 5),
    ) -> Value {
        let mut palermo = json!({});
        let mut unknown = vec![];
        for (name, (ids, listed_unknown)) in [("acts", acts), ("means", means), ("purposes", purposes)] {
            if let Some(ids) = ids { palermo[name] = json!(ids); }
            if listed_unknown { unknown.push(name); }
        }
        palermo["unknown"] = json!(unknown);
        json!({
            "age": {"years": years, "claimed_years": claimed, "reasons_to_believe_minor": minor, "basis": "claimed"},
            "sex": "unknown",
            "palermo": palermo,
            "indicators": indicators,
            "exploitation_type": exploitation,
            "offences_as_consequence": offences,
            "risk_indicators": risks,
            "unaccompanied": flags[0], "children_present": flags[1], "family_involved": flags[2],
            "smuggled": flags[3], "seeks_international_protection": flags[4],
        })
    }
}

fn legal_outcomes(result: &Value) -> Vec<(String, String)> {
    result["legal"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| (k.clone(), v.as_str().unwrap().to_string()))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn adding_a_yes_never_turns_trafficking_into_not_trafficking(
        input in screening_input(),
        extra in proptest::sample::select(Catalogue::embedded().indicators.iter().map(|i| i.id.clone()).collect::<Vec<_>>()),
    ) {
        let before = screen_json(&input);
        let mut more = input.clone();
        more["indicators"][extra.as_str()] = json!("yes");
        let after = screen_json(&more);
        for ((profile, b), (_, a)) in legal_outcomes(&before).iter().zip(legal_outcomes(&after)) {
            prop_assert!(!(b == "TRAFFICKING" && a == "NOT_TRAFFICKING"), "{profile}");
        }
        if before["ilo"]["outcome"] == "VICTIM" {
            prop_assert_eq!(&after["ilo"]["outcome"], "VICTIM");
        }
    }

    #[test]
    fn turning_unknown_into_no_never_produces_trafficking(input in screening_input()) {
        let before = screen_json(&input);
        let mut settled = input.clone();
        // Every unknown Palermo element becomes established absent, every unknown answer "no".
        for name in ["acts", "means", "purposes"] {
            if settled["palermo"].get(name).is_none() { settled["palermo"][name] = json!([]); }
        }
        settled["palermo"]["unknown"] = json!([]);
        for (_, answer) in settled["indicators"].as_object_mut().unwrap().iter_mut() {
            if answer == "unknown" { *answer = json!("no"); }
        }
        let after = screen_json(&settled);
        for ((profile, b), (_, a)) in legal_outcomes(&before).iter().zip(legal_outcomes(&after)) {
            prop_assert!(!(a == "TRAFFICKING" && b != "TRAFFICKING"), "{profile}: {b} -> {a}");
        }
        if after["ilo"]["outcome"] == "VICTIM" {
            prop_assert_eq!(&before["ilo"]["outcome"], "VICTIM");
        }
    }

    #[test]
    fn a_child_never_gets_the_adult_consent_route(input in screening_input()) {
        let result = screen_json(&input);
        if result["treated_as_child"] == true {
            prop_assert!(!next(&result).contains(&"ADULT_REFERRAL_CONSENT".to_string()));
        }
    }

    #[test]
    fn routing_is_never_empty_and_no_action_stands_alone(input in screening_input()) {
        let next = next(&screen_json(&input));
        prop_assert!(!next.is_empty());
        if next.contains(&"NO_ACTION".to_string()) {
            prop_assert_eq!(next.len(), 1);
        }
    }

    #[test]
    fn unknown_is_never_treated_as_absent(input in screening_input()) {
        // Whatever else is recorded, a screening whose elements are all unknown is never negative.
        let mut unknown = input.clone();
        unknown["palermo"] = json!({});
        for (_, outcome) in legal_outcomes(&screen_json(&unknown)) {
            prop_assert!(outcome == "AT_RISK" || outcome == "INSUFFICIENT_INFORMATION", "{outcome}");
        }
    }
}
