//! The case and its lifecycle. A case is the replay of its history: [`Case::replay`] opens it
//! from the first action and [`apply`]s the rest, each either giving the next case or refusing
//! with the reason.

use std::collections::BTreeSet;

use super::clock::{Awaiting, CivilDate};
use super::consent::{Consent, ConsentGiver, ConsentPurpose, Informed, LegalBasis};
use super::decision::{Decision, DecisionKind, Outcome};
use super::documents::{self, Document, DocumentError, DocumentKind, MediaType, Removal, Sha256};
use super::justice::{CriminalJusticeOutcome, OffenceCategory, Perpetrator, Proceeding};
use super::profile::{
    ClockEvent, DeadlineKind, EntitlementCondition, EntitlementStart, NrmProfile,
};
use super::referral::{
    Recipient, RecipientRole, Referral, ReferralBasis, ReferralStatus, SharedField,
};
use super::residence::{ResidenceRecord, ResidenceStatus};
use super::services::{Preferences, RecordedNeeds, ServiceKind};
use super::{
    CaseId, ConsentId, DocumentId, OrganisationId, PerpetratorId, ProceedingId, ReferralId,
    Timestamp, UserId,
};
use crate::access::Role;
use crate::htcds::{CaseStatus, ExploitationType, Gender, PerpetratorRole, SupportPlanType};

/// Where a case stands in the national referral mechanism. The profile says which moves between
/// stages exist and who may make them.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    Identified,
    /// An adult declined referral; only the anonymous notification was made.
    AnonymousNotification,
    /// Referred to the competent authority, awaiting the reasonable-grounds decision.
    Referred,
    /// Positive reasonable grounds: the recovery and reflection period runs.
    RecoveryPeriod,
    /// A negative decision, open to reconsideration.
    NotIdentified,
    Reconsideration,
    /// Positive conclusive grounds.
    Recognised,
    DurableSolution,
    Closed,
}

impl Stage {
    pub const ALL: [Stage; 9] = [
        Stage::Identified,
        Stage::AnonymousNotification,
        Stage::Referred,
        Stage::RecoveryPeriod,
        Stage::NotIdentified,
        Stage::Reconsideration,
        Stage::Recognised,
        Stage::DurableSolution,
        Stage::Closed,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Stage::Identified => "identified",
            Stage::AnonymousNotification => "anonymous_notification",
            Stage::Referred => "referred",
            Stage::RecoveryPeriod => "recovery_period",
            Stage::NotIdentified => "not_identified",
            Stage::Reconsideration => "reconsideration",
            Stage::Recognised => "recognised",
            Stage::DurableSolution => "durable_solution",
            Stage::Closed => "closed",
        }
    }

    pub fn parse(id: &str) -> Option<Stage> {
        Stage::ALL.into_iter().find(|s| s.id() == id)
    }

    /// Stages entered only by a decision of the competent authority.
    pub fn is_decision(self) -> bool {
        matches!(
            self,
            Stage::RecoveryPeriod | Stage::NotIdentified | Stage::Recognised
        )
    }
}

/// The child track follows the person's age as established at screening, or its presumption,
/// until an age assessment says otherwise.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Track {
    Adult,
    Child(ChildTrack),
}

#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ChildTrack {
    pub guardian: Option<Guardian>,
    pub best_interests: Option<BestInterestsAssessment>,
    #[serde(default)]
    pub family_tracing: Option<FamilyTracing>,
}

/// Whether the child's family is to be traced, as last assessed. Tracing is never automatic:
/// the family may be part of the trafficking.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct FamilyTracing {
    pub needed: bool,
    pub flagged_at: Timestamp,
}

/// An age assessment, made only where serious doubt about the person's age remains.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct AgeAssessment {
    /// The doubt that justified it, in writing.
    pub serious_doubt: String,
    /// The assessment found the person to be a child.
    pub outcome_child: bool,
    /// The assessment could not establish the age and the person was given the benefit of the
    /// doubt: they are treated as a child.
    pub benefit_of_doubt: bool,
    pub at: Timestamp,
}

impl AgeAssessment {
    /// The person is to be treated as a child.
    pub fn finds_child(&self) -> bool {
        self.outcome_child || self.benefit_of_doubt
    }
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Guardian {
    pub guardian: UserId,
    pub organisation: OrganisationId,
    pub appointed_at: Timestamp,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct BestInterestsAssessment {
    pub summary: String,
    pub at: Timestamp,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Opening {
    /// From a screening that found reasonable grounds or a risk.
    Screening(String),
    /// Opened by a caseworker without a screening in Haven.
    Direct,
}

/// The minimum, non-identifying data of an adult who declined referral: counted in the
/// statistics, and nothing in it can identify the person.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct AnonymousNotification {
    pub gender: Gender,
    pub exploitation: Vec<ExploitationType>,
    /// ISO 3166 alpha-2.
    pub country_of_exploitation: Option<String>,
    pub at: Timestamp,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Reconsideration {
    pub of: DecisionKind,
    pub grounds: String,
    pub requested_at: Timestamp,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SupportPlan {
    pub plan_type: SupportPlanType,
    pub objectives: String,
    pub at: Timestamp,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum DurableSolution {
    LocalIntegration,
    /// Return is only ever safe and voluntary: the risk assessment and the person's agreement are
    /// recorded with it.
    SafeAndVoluntaryReturn {
        country: String,
        risk_assessment: String,
    },
    Resettlement {
        country: String,
    },
}

/// The person's cooperation with law enforcement, recorded for the file. No rule reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Cooperation {
    NotAsked,
    Cooperating,
    Declined,
}

/// Where the person stays.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Setting {
    Shelter,
    SafeHouse,
    FosterCare,
    ChildProtectionFacility,
    OwnAccommodation,
    ImmigrationDetention,
    PoliceCustody,
}

impl Setting {
    pub fn is_detention(self) -> bool {
        matches!(self, Setting::ImmigrationDetention | Setting::PoliceCustody)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClosureStatus {
    Closed,
    /// Closed here because the case was referred on and is followed elsewhere.
    ClosedReferred,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Closure {
    pub status: ClosureStatus,
    /// HTCDS `cas_ReasonForCaseClosure`.
    pub reason: String,
    pub at: Timestamp,
}

/// The case, as its history makes it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Case {
    pub id: CaseId,
    pub opening: Opening,
    pub opened_at: Timestamp,
    pub owner: UserId,
    /// The organisation the case was last transferred to; `None` while the organisation that
    /// opened it holds it.
    #[serde(default)]
    pub transferred_to: Option<OrganisationId>,
    pub track: Track,
    /// The person's age is not established: an age assessment may take place.
    #[serde(default)]
    pub age_in_doubt: bool,
    #[serde(default)]
    pub age_assessments: Vec<AgeAssessment>,
    /// The person's language (BCP 47), for letters.
    pub language: Option<String>,
    pub stage: Stage,
    pub consents: Vec<Consent>,
    pub referrals: Vec<Referral>,
    pub decisions: Vec<Decision>,
    pub anonymous_notification: Option<AnonymousNotification>,
    pub reconsideration: Option<Reconsideration>,
    pub support_plans: Vec<SupportPlan>,
    /// The services the person needs, as last recorded.
    #[serde(default)]
    pub needs: Option<RecordedNeeds>,
    #[serde(default)]
    pub preferences: Preferences,
    pub durable_solution: Option<DurableSolution>,
    pub proceedings: Vec<Proceeding>,
    #[serde(default)]
    pub perpetrators: Vec<Perpetrator>,
    /// The person's citizenship (ISO 3166 alpha-2), as last recorded; GLOTIP counts victims by
    /// it.
    #[serde(default)]
    pub citizenship: Option<String>,
    /// The country where the person was exploited (ISO 3166 alpha-2), as last recorded.
    #[serde(default)]
    pub country_of_exploitation: Option<String>,
    pub cooperation: Cooperation,
    /// Every residence status recorded, the latest last.
    #[serde(default)]
    pub residence: Vec<ResidenceRecord>,
    pub setting: Option<Setting>,
    pub reviews: Vec<Timestamp>,
    #[serde(default)]
    pub documents: Vec<Document>,
    pub closure: Option<Closure>,
    /// When the last action was taken; histories run forward in time.
    pub last_action_at: Timestamp,
}

/// One entry of a case's history.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CaseAction {
    pub by: UserId,
    pub role: Role,
    pub at: Timestamp,
    pub what: What,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum What {
    Open {
        case: CaseId,
        opening: Opening,
        child: bool,
        /// The age is not established (claimed or observed only), so that an age assessment
        /// may follow on the adult track too.
        #[serde(default)]
        age_in_doubt: bool,
        language: Option<String>,
    },
    GiveConsent {
        consent: ConsentId,
        purpose: ConsentPurpose,
        legal_basis: LegalBasis,
        given_by: ConsentGiver,
        informed: Informed,
        interpreter: Option<String>,
    },
    WithdrawConsent {
        consent: ConsentId,
    },
    Refer {
        referral: ReferralId,
        to: Recipient,
        fields: BTreeSet<SharedField>,
    },
    /// A referral without consent because a life is at risk; audited through the history.
    EmergencyReferral {
        referral: ReferralId,
        to: Recipient,
        fields: BTreeSet<SharedField>,
        justification: String,
    },
    AcceptReferral {
        referral: ReferralId,
    },
    DeclineReferral {
        referral: ReferralId,
        reason: String,
    },
    CompleteReferral {
        referral: ReferralId,
        outcome: String,
    },
    RevokeReferral {
        referral: ReferralId,
        reason: String,
    },
    NotifyAnonymously {
        gender: Gender,
        exploitation: Vec<ExploitationType>,
        country_of_exploitation: Option<String>,
    },
    Decide {
        kind: DecisionKind,
        outcome: Outcome,
        reasons: String,
        evidence: Vec<String>,
    },
    RequestReconsideration {
        grounds: String,
    },
    AppointGuardian {
        guardian: UserId,
        organisation: OrganisationId,
    },
    AssessBestInterests {
        summary: String,
    },
    AssessAge {
        serious_doubt: String,
        outcome_child: bool,
        benefit_of_doubt: bool,
    },
    FlagFamilyTracing {
        needed: bool,
    },
    AddSupportPlan {
        plan_type: SupportPlanType,
        objectives: String,
    },
    RecordNeeds {
        services: BTreeSet<ServiceKind>,
        disability_access: bool,
        location: Option<String>,
    },
    /// The person's gender preferences, which matching honours.
    RecordPreferences {
        preferences: Preferences,
    },
    ChooseDurableSolution {
        solution: DurableSolution,
        /// The person (or, for a child, the guardian after the best-interests assessment) agrees.
        agreed: bool,
    },
    RecordProceeding {
        proceeding: ProceedingId,
        offence: OffenceCategory,
        description: String,
        linked_to_trafficking: bool,
    },
    EndProceeding {
        proceeding: ProceedingId,
    },
    RecordPerpetrator {
        perpetrator: PerpetratorId,
        roles: BTreeSet<PerpetratorRole>,
        sex: Gender,
        citizenship: Option<String>,
    },
    RecordCriminalJusticeOutcome {
        perpetrator: PerpetratorId,
        outcome: CriminalJusticeOutcome,
        year: Option<u16>,
    },
    /// The person's citizenship and the country where they were exploited (ISO 3166 alpha-2;
    /// `None`: not known), replacing what was recorded before: the statistics count by them.
    RecordOrigin {
        citizenship: Option<String>,
        country_of_exploitation: Option<String>,
    },
    RecordCooperation {
        cooperation: Cooperation,
    },
    RecordResidenceStatus {
        status: ResidenceStatus,
    },
    Place {
        setting: Setting,
    },
    TransferOwnership {
        to: UserId,
        /// The organisation taking the case over, when it leaves the one holding it.
        #[serde(default)]
        to_organisation: Option<OrganisationId>,
    },
    Review,
    /// A document whose content the server has checked (`documents::check_upload`) and stored.
    AttachDocument {
        document: DocumentId,
        kind: DocumentKind,
        media_type: MediaType,
        size_bytes: u64,
        sha256: Sha256,
    },
    RemoveDocument {
        document: DocumentId,
        reason: String,
    },
    Close {
        status: ClosureStatus,
        reason: String,
    },
}

impl What {
    /// A short name of the action, for errors.
    pub fn name(&self) -> &'static str {
        match self {
            What::Open { .. } => "opening a case",
            What::GiveConsent { .. } => "recording consent",
            What::WithdrawConsent { .. } => "withdrawing consent",
            What::Refer { .. } => "a referral",
            What::EmergencyReferral { .. } => "an emergency referral",
            What::AcceptReferral { .. } => "accepting a referral",
            What::DeclineReferral { .. } => "declining a referral",
            What::CompleteReferral { .. } => "completing a referral",
            What::RevokeReferral { .. } => "revoking a referral",
            What::NotifyAnonymously { .. } => "an anonymous notification",
            What::Decide {
                kind: DecisionKind::ReasonableGrounds,
                ..
            } => "a reasonable-grounds decision",
            What::Decide {
                kind: DecisionKind::ConclusiveGrounds,
                ..
            } => "a conclusive-grounds decision",
            What::RequestReconsideration { .. } => "a request for reconsideration",
            What::AppointGuardian { .. } => "appointing a guardian",
            What::AssessBestInterests { .. } => "a best-interests assessment",
            What::AddSupportPlan { .. } => "a support plan",
            What::AssessAge { .. } => "an age assessment",
            What::FlagFamilyTracing { .. } => "flagging family tracing",
            What::RecordNeeds { .. } => "recording needs",
            What::RecordPreferences { .. } => "recording preferences",
            What::ChooseDurableSolution { .. } => "a durable solution",
            What::RecordProceeding { .. } => "recording a proceeding",
            What::EndProceeding { .. } => "ending a proceeding",
            What::RecordPerpetrator { .. } => "recording a perpetrator",
            What::RecordCriminalJusticeOutcome { .. } => "recording a criminal-justice outcome",
            What::RecordOrigin { .. } => "recording citizenship and country of exploitation",
            What::RecordResidenceStatus { .. } => "recording residence status",
            What::RecordCooperation { .. } => "recording cooperation",
            What::Place { .. } => "a placement",
            What::TransferOwnership { .. } => "a transfer of ownership",
            What::Review => "a case review",
            What::AttachDocument { .. } => "attaching a document",
            What::RemoveDocument { .. } => "removing a document",
            What::Close { .. } => "closing the case",
        }
    }

    /// Who may take an action that does not move the case between stages; moves between stages
    /// are the profile's to grant.
    fn roles(&self) -> &'static [Role] {
        use Role::*;
        match self {
            What::Open { .. } => &[Screener, Caseworker, Supervisor],
            What::AcceptReferral { .. }
            | What::DeclineReferral { .. }
            | What::CompleteReferral { .. } => &[Provider, DecisionMaker],
            What::EmergencyReferral { .. } => &[Supervisor],
            What::AddSupportPlan { .. } => &[Caseworker, Supervisor, Provider],
            What::TransferOwnership { .. } => &[Caseworker, Supervisor],
            // A shelter's medical report, the authority's decision letter.
            What::AttachDocument { .. } => &[Caseworker, Supervisor, Provider, DecisionMaker],
            _ => &[Caseworker, Supervisor],
        }
    }
}

/// Why an action is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CaseError {
    #[error("a case's history starts by opening it")]
    NotOpened,
    #[error("the case is already open")]
    AlreadyOpen,
    #[error("the case is closed")]
    Closed,
    #[error("an action cannot be dated before the one it follows")]
    OutOfOrder,
    #[error("a {role} cannot take {action}")]
    RoleMayNot { role: Role, action: &'static str },
    #[error("only a decision maker records a decision")]
    OnlyDecisionMaker,
    #[error("{action} needs {needs} first")]
    NeedsFirst {
        action: &'static str,
        needs: &'static str,
    },
    #[error("the {profile} profile has no step from {from} to {to}")]
    NotInProfile {
        profile: String,
        from: &'static str,
        to: &'static str,
    },
    #[error("no active consent covers {0}")]
    NoConsent(String),
    #[error(
        "consent is informed only once purpose, uses, retention and withdrawal were all explained"
    )]
    NotInformed,
    #[error(
        "a child does not consent alone: the appointed guardian consents, with the child's assent recorded"
    )]
    ChildConsentsThroughGuardian,
    #[error("an adult gives their own consent")]
    AdultConsentsThemselves,
    #[error("the consent is given by someone who is not the child's appointed guardian")]
    NotTheGuardian,
    #[error("the child track only: {0}")]
    ChildTrackOnly(&'static str),
    #[error(
        "the anonymous notification is for an adult who declines; a child is referred with the guardian's consent"
    )]
    NoAnonymousNotificationForChild,
    #[error("a child is never detained")]
    ChildDetention,
    #[error(
        "an age assessment takes place only where serious doubt about the age remains: on the child track, or where the age is in doubt"
    )]
    AgeNotInDoubt,
    #[error("{0} is already recorded")]
    Duplicate(String),
    #[error("no {0} with that id")]
    Unknown(&'static str),
    #[error("the consent was already withdrawn")]
    AlreadyWithdrawn,
    #[error("referral {referral} is {status}: {action} is not possible")]
    ReferralIs {
        referral: ReferralId,
        status: &'static str,
        action: &'static str,
    },
    #[error(
        "a {role:?} recipient may not receive {fields:?}: share only the minimum its work needs"
    )]
    BeyondMinimumData {
        role: RecipientRole,
        fields: Vec<SharedField>,
    },
    #[error("{0} must be written out")]
    Empty(&'static str),
    #[error(
        "the referral to the competent authority is not active: it was declined, completed, revoked or suspended"
    )]
    NoActiveCompetentAuthorityReferral,
    #[error(
        "under this profile the conclusive-grounds decision comes after the recovery period ends on {0}"
    )]
    BeforeRecoveryPeriodEnds(CivilDate),
    #[error("the reconsideration concerns the {0} decision")]
    ReconsiderationOf(&'static str),
    #[error(
        "a durable solution needs the person's agreement (for a child, the guardian's after the best-interests assessment)"
    )]
    NotAgreed,
    #[error("a country is given as an ISO 3166 alpha-2 code")]
    BadCountry,
    #[error(transparent)]
    Document(#[from] DocumentError),
    #[error("document {0} was already removed")]
    DocumentRemoved(DocumentId),
    #[error("a perpetrator is recorded with at least one HTCDS role in the process")]
    NoPerpetratorRole,
    #[error(
        "a perpetrator cannot be recorded as {} when the latest outcome is {}: the order is suspected, then prosecuted, then convicted or acquitted",
        .outcome.id(),
        .latest.map_or("none", CriminalJusticeOutcome::id)
    )]
    OutcomeOutOfOrder {
        outcome: CriminalJusticeOutcome,
        latest: Option<CriminalJusticeOutcome>,
    },
    #[error(
        "the year {0} is before an earlier outcome's, or after the day the outcome is recorded"
    )]
    OutcomeYear(u16),
    #[error(
        "a residence status of {status} cannot follow {latest}: a permit is granted or refused on an application, and one application is decided before the next"
    )]
    ResidenceOutOfOrder {
        status: &'static str,
        latest: &'static str,
    },
    #[error("a permit granted today expires on a later day, not on {0}")]
    PermitExpiresBeforeGranted(CivilDate),
}

impl Case {
    /// Opens a case from the first action of its history.
    pub fn open(action: &CaseAction) -> Result<Case, CaseError> {
        let What::Open {
            case,
            opening,
            child,
            age_in_doubt,
            language,
        } = &action.what
        else {
            return Err(CaseError::NotOpened);
        };
        check_role(action)?;
        // A screener opens cases from their screenings; only caseworkers open one directly.
        if *opening == Opening::Direct && action.role == Role::Screener {
            return Err(CaseError::RoleMayNot {
                role: action.role,
                action: "opening a case without a screening",
            });
        }
        Ok(Case {
            id: case.clone(),
            opening: opening.clone(),
            opened_at: action.at,
            owner: action.by.clone(),
            transferred_to: None,
            track: if *child {
                Track::Child(ChildTrack::default())
            } else {
                Track::Adult
            },
            age_in_doubt: *age_in_doubt,
            age_assessments: Vec::new(),
            language: language.clone(),
            stage: Stage::Identified,
            consents: Vec::new(),
            referrals: Vec::new(),
            decisions: Vec::new(),
            anonymous_notification: None,
            reconsideration: None,
            support_plans: Vec::new(),
            needs: None,
            preferences: Preferences::default(),
            durable_solution: None,
            proceedings: Vec::new(),
            perpetrators: Vec::new(),
            citizenship: None,
            country_of_exploitation: None,
            cooperation: Cooperation::NotAsked,
            residence: Vec::new(),
            setting: None,
            reviews: Vec::new(),
            documents: Vec::new(),
            closure: None,
            last_action_at: action.at,
        })
    }

    /// The case its history makes, or the first refused action (its index and why).
    pub fn replay(
        history: &[CaseAction],
        profile: &NrmProfile,
    ) -> Result<Case, (usize, CaseError)> {
        let (first, rest) = history.split_first().ok_or((0, CaseError::NotOpened))?;
        let mut case = Case::open(first).map_err(|e| (0, e))?;
        for (i, action) in rest.iter().enumerate() {
            case = apply(&case, action, profile).map_err(|e| (i + 1, e))?;
        }
        Ok(case)
    }

    pub fn is_child(&self) -> bool {
        matches!(self.track, Track::Child(_))
    }

    pub fn is_closed(&self) -> bool {
        self.stage == Stage::Closed
    }

    /// HTCDS `cas_Status`.
    pub fn status(&self) -> CaseStatus {
        match (&self.closure, self.stage) {
            (Some(c), _) if c.status == ClosureStatus::ClosedReferred => CaseStatus::ClosedReferred,
            (Some(_), _) => CaseStatus::Closed,
            (None, Stage::DurableSolution | Stage::AnonymousNotification) => CaseStatus::FollowUp,
            (None, _) => CaseStatus::Active,
        }
    }

    pub fn guardian(&self) -> Option<&Guardian> {
        match &self.track {
            Track::Child(child) => child.guardian.as_ref(),
            Track::Adult => None,
        }
    }

    /// The active consent that covers a purpose. Referrals, shares and exports ask here; none
    /// goes ahead without one.
    pub fn consent_for(&self, purpose: &ConsentPurpose) -> Result<&Consent, CaseError> {
        self.consents
            .iter()
            .rev()
            .find(|c| c.is_active() && &c.purpose == purpose)
            .ok_or_else(|| CaseError::NoConsent(purpose.describe()))
    }

    pub fn referral(&self, id: &ReferralId) -> Option<&Referral> {
        self.referrals.iter().find(|r| &r.id == id)
    }

    pub fn document(&self, id: &DocumentId) -> Option<&Document> {
        self.documents.iter().find(|d| &d.id == id)
    }

    /// A positive reasonable- or conclusive-grounds decision that is still the latest word.
    pub fn has_positive_decision(&self) -> bool {
        self.decisions
            .last()
            .is_some_and(|d| d.outcome == Outcome::Positive)
    }

    /// A child is in the child protection system once a referral to it is sent, accepted or
    /// completed; a declined, revoked or suspended one leaves the referral to be made.
    pub fn referred_to_child_protection(&self) -> bool {
        self.referrals.iter().any(|r| {
            r.recipient.role == RecipientRole::ChildProtection
                && (r.status.is_active() || matches!(r.status, ReferralStatus::Completed { .. }))
        })
    }

    pub(super) fn active_competent_authority_referral(&self) -> Option<&Referral> {
        self.referrals
            .iter()
            .rev()
            .find(|r| r.recipient.role == RecipientRole::CompetentAuthority && r.status.is_active())
    }

    /// When an entitlement began, read from decisions only: nothing about cooperation is read.
    pub fn entitlement_began(&self, start: EntitlementStart) -> Option<Timestamp> {
        let first_positive = |kind| {
            self.decisions
                .iter()
                .find(|d| d.kind == kind && d.outcome == Outcome::Positive)
                .map(|d| d.at)
        };
        match start {
            EntitlementStart::CaseOpened => Some(self.opened_at),
            EntitlementStart::PositiveReasonableGrounds => {
                first_positive(DecisionKind::ReasonableGrounds)
            }
            EntitlementStart::PositiveConclusiveGrounds => {
                first_positive(DecisionKind::ConclusiveGrounds)
            }
        }
    }

    /// The latest residence status recorded.
    pub fn residence_status(&self) -> Option<&ResidenceStatus> {
        self.residence.last().map(|r| &r.status)
    }

    /// The person's entitlements under the profile.
    pub fn entitlements(&self, profile: &NrmProfile) -> EntitlementStatus {
        let e = &profile.entitlements;
        EntitlementStatus {
            assistance: self.entitlement_began(e.assistance.from).is_some(),
            recovery_period: self.recovery_period(profile),
            residence: self
                .entitlement_began(e.residence.from)
                .map(|_| e.residence.conditions.clone()),
        }
    }

    /// The recovery and reflection period: the profile's length from when it begins.
    pub fn recovery_period(&self, profile: &NrmProfile) -> Option<RecoveryPeriod> {
        let began = self.entitlement_began(profile.entitlements.recovery_period.from)?;
        let starts = began.date();
        Some(RecoveryPeriod {
            starts,
            ends: starts.plus_days(i64::from(profile.reflection_period_days)),
        })
    }

    /// The day an event that starts a clock happened, if it has.
    pub fn event_date(
        &self,
        event: ClockEvent,
        referral: Option<&ReferralId>,
        profile: &NrmProfile,
    ) -> Option<CivilDate> {
        let at = match event {
            ClockEvent::CaseOpened => Some(self.opened_at),
            ClockEvent::ReferralToCompetentAuthority => self
                .active_competent_authority_referral()
                .map(|r| r.sent_at),
            ClockEvent::ReferralSent => {
                referral.and_then(|id| self.referral(id)).map(|r| r.sent_at)
            }
            ClockEvent::GuardianAppointed => self.guardian().map(|g| g.appointed_at),
            ClockEvent::PositiveReasonableGrounds => self
                .decisions
                .iter()
                .rev()
                .find(|d| {
                    d.kind == DecisionKind::ReasonableGrounds && d.outcome == Outcome::Positive
                })
                .map(|d| d.at),
            ClockEvent::RecoveryPeriodEnd => {
                return self.recovery_period(profile).map(|p| p.ends);
            }
            ClockEvent::ReconsiderationRequested => {
                self.reconsideration.as_ref().map(|r| r.requested_at)
            }
            ClockEvent::LastReview => Some(*self.reviews.last().unwrap_or(&self.opened_at)),
        };
        at.map(Timestamp::date)
    }

    /// What the case is waiting for, whatever the profile's dates.
    pub(super) fn awaiting(&self) -> Vec<Awaiting> {
        let mut waiting = Vec::new();
        let mut wait = |kind, referral| waiting.push(Awaiting { kind, referral });
        match self.stage {
            Stage::Referred if self.active_competent_authority_referral().is_some() => {
                wait(DeadlineKind::ReasonableGroundsDecision, None);
            }
            Stage::RecoveryPeriod => wait(DeadlineKind::ConclusiveGroundsDecision, None),
            Stage::Reconsideration => wait(DeadlineKind::ReconsiderationDecision, None),
            _ => {}
        }
        if let Track::Child(child) = &self.track {
            if child.guardian.is_none() {
                wait(DeadlineKind::GuardianAppointment, None);
            }
            if !self.referred_to_child_protection() {
                wait(DeadlineKind::ChildProtectionReferral, None);
            }
            if child.best_interests.is_none() {
                wait(DeadlineKind::BestInterestsAssessment, None);
            }
        }
        for referral in &self.referrals {
            if referral.status == ReferralStatus::Sent {
                wait(DeadlineKind::ReferralResponse, Some(referral.id.clone()));
            }
        }
        if self.stage != Stage::AnonymousNotification {
            wait(DeadlineKind::CaseReview, None);
        }
        waiting
    }

    /// Pending proceedings for offences linked to the trafficking, against a person with a
    /// positive decision: each needs the non-punishment notice.
    pub fn non_punishment_alerts(&self) -> Vec<&Proceeding> {
        if !self.has_positive_decision() {
            return Vec::new();
        }
        self.proceedings
            .iter()
            .filter(|p| p.pending && p.linked_to_trafficking)
            .collect()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntitlementStatus {
    pub assistance: bool,
    pub recovery_period: Option<RecoveryPeriod>,
    /// Eligible for residence, subject to the listed conditions.
    pub residence: Option<Vec<EntitlementCondition>>,
}

/// The recovery and reflection period, from its first day to the day it ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RecoveryPeriod {
    pub starts: CivilDate,
    pub ends: CivilDate,
}

/// The case after one more action, or why the action is refused.
pub fn apply(case: &Case, action: &CaseAction, profile: &NrmProfile) -> Result<Case, CaseError> {
    if case.is_closed() {
        return Err(CaseError::Closed);
    }
    if action.at < case.last_action_at {
        return Err(CaseError::OutOfOrder);
    }
    let mut next = case.clone();
    next.last_action_at = action.at;
    let at = action.at;
    match &action.what {
        What::Open { .. } => return Err(CaseError::AlreadyOpen),
        What::GiveConsent {
            consent,
            purpose,
            legal_basis,
            given_by,
            informed,
            interpreter,
        } => {
            check_role(action)?;
            if case.consents.iter().any(|c| &c.id == consent) {
                return Err(CaseError::Duplicate(format!("consent {consent}")));
            }
            if !informed.is_complete() {
                return Err(CaseError::NotInformed);
            }
            match (&case.track, given_by) {
                (Track::Adult, ConsentGiver::Person) => {}
                (Track::Adult, ConsentGiver::Guardian { .. }) => {
                    return Err(CaseError::AdultConsentsThemselves);
                }
                (Track::Child(_), ConsentGiver::Person) => {
                    return Err(CaseError::ChildConsentsThroughGuardian);
                }
                (Track::Child(child), ConsentGiver::Guardian { guardian, .. }) => {
                    let appointed = child.guardian.as_ref().ok_or(CaseError::NeedsFirst {
                        action: "a child's consent",
                        needs: "an appointed guardian",
                    })?;
                    if &appointed.guardian != guardian {
                        return Err(CaseError::NotTheGuardian);
                    }
                }
            }
            next.consents.push(Consent {
                id: consent.clone(),
                purpose: purpose.clone(),
                legal_basis: *legal_basis,
                given_by: given_by.clone(),
                informed: *informed,
                interpreter: interpreter.clone(),
                given_at: at,
                withdrawn_at: None,
            });
        }
        What::WithdrawConsent { consent } => {
            check_role(action)?;
            let withdrawn = case
                .consents
                .iter()
                .find(|c| &c.id == consent)
                .ok_or(CaseError::Unknown("consent"))?;
            if !withdrawn.is_active() {
                return Err(CaseError::AlreadyWithdrawn);
            }
            end_consent(&mut next, consent, at);
        }
        What::Refer {
            referral,
            to,
            fields,
        } => {
            let consent = case.consent_for(&to.consent_purpose())?.id.clone();
            send_referral(
                &mut next,
                action,
                profile,
                referral,
                to,
                fields,
                ReferralBasis::Consent(consent),
            )?;
        }
        What::EmergencyReferral {
            referral,
            to,
            fields,
            justification,
        } => {
            check_role(action)?;
            not_empty(justification, "the vital interest at stake")?;
            send_referral(
                &mut next,
                action,
                profile,
                referral,
                to,
                fields,
                ReferralBasis::VitalInterest {
                    justification: justification.clone(),
                },
            )?;
        }
        What::AcceptReferral { referral } => {
            check_role(action)?;
            respond(&mut next, referral, action, |status| match status {
                ReferralStatus::Sent => Some(ReferralStatus::Accepted),
                _ => None,
            })?;
        }
        What::DeclineReferral { referral, reason } => {
            check_role(action)?;
            not_empty(reason, "the reason for declining")?;
            respond(&mut next, referral, action, |status| match status {
                ReferralStatus::Sent => Some(ReferralStatus::Declined {
                    reason: reason.clone(),
                }),
                _ => None,
            })?;
        }
        What::CompleteReferral { referral, outcome } => {
            check_role(action)?;
            not_empty(outcome, "the outcome")?;
            respond(&mut next, referral, action, |status| match status {
                ReferralStatus::Accepted => Some(ReferralStatus::Completed {
                    outcome: outcome.clone(),
                }),
                _ => None,
            })?;
        }
        What::RevokeReferral { referral, reason } => {
            check_role(action)?;
            not_empty(reason, "the reason for revoking")?;
            respond(&mut next, referral, action, |status| match status {
                ReferralStatus::Sent
                | ReferralStatus::Accepted
                | ReferralStatus::Suspended { .. } => Some(ReferralStatus::Revoked {
                    reason: reason.clone(),
                }),
                _ => None,
            })?;
        }
        What::NotifyAnonymously {
            gender,
            exploitation,
            country_of_exploitation,
        } => {
            if case.is_child() {
                return Err(CaseError::NoAnonymousNotificationForChild);
            }
            if let Some(country) = country_of_exploitation {
                check_country(country)?;
            }
            move_to(&mut next, action, profile, Stage::AnonymousNotification)?;
            next.anonymous_notification = Some(AnonymousNotification {
                gender: *gender,
                exploitation: exploitation.clone(),
                country_of_exploitation: country_of_exploitation.clone(),
                at,
            });
        }
        What::Decide {
            kind,
            outcome,
            reasons,
            evidence,
        } => decide(
            &mut next, action, profile, *kind, *outcome, reasons, evidence,
        )?,
        What::RequestReconsideration { grounds } => {
            not_empty(grounds, "the grounds for reconsideration")?;
            let last = case
                .decisions
                .last()
                .filter(|d| d.outcome == Outcome::Negative)
                .ok_or(CaseError::NeedsFirst {
                    action: "a request for reconsideration",
                    needs: "a negative decision",
                })?;
            move_to(&mut next, action, profile, Stage::Reconsideration)?;
            next.reconsideration = Some(Reconsideration {
                of: last.kind,
                grounds: grounds.clone(),
                requested_at: at,
            });
        }
        What::AppointGuardian {
            guardian,
            organisation,
        } => {
            check_role(action)?;
            let Track::Child(child) = &mut next.track else {
                return Err(CaseError::ChildTrackOnly(
                    "a guardian is appointed for a child",
                ));
            };
            child.guardian = Some(Guardian {
                guardian: guardian.clone(),
                organisation: organisation.clone(),
                appointed_at: at,
            });
        }
        What::AssessBestInterests { summary } => {
            check_role(action)?;
            not_empty(summary, "the best-interests assessment")?;
            let Track::Child(child) = &mut next.track else {
                return Err(CaseError::ChildTrackOnly(
                    "best interests are assessed for a child",
                ));
            };
            if child.guardian.is_none() {
                return Err(CaseError::NeedsFirst {
                    action: "a best-interests assessment",
                    needs: "an appointed guardian",
                });
            }
            child.best_interests = Some(BestInterestsAssessment {
                summary: summary.clone(),
                at,
            });
        }
        What::AssessAge {
            serious_doubt,
            outcome_child,
            benefit_of_doubt,
        } => {
            check_role(action)?;
            not_empty(serious_doubt, "the serious doubt about the person's age")?;
            if !case.is_child() && !case.age_in_doubt {
                return Err(CaseError::AgeNotInDoubt);
            }
            let assessment = AgeAssessment {
                serious_doubt: serious_doubt.clone(),
                outcome_child: *outcome_child,
                benefit_of_doubt: *benefit_of_doubt,
                at,
            };
            let child = assessment.finds_child();
            if child && case.setting.is_some_and(Setting::is_detention) {
                return Err(CaseError::ChildDetention);
            }
            if child != case.is_child() {
                next.track = if child {
                    Track::Child(ChildTrack::default())
                } else {
                    Track::Adult
                };
                // Consent given by the wrong person for the track found ends: a child consents
                // through a guardian, an adult for themselves.
                let ended: Vec<ConsentId> = case
                    .consents
                    .iter()
                    .filter(|c| c.is_active() && child == (c.given_by == ConsentGiver::Person))
                    .map(|c| c.id.clone())
                    .collect();
                for consent in &ended {
                    end_consent(&mut next, consent, at);
                }
            }
            next.age_in_doubt = false;
            next.age_assessments.push(assessment);
        }
        What::FlagFamilyTracing { needed } => {
            check_role(action)?;
            let Track::Child(child) = &mut next.track else {
                return Err(CaseError::ChildTrackOnly("family tracing is for a child"));
            };
            child.family_tracing = Some(FamilyTracing {
                needed: *needed,
                flagged_at: at,
            });
        }
        What::AddSupportPlan {
            plan_type,
            objectives,
        } => {
            check_role(action)?;
            not_empty(objectives, "the plan's objectives")?;
            next.support_plans.push(SupportPlan {
                plan_type: *plan_type,
                objectives: objectives.clone(),
                at,
            });
        }
        What::RecordNeeds {
            services,
            disability_access,
            location,
        } => {
            check_role(action)?;
            if let Some(location) = location {
                not_empty(location, "the location")?;
            }
            next.needs = Some(RecordedNeeds {
                services: services.clone(),
                disability_access: *disability_access,
                location: location.clone(),
                recorded_at: at,
            });
        }
        What::RecordPreferences { preferences } => {
            check_role(action)?;
            next.preferences = preferences.clone();
        }
        What::ChooseDurableSolution { solution, agreed } => {
            if !agreed {
                return Err(CaseError::NotAgreed);
            }
            if let Track::Child(child) = &case.track
                && child.best_interests.is_none()
            {
                return Err(CaseError::NeedsFirst {
                    action: "a durable solution for a child",
                    needs: "a best-interests assessment",
                });
            }
            match solution {
                DurableSolution::SafeAndVoluntaryReturn {
                    country,
                    risk_assessment,
                } => {
                    check_country(country)?;
                    not_empty(risk_assessment, "the return risk assessment")?;
                }
                DurableSolution::Resettlement { country } => check_country(country)?,
                DurableSolution::LocalIntegration => {}
            }
            move_to(&mut next, action, profile, Stage::DurableSolution)?;
            next.durable_solution = Some(solution.clone());
        }
        What::RecordProceeding {
            proceeding,
            offence,
            description,
            linked_to_trafficking,
        } => {
            check_role(action)?;
            not_empty(description, "the proceeding")?;
            if case.proceedings.iter().any(|p| &p.id == proceeding) {
                return Err(CaseError::Duplicate(format!("proceeding {proceeding}")));
            }
            next.proceedings.push(Proceeding {
                id: proceeding.clone(),
                offence: *offence,
                description: description.clone(),
                linked_to_trafficking: *linked_to_trafficking,
                pending: true,
            });
        }
        What::EndProceeding { proceeding } => {
            check_role(action)?;
            let ended = next
                .proceedings
                .iter_mut()
                .find(|p| &p.id == proceeding)
                .ok_or(CaseError::Unknown("proceeding"))?;
            ended.pending = false;
        }
        What::RecordPerpetrator {
            perpetrator,
            roles,
            sex,
            citizenship,
        } => {
            check_role(action)?;
            if roles.is_empty() {
                return Err(CaseError::NoPerpetratorRole);
            }
            if let Some(country) = citizenship {
                check_country(country)?;
            }
            if case.perpetrators.iter().any(|p| &p.id == perpetrator) {
                return Err(CaseError::Duplicate(format!("perpetrator {perpetrator}")));
            }
            next.perpetrators.push(Perpetrator {
                id: perpetrator.clone(),
                roles: roles.clone(),
                sex: *sex,
                citizenship: citizenship.clone(),
                outcomes: Vec::new(),
            });
        }
        What::RecordCriminalJusticeOutcome {
            perpetrator,
            outcome,
            year,
        } => {
            check_role(action)?;
            next.perpetrators
                .iter_mut()
                .find(|p| &p.id == perpetrator)
                .ok_or(CaseError::Unknown("perpetrator"))?
                .record(*outcome, *year, at)?;
        }
        What::RecordOrigin {
            citizenship,
            country_of_exploitation,
        } => {
            check_role(action)?;
            for country in [citizenship, country_of_exploitation].into_iter().flatten() {
                check_country(country)?;
            }
            next.citizenship = citizenship.clone();
            next.country_of_exploitation = country_of_exploitation.clone();
        }
        What::RecordCooperation { cooperation } => {
            check_role(action)?;
            next.cooperation = *cooperation;
        }
        What::RecordResidenceStatus { status } => {
            check_role(action)?;
            status.check(case.residence_status(), at.date())?;
            next.residence.push(ResidenceRecord {
                status: status.clone(),
                recorded_at: at,
            });
        }
        What::Place { setting } => {
            check_role(action)?;
            if case.is_child() && setting.is_detention() {
                return Err(CaseError::ChildDetention);
            }
            next.setting = Some(*setting);
        }
        What::TransferOwnership {
            to,
            to_organisation,
        } => {
            check_role(action)?;
            // A caseworker hands over only their own case; a supervisor reassigns any.
            if action.role == Role::Caseworker && action.by != case.owner {
                return Err(CaseError::RoleMayNot {
                    role: action.role,
                    action: "a transfer of a case they do not own",
                });
            }
            if let Some(organisation) = to_organisation {
                // Another organisation receives the whole case: a supervisor's decision, and a
                // disclosure the person must have agreed to, as for a referral to it.
                if action.role != Role::Supervisor {
                    return Err(CaseError::RoleMayNot {
                        role: action.role,
                        action: "a transfer of a case to another organisation",
                    });
                }
                case.consent_for(&ConsentPurpose::Referral(organisation.clone()))?;
                next.transferred_to = Some(organisation.clone());
            }
            next.owner = to.clone();
        }
        What::Review => {
            check_role(action)?;
            next.reviews.push(at);
        }
        What::AttachDocument {
            document,
            kind,
            media_type,
            size_bytes,
            sha256,
        } => {
            check_role(action)?;
            documents::check_size(*size_bytes)?;
            if case.document(document).is_some() {
                return Err(CaseError::Duplicate(format!("document {document}")));
            }
            next.documents.push(Document {
                id: document.clone(),
                kind: *kind,
                media_type: *media_type,
                size_bytes: *size_bytes,
                sha256: sha256.clone(),
                attached_by: action.by.clone(),
                attached_at: at,
                removed: None,
            });
        }
        What::RemoveDocument { document, reason } => {
            check_role(action)?;
            not_empty(reason, "the reason for removing the document")?;
            let removed = next
                .documents
                .iter_mut()
                .find(|d| &d.id == document)
                .ok_or(CaseError::Unknown("document"))?;
            if removed.removed.is_some() {
                return Err(CaseError::DocumentRemoved(document.clone()));
            }
            removed.removed = Some(Removal {
                reason: reason.clone(),
                by: action.by.clone(),
                at,
            });
        }
        What::Close { status, reason } => {
            not_empty(reason, "the reason for closure")?;
            move_to(&mut next, action, profile, Stage::Closed)?;
            next.closure = Some(Closure {
                status: *status,
                reason: reason.clone(),
                at,
            });
        }
    }
    Ok(next)
}

/// Ends a consent, withdrawn or no longer valid, and suspends whatever relied on it: the
/// recipient receives nothing more.
fn end_consent(case: &mut Case, id: &ConsentId, at: Timestamp) {
    for consent in case.consents.iter_mut().filter(|c| &c.id == id) {
        consent.withdrawn_at = Some(at);
    }
    for referral in &mut case.referrals {
        if referral.status.is_active() && referral.basis == ReferralBasis::Consent(id.clone()) {
            referral.status = ReferralStatus::Suspended {
                consent: id.clone(),
            };
        }
    }
}

fn check_role(action: &CaseAction) -> Result<(), CaseError> {
    if action.what.roles().contains(&action.role) {
        Ok(())
    } else {
        Err(CaseError::RoleMayNot {
            role: action.role,
            action: action.what.name(),
        })
    }
}

/// Moves the case to another stage, as the profile allows and to whom it allows it.
fn move_to(
    case: &mut Case,
    action: &CaseAction,
    profile: &NrmProfile,
    to: Stage,
) -> Result<(), CaseError> {
    let roles = profile
        .roles_for(case.stage, to)
        .ok_or_else(|| CaseError::NotInProfile {
            profile: profile.id.clone(),
            from: case.stage.id(),
            to: to.id(),
        })?;
    if !roles.contains(&action.role) {
        return Err(CaseError::RoleMayNot {
            role: action.role,
            action: action.what.name(),
        });
    }
    case.stage = to;
    Ok(())
}

fn send_referral(
    case: &mut Case,
    action: &CaseAction,
    profile: &NrmProfile,
    id: &ReferralId,
    to: &Recipient,
    fields: &BTreeSet<SharedField>,
    basis: ReferralBasis,
) -> Result<(), CaseError> {
    if case.referral(id).is_some() {
        return Err(CaseError::Duplicate(format!("referral {id}")));
    }
    let beyond = to.role.beyond_minimum(fields);
    if !beyond.is_empty() {
        return Err(CaseError::BeyondMinimumData {
            role: to.role,
            fields: beyond,
        });
    }
    // The first referral to the competent authority moves the case into the mechanism.
    if to.role == RecipientRole::CompetentAuthority
        && matches!(case.stage, Stage::Identified | Stage::AnonymousNotification)
    {
        move_to(case, action, profile, Stage::Referred)?;
    } else {
        check_role(action)?;
    }
    case.referrals.push(Referral {
        id: id.clone(),
        recipient: to.clone(),
        fields: fields.clone(),
        basis,
        sent_by: action.by.clone(),
        sent_at: action.at,
        status: ReferralStatus::Sent,
    });
    Ok(())
}

fn respond(
    case: &mut Case,
    id: &ReferralId,
    action: &CaseAction,
    next: impl FnOnce(&ReferralStatus) -> Option<ReferralStatus>,
) -> Result<(), CaseError> {
    let referral = case
        .referrals
        .iter_mut()
        .find(|r| &r.id == id)
        .ok_or(CaseError::Unknown("referral"))?;
    let status = next(&referral.status).ok_or_else(|| CaseError::ReferralIs {
        referral: id.clone(),
        status: referral.status.id(),
        action: action.what.name(),
    })?;
    referral.status = status;
    Ok(())
}

fn decide(
    case: &mut Case,
    action: &CaseAction,
    profile: &NrmProfile,
    kind: DecisionKind,
    outcome: Outcome,
    reasons: &str,
    evidence: &[String],
) -> Result<(), CaseError> {
    if action.role != Role::DecisionMaker {
        return Err(CaseError::OnlyDecisionMaker);
    }
    not_empty(reasons, "the reasons for the decision")?;
    if evidence.iter().all(|e| e.trim().is_empty()) {
        return Err(CaseError::Empty("the evidence relied on"));
    }
    let on_reconsideration = case.stage == Stage::Reconsideration;
    if let Some(reconsidered) = case.reconsideration.as_ref().filter(|_| on_reconsideration) {
        if reconsidered.of != kind {
            return Err(CaseError::ReconsiderationOf(reconsidered.of.id()));
        }
    } else {
        match kind {
            DecisionKind::ReasonableGrounds => {
                if case.stage != Stage::Referred {
                    return Err(CaseError::NeedsFirst {
                        action: "a reasonable-grounds decision",
                        needs: "a referral to the competent authority",
                    });
                }
            }
            DecisionKind::ConclusiveGrounds => {
                if case.stage != Stage::RecoveryPeriod {
                    return Err(CaseError::NeedsFirst {
                        action: "a conclusive-grounds decision",
                        needs: "a positive reasonable-grounds decision",
                    });
                }
                if let Some(period) = case.recovery_period(profile)
                    && profile.conclusive_grounds_not_before_recovery_period_end
                    && action.at.date() < period.ends
                {
                    return Err(CaseError::BeforeRecoveryPeriodEnds(period.ends));
                }
            }
        }
    }
    // The person may leave the mechanism at any time: once the referral is withdrawn, suspended
    // or revoked, the competent authority decides nothing more.
    if case.active_competent_authority_referral().is_none() {
        return Err(CaseError::NoActiveCompetentAuthorityReferral);
    }
    let to = match (kind, outcome) {
        (DecisionKind::ReasonableGrounds, Outcome::Positive) => Stage::RecoveryPeriod,
        (DecisionKind::ConclusiveGrounds, Outcome::Positive) => Stage::Recognised,
        (_, Outcome::Negative) => Stage::NotIdentified,
    };
    move_to(case, action, profile, to)?;
    let threshold = match kind {
        DecisionKind::ReasonableGrounds => &profile.thresholds.reasonable_grounds,
        DecisionKind::ConclusiveGrounds => &profile.thresholds.conclusive_grounds,
    };
    case.decisions.push(Decision {
        kind,
        outcome,
        threshold: threshold.clone(),
        reasons: reasons.to_string(),
        evidence: evidence.to_vec(),
        decided_by: action.by.clone(),
        at: action.at,
        on_reconsideration,
    });
    Ok(())
}

fn not_empty(text: &str, what: &'static str) -> Result<(), CaseError> {
    if text.trim().is_empty() {
        Err(CaseError::Empty(what))
    } else {
        Ok(())
    }
}

fn check_country(code: &str) -> Result<(), CaseError> {
    if code.len() == 2 && code.chars().all(|c| c.is_ascii_uppercase()) {
        Ok(())
    } else {
        Err(CaseError::BadCountry)
    }
}
