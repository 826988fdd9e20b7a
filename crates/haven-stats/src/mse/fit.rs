//! Fitting one log-linear model: the existence and identifiability checks, then Poisson IRLS.
//!
//! An interaction between lists that share no case has the extended-MLE value −∞: its cells have
//! expected count 0, so they are dropped with the term before anything else (Chan, Silverman &
//! Vincent 2021, §2). On the remaining cells the estimate exists iff some strictly positive
//! table has the same sufficient statistics as the data (Haberman 1974; the linear programme of
//! Fienberg & Rinaldo 2012), and it is identifiable iff the design matrix on those cells has
//! full column rank.

use microlp::{ComparisonOp, OptimizationDirection, Problem};
use nalgebra::{DMatrix, DVector};
use statrs::function::gamma::ln_gamma;

use super::capture::{CaptureHistory, CaptureTable};
use super::model::{Interaction, LogLinearModel, Term};

/// What fitting a model to a table gave.
#[derive(Debug, Clone)]
pub enum FitOutcome {
    Fitted(Box<ModelFit>),
    /// No finite (or extended) maximum likelihood estimate: the dark figure is not estimable.
    MleDoesNotExist,
    /// The estimate exists but several parameter values fit equally well.
    NotIdentifiable,
}

impl FitOutcome {
    pub fn fitted(&self) -> Option<&ModelFit> {
        match self {
            FitOutcome::Fitted(fit) => Some(fit),
            _ => None,
        }
    }
}

/// A fitted model and what it says about the dark figure.
#[derive(Debug, Clone)]
pub struct ModelFit {
    model: LogLinearModel,
    empty_terms: Vec<Interaction>,
    design: Design,
    coefficients: DVector<f64>,
    covariance: DMatrix<f64>,
    fitted: DVector<f64>,
    observed: u64,
}

impl ModelFit {
    pub fn model(&self) -> &LogLinearModel {
        &self.model
    }

    /// Interactions of the model whose lists share no case: their value is −∞.
    pub fn empty_terms(&self) -> &[Interaction] {
        &self.empty_terms
    }

    pub fn observed(&self) -> u64 {
        self.observed
    }

    /// The fitted intercept α_∅ (the design's first column).
    pub fn intercept(&self) -> f64 {
        self.coefficients[0]
    }

    /// Standard error of the intercept, from the inverse Fisher information.
    pub fn intercept_standard_error(&self) -> f64 {
        self.covariance[(0, 0)].sqrt()
    }

    /// Expected number of cases on no list: exp(α_∅).
    pub fn dark_figure(&self) -> f64 {
        self.intercept().exp()
    }

    /// Observed plus dark figure.
    pub fn population_estimate(&self) -> f64 {
        self.observed as f64 + self.dark_figure()
    }

    /// Two-sided Wald p-value of an interaction; 1 for an empty term, which has no finite value
    /// to test.
    pub fn wald_p_value(&self, interaction: Interaction) -> f64 {
        let Some(column) = self
            .design
            .terms
            .iter()
            .position(|t| t.0 == interaction.lists())
        else {
            return 1.0;
        };
        let z = self.coefficients[column] / self.covariance[(column, column)].sqrt();
        2.0 * standard_normal_upper_tail(z.abs())
    }

    /// Fitted expected number of cases on all of `lists` (cells dropped with empty terms have 0).
    pub fn expected_on_all(&self, lists: u32) -> f64 {
        self.design
            .cells
            .iter()
            .zip(self.fitted.iter())
            .filter(|(cell, _)| cell.contains_all(lists))
            .map(|(_, mu)| mu)
            .sum()
    }

    /// Parameters estimated, counting the empty terms (estimated at −∞).
    pub fn parameter_count(&self) -> usize {
        self.design.terms.len() + self.empty_terms.len()
    }

    /// Poisson log-likelihood of the observable cells.
    pub fn log_likelihood(&self) -> f64 {
        poisson_log_likelihood(&self.design.y, &self.fitted)
    }

    /// Deviance against the saturated model of the observable cells.
    pub fn deviance(&self) -> f64 {
        deviance(&self.design.y, &self.fitted)
    }

    pub fn aic(&self) -> f64 {
        -2.0 * self.log_likelihood() + 2.0 * self.parameter_count() as f64
    }

    /// −2 log L + log(n) × parameters, n the number of cases observed.
    pub fn bic(&self) -> f64 {
        -2.0 * self.log_likelihood() + (self.observed as f64).ln() * self.parameter_count() as f64
    }

    /// Maximised log-likelihood with the intercept held at `intercept`, or `None` when the fit
    /// with the intercept fixed there does not converge.
    pub(crate) fn profile_log_likelihood(&self, intercept: f64) -> Option<f64> {
        let x = self
            .design
            .x
            .columns(1, self.design.x.ncols() - 1)
            .into_owned();
        let offset = DVector::from_element(self.design.y.len(), intercept);
        let start = self.fitted.map(f64::ln);
        let (_, mu) = irls(&x, &self.design.y, &offset, start)?;
        Some(poisson_log_likelihood(&self.design.y, &mu))
    }
}

/// Checks `model` on `table` and, when it passes, fits it by maximum likelihood.
pub fn fit_model(table: &CaptureTable, model: &LogLinearModel) -> FitOutcome {
    let empty_terms: Vec<Interaction> = model
        .interactions()
        .filter(|t| table.seen_on_all(t.lists()) == 0)
        .collect();
    let cells: Vec<CaptureHistory> = table
        .histories()
        .filter(|h| !empty_terms.iter().any(|t| h.contains_all(t.lists())))
        .collect();
    let terms: Vec<Term> = model
        .terms()
        .filter(|t| !empty_terms.iter().any(|e| e.lists() == t.0))
        .collect();
    let design = Design::new(table, cells, terms);

    if !estimate_exists(&design.x, &design.y) {
        return FitOutcome::MleDoesNotExist;
    }
    if !has_full_rank(&design.x) {
        return FitOutcome::NotIdentifiable;
    }
    let offset = DVector::zeros(design.y.len());
    let start = design.y.map(|y| (y + 0.1).ln());
    // The estimate exists, so IRLS converges; failing that, no finite estimate was found.
    let Some((coefficients, fitted)) = irls(&design.x, &design.y, &offset, start) else {
        return FitOutcome::MleDoesNotExist;
    };
    let information = fisher_information(&design.x, &fitted);
    let Some(covariance) = information.try_inverse() else {
        return FitOutcome::NotIdentifiable;
    };
    FitOutcome::Fitted(Box::new(ModelFit {
        model: model.clone(),
        empty_terms,
        design,
        coefficients,
        covariance,
        fitted,
        observed: table.observed(),
    }))
}

pub(crate) fn standard_normal_upper_tail(z: f64) -> f64 {
    0.5 * statrs::function::erf::erfc(z / std::f64::consts::SQRT_2)
}

/// The cells kept, the terms estimated and the counts, as matrices.
#[derive(Debug, Clone)]
struct Design {
    cells: Vec<CaptureHistory>,
    terms: Vec<Term>,
    x: DMatrix<f64>,
    y: DVector<f64>,
}

impl Design {
    fn new(table: &CaptureTable, cells: Vec<CaptureHistory>, terms: Vec<Term>) -> Self {
        let x = DMatrix::from_fn(cells.len(), terms.len(), |r, c| {
            f64::from(u8::from(cells[r].contains_all(terms[c].0)))
        });
        let y = DVector::from_iterator(cells.len(), cells.iter().map(|&h| table.count(h) as f64));
        Design { cells, terms, x, y }
    }
}

/// Maximise s subject to Xᵀm = Xᵀy and m ≥ s on every cell (written m = u + s, u ≥ 0):
/// the estimate exists iff the optimum is positive. s ≤ 1 keeps the programme bounded.
pub(super) fn estimate_exists(x: &DMatrix<f64>, y: &DVector<f64>) -> bool {
    if y.iter().all(|&y| y > 0.0) {
        return true;
    }
    let mut lp = Problem::new(OptimizationDirection::Maximize);
    let u: Vec<_> = (0..y.len())
        .map(|_| lp.add_var(0.0, (0.0, f64::INFINITY)))
        .collect();
    let s = lp.add_var(1.0, (0.0, 1.0));
    for column in x.column_iter() {
        let mut expr: Vec<_> = column
            .iter()
            .zip(&u)
            .filter(|(x, _)| **x != 0.0)
            .map(|(x, v)| (*v, *x))
            .collect();
        expr.push((s, column.sum()));
        lp.add_constraint(expr.as_slice(), ComparisonOp::Eq, column.dot(y));
    }
    // The programme is feasible (u = y, s = 0) and bounded, so a solver error is a
    // numerical breakdown: the estimate is then not shown to exist.
    lp.solve().is_ok_and(|solution| solution.objective() > 1e-7)
}

pub(super) fn has_full_rank(x: &DMatrix<f64>) -> bool {
    let terms = x.ncols();
    if x.nrows() < terms {
        return false;
    }
    let svd = x.clone().svd(false, false);
    let largest = svd.singular_values.max();
    svd.rank(largest * 1e-9) == terms
}

/// Poisson regression with log link by iteratively reweighted least squares. Returns the
/// coefficients and fitted means, or `None` if it does not converge.
pub(super) fn irls(
    x: &DMatrix<f64>,
    y: &DVector<f64>,
    offset: &DVector<f64>,
    start_eta: DVector<f64>,
) -> Option<(DVector<f64>, DVector<f64>)> {
    const MAX_ITERATIONS: usize = 100;
    let mut eta = start_eta;
    let mut previous_deviance = f64::INFINITY;
    for _ in 0..MAX_ITERATIONS {
        let mu = eta.map(f64::exp);
        let z = DVector::from_fn(y.len(), |i, _| eta[i] - offset[i] + (y[i] - mu[i]) / mu[i]);
        let normal = fisher_information(x, &mu);
        let rhs = x.tr_mul(&mu.component_mul(&z));
        let beta = normal.cholesky()?.solve(&rhs);
        eta = x * &beta + offset;
        let fitted = eta.map(f64::exp);
        let current = deviance(y, &fitted);
        if !current.is_finite() {
            return None;
        }
        if (current - previous_deviance).abs() <= 1e-10 * (current.abs() + 0.1) {
            return Some((beta, fitted));
        }
        previous_deviance = current;
    }
    None
}

/// Xᵀ diag(μ) X, the Fisher information of a Poisson log-linear model at means μ.
pub(super) fn fisher_information(x: &DMatrix<f64>, mu: &DVector<f64>) -> DMatrix<f64> {
    let mut weighted = x.clone();
    for (mut row, m) in weighted.row_iter_mut().zip(mu.iter()) {
        row *= m.sqrt();
    }
    weighted.tr_mul(&weighted)
}

pub(super) fn poisson_log_likelihood(y: &DVector<f64>, mu: &DVector<f64>) -> f64 {
    y.iter()
        .zip(mu.iter())
        .map(|(&y, &m)| if y > 0.0 { y * m.ln() } else { 0.0 } - m - ln_gamma(y + 1.0))
        .sum()
}

pub(super) fn deviance(y: &DVector<f64>, mu: &DVector<f64>) -> f64 {
    2.0 * y
        .iter()
        .zip(mu.iter())
        .map(|(&y, &m)| if y > 0.0 { y * (y / m).ln() } else { 0.0 } - (y - m))
        .sum::<f64>()
}
