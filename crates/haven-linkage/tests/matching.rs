//! Candidate generation and the greedy solver against a brute-force reference, and the popcount
//! kernels against each other.

use haven_linkage::popcount::{BOUND_SCALE_BITS, Kernel};
use haven_linkage::{
    Blocking, CandidatePair, Clk, ClkBatch, DiceSimilarity, Threshold, candidate_pairs, link,
    solve_greedy,
};

/// Deterministic pseudo-random filters with popcounts spread around `density`, plus near copies
/// of the first ones so that there are pairs above any threshold.
fn filters(count: usize, bytes: usize, seed: u64) -> Vec<Clk> {
    let mut state = seed;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut clks: Vec<Clk> = (0..count)
        .map(|_| {
            let density = 2 + next() % 5;
            Clk::from_bytes(
                (0..bytes)
                    .map(|_| (0..density).fold(0u8, |b, _| b | next() as u8))
                    .collect(),
            )
        })
        .collect();
    for i in 0..count / 3 {
        let mut bytes = clks[i].as_bytes().to_vec();
        let position = i % bytes.len();
        bytes[position] ^= next() as u8;
        clks[count - 1 - i] = Clk::from_bytes(bytes);
    }
    clks
}

fn brute_force(a: &[Clk], b: &[Clk], threshold: f64) -> Vec<(usize, usize, f64)> {
    let mut pairs = Vec::new();
    for (i, x) in a.iter().enumerate() {
        for (j, y) in b.iter().enumerate() {
            let common: u32 = x
                .as_bytes()
                .iter()
                .zip(y.as_bytes())
                .map(|(p, q)| (p & q).count_ones())
                .sum();
            let dice = DiceSimilarity::new(common, x.popcount(), y.popcount()).value();
            if dice >= threshold {
                pairs.push((i, j, dice));
            }
        }
    }
    pairs
}

fn sorted(pairs: &[CandidatePair]) -> Vec<(usize, usize, f64)> {
    let mut v: Vec<_> = pairs
        .iter()
        .map(|p| (p.a, p.b, p.similarity.value()))
        .collect();
    v.sort_by(|x, y| x.partial_cmp(y).unwrap());
    v
}

#[test]
fn candidates_are_exactly_the_pairs_above_the_threshold() {
    let a = filters(700, 128, 1);
    let b: Vec<Clk> = filters(1300, 128, 1).into_iter().rev().collect();
    for threshold in [0.5, 0.8, 0.95, 1.0] {
        let found = candidate_pairs(
            &ClkBatch::new(&a).unwrap(),
            &ClkBatch::new(&b).unwrap(),
            Threshold::new(threshold).unwrap(),
            Blocking::None,
            &|_| {},
        )
        .unwrap();
        let expected = brute_force(&a, &b, threshold);
        assert!(
            !expected.is_empty(),
            "threshold {threshold} has pairs to find"
        );
        assert_eq!(sorted(&found), expected, "threshold {threshold}");
    }
}

#[test]
fn filters_not_a_multiple_of_512_bits_are_compared_too() {
    let a = filters(200, 40, 7);
    let found = candidate_pairs(
        &ClkBatch::new(&a).unwrap(),
        &ClkBatch::new(&a).unwrap(),
        Threshold::new(0.7).unwrap(),
        Blocking::None,
        &|_| {},
    )
    .unwrap();
    assert_eq!(sorted(&found), brute_force(&a, &a, 0.7));
}

#[test]
fn every_kernel_counts_like_count_ones() {
    for bytes in [8, 32, 64, 128, 192, 256, 40] {
        let clks = filters(300, bytes, 3);
        let batch = ClkBatch::new(&clks).unwrap();
        let width = batch.words_per_filter();
        let kernels = Kernel::available(width);
        assert!(kernels.contains(&Kernel::Portable));
        assert!(kernels.contains(&Kernel::best(width)));
        for kernel in &kernels {
            for (i, x) in clks.iter().enumerate() {
                for (j, y) in clks.iter().enumerate().step_by(7) {
                    assert_eq!(
                        kernel.and_popcount(batch.filter(i), batch.filter(j)),
                        common_bits(x, y),
                        "{kernel:?}, {bytes} bytes, filters {i} and {j}"
                    );
                }
            }
        }
    }
}

fn common_bits(x: &Clk, y: &Clk) -> u32 {
    x.as_bytes()
        .iter()
        .zip(y.as_bytes())
        .map(|(p, q)| (p & q).count_ones())
        .sum()
}

/// Blocks of 61 × 300 filters (61 is not a multiple of the eight rows the AVX-512 kernel takes
/// at a time) with bounds that let about half the pairs through.
#[test]
fn every_kernel_reports_the_intersections_reaching_their_bounds() {
    const SCALE: u64 = 1 << BOUND_SCALE_BITS;
    for bytes in [8, 32, 64, 128, 192, 256, 40] {
        let a = filters(61, bytes, 5);
        let b = filters(300, bytes, 6);
        let words = |clks: &[Clk]| {
            let batch = ClkBatch::new(clks).unwrap();
            (0..batch.len())
                .flat_map(|i| batch.filter(i).to_vec())
                .collect::<Vec<u64>>()
        };
        let (words_a, words_b) = (words(&a), words(&b));
        let bound = |clks: &[Clk]| -> Vec<u64> {
            clks.iter()
                .map(|clk| u64::from(clk.popcount()) * SCALE * 9 / 20 + 3)
                .collect()
        };
        let (bound_a, bound_b) = (bound(&a), bound(&b));
        let mut expected = Vec::new();
        for (i, x) in a.iter().enumerate() {
            for (j, y) in b.iter().enumerate() {
                let common = common_bits(x, y);
                if u64::from(common) * SCALE >= bound_a[i] + bound_b[j] {
                    expected.push((i as u32, j as u32, common));
                }
            }
        }
        assert!(!expected.is_empty() && expected.len() < a.len() * b.len());
        for kernel in Kernel::available(ClkBatch::new(&a).unwrap().words_per_filter()) {
            let mut hits = Vec::new();
            kernel.intersections(&words_a, &bound_a, &words_b, &bound_b, &mut hits);
            let mut found: Vec<(u32, u32, u32)> =
                hits.iter().map(|h| (h.a, h.b, h.common)).collect();
            found.sort();
            assert_eq!(found, expected, "{kernel:?}, {bytes} bytes");
        }
    }
}

#[test]
fn greedy_solver_takes_the_best_pair_first_and_each_record_once() {
    let pair = |a, b, s| CandidatePair {
        a,
        b,
        similarity: DiceSimilarity::new(s, 50, 50),
    };
    // (0,0) is best; (0,1) and (1,0) lose their records to it; (1,1) is what remains.
    let solved = solve_greedy(vec![
        pair(0, 1, 45),
        pair(1, 1, 41),
        pair(0, 0, 48),
        pair(1, 0, 47),
        pair(2, 1, 40),
    ]);
    let chosen: Vec<(usize, usize)> = solved.iter().map(|p| (p.a, p.b)).collect();
    assert_eq!(chosen, vec![(0, 0), (1, 1)]);
}

#[test]
fn link_is_one_to_one_and_ordered() {
    let a = filters(500, 128, 11);
    let b = filters(500, 128, 11);
    let pairs = link(
        &ClkBatch::new(&a).unwrap(),
        &ClkBatch::new(&b).unwrap(),
        Threshold::new(0.8).unwrap(),
        Blocking::None,
        &|_| {},
    )
    .unwrap();
    assert!(pairs.len() >= 500 / 3);
    assert!(pairs.windows(2).all(|w| w[0].a < w[1].a));
    let mut bs: Vec<usize> = pairs.iter().map(|p| p.b).collect();
    bs.sort();
    bs.dedup();
    assert_eq!(bs.len(), pairs.len());
    // Identical lists: every record's best partner is itself.
    assert!(
        pairs
            .iter()
            .all(|p| p.a == p.b && p.similarity.value() == 1.0)
    );
}

#[test]
fn thresholds_outside_zero_to_one_are_refused() {
    for bad in [0.0, -0.5, 1.01, f64::NAN] {
        assert!(Threshold::new(bad).is_err(), "{bad}");
    }
    assert!(Threshold::new(1.0).is_ok());
}

#[test]
fn filters_of_different_lengths_are_refused() {
    let a = ClkBatch::new(&filters(10, 128, 5)).unwrap();
    let b = ClkBatch::new(&filters(10, 64, 5)).unwrap();
    let error = candidate_pairs(
        &a,
        &b,
        Threshold::new(0.8).unwrap(),
        Blocking::None,
        &|_| {},
    )
    .unwrap_err();
    assert_eq!((error.a_bits, error.b_bits), (1024, 512));
    assert!(ClkBatch::new(&[Clk::from_bytes(vec![1; 8]), Clk::from_bytes(vec![1; 16])]).is_err());
}
