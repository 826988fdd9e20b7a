//! Consent per purpose: each purpose is its own consent, given by the person (or, for a child,
//! by the guardian with the child's assent recorded), after being told what it is for, and
//! withdrawable at any time.

use super::{ConsentId, OrganisationId, Timestamp, UserId};

/// What a consent allows. Each is separate: consent to assistance is not consent to a referral.
#[derive(
    Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum ConsentPurpose {
    Assistance,
    /// Referral to one named organisation, or the transfer of the case to it.
    Referral(OrganisationId),
    LawEnforcementSharing,
    Statistics,
    Research,
    CrossBorderTransfer,
}

impl ConsentPurpose {
    /// How the purpose reads in an error or a record.
    pub fn describe(&self) -> String {
        match self {
            ConsentPurpose::Assistance => "assistance".to_string(),
            ConsentPurpose::Referral(org) => format!("a referral to {org}"),
            ConsentPurpose::LawEnforcementSharing => "sharing with law enforcement".to_string(),
            ConsentPurpose::Statistics => "use in statistics".to_string(),
            ConsentPurpose::Research => "use in research".to_string(),
            ConsentPurpose::CrossBorderTransfer => "a transfer across borders".to_string(),
        }
    }
}

/// The legal basis recorded with a consent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LegalBasis {
    Consent,
    LegalObligation,
    PublicTask,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConsentGiver {
    /// An adult, for themselves.
    Person,
    /// A child's appointed guardian; the child's own view is recorded beside it.
    Guardian {
        guardian: UserId,
        child_assent: ChildAssent,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChildAssent {
    Given,
    Refused,
    /// The child could not give a view (age, condition); why.
    NotAbleToGive(String),
}

/// What the person was told before consenting (HTCDS `con_Consent` guidance). Consent is
/// informed only when all four were explained.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Informed {
    pub purpose: bool,
    pub uses: bool,
    pub retention: bool,
    pub withdrawal: bool,
}

impl Informed {
    pub const FULLY: Informed = Informed {
        purpose: true,
        uses: true,
        retention: true,
        withdrawal: true,
    };

    pub fn is_complete(self) -> bool {
        self.purpose && self.uses && self.retention && self.withdrawal
    }
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Consent {
    pub id: ConsentId,
    pub purpose: ConsentPurpose,
    pub legal_basis: LegalBasis,
    pub given_by: ConsentGiver,
    pub informed: Informed,
    /// The language of the interpreter, when one was used.
    pub interpreter: Option<String>,
    pub given_at: Timestamp,
    /// When it was withdrawn, or ended because an age assessment changed who consents for the
    /// person.
    pub withdrawn_at: Option<Timestamp>,
}

impl Consent {
    pub fn is_active(&self) -> bool {
        self.withdrawn_at.is_none()
    }
}
