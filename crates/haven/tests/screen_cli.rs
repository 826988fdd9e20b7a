//! `haven screen` through the real binary: the contract on the examples, directories, standard
//! input, text output and bad input.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn examples_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../reference/screening-examples")
}

fn haven(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_haven"))
        .args(args)
        .output()
        .expect("haven runs")
}

fn haven_stdin(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_haven"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("haven runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("haven-screen-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn a_file_prints_one_object_with_every_contract_field() {
    let file = examples_dir().join("S01-construction-debt-bondage.json");
    let output = haven(&["screen", file.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let result: Value = serde_json::from_str(&stdout(&output)).unwrap();
    for key in [
        "treated_as_child",
        "legal",
        "other_legal",
        "ilo",
        "forced_labour_flag",
        "next",
        "explanation",
    ] {
        assert!(result.get(key).is_some(), "missing {key}");
    }
    for key in ["outcome", "list", "elements", "sub_class", "warnings"] {
        assert!(result["ilo"].get(key).is_some(), "missing ilo.{key}");
    }
    assert_eq!(result["legal"]["palermo"], "TRAFFICKING");
    assert_eq!(result["legal"]["eu2024"], "TRAFFICKING");
    let first = &result["explanation"][0];
    assert!(first["rule"].is_string() && first["text"].is_string());
}

#[test]
fn a_directory_prints_one_json_line_per_example_that_meets_its_expectations() {
    let output = haven(&["screen", examples_dir().to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let lines: Vec<Value> = stdout(&output)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 7);
    for line in lines {
        let file = PathBuf::from(line["file"].as_str().unwrap());
        let example: Value =
            serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        let expected = &example["expected"];
        assert_eq!(line["legal"], expected["legal"], "{}", file.display());
        assert_eq!(
            line["ilo"]["outcome"],
            expected["ilo"]["outcome"],
            "{}",
            file.display()
        );
        assert_eq!(
            line["ilo"]["elements"],
            expected["ilo"]["elements"],
            "{}",
            file.display()
        );
        assert_eq!(
            line["treated_as_child"],
            expected["treated_as_child"],
            "{}",
            file.display()
        );
        let next: Vec<&Value> = line["next"].as_array().unwrap().iter().collect();
        for code in expected["next_must_include"].as_array().unwrap() {
            assert!(next.contains(&code), "{}: {code}", file.display());
        }
        for code in expected["next_must_not_include"].as_array().unwrap() {
            assert!(!next.contains(&code), "{}: {code}", file.display());
        }
    }
}

#[test]
fn standard_input_takes_the_bare_input_object() {
    let input = r#"{"age": {"years": null, "basis": "claimed", "claimed_years": 15}, "sex": "female",
                    "palermo": {"acts": ["harbouring"], "purposes": ["sexual_exploitation"]},
                    "exploitation_type": "sexual"}"#;
    let output = haven_stdin(&["screen", "-"], input);
    assert!(output.status.success(), "{}", stderr(&output));
    let result: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(result["treated_as_child"], true);
    assert!(
        result["next"]
            .as_array()
            .unwrap()
            .contains(&Value::from("CHILD_PROTECTION"))
    );
}

#[test]
fn text_format_is_for_a_person() {
    let file = examples_dir().join("S07-warehouse-labour-violations.json");
    let output = haven(&["screen", "--format", "text", file.to_str().unwrap()]);
    assert!(output.status.success());
    let text = stdout(&output);
    assert!(text.starts_with("Screening result"), "{text}");
    assert!(text.contains("palermo: NOT_TRAFFICKING"));
    assert!(text.contains("- LABOUR_INSPECTION"));
    assert!(text.contains("[ilo.sub_class] Exploitative conditions"));
}

#[test]
fn bad_input_exits_2_with_one_line_naming_file_field_and_what_is_allowed() {
    let dir = temp_dir("bad");
    let cases = [
        (
            "unknown-id.json",
            r#"{"age": {"years": 30, "basis": "document"}, "sex": "male", "palermo": {"acts": ["kidnap"]}, "exploitation_type": "labour"}"#,
            "palermo.acts[0]: unknown act id \"kidnap\"; allowed: recruitment, transportation, transfer, harbouring, receipt",
        ),
        (
            "wrong-type.json",
            r#"{"age": {"years": "30", "basis": "document"}, "sex": "male", "palermo": {}, "exploitation_type": "labour"}"#,
            "age.years: expected null (not established) or a whole number of years from 0 to 120",
        ),
        (
            "fact.json",
            r#"{"age": {"years": 30, "basis": "document"}, "sex": "male", "palermo": {}, "exploitation_type": "labour", "indicators": {"CD.debt_bondage": "probably"}}"#,
            "indicators.CD.debt_bondage: \"probably\" is not allowed; allowed: yes, no, unknown",
        ),
        (
            "malformed.json",
            r#"{"age": {"years": 30,"#,
            "(file): malformed JSON",
        ),
    ];
    for (name, content, message) in cases {
        let path = dir.join(name);
        std::fs::write(&path, content).unwrap();
        let output = haven(&["screen", path.to_str().unwrap()]);
        assert_eq!(output.status.code(), Some(2), "{name}");
        assert!(output.stdout.is_empty(), "{name}: nothing on stdout");
        let err = stderr(&output);
        assert_eq!(err.lines().count(), 1, "{name}: {err}");
        assert!(
            err.contains(path.to_str().unwrap()),
            "{name}: names the file: {err}"
        );
        assert!(err.contains(message), "{name}: {err}");
    }
}

#[test]
fn a_directory_with_a_bad_file_screens_the_others_and_exits_2() {
    let dir = temp_dir("mixed");
    std::fs::copy(
        examples_dir().join("S05-checkpoint-unclear.json"),
        dir.join("a.json"),
    )
    .unwrap();
    std::fs::write(dir.join("b.json"), "{}").unwrap();
    std::fs::write(dir.join("notes.txt"), "not a screening").unwrap();
    let output = haven(&["screen", dir.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(stdout(&output).lines().count(), 1);
    assert!(
        stderr(&output).contains("b.json: age: required field is missing"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_missing_file_and_an_unknown_language_are_input_errors() {
    let output = haven(&["screen", "no-such-file.json"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("no-such-file.json: cannot read"));
    let file = examples_dir().join("S01-construction-debt-bondage.json");
    let output = haven(&["screen", "--lang", "xx", file.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("available: en"));
}

#[test]
fn the_catalogue_command_lists_stable_ids() {
    let output = haven(&["catalogue", "indicators"]);
    assert!(output.status.success());
    let text = stdout(&output);
    assert!(text.contains("CR.debt_bondage\t"));
    assert_eq!(text.lines().filter(|l| l.contains('\t')).count(), 68);
}
