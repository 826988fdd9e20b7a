//! Intersection popcounts, the inner loop of every comparison, with runtime CPU dispatch.
//!
//! This is the crate's only `unsafe` code: calling a `#[target_feature]` function is unsafe
//! because the CPU must really have the feature, and the vector loads take raw pointers.
//! Dispatch checks the features at runtime first; the tests check that every kernel gives the
//! same counts as the portable one.
//!
//! The exact scan asks for [`Kernel::intersections`]: every filter of a block of `a` against
//! every filter of a block of `b`, reporting only the pairs whose intersection reaches a bound.
//! On AVX-512 eight `a` filters are held while each `b` filter is loaded once, and the eight
//! counts are reduced together, so that almost all the work is AND and VPOPCNTQ.
#![allow(unsafe_code)]

/// Fixed-point scale of the bounds of [`Kernel::intersections`]: bounds are in 1/2^16 of a bit.
pub const BOUND_SCALE_BITS: u32 = 16;

/// A way of counting bits the running CPU supports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kernel {
    /// `u64::count_ones` as compiled for the baseline target (no popcount instruction assumed).
    Portable,
    /// The same loop compiled with the x86 `popcnt` instruction.
    Popcnt,
    /// AVX2 nibble lookup (`vpshufb` on each half-byte, then `vpsadbw`); used when filters are
    /// a multiple of 256 bits.
    Avx2,
    /// AVX-512 VPOPCNTDQ with eight `a` filters against each `b` filter, their counts transposed
    /// with VBMI's byte permute and summed with `vpsadbw`; used when filters are a multiple of
    /// 512 bits.
    Avx512,
}

/// Filter `a` of a block and filter `b` of the other have `common` set bits in common.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Intersection {
    pub a: u32,
    pub b: u32,
    pub common: u32,
}

impl Kernel {
    /// The fastest kernel this CPU runs for filters of `words` words.
    pub fn best(words: usize) -> Kernel {
        Kernel::available(words)
            .into_iter()
            .last()
            .unwrap_or(Kernel::Portable)
    }

    /// Every kernel this CPU runs for filters of `words` words, slowest first.
    pub fn available(words: usize) -> Vec<Kernel> {
        let mut kernels = vec![Kernel::Portable];
        #[cfg(target_arch = "x86_64")]
        {
            use std::arch::is_x86_feature_detected as has;
            if has!("popcnt") {
                kernels.push(Kernel::Popcnt);
            }
            if words.is_multiple_of(4) && has!("avx2") {
                kernels.push(Kernel::Avx2);
            }
            if words.is_multiple_of(8)
                && has!("avx512f")
                && has!("avx512bw")
                && has!("avx512vbmi")
                && has!("avx512vpopcntdq")
            {
                kernels.push(Kernel::Avx512);
            }
        }
        #[cfg(not(target_arch = "x86_64"))]
        let _ = words;
        kernels
    }

    /// popcount(`a` AND `b`) for two filters of one length.
    pub fn and_popcount(self, a: &[u64], b: &[u64]) -> u32 {
        assert_eq!(a.len(), b.len());
        match self {
            Kernel::Portable => and_popcount_portable(a, b),
            #[cfg(target_arch = "x86_64")]
            // SAFETY: `Kernel::available` only offers `Popcnt` after detecting the feature.
            Kernel::Popcnt => unsafe { x86::and_popcount_popcnt(a, b) },
            #[cfg(target_arch = "x86_64")]
            // SAFETY: `Kernel::available` only offers `Avx2` after detecting the feature, and for
            // filters of a multiple of four words.
            Kernel::Avx2 => unsafe { x86::and_popcount_avx2(a, b) },
            #[cfg(target_arch = "x86_64")]
            // SAFETY: `Kernel::available` only offers `Avx512` after detecting its features, and
            // for filters of a multiple of eight words.
            Kernel::Avx512 => unsafe { x86::and_popcount_avx512(a, b) },
            #[cfg(not(target_arch = "x86_64"))]
            _ => and_popcount_portable(a, b),
        }
    }

    /// Appends to `hits` every pair of a filter `i` of `a` and a filter `j` of `b` with
    /// `popcount(a_i ∧ b_j) · 2^16 ≥ bound_a[i] + bound_b[j]`. Filters are `a.len() /
    /// bound_a.len()` words long; bounds must stay below 2^62.
    pub fn intersections(
        self,
        a: &[u64],
        bound_a: &[u64],
        b: &[u64],
        bound_b: &[u64],
        hits: &mut Vec<Intersection>,
    ) {
        let Some(width) = a.len().checked_div(bound_a.len()) else {
            return;
        };
        assert!(a.len() == width * bound_a.len() && b.len() == width * bound_b.len());
        match self {
            #[cfg(target_arch = "x86_64")]
            // SAFETY: `Kernel::available` only offers `Avx512` after detecting its features, and
            // for filters of a multiple of eight words.
            Kernel::Avx512 => unsafe { x86::intersections_avx512(a, bound_a, b, bound_b, hits) },
            _ => intersections_pairwise(self, a, bound_a, b, bound_b, hits),
        }
    }
}

pub fn popcount(words: &[u64]) -> u32 {
    words.iter().map(|w| w.count_ones()).sum()
}

#[inline(always)]
fn and_popcount_portable(a: &[u64], b: &[u64]) -> u32 {
    a.iter().zip(b).map(|(x, y)| (x & y).count_ones()).sum()
}

/// One pair at a time, for the kernels that count a pair faster than a block.
fn intersections_pairwise(
    kernel: Kernel,
    a: &[u64],
    bound_a: &[u64],
    b: &[u64],
    bound_b: &[u64],
    hits: &mut Vec<Intersection>,
) {
    let width = a.len() / bound_a.len();
    for (i, (x, &low_a)) in a.chunks_exact(width).zip(bound_a).enumerate() {
        for (j, (y, &low_b)) in b.chunks_exact(width).zip(bound_b).enumerate() {
            let common = kernel.and_popcount(x, y);
            if u64::from(common) << BOUND_SCALE_BITS >= low_a + low_b {
                hits.push(Intersection {
                    a: i as u32,
                    b: j as u32,
                    common,
                });
            }
        }
    }
}

#[cfg(target_arch = "x86_64")]
mod x86 {
    use std::arch::x86_64::*;

    use super::{BOUND_SCALE_BITS, Intersection};

    #[target_feature(enable = "popcnt")]
    pub(super) fn and_popcount_popcnt(a: &[u64], b: &[u64]) -> u32 {
        super::and_popcount_portable(a, b)
    }

    /// Requires `a.len() == b.len()`, a multiple of 4.
    #[target_feature(enable = "avx2")]
    pub(super) fn and_popcount_avx2(a: &[u64], b: &[u64]) -> u32 {
        assert!(a.len() == b.len() && a.len().is_multiple_of(4));
        // Bits set in each value of a half-byte.
        let table = _mm256_setr_epi8(
            0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4, 0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2,
            3, 3, 4,
        );
        let low_nibbles = _mm256_set1_epi8(0x0f);
        let mut total = _mm256_setzero_si256();
        for block in (0..a.len()).step_by(4 * 31) {
            // Byte counters reach at most 8 per step, so 31 steps cannot overflow 255.
            let mut bytes = _mm256_setzero_si256();
            for j in (block..a.len().min(block + 4 * 31)).step_by(4) {
                // SAFETY: `j + 4 <= a.len() == b.len()` (asserted above), so both loads of four
                // words stay inside their slices; unaligned loads need no alignment.
                let (x, y) = unsafe {
                    (
                        _mm256_loadu_si256(a.as_ptr().add(j).cast::<__m256i>()),
                        _mm256_loadu_si256(b.as_ptr().add(j).cast::<__m256i>()),
                    )
                };
                let both = _mm256_and_si256(x, y);
                let low = _mm256_and_si256(both, low_nibbles);
                let high = _mm256_and_si256(_mm256_srli_epi16(both, 4), low_nibbles);
                bytes = _mm256_add_epi8(bytes, _mm256_shuffle_epi8(table, low));
                bytes = _mm256_add_epi8(bytes, _mm256_shuffle_epi8(table, high));
            }
            total = _mm256_add_epi64(total, _mm256_sad_epu8(bytes, _mm256_setzero_si256()));
        }
        let mut lanes = [0u64; 4];
        // SAFETY: `lanes` is 32 bytes, the size of the store.
        unsafe { _mm256_storeu_si256(lanes.as_mut_ptr().cast::<__m256i>(), total) };
        lanes.iter().sum::<u64>() as u32
    }

    /// Requires `a.len() == b.len()`, a multiple of 8.
    #[target_feature(enable = "avx512f,avx512vpopcntdq")]
    pub(super) fn and_popcount_avx512(a: &[u64], b: &[u64]) -> u32 {
        assert!(a.len() == b.len() && a.len().is_multiple_of(8));
        let mut total = _mm512_setzero_si512();
        for j in (0..a.len()).step_by(8) {
            // SAFETY: `j + 8 <= a.len() == b.len()` (asserted above), so both loads of eight
            // words stay inside their slices; unaligned loads need no alignment.
            let (x, y) = unsafe {
                (
                    _mm512_loadu_si512(a.as_ptr().add(j).cast::<__m512i>()),
                    _mm512_loadu_si512(b.as_ptr().add(j).cast::<__m512i>()),
                )
            };
            total = _mm512_add_epi64(total, _mm512_popcnt_epi64(_mm512_and_si512(x, y)));
        }
        _mm512_reduce_add_epi64(total) as u32
    }

    /// Filters of `a` taken eight at a time.
    const ROWS: usize = 8;

    /// Requires filters of a multiple of eight words, `a.len() == width · bound_a.len()` and
    /// `b.len() == width · bound_b.len()`.
    #[target_feature(enable = "avx512f,avx512bw,avx512vbmi,avx512vpopcntdq")]
    pub(super) fn intersections_avx512(
        a: &[u64],
        bound_a: &[u64],
        b: &[u64],
        bound_b: &[u64],
        hits: &mut Vec<Intersection>,
    ) {
        let width = a.len() / bound_a.len();
        assert!(
            width.is_multiple_of(8)
                && a.len() == width * bound_a.len()
                && b.len() == width * bound_b.len()
        );
        // A last group of fewer than eight is padded with empty filters that can never reach
        // their bound (and the sum of two bounds cannot overflow).
        let mut group = vec![0u64; ROWS * width];
        let mut group_bounds = [u64::MAX / 2; ROWS];
        for (number, rows) in a.chunks(ROWS * width).enumerate() {
            let first = number * ROWS;
            let filled = rows.len() / width;
            group[..rows.len()].copy_from_slice(rows);
            group[rows.len()..].fill(0);
            group_bounds[..filled].copy_from_slice(&bound_a[first..first + filled]);
            group_bounds[filled..].fill(u64::MAX / 2);
            // Constant widths for 512- and 1024-bit filters let the compiler unroll and keep the
            // eight `a` filters in registers.
            match width / 8 {
                1 => group_against::<1>(&group, &group_bounds, first, b, bound_b, hits),
                2 => group_against::<2>(&group, &group_bounds, first, b, bound_b, hits),
                _ => group_against::<0>(&group, &group_bounds, first, b, bound_b, hits),
            }
        }
    }

    /// Eight `a` filters against every filter of `b`; filters are `VECTORS` 512-bit vectors long,
    /// or any multiple of 512 bits when `VECTORS` is 0.
    #[target_feature(enable = "avx512f,avx512bw,avx512vbmi,avx512vpopcntdq")]
    fn group_against<const VECTORS: usize>(
        group: &[u64],
        group_bounds: &[u64; ROWS],
        first: usize,
        b: &[u64],
        bound_b: &[u64],
        hits: &mut Vec<Intersection>,
    ) {
        let width = group.len() / ROWS;
        let vectors = if VECTORS == 0 { width / 8 } else { VECTORS };
        // Byte `8·row + lane` of the result takes byte `8·lane + row` of the packed counts: the
        // transpose that puts each row's eight lane counts in one 64-bit lane for `vpsadbw`.
        let transpose = _mm512_set_epi64(
            0x3f37_2f27_1f17_0f07,
            0x3e36_2e26_1e16_0e06,
            0x3d35_2d25_1d15_0d05,
            0x3c34_2c24_1c14_0c04,
            0x3b33_2b23_1b13_0b03,
            0x3a32_2a22_1a12_0a02,
            0x3931_2921_1911_0901,
            0x3830_2820_1810_0800,
        );
        // SAFETY: `group_bounds` holds eight words, the size of the load.
        let low_a = unsafe { _mm512_loadu_si512(group_bounds.as_ptr().cast::<__m512i>()) };
        let mut counts = [0u64; ROWS];
        for (j, &low_b) in bound_b.iter().enumerate() {
            let filter = j * width;
            let mut common = _mm512_setzero_si512();
            // Pairs of vectors: a lane counts at most 128 bits, which fits the byte it is
            // packed into.
            for start in (0..vectors).step_by(2) {
                let pair = (vectors - start).min(2);
                let mut packed = _mm512_setzero_si512();
                for row in 0..ROWS {
                    let mut lanes = _mm512_setzero_si512();
                    for v in start..start + pair {
                        // SAFETY: `v < vectors`, so both loads of eight words stay inside row
                        // `row < ROWS` of `group` (`ROWS · width` words) and inside filter `j` of
                        // `b` (`b.len() == width · bound_b.len()`, asserted by the caller).
                        let (x, y) = unsafe {
                            (
                                _mm512_loadu_si512(
                                    group.as_ptr().add(row * width + 8 * v).cast::<__m512i>(),
                                ),
                                _mm512_loadu_si512(
                                    b.as_ptr().add(filter + 8 * v).cast::<__m512i>(),
                                ),
                            )
                        };
                        lanes =
                            _mm512_add_epi64(lanes, _mm512_popcnt_epi64(_mm512_and_si512(x, y)));
                    }
                    packed = _mm512_or_si512(
                        packed,
                        _mm512_sll_epi64(lanes, _mm_cvtsi64_si128(8 * row as i64)),
                    );
                }
                let by_row = _mm512_permutexvar_epi8(transpose, packed);
                common = _mm512_add_epi64(common, _mm512_sad_epu8(by_row, _mm512_setzero_si512()));
            }
            let bound = _mm512_add_epi64(low_a, _mm512_set1_epi64(low_b as i64));
            let scaled = _mm512_slli_epi64::<BOUND_SCALE_BITS>(common);
            let mut reached = _mm512_cmpge_epu64_mask(scaled, bound);
            if reached != 0 {
                // SAFETY: `counts` holds eight words, the size of the store.
                unsafe { _mm512_storeu_si512(counts.as_mut_ptr().cast::<__m512i>(), common) };
                while reached != 0 {
                    let row = reached.trailing_zeros() as usize;
                    reached &= reached - 1;
                    hits.push(Intersection {
                        a: (first + row) as u32,
                        b: j as u32,
                        common: counts[row] as u32,
                    });
                }
            }
        }
    }
}
