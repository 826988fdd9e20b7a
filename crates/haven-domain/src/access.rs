//! Who may do what with a record. Every access decision in Haven is made here, from the actor's
//! role, the actor's relationship to the record, and the class of fields touched; the store and
//! the server only ask.
//!
//! The policy is a table read top to bottom: a role is granted actions on field classes for
//! given relationships, and everything not granted is denied with the reason.

use std::fmt;

/// The roles of Haven's users.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Role {
    Screener,
    Caseworker,
    Supervisor,
    DecisionMaker,
    Provider,
    Registrar,
    Trainer,
    Statistician,
    Admin,
}

impl Role {
    pub const ALL: [Role; 9] = [
        Role::Screener,
        Role::Caseworker,
        Role::Supervisor,
        Role::DecisionMaker,
        Role::Provider,
        Role::Registrar,
        Role::Trainer,
        Role::Statistician,
        Role::Admin,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Role::Screener => "screener",
            Role::Caseworker => "caseworker",
            Role::Supervisor => "supervisor",
            Role::DecisionMaker => "decision_maker",
            Role::Provider => "provider",
            Role::Registrar => "registrar",
            Role::Trainer => "trainer",
            Role::Statistician => "statistician",
            Role::Admin => "admin",
        }
    }

    pub fn parse(id: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.id() == id)
    }

    /// Roles that may see identity fields must sign in with a second factor, unless the
    /// organisation's admin has turned that off.
    pub fn may_see_identity(self) -> bool {
        Relationship::ALL
            .iter()
            .any(|rel| decide(self, *rel, FieldClass::Identity, Action::View).is_allowed())
    }
}

serde_as_code!(
    Role,
    |r: &Role| r.id(),
    Role::parse,
    "a role (screener, caseworker, supervisor, decision_maker, provider, registrar, trainer, statistician, admin)"
);

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// How the actor stands to the record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Relationship {
    /// The actor created or was given ownership of the record.
    Owner,
    /// The record's owner assigned the actor to it.
    Assigned,
    /// The record was referred to the actor's organisation, which accepted the referral.
    ReferredAndAccepted,
    /// The actor supervises the team of the record's owner.
    SupervisorOfOwnersTeam,
    /// None of the above.
    Unrelated,
}

impl Relationship {
    pub const ALL: [Relationship; 5] = [
        Relationship::Owner,
        Relationship::Assigned,
        Relationship::ReferredAndAccepted,
        Relationship::SupervisorOfOwnersTeam,
        Relationship::Unrelated,
    ];
}

/// The class of fields an action touches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FieldClass {
    /// Pseudonymous case fields: screening facts and results, states, dates, codes.
    Case,
    /// Identifying fields in the vault: names, dates of birth, documents, contacts, addresses,
    /// narratives.
    Identity,
    /// Counts over many records, after the release policy.
    Aggregate,
}

impl FieldClass {
    pub const ALL: [FieldClass; 3] = [
        FieldClass::Case,
        FieldClass::Identity,
        FieldClass::Aggregate,
    ];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Action {
    View,
    /// Append an action to the record's history (create, add facts, decide, refer).
    Record,
    /// Crypto-shred a person's identity.
    Erase,
}

impl Action {
    pub const ALL: [Action; 3] = [Action::View, Action::Record, Action::Erase];
}

/// Administration of the installation itself, apart from records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum AdminAction {
    ManageOrganisations,
    ManageUsers,
    ReadAuditLog,
    /// Choose the installation's jurisdiction profile.
    ChooseProfile,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Allow,
    Deny(DenyReason),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DenyReason {
    /// The role never has this access (e.g. a statistician and identity fields).
    RoleNotPermitted,
    /// The role has this access only to records it stands in a closer relationship to.
    NoRelationship,
}

impl Decision {
    pub fn is_allowed(self) -> bool {
        self == Decision::Allow
    }
}

impl fmt::Display for DenyReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            DenyReason::RoleNotPermitted => "your role does not give this access",
            DenyReason::NoRelationship => {
                "you are not the owner, assigned to it, its accepted recipient, or the supervisor of its owner's team"
            }
        })
    }
}

/// The access decision for a record.
pub fn decide(
    role: Role,
    relationship: Relationship,
    class: FieldClass,
    action: Action,
) -> Decision {
    use Action::*;
    use FieldClass::*;
    use Relationship::*;
    use Role::*;

    // Aggregates are not records: anyone whose work needs statistics may view them.
    if class == Aggregate {
        return match (role, action) {
            (Supervisor | DecisionMaker | Statistician | Trainer | Admin, View) => Decision::Allow,
            _ => Decision::Deny(DenyReason::RoleNotPermitted),
        };
    }
    let granted: &[(Relationship, FieldClass, Action)] = match role {
        // A screener works on the screenings they took, and nothing else.
        Screener => &[
            (Owner, Case, View),
            (Owner, Case, Record),
            (Owner, Identity, View),
            (Owner, Identity, Record),
        ],
        Caseworker => &[
            (Owner, Case, View),
            (Owner, Case, Record),
            (Owner, Identity, View),
            (Owner, Identity, Record),
            (Assigned, Case, View),
            (Assigned, Case, Record),
            (Assigned, Identity, View),
            (Assigned, Identity, Record),
        ],
        // A supervisor oversees the team's cases and acts on erasure requests for them.
        Supervisor => &[
            (Owner, Case, View),
            (Owner, Case, Record),
            (Owner, Identity, View),
            (Owner, Identity, Record),
            (SupervisorOfOwnersTeam, Case, View),
            (SupervisorOfOwnersTeam, Case, Record),
            (SupervisorOfOwnersTeam, Identity, View),
            (SupervisorOfOwnersTeam, Identity, Erase),
            (Owner, Identity, Erase),
        ],
        // The competent authority decides on cases referred to it; the decision letter needs
        // the person's name and address.
        DecisionMaker => &[
            (ReferredAndAccepted, Case, View),
            (ReferredAndAccepted, Case, Record),
            (ReferredAndAccepted, Identity, View),
            (Assigned, Case, View),
            (Assigned, Case, Record),
            (Assigned, Identity, View),
        ],
        // A provider sees what was shared with it once it accepted the referral.
        Provider => &[
            (ReferredAndAccepted, Case, View),
            (ReferredAndAccepted, Case, Record),
            (ReferredAndAccepted, Identity, View),
        ],
        // Registrars keep civil registration records of their own.
        Registrar => &[
            (Owner, Case, View),
            (Owner, Case, Record),
            (Owner, Identity, View),
            (Owner, Identity, Record),
        ],
        // Trainers, statisticians and admins never open a record: separation of duties.
        Trainer | Statistician | Admin => &[],
    };
    if granted.contains(&(relationship, class, action)) {
        Decision::Allow
    } else if granted.iter().any(|(_, c, a)| *c == class && *a == action) {
        Decision::Deny(DenyReason::NoRelationship)
    } else {
        Decision::Deny(DenyReason::RoleNotPermitted)
    }
}

/// The decision for administering the installation.
/// Who may accept or decline a referral: the receiving organisation's providers and decision
/// makers. Until they accept, their relationship to the case is still `Unrelated`, so this is
/// the one thing they may record on it.
pub fn decide_referral_answer(role: Role, actor_organisation: &str, recipient: &str) -> Decision {
    match role {
        Role::Provider | Role::DecisionMaker if actor_organisation == recipient => Decision::Allow,
        Role::Provider | Role::DecisionMaker => Decision::Deny(DenyReason::NoRelationship),
        _ => Decision::Deny(DenyReason::RoleNotPermitted),
    }
}

/// Who keeps the service directory: admins for every organisation, providers for their own
/// organisation's services (capacity changes daily and they know it first).
pub fn decide_directory(role: Role, actor_organisation: &str, provider: &str) -> Decision {
    match role {
        Role::Admin => Decision::Allow,
        Role::Provider if actor_organisation == provider => Decision::Allow,
        Role::Provider => Decision::Deny(DenyReason::NoRelationship),
        _ => Decision::Deny(DenyReason::RoleNotPermitted),
    }
}

pub fn decide_admin(role: Role, action: AdminAction) -> Decision {
    // Others see the audit of a record through its access history, under the record's policy.
    match (role, action) {
        (Role::Admin, _) => Decision::Allow,
        _ => Decision::Deny(DenyReason::RoleNotPermitted),
    }
}

/// What is done with statistics and with data exchanged with other agencies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ExchangeAction {
    /// Run a report: aggregates, published only through the release policy.
    ReleaseAggregates,
    /// Set a dataset's total differential-privacy budget.
    SetPrivacyBudget,
    /// Export k-anonymised microdata (CTDC).
    ExportAnonymisedMicrodata,
    /// Export case records in HTCDS names (identifying fields only with a consent to transfer).
    ExportCaseRecords,
    /// Import case records from another agency's HTCDS file.
    ImportCaseRecords,
}

impl ExchangeAction {
    pub const ALL: [ExchangeAction; 5] = [
        ExchangeAction::ReleaseAggregates,
        ExchangeAction::SetPrivacyBudget,
        ExchangeAction::ExportAnonymisedMicrodata,
        ExchangeAction::ExportCaseRecords,
        ExchangeAction::ImportCaseRecords,
    ];
}

/// Who may release statistics and exchange data. Reports follow the aggregate policy (anyone
/// whose work needs statistics); the budget and anonymised microdata are the statistician's (and
/// the admin's); case records leave or enter the installation only by an admin.
pub fn decide_exchange(role: Role, action: ExchangeAction) -> Decision {
    match (action, role) {
        (ExchangeAction::ReleaseAggregates, _) => decide(
            role,
            Relationship::Unrelated,
            FieldClass::Aggregate,
            Action::View,
        ),
        (
            ExchangeAction::SetPrivacyBudget | ExchangeAction::ExportAnonymisedMicrodata,
            Role::Statistician | Role::Admin,
        ) => Decision::Allow,
        (ExchangeAction::ExportCaseRecords | ExchangeAction::ImportCaseRecords, Role::Admin) => {
            Decision::Allow
        }
        _ => Decision::Deny(DenyReason::RoleNotPermitted),
    }
}

/// The facts that fix an actor's relationship to a record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor<'a> {
    pub user_id: &'a str,
    pub organisation_id: &'a str,
    pub role: Role,
    /// Teams this user supervises.
    pub supervises_teams: &'a [String],
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordParties<'a> {
    pub owner_user_id: &'a str,
    pub owner_team_id: Option<&'a str>,
    pub assigned_user_ids: &'a [String],
    /// Organisations that accepted a referral of the record and still hold it.
    pub accepted_organisation_ids: &'a [String],
}

/// The closest relationship the actor has to the record.
pub fn relationship(actor: &Actor<'_>, record: &RecordParties<'_>) -> Relationship {
    relationships(actor, record)[0]
}

/// Every relationship the actor has to the record, closest first; `Unrelated` when none.
pub fn relationships(actor: &Actor<'_>, record: &RecordParties<'_>) -> Vec<Relationship> {
    let candidates = [
        (Relationship::Owner, actor.user_id == record.owner_user_id),
        (
            Relationship::Assigned,
            record.assigned_user_ids.iter().any(|u| u == actor.user_id),
        ),
        (
            Relationship::ReferredAndAccepted,
            record
                .accepted_organisation_ids
                .iter()
                .any(|o| o == actor.organisation_id),
        ),
        (
            Relationship::SupervisorOfOwnersTeam,
            record
                .owner_team_id
                .is_some_and(|team| actor.supervises_teams.iter().any(|t| t == team)),
        ),
    ];
    let held: Vec<Relationship> = candidates
        .into_iter()
        .filter_map(|(relationship, holds)| holds.then_some(relationship))
        .collect();
    if held.is_empty() {
        vec![Relationship::Unrelated]
    } else {
        held
    }
}

/// The decision for an actor on a record: allowed when any relationship the actor holds allows
/// it — a supervisor whose organisation also accepted a referral of the case is still the
/// supervisor of its owner's team. A refusal gives the reason for the closest relationship.
pub fn decide_on_record(
    actor: &Actor<'_>,
    record: &RecordParties<'_>,
    class: FieldClass,
    action: Action,
) -> Decision {
    let decisions: Vec<Decision> = relationships(actor, record)
        .into_iter()
        .map(|relationship| decide(actor.role, relationship, class, action))
        .collect();
    decisions
        .iter()
        .copied()
        .find(|d| d.is_allowed())
        .unwrap_or(decisions[0])
}
