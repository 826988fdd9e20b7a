//! Criminal justice around a case: proceedings against the person, with the offence and whether
//! it is linked to the trafficking (the non-punishment principle, HRC resolution 32/3 §14), and
//! the perpetrators with the outcomes the GLOTIP tables count (suspects, prosecutions,
//! convictions). A perpetrator is pseudonymous: an id and HTCDS codes, never a name.

use std::collections::BTreeSet;

use super::lifecycle::CaseError;
use super::{PerpetratorId, ProceedingId, Timestamp};
use crate::htcds::{Gender, PerpetratorRole};

/// The kind of offence the person is charged with, in the categories non-punishment provisions
/// name: offences victims are typically compelled to commit.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum OffenceCategory {
    Immigration,
    /// Use or possession of false identity or travel documents.
    Document,
    Prostitution,
    Drugs,
    Begging,
    Fraud,
    Theft,
    Other,
}

impl OffenceCategory {
    pub const ALL: [OffenceCategory; 8] = [
        OffenceCategory::Immigration,
        OffenceCategory::Document,
        OffenceCategory::Prostitution,
        OffenceCategory::Drugs,
        OffenceCategory::Begging,
        OffenceCategory::Fraud,
        OffenceCategory::Theft,
        OffenceCategory::Other,
    ];

    pub fn id(self) -> &'static str {
        match self {
            OffenceCategory::Immigration => "immigration",
            OffenceCategory::Document => "document",
            OffenceCategory::Prostitution => "prostitution",
            OffenceCategory::Drugs => "drugs",
            OffenceCategory::Begging => "begging",
            OffenceCategory::Fraud => "fraud",
            OffenceCategory::Theft => "theft",
            OffenceCategory::Other => "other",
        }
    }
}

/// A criminal, immigration or other proceeding against the person.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Proceeding {
    pub id: ProceedingId,
    pub offence: OffenceCategory,
    /// The charge as the prosecutor or court words it.
    pub description: String,
    /// The offence was committed as a consequence of the trafficking, as far as the caseworker
    /// can tell: such a proceeding calls for the non-punishment notice.
    pub linked_to_trafficking: bool,
    pub pending: bool,
}

/// A suspected trafficker, as HTCDS `per_` fields describe them.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Perpetrator {
    pub id: PerpetratorId,
    /// HTCDS `per_RoleInProcess`; at least one.
    pub roles: BTreeSet<PerpetratorRole>,
    /// HTCDS `prs_Gender`, which the GLOTIP tables report as sex.
    pub sex: Gender,
    /// ISO 3166 alpha-2.
    pub citizenship: Option<String>,
    /// In the order recorded, which is the order of the criminal process.
    pub outcomes: Vec<OutcomeRecord>,
}

/// Where a perpetrator stands in the criminal justice process.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum CriminalJusticeOutcome {
    /// Brought into formal contact with the police (suspected, arrested or cautioned).
    Suspected,
    Prosecuted,
    Convicted,
    Acquitted,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct OutcomeRecord {
    pub outcome: CriminalJusticeOutcome,
    /// The year it happened, which the GLOTIP tables count by, when known.
    pub year: Option<u16>,
    pub recorded_at: Timestamp,
}

impl CriminalJusticeOutcome {
    pub const ALL: [CriminalJusticeOutcome; 4] = [
        CriminalJusticeOutcome::Suspected,
        CriminalJusticeOutcome::Prosecuted,
        CriminalJusticeOutcome::Convicted,
        CriminalJusticeOutcome::Acquitted,
    ];

    pub fn id(self) -> &'static str {
        match self {
            CriminalJusticeOutcome::Suspected => "suspected",
            CriminalJusticeOutcome::Prosecuted => "prosecuted",
            CriminalJusticeOutcome::Convicted => "convicted",
            CriminalJusticeOutcome::Acquitted => "acquitted",
        }
    }

    /// The order of the process: suspected (or not recorded), then prosecuted, then one verdict.
    /// A verdict needs a prosecution, and nothing follows a verdict.
    pub fn may_follow(self, latest: Option<CriminalJusticeOutcome>) -> bool {
        use CriminalJusticeOutcome::*;
        matches!(
            (latest, self),
            (None, Suspected | Prosecuted)
                | (Some(Suspected), Prosecuted)
                | (Some(Prosecuted), Convicted | Acquitted)
        )
    }
}

impl Perpetrator {
    pub fn latest_outcome(&self) -> Option<CriminalJusticeOutcome> {
        self.outcomes.last().map(|o| o.outcome)
    }

    /// Records the next outcome, in the order of the process; its year, when given, is neither
    /// before an earlier outcome's nor after the day it is recorded.
    pub(super) fn record(
        &mut self,
        outcome: CriminalJusticeOutcome,
        year: Option<u16>,
        at: Timestamp,
    ) -> Result<(), CaseError> {
        let latest = self.latest_outcome();
        if !outcome.may_follow(latest) {
            return Err(CaseError::OutcomeOutOfOrder { outcome, latest });
        }
        if let Some(year) = year {
            let earlier = self.outcomes.iter().filter_map(|o| o.year).max();
            if earlier.is_some_and(|e| year < e) || i64::from(year) > at.date().ymd().0 {
                return Err(CaseError::OutcomeYear(year));
            }
        }
        self.outcomes.push(OutcomeRecord {
            outcome,
            year,
            recorded_at: at,
        });
        Ok(())
    }
}
