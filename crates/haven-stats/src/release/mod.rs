//! The release policy: what happens to a table of counts before anything leaves Haven.
//!
//! Counts of trafficking victims are small and the people behind them are few; a published 1 or
//! 2 can point at a person. Every table therefore goes through [`release`] under a
//! [`ReleasePolicy`]:
//!
//! - [`ReleasePolicy::Suppress`] withholds the cells and margins below a threshold (primary
//!   suppression), then enough further cells (complementary suppression) that none of the
//!   withheld numbers can be worked out exactly from what is published; the result carries the
//!   outcome of [`audit_suppression`], a linear programme that checks exactly that. Published
//!   numbers may also be rounded to a base.
//! - [`ReleasePolicy::DifferentialPrivacy`] adds two-sided geometric noise to every cell (see
//!   docs/privacy.md for why this is ε-differentially private) and sums the noisy cells into the
//!   margins. Each such release spends ε from the dataset's [`PrivacyLedger`].
//!
//! The [`Release`] keeps the policy, which numbers were withheld and why, and the post-processing
//! applied, so that a report can state how its numbers were protected.

mod audit;
mod ledger;
mod noise;
mod suppression;

use rand::{CryptoRng, RngCore, SeedableRng};
use rand_chacha::ChaCha20Rng;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::table::{Dimension, Layout, Table, TableError};

pub use audit::{AuditError, AuditOutcome, SuppressedRange, audit_suppression};
pub use ledger::{LedgerError, PrivacyLedger, ReleaseRecord, Spend};
pub use noise::{Epsilon, EpsilonError, TwoSidedGeometric};

/// The threshold below which a positive count is withheld, unless a policy says otherwise.
pub const DEFAULT_MIN_CELL: u64 = 5;

/// How a table is protected before it is published.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ReleasePolicy {
    /// Withhold every count `c` with `0 < c < min_cell` (cells and margins; zeros are
    /// published), then withhold further cells until no withheld count can be recovered; round
    /// what is published to the nearest multiple of `rounding` if given.
    Suppress {
        min_cell: u64,
        rounding: Option<u32>,
    },
    /// Add two-sided geometric noise of parameter `e^-epsilon` to every cell.
    DifferentialPrivacy { epsilon: f64 },
}

/// A published count, or the mark that it was withheld.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReleasedCount {
    Published(u64),
    Suppressed,
}

/// A table as published: dimensions, and every cell and margin published or withheld.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublishedTable {
    layout: Layout,
    entries: Vec<ReleasedCount>,
    rounding: Option<u32>,
}

/// Why a count was withheld.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SuppressionReason {
    /// It is below the threshold.
    Primary,
    /// It would let a withheld count be worked out.
    Complementary,
}

/// A withheld count: where it is and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suppression {
    pub position: Vec<Option<usize>>,
    pub reason: SuppressionReason,
}

/// What was done to the numbers after protection, to be stated alongside them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PostProcessing {
    /// Published counts were rounded to the nearest multiple of the base (halves upwards), the
    /// margins independently of the cells, so they need not add up.
    RoundedToBase(u32),
    /// Noisy counts below zero were published as zero.
    NegativeNoisyCountsSetToZero,
    /// Margins are sums of the published noisy cells, so the table adds up.
    MarginsSummedFromNoisyCells,
}

/// A table ready to publish, with how it was protected.
#[derive(Clone, Debug, PartialEq)]
pub struct Release {
    pub table: PublishedTable,
    pub policy: ReleasePolicy,
    /// The withheld counts, primary then complementary, each in table order.
    pub suppressions: Vec<Suppression>,
    pub post_processing: Vec<PostProcessing>,
    /// The check that no withheld count can be recovered; `None` under differential privacy,
    /// where nothing is withheld and the protection is the noise.
    pub audit: Option<AuditOutcome>,
}

/// A release that cannot be made as asked.
#[derive(Debug, Error, PartialEq)]
pub enum ReleaseError {
    #[error("the threshold for withholding counts must be at least 1")]
    ZeroThreshold,
    #[error("the rounding base must be at least 1")]
    ZeroRoundingBase,
    #[error(transparent)]
    Epsilon(#[from] EpsilonError),
    #[error("the audit of the suppression failed: {0}")]
    Audit(#[from] AuditError),
    #[error(transparent)]
    Table(#[from] TableError),
}

impl ReleasePolicy {
    /// Suppression of counts below [`DEFAULT_MIN_CELL`], without rounding.
    pub fn default_suppression() -> Self {
        Self::Suppress {
            min_cell: DEFAULT_MIN_CELL,
            rounding: None,
        }
    }

    /// The privacy loss a release under this policy spends: ε for differential privacy, none
    /// for suppression (which gives no such guarantee and spends no budget).
    pub fn epsilon(&self) -> Option<f64> {
        match *self {
            Self::Suppress { .. } => None,
            Self::DifferentialPrivacy { epsilon } => Some(epsilon),
        }
    }
}

impl ReleasedCount {
    pub fn published(self) -> Option<u64> {
        match self {
            Self::Published(c) => Some(c),
            Self::Suppressed => None,
        }
    }
}

impl PublishedTable {
    /// Every count of a table published as it is, to be withheld by [`PublishedTable::suppress`]:
    /// how hand-made releases are put to [`audit_suppression`].
    pub fn from_table(table: &Table) -> Self {
        Self {
            layout: table.layout().clone(),
            entries: table
                .raw_entries()
                .iter()
                .map(|&c| ReleasedCount::Published(c))
                .collect(),
            rounding: None,
        }
    }

    /// Withholds the count at a position; `false` if the position does not fit the table.
    pub fn suppress(&mut self, position: &[Option<usize>]) -> bool {
        match self.layout.index(position) {
            Some(i) => {
                self.entries[i] = ReleasedCount::Suppressed;
                true
            }
            None => false,
        }
    }

    pub fn dimensions(&self) -> &[Dimension] {
        &self.layout.dimensions
    }

    /// The published count or the mark of suppression at a position; `None` if the position does
    /// not fit the table.
    pub fn get(&self, position: &[Option<usize>]) -> Option<ReleasedCount> {
        self.layout.index(position).map(|i| self.entries[i])
    }

    pub fn grand_total(&self) -> ReleasedCount {
        self.entries[self.entries.len() - 1]
    }

    /// Every position with what is published there, cells and margins, in row-major order with
    /// each dimension's total after its categories.
    pub fn entries(&self) -> impl Iterator<Item = (Vec<Option<usize>>, ReleasedCount)> + '_ {
        self.entries
            .iter()
            .enumerate()
            .map(|(i, &c)| (self.layout.position(i), c))
    }

    /// The base the published counts were rounded to, if they were.
    pub fn rounding(&self) -> Option<u32> {
        self.rounding
    }

    /// The label of a position's category along each dimension, `"Total"` for a total.
    pub fn labels(&self, position: &[Option<usize>]) -> Vec<&str> {
        position
            .iter()
            .zip(&self.layout.dimensions)
            .map(|(p, d)| match p {
                Some(i) => d.categories().get(*i).map_or("?", String::as_str),
                None => "Total",
            })
            .collect()
    }

    pub(crate) fn layout(&self) -> &Layout {
        &self.layout
    }

    pub(crate) fn raw_entries(&self) -> &[ReleasedCount] {
        &self.entries
    }
}

/// Protects a table under a policy. The random numbers for differential privacy come from `rng`,
/// which must be cryptographically secure ([`secure_rng`] in production, a seeded generator in
/// tests); suppression draws none.
pub fn release<R: RngCore + CryptoRng>(
    table: &Table,
    policy: &ReleasePolicy,
    rng: &mut R,
) -> Result<Release, ReleaseError> {
    match *policy {
        ReleasePolicy::Suppress { min_cell, rounding } => {
            if min_cell == 0 {
                return Err(ReleaseError::ZeroThreshold);
            }
            if rounding == Some(0) {
                return Err(ReleaseError::ZeroRoundingBase);
            }
            let protected = suppression::protect(table, min_cell)?;
            let mut published = protected.published;
            let mut post_processing = Vec::new();
            let mut audit = protected.audit;
            if let Some(base) = rounding {
                for entry in &mut published.entries {
                    if let ReleasedCount::Published(c) = entry {
                        *c = round_to_base(*c, base);
                    }
                }
                published.rounding = Some(base);
                post_processing.push(PostProcessing::RoundedToBase(base));
                // Rounding only widens what readers can infer, but the audit of record is of
                // what is actually published.
                audit = audit_suppression(&published)?;
            }
            Ok(Release {
                table: published,
                policy: policy.clone(),
                suppressions: protected.suppressions,
                post_processing,
                audit: Some(audit),
            })
        }
        ReleasePolicy::DifferentialPrivacy { epsilon } => {
            let mechanism = TwoSidedGeometric::new(Epsilon::new(epsilon)?);
            let layout = table.layout();
            let cells: Vec<u64> = (0..layout.cell_count())
                .map(|cell| {
                    let count = table.raw_entries()[layout.cell_to_entry(cell)];
                    mechanism.add_noise(count, rng)
                })
                .collect();
            let noisy = Table::from_counts(layout.dimensions.clone(), cells)?;
            Ok(Release {
                table: PublishedTable::from_table(&noisy),
                policy: policy.clone(),
                suppressions: Vec::new(),
                post_processing: vec![
                    PostProcessing::NegativeNoisyCountsSetToZero,
                    PostProcessing::MarginsSummedFromNoisyCells,
                ],
                audit: None,
            })
        }
    }
}

/// A cryptographically secure generator seeded from the operating system, for the noise of
/// real releases.
pub fn secure_rng() -> ChaCha20Rng {
    ChaCha20Rng::from_entropy()
}

impl Release {
    /// Whether the release passed its privacy check: under suppression, no withheld count can be
    /// recovered; under differential privacy there is nothing withheld to check.
    pub fn passes_privacy_check(&self) -> bool {
        self.audit.as_ref().is_none_or(AuditOutcome::passed)
    }
}

/// The nearest multiple of `base`, halves upwards.
fn round_to_base(count: u64, base: u32) -> u64 {
    let base = u64::from(base);
    let down = count - count % base;
    if (count % base) * 2 >= base {
        down.saturating_add(base)
    } else {
        down
    }
}

#[cfg(test)]
mod tests {
    use super::round_to_base;

    #[test]
    fn rounding_to_the_nearest_multiple() {
        assert_eq!(round_to_base(0, 5), 0);
        assert_eq!(round_to_base(2, 5), 0);
        assert_eq!(round_to_base(3, 5), 5);
        assert_eq!(round_to_base(7, 5), 5);
        assert_eq!(round_to_base(15, 10), 20);
        assert_eq!(round_to_base(14, 10), 10);
        assert_eq!(round_to_base(9, 1), 9);
    }
}
