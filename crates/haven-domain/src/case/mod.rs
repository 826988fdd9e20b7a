//! The national referral mechanism: a case's lifecycle from identification to closure, driven by
//! a jurisdiction profile (data, embedded, chosen per installation).
//!
//! A case is never edited: it is the replay of its history, a list of [`CaseAction`]s, each
//! applied by [`apply`], a pure function that returns the next case or says why the action is
//! refused. Everything else — consent in force, referrals, the recovery period, residence
//! status, deadlines and what is overdue, each user's daily digest, the non-punishment alert,
//! decision letters — is derived from that history. Matching a person's needs to the service
//! directory and the upload policy for documents are pure functions beside it.

pub mod clock;
pub mod consent;
pub mod decision;
pub mod digest;
pub mod documents;
pub mod justice;
pub mod letter;
pub mod lifecycle;
pub mod offer;
pub mod profile;
pub mod referral;
pub mod residence;
pub mod services;

pub use clock::{Calendar, CivilDate, DueItem, DueState, due_items, overdue_queue};
pub use consent::{Consent, ConsentGiver, ConsentPurpose, Informed, LegalBasis};
pub use decision::{Decision, DecisionKind, Outcome};
pub use digest::{Digest, DigestItem, Reader, digest};
pub use documents::{Document, DocumentError, DocumentKind, MediaType, Sha256};
pub use justice::{CriminalJusticeOutcome, OffenceCategory, Perpetrator, Proceeding};
pub use lifecycle::{Case, CaseAction, CaseError, Opening, Stage, Track, What, apply};
pub use offer::{Asker, Offer, offered_actions};
pub use profile::{NrmProfile, ProfileError};
pub use referral::{Recipient, RecipientRole, Referral, ReferralStatus, SharedField};
pub use residence::{ResidenceRecord, ResidenceStatus};
pub use services::{
    AgeGroup, AgeRange, Capacity, Eligibility, GendersServed, MatchReason, Needs, PersonAge,
    Preferences, Service, ServiceKind, ServiceMatch, match_services,
};

use std::fmt;

/// A moment, in UTC milliseconds since 1970, as every record in Haven keeps time.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(transparent)]
pub struct Timestamp(pub i64);

impl Timestamp {
    /// The UTC calendar day the moment falls on.
    pub fn date(self) -> CivilDate {
        CivilDate::from_days(self.0.div_euclid(86_400_000))
    }
}

macro_rules! id_newtype {
    ($($(#[$doc:meta])* $name:ident;)*) => {$(
        $(#[$doc])*
        #[derive(
            Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
        )]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(id: &str) -> $name {
                $name(id.to_string())
            }
        }
    )*};
}

id_newtype! {
    /// A user of Haven.
    UserId;
    /// An organisation: a shelter, a child protection agency, the competent authority.
    OrganisationId;
    /// A case of the national referral mechanism.
    CaseId;
    /// A consent, unique within its case.
    ConsentId;
    /// A referral, unique within its case.
    ReferralId;
    /// A criminal, immigration or other proceeding against the person.
    ProceedingId;
    /// A suspected trafficker, unique within the case: pseudonymous, never a name.
    PerpetratorId;
    /// A service in the directory.
    ServiceId;
    /// A document attached to a case, unique within it.
    DocumentId;
}
