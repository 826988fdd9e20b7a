//! Choosing the log-linear model, then estimating the population from it.

use rayon::prelude::*;
use statrs::distribution::{DiscreteCDF, Poisson};

use super::capture::CaptureTable;
use super::fit::{FitOutcome, fit_model};
use super::model::{Interaction, InteractionOrder, LogLinearModel, hierarchical_models};

/// A p-value threshold, strictly between 0 and 1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PThreshold(f64);

impl PThreshold {
    /// Chan, Silverman & Vincent (2021) recommend 0.02 after a simulation study.
    pub const DEFAULT: PThreshold = PThreshold(0.02);

    pub fn new(p: f64) -> Option<Self> {
        (p > 0.0 && p < 1.0).then_some(PThreshold(p))
    }

    pub fn value(self) -> f64 {
        self.0
    }
}

/// How the model is chosen.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ModelSelection {
    /// Main effects only: lists independent given the population.
    MainEffects,
    /// UK Home Office (Silverman 2014): from main effects add the two-list interaction that
    /// lowers AIC most, while one lowers it and its Wald p-value is at most 0.05.
    StepwiseAic,
    /// Chan, Silverman & Vincent (2021): add the two-list interaction with the smallest Poisson
    /// p-value of its overlap N* while that p-value is below the threshold.
    StepwiseP(PThreshold),
    /// The hierarchical model of best BIC among all with interactions up to this order.
    BestBic(InteractionOrder),
}

/// The chosen model and its fit (or why it could not be fitted).
#[derive(Debug, Clone)]
pub struct Estimation {
    pub model: LogLinearModel,
    pub outcome: FitOutcome,
    /// For `BestBic`: how many models passed the existence and identifiability checks.
    pub admissible_models: Option<usize>,
}

impl Estimation {
    /// The population estimate when the chosen model could be fitted.
    pub fn population_estimate(&self) -> Option<f64> {
        self.outcome.fitted().map(|fit| fit.population_estimate())
    }
}

/// A model search too large to run exhaustively.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error(
    "best-BIC searches every model exhaustively, which is possible for up to {max} lists with \
     interactions up to order {order}; this table has {lists} lists (use stepwise-p instead)"
)]
pub struct ModelSpaceTooLarge {
    pub lists: usize,
    pub order: u32,
    pub max: usize,
}

/// Chooses a model for `table` by `selection` and fits it.
pub fn estimate(
    table: &CaptureTable,
    selection: ModelSelection,
) -> Result<Estimation, ModelSpaceTooLarge> {
    let lists = table.list_count();
    let main = LogLinearModel::main_effects(lists);
    Ok(match selection {
        ModelSelection::MainEffects => plain(main.clone(), fit_model(table, &main)),
        ModelSelection::StepwiseAic => stepwise_aic(table, main),
        ModelSelection::StepwiseP(threshold) => stepwise_p(table, main, threshold),
        ModelSelection::BestBic(order) => best_bic(table, order)?,
    })
}

fn plain(model: LogLinearModel, outcome: FitOutcome) -> Estimation {
    Estimation {
        model,
        outcome,
        admissible_models: None,
    }
}

fn stepwise_aic(table: &CaptureTable, main: LogLinearModel) -> Estimation {
    const WALD_LEVEL: f64 = 0.05;
    let outcome = fit_model(table, &main);
    let Some(mut current) = outcome.fitted().cloned() else {
        return plain(main, outcome);
    };
    loop {
        let best = current
            .model()
            .absent_pairs()
            .filter_map(
                |pair| match fit_model(table, &current.model().with_pair(pair)) {
                    FitOutcome::Fitted(fit) => Some((pair, fit)),
                    _ => None,
                },
            )
            .min_by(|(_, a), (_, b)| a.aic().total_cmp(&b.aic()));
        match best {
            Some((pair, fit))
                if fit.aic() < current.aic() && fit.wald_p_value(pair) <= WALD_LEVEL =>
            {
                current = *fit;
            }
            _ => break,
        }
    }
    plain(
        current.model().clone(),
        FitOutcome::Fitted(Box::new(current)),
    )
}

fn stepwise_p(table: &CaptureTable, main: LogLinearModel, threshold: PThreshold) -> Estimation {
    let outcome = fit_model(table, &main);
    let Some(mut current) = outcome.fitted().cloned() else {
        return plain(main, outcome);
    };
    'steps: loop {
        let mut candidates: Vec<(Interaction, f64)> = current
            .model()
            .absent_pairs()
            .map(|pair| {
                let overlap = table.seen_on_all(pair.lists());
                (
                    pair,
                    overlap_p_value(overlap, current.expected_on_all(pair.lists())),
                )
            })
            .collect();
        candidates.sort_by(|a, b| a.1.total_cmp(&b.1));
        // A candidate failing the checks counts as p = 1, so the next smallest is tried.
        for (pair, p) in candidates {
            if p >= threshold.value() {
                break 'steps;
            }
            if let FitOutcome::Fitted(fit) = fit_model(table, &current.model().with_pair(pair)) {
                current = *fit;
                continue 'steps;
            }
        }
        break;
    }
    plain(
        current.model().clone(),
        FitOutcome::Fitted(Box::new(current)),
    )
}

/// min(P(X ≤ n), P(X ≥ n)) for X ~ Poisson(λ).
fn overlap_p_value(n: u64, lambda: f64) -> f64 {
    let Ok(poisson) = Poisson::new(lambda) else {
        return 1.0;
    };
    let at_most = poisson.cdf(n);
    let at_least = if n == 0 { 1.0 } else { poisson.sf(n - 1) };
    at_most.min(at_least)
}

fn best_bic(
    table: &CaptureTable,
    order: InteractionOrder,
) -> Result<Estimation, ModelSpaceTooLarge> {
    let lists = table.list_count();
    let (max, order_number) = match order {
        InteractionOrder::Two => (6, 2),
        InteractionOrder::Three => (5, 3),
    };
    if lists > max {
        return Err(ModelSpaceTooLarge {
            lists,
            order: order_number,
            max,
        });
    }
    let models = hierarchical_models(lists, order);
    let fits: Vec<(usize, FitOutcome)> = models
        .par_iter()
        .enumerate()
        .map(|(i, model)| (i, fit_model(table, model)))
        .collect();
    let admissible: Vec<(usize, f64)> = fits
        .iter()
        .filter_map(|(i, outcome)| outcome.fitted().map(|fit| (*i, fit.bic())))
        .collect();
    let count = admissible.len();
    // Ties go to the model listed first, so to the simpler one.
    let best = admissible
        .into_iter()
        .min_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
    let (model, outcome) = match best {
        Some((i, _)) => (
            models[i].clone(),
            fits.into_iter()
                .nth(i)
                .map(|(_, o)| o)
                .expect("fit of each model"),
        ),
        None => {
            let main = LogLinearModel::main_effects(lists);
            let outcome = fit_model(table, &main);
            (main, outcome)
        }
    };
    Ok(Estimation {
        model,
        outcome,
        admissible_models: Some(count),
    })
}
