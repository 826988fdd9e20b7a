//! Every worked example in `reference/screening-examples/` gives its expected result.

mod common;

use std::path::PathBuf;

use common::{next, screen_json};
use serde_json::Value;

fn examples() -> Vec<(String, Value)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../reference/screening-examples");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("the screening examples are in the repository")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().to_string();
            (
                name,
                serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap(),
            )
        })
        .collect()
}

#[test]
fn every_example_gives_its_expected_result() {
    let examples = examples();
    assert!(examples.len() >= 7, "the examples are missing");
    for (name, example) in examples {
        let expected = &example["expected"];
        let result = screen_json(&example["input"]);
        assert_eq!(result["legal"], expected["legal"], "{name}: legal");
        assert_eq!(
            result["treated_as_child"], expected["treated_as_child"],
            "{name}: child track"
        );
        for key in ["outcome", "list", "elements"] {
            assert_eq!(
                result["ilo"][key], expected["ilo"][key],
                "{name}: ilo.{key}"
            );
        }
        if let Some(sub_class) = expected["ilo"].get("sub_class") {
            assert_eq!(
                &result["ilo"]["sub_class"], sub_class,
                "{name}: ilo.sub_class"
            );
        }
        let warnings = expected["ilo"]
            .get("warnings")
            .cloned()
            .unwrap_or(Value::Array(vec![]));
        assert_eq!(result["ilo"]["warnings"], warnings, "{name}: ilo.warnings");
        if let Some(flag) = expected.get("forced_labour_flag") {
            assert_eq!(
                &result["forced_labour_flag"], flag,
                "{name}: forced_labour_flag"
            );
        }
        let other = expected
            .get("other_legal")
            .cloned()
            .unwrap_or(Value::Array(vec![]));
        assert_eq!(result["other_legal"], other, "{name}: other_legal");
        let next = next(&result);
        for code in expected["next_must_include"].as_array().unwrap() {
            assert!(
                next.iter().any(|c| c == code),
                "{name}: next lacks {code}; got {next:?}"
            );
        }
        for code in expected["next_must_not_include"].as_array().unwrap() {
            assert!(
                !next.iter().any(|c| c == code),
                "{name}: next must not hold {code}; got {next:?}"
            );
        }
    }
}
