//! Intersection popcounts, the inner loop of every comparison, with runtime CPU dispatch.
//!
//! This is the crate's only `unsafe` code: calling a `#[target_feature]` function is unsafe
//! because the CPU must really have the feature, and the AVX-512 loads take raw pointers.
//! Dispatch checks the features at runtime first; the tests check that every kernel gives the
//! same counts as the portable one.
#![allow(unsafe_code)]

/// A way of counting bits the running CPU supports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kernel {
    /// `u64::count_ones` as compiled for the baseline target (no popcount instruction assumed).
    Portable,
    /// The same loop compiled with the x86 `popcnt` instruction.
    Popcnt,
    /// AVX-512 VPOPCNTDQ: eight words per instruction; used when filters are a multiple of 512
    /// bits.
    Avx512,
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
            if std::arch::is_x86_feature_detected!("popcnt") {
                kernels.push(Kernel::Popcnt);
            }
            if words.is_multiple_of(8)
                && std::arch::is_x86_feature_detected!("avx512f")
                && std::arch::is_x86_feature_detected!("avx512vpopcntdq")
            {
                kernels.push(Kernel::Avx512);
            }
        }
        #[cfg(not(target_arch = "x86_64"))]
        let _ = words;
        kernels
    }

    /// `out[i]` = popcount(`a` AND the `i`-th filter of `bs`), for filters of `a.len()` words.
    pub fn and_popcounts(self, a: &[u64], bs: &[u64], out: &mut [u32]) {
        debug_assert_eq!(bs.len(), a.len() * out.len());
        match self {
            Kernel::Portable => and_popcounts_portable(a, bs, out),
            #[cfg(target_arch = "x86_64")]
            // SAFETY: `Kernel::available` only offers `Popcnt` after detecting the feature.
            Kernel::Popcnt => unsafe { x86::and_popcounts_popcnt(a, bs, out) },
            #[cfg(target_arch = "x86_64")]
            // SAFETY: `Kernel::available` only offers `Avx512` after detecting both features, and
            // for filters of a multiple of eight words.
            Kernel::Avx512 => unsafe { x86::and_popcounts_avx512(a, bs, out) },
            #[cfg(not(target_arch = "x86_64"))]
            _ => and_popcounts_portable(a, bs, out),
        }
    }
}

pub fn popcount(words: &[u64]) -> u32 {
    words.iter().map(|w| w.count_ones()).sum()
}

#[inline(always)]
fn and_popcounts_portable(a: &[u64], bs: &[u64], out: &mut [u32]) {
    for (b, count) in bs.chunks_exact(a.len()).zip(out) {
        *count = a.iter().zip(b).map(|(x, y)| (x & y).count_ones()).sum();
    }
}

#[cfg(target_arch = "x86_64")]
mod x86 {
    use std::arch::x86_64::{
        __m512i, _mm512_add_epi64, _mm512_and_si512, _mm512_loadu_si512, _mm512_popcnt_epi64,
        _mm512_reduce_add_epi64, _mm512_setzero_si512,
    };

    #[target_feature(enable = "popcnt")]
    pub(super) fn and_popcounts_popcnt(a: &[u64], bs: &[u64], out: &mut [u32]) {
        super::and_popcounts_portable(a, bs, out);
    }

    /// Requires `a.len()` to be a multiple of 8.
    #[target_feature(enable = "avx512f,avx512vpopcntdq")]
    pub(super) fn and_popcounts_avx512(a: &[u64], bs: &[u64], out: &mut [u32]) {
        assert!(a.len().is_multiple_of(8) && bs.len() == a.len() * out.len());
        for (b, count) in bs.chunks_exact(a.len()).zip(out) {
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
            *count = _mm512_reduce_add_epi64(total) as u32;
        }
    }
}
