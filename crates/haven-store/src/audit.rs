//! The audit log: every write, every read of identity fields, every export, every login and
//! failed login, and every refused access — appended in the same transaction as what it
//! records, chained by SHA-256 so that any change to a past entry is detected, and protected
//! against UPDATE and DELETE by the database itself.

use haven_crypto::chain_hash;
use haven_domain::access::{Action, FieldClass};

use crate::db::{Tx, on_db, on_tx};
use crate::{Principal, Result, Store, StoreError, now_ms};

/// Who acted.
#[derive(Debug, Clone, Copy)]
pub enum AuditActor<'a> {
    User(&'a Principal),
    /// A command run on the server itself (`haven admin …`, `haven demo`), or an anonymous
    /// request (a failed login names the username tried in the event instead).
    System(&'a str),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuditOutcome {
    Success,
    Denied,
    Failed,
}

impl AuditOutcome {
    fn as_str(self) -> &'static str {
        match self {
            AuditOutcome::Success => "success",
            AuditOutcome::Denied => "denied",
            AuditOutcome::Failed => "failed",
        }
    }
}

/// What happened. `fields` names the fields touched, never their values.
#[derive(Debug, Clone)]
pub struct AuditEvent<'a> {
    pub action: &'a str,
    pub record_type: Option<&'a str>,
    pub record_id: Option<&'a str>,
    pub fields: Vec<String>,
    pub purpose: String,
    pub outcome: AuditOutcome,
}

impl<'a> AuditEvent<'a> {
    pub fn new(action: &'a str, purpose: impl Into<String>) -> AuditEvent<'a> {
        AuditEvent {
            action,
            record_type: None,
            record_id: None,
            fields: Vec::new(),
            purpose: purpose.into(),
            outcome: AuditOutcome::Success,
        }
    }

    pub fn record(mut self, record_type: &'a str, record_id: &'a str) -> AuditEvent<'a> {
        self.record_type = Some(record_type);
        self.record_id = Some(record_id);
        self
    }

    pub fn fields(mut self, fields: impl IntoIterator<Item = impl Into<String>>) -> AuditEvent<'a> {
        self.fields = fields.into_iter().map(Into::into).collect();
        self
    }

    pub fn outcome(mut self, outcome: AuditOutcome) -> AuditEvent<'a> {
        self.outcome = outcome;
        self
    }
}

/// One entry as stored.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct AuditEntry {
    pub seq: i64,
    pub at: i64,
    pub actor_user_id: Option<String>,
    pub actor_label: String,
    pub organisation_id: Option<String>,
    pub action: String,
    pub record_type: Option<String>,
    pub record_id: Option<String>,
    pub fields: Vec<String>,
    pub purpose: String,
    pub outcome: String,
}

/// The result of checking the whole chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditVerification {
    pub entries: i64,
    /// The first entry whose link does not hold, with what is wrong.
    pub first_broken: Option<(i64, String)>,
}

type AuditRow = (
    i64,
    i64,
    Option<String>,
    String,
    Option<String>,
    String,
    Option<String>,
    Option<String>,
    String,
    String,
    String,
    Vec<u8>,
    Vec<u8>,
);

impl Store {
    /// Appends one event in its own transaction.
    pub async fn audit(&self, actor: AuditActor<'_>, event: AuditEvent<'_>) -> Result<i64> {
        let mut tx = self.db.begin_write().await?;
        let seq = append(&mut tx, actor, &event).await?;
        tx.commit().await?;
        Ok(seq)
    }

    /// Walks the whole chain from the first entry and names the first broken link. Safe while
    /// the server runs: it reads a consistent snapshot up to the head it sees first.
    pub async fn verify_audit(&self) -> Result<AuditVerification> {
        let (head_seq, head_hash): (i64, Vec<u8>) = on_db!(&self.db, p => sqlx::query_as("SELECT seq, hash FROM audit_head WHERE id = 1").fetch_one(p).await?);
        let mut previous = vec![0u8; 32];
        let mut expected_seq = 1;
        let mut last_hash = previous.clone();
        const BATCH: i64 = 5_000;
        loop {
            let rows: Vec<AuditRow> = on_db!(&self.db, p => sqlx::query_as(
                "SELECT seq, at, actor_user_id, actor_label, organisation_id, action, record_type, record_id, fields, purpose, outcome, prev_hash, hash \
                 FROM audit_log WHERE seq >= $1 AND seq <= $2 ORDER BY seq LIMIT $3")
                .bind(expected_seq)
                .bind(head_seq)
                .bind(BATCH)
                .fetch_all(p)
                .await?);
            if rows.is_empty() {
                break;
            }
            for row in rows {
                let seq = row.0;
                if seq != expected_seq {
                    return Ok(broken(
                        expected_seq - 1,
                        expected_seq,
                        format!("entry {expected_seq} is missing"),
                    ));
                }
                if row.11 != previous {
                    return Ok(broken(
                        seq - 1,
                        seq,
                        "its previous-hash does not match the entry before it".into(),
                    ));
                }
                let entry = entry_from_row(&row);
                let hash = entry_hash(&previous, &entry);
                if hash != row.12 {
                    return Ok(broken(
                        seq - 1,
                        seq,
                        "its content does not match its hash (altered)".into(),
                    ));
                }
                previous = hash.clone();
                last_hash = hash;
                expected_seq += 1;
            }
        }
        if expected_seq - 1 != head_seq || (head_seq > 0 && last_hash != head_hash) {
            return Ok(broken(
                expected_seq - 1,
                expected_seq,
                format!(
                    "the chain ends at entry {} but its head says {head_seq}",
                    expected_seq - 1
                ),
            ));
        }
        Ok(AuditVerification {
            entries: head_seq,
            first_broken: None,
        })
    }

    /// Who saw or changed a record, when and why: the survivor-facing access history. The
    /// caller must be allowed to view the record's case fields.
    pub async fn access_history(
        &self,
        principal: &Principal,
        person_id: &str,
    ) -> Result<Vec<AuditEntry>> {
        let parties = self.person_parties(person_id).await?;
        self.authorise(
            principal,
            &parties.as_parties(),
            FieldClass::Case,
            Action::View,
            ("person", person_id),
        )
        .await?;
        self.audit_entries_for_record(person_id).await
    }

    /// Entries about one record, oldest first.
    pub async fn audit_entries_for_record(&self, record_id: &str) -> Result<Vec<AuditEntry>> {
        let rows: Vec<AuditRow> = on_db!(&self.db, p => sqlx::query_as(
            "SELECT seq, at, actor_user_id, actor_label, organisation_id, action, record_type, record_id, fields, purpose, outcome, prev_hash, hash \
             FROM audit_log WHERE record_id = $1 ORDER BY seq")
            .bind(record_id)
            .fetch_all(p)
            .await?);
        Ok(rows.iter().map(entry_from_row).collect())
    }

    /// The most recent entries, newest first, after `before_seq` when paging.
    pub async fn recent_audit_entries(
        &self,
        limit: i64,
        before_seq: Option<i64>,
    ) -> Result<Vec<AuditEntry>> {
        let before = before_seq.unwrap_or(i64::MAX);
        let rows: Vec<AuditRow> = on_db!(&self.db, p => sqlx::query_as(
            "SELECT seq, at, actor_user_id, actor_label, organisation_id, action, record_type, record_id, fields, purpose, outcome, prev_hash, hash \
             FROM audit_log WHERE seq < $1 ORDER BY seq DESC LIMIT $2")
            .bind(before)
            .bind(limit.clamp(1, 1000))
            .fetch_all(p)
            .await?);
        Ok(rows.iter().map(entry_from_row).collect())
    }
}

/// Appends an event inside a write transaction. The head row is updated first, which takes the
/// write lock (SQLite) or the row lock (PostgreSQL): appends are serialised, so the chain never
/// forks.
pub(crate) async fn append(
    tx: &mut Tx,
    actor: AuditActor<'_>,
    event: &AuditEvent<'_>,
) -> Result<i64> {
    let (seq, previous): (i64, Vec<u8>) = on_tx!(tx, c => sqlx::query_as(
        "UPDATE audit_head SET seq = seq + 1 WHERE id = 1 RETURNING seq, hash")
        .fetch_one(&mut **c)
        .await?);
    let (actor_user_id, actor_label, organisation_id) = match actor {
        AuditActor::User(p) => (
            Some(p.user_id.clone()),
            p.username.clone(),
            Some(p.organisation_id.clone()),
        ),
        AuditActor::System(label) => (None, label.to_string(), None),
    };
    let entry = AuditEntry {
        seq,
        at: now_ms(),
        actor_user_id,
        actor_label,
        organisation_id,
        action: event.action.to_string(),
        record_type: event.record_type.map(str::to_string),
        record_id: event.record_id.map(str::to_string),
        fields: event.fields.clone(),
        purpose: event.purpose.clone(),
        outcome: event.outcome.as_str().to_string(),
    };
    let hash = entry_hash(&previous, &entry);
    let fields = serde_json::to_string(&entry.fields)
        .map_err(|e| StoreError::invalid("fields", e.to_string()))?;
    on_tx!(tx, c => sqlx::query(
        "INSERT INTO audit_log (seq, at, actor_user_id, actor_label, organisation_id, action, record_type, record_id, fields, purpose, outcome, prev_hash, hash) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)")
        .bind(entry.seq)
        .bind(entry.at)
        .bind(&entry.actor_user_id)
        .bind(&entry.actor_label)
        .bind(&entry.organisation_id)
        .bind(&entry.action)
        .bind(&entry.record_type)
        .bind(&entry.record_id)
        .bind(&fields)
        .bind(&entry.purpose)
        .bind(&entry.outcome)
        .bind(&previous)
        .bind(&hash)
        .execute(&mut **c)
        .await?.rows_affected());
    on_tx!(tx, c => sqlx::query("UPDATE audit_head SET hash = $1 WHERE id = 1").bind(&hash).execute(&mut **c).await?.rows_affected());
    Ok(seq)
}

fn entry_hash(previous: &[u8], e: &AuditEntry) -> Vec<u8> {
    let opt = |v: &Option<String>| v.as_deref().unwrap_or("\u{0}").as_bytes().to_vec();
    let fields = e.fields.join("\u{1f}");
    chain_hash(
        previous,
        &[
            &e.seq.to_be_bytes(),
            &e.at.to_be_bytes(),
            &opt(&e.actor_user_id),
            e.actor_label.as_bytes(),
            &opt(&e.organisation_id),
            e.action.as_bytes(),
            &opt(&e.record_type),
            &opt(&e.record_id),
            fields.as_bytes(),
            e.purpose.as_bytes(),
            e.outcome.as_bytes(),
        ],
    )
}

fn entry_from_row(row: &AuditRow) -> AuditEntry {
    AuditEntry {
        seq: row.0,
        at: row.1,
        actor_user_id: row.2.clone(),
        actor_label: row.3.clone(),
        organisation_id: row.4.clone(),
        action: row.5.clone(),
        record_type: row.6.clone(),
        record_id: row.7.clone(),
        fields: serde_json::from_str(&row.8).unwrap_or_default(),
        purpose: row.9.clone(),
        outcome: row.10.clone(),
    }
}

fn broken(entries: i64, seq: i64, why: String) -> AuditVerification {
    AuditVerification {
        entries,
        first_broken: Some((seq, why)),
    }
}
