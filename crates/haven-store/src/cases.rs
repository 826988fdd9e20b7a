//! Cases of the national referral mechanism. A case is its history: each action is sealed under
//! the person's data key (reasons, grounds and summaries identify people) and appended to
//! `record_actions`; the domain replays the history to the case and refuses what the case does
//! not allow. The `cases` and `case_referrals` tables are pseudonymous projections for lists,
//! queues and statistics, written in the same transaction.

use haven_crypto::{Aad, DataKey, open, seal};
use haven_domain::access::{self, Action, Decision, FieldClass, RecordParties, Role};
use haven_domain::case::{
    Case, CaseAction, CaseId, CivilDate, DueItem, NrmProfile, Opening, Timestamp, UserId, What,
    due_items, overdue_queue,
};
use serde_json::Value;

use crate::audit::{AuditActor, AuditEvent, append};
use crate::db::{Tx, on_db, on_tx};
use crate::vault::PersonRecord;
use crate::{Principal, Result, Store, StoreError, keystore, new_id, now_ms};

/// The profile an installation uses until an admin chooses another.
pub const DEFAULT_NRM_PROFILE: &str = "coe-generic";

/// How a case is opened.
#[derive(Debug, Clone, Default)]
pub struct OpenCase {
    pub person_id: String,
    /// The screening that found grounds or a risk; the child track follows its age track.
    pub screening_id: Option<String>,
    /// For a case opened without a screening: whether the person is (presumed) a child.
    pub child: Option<bool>,
    /// The person's language (BCP 47), for letters.
    pub language: Option<String>,
    /// Serious doubt remains about the person's age (an assessment may then be recorded). A
    /// screening whose age was not established, or only claimed or observed, implies it.
    pub age_in_doubt: bool,
}

/// A case as its history makes it, with what it waits for today.
#[derive(Debug, Clone, serde::Serialize)]
pub struct CaseRecord {
    pub id: String,
    pub person_id: String,
    pub screening_id: Option<String>,
    pub organisation_id: String,
    pub owner_team_id: Option<String>,
    pub profile_id: String,
    /// The number of actions in the history; give it back to record the next one.
    pub version: i64,
    pub case: Case,
    pub due: Vec<DueItem>,
}

/// A line of a list of cases (projection only: nothing identifying).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, sqlx::FromRow)]
pub struct CaseSummary {
    pub id: String,
    pub person_id: String,
    pub organisation_id: String,
    pub owner_user_id: String,
    pub owner_team_id: Option<String>,
    pub profile_id: String,
    pub stage: String,
    pub status: String,
    pub child: bool,
    pub opened_at: i64,
    pub last_action_at: i64,
    pub version: i64,
    pub positive_decision_at: Option<i64>,
    pub next_due: Option<String>,
    pub non_punishment_alert: bool,
}

/// One entry of a case's history, as the case page shows it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct CaseHistoryEntry {
    pub seq: i64,
    #[serde(flatten)]
    pub action: CaseAction,
}

/// A referral waiting in, or answered by, the receiving organisation: only what the referral
/// shares.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct InboxEntry {
    pub case_id: String,
    pub referral_id: String,
    pub recipient_role: String,
    pub status: String,
    /// The classes of data shared with the recipient.
    pub fields: Vec<String>,
    pub sent_at: i64,
}

/// What a referral shares, field by field (`None`: not recorded).
#[derive(Debug, Clone, serde::Serialize)]
pub struct SharedView {
    pub case_id: String,
    pub referral_id: String,
    pub status: String,
    pub sent_at: i64,
    pub values: Vec<(String, Option<String>)>,
}

/// An item past its due day, on a case the caller may see.
#[derive(Debug, Clone, serde::Serialize)]
pub struct OverdueEntry {
    pub case_id: String,
    pub owner_user_id: String,
    #[serde(flatten)]
    pub item: DueItem,
}

/// Which cases to list.
#[derive(Debug, Clone, Default)]
pub struct CaseFilter {
    pub stage: Option<String>,
    pub child: Option<bool>,
    pub limit: i64,
    /// Cases whose last action is older than this (paging).
    pub before: Option<i64>,
}

impl Store {
    /// The installation's jurisdiction profile.
    pub async fn nrm_profile(&self) -> Result<&'static NrmProfile> {
        let chosen: Option<(String,)> = on_db!(&self.db, p => sqlx::query_as(
            "SELECT value FROM settings WHERE key = 'nrm_profile'")
            .fetch_optional(p)
            .await?);
        let id = chosen.map_or_else(|| DEFAULT_NRM_PROFILE.to_string(), |(id,)| id);
        profile_by_id(&id)
    }

    /// Chooses the jurisdiction profile for new cases; open cases keep the one they began under.
    pub async fn set_nrm_profile(&self, principal: &Principal, id: &str) -> Result<()> {
        if let Decision::Deny(reason) =
            access::decide_admin(principal.role, access::AdminAction::ChooseProfile)
        {
            return Err(StoreError::Forbidden(reason.to_string()));
        }
        profile_by_id(id)?;
        let mut tx = self.db.begin_write().await?;
        on_tx!(&mut tx, c => sqlx::query(
            "INSERT INTO settings (key, value, updated_at) VALUES ('nrm_profile', $1, $2) \
             ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at")
            .bind(id)
            .bind(now_ms())
            .execute(&mut **c)
            .await?.rows_affected());
        append(
            &mut tx,
            AuditActor::User(principal),
            &AuditEvent::new("settings.nrm_profile", "administration").fields([id]),
        )
        .await?;
        tx.commit().await
    }

    /// Opens a case for a person, from a screening or directly; the caller owns it.
    pub async fn open_case(&self, principal: &Principal, open: &OpenCase) -> Result<CaseRecord> {
        self.open_case_at(principal, open, now_ms()).await
    }

    /// [`Store::open_case`] at a given moment, for imports and the demo's backdated histories.
    pub async fn open_case_at(
        &self,
        principal: &Principal,
        open: &OpenCase,
        at: i64,
    ) -> Result<CaseRecord> {
        let person = self.person_parties(&open.person_id).await?;
        self.authorise(
            principal,
            &person.as_parties(),
            FieldClass::Case,
            Action::Record,
            ("person", &person.id),
        )
        .await?;
        let (opening, child, age_in_doubt) = match &open.screening_id {
            Some(screening_id) => {
                let screening = self.screening(principal, screening_id).await?;
                if screening.person_id.as_deref() != Some(person.id.as_str()) {
                    return Err(StoreError::invalid(
                        "screening_id",
                        "that screening is not of this person",
                    ));
                }
                let treated_as_child = screening.result["treated_as_child"]
                    .as_bool()
                    .unwrap_or(false);
                let age = &screening.input["age"];
                let age_unsettled = age["years"].is_null()
                    || matches!(age["basis"].as_str(), Some("claimed" | "observed"));
                (
                    Opening::Screening(screening_id.clone()),
                    treated_as_child,
                    open.age_in_doubt || age_unsettled,
                )
            }
            None => (
                Opening::Direct,
                open.child.ok_or_else(|| {
                    StoreError::invalid(
                        "child",
                        "say whether the person is (presumed) a child when there is no screening",
                    )
                })?,
                open.age_in_doubt,
            ),
        };
        let profile = self.nrm_profile().await?;
        let key = self.live_person_key(&person).await?;
        let id = new_id();
        let action = CaseAction {
            by: UserId(principal.user_id.clone()),
            role: principal.role,
            at: Timestamp(at),
            what: What::Open {
                case: CaseId(id.clone()),
                opening,
                child,
                age_in_doubt,
                language: open.language.clone(),
            },
        };
        let case = Case::open(&action).map_err(refused)?;
        let row = CaseRow {
            id,
            person_id: person.id.clone(),
            screening_id: open.screening_id.clone(),
            organisation_id: principal.organisation_id.clone(),
            owner_team_id: principal.team_id.clone(),
            profile_id: profile.id.clone(),
            version: 0,
        };
        self.commit_case_action(principal, &row, &key, profile, &action, &case)
            .await
    }

    /// Records an action on a case. `expected_version` (the version the caller last saw) makes a
    /// concurrent change a conflict instead of a silent overwrite.
    pub async fn record_case_action(
        &self,
        principal: &Principal,
        case_id: &str,
        expected_version: Option<i64>,
        what: What,
    ) -> Result<CaseRecord> {
        self.record_case_action_at(principal, case_id, expected_version, what, now_ms())
            .await
    }

    /// [`Store::record_case_action`] at a given moment (never before the case's last action),
    /// for imports and the demo's backdated histories.
    pub async fn record_case_action_at(
        &self,
        principal: &Principal,
        case_id: &str,
        expected_version: Option<i64>,
        what: What,
        at: i64,
    ) -> Result<CaseRecord> {
        let row = self.case_row(case_id).await?;
        if let Some(expected) = expected_version
            && expected != row.version
        {
            return Err(StoreError::Conflict(format!(
                "case {case_id} changed while you were working on it (version {expected} is now {}); reload it and try again",
                row.version
            )));
        }
        let person = self.person_parties(&row.person_id).await?;
        let key = self.live_person_key(&person).await?;
        let profile = profile_by_id(&row.profile_id)?;
        let history = self.case_history_with(&row, &key).await?;
        let case = replay(&history, profile)?;
        self.authorise_case_action(principal, &row, &person, &case, &what)
            .await?;
        let action = CaseAction {
            by: UserId(principal.user_id.clone()),
            role: principal.role,
            at: Timestamp(at.max(case.last_action_at.0)),
            what,
        };
        let next = haven_domain::case::apply(&case, &action, profile).map_err(refused)?;
        self.commit_case_action(principal, &row, &key, profile, &action, &next)
            .await
    }

    /// The case, replayed from its history. Its history holds identifying text, so reading it
    /// is an audited read under the identity policy.
    pub async fn case(&self, principal: &Principal, case_id: &str) -> Result<CaseRecord> {
        let (row, _, case) = self.read_case(principal, case_id, "case.read").await?;
        let profile = profile_by_id(&row.profile_id)?;
        Ok(row.record(case, profile))
    }

    /// The case's history, oldest first (an audited read, like the case).
    pub async fn case_history(
        &self,
        principal: &Principal,
        case_id: &str,
    ) -> Result<Vec<CaseHistoryEntry>> {
        let (_, history, _) = self
            .read_case(principal, case_id, "case.history.read")
            .await?;
        Ok(history
            .into_iter()
            .enumerate()
            .map(|(i, action)| CaseHistoryEntry {
                seq: i as i64 + 1,
                action,
            })
            .collect())
    }

    /// Who read or changed the case, oldest first ("who saw this record"), for those who may
    /// read the case itself.
    pub async fn case_access_history(
        &self,
        principal: &Principal,
        case_id: &str,
    ) -> Result<Vec<crate::AuditEntry>> {
        let parties = self.case_parties(case_id).await?;
        self.authorise(
            principal,
            &parties.as_record(),
            FieldClass::Identity,
            Action::View,
            ("case", case_id),
        )
        .await?;
        self.audit_entries_for_record(case_id).await
    }

    /// The cases the caller may see, most recently active first (projection only).
    pub async fn cases(
        &self,
        principal: &Principal,
        filter: &CaseFilter,
    ) -> Result<Vec<CaseSummary>> {
        let teams = principal.supervises_teams.join(",");
        let rows: Vec<CaseSummary> = on_db!(&self.db, p => sqlx::query_as(
            "SELECT id, person_id, organisation_id, owner_user_id, owner_team_id, profile_id, stage, status, child, opened_at, last_action_at, version, positive_decision_at, next_due, non_punishment_alert FROM cases \
             WHERE (owner_user_id = $1 \
                OR (owner_team_id IS NOT NULL AND ',' || $2 || ',' LIKE '%,' || owner_team_id || ',%') \
                OR person_id IN (SELECT person_id FROM person_assignments WHERE user_id = $1) \
                OR id IN (SELECT case_id FROM case_referrals WHERE recipient_organisation_id = $3 AND status = 'accepted')) \
             AND ($4 IS NULL OR stage = $4) AND ($5 IS NULL OR child = $5) AND last_action_at < $6 \
             ORDER BY last_action_at DESC, id DESC LIMIT $7")
            .bind(&principal.user_id)
            .bind(&teams)
            .bind(&principal.organisation_id)
            .bind(filter.stage.as_deref())
            .bind(filter.child)
            .bind(filter.before.unwrap_or(i64::MAX))
            .bind(filter.limit.clamp(1, 500))
            .fetch_all(p)
            .await?);
        // The query narrows; the domain decides, case by case.
        let mut visible = Vec::with_capacity(rows.len());
        for summary in rows {
            let parties = self.case_parties(&summary.id).await?;
            if self.may_on_case(principal, &parties, FieldClass::Case, Action::View) {
                visible.push(summary);
            }
        }
        Ok(visible)
    }

    /// How many cases are in each stage, over the whole installation (counts only, for the
    /// dashboard and the demo; published figures go through the release policy).
    pub async fn case_counts_by_stage(&self) -> Result<Vec<(String, i64)>> {
        let counts: Vec<(String, i64)> = on_db!(&self.db, p => sqlx::query_as(
            "SELECT stage, COUNT(*) FROM cases GROUP BY stage ORDER BY stage")
            .fetch_all(p)
            .await?);
        Ok(counts)
    }

    /// Referrals sent to the caller's organisation, newest first: its inbox.
    pub async fn referral_inbox(
        &self,
        principal: &Principal,
        status: Option<&str>,
    ) -> Result<Vec<InboxEntry>> {
        if !matches!(principal.role, Role::Provider | Role::DecisionMaker) {
            return Err(StoreError::Forbidden(
                access::DenyReason::RoleNotPermitted.to_string(),
            ));
        }
        let rows: Vec<(String, String, String, String, String, i64)> = on_db!(&self.db, p => sqlx::query_as(
            "SELECT case_id, referral_id, recipient_role, status, fields, sent_at FROM case_referrals \
             WHERE recipient_organisation_id = $1 AND ($2 IS NULL OR status = $2) ORDER BY sent_at DESC, case_id, referral_id LIMIT 500")
            .bind(&principal.organisation_id)
            .bind(status)
            .fetch_all(p)
            .await?);
        rows.into_iter()
            .map(
                |(case_id, referral_id, recipient_role, status, fields, sent_at)| {
                    Ok(InboxEntry {
                        case_id,
                        referral_id,
                        recipient_role,
                        status,
                        fields: serde_json::from_str(&fields).map_err(|e| {
                            StoreError::invalid("stored referral fields", e.to_string())
                        })?,
                        sent_at,
                    })
                },
            )
            .collect()
    }

    /// What a referral shares with its recipient, as the recipient sees it: only the classes of
    /// data recorded on the referral, for the receiving organisation's providers and decision
    /// makers, whether or not they have accepted it yet. Audited, with the classes read.
    pub async fn shared_with_recipient(
        &self,
        principal: &Principal,
        case_id: &str,
        referral_id: &str,
    ) -> Result<SharedView> {
        let row = self.case_row(case_id).await?;
        let person = self.person_parties(&row.person_id).await?;
        let key = self.live_person_key(&person).await?;
        let profile = profile_by_id(&row.profile_id)?;
        let case = replay(&self.case_history_with(&row, &key).await?, profile)?;
        let referral = case
            .referral(&haven_domain::case::ReferralId(referral_id.to_string()))
            .ok_or_else(|| StoreError::NotFound {
                what: "referral",
                id: referral_id.to_string(),
            })?;
        if let Decision::Deny(reason) = access::decide_referral_answer(
            principal.role,
            &principal.organisation_id,
            &referral.recipient.organisation.0,
        ) {
            self.audit(
                AuditActor::User(principal),
                AuditEvent::new("access.denied", "read a referral")
                    .record("case", case_id)
                    .outcome(crate::AuditOutcome::Denied),
            )
            .await?;
            return Err(StoreError::Forbidden(reason.to_string()));
        }
        let screening: Option<(String, String, String)> = match &row.screening_id {
            Some(id) => on_db!(&self.db, p => sqlx::query_as(
                "SELECT sex, exploitation_type, legal_outcome FROM screenings WHERE id = $1")
                .bind(id)
                .fetch_optional(p)
                .await?),
            None => None,
        };
        let identity_fields: Vec<crate::IdentityField> = referral
            .fields
            .iter()
            .flat_map(|f| identity_fields_of(*f).iter().copied())
            .collect();
        let identity = if identity_fields.is_empty() {
            crate::IdentityRecord::new()
        } else {
            let identity = self
                .decrypt_identity_for(&person.id, &key, &identity_fields)
                .await?;
            self.audit(
                AuditActor::User(principal),
                AuditEvent::new("identity.read", "referral")
                    .record("person", &person.id)
                    .fields(identity.keys().map(|f| f.id())),
            )
            .await?;
            identity
        };
        let shared_names: Vec<String> = referral
            .fields
            .iter()
            .map(|f| {
                serde_json::to_value(f)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default()
            })
            .collect();
        let mut values = Vec::new();
        for field in &referral.fields {
            use haven_domain::case::SharedField::*;
            let value = match field {
                CaseReference => Some(case_id.to_string()),
                Gender => screening.as_ref().map(|s| s.0.clone()),
                AgeGroup => Some(if case.is_child() { "child" } else { "adult" }.to_string()),
                Language => case.language.clone(),
                ExploitationType => screening.as_ref().map(|s| s.1.clone()),
                ScreeningResult => screening.as_ref().map(|s| s.2.clone()),
                Needs => case.needs.as_ref().map(|n| {
                    n.services
                        .iter()
                        .map(|k| {
                            serde_json::to_value(k)
                                .ok()
                                .and_then(|v| v.as_str().map(str::to_string))
                                .unwrap_or_default()
                        })
                        .collect::<Vec<_>>()
                        .join(", ")
                }),
                GuardianContact => match case.guardian() {
                    Some(g) => Some(self.user(&g.guardian.0).await?.display_name),
                    None => None,
                },
                SafetyRisks => None,
                Name | DateOfBirth | ContactDetails | Narrative => {
                    let parts: Vec<&str> = identity_fields_of(*field)
                        .iter()
                        .filter_map(|f| identity.get(f).map(String::as_str))
                        .collect();
                    (!parts.is_empty()).then(|| parts.join(" "))
                }
            };
            let name = serde_json::to_value(field)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default();
            values.push((name, value));
        }
        self.audit(
            AuditActor::User(principal),
            AuditEvent::new("referral.shared.read", "answer a referral")
                .record("case", case_id)
                .fields(shared_names),
        )
        .await?;
        Ok(SharedView {
            case_id: case_id.to_string(),
            referral_id: referral_id.to_string(),
            status: referral.status.id().to_string(),
            sent_at: referral.sent_at.0,
            values,
        })
    }

    /// Items past their due day on the cases the caller may see, longest overdue first: the
    /// queue a caseworker works from and the supervisor watches for escalations.
    pub async fn overdue(&self, principal: &Principal, now: i64) -> Result<Vec<OverdueEntry>> {
        let today = Timestamp(now).date().to_string();
        let teams = principal.supervises_teams.join(",");
        let rows: Vec<(String,)> = on_db!(&self.db, p => sqlx::query_as(
            "SELECT id FROM cases WHERE next_due < $1 AND (owner_user_id = $2 \
                OR (owner_team_id IS NOT NULL AND ',' || $3 || ',' LIKE '%,' || owner_team_id || ',%') \
                OR person_id IN (SELECT person_id FROM person_assignments WHERE user_id = $2) \
                OR id IN (SELECT case_id FROM case_referrals WHERE recipient_organisation_id = $4 AND status = 'accepted')) \
             ORDER BY next_due, id LIMIT 1000")
            .bind(&today)
            .bind(&principal.user_id)
            .bind(&teams)
            .bind(&principal.organisation_id)
            .fetch_all(p)
            .await?);
        let mut cases: Vec<(Case, String)> = Vec::new();
        let mut profiles: Vec<&'static NrmProfile> = Vec::new();
        for (case_id,) in rows {
            let row = self.case_row(&case_id).await?;
            let parties = self.case_parties(&case_id).await?;
            if !self.may_on_case(principal, &parties, FieldClass::Case, Action::View) {
                continue;
            }
            let person = self.person_parties(&row.person_id).await?;
            let Ok(key) = self.live_person_key(&person).await else {
                continue;
            };
            let profile = profile_by_id(&row.profile_id)?;
            let case = replay(&self.case_history_with(&row, &key).await?, profile)?;
            cases.push((case, parties.owner_user_id));
            profiles.push(profile);
        }
        let mut entries = Vec::new();
        for ((case, owner), profile) in cases.iter().zip(profiles) {
            for (case_id, item) in overdue_queue([case], profile, Timestamp(now)) {
                entries.push(OverdueEntry {
                    case_id: case_id.0.clone(),
                    owner_user_id: owner.clone(),
                    item,
                });
            }
        }
        entries.sort_by(|a, b| a.item.due.cmp(&b.item.due).then(a.case_id.cmp(&b.case_id)));
        Ok(entries)
    }
}

impl Store {
    /// Reads and replays a case after the identity policy allows it, and audits the read.
    async fn read_case(
        &self,
        principal: &Principal,
        case_id: &str,
        audit_action: &str,
    ) -> Result<(CaseRow, Vec<CaseAction>, Case)> {
        let row = self.case_row(case_id).await?;
        let parties = self.case_parties(case_id).await?;
        self.authorise(
            principal,
            &parties.as_record(),
            FieldClass::Identity,
            Action::View,
            ("case", case_id),
        )
        .await?;
        let person = self.person_parties(&row.person_id).await?;
        let key = self.live_person_key(&person).await?;
        let history = self.case_history_with(&row, &key).await?;
        let case = replay(&history, profile_by_id(&row.profile_id)?)?;
        self.audit(
            AuditActor::User(principal),
            AuditEvent::new(audit_action, "case management")
                .record("case", case_id)
                .fields(["history"]),
        )
        .await?;
        Ok((row, history, case))
    }

    /// Asks the domain whether the principal may take this action on the case. Answering a
    /// referral is the receiving organisation's, before it has any other relationship to it.
    async fn authorise_case_action(
        &self,
        principal: &Principal,
        row: &CaseRow,
        person: &PersonRecord,
        case: &Case,
        what: &What,
    ) -> Result<()> {
        if let What::AcceptReferral { referral } | What::DeclineReferral { referral, .. } = what
            && let Some(sent) = case.referral(referral)
        {
            return match access::decide_referral_answer(
                principal.role,
                &principal.organisation_id,
                &sent.recipient.organisation.0,
            ) {
                Decision::Allow => Ok(()),
                Decision::Deny(reason) => {
                    self.audit(
                        AuditActor::User(principal),
                        AuditEvent::new("access.denied", "answer a referral")
                            .record("case", &row.id)
                            .outcome(crate::AuditOutcome::Denied),
                    )
                    .await?;
                    Err(StoreError::Forbidden(reason.to_string()))
                }
            };
        }
        let mut parties = self.case_parties(&row.id).await?;
        parties.assigned_user_ids = person.assigned_user_ids.clone();
        self.authorise(
            principal,
            &parties.as_record(),
            FieldClass::Case,
            Action::Record,
            ("case", &row.id),
        )
        .await
    }

    /// Appends the action (sealed), writes the projection and the audit entry in one
    /// transaction, and returns the case as it now is.
    async fn commit_case_action(
        &self,
        principal: &Principal,
        row: &CaseRow,
        key: &DataKey,
        profile: &'static NrmProfile,
        action: &CaseAction,
        next: &Case,
    ) -> Result<CaseRecord> {
        let seq = row.version + 1;
        let payload = seal_action(&row.id, seq, key, row, action)?;
        let name = action_name(&action.what);
        let mut tx = self.db.begin_write().await?;
        crate::screenings::append_action(
            &mut tx,
            principal,
            "case",
            &row.id,
            seq,
            &name,
            &payload,
            action.at.0,
        )
        .await?;
        let row = CaseRow {
            version: seq,
            ..row.clone()
        };
        project_case(&mut tx, &row, next, profile).await?;
        append(
            &mut tx,
            AuditActor::User(principal),
            &AuditEvent::new(&name, "case management").record("case", &row.id),
        )
        .await?;
        tx.commit().await?;
        Ok(row.record(next.clone(), profile))
    }

    async fn case_row(&self, case_id: &str) -> Result<CaseRow> {
        let row: Option<CaseRow> = on_db!(&self.db, p => sqlx::query_as(
            "SELECT id, person_id, screening_id, organisation_id, owner_team_id, profile_id, version FROM cases WHERE id = $1")
            .bind(case_id)
            .fetch_optional(p)
            .await?);
        row.ok_or_else(|| StoreError::NotFound {
            what: "case",
            id: case_id.to_string(),
        })
    }

    /// Who stands how to the case: its owner, the person's assignees, and the organisations
    /// that accepted a referral of it.
    async fn case_parties(&self, case_id: &str) -> Result<CaseParties> {
        let (owner_user_id, owner_team_id, person_id): (String, Option<String>, String) =
            on_db!(&self.db, p => sqlx::query_as(
            "SELECT owner_user_id, owner_team_id, person_id FROM cases WHERE id = $1")
            .bind(case_id)
            .fetch_optional(p)
            .await?)
            .ok_or_else(|| StoreError::NotFound {
                what: "case",
                id: case_id.to_string(),
            })?;
        let assigned: Vec<(String,)> = on_db!(&self.db, p => sqlx::query_as(
            "SELECT user_id FROM person_assignments WHERE person_id = $1 ORDER BY user_id")
            .bind(&person_id)
            .fetch_all(p)
            .await?);
        let accepted: Vec<(String,)> = on_db!(&self.db, p => sqlx::query_as(
            "SELECT DISTINCT recipient_organisation_id FROM case_referrals WHERE case_id = $1 AND status = 'accepted' ORDER BY recipient_organisation_id")
            .bind(case_id)
            .fetch_all(p)
            .await?);
        Ok(CaseParties {
            owner_user_id,
            owner_team_id,
            assigned_user_ids: assigned.into_iter().map(|(u,)| u).collect(),
            accepted_organisation_ids: accepted.into_iter().map(|(o,)| o).collect(),
        })
    }

    fn may_on_case(
        &self,
        principal: &Principal,
        parties: &CaseParties,
        class: FieldClass,
        action: Action,
    ) -> bool {
        crate::decide_for(principal, &parties.as_record(), class, action).is_allowed()
    }

    /// The case's history, opened with the person's key.
    async fn case_history_with(&self, row: &CaseRow, key: &DataKey) -> Result<Vec<CaseAction>> {
        let rows: Vec<(i64, String)> = on_db!(&self.db, p => sqlx::query_as(
            "SELECT seq, payload FROM record_actions WHERE record_id = $1 AND record_type = 'case' ORDER BY seq")
            .bind(&row.id)
            .fetch_all(p)
            .await?);
        rows.into_iter()
            .map(|(seq, payload)| open_action(&row.id, seq, key, &payload))
            .collect()
    }

    /// Rebuilds the case projections from the histories (part of `rebuild_projections`).
    /// Cases of erased people cannot be replayed — their key is gone — and keep their
    /// pseudonymous projection, which is all that is left of them.
    pub(crate) async fn rebuild_case_projections(&self, tx: &mut Tx) -> Result<u64> {
        let openings: Vec<(String, String)> = on_tx!(tx, c => sqlx::query_as(
            "SELECT record_id, payload FROM record_actions WHERE record_type = 'case' AND seq = 1 ORDER BY record_id")
            .fetch_all(&mut **c).await?);
        let mut rebuilt = 0;
        for (case_id, first) in openings {
            let meta: Value = serde_json::from_str(&first)
                .map_err(|e| StoreError::invalid("stored case action", e.to_string()))?;
            let text = |field: &str| meta[field].as_str().map(str::to_string);
            let person_id = text("person_id").unwrap_or_default();
            let Some(key) = keystore::person_key(&self.keys, &self.keyring, &person_id).await?
            else {
                continue;
            };
            on_tx!(tx, c => sqlx::query("DELETE FROM case_referrals WHERE case_id = $1")
                .bind(&case_id)
                .execute(&mut **c).await?.rows_affected());
            let stored: Vec<(i64, String)> = on_tx!(tx, c => sqlx::query_as(
                "SELECT seq, payload FROM record_actions WHERE record_id = $1 AND record_type = 'case' ORDER BY seq")
                .bind(&case_id)
                .fetch_all(&mut **c)
                .await?);
            let history = stored
                .iter()
                .map(|(seq, payload)| open_action(&case_id, *seq, &key, payload))
                .collect::<Result<Vec<_>>>()?;
            let row = CaseRow {
                id: case_id,
                person_id,
                screening_id: text("screening_id"),
                organisation_id: text("organisation_id").unwrap_or_default(),
                owner_team_id: text("owner_team_id"),
                profile_id: text("profile_id").unwrap_or_default(),
                version: stored.len() as i64,
            };
            let profile = profile_by_id(&row.profile_id)?;
            let case = replay(&history, profile)?;
            project_case(tx, &row, &case, profile).await?;
            rebuilt += 1;
        }
        Ok(rebuilt)
    }
}

/// The identifying columns of a case, as the projection keeps them.
#[derive(Debug, Clone, sqlx::FromRow)]
struct CaseRow {
    id: String,
    person_id: String,
    screening_id: Option<String>,
    organisation_id: String,
    owner_team_id: Option<String>,
    profile_id: String,
    version: i64,
}

impl CaseRow {
    fn record(self, case: Case, profile: &NrmProfile) -> CaseRecord {
        let due = due_items(&case, profile, Timestamp(now_ms()));
        CaseRecord {
            id: self.id,
            person_id: self.person_id,
            screening_id: self.screening_id,
            organisation_id: self.organisation_id,
            owner_team_id: self.owner_team_id,
            profile_id: self.profile_id,
            version: self.version,
            case,
            due,
        }
    }
}

struct CaseParties {
    owner_user_id: String,
    owner_team_id: Option<String>,
    assigned_user_ids: Vec<String>,
    accepted_organisation_ids: Vec<String>,
}

impl CaseParties {
    fn as_record(&self) -> RecordParties<'_> {
        RecordParties {
            owner_user_id: &self.owner_user_id,
            owner_team_id: self.owner_team_id.as_deref(),
            assigned_user_ids: &self.assigned_user_ids,
            accepted_organisation_ids: &self.accepted_organisation_ids,
        }
    }
}

/// The vault fields behind a class of shared data.
fn identity_fields_of(field: haven_domain::case::SharedField) -> &'static [crate::IdentityField] {
    use crate::IdentityField as F;
    use haven_domain::case::SharedField as S;
    match field {
        S::Name => &[F::GivenName, F::FamilyName],
        S::DateOfBirth => &[F::DateOfBirth],
        S::ContactDetails => &[F::Phone, F::Email, F::Address],
        S::Narrative => &[F::Narrative],
        _ => &[],
    }
}

fn profile_by_id(id: &str) -> Result<&'static NrmProfile> {
    NrmProfile::embedded_by_id(id).ok_or_else(|| {
        let known: Vec<&str> = NrmProfile::embedded()
            .iter()
            .map(|p| p.id.as_str())
            .collect();
        StoreError::invalid(
            "profile",
            format!(
                "{id:?} is not a profile Haven has (it has {})",
                known.join(", ")
            ),
        )
    })
}

fn replay(history: &[CaseAction], profile: &NrmProfile) -> Result<Case> {
    Case::replay(history, profile).map_err(|(i, e)| {
        StoreError::Conflict(format!(
            "the stored history does not replay at action {}: {e}",
            i + 1
        ))
    })
}

fn refused(error: haven_domain::case::CaseError) -> StoreError {
    StoreError::Refused(error.to_string())
}

/// `case.` and the action's JSON tag, e.g. `case.give_consent`: what the audit log and the
/// history's clear column say happened, without any of its content.
fn action_name(what: &What) -> String {
    let tag = serde_json::to_value(what)
        .ok()
        .and_then(|v| v["action"].as_str().map(str::to_string))
        .unwrap_or_else(|| "unknown".to_string());
    format!("case.{tag}")
}

/// The stored payload: the case's clear metadata (for the projections' rebuild) and the action
/// sealed under the person's key, bound to the case and its place in the history.
fn seal_action(
    case_id: &str,
    seq: i64,
    key: &DataKey,
    row: &CaseRow,
    action: &CaseAction,
) -> Result<Value> {
    use base64::Engine;
    let plain = serde_json::to_vec(action)
        .map_err(|e| StoreError::invalid("case action", e.to_string()))?;
    let sealed = seal(key, 1, &plain, &action_aad(case_id, seq));
    Ok(serde_json::json!({
        "person_id": row.person_id,
        "screening_id": row.screening_id,
        "organisation_id": row.organisation_id,
        "owner_team_id": row.owner_team_id,
        "profile_id": row.profile_id,
        "sealed": base64::engine::general_purpose::STANDARD.encode(sealed),
    }))
}

fn open_action(case_id: &str, seq: i64, key: &DataKey, payload: &str) -> Result<CaseAction> {
    use base64::Engine;
    let payload: Value = serde_json::from_str(payload)
        .map_err(|e| StoreError::invalid("stored case action", e.to_string()))?;
    let sealed = base64::engine::general_purpose::STANDARD
        .decode(payload["sealed"].as_str().unwrap_or_default())
        .map_err(|e| StoreError::invalid("stored case action", e.to_string()))?;
    let plain = open(key, &sealed, &action_aad(case_id, seq))?;
    serde_json::from_slice(&plain).map_err(|e| {
        StoreError::invalid(
            "stored case action",
            format!("written by a newer Haven or damaged: {e}"),
        )
    })
}

fn action_aad(case_id: &str, seq: i64) -> Aad {
    Aad::new("record_actions", "case", &format!("{case_id}/{seq}"))
}

/// Writes the pseudonymous projection of the case and its referrals.
async fn project_case(tx: &mut Tx, row: &CaseRow, case: &Case, profile: &NrmProfile) -> Result<()> {
    let next_due: Option<CivilDate> = due_items(case, profile, case.last_action_at)
        .iter()
        .map(|item| item.due)
        .min();
    let positive_decision_at = case
        .decisions
        .iter()
        .find(|d| d.outcome == haven_domain::case::Outcome::Positive)
        .map(|d| d.at.0);
    let notified = case.anonymous_notification.as_ref();
    let exploitation = notified.map(|n| {
        n.exploitation
            .iter()
            .map(|e| e.code())
            .collect::<Vec<_>>()
            .join(",")
    });
    on_tx!(tx, c => sqlx::query(
        "INSERT INTO cases (id, person_id, screening_id, organisation_id, owner_user_id, owner_team_id, profile_id, stage, status, child, opened_at, last_action_at, version, positive_decision_at, next_due, non_punishment_alert, notified_gender, notified_exploitation, notified_country) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19) \
         ON CONFLICT (id) DO UPDATE SET owner_user_id = excluded.owner_user_id, stage = excluded.stage, status = excluded.status, child = excluded.child, \
         last_action_at = excluded.last_action_at, version = excluded.version, positive_decision_at = excluded.positive_decision_at, next_due = excluded.next_due, \
         non_punishment_alert = excluded.non_punishment_alert, notified_gender = excluded.notified_gender, notified_exploitation = excluded.notified_exploitation, notified_country = excluded.notified_country")
        .bind(&row.id)
        .bind(&row.person_id)
        .bind(&row.screening_id)
        .bind(&row.organisation_id)
        .bind(&case.owner.0)
        .bind(&row.owner_team_id)
        .bind(&row.profile_id)
        .bind(case.stage.id())
        .bind(case.status().code())
        .bind(case.is_child())
        .bind(case.opened_at.0)
        .bind(case.last_action_at.0)
        .bind(row.version)
        .bind(positive_decision_at)
        .bind(next_due.map(|d| d.to_string()))
        .bind(!case.non_punishment_alerts().is_empty())
        .bind(notified.map(|n| n.gender.code()))
        .bind(exploitation)
        .bind(notified.and_then(|n| n.country_of_exploitation.clone()))
        .execute(&mut **c)
        .await?.rows_affected());
    for referral in &case.referrals {
        let fields: Vec<Value> = referral
            .fields
            .iter()
            .map(|f| serde_json::to_value(f).unwrap_or(Value::Null))
            .collect();
        let role = serde_json::to_value(referral.recipient.role).unwrap_or(Value::Null);
        on_tx!(tx, c => sqlx::query(
            "INSERT INTO case_referrals (case_id, referral_id, recipient_organisation_id, recipient_role, status, fields, sent_at) VALUES ($1, $2, $3, $4, $5, $6, $7) \
             ON CONFLICT (case_id, referral_id) DO UPDATE SET status = excluded.status")
            .bind(&row.id)
            .bind(&referral.id.0)
            .bind(&referral.recipient.organisation.0)
            .bind(role.as_str().unwrap_or_default())
            .bind(referral.status.id())
            .bind(Value::Array(fields).to_string())
            .bind(referral.sent_at.0)
            .execute(&mut **c)
            .await?.rows_affected());
    }
    Ok(())
}
