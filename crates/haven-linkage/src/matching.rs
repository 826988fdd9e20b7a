//! Comparing two lists of filters: candidate pairs above a Sørensen–Dice threshold, then a
//! one-to-one assignment.
//!
//! Dice is `2·|a ∧ b| / (|a| + |b|)` on popcounts. It can only reach the threshold `t` when the
//! two popcounts are close, `Dice ≤ 2·min(|a|,|b|) / (|a| + |b|)`, so both lists are sorted by
//! popcount and each record is compared only with the slice of the other list whose popcounts
//! could match. Work is cut into blocks that stay in L1 (64 records of one list against 256 of the
//! other), handed to the kernel whole, and spread over rayon's threads; each thread writes only its
//! own list of pairs.

use rayon::prelude::*;

use crate::blocking::{Blocking, shared_block_pairs};
use crate::clk::ClkBatch;
use crate::popcount::{BOUND_SCALE_BITS, Kernel, popcount};

/// A Dice threshold in (0, 1].
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
pub struct Threshold(f64);

#[derive(Debug, thiserror::Error)]
#[error("threshold {0}; allowed: a number greater than 0 and at most 1")]
pub struct ThresholdError(pub String);

/// The Sørensen–Dice coefficient of two filters, in [0, 1].
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
pub struct DiceSimilarity(f64);

/// Record `a` of the first list and record `b` of the second (0-based) look like one person.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CandidatePair {
    pub a: usize,
    pub b: usize,
    pub similarity: DiceSimilarity,
}

/// The filters of the two lists differ in length, so they cannot come from one schema.
#[derive(Debug, thiserror::Error)]
#[error(
    "filters of {a_bits} bits cannot be compared with filters of {b_bits} bits; allowed: both lists encoded with one schema"
)]
pub struct LengthMismatch {
    pub a_bits: usize,
    pub b_bits: usize,
}

impl Threshold {
    pub fn new(value: f64) -> Result<Self, ThresholdError> {
        if value > 0.0 && value <= 1.0 {
            Ok(Threshold(value))
        } else {
            Err(ThresholdError(value.to_string()))
        }
    }

    pub fn value(self) -> f64 {
        self.0
    }

    /// The popcounts a partner of a filter with `count` bits set may have.
    fn partner_popcounts(self, count: u32) -> std::ops::RangeInclusive<u32> {
        let t = self.0;
        let count = f64::from(count);
        // Widened by a little so that rounding never drops a pair; the exact test follows.
        let low = (t * count / (2.0 - t) - 1e-6).floor().max(0.0);
        let high = (count * (2.0 - t) / t + 1e-6)
            .ceil()
            .min(f64::from(u32::MAX));
        (low as u32)..=(high as u32)
    }

    /// A filter's share of the intersection a pair needs, for [`Kernel::intersections`]: Dice
    /// ≥ t when `|a ∧ b| ≥ t·|a|/2 + t·|b|/2`. Rounded down and lowered by two units so that the
    /// kernel never drops a pair that reaches the threshold.
    fn intersection_bound(self, count: u32) -> u64 {
        let scale = f64::from(1u32 << BOUND_SCALE_BITS);
        ((self.0 * f64::from(count) / 2.0 * scale).floor() as u64).saturating_sub(2)
    }
}

impl DiceSimilarity {
    pub fn new(intersection: u32, count_a: u32, count_b: u32) -> Self {
        let total = count_a + count_b;
        DiceSimilarity(if total == 0 {
            0.0
        } else {
            2.0 * f64::from(intersection) / f64::from(total)
        })
    }

    pub fn value(self) -> f64 {
        self.0
    }
}

/// Every pair (one record from each list) with Dice ≥ `threshold`, in no particular order.
/// `progress` is told how many records of `a` each finished block held.
pub fn candidate_pairs(
    a: &ClkBatch,
    b: &ClkBatch,
    threshold: Threshold,
    blocking: Blocking,
    progress: &(dyn Fn(usize) + Sync),
) -> Result<Vec<CandidatePair>, LengthMismatch> {
    check_lengths(a, b)?;
    Ok(match blocking {
        Blocking::None => sorted_scan(a, b, threshold, Join::TwoLists, progress),
        Blocking::Lsh(params) => {
            let pairs = shared_block_pairs(
                &params.signatures(a),
                Some(&params.signatures(b)),
                usize::MAX,
            );
            compare_pairs(a, b, &pairs, threshold, progress)
        }
        Blocking::PSig(params) => {
            let (signatures_a, signatures_b) = params.signatures(a, b);
            let pairs =
                shared_block_pairs(&signatures_a, Some(&signatures_b), params.max_block_pairs);
            compare_pairs(a, b, &pairs, threshold, progress)
        }
    })
}

/// Pairs `i < j` within one list with Dice ≥ `threshold`.
pub fn self_candidate_pairs(
    list: &ClkBatch,
    threshold: Threshold,
    blocking: Blocking,
    progress: &(dyn Fn(usize) + Sync),
) -> Vec<CandidatePair> {
    match blocking {
        Blocking::None => sorted_scan(list, list, threshold, Join::SameList, progress),
        Blocking::Lsh(params) => {
            let pairs = shared_block_pairs(&params.signatures(list), None, usize::MAX);
            compare_pairs(list, list, &pairs, threshold, progress)
        }
        Blocking::PSig(params) => {
            let (signatures, _) = params.signatures(list, list);
            let pairs = shared_block_pairs(&signatures, None, params.max_block_pairs);
            compare_pairs(list, list, &pairs, threshold, progress)
        }
    }
}

/// One-to-one assignment: the most similar pair first, then the most similar pair among records
/// still free, and so on (anonlink's greedy solver). Ties go to the lower indices.
pub fn solve_greedy(mut candidates: Vec<CandidatePair>) -> Vec<CandidatePair> {
    candidates.sort_by(|x, y| {
        y.similarity
            .0
            .total_cmp(&x.similarity.0)
            .then(x.a.cmp(&y.a))
            .then(x.b.cmp(&y.b))
    });
    let mut taken_a = std::collections::HashSet::new();
    let mut taken_b = std::collections::HashSet::new();
    candidates.retain(|pair| {
        let free = !taken_a.contains(&pair.a) && !taken_b.contains(&pair.b);
        if free {
            taken_a.insert(pair.a);
            taken_b.insert(pair.b);
        }
        free
    });
    candidates
}

/// Candidate generation then the greedy solver, pairs ordered by `a`.
pub fn link(
    a: &ClkBatch,
    b: &ClkBatch,
    threshold: Threshold,
    blocking: Blocking,
    progress: &(dyn Fn(usize) + Sync),
) -> Result<Vec<CandidatePair>, LengthMismatch> {
    let mut pairs = solve_greedy(candidate_pairs(a, b, threshold, blocking, progress)?);
    pairs.sort_by_key(|pair| pair.a);
    Ok(pairs)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Join {
    TwoLists,
    /// `a` and `b` are the same list: keep each unordered pair once, never a record with itself.
    SameList,
}

impl Join {
    fn keeps(self, a: usize, b: usize) -> bool {
        self == Join::TwoLists || a < b
    }
}

fn check_lengths(a: &ClkBatch, b: &ClkBatch) -> Result<(), LengthMismatch> {
    if a.is_empty() || b.is_empty() || a.filter_bits() == b.filter_bits() {
        Ok(())
    } else {
        Err(LengthMismatch {
            a_bits: a.filter_bits(),
            b_bits: b.filter_bits(),
        })
    }
}

/// Records sorted by popcount: their positions in the original list and their popcounts.
struct ByPopcount {
    original: Vec<usize>,
    counts: Vec<u32>,
    filters: ClkBatch,
}

impl ByPopcount {
    fn new(batch: &ClkBatch) -> Self {
        let counts: Vec<u32> = (0..batch.len())
            .map(|i| popcount(batch.filter(i)))
            .collect();
        let mut original: Vec<usize> = (0..batch.len()).collect();
        original.sort_by_key(|&i| counts[i]);
        let counts = original.iter().map(|&i| counts[i]).collect();
        let filters = batch.permuted(&original);
        ByPopcount {
            original,
            counts,
            filters,
        }
    }

    /// Positions (in sorted order) of the records whose popcount lies in `range`.
    fn positions(&self, range: std::ops::RangeInclusive<u32>) -> std::ops::Range<usize> {
        self.counts.partition_point(|&c| c < *range.start())
            ..self.counts.partition_point(|&c| c <= *range.end())
    }
}

/// Records of `a` handled together: their filters stay in L1 while a chunk of `b` streams by.
const A_BLOCK: usize = 64;
/// Records of `b` compared against one block of `a` at a time: 32 KiB of 1024-bit filters, so that
/// with the block of `a` they stay in a 48 KiB L1 while each group of eight `a` filters reads them.
const B_CHUNK: usize = 256;

fn sorted_scan(
    a: &ClkBatch,
    b: &ClkBatch,
    threshold: Threshold,
    join: Join,
    progress: &(dyn Fn(usize) + Sync),
) -> Vec<CandidatePair> {
    if a.is_empty() || b.is_empty() {
        return Vec::new();
    }
    let a = ByPopcount::new(a);
    let b = ByPopcount::new(b);
    let width = a.filters.words_per_filter();
    let kernel = Kernel::best(width);
    let bound = |counts: &[u32]| -> Vec<u64> {
        counts
            .iter()
            .map(|&count| threshold.intersection_bound(count))
            .collect()
    };
    let (bound_a, bound_b) = (bound(&a.counts), bound(&b.counts));
    let blocks: Vec<Vec<CandidatePair>> = (0..a.counts.len())
        .into_par_iter()
        .step_by(A_BLOCK)
        .map(|start| {
            let block = start..(start + A_BLOCK).min(a.counts.len());
            // Popcounts rise through the block, so its first and last records bound the
            // partners of all of them.
            let lowest = threshold.partner_popcounts(a.counts[block.start]);
            let highest = threshold.partner_popcounts(a.counts[block.end - 1]);
            let span = b.positions(*lowest.start()..=*highest.end());
            let mut found = Vec::new();
            let mut hits = Vec::new();
            for chunk_start in span.clone().step_by(B_CHUNK) {
                let chunk = chunk_start..(chunk_start + B_CHUNK).min(span.end);
                hits.clear();
                kernel.intersections(
                    &a.filters.words()[block.start * width..block.end * width],
                    &bound_a[block.clone()],
                    &b.filters.words()[chunk.start * width..chunk.end * width],
                    &bound_b[chunk.clone()],
                    &mut hits,
                );
                for hit in &hits {
                    let (i, j) = (block.start + hit.a as usize, chunk.start + hit.b as usize);
                    let (ai, bj) = (a.original[i], b.original[j]);
                    // The bound lets a few pairs just below the threshold through; Dice decides.
                    let similarity = DiceSimilarity::new(hit.common, a.counts[i], b.counts[j]);
                    if similarity.0 >= threshold.0 && join.keeps(ai, bj) {
                        found.push(CandidatePair {
                            a: ai,
                            b: bj,
                            similarity,
                        });
                    }
                }
            }
            progress(block.len());
            found
        })
        .collect();
    blocks.concat()
}

/// The Dice test on pairs found by blocking, given sorted as `i << 32 | j`.
fn compare_pairs(
    a: &ClkBatch,
    b: &ClkBatch,
    pairs: &[u64],
    threshold: Threshold,
    progress: &(dyn Fn(usize) + Sync),
) -> Vec<CandidatePair> {
    let counts = |batch: &ClkBatch| -> Vec<u32> {
        (0..batch.len())
            .map(|i| popcount(batch.filter(i)))
            .collect()
    };
    let (counts_a, counts_b) = (counts(a), counts(b));
    let kernel = Kernel::best(a.words_per_filter());
    let split = |pair: u64| ((pair >> 32) as usize, (pair & u64::from(u32::MAX)) as usize);
    const CHUNK: usize = 1 << 14;
    let chunks = pairs.len().div_ceil(CHUNK);
    let found: Vec<Vec<CandidatePair>> = (0..chunks)
        .into_par_iter()
        .map(|chunk| {
            let own = &pairs[chunk * CHUNK..((chunk + 1) * CHUNK).min(pairs.len())];
            let found = own
                .iter()
                .filter_map(|&pair| {
                    let (i, j) = split(pair);
                    if !threshold
                        .partner_popcounts(counts_a[i])
                        .contains(&counts_b[j])
                    {
                        return None;
                    }
                    let common = kernel.and_popcount(a.filter(i), b.filter(j));
                    let similarity = DiceSimilarity::new(common, counts_a[i], counts_b[j]);
                    (similarity.0 >= threshold.0).then_some(CandidatePair {
                        a: i,
                        b: j,
                        similarity,
                    })
                })
                .collect();
            // Pairs are sorted by `i`: this chunk finished the records of `a` from its first up
            // to the next chunk's first.
            let first = if chunk == 0 { 0 } else { split(own[0]).0 };
            let next = pairs
                .get((chunk + 1) * CHUNK)
                .map_or(a.len(), |&pair| split(pair).0);
            progress(next - first);
            found
        })
        .collect();
    if pairs.is_empty() {
        progress(a.len());
    }
    found.concat()
}
