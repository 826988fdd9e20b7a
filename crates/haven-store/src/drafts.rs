//! Screening drafts: the answers a screener has given so far, kept to continue later.
//!
//! A draft may hold anything the screening wizard asks, names included, so it is sealed like
//! identity data: XChaCha20-Poly1305 under the key store's system key `screening_drafts`, with
//! associated data binding the draft's id and its owner, so a row moved to another owner no
//! longer opens. Only the owner may read, replace or delete a draft; the store does not look
//! inside the content, which is the web application's business.

use haven_crypto::{Aad, DataKey, open, seal};
use haven_domain::access::{Action, FieldClass, RecordParties};
use serde_json::Value;

use crate::audit::{AuditActor, AuditEvent, append};
use crate::db::{on_db, on_tx};
use crate::{Principal, Result, Store, StoreError, keystore, new_id, now_ms};

/// The name of the system key that seals drafts.
const DRAFTS_KEY: &str = "screening_drafts";

/// A saved draft, opened for its owner.
#[derive(Debug, Clone, PartialEq)]
pub struct ScreeningDraft {
    pub id: String,
    pub owner_user_id: String,
    pub created_at: i64,
    pub updated_at: i64,
    /// The step the screener was on, for the list of drafts.
    pub step: i64,
    /// The answers so far, as the web application wrote them.
    pub content: Value,
}

/// A line of the owner's list of drafts: nothing sealed is opened for it.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ScreeningDraftSummary {
    pub id: String,
    pub created_at: i64,
    pub updated_at: i64,
    pub step: i64,
}

#[derive(sqlx::FromRow)]
struct DraftRow {
    id: String,
    owner_user_id: String,
    created_at: i64,
    updated_at: i64,
    step: i64,
    sealed: Vec<u8>,
}

fn draft_aad(id: &str, owner_user_id: &str) -> Aad {
    Aad::new(
        "screening_drafts",
        "sealed",
        &format!("{id}/{owner_user_id}"),
    )
}

/// Only the owner stands in a relationship to a draft: no team, no assignment, no referral.
fn owner_only(owner_user_id: &str) -> RecordParties<'_> {
    RecordParties {
        owner_user_id,
        owner_team_id: None,
        assigned_user_ids: &[],
        accepted_organisation_ids: &[],
    }
}

impl Store {
    async fn drafts_key(&self) -> Result<DataKey> {
        keystore::system_key(&self.keys, &self.keyring, DRAFTS_KEY).await
    }

    async fn draft_row(&self, id: &str) -> Result<DraftRow> {
        let row: Option<DraftRow> = on_db!(&self.db, p => sqlx::query_as(
            "SELECT id, owner_user_id, created_at, updated_at, step, sealed FROM screening_drafts WHERE id = $1")
            .bind(id)
            .fetch_optional(p)
            .await?);
        row.ok_or_else(|| StoreError::NotFound {
            what: "screening draft",
            id: id.to_string(),
        })
    }

    /// Saves the answers so far: a new draft when `id` is `None`, otherwise replaces the
    /// content of the caller's own draft `id`. Anyone who may record a screening may keep drafts.
    pub async fn save_screening_draft(
        &self,
        principal: &Principal,
        id: Option<&str>,
        step: i64,
        content: &Value,
    ) -> Result<ScreeningDraft> {
        let now = now_ms();
        let (id, created_at, new) = match id {
            Some(id) => {
                let row = self.draft_row(id).await?;
                self.authorise(
                    principal,
                    &owner_only(&row.owner_user_id),
                    FieldClass::Case,
                    Action::Record,
                    ("screening_draft", id),
                )
                .await?;
                (row.id, row.created_at, false)
            }
            None => {
                let id = new_id();
                self.authorise(
                    principal,
                    &owner_only(&principal.user_id),
                    FieldClass::Case,
                    Action::Record,
                    ("screening_draft", &id),
                )
                .await?;
                (id, now, true)
            }
        };
        let key = self.drafts_key().await?;
        let plaintext = serde_json::to_vec(content)
            .map_err(|e| StoreError::invalid("content", e.to_string()))?;
        let sealed = seal(&key, 0, &plaintext, &draft_aad(&id, &principal.user_id));
        let mut tx = self.db.begin_write().await?;
        let written = if new {
            on_tx!(&mut tx, c => sqlx::query(
                "INSERT INTO screening_drafts (id, owner_user_id, organisation_id, step, created_at, updated_at, sealed) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7)")
                .bind(&id)
                .bind(&principal.user_id)
                .bind(&principal.organisation_id)
                .bind(step)
                .bind(created_at)
                .bind(now)
                .bind(&sealed)
                .execute(&mut **c)
                .await?.rows_affected())
        } else {
            on_tx!(&mut tx, c => sqlx::query(
                "UPDATE screening_drafts SET step = $1, updated_at = $2, sealed = $3 WHERE id = $4 AND owner_user_id = $5")
                .bind(step)
                .bind(now)
                .bind(&sealed)
                .bind(&id)
                .bind(&principal.user_id)
                .execute(&mut **c)
                .await?.rows_affected())
        };
        if written != 1 {
            return Err(StoreError::Conflict(
                "the draft changed or was deleted while you were working on it; start again from the list of drafts".into(),
            ));
        }
        let event = AuditEvent::new("screening_draft.save", "identification")
            .record("screening_draft", &id);
        append(&mut tx, AuditActor::User(principal), &event).await?;
        tx.commit().await?;
        Ok(ScreeningDraft {
            id,
            owner_user_id: principal.user_id.clone(),
            created_at,
            updated_at: now,
            step,
            content: content.clone(),
        })
    }

    /// Opens one of the caller's drafts. Anyone else is refused, and the refusal is audited.
    pub async fn screening_draft(&self, principal: &Principal, id: &str) -> Result<ScreeningDraft> {
        let row = self.draft_row(id).await?;
        self.authorise(
            principal,
            &owner_only(&row.owner_user_id),
            FieldClass::Case,
            Action::View,
            ("screening_draft", id),
        )
        .await?;
        let key = self.drafts_key().await?;
        let plaintext = open(&key, &row.sealed, &draft_aad(&row.id, &row.owner_user_id))?;
        let content = serde_json::from_slice(&plaintext)
            .map_err(|e| StoreError::invalid("stored draft", e.to_string()))?;
        let event =
            AuditEvent::new("screening_draft.read", "identification").record("screening_draft", id);
        self.audit(AuditActor::User(principal), event).await?;
        Ok(ScreeningDraft {
            id: row.id,
            owner_user_id: row.owner_user_id,
            created_at: row.created_at,
            updated_at: row.updated_at,
            step: row.step,
            content,
        })
    }

    /// The caller's own drafts, most recently saved first.
    pub async fn screening_drafts(
        &self,
        principal: &Principal,
    ) -> Result<Vec<ScreeningDraftSummary>> {
        let rows: Vec<ScreeningDraftSummary> = on_db!(&self.db, p => sqlx::query_as(
            "SELECT id, created_at, updated_at, step FROM screening_drafts WHERE owner_user_id = $1 ORDER BY updated_at DESC, id DESC")
            .bind(&principal.user_id)
            .fetch_all(p)
            .await?);
        Ok(rows)
    }

    /// Deletes one of the caller's drafts (when it is submitted, or no longer wanted).
    pub async fn delete_screening_draft(&self, principal: &Principal, id: &str) -> Result<()> {
        let row = self.draft_row(id).await?;
        self.authorise(
            principal,
            &owner_only(&row.owner_user_id),
            FieldClass::Case,
            Action::Record,
            ("screening_draft", id),
        )
        .await?;
        let mut tx = self.db.begin_write().await?;
        on_tx!(&mut tx, c => sqlx::query("DELETE FROM screening_drafts WHERE id = $1 AND owner_user_id = $2")
            .bind(id)
            .bind(&principal.user_id)
            .execute(&mut **c)
            .await?.rows_affected());
        let event = AuditEvent::new("screening_draft.delete", "identification")
            .record("screening_draft", id);
        append(&mut tx, AuditActor::User(principal), &event).await?;
        tx.commit().await
    }
}
