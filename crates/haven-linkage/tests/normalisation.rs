//! Haven's name normalisation: off by default (clkhash's behaviour), and when on, spellings of one
//! name across scripts and conventions encode to the same filter.

use haven_linkage::{ClkEncoder, LinkageSchema, Normalisation};

#[test]
fn fold_removes_case_diacritics_and_compatibility_forms() {
    let fold = |s| Normalisation::Fold.apply(s).into_owned();
    assert_eq!(fold("Núñez"), "nunez");
    assert_eq!(fold("ŁUKASIEWICZ"), "łukasiewicz");
    assert_eq!(fold("Straße"), "strasse");
    assert_eq!(fold("  Ｊｏｓé   María "), "jose maria");
}

#[test]
fn transliterate_brings_other_scripts_to_latin() {
    let latin = |s| Normalisation::Transliterate.apply(s).into_owned();
    assert_eq!(latin("Дмитрий Иванов"), "dmitrii ivanov");
    assert_eq!(latin("Łukasiewicz"), "lukasiewicz");
    assert_eq!(latin("Ελένη"), "eleni");
    assert!(latin("محمد").is_ascii() && !latin("محمد").is_empty());
}

#[test]
fn none_leaves_values_as_written() {
    assert_eq!(Normalisation::None.apply("Núñez"), "Núñez");
}

fn encoder(normalisation: &str) -> ClkEncoder {
    let schema = format!(
        r#"{{"version": 3, "clkConfig": {{"l": 1024, "kdf": {{"type": "HKDF"}}}},
            "features": [{{"identifier": "name", "format": {{"type": "string"}},
              "hashing": {{"comparison": {{"type": "ngram", "n": 2}}, "strategy": {{"bitsPerToken": 20}}}}
              {normalisation}}}]}}"#
    );
    ClkEncoder::new(LinkageSchema::from_json(&schema).unwrap(), b"secret")
}

#[test]
fn schema_option_makes_spellings_encode_alike() {
    let plain = encoder("");
    let folded = encoder(r#", "havenNormalisation": "transliterate""#);
    let encode = |e: &ClkEncoder, s: &str| e.encode(0, &[s]).unwrap();
    assert_ne!(
        encode(&plain, "Dmitrii Ivanov"),
        encode(&plain, "ДМИТРИЙ ИВАНОВ")
    );
    assert_eq!(
        encode(&folded, "Dmitrii Ivanov"),
        encode(&folded, "ДМИТРИЙ ИВАНОВ")
    );
    assert_eq!(
        encode(&folded, "dmitrii ivanov"),
        encode(&plain, "dmitrii ivanov")
    );
}
