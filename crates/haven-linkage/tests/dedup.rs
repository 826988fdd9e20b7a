//! De-duplication within one list: chains of pairs above the threshold become one cluster.

use haven_linkage::{Blocking, Clk, ClkBatch, Threshold, deduplicate};

fn clk(bits: &[usize]) -> Clk {
    let mut bytes = vec![0u8; 16];
    for &bit in bits {
        bytes[bit / 8] |= 0x80 >> (bit % 8);
    }
    Clk::from_bytes(bytes)
}

#[test]
fn chained_matches_form_one_cluster_and_loners_none() {
    let base: Vec<usize> = (0..20).collect();
    let shifted = |by: usize| clk(&base.iter().map(|b| b + by).collect::<Vec<_>>());
    // 0 ~ 2 (one bit apart) and 2 ~ 4, but 0 and 4 are two bits apart: still one cluster.
    let list = vec![
        shifted(0),
        clk(&[100, 101, 102, 103, 104, 105, 106, 107, 108, 109]),
        shifted(1),
        clk(&[60, 70, 80, 90]),
        shifted(2),
        clk(&[100, 101, 102, 103, 104, 105, 106, 107, 108, 110]),
    ];
    let clusters = deduplicate(
        &ClkBatch::new(&list).unwrap(),
        Threshold::new(0.9).unwrap(),
        Blocking::None,
        &|_| {},
    );
    let members: Vec<&[usize]> = clusters.iter().map(|c| c.records()).collect();
    assert_eq!(members, vec![&[0, 2, 4][..], &[1, 5][..]]);
}

#[test]
fn a_list_without_duplicates_has_no_clusters() {
    let list: Vec<Clk> = (0..50).map(|i| clk(&[i, i + 50, (i * 7) % 128])).collect();
    let clusters = deduplicate(
        &ClkBatch::new(&list).unwrap(),
        Threshold::new(0.9).unwrap(),
        Blocking::None,
        &|_| {},
    );
    assert!(clusters.is_empty());
}
