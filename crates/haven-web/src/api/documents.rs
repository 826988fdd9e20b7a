//! Documents attached to a case over HTTP: the upload is the document's own bytes with its
//! `Content-Type`, checked by the domain's upload policy before anything is stored; a download
//! serves the bytes as an attachment, never cached; a removal keeps the record and deletes the
//! content. Every download and every refused one is audited by the store.

use axum::Json;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use haven_domain::case::documents::MAX_SIZE_BYTES;
use haven_domain::case::{Document, DocumentKind, MediaType};
use haven_store::Scope;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::{IntoParams, ToSchema};

use super::cases::CaseView;
use super::extract::{ApiJson, Caller};
use crate::problem::Problem;
use crate::state::AppState;

/// The request body limit of the upload route: the domain's largest document, so that a
/// larger one is refused while it arrives, before it is held in memory whole.
pub const MAX_UPLOAD_BYTES: usize = MAX_SIZE_BYTES as usize;

#[derive(Deserialize, IntoParams)]
pub struct UploadQuery {
    /// identity_document, medical_report, police_report, photo, decision_letter or other.
    pub kind: Option<String>,
}

/// The document as the case now records it, and the case's new version.
#[derive(Serialize, ToSchema)]
#[schema(example = json!({
    "document": {"id": "0190c2c3-…", "kind": "medical_report", "media_type": "application/pdf",
                 "size_bytes": 48213, "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                 "attached_by": "0190c2a0-…", "attached_at": 1767225600000_i64, "removed": null},
    "case_version": 7
}))]
pub struct AttachedDocument {
    #[schema(value_type = Object)]
    pub document: Document,
    pub case_version: i64,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"reason": "Scanned into the wrong case."}))]
pub struct Removal {
    /// Why the document is removed; the case keeps it with the record of the document.
    pub reason: String,
}

/// Attaches a document to a case: the body is the document itself, its type in
/// `Content-Type` (application/pdf, image/jpeg, image/png, image/webp or text/plain), at most
/// 10 MiB, and its first bytes must be of that type. A refused upload stores nothing: 413 when
/// too large, 415 for another type, 422 when the content is not what it is declared to be.
#[utoipa::path(post, path = "/api/v1/cases/{id}/documents", tag = "cases",
    params(("id" = String, Path), UploadQuery),
    request_body(description = "The document's bytes, at most 10 MiB", content(
        ("application/pdf"), ("image/jpeg"), ("image/png"), ("image/webp"), ("text/plain"))),
    responses((status = 201, body = AttachedDocument), (status = 403, body = Problem), (status = 404, body = Problem),
              (status = 413, body = Problem), (status = 415, body = Problem), (status = 422, body = Problem)),
    security(("session" = []), ("token" = [])))]
pub async fn attach_document(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    Query(query): Query<UploadQuery>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<(StatusCode, Json<AttachedDocument>), Problem> {
    let principal = caller.require(Scope::Write)?;
    let kind = parse_kind(query.kind.as_deref())?;
    let content = body.map_err(|rejection| {
        Problem::unreadable_body(rejection.status(), rejection.body_text(), || {
            format!(
                "the document is larger than 10 MiB ({MAX_SIZE_BYTES} bytes), the most Haven stores; nothing was stored"
            )
        })
    })?;
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let (document, record) = state
        .store
        .attach_document(principal, &id, kind, content_type, &content)
        .await?;
    let attached = record.case.document(&document).ok_or_else(|| {
        tracing::error!("an attached document is missing from the case it was attached to");
        Problem::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            "the document was stored but cannot be shown; the error is in the server log",
        )
    })?;
    Ok((
        StatusCode::CREATED,
        Json(AttachedDocument {
            document: attached.clone(),
            case_version: record.version,
        }),
    ))
}

/// A document's content, as an attachment of its media type, never cached. Allowed to whoever
/// may see the person's identity on the case — a provider only once its organisation accepted
/// a referral of it; every download and every refusal is audited. A removed document is gone
/// (410); a document of an erased person no longer exists (409).
#[utoipa::path(get, path = "/api/v1/cases/{id}/documents/{document}", tag = "cases",
    params(("id" = String, Path), ("document" = String, Path)),
    responses((status = 200, description = "The document", content(
                  ("application/pdf"), ("image/jpeg"), ("image/png"), ("image/webp"), ("text/plain"))),
              (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem),
              (status = 410, body = Problem)),
    security(("session" = []), ("token" = [])))]
pub async fn download_document(
    State(state): State<AppState>,
    caller: Caller,
    Path((id, document)): Path<(String, String)>,
) -> Result<Response, Problem> {
    let principal = caller.require(Scope::Identity)?;
    let found = state.store.document(principal, &id, &document).await?;
    let disposition = format!(
        "attachment; filename=\"{}.{}\"",
        found.id,
        extension(found.media_type)
    );
    let mut response = found.content.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(found.media_type.id()),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    // An id is letters, digits and dashes; should one ever not fit a header, the download
    // still goes out as an attachment, unnamed.
    headers.insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_str(&disposition)
            .unwrap_or_else(|_| HeaderValue::from_static("attachment")),
    );
    Ok(response)
}

/// Removes a document from a case, with the reason: the case keeps the record of it, the
/// content is deleted and no longer served.
#[utoipa::path(delete, path = "/api/v1/cases/{id}/documents/{document}", tag = "cases",
    params(("id" = String, Path), ("document" = String, Path)), request_body = Removal,
    responses((status = 200, body = CaseView), (status = 403, body = Problem), (status = 404, body = Problem),
              (status = 422, body = Problem)),
    security(("session" = []), ("token" = [])))]
pub async fn remove_document(
    State(state): State<AppState>,
    caller: Caller,
    Path((id, document)): Path<(String, String)>,
    ApiJson(body): ApiJson<Removal>,
) -> Result<Json<CaseView>, Problem> {
    let principal = caller.require(Scope::Write)?;
    let record = state
        .store
        .remove_document(principal, &id, &document, &body.reason)
        .await?;
    Ok(Json(record.try_into()?))
}

fn parse_kind(kind: Option<&str>) -> Result<DocumentKind, Problem> {
    const KINDS: &str =
        "identity_document, medical_report, police_report, photo, decision_letter or other";
    let kind = kind.ok_or_else(|| {
        Problem::invalid(
            "kind",
            format!("kind: say what the document is with ?kind=: {KINDS}"),
        )
    })?;
    serde_json::from_value(Value::String(kind.to_string())).map_err(|_| {
        Problem::invalid(
            "kind",
            format!("kind: {kind:?} is not a kind of document; allowed: {KINDS}"),
        )
    })
}

/// The file name extension a download is saved with.
fn extension(media_type: MediaType) -> &'static str {
    match media_type {
        MediaType::Pdf => "pdf",
        MediaType::Jpeg => "jpg",
        MediaType::Png => "png",
        MediaType::Webp => "webp",
        MediaType::Text => "txt",
    }
}
