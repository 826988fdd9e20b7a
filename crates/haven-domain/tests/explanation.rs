//! Explanations: every rule id is stable and documented, and every message renders in full.

mod common;

use common::{adult_victim, screen_json, with, with_yes};
use haven_domain::i18n::{LANGUAGES, Localizer, Message};
use haven_domain::identification::explanation_rule_patterns;
use haven_domain::identification::routing::{NextStep, RoutingForbid, RoutingRule};
use serde_json::{Value, json};

fn varied_inputs() -> Vec<Value> {
    let child = with(
        adult_victim(),
        "age",
        json!({"years": null, "claimed_years": 13, "basis": "claimed"}),
    );
    let mut begging = adult_victim();
    begging["palermo"]["purposes"] = json!(["forced_begging"]);
    let mut sale = child.clone();
    sale["palermo"] = json!({"acts": ["transfer"], "means": ["giving_or_receiving_payments"], "purposes": ["illegal_adoption"]});
    sale["exploitation_type"] = json!("other");
    let mut negative = with_yes(adult_victim(), &["EX.excessive_hours", "EX.hazardous_work"]);
    negative["palermo"]["means"] = json!([]);
    negative["offences_as_consequence"] = json!(["theft"]);
    let sexual = with_yes(
        with(adult_victim(), "exploitation_type", json!("sexual")),
        &[
            "DR.deceived_wages",
            "DR.deceived_contract",
            "CD.threat_of_violence",
            "EX.excessive_hours",
        ],
    );
    vec![
        adult_victim(),
        child,
        begging,
        sale,
        negative,
        sexual,
        with(adult_victim(), "palermo", json!({})),
        with_yes(
            with(
                adult_victim(),
                "age",
                json!({"years": 9, "basis": "document"}),
            ),
            &["EX.excessive_hours", "EX.hazardous_work"],
        ),
    ]
}

fn matches_pattern(rule: &str) -> bool {
    explanation_rule_patterns().iter().any(|pattern| {
        let parts: Vec<&str> = pattern.split('.').collect();
        let rule_parts: Vec<&str> = rule.splitn(parts.len(), '.').collect();
        parts.len() == rule_parts.len()
            && parts
                .iter()
                .zip(&rule_parts)
                .all(|(p, r)| (p.starts_with('<') && p.ends_with('>')) || p == r)
    })
}

#[test]
fn every_rule_id_emitted_matches_a_documented_pattern() {
    for input in varied_inputs() {
        for rule in common::rules(&screen_json(&input)) {
            assert!(matches_pattern(&rule), "{rule} matches no pattern");
        }
    }
}

#[test]
fn the_readme_lists_every_rule_id_pattern() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../README.md")).unwrap();
    for pattern in explanation_rule_patterns() {
        assert!(
            readme.contains(&format!("`{pattern}`")),
            "README lacks `{pattern}`"
        );
    }
}

#[test]
fn every_explanation_renders_without_gaps() {
    for input in varied_inputs() {
        let result = screen_json(&input);
        for e in result["explanation"].as_array().unwrap() {
            let text = e["text"].as_str().unwrap();
            assert!(
                !text.contains('{') && !text.contains('$'),
                "unrendered placeable in {text}"
            );
            assert!(text.len() > 20, "{}: {text}", e["rule"]);
        }
    }
}

#[test]
fn every_outcome_has_an_explanation() {
    for input in varied_inputs() {
        let result = screen_json(&input);
        let rules = common::rules(&result);
        for profile in result["legal"].as_object().unwrap().keys() {
            assert!(
                rules.iter().any(|r| r.starts_with(&format!("{profile}."))),
                "{profile}"
            );
        }
        for code in common::next(&result) {
            assert!(rules.contains(&format!("routing.{code}")), "routing.{code}");
        }
        assert!(rules.iter().any(|r| r.starts_with("age.")));
        assert!(
            rules
                .iter()
                .any(|r| r == "ilo.outcome" || r == "ilo.not_applicable")
        );
    }
}

#[test]
fn every_routing_code_and_rule_has_its_own_words() {
    let en = Localizer::english();
    let render = |step: &str, rule: &str| {
        en.render(
            &Message::new("routing-step")
                .text("step", step)
                .text("rule", rule)
                .text("basis", "b")
                .number("reflection_days", 30),
        )
    };
    let steps: std::collections::BTreeSet<String> = NextStep::ALL
        .iter()
        .map(|s| {
            render(s.code(), "asylum")
                .split(" Why:")
                .next()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(steps.len(), NextStep::ALL.len());
    let rules: std::collections::BTreeSet<String> = RoutingRule::ALL
        .iter()
        .map(|r| {
            render("MEDICAL", r.id())
                .split(" Why:")
                .nth(1)
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(rules.len(), RoutingRule::ALL.len());
    let forbids: std::collections::BTreeSet<String> = RoutingForbid::ALL
        .iter()
        .map(|f| {
            en.render(
                &Message::new("routing-forbid")
                    .text("forbid", f.id())
                    .text("codes", "X"),
            )
        })
        .collect();
    assert_eq!(forbids.len(), RoutingForbid::ALL.len());
}

#[test]
fn every_language_has_every_message_of_english() {
    let en_source = include_str!("../locales/en/identification.ftl");
    let ids: Vec<&str> = en_source
        .lines()
        .filter(|l| !l.starts_with(' ') && !l.starts_with('#') && l.contains(" ="))
        .map(|l| l.split(" =").next().unwrap())
        .collect();
    assert!(ids.len() > 20);
    for language in LANGUAGES {
        let localizer = Localizer::new(language).unwrap();
        for id in &ids {
            assert!(localizer.has_message(id), "{language} lacks {id}");
        }
    }
    assert!(Localizer::new("xx").is_err());
}
