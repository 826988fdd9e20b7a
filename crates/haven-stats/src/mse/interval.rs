//! Confidence intervals for the population estimate.
//!
//! The profile-likelihood interval is conditional on the chosen model: it profiles the intercept
//! α_∅, whose exponential is the dark figure. The BCa bootstrap repeats the model choice on every
//! resampled table, so its interval also carries the uncertainty of that choice (Chan, Silverman
//! & Vincent 2021, §3.3).

use std::io::IsTerminal;

use indicatif::{ParallelProgressIterator, ProgressBar, ProgressStyle};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rayon::prelude::*;
use statrs::distribution::{ContinuousCDF, Normal};

use super::capture::CaptureTable;
use super::fit::ModelFit;
use super::selection::{ModelSelection, estimate};

/// A confidence level strictly between 0 and 1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ConfidenceLevel(f64);

impl ConfidenceLevel {
    pub const NINETY_FIVE: ConfidenceLevel = ConfidenceLevel(0.95);

    pub fn new(level: f64) -> Option<Self> {
        (level > 0.0 && level < 1.0).then_some(ConfidenceLevel(level))
    }

    pub fn value(self) -> f64 {
        self.0
    }
}

/// An interval for the total population. `upper` is infinite when the data put no upper limit
/// on it at this level.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ConfidenceInterval {
    pub lower: f64,
    pub upper: f64,
}

impl ConfidenceInterval {
    pub fn contains(&self, value: f64) -> bool {
        self.lower <= value && value <= self.upper
    }
}

/// Profile-likelihood interval: the intercepts whose profile log-likelihood is within
/// χ²₁(level)/2 of the maximum, turned into population sizes.
pub fn profile_interval(fit: &ModelFit, level: ConfidenceLevel) -> ConfidenceInterval {
    let target = fit.log_likelihood() - profile_drop(level);
    let step = fit.intercept_standard_error().max(0.05);
    let profile = |intercept: f64| fit.profile_log_likelihood(intercept);
    let to_population = |intercept: f64| fit.observed() as f64 + intercept.exp();
    let lower = profile_limit(fit.intercept(), -step, target, profile)
        .map_or(fit.observed() as f64, to_population);
    let upper =
        profile_limit(fit.intercept(), step, target, profile).map_or(f64::INFINITY, to_population);
    ConfidenceInterval { lower, upper }
}

/// χ²₁(level)/2: how far the profile log-likelihood may fall below its maximum inside the
/// interval.
pub(super) fn profile_drop(level: ConfidenceLevel) -> f64 {
    Normal::standard()
        .inverse_cdf(0.5 + level.value() / 2.0)
        .powi(2)
        / 2.0
}

/// Settings of a bootstrap.
#[derive(Debug, Clone, Copy)]
pub struct BootstrapConfig {
    pub replicates: usize,
    pub seed: u64,
    pub level: ConfidenceLevel,
    /// Draw a progress bar on stderr when stderr is a terminal.
    pub show_progress: bool,
}

/// A BCa interval and what it was computed from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BootstrapInterval {
    pub interval: ConfidenceInterval,
    /// Replicates in which the chosen model could be fitted; the others are left out.
    pub usable_replicates: usize,
    pub bias_correction: f64,
    pub acceleration: f64,
}

/// Why a bootstrap gave no interval.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum BootstrapError {
    #[error("the model could be fitted in only {usable} of {replicates} bootstrap replicates")]
    TooFewUsable { usable: usize, replicates: usize },
    #[error("the bootstrap needs at least 100 replicates")]
    TooFewReplicates,
}

/// BCa interval for the estimate `selection` gives on `table` (which is `point`). Replicates
/// resample the observed cases (multinomially over their capture histories) and repeat the
/// model choice; the acceleration comes from the delete-one-case jackknife, which needs one
/// refit per distinct observed history. Each replicate has its own random stream derived from
/// the seed, so results do not depend on the number of threads.
pub fn bca_interval(
    table: &CaptureTable,
    selection: ModelSelection,
    point: f64,
    config: BootstrapConfig,
) -> Result<BootstrapInterval, BootstrapError> {
    if config.replicates < 100 {
        return Err(BootstrapError::TooFewReplicates);
    }
    let histories: Vec<_> = table.histories().collect();
    let counts: Vec<u64> = histories.iter().map(|&h| table.count(h)).collect();
    let cumulative: Vec<u64> = counts
        .iter()
        .scan(0, |sum, c| {
            *sum += c;
            Some(*sum)
        })
        .collect();
    let observed = table.observed();
    let estimate_of = |counts: Vec<u64>| {
        estimate(&table.with_counts(counts), selection)
            .ok()
            .and_then(|e| e.population_estimate())
    };

    let progress = if config.show_progress && std::io::stderr().is_terminal() {
        ProgressBar::new(config.replicates as u64).with_style(
            ProgressStyle::with_template("bootstrap {bar:40} {pos}/{len} replicates, {eta} left")
                .expect("the template is valid"),
        )
    } else {
        ProgressBar::hidden()
    };
    let mut replicates: Vec<f64> = (0..config.replicates as u64)
        .into_par_iter()
        .progress_with(progress.clone())
        .filter_map(|b| {
            let mut rng = ChaCha8Rng::seed_from_u64(config.seed);
            rng.set_stream(b);
            let mut resampled = vec![0u64; counts.len()];
            for _ in 0..observed {
                let draw = rng.gen_range(0..observed);
                resampled[cumulative.partition_point(|&c| c <= draw)] += 1;
            }
            estimate_of(resampled)
        })
        .collect();
    progress.finish_and_clear();
    let usable = replicates.len();
    if usable * 2 < config.replicates {
        return Err(BootstrapError::TooFewUsable {
            usable,
            replicates: config.replicates,
        });
    }
    replicates.sort_by(f64::total_cmp);

    let normal = Normal::standard();
    let below = replicates.iter().filter(|&&r| r < point).count() as f64;
    let ties = replicates.iter().filter(|&&r| r == point).count() as f64;
    let bias_correction = normal.inverse_cdf(
        ((below + ties / 2.0) / usable as f64)
            .clamp(0.5 / usable as f64, 1.0 - 0.5 / usable as f64),
    );
    let acceleration = jackknife_acceleration(&counts, &estimate_of);

    let alpha = (1.0 - config.level.value()) / 2.0;
    let adjusted = |quantile: f64| {
        let z = bias_correction + normal.inverse_cdf(quantile);
        normal.cdf(bias_correction + z / (1.0 - acceleration * z))
    };
    Ok(BootstrapInterval {
        interval: ConfidenceInterval {
            lower: empirical_quantile(&replicates, adjusted(alpha)),
            upper: empirical_quantile(&replicates, adjusted(1.0 - alpha)),
        },
        usable_replicates: usable,
        bias_correction,
        acceleration,
    })
}

/// Searches from `maximum`, the parameter value where `profile` is highest, along `step` (its
/// sign gives the side) for the value where the profile log-likelihood falls to `target`;
/// `None` if it never does (the limit is at infinity). A profile that cannot be computed counts
/// as below the target.
pub(super) fn profile_limit(
    maximum: f64,
    step: f64,
    target: f64,
    profile: impl Fn(f64) -> Option<f64>,
) -> Option<f64> {
    const FARTHEST: f64 = 25.0;
    let above = |parameter: f64| profile(parameter).is_some_and(|l| l > target);
    let mut inside = maximum;
    let mut width = step;
    let mut outside = inside + width;
    while above(outside) {
        inside = outside;
        width *= 2.0;
        outside = inside + width;
        if (outside - maximum).abs() > FARTHEST {
            return None;
        }
    }
    for _ in 0..60 {
        let middle = (inside + outside) / 2.0;
        if above(middle) {
            inside = middle;
        } else {
            outside = middle;
        }
    }
    Some((inside + outside) / 2.0)
}

/// â = Σ w (θ̄ − θᵢ)³ / (6 [Σ w (θ̄ − θᵢ)²]^{3/2}) over the delete-one-case estimates θᵢ, each
/// history weighted by its count w.
fn jackknife_acceleration(
    counts: &[u64],
    estimate_of: &(impl Fn(Vec<u64>) -> Option<f64> + Sync),
) -> f64 {
    let leave_one_out: Vec<(f64, f64)> = (0..counts.len())
        .into_par_iter()
        .filter(|&i| counts[i] > 0)
        .filter_map(|i| {
            let mut reduced = counts.to_vec();
            reduced[i] -= 1;
            estimate_of(reduced).map(|theta| (counts[i] as f64, theta))
        })
        .collect();
    let total: f64 = leave_one_out.iter().map(|(w, _)| w).sum();
    let mean = leave_one_out.iter().map(|(w, t)| w * t).sum::<f64>() / total;
    let moment = |power: i32| {
        leave_one_out
            .iter()
            .map(|(w, t)| w * (mean - t).powi(power))
            .sum::<f64>()
    };
    let spread = moment(2);
    if spread > 0.0 {
        moment(3) / (6.0 * spread.powf(1.5))
    } else {
        0.0
    }
}

/// The `q` quantile of sorted values by Hyndman and Fan's definition 8 (approximately
/// median-unbiased; R's `quantile(type = 8)`, which the reference implementation of Chan,
/// Silverman & Vincent uses): order statistic (n + 1/3) q + 1/3, interpolated, clamped to the
/// extremes.
fn empirical_quantile(sorted: &[f64], q: f64) -> f64 {
    let n = sorted.len() as f64;
    let position = ((n + 1.0 / 3.0) * q.clamp(0.0, 1.0) + 1.0 / 3.0).clamp(1.0, n);
    let below = position.floor() as usize;
    let above = position.ceil() as usize;
    sorted[below - 1] + (sorted[above - 1] - sorted[below - 1]) * (position - below as f64)
}

#[cfg(test)]
mod tests {
    use super::empirical_quantile;

    #[test]
    fn quantiles_follow_hyndman_fan_definition_8() {
        let values: Vec<f64> = (1..=10).map(f64::from).collect();
        // R: quantile(1:10, c(0.01, 0.1, 0.5, 0.995), type = 8) gives 1, 1.3667, 5.5, 10.
        assert_eq!(empirical_quantile(&values, 0.01), 1.0);
        assert!((empirical_quantile(&values, 0.1) - (1.0 + 11.0 / 30.0)).abs() < 1e-12);
        assert!((empirical_quantile(&values, 0.5) - 5.5).abs() < 1e-12);
        assert_eq!(empirical_quantile(&values, 0.995), 10.0);
    }
}
