//! The privacy budget of each dataset, and the record of each release for the audit log.
//!
//! Differential privacy composes: k releases at ε each from the same people cost kε. A
//! statistician sets a total ε per dataset; every noisy release spends from it, and the ledger
//! refuses a release that would overdraw it. The sums are exact: ε is taken to nine decimal
//! places, as the noise sampler realises it, and added as an integer number of `10^-9`, so that
//! floating-point rounding never opens a sliver of extra budget nor refuses 0.1 + 0.2 of 0.3.

use std::collections::BTreeMap;
use std::time::SystemTime;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::{Epsilon, EpsilonError, Release, ReleasePolicy};

/// The largest total budget accepted for one dataset.
pub const MAX_BUDGET: f64 = 1.0e6;

/// The budgets and spending of every dataset, to be persisted by the store.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PrivacyLedger {
    datasets: BTreeMap<String, DatasetBudget>,
}

/// One spending of privacy budget: how much and on what query.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Spend {
    pub epsilon: f64,
    pub query: String,
}

/// What the audit log keeps of a release: who released what, when, under which policy, and the
/// privacy budget it spent.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReleaseRecord {
    pub released_by: String,
    pub released_at: SystemTime,
    pub dataset: String,
    pub query: String,
    pub policy: ReleasePolicy,
    /// ε spent from the dataset's budget; `None` for suppression, which spends none.
    pub epsilon_spent: Option<f64>,
    pub passed_privacy_check: bool,
}

/// A spending or budget the ledger refuses.
#[derive(Clone, Debug, Error, PartialEq)]
pub enum LedgerError {
    #[error("dataset `{0}` has no privacy budget; a statistician must set one first")]
    NoBudget(String),
    #[error(
        "dataset `{dataset}`: spending ε = {requested} would exceed the privacy budget \
         ({remaining} of {total} left); the query is refused"
    )]
    BudgetExceeded {
        dataset: String,
        requested: f64,
        remaining: f64,
        total: f64,
    },
    #[error("dataset `{dataset}` has already spent ε = {spent}; its budget cannot be {total}")]
    BudgetBelowSpent {
        dataset: String,
        spent: f64,
        total: f64,
    },
    #[error("a privacy budget must be a number above 0 and at most {MAX_BUDGET}, not {0}")]
    InvalidBudget(f64),
    #[error(transparent)]
    Epsilon(#[from] EpsilonError),
    #[error("a spending of privacy budget must say what query it was for")]
    NoQuery,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct DatasetBudget {
    total_epsilon: f64,
    spends: Vec<Spend>,
}

impl PrivacyLedger {
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets a dataset's total budget; it may be raised, or lowered no further than what is
    /// already spent.
    pub fn set_budget(&mut self, dataset: &str, total_epsilon: f64) -> Result<(), LedgerError> {
        if !(total_epsilon.is_finite() && total_epsilon > 0.0 && total_epsilon <= MAX_BUDGET) {
            return Err(LedgerError::InvalidBudget(total_epsilon));
        }
        let budget = self
            .datasets
            .entry(dataset.to_owned())
            .or_insert_with(|| DatasetBudget {
                total_epsilon,
                spends: Vec::new(),
            });
        if budget.spent_units() > nano_units(total_epsilon) {
            return Err(LedgerError::BudgetBelowSpent {
                dataset: dataset.to_owned(),
                spent: budget.spent(),
                total: total_epsilon,
            });
        }
        budget.total_epsilon = total_epsilon;
        Ok(())
    }

    /// Spends ε from a dataset's budget for a query, or refuses if the budget would be exceeded
    /// (and then records nothing).
    pub fn spend(
        &mut self,
        dataset: &str,
        epsilon: f64,
        query: &str,
    ) -> Result<Spend, LedgerError> {
        let epsilon = Epsilon::new(epsilon)?.realised();
        if query.trim().is_empty() {
            return Err(LedgerError::NoQuery);
        }
        let budget = self
            .datasets
            .get_mut(dataset)
            .ok_or_else(|| LedgerError::NoBudget(dataset.to_owned()))?;
        if budget.spent_units() + nano_units(epsilon) > nano_units(budget.total_epsilon) {
            return Err(LedgerError::BudgetExceeded {
                dataset: dataset.to_owned(),
                requested: epsilon,
                remaining: budget.total_epsilon - budget.spent(),
                total: budget.total_epsilon,
            });
        }
        let spend = Spend {
            epsilon,
            query: query.to_owned(),
        };
        budget.spends.push(spend.clone());
        Ok(spend)
    }

    /// The total budget of a dataset, if one is set.
    pub fn budget(&self, dataset: &str) -> Option<f64> {
        self.datasets.get(dataset).map(|b| b.total_epsilon)
    }

    /// ε spent so far on a dataset.
    pub fn spent(&self, dataset: &str) -> f64 {
        self.datasets.get(dataset).map_or(0.0, DatasetBudget::spent)
    }

    /// ε left to spend on a dataset, if it has a budget.
    pub fn remaining(&self, dataset: &str) -> Option<f64> {
        self.datasets
            .get(dataset)
            .map(|b| (b.total_epsilon - b.spent()).max(0.0))
    }

    /// The spendings on a dataset, oldest first.
    pub fn spends(&self, dataset: &str) -> &[Spend] {
        self.datasets.get(dataset).map_or(&[], |b| &b.spends)
    }
}

impl ReleaseRecord {
    /// The record of a release, for the audit log.
    pub fn new(
        released_by: &str,
        released_at: SystemTime,
        dataset: &str,
        query: &str,
        release: &Release,
    ) -> Self {
        Self {
            released_by: released_by.to_owned(),
            released_at,
            dataset: dataset.to_owned(),
            query: query.to_owned(),
            policy: release.policy.clone(),
            epsilon_spent: release
                .policy
                .epsilon()
                .and_then(|e| Epsilon::new(e).ok())
                .map(Epsilon::realised),
            passed_privacy_check: release.passes_privacy_check(),
        }
    }
}

impl DatasetBudget {
    fn spent_units(&self) -> u64 {
        self.spends.iter().map(|s| nano_units(s.epsilon)).sum()
    }

    fn spent(&self) -> f64 {
        self.spent_units() as f64 / 1e9
    }
}

/// An ε or a budget as a whole number of `10^-9`, the grid the noise sampler realises ε on.
fn nano_units(x: f64) -> u64 {
    (x * 1e9).round() as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tenths_add_up() {
        assert_eq!(nano_units(0.1) + nano_units(0.2), nano_units(0.3));
        assert_eq!(nano_units(MAX_BUDGET), 1_000_000_000_000_000);
    }
}
