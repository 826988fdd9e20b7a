//! Screenings: the identification engine's input and result, kept as an append-only history of
//! actions with a projection for reading, both written in one transaction.

use haven_domain::access::{Action, FieldClass, RecordParties};
use haven_domain::i18n::Localizer;
use haven_domain::identification::{
    self, Catalogue, LegalOutcome, ScreeningInput, ScreeningReport,
};
use serde_json::Value;

use crate::audit::{AuditActor, AuditEvent, append};
use crate::db::{Tx, on_db, on_tx};
use crate::{Principal, Result, Store, StoreError, new_id, now_ms};

/// A stored screening: its pseudonymous input and the engine's result.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ScreeningRecord {
    pub id: String,
    pub person_id: Option<String>,
    pub organisation_id: String,
    pub owner_user_id: String,
    pub created_at: i64,
    pub version: i64,
    pub input: Value,
    pub result: Value,
}

/// A line of a list of screenings.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, sqlx::FromRow)]
pub struct ScreeningSummary {
    pub id: String,
    pub person_id: Option<String>,
    pub created_at: i64,
    pub treated_as_child: bool,
    pub sex: String,
    pub exploitation_type: String,
    /// The most protective legal outcome over the profiles.
    pub legal_outcome: String,
}

impl Store {
    /// Runs the identification engine on `input` and stores input and result. The input is
    /// parsed by the domain first: invalid input is refused before anything is written.
    pub async fn record_screening(
        &self,
        principal: &Principal,
        person_id: Option<&str>,
        input: &Value,
    ) -> Result<ScreeningRecord> {
        let catalogue = Catalogue::embedded();
        let parsed = ScreeningInput::from_json(input, "input", catalogue).map_err(|e| {
            StoreError::Invalid {
                field: e.field,
                problem: e.problem,
            }
        })?;
        if let Some(person_id) = person_id {
            let person = self.person_parties(person_id).await?;
            self.authorise(
                principal,
                &person.as_parties(),
                FieldClass::Case,
                Action::Record,
                ("person", person_id),
            )
            .await?;
        }
        let own = RecordParties {
            owner_user_id: &principal.user_id,
            owner_team_id: principal.team_id.as_deref(),
            assigned_user_ids: &[],
            accepted_organisation_ids: &[],
        };
        let id = new_id();
        self.authorise(
            principal,
            &own,
            FieldClass::Case,
            Action::Record,
            ("screening", &id),
        )
        .await?;

        let screening = identification::screen(catalogue, &parsed.facts);
        let report = ScreeningReport::new(&screening, &Localizer::english());
        let result = serde_json::to_value(&report)
            .map_err(|e| StoreError::invalid("result", e.to_string()))?;
        let record = ScreeningRecord {
            id,
            person_id: person_id.map(str::to_string),
            organisation_id: principal.organisation_id.clone(),
            owner_user_id: principal.user_id.clone(),
            created_at: now_ms(),
            version: 1,
            input: input.clone(),
            result,
        };
        let payload = serde_json::json!({
            "person_id": record.person_id,
            "owner_team_id": principal.team_id,
            "input": record.input,
            "result": record.result,
        });
        let mut tx = self.db.begin_write().await?;
        append_action(
            &mut tx,
            principal,
            "screening",
            &record.id,
            1,
            "screening.recorded",
            &payload,
            record.created_at,
        )
        .await?;
        project_screening(
            &mut tx,
            &record.id,
            principal.organisation_id.as_str(),
            &principal.user_id,
            principal.team_id.as_deref(),
            record.created_at,
            &payload,
        )
        .await?;
        let event =
            AuditEvent::new("screening.record", "identification").record("screening", &record.id);
        append(&mut tx, AuditActor::User(principal), &event).await?;
        tx.commit().await?;
        Ok(record)
    }

    /// A screening the caller may view (case fields only: no identity, so not an audited read).
    pub async fn screening(&self, principal: &Principal, id: &str) -> Result<ScreeningRecord> {
        let row: Option<ScreeningRow> = on_db!(&self.db, p => sqlx::query_as(
            "SELECT id, person_id, organisation_id, owner_user_id, owner_team_id, created_at, version, treated_as_child, sex, exploitation_type, legal_outcome, input, result \
             FROM screenings WHERE id = $1")
            .bind(id)
            .fetch_optional(p)
            .await?);
        let ScreeningRow {
            id,
            person_id,
            organisation_id,
            owner_user_id,
            owner_team_id,
            created_at,
            version,
            input,
            result,
            ..
        } = row.ok_or_else(|| StoreError::NotFound {
            what: "screening",
            id: id.to_string(),
        })?;
        let parties = RecordParties {
            owner_user_id: &owner_user_id,
            owner_team_id: owner_team_id.as_deref(),
            assigned_user_ids: &[],
            accepted_organisation_ids: &[],
        };
        self.authorise(
            principal,
            &parties,
            FieldClass::Case,
            Action::View,
            ("screening", &id),
        )
        .await?;
        Ok(ScreeningRecord {
            id,
            person_id,
            organisation_id,
            owner_user_id,
            created_at,
            version,
            input: parse_json(&input)?,
            result: parse_json(&result)?,
        })
    }

    /// The caller's own screenings, and those of the teams they supervise, newest first.
    pub async fn screenings(
        &self,
        principal: &Principal,
        limit: i64,
        before: Option<i64>,
    ) -> Result<Vec<ScreeningSummary>> {
        let teams = principal.supervises_teams.join(",");
        let rows: Vec<ScreeningSummary> = on_db!(&self.db, p => sqlx::query_as(
            "SELECT id, person_id, created_at, treated_as_child, sex, exploitation_type, legal_outcome FROM screenings \
             WHERE (owner_user_id = $1 OR (owner_team_id IS NOT NULL AND ',' || $2 || ',' LIKE '%,' || owner_team_id || ',%')) \
             AND created_at < $3 ORDER BY created_at DESC, id DESC LIMIT $4")
            .bind(&principal.user_id)
            .bind(&teams)
            .bind(before.unwrap_or(i64::MAX))
            .bind(limit.clamp(1, 500))
            .fetch_all(p)
            .await?);
        Ok(rows)
    }

    /// Rebuilds every projection from the action histories, in one transaction; returns how
    /// many records were replayed. The result is the same state the live writes produced.
    pub async fn rebuild_projections(&self) -> Result<RebuildReport> {
        let mut tx = self.db.begin_write().await?;
        on_tx!(&mut tx, c => sqlx::query("DELETE FROM screenings").execute(&mut **c).await?.rows_affected());
        on_tx!(&mut tx, c => sqlx::query("DELETE FROM person_assignments").execute(&mut **c).await?.rows_affected());
        on_tx!(&mut tx, c => sqlx::query("DELETE FROM person_links").execute(&mut **c).await?.rows_affected());
        // Persons are referred to by the vault tables: update in place rather than delete.
        let actions: Vec<ActionRow> = on_tx!(&mut tx, c => sqlx::query_as(
            "SELECT record_type, record_id, seq, action, actor_user_id, organisation_id, at, payload FROM record_actions WHERE record_type NOT IN ('case', 'service') ORDER BY record_type, record_id, seq")
            .fetch_all(&mut **c)
            .await?);
        let mut report = RebuildReport::default();
        for ActionRow {
            record_type,
            record_id,
            seq,
            action,
            actor_user_id: actor,
            organisation_id: organisation,
            at,
            payload,
        } in actions
        {
            let payload = parse_json(&payload)?;
            match (record_type.as_str(), action.as_str()) {
                ("screening", "screening.recorded") => {
                    let owner = actor.unwrap_or_default();
                    let team = payload["owner_team_id"].as_str().map(str::to_string);
                    project_screening(
                        &mut tx,
                        &record_id,
                        organisation.as_deref().unwrap_or_default(),
                        &owner,
                        team.as_deref(),
                        at,
                        &payload,
                    )
                    .await?;
                    report.screenings += 1;
                }
                ("person", "person.created") => {
                    on_tx!(&mut tx, c => sqlx::query(
                        "UPDATE persons SET organisation_id = $1, owner_user_id = $2, owner_team_id = $3, created_at = $4, erased_at = NULL, version = $5 WHERE id = $6")
                        .bind(payload["organisation_id"].as_str().unwrap_or_default())
                        .bind(payload["owner_user_id"].as_str().unwrap_or_default())
                        .bind(payload["owner_team_id"].as_str())
                        .bind(at)
                        .bind(seq)
                        .bind(&record_id)
                        .execute(&mut **c)
                        .await?.rows_affected());
                    report.persons += 1;
                }
                ("person", "person.assigned") => {
                    on_tx!(&mut tx, c => sqlx::query("INSERT INTO person_assignments (person_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING")
                        .bind(&record_id)
                        .bind(payload["user_id"].as_str().unwrap_or_default())
                        .execute(&mut **c)
                        .await?.rows_affected());
                    on_tx!(&mut tx, c => sqlx::query("UPDATE persons SET version = $1 WHERE id = $2").bind(seq).bind(&record_id).execute(&mut **c).await?.rows_affected());
                }
                ("person", "person.linked" | "person.unlinked") => {
                    let other = payload["other_person_id"].as_str().unwrap_or_default();
                    crate::linkage::project_link(
                        &mut tx,
                        &record_id,
                        other,
                        action == "person.linked",
                    )
                    .await?;
                    on_tx!(&mut tx, c => sqlx::query("UPDATE persons SET version = $1 WHERE id = $2").bind(seq).bind(&record_id).execute(&mut **c).await?.rows_affected());
                }
                ("person", "person.erased") => {
                    on_tx!(&mut tx, c => sqlx::query("UPDATE persons SET erased_at = $1, version = $2 WHERE id = $3")
                        .bind(at)
                        .bind(seq)
                        .bind(&record_id)
                        .execute(&mut **c)
                        .await?.rows_affected());
                }
                ("person", _) => {
                    on_tx!(&mut tx, c => sqlx::query("UPDATE persons SET version = $1 WHERE id = $2").bind(seq).bind(&record_id).execute(&mut **c).await?.rows_affected());
                }
                (other, action) => {
                    return Err(StoreError::Conflict(format!(
                        "cannot replay {action} on a {other} record: unknown to this version of Haven"
                    )));
                }
            }
        }
        // Cases are sealed: they are replayed with their person's key.
        report.cases = self.rebuild_case_projections(&mut tx).await?;
        report.services = self.rebuild_service_projections(&mut tx).await?;
        append(
            &mut tx,
            AuditActor::System("rebuild-projections"),
            &AuditEvent::new("projections.rebuild", "administration"),
        )
        .await?;
        tx.commit().await?;
        Ok(report)
    }

    /// A digest of every projection row, to compare states before and after a rebuild.
    pub async fn projection_fingerprint(&self) -> Result<String> {
        let screenings: Vec<ScreeningRow> = on_db!(&self.db, p => sqlx::query_as(
            "SELECT id, person_id, organisation_id, owner_user_id, owner_team_id, created_at, version, treated_as_child, sex, exploitation_type, legal_outcome, input, result \
             FROM screenings ORDER BY id")
            .fetch_all(p)
            .await?);
        let persons: Vec<crate::vault::PersonRow> = on_db!(&self.db, p => sqlx::query_as(
            "SELECT id, organisation_id, owner_user_id, owner_team_id, created_at, erased_at, version FROM persons ORDER BY id")
            .fetch_all(p)
            .await?);
        let assignments: Vec<(String, String)> = on_db!(&self.db, p => sqlx::query_as(
            "SELECT person_id, user_id FROM person_assignments ORDER BY person_id, user_id").fetch_all(p).await?);
        let links: Vec<(String, String)> = on_db!(&self.db, p => sqlx::query_as(
            "SELECT person_id, other_person_id FROM person_links ORDER BY person_id, other_person_id").fetch_all(p).await?);
        let cases: Vec<crate::CaseSummary> = on_db!(&self.db, p => sqlx::query_as(
            "SELECT id, person_id, organisation_id, owner_user_id, owner_team_id, profile_id, stage, status, child, opened_at, last_action_at, version, positive_decision_at, next_due, non_punishment_alert FROM cases ORDER BY id")
            .fetch_all(p)
            .await?);
        let referrals: Vec<(String, String, String, String, String, String, i64)> = on_db!(&self.db, p => sqlx::query_as(
            "SELECT case_id, referral_id, recipient_organisation_id, recipient_role, status, fields, sent_at FROM case_referrals ORDER BY case_id, referral_id")
            .fetch_all(p)
            .await?);
        let services: Vec<ServiceProjectionRow> = on_db!(&self.db, p => sqlx::query_as(
            "SELECT id, organisation_id, kind, name, places_free, service, updated_at, version FROM services ORDER BY id")
            .fetch_all(p)
            .await?);
        let screenings: Vec<String> = screenings.iter().map(ScreeningRow::line).collect();
        let text = format!(
            "{screenings:?}|{persons:?}|{assignments:?}|{links:?}|{cases:?}|{referrals:?}|{services:?}"
        );
        Ok(haven_crypto::chain_hash(&[], &[text.as_bytes()])
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect())
    }

    /// How many records of each kind there are (for the demo and the health page).
    pub async fn counts(&self) -> Result<(i64, i64)> {
        let (screenings,): (i64,) = on_db!(&self.db, p => sqlx::query_as("SELECT COUNT(*) FROM screenings").fetch_one(p).await?);
        let (persons,): (i64,) = on_db!(&self.db, p => sqlx::query_as("SELECT COUNT(*) FROM persons").fetch_one(p).await?);
        Ok((screenings, persons))
    }
}

/// A row of the `screenings` projection.
#[derive(sqlx::FromRow)]
struct ScreeningRow {
    id: String,
    person_id: Option<String>,
    organisation_id: String,
    owner_user_id: String,
    owner_team_id: Option<String>,
    created_at: i64,
    version: i64,
    treated_as_child: bool,
    sex: String,
    exploitation_type: String,
    legal_outcome: String,
    input: String,
    result: String,
}

impl ScreeningRow {
    /// Every column, for comparing projections.
    fn line(&self) -> String {
        format!(
            "{}|{:?}|{}|{}|{:?}|{}|{}|{}|{}|{}|{}|{}|{}",
            self.id,
            self.person_id,
            self.organisation_id,
            self.owner_user_id,
            self.owner_team_id,
            self.created_at,
            self.version,
            self.treated_as_child,
            self.sex,
            self.exploitation_type,
            self.legal_outcome,
            self.input,
            self.result
        )
    }
}

/// A row of the `services` projection, every column.
type ServiceProjectionRow = (
    String,
    String,
    String,
    String,
    Option<i64>,
    String,
    i64,
    i64,
);

/// A row of `record_actions`.
#[derive(sqlx::FromRow)]
struct ActionRow {
    record_type: String,
    record_id: String,
    seq: i64,
    action: String,
    actor_user_id: Option<String>,
    organisation_id: Option<String>,
    at: i64,
    payload: String,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RebuildReport {
    pub screenings: u64,
    pub persons: u64,
    pub cases: u64,
    pub services: u64,
}

/// Appends an action to a record's history. A second writer at the same sequence number loses
/// on the unique key and is told the record changed under it.
#[allow(clippy::too_many_arguments)]
pub(crate) async fn append_action(
    tx: &mut Tx,
    principal: &Principal,
    record_type: &str,
    record_id: &str,
    seq: i64,
    action: &str,
    payload: &Value,
    at: i64,
) -> Result<()> {
    let payload = payload.to_string();
    on_tx!(tx, c => sqlx::query(
        "INSERT INTO record_actions (id, record_type, record_id, seq, actor_user_id, organisation_id, at, action, payload) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)")
        .bind(new_id())
        .bind(record_type)
        .bind(record_id)
        .bind(seq)
        .bind(&principal.user_id)
        .bind(&principal.organisation_id)
        .bind(at)
        .bind(action)
        .bind(&payload)
        .execute(&mut **c)
        .await
        .map_err(|e| StoreError::unique(e, format!("the {record_type} changed while you were working on it; reload it and try again")))?.rows_affected());
    Ok(())
}

async fn project_screening(
    tx: &mut Tx,
    id: &str,
    organisation_id: &str,
    owner_user_id: &str,
    owner_team_id: Option<&str>,
    created_at: i64,
    payload: &Value,
) -> Result<()> {
    let input = &payload["input"];
    let result = &payload["result"];
    let legal_outcome = most_protective(result);
    on_tx!(tx, c => sqlx::query(
        "INSERT INTO screenings (id, person_id, organisation_id, owner_user_id, owner_team_id, created_at, version, treated_as_child, sex, exploitation_type, legal_outcome, input, result) \
         VALUES ($1, $2, $3, $4, $5, $6, 1, $7, $8, $9, $10, $11, $12)")
        .bind(id)
        .bind(payload["person_id"].as_str())
        .bind(organisation_id)
        .bind(owner_user_id)
        .bind(owner_team_id)
        .bind(created_at)
        .bind(result["treated_as_child"].as_bool().unwrap_or(false))
        .bind(input["sex"].as_str().unwrap_or("unknown"))
        .bind(input["exploitation_type"].as_str().unwrap_or("other"))
        .bind(legal_outcome)
        .bind(input.to_string())
        .bind(result.to_string())
        .execute(&mut **c)
        .await?.rows_affected());
    Ok(())
}

/// The most protective legal outcome over the profiles, as routing uses it.
fn most_protective(result: &Value) -> &'static str {
    let outcomes: Vec<&str> = result["legal"]
        .as_object()
        .map(|m| m.values().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    [
        LegalOutcome::Trafficking,
        LegalOutcome::AtRisk,
        LegalOutcome::InsufficientInformation,
        LegalOutcome::NotTrafficking,
    ]
    .into_iter()
    .map(LegalOutcome::code)
    .find(|code| outcomes.contains(code))
    .unwrap_or(LegalOutcome::InsufficientInformation.code())
}

fn parse_json(text: &str) -> Result<Value> {
    serde_json::from_str(text).map_err(|e| StoreError::invalid("stored JSON", e.to_string()))
}
