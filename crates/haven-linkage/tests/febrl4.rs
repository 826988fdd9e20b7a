//! Linkage quality on FEBRL4 (5,000 + 5,000 synthetic records, 5,000 true pairs), encoded on
//! names, address, suburb, postcode, state and date of birth without the social-security number:
//! precision and recall must both reach 0.99 at Dice 0.8, with and without LSH or P-Sig blocking.

use std::collections::HashSet;

use haven_linkage::{
    Blocking, ClkBatch, ClkEncoder, LinkageSchema, LshParams, PSigParams, Threshold, link, read_csv,
};

fn encode(encoder: &ClkEncoder, csv: &str) -> (Vec<String>, ClkBatch) {
    let (_, rows) = read_csv(csv).unwrap();
    let ids = rows.iter().map(|r| r[0].clone()).collect();
    (
        ids,
        ClkBatch::new(&encoder.encode_all(&rows, &|_| {}).unwrap()).unwrap(),
    )
}

fn quality(blocking: Blocking) -> (f64, f64) {
    let schema = LinkageSchema::from_json(include_str!("data/febrl4-schema.json")).unwrap();
    let encoder = ClkEncoder::new(schema, b"febrl4 shared secret");
    let (ids_a, a) = encode(&encoder, include_str!("data/febrl4/febrl4_a.csv"));
    let (ids_b, b) = encode(&encoder, include_str!("data/febrl4/febrl4_b.csv"));
    let (_, truth) = read_csv(include_str!("data/febrl4/febrl4_true_matches.csv")).unwrap();
    let truth: HashSet<(String, String)> = truth
        .into_iter()
        .map(|r| (r[0].clone(), r[1].clone()))
        .collect();
    let pairs = link(&a, &b, Threshold::new(0.8).unwrap(), blocking, &|_| {}).unwrap();
    let correct = pairs
        .iter()
        .filter(|p| truth.contains(&(ids_a[p.a].clone(), ids_b[p.b].clone())))
        .count();
    (
        correct as f64 / pairs.len() as f64,
        correct as f64 / truth.len() as f64,
    )
}

#[test]
fn exact_matching_reaches_precision_and_recall_of_099() {
    let (precision, recall) = quality(Blocking::None);
    assert!(precision >= 0.99, "precision {precision}");
    assert!(recall >= 0.99, "recall {recall}");
}

#[test]
fn lsh_blocking_keeps_precision_and_recall_of_099() {
    let (precision, recall) = quality(Blocking::Lsh(LshParams::default()));
    assert!(precision >= 0.99, "precision {precision}");
    assert!(recall >= 0.99, "recall {recall}");
}

#[test]
fn psig_blocking_keeps_precision_and_recall_of_099() {
    let (precision, recall) = quality(Blocking::PSig(PSigParams::default()));
    assert!(precision >= 0.99, "precision {precision}");
    assert!(recall >= 0.99, "recall {recall}");
}
