//! Referrals between organisations: who receives them, the least data each recipient needs,
//! and the life of a referral from sending to completion.

use std::collections::BTreeSet;

use super::consent::ConsentPurpose;
use super::{ConsentId, OrganisationId, ReferralId, Timestamp, UserId};

/// What the receiving organisation does, which fixes the purpose and the data it may receive.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum RecipientRole {
    /// The national referral mechanism's decision maker.
    CompetentAuthority,
    Shelter,
    ChildProtection,
    Health,
    LegalAid,
    Education,
    LawEnforcement,
    /// A partner country's referral mechanism.
    ForeignAuthority,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Recipient {
    pub organisation: OrganisationId,
    pub role: RecipientRole,
}

impl Recipient {
    /// The consent a referral to this recipient needs.
    pub fn consent_purpose(&self) -> ConsentPurpose {
        match self.role {
            RecipientRole::LawEnforcement => ConsentPurpose::LawEnforcementSharing,
            RecipientRole::ForeignAuthority => ConsentPurpose::CrossBorderTransfer,
            _ => ConsentPurpose::Referral(self.organisation.clone()),
        }
    }
}

/// Classes of data a referral may carry.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum SharedField {
    CaseReference,
    Gender,
    AgeGroup,
    Language,
    ExploitationType,
    ScreeningResult,
    Needs,
    SafetyRisks,
    /// Identity fields from the vault.
    Name,
    DateOfBirth,
    ContactDetails,
    Narrative,
    GuardianContact,
}

impl RecipientRole {
    /// The most a recipient of this role may receive: what its work needs, nothing more.
    pub fn minimum_data(self) -> &'static [SharedField] {
        use SharedField::*;
        match self {
            // The decision needs the account and the person's identity for the letter.
            RecipientRole::CompetentAuthority => &[
                CaseReference,
                Gender,
                AgeGroup,
                Language,
                ExploitationType,
                ScreeningResult,
                Name,
                DateOfBirth,
                ContactDetails,
                Narrative,
                GuardianContact,
            ],
            RecipientRole::Shelter => &[
                CaseReference,
                Gender,
                AgeGroup,
                Language,
                Needs,
                SafetyRisks,
                Name,
                ContactDetails,
            ],
            RecipientRole::ChildProtection => &[
                CaseReference,
                Gender,
                AgeGroup,
                Language,
                ExploitationType,
                Needs,
                SafetyRisks,
                Name,
                DateOfBirth,
                GuardianContact,
            ],
            RecipientRole::Health => &[CaseReference, Gender, AgeGroup, Language, Needs, Name],
            RecipientRole::LegalAid => &[
                CaseReference,
                Language,
                ExploitationType,
                Name,
                ContactDetails,
                Narrative,
            ],
            RecipientRole::Education => &[
                CaseReference,
                AgeGroup,
                Language,
                Needs,
                Name,
                GuardianContact,
            ],
            RecipientRole::LawEnforcement => &[CaseReference, ExploitationType, Narrative],
            RecipientRole::ForeignAuthority => &[
                CaseReference,
                Gender,
                AgeGroup,
                Language,
                Needs,
                SafetyRisks,
                Name,
                DateOfBirth,
            ],
        }
    }

    /// The fields asked for that this recipient may not receive.
    pub fn beyond_minimum(self, fields: &BTreeSet<SharedField>) -> Vec<SharedField> {
        fields
            .iter()
            .filter(|f| !self.minimum_data().contains(f))
            .copied()
            .collect()
    }
}

/// Why a referral may be sent.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReferralBasis {
    Consent(ConsentId),
    /// A vital-interest emergency, taken by a named role and kept on the record with its reason.
    VitalInterest {
        justification: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum ReferralStatus {
    Sent,
    Accepted,
    Declined {
        reason: String,
    },
    Completed {
        outcome: String,
    },
    Revoked {
        reason: String,
    },
    /// The consent it relied on was withdrawn; nothing more goes to the recipient.
    Suspended {
        consent: ConsentId,
    },
}

impl ReferralStatus {
    pub fn id(&self) -> &'static str {
        match self {
            ReferralStatus::Sent => "sent",
            ReferralStatus::Accepted => "accepted",
            ReferralStatus::Declined { .. } => "declined",
            ReferralStatus::Completed { .. } => "completed",
            ReferralStatus::Revoked { .. } => "revoked",
            ReferralStatus::Suspended { .. } => "suspended",
        }
    }

    /// Sent or accepted: the recipient holds and acts on the referral.
    pub fn is_active(&self) -> bool {
        matches!(self, ReferralStatus::Sent | ReferralStatus::Accepted)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Referral {
    pub id: ReferralId,
    pub recipient: Recipient,
    /// Exactly what was shared, as recorded when it was sent.
    pub fields: BTreeSet<SharedField>,
    pub basis: ReferralBasis,
    pub sent_by: UserId,
    pub sent_at: Timestamp,
    pub status: ReferralStatus,
}
