//! One log-linear model for all strata at once.
//!
//! The cells are (stratum, capture history) pairs. Every stratum has its own intercept α_s, so
//! exp(α_s) is the stratum's dark figure and their sum the total's; the list model's other
//! terms are either shared by all strata or repeated for each stratum (stratum × term), as
//! [`StratumTerms`] says. Sharing terms borrows strength across strata: a stratum too small to
//! support an estimate of its own gets one from the dependence seen in the others. The fit goes
//! through the same checks as a single table's: interactions without a case are −∞ and drop
//! their cells, then existence (linear programme) and identifiability (rank), then IRLS.

use nalgebra::{DMatrix, DVector};

use super::capture::{CaptureHistory, CaptureTable};
use super::fit::{
    deviance, estimate_exists, fisher_information, has_full_rank, irls, poisson_log_likelihood,
};
use super::interval::{ConfidenceInterval, ConfidenceLevel, profile_drop, profile_limit};
use super::model::{Interaction, LogLinearModel, Term};

/// The strata of one data set: at least one, all over the same lists.
#[derive(Debug, Clone)]
pub struct Strata(Vec<(String, CaptureTable)>);

/// Why tables cannot be taken as the strata of one data set.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum StrataError {
    #[error("there are no strata")]
    Empty,
    #[error("stratum `{0}` has other lists than the first stratum")]
    OtherLists(String),
}

impl Strata {
    pub fn new(strata: Vec<(String, CaptureTable)>) -> Result<Self, StrataError> {
        let first = strata.first().ok_or(StrataError::Empty)?.1.lists().to_vec();
        if let Some((name, _)) = strata.iter().find(|(_, t)| t.lists() != first) {
            return Err(StrataError::OtherLists(name.clone()));
        }
        Ok(Strata(strata))
    }

    pub fn count(&self) -> usize {
        self.0.len()
    }

    pub fn name(&self, stratum: usize) -> &str {
        &self.0[stratum].0
    }

    pub fn table(&self, stratum: usize) -> &CaptureTable {
        &self.0[stratum].1
    }

    pub fn lists(&self) -> &[String] {
        self.0[0].1.lists()
    }
}

/// Which terms of the list model each stratum gets for itself; the others are shared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StratumTerms {
    /// Only the intercept (a stratum main effect): strata differ in size, the lists catch cases
    /// of every stratum alike.
    Size,
    /// The intercept and the list main effects (stratum × list): each stratum has its own
    /// capture probabilities, the dependence between lists is common.
    ListMainEffects,
    /// Every term: the same estimates as fitting the model to each stratum separately.
    AllTerms,
}

/// An interaction, in one stratum or (`stratum` `None`) shared by all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScopedInteraction {
    pub stratum: Option<usize>,
    pub interaction: Interaction,
}

/// What fitting a joint model gave.
#[derive(Debug, Clone)]
pub enum JointOutcome {
    Fitted(Box<JointFit>),
    /// No finite (or extended) maximum likelihood estimate.
    MleDoesNotExist,
    /// Several parameter values fit equally well.
    NotIdentifiable,
}

impl JointOutcome {
    pub fn fitted(&self) -> Option<&JointFit> {
        match self {
            JointOutcome::Fitted(fit) => Some(fit),
            _ => None,
        }
    }
}

/// A design column: a term of the list model, for one stratum or for all.
#[derive(Debug, Clone, Copy)]
struct Column {
    stratum: Option<usize>,
    term: Term,
}

#[derive(Debug, Clone, Copy)]
struct Cell {
    stratum: usize,
    history: CaptureHistory,
}

impl Column {
    fn applies_to(self, cell: Cell) -> bool {
        self.stratum.is_none_or(|s| s == cell.stratum) && cell.history.contains_all(self.term.0)
    }
}

/// A fitted joint model. Its first columns are the strata's intercepts, in stratum order.
#[derive(Debug, Clone)]
pub struct JointFit {
    model: LogLinearModel,
    empty_terms: Vec<ScopedInteraction>,
    observed: Vec<u64>,
    cells: Vec<Cell>,
    columns: usize,
    x: DMatrix<f64>,
    y: DVector<f64>,
    coefficients: DVector<f64>,
    covariance: DMatrix<f64>,
    fitted: DVector<f64>,
}

/// Checks the joint model (list model `model`, stratum terms `terms`) on `strata` and, when it
/// passes, fits it by maximum likelihood.
pub fn fit_joint(strata: &Strata, model: &LogLinearModel, terms: StratumTerms) -> JointOutcome {
    debug_assert_eq!(model.lists(), strata.lists().len());
    let count = strata.count();
    let mut columns: Vec<Column> = (0..count)
        .map(|s| Column {
            stratum: Some(s),
            term: Term::INTERCEPT,
        })
        .collect();
    for term in model.terms().filter(|t| *t != Term::INTERCEPT) {
        let own = match terms {
            StratumTerms::Size => false,
            StratumTerms::ListMainEffects => term.0.count_ones() == 1,
            StratumTerms::AllTerms => true,
        };
        if own {
            columns.extend((0..count).map(|s| Column {
                stratum: Some(s),
                term,
            }));
        } else {
            columns.push(Column {
                stratum: None,
                term,
            });
        }
    }
    let cases_on_all = |column: &Column| match column.stratum {
        Some(s) => strata.table(s).seen_on_all(column.term.0),
        None => (0..count)
            .map(|s| strata.table(s).seen_on_all(column.term.0))
            .sum(),
    };
    let (empty, columns): (Vec<Column>, Vec<Column>) = columns
        .into_iter()
        .partition(|c| c.term.0.count_ones() >= 2 && cases_on_all(c) == 0);
    let cells: Vec<Cell> = (0..count)
        .flat_map(|stratum| {
            strata
                .table(stratum)
                .histories()
                .map(move |history| Cell { stratum, history })
        })
        .filter(|&cell| !empty.iter().any(|e| e.applies_to(cell)))
        .collect();
    let x = DMatrix::from_fn(cells.len(), columns.len(), |r, c| {
        f64::from(u8::from(columns[c].applies_to(cells[r])))
    });
    let y = DVector::from_iterator(
        cells.len(),
        cells
            .iter()
            .map(|c| strata.table(c.stratum).count(c.history) as f64),
    );

    if !estimate_exists(&x, &y) {
        return JointOutcome::MleDoesNotExist;
    }
    if !has_full_rank(&x) {
        return JointOutcome::NotIdentifiable;
    }
    let start = y.map(|y| (y + 0.1).ln());
    let Some((coefficients, fitted)) = irls(&x, &y, &DVector::zeros(y.len()), start) else {
        return JointOutcome::MleDoesNotExist;
    };
    let Some(covariance) = fisher_information(&x, &fitted).try_inverse() else {
        return JointOutcome::NotIdentifiable;
    };
    let empty_terms = empty
        .iter()
        .filter_map(|c| {
            Interaction::new(c.term.0).map(|interaction| ScopedInteraction {
                stratum: c.stratum,
                interaction,
            })
        })
        .collect();
    JointOutcome::Fitted(Box::new(JointFit {
        model: model.clone(),
        empty_terms,
        observed: (0..count).map(|s| strata.table(s).observed()).collect(),
        cells,
        columns: columns.len(),
        x,
        y,
        coefficients,
        covariance,
        fitted,
    }))
}

impl JointFit {
    pub fn model(&self) -> &LogLinearModel {
        &self.model
    }

    /// Interactions without a case in their stratum (or in any, when shared): their value is −∞.
    pub fn empty_terms(&self) -> &[ScopedInteraction] {
        &self.empty_terms
    }

    /// Cases seen on at least one list, in all strata.
    pub fn observed(&self) -> u64 {
        self.observed.iter().sum()
    }

    pub fn stratum_observed(&self, stratum: usize) -> u64 {
        self.observed[stratum]
    }

    /// exp(α_s): the stratum's expected count at the all-zero capture history.
    pub fn stratum_dark_figure(&self, stratum: usize) -> f64 {
        self.coefficients[stratum].exp()
    }

    pub fn stratum_estimate(&self, stratum: usize) -> f64 {
        self.observed[stratum] as f64 + self.stratum_dark_figure(stratum)
    }

    /// The sum of the strata's estimates.
    pub fn population_estimate(&self) -> f64 {
        self.observed() as f64 + self.dark_figure()
    }

    fn dark_figure(&self) -> f64 {
        (0..self.observed.len())
            .map(|s| self.stratum_dark_figure(s))
            .sum()
    }

    pub fn log_likelihood(&self) -> f64 {
        poisson_log_likelihood(&self.y, &self.fitted)
    }

    /// Deviance against the saturated model of the observable cells of all strata.
    pub fn deviance(&self) -> f64 {
        deviance(&self.y, &self.fitted)
    }

    /// Parameters estimated, counting the empty terms (estimated at −∞).
    pub fn parameter_count(&self) -> usize {
        self.columns + self.empty_terms.len()
    }

    pub fn aic(&self) -> f64 {
        -2.0 * self.log_likelihood() + 2.0 * self.parameter_count() as f64
    }

    /// −2 log L + log(n) × parameters, n the number of cases observed in all strata.
    pub fn bic(&self) -> f64 {
        -2.0 * self.log_likelihood() + (self.observed() as f64).ln() * self.parameter_count() as f64
    }

    /// Profile-likelihood interval for one stratum's total: α_s is held fixed and every other
    /// parameter, including the other strata's, refitted.
    pub fn stratum_profile_interval(
        &self,
        stratum: usize,
        level: ConfidenceLevel,
    ) -> ConfidenceInterval {
        let target = self.log_likelihood() - profile_drop(level);
        let free = self.free_columns(|c| c == stratum);
        let profile = |intercept: f64| {
            let offset = DVector::from_iterator(
                self.cells.len(),
                self.cells
                    .iter()
                    .map(|c| if c.stratum == stratum { intercept } else { 0.0 }),
            );
            let (_, mu) = irls(&free, &self.y, &offset, self.fitted.map(f64::ln))?;
            Some(poisson_log_likelihood(&self.y, &mu))
        };
        let step = self.covariance[(stratum, stratum)].sqrt().max(0.05);
        let observed = self.observed[stratum] as f64;
        let maximum = self.coefficients[stratum];
        let to_population = |intercept: f64| observed + intercept.exp();
        ConfidenceInterval {
            lower: profile_limit(maximum, -step, target, profile).map_or(observed, to_population),
            upper: profile_limit(maximum, step, target, profile)
                .map_or(f64::INFINITY, to_population),
        }
    }

    /// Profile-likelihood interval for the total of all strata. The total dark figure D is not
    /// one parameter, so it is profiled by writing α_s = log D + log p_s with shares p_s summing
    /// to 1 and, for each D, maximising over the shares and the other parameters in turn.
    pub fn profile_interval(&self, level: ConfidenceLevel) -> ConfidenceInterval {
        let strata = self.observed.len();
        let target = self.log_likelihood() - profile_drop(level);
        let free = self.free_columns(|c| c < strata);
        let dark = self.dark_figure();
        let shares: Vec<f64> = (0..strata)
            .map(|s| self.stratum_dark_figure(s) / dark)
            .collect();
        // Delta method: the gradient of log D in the intercepts is the shares.
        let variance: f64 = (0..strata)
            .flat_map(|a| (0..strata).map(move |b| (a, b)))
            .map(|(a, b)| shares[a] * shares[b] * self.covariance[(a, b)])
            .sum();
        let step = variance.sqrt().max(0.05);
        let profile = |log_dark: f64| self.total_profile_log_likelihood(&free, &shares, log_dark);
        let observed = self.observed() as f64;
        let to_population = |log_dark: f64| observed + log_dark.exp();
        ConfidenceInterval {
            lower: profile_limit(dark.ln(), -step, target, profile).map_or(observed, to_population),
            upper: profile_limit(dark.ln(), step, target, profile)
                .map_or(f64::INFINITY, to_population),
        }
    }

    /// The design without the columns `fixed` picks.
    fn free_columns(&self, fixed: impl Fn(usize) -> bool) -> DMatrix<f64> {
        let kept: Vec<usize> = (0..self.columns).filter(|&c| !fixed(c)).collect();
        self.x.select_columns(&kept)
    }

    /// Maximised log-likelihood with the total dark figure held at exp(`log_dark`), alternating
    /// between the other parameters (IRLS with the intercepts as offsets) and the shares, each
    /// step raising the likelihood. `None` if it does not settle.
    fn total_profile_log_likelihood(
        &self,
        free: &DMatrix<f64>,
        start_shares: &[f64],
        log_dark: f64,
    ) -> Option<f64> {
        const MAX_ROUNDS: usize = 500;
        let dark = log_dark.exp();
        let mut shares = start_shares.to_vec();
        let mut eta = self.fitted.map(f64::ln);
        let mut previous = f64::NEG_INFINITY;
        for _ in 0..MAX_ROUNDS {
            let offset = DVector::from_iterator(
                self.cells.len(),
                self.cells.iter().map(|c| log_dark + shares[c.stratum].ln()),
            );
            let (_, mu) = irls(free, &self.y, &offset, eta)?;
            let current = poisson_log_likelihood(&self.y, &mu);
            if (current - previous).abs() <= 1e-10 * (current.abs() + 1.0) {
                return Some(current);
            }
            previous = current;
            // Expected observed fraction of each stratum's population under the current fit.
            let mut captured = vec![0.0; shares.len()];
            for (cell, m) in self.cells.iter().zip(mu.iter()) {
                captured[cell.stratum] += m;
            }
            for (fraction, share) in captured.iter_mut().zip(&shares) {
                *fraction /= dark * share;
            }
            shares = best_shares(&self.observed, &captured, dark);
            eta = mu.map(f64::ln);
        }
        None
    }
}

/// The shares p maximising Σ_s (Y_s log p_s − D c_s p_s) subject to Σ p_s = 1, with Y_s the
/// cases observed in stratum s and c_s the fraction of its population the lists are expected to
/// catch: p_s = Y_s / (D c_s + λ), λ found by bisection (the sum falls as λ grows).
fn best_shares(observed: &[u64], captured: &[f64], dark: f64) -> Vec<f64> {
    let shares_at = |lambda: f64| -> Vec<f64> {
        observed
            .iter()
            .zip(captured)
            .map(|(&y, &c)| y as f64 / (dark * c + lambda))
            .collect()
    };
    let mut low = -captured
        .iter()
        .map(|c| dark * c)
        .fold(f64::INFINITY, f64::min);
    let mut high = observed.iter().sum::<u64>() as f64;
    for _ in 0..200 {
        let middle = (low + high) / 2.0;
        if middle <= low || middle >= high {
            break;
        }
        if shares_at(middle).iter().sum::<f64>() > 1.0 {
            low = middle;
        } else {
            high = middle;
        }
    }
    let shares = shares_at(high);
    let sum: f64 = shares.iter().sum();
    shares.into_iter().map(|p| p / sum).collect()
}
