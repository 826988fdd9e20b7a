//! The identity vault over HTTP. Identifying values travel only in bodies (never in URLs, which
//! end up in logs), every read is audited with the purpose the caller gives, and responses are
//! never cached.

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use haven_store::{
    AuditEntry, IdentityField, IdentityRecord, PersonRecord, PossibleMatches, Principal, Scope,
};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::admin::AuditEntryView;
use super::extract::{ApiJson, Caller};
use crate::problem::Problem;
use crate::state::AppState;

#[derive(Serialize, ToSchema)]
pub struct PersonView {
    pub id: String,
    pub organisation_id: String,
    pub owner_user_id: String,
    pub created_at: i64,
    /// Set once the person's identity was erased (crypto-shredded).
    pub erased_at: Option<i64>,
    pub assigned_user_ids: Vec<String>,
    pub version: i64,
}

impl From<PersonRecord> for PersonView {
    fn from(p: PersonRecord) -> Self {
        PersonView {
            id: p.id,
            organisation_id: p.organisation_id,
            owner_user_id: p.owner_user_id,
            created_at: p.created_at,
            erased_at: p.erased_at,
            assigned_user_ids: p.assigned_user_ids,
            version: p.version,
        }
    }
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewPerson {
    /// Identifying fields: given_name, family_name, other_names, date_of_birth, phone, email,
    /// address, document_number, narrative.
    pub identity: BTreeMap<String, String>,
    /// Why the identity is recorded (kept in the audit log).
    pub purpose: String,
}

fn identity_record(fields: BTreeMap<String, String>) -> Result<IdentityRecord, Problem> {
    let mut record = IdentityRecord::new();
    for (name, value) in fields {
        let field = IdentityField::parse(&name).ok_or_else(|| {
            let allowed: Vec<&str> = IdentityField::ALL.iter().map(|f| f.id()).collect();
            Problem::invalid(
                format!("identity.{name}"),
                format!(
                    "{name:?} is not an identity field; allowed: {}",
                    allowed.join(", ")
                ),
            )
        })?;
        record.insert(field, value);
    }
    if record.is_empty() {
        return Err(Problem::invalid(
            "identity",
            "give at least one identifying field",
        ));
    }
    Ok(record)
}

#[derive(Serialize, ToSchema)]
pub struct PossibleMatchView {
    pub person_id: String,
    /// Dice similarity of the two records' linkage encodings, 0 to 1.
    pub score: f64,
    /// A caseworker already recorded that the two are the same person.
    pub linked: bool,
}

#[derive(Serialize, ToSchema)]
pub struct PossibleMatchesView {
    /// Records the caller may see that may be the same person, best first. Never merged
    /// automatically: a caseworker decides.
    pub matches: Vec<PossibleMatchView>,
    /// How many more possible matches are in records the caller may not see.
    pub hidden: usize,
}

impl From<PossibleMatches> for PossibleMatchesView {
    fn from(m: PossibleMatches) -> Self {
        PossibleMatchesView {
            matches: m
                .matches
                .into_iter()
                .map(|p| PossibleMatchView {
                    person_id: p.person_id,
                    score: p.score,
                    linked: p.linked,
                })
                .collect(),
            hidden: m.hidden,
        }
    }
}

/// The possible matches of a person, for the responses that create or screen one.
pub async fn matches_of(
    state: &AppState,
    principal: &Principal,
    person_id: &str,
) -> Result<PossibleMatchesView, Problem> {
    Ok(state
        .store
        .possible_matches(principal, person_id)
        .await?
        .into())
}

#[derive(Serialize, ToSchema)]
pub struct PersonRegistered {
    #[serde(flatten)]
    pub person: PersonView,
    pub possible_matches: PossibleMatchesView,
}

/// Registers a person with identifying fields, sealed in the vault; the caller owns the record.
/// The response lists people already known who may be the same person.
#[utoipa::path(post, path = "/api/v1/persons", tag = "persons", request_body = NewPerson,
    responses((status = 201, body = PersonRegistered), (status = 403, body = Problem), (status = 422, body = Problem)),
    security(("session" = []), ("token" = [])))]
pub async fn create_person(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(body): ApiJson<NewPerson>,
) -> Result<(StatusCode, Json<PersonRegistered>), Problem> {
    let principal = caller.require(Scope::Identity)?;
    let identity = identity_record(body.identity)?;
    let person = state
        .store
        .create_person(principal, &identity, &body.purpose)
        .await?;
    let possible_matches = matches_of(&state, principal, &person.id).await?;
    Ok((
        StatusCode::CREATED,
        Json(PersonRegistered {
            person: person.into(),
            possible_matches,
        }),
    ))
}

/// People already known who may be the same as this one.
#[utoipa::path(get, path = "/api/v1/persons/{id}/possible-matches", tag = "persons", params(("id" = String, Path)),
    responses((status = 200, body = PossibleMatchesView), (status = 403, body = Problem)), security(("session" = []), ("token" = [])))]
pub async fn possible_matches(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<Json<PossibleMatchesView>, Problem> {
    let principal = caller.require(Scope::Read)?;
    Ok(Json(matches_of(&state, principal, &id).await?))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SamePerson {
    pub other_person_id: String,
}

/// Records that two records are the same person (both histories keep it; undo with DELETE).
#[utoipa::path(post, path = "/api/v1/persons/{id}/links", tag = "persons", params(("id" = String, Path)), request_body = SamePerson,
    responses((status = 204), (status = 403, body = Problem), (status = 422, body = Problem)), security(("session" = []), ("token" = [])))]
pub async fn link_person(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<SamePerson>,
) -> Result<StatusCode, Problem> {
    let principal = caller.require(Scope::Write)?;
    state
        .store
        .link_persons(principal, &id, &body.other_person_id, true)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Undoes a link between two records.
#[utoipa::path(delete, path = "/api/v1/persons/{id}/links/{other}", tag = "persons", params(("id" = String, Path), ("other" = String, Path)),
    responses((status = 204), (status = 403, body = Problem)), security(("session" = []), ("token" = [])))]
pub async fn unlink_person(
    State(state): State<AppState>,
    caller: Caller,
    Path((id, other)): Path<(String, String)>,
) -> Result<StatusCode, Problem> {
    let principal = caller.require(Scope::Write)?;
    state
        .store
        .link_persons(principal, &id, &other, false)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The pseudonymous record of a person (no identifying data).
#[utoipa::path(get, path = "/api/v1/persons/{id}", tag = "persons", params(("id" = String, Path)),
    responses((status = 200, body = PersonView), (status = 403, body = Problem), (status = 404, body = Problem)),
    security(("session" = []), ("token" = [])))]
pub async fn get_person(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<Json<PersonView>, Problem> {
    let principal = caller.require(Scope::Read)?;
    Ok(Json(state.store.person(principal, &id).await?.into()))
}

#[derive(Deserialize, IntoParams)]
pub struct IdentityQuery {
    /// Why you need to see it; recorded in the audit log and shown to the person.
    pub purpose: String,
    /// Comma-separated fields to read; all when left out.
    pub fields: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct IdentityView {
    pub person_id: String,
    pub identity: BTreeMap<String, String>,
}

/// Reads identifying fields. Audited with the fields read and the purpose.
#[utoipa::path(get, path = "/api/v1/persons/{id}/identity", tag = "persons", params(("id" = String, Path), IdentityQuery),
    responses((status = 200, body = IdentityView), (status = 403, body = Problem), (status = 409, body = Problem)),
    security(("session" = []), ("token" = [])))]
pub async fn read_identity(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    Query(query): Query<IdentityQuery>,
) -> Result<Json<IdentityView>, Problem> {
    let principal = caller.require(Scope::Identity)?;
    let mut fields = Vec::new();
    for name in query
        .fields
        .iter()
        .flat_map(|f| f.split(','))
        .map(str::trim)
        .filter(|f| !f.is_empty())
    {
        fields.push(IdentityField::parse(name).ok_or_else(|| {
            Problem::invalid("fields", format!("{name:?} is not an identity field"))
        })?);
    }
    let identity = state
        .store
        .read_identity(principal, &id, &fields, &query.purpose)
        .await?;
    Ok(Json(IdentityView {
        person_id: id,
        identity: identity
            .into_iter()
            .map(|(f, v)| (f.id().to_string(), v))
            .collect(),
    }))
}

/// Adds or replaces identifying fields.
#[utoipa::path(patch, path = "/api/v1/persons/{id}/identity", tag = "persons", params(("id" = String, Path)), request_body = NewPerson,
    responses((status = 204), (status = 403, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)),
    security(("session" = []), ("token" = [])))]
pub async fn update_identity(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<NewPerson>,
) -> Result<StatusCode, Problem> {
    let principal = caller.require(Scope::Identity)?;
    let identity = identity_record(body.identity)?;
    state
        .store
        .update_identity(principal, &id, &identity, &body.purpose)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PersonSearch {
    /// given_name, family_name, other_names or phone.
    pub field: String,
    /// Matched exactly after normalisation (case, accents, spaces; digits for phones).
    pub value: String,
}

/// Finds people by name or phone through the keyed blind index: only those whose record the
/// caller may see.
#[utoipa::path(post, path = "/api/v1/persons/search", tag = "persons", request_body = PersonSearch,
    responses((status = 200, body = Vec<PersonView>), (status = 422, body = Problem)), security(("session" = []), ("token" = [])))]
pub async fn search_persons(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(body): ApiJson<PersonSearch>,
) -> Result<Json<Vec<PersonView>>, Problem> {
    let principal = caller.require(Scope::Identity)?;
    let field = IdentityField::parse(&body.field).ok_or_else(|| {
        Problem::invalid(
            "field",
            format!("{:?} is not an identity field", body.field),
        )
    })?;
    let found = state
        .store
        .find_persons(principal, field, &body.value)
        .await?;
    Ok(Json(found.into_iter().map(Into::into).collect()))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Erasure {
    /// Why (e.g. the person's request); recorded.
    pub reason: String,
}

/// Erases a person's identity by destroying their data key. Cannot be undone.
#[utoipa::path(post, path = "/api/v1/persons/{id}/erase", tag = "persons", params(("id" = String, Path)), request_body = Erasure,
    responses((status = 204), (status = 403, body = Problem), (status = 409, body = Problem)), security(("session" = []), ("token" = [])))]
pub async fn erase_person(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<Erasure>,
) -> Result<StatusCode, Problem> {
    let principal = caller.require(Scope::Identity)?;
    state
        .store
        .erase_person(principal, &id, &body.reason)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Who saw or changed this person's record, when and why.
#[utoipa::path(get, path = "/api/v1/persons/{id}/access-history", tag = "persons", params(("id" = String, Path)),
    responses((status = 200, body = Vec<AuditEntryView>), (status = 403, body = Problem)), security(("session" = []), ("token" = [])))]
pub async fn access_history(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<Json<Vec<AuditEntryView>>, Problem> {
    let principal = caller.require(Scope::Read)?;
    let entries: Vec<AuditEntry> = state.store.access_history(principal, &id).await?;
    Ok(Json(entries.into_iter().map(Into::into).collect()))
}
