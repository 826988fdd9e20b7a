//! Decisions of the competent authority: reasonable grounds, then conclusive grounds, each with
//! the profile's threshold, written reasons and the evidence relied on.

use super::{Timestamp, UserId};

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum DecisionKind {
    ReasonableGrounds,
    ConclusiveGrounds,
}

impl DecisionKind {
    pub fn id(self) -> &'static str {
        match self {
            DecisionKind::ReasonableGrounds => "reasonable_grounds",
            DecisionKind::ConclusiveGrounds => "conclusive_grounds",
        }
    }
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Positive,
    Negative,
}

impl Outcome {
    pub fn id(self) -> &'static str {
        match self {
            Outcome::Positive => "positive",
            Outcome::Negative => "negative",
        }
    }
}

/// A decision as recorded: the threshold is copied from the profile at the time, so the record
/// says what test was applied even after the profile changes.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Decision {
    pub kind: DecisionKind,
    pub outcome: Outcome,
    pub threshold: String,
    pub reasons: String,
    pub evidence: Vec<String>,
    pub decided_by: UserId,
    pub at: Timestamp,
    /// Made on a request for reconsideration of an earlier negative decision.
    pub on_reconsideration: bool,
}
