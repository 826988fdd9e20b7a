//! Documents attached to a case: scans, reports, photos. The domain's upload policy checks the
//! content first; the content is then sealed under the person's data key, bound to the case and
//! the document, and written in the same transaction as the `attach_document` action that
//! records its kind, type, size and digest on the case. Who may download is the domain's
//! download policy, and every download and every refusal is audited. Removing a document
//! deletes its content with the removal; erasing the person deletes all of them with the key.

use haven_crypto::{Aad, open, seal, sha256_hex};
use haven_domain::access::Decision;
use haven_domain::case::documents::{check_upload, may_download_on_case};
use haven_domain::case::{DocumentId, DocumentKind, MediaType, Sha256, What};

use crate::audit::{AuditActor, AuditEvent, AuditOutcome};
use crate::cases::{CaseRecord, profile_by_id, replay, write_case_action};
use crate::db::{on_db, on_tx};
use crate::{Principal, Result, Store, StoreError, new_id, now_ms};

/// A document's content, as its download serves it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentContent {
    pub id: String,
    pub case_id: String,
    pub kind: DocumentKind,
    pub media_type: MediaType,
    pub content: Vec<u8>,
}

impl Store {
    /// Attaches a document to a case: refused by the upload policy unless its declared type
    /// (a `Content-Type` value) is allowed, its size within the limit and its leading bytes of
    /// that type; then the case must allow the attachment. Returns the new document's id and
    /// the case as it now is. A refusal writes nothing.
    pub async fn attach_document(
        &self,
        principal: &Principal,
        case_id: &str,
        kind: DocumentKind,
        content_type: &str,
        content: &[u8],
    ) -> Result<(DocumentId, CaseRecord)> {
        let media_type = check_upload(content_type, content)?;
        let document = DocumentId(new_id());
        let what = What::AttachDocument {
            document: document.clone(),
            kind,
            media_type,
            size_bytes: content.len() as u64,
            sha256: Sha256::parse(&sha256_hex(content))
                .expect("a SHA-256 digest is 64 hexadecimal digits"),
        };
        let accepted = self
            .accept_case_action(principal, case_id, None, what, now_ms())
            .await?;
        let sealed = seal(
            &accepted.key,
            1,
            content,
            &content_aad(case_id, &document.0),
        );
        let mut tx = self.db.begin_write().await?;
        on_tx!(&mut tx, c => sqlx::query(
            "INSERT INTO case_documents (id, case_id, person_id, sealed) VALUES ($1, $2, $3, $4)")
            .bind(&document.0)
            .bind(case_id)
            .bind(&accepted.row.person_id)
            .bind(&sealed)
            .execute(&mut **c)
            .await?.rows_affected());
        let record = write_case_action(&mut tx, principal, accepted).await?;
        tx.commit().await?;
        Ok((document, record))
    }

    /// A document's content, for someone the download policy allows on this case (a provider
    /// only once its organisation accepted a referral of it). The download is audited before
    /// the content is returned; a refusal is audited too. A removed document is gone.
    pub async fn document(
        &self,
        principal: &Principal,
        case_id: &str,
        document_id: &str,
    ) -> Result<DocumentContent> {
        let row = self.case_row(case_id).await?;
        let parties = self.case_parties(case_id).await?;
        if let Decision::Deny(reason) =
            may_download_on_case(&crate::actor(principal), &parties.as_record())
        {
            self.audit(
                AuditActor::User(principal),
                AuditEvent::new("access.denied", "download a document")
                    .record("case", case_id)
                    .fields([document_id])
                    .outcome(AuditOutcome::Denied),
            )
            .await?;
            return Err(StoreError::Forbidden(reason.to_string()));
        }
        let person = self.person_parties(&row.person_id).await?;
        let key = self.live_person_key(&person).await?;
        let case = replay(
            &self.case_history_with(&row, &key).await?,
            profile_by_id(&row.profile_id)?,
        )?;
        let document = case
            .document(&DocumentId(document_id.to_string()))
            .ok_or_else(|| StoreError::NotFound {
                what: "document",
                id: document_id.to_string(),
            })?;
        if let Some(removal) = &document.removed {
            return Err(StoreError::Gone(format!(
                "document {document_id} was removed from the case on {}; its content is no longer kept",
                removal.at.date()
            )));
        }
        let sealed: Option<(Vec<u8>,)> = on_db!(&self.db, p => sqlx::query_as(
            "SELECT sealed FROM case_documents WHERE id = $1 AND case_id = $2")
            .bind(document_id)
            .bind(case_id)
            .fetch_optional(p)
            .await?);
        let (sealed,) = sealed.ok_or_else(|| {
            StoreError::Conflict(format!(
                "the case records document {document_id} but its content is missing from the database; restore it from a backup"
            ))
        })?;
        let content = open(&key, &sealed, &content_aad(case_id, document_id))?;
        self.audit(
            AuditActor::User(principal),
            AuditEvent::new("document.read", "case management")
                .record("case", case_id)
                .fields([document_id]),
        )
        .await?;
        Ok(DocumentContent {
            id: document.id.0.clone(),
            case_id: case_id.to_string(),
            kind: document.kind,
            media_type: document.media_type,
            content,
        })
    }

    /// Removes a document from a case, with the reason: the case keeps the record of it, and
    /// its content is deleted in the same transaction.
    pub async fn remove_document(
        &self,
        principal: &Principal,
        case_id: &str,
        document_id: &str,
        reason: &str,
    ) -> Result<CaseRecord> {
        let what = What::RemoveDocument {
            document: DocumentId(document_id.to_string()),
            reason: reason.to_string(),
        };
        let accepted = self
            .accept_case_action(principal, case_id, None, what, now_ms())
            .await?;
        let mut tx = self.db.begin_write().await?;
        on_tx!(&mut tx, c => sqlx::query("DELETE FROM case_documents WHERE id = $1 AND case_id = $2")
            .bind(document_id)
            .bind(case_id)
            .execute(&mut **c)
            .await?.rows_affected());
        let record = write_case_action(&mut tx, principal, accepted).await?;
        tx.commit().await?;
        Ok(record)
    }
}

/// The associated data of a document's sealed content: it opens only as this document of this
/// case.
fn content_aad(case_id: &str, document_id: &str) -> Aad {
    Aad::new(
        "case_documents",
        "sealed",
        &format!("{case_id}/{document_id}"),
    )
}
