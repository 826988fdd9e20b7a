//! The two-sided geometric (discrete Laplace) mechanism, sampled exactly.
//!
//! The noise `Y` has `P(Y = y) = (1 − α)/(1 + α) · α^|y|` with `α = e^−ε`. Sampling it through
//! floating point (inverting a continuous Laplace, rounding) leaks: the set of reachable doubles
//! depends on the true count (Mironov 2012). This sampler draws only uniform integers and
//! Bernoulli trials with rational probabilities, following Canonne, Kamath and Steinke, "The
//! Discrete Gaussian for Differential Privacy" (2020), algorithms 1 and 2, so every probability
//! it realises is exact. ε itself is taken to nine decimal places, as the rational
//! `round(ε·10⁹) / 10⁹`; the ledger charges exactly that. See docs/privacy.md.

use rand::{CryptoRng, Rng, RngCore};
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// ε is realised, and charged, as a multiple of `10^-9`.
const DENOMINATOR: u64 = 1_000_000_000;

/// The largest ε accepted; beyond it the noise is almost always zero and the release would be
/// differentially private in name only.
pub const MAX_EPSILON: f64 = 20.0;

/// A privacy-loss parameter, as declared and as realised exactly.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "f64", into = "f64")]
pub struct Epsilon {
    declared: f64,
    numerator: u64,
}

/// An ε that cannot be used.
#[derive(Clone, Copy, Debug, Error, PartialEq)]
pub enum EpsilonError {
    #[error("ε must be a number from 0.000000001 to {MAX_EPSILON}, not {0}")]
    OutOfRange(f64),
}

/// The two-sided geometric mechanism for counts of sensitivity 1.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TwoSidedGeometric {
    epsilon: Epsilon,
}

impl Epsilon {
    pub fn new(epsilon: f64) -> Result<Self, EpsilonError> {
        if !(epsilon.is_finite() && epsilon <= MAX_EPSILON) {
            return Err(EpsilonError::OutOfRange(epsilon));
        }
        // ε·10⁹ is below 2^35, where doubles are exact to far less than a half.
        let numerator = (epsilon * DENOMINATOR as f64).round();
        if numerator < 1.0 {
            return Err(EpsilonError::OutOfRange(epsilon));
        }
        Ok(Self {
            declared: epsilon,
            numerator: numerator as u64,
        })
    }

    /// ε as declared.
    pub fn declared(self) -> f64 {
        self.declared
    }

    /// ε as the sampler realises it and the ledger charges it, `round(ε·10⁹) / 10⁹`.
    pub fn realised(self) -> f64 {
        self.numerator as f64 / DENOMINATOR as f64
    }
}

impl TryFrom<f64> for Epsilon {
    type Error = EpsilonError;

    fn try_from(epsilon: f64) -> Result<Self, EpsilonError> {
        Self::new(epsilon)
    }
}

impl From<Epsilon> for f64 {
    fn from(epsilon: Epsilon) -> f64 {
        epsilon.declared
    }
}

impl TwoSidedGeometric {
    pub fn new(epsilon: Epsilon) -> Self {
        Self { epsilon }
    }

    /// `α = e^−ε` for the realised ε.
    pub fn alpha(&self) -> f64 {
        (-self.epsilon.realised()).exp()
    }

    /// The probability of the noise `k` (computed in floating point, for checks and reports).
    pub fn pmf(&self, k: i64) -> f64 {
        let alpha = self.alpha();
        (1.0 - alpha) / (1.0 + alpha) * alpha.powf(k.unsigned_abs() as f64)
    }

    /// The variance of the noise, `2α/(1 − α)²`.
    pub fn variance(&self) -> f64 {
        let alpha = self.alpha();
        2.0 * alpha / (1.0 - alpha).powi(2)
    }

    /// One draw of the noise (Canonne, Kamath and Steinke 2020, algorithm 2, with scale
    /// `t/s = 10⁹/round(ε·10⁹)`).
    pub fn sample<R: RngCore + CryptoRng>(&self, rng: &mut R) -> i64 {
        let t = u128::from(DENOMINATOR);
        let s = u128::from(self.epsilon.numerator);
        loop {
            // U uniform on {0, …, t−1}, kept with probability e^(−U/t): the fractional part of
            // |Y|·s/t, exponentially distributed on the grid of 1/t.
            let u = rng.gen_range(0..DENOMINATOR);
            if !bernoulli_exp_minus(u, DENOMINATOR, rng) {
                continue;
            }
            // V geometric: the number of successes of Bernoulli(e^−1) before the first failure.
            let mut v: u128 = 0;
            while bernoulli_exp_minus(1, 1, rng) {
                v += 1;
            }
            // X = U + tV is geometric on the fine grid; Y = ⌊X/s⌋ is geometric of parameter
            // e^(−s/t) = α on the integers.
            let magnitude = (u128::from(u) + t * v) / s;
            let negative = rng.r#gen::<bool>();
            if negative && magnitude == 0 {
                // Zero would otherwise be drawn twice as often as it should.
                continue;
            }
            let magnitude = i64::try_from(magnitude).unwrap_or(i64::MAX);
            return if negative { -magnitude } else { magnitude };
        }
    }

    /// A noisy count: the count plus one draw of noise, negative results set to zero (post-
    /// processing, which costs no privacy).
    pub fn add_noise<R: RngCore + CryptoRng>(&self, count: u64, rng: &mut R) -> u64 {
        let noisy = i128::from(count) + i128::from(self.sample(rng));
        u64::try_from(noisy.max(0)).unwrap_or(u64::MAX)
    }
}

/// A Bernoulli trial of success probability `e^(−n/d)`, for `0 ≤ n ≤ d`, `d ≥ 1` (Canonne,
/// Kamath and Steinke 2020, algorithm 1): draw Bernoulli(γ/k) for k = 1, 2, … until the first
/// failure; the number of the failing trial is odd with probability `e^−γ`.
fn bernoulli_exp_minus<R: RngCore>(n: u64, d: u64, rng: &mut R) -> bool {
    let mut k: u64 = 1;
    // `d·k` stays below 2^64: d ≤ 10⁹ and k reaches 2^34 with probability below 1/(2^34)!.
    while let Some(denominator) = d.checked_mul(k) {
        if rng.gen_range(0..denominator) >= n {
            return k % 2 == 1;
        }
        k += 1;
    }
    k % 2 == 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epsilon_is_taken_to_nine_decimal_places() {
        assert_eq!(Epsilon::new(0.1).unwrap().numerator, 100_000_000);
        assert_eq!(Epsilon::new(0.5).unwrap().realised(), 0.5);
        assert_eq!(Epsilon::new(1.0000000004).unwrap().numerator, 1_000_000_000);
        for bad in [0.0, -1.0, f64::NAN, f64::INFINITY, 1e-12, 21.0] {
            assert!(Epsilon::new(bad).is_err(), "{bad}");
        }
    }
}
