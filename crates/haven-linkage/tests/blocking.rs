//! LSH and P-Sig blocking find a subset of the exact candidates, and all the identical pairs.

use haven_linkage::{
    Blocking, Clk, ClkBatch, LshParams, PSigParams, Threshold, candidate_pairs,
    self_candidate_pairs,
};

fn noisy_copies(count: usize, seed: u64) -> (Vec<Clk>, Vec<Clk>) {
    let mut state = seed;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let originals: Vec<Clk> = (0..count)
        .map(|_| Clk::from_bytes((0..128).map(|_| (next() & next()) as u8).collect()))
        .collect();
    let copies = originals
        .iter()
        .enumerate()
        .map(|(i, clk)| {
            let mut bytes = clk.as_bytes().to_vec();
            if i % 2 == 1 {
                bytes[i % 128] ^= 0x11;
            }
            Clk::from_bytes(bytes)
        })
        .collect();
    (originals, copies)
}

#[test]
fn lsh_candidates_are_exact_candidates_and_include_identical_records() {
    blocked_candidates_are_exact_candidates(Blocking::Lsh(LshParams::default()));
}

#[test]
fn psig_candidates_are_exact_candidates_and_include_identical_records() {
    blocked_candidates_are_exact_candidates(Blocking::PSig(PSigParams::default()));
}

fn blocked_candidates_are_exact_candidates(blocking: Blocking) {
    let (a, b) = noisy_copies(2000, 9);
    let (a, b) = (ClkBatch::new(&a).unwrap(), ClkBatch::new(&b).unwrap());
    let threshold = Threshold::new(0.8).unwrap();
    let key = |p: &haven_linkage::CandidatePair| (p.a, p.b);
    let exact: std::collections::HashSet<_> =
        candidate_pairs(&a, &b, threshold, Blocking::None, &|_| {})
            .unwrap()
            .iter()
            .map(key)
            .collect();
    let blocked = candidate_pairs(&a, &b, threshold, blocking, &|_| {}).unwrap();
    assert!(blocked.iter().all(|p| exact.contains(&key(p))));
    let distinct: std::collections::HashSet<_> = blocked.iter().map(key).collect();
    assert_eq!(distinct.len(), blocked.len(), "each pair once");
    for i in (0..2000).step_by(2) {
        assert!(
            blocked.iter().any(|p| p.a == i && p.b == i),
            "identical pair {i}"
        );
    }
    // Nearly every noisy pair is found too.
    assert!(
        blocked.len() as f64 >= 0.99 * exact.len() as f64,
        "{} of {}",
        blocked.len(),
        exact.len()
    );
}

#[test]
fn blocking_within_one_list_reports_each_pair_once() {
    let (a, b) = noisy_copies(500, 4);
    let list = ClkBatch::new(&[a, b].concat()).unwrap();
    for blocking in [
        Blocking::Lsh(LshParams::default()),
        Blocking::PSig(PSigParams::default()),
    ] {
        let pairs = self_candidate_pairs(&list, Threshold::new(0.8).unwrap(), blocking, &|_| {});
        assert!(pairs.iter().all(|p| p.a < p.b), "{blocking:?}");
        let mut keys: Vec<_> = pairs.iter().map(|p| (p.a, p.b)).collect();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), pairs.len(), "{blocking:?}");
        assert!(
            pairs.iter().filter(|p| p.b == p.a + 500).count() >= 495,
            "{blocking:?}"
        );
    }
}
