//! Schemas Haven cannot encode exactly as clkhash would are refused with a message naming the
//! feature and what is allowed.

use haven_linkage::LinkageSchema;

fn schema(clk_config: &str, feature: &str) -> String {
    format!(r#"{{"version": 3, "clkConfig": {clk_config}, "features": [{feature}]}}"#)
}

const CONFIG: &str = r#"{"l": 1024, "kdf": {"type": "HKDF"}}"#;
const FEATURE: &str = r#"{"identifier": "name", "format": {"type": "string"},
  "hashing": {"comparison": {"type": "ngram", "n": 2}, "strategy": {"bitsPerToken": 20}}}"#;

fn refusal(text: &str) -> String {
    LinkageSchema::from_json(text)
        .expect_err("schema must be refused")
        .to_string()
}

#[test]
fn a_valid_schema_is_read() {
    let parsed = LinkageSchema::from_json(&schema(CONFIG, FEATURE)).unwrap();
    assert_eq!(parsed.filter_bits(), 1024);
    assert_eq!(parsed.fields().len(), 1);
}

#[test]
fn malformed_schemas_are_refused_with_the_place_and_the_rule() {
    assert!(refusal("{").contains("not valid JSON"));
    assert!(
        refusal(&schema(CONFIG, FEATURE).replace("\"version\": 3", "\"version\": 2"))
            .contains("allowed: 3")
    );
    assert!(
        refusal(&schema(r#"{"l": 1000, "kdf": {"type": "HKDF"}}"#, FEATURE))
            .contains("power of two")
    );
    assert!(
        refusal(&schema(
            r#"{"l": 1024, "kdf": {"type": "PBKDF2"}}"#,
            FEATURE
        ))
        .contains("HKDF")
    );
    assert!(
        refusal(&schema(
            r#"{"l": 1024, "xorFolds": 1, "kdf": {"type": "HKDF"}}"#,
            FEATURE
        ))
        .contains("xor_folds")
    );
    let double_hash = FEATURE.replace(
        r#""strategy""#,
        r#""hash": {"type": "doubleHash"}, "strategy""#,
    );
    let message = refusal(&schema(CONFIG, &double_hash));
    assert!(
        message.contains("feature 0 (\"name\")") && message.contains("blakeHash"),
        "{message}"
    );
    let no_strategy = FEATURE.replace(r#""bitsPerToken": 20"#, "");
    assert!(refusal(&schema(CONFIG, &no_strategy)).contains("bitsPerToken or bitsPerFeature"));
    let numeric = FEATURE.replace(r#""type": "ngram", "n": 2"#, r#""type": "numeric""#);
    assert!(refusal(&schema(CONFIG, &numeric)).contains("allowed: \"ngram\", \"exact\""));
    let bad_date = r#"{"identifier": "dob", "format": {"type": "date"},
      "hashing": {"comparison": {"type": "exact"}, "strategy": {"bitsPerToken": 20}}}"#;
    assert!(refusal(&schema(CONFIG, bad_date)).contains("strptime"));
    let bad_normalisation = FEATURE.replacen('}', r#"}, "havenNormalisation": "shout""#, 1);
    assert!(refusal(&schema(CONFIG, &bad_normalisation)).contains("feature 0"));
}
