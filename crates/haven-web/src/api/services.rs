//! The service directory over HTTP: the services providers offer, who each is for and how many
//! places are free; and, for a case, every service of a kind the person needs, eligible or not
//! with the reasons in words, ranked. Admins keep every organisation's entries, providers their
//! own; everyone signed in may read the directory.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use haven_domain::case::{MatchReason, Service, ServiceKind, ServiceMatch};
use haven_domain::i18n::Localizer;
use haven_store::{Scope, ServiceDescription, ServiceEntry, ServiceFilter};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::extract::{ApiJson, Caller};
use crate::problem::Problem;
use crate::state::AppState;

/// A service as a provider describes it: `kind` is one of shelter, medical, psychosocial,
/// legal_aid, interpretation, guardianship, education, vocational, repatriation,
/// child_protection; genders are HTCDS `prs_Gender` codes; `capacity` is null where places do
/// not apply (legal aid, interpretation).
#[derive(Deserialize, ToSchema)]
#[serde(transparent)]
#[schema(value_type = Object)]
pub struct NewService(ServiceDescription);

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "expected_version": 2,
    "service": {"provider": "0190c2a4-…", "name": "St Luke Clinic outpatients", "kind": "medical",
                "eligibility": {"genders": "everyone", "ages": {"min": null, "max": null}, "women_only": false,
                                "child_friendly": true, "languages": ["en", "fr"], "disability_access": true},
                "staff_genders": ["Feminine", "Masculine"], "location": "port-city", "capacity": null}
}))]
pub struct ServiceChange {
    /// The version the caller last saw; a concurrent change makes this a 409 conflict.
    pub expected_version: Option<i64>,
    /// The whole description, as for a new service; the id stays.
    #[schema(value_type = Object)]
    pub service: ServiceDescription,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"expected_version": 3, "free": 0}))]
pub struct PlacesFree {
    pub expected_version: Option<i64>,
    /// How many places are free now; never more than the service has.
    pub free: u32,
}

/// A service in the directory: the service's fields with its `id`, and the `version` to give
/// back with a change.
#[derive(Serialize, ToSchema)]
#[serde(transparent)]
#[schema(value_type = Object)]
pub struct ServiceView(ServiceEntry);

#[derive(Serialize, ToSchema)]
#[schema(example = json!({"services": [{
    "id": "0190c2b1-…", "provider": "0190c2a4-…", "name": "Safe Harbour women's shelter", "kind": "shelter",
    "eligibility": {"genders": "everyone", "ages": {"min": null, "max": null}, "women_only": true,
                    "child_friendly": true, "languages": ["en", "ar", "uk"], "disability_access": true},
    "staff_genders": ["Feminine"], "location": "port-city", "capacity": {"total": 12, "free": 3},
    "version": 4, "updated_at": 1767225600000_i64
}]}))]
pub struct ServiceList {
    pub services: Vec<ServiceView>,
}

#[derive(Deserialize, IntoParams)]
pub struct ServiceQuery {
    /// shelter, medical, psychosocial, legal_aid, interpretation, guardianship, education,
    /// vocational, repatriation or child_protection.
    pub kind: Option<String>,
    /// The providing organisation's id.
    pub organisation: Option<String>,
    /// Only services with a place free (a service without places is never full).
    #[serde(default)]
    pub places_free: bool,
}

/// One service of a kind the person needs, as it fits them.
#[derive(Serialize, ToSchema)]
#[schema(example = json!({
    "rank": 3, "eligible": false, "preferences_honoured": 0,
    "service": {"id": "0190c2b1-…", "provider": "0190c2a4-…", "name": "Safe Harbour women's shelter", "kind": "shelter"},
    "reasons": [{"reason": "women_only", "gender": "Masculine", "excludes": true,
                 "text": "women-only shelter; adult men not eligible"}]
}))]
pub struct MatchView {
    /// 1 for the best: eligible services first, then by the preferences each honours,
    /// language, location and free places.
    pub rank: usize,
    pub eligible: bool,
    /// How many of the person's gender preferences it honours.
    pub preferences_honoured: usize,
    #[schema(value_type = Object)]
    pub service: Service,
    /// Why it is not eligible, and what else the caseworker should know, in the order checked.
    pub reasons: Vec<ReasonView>,
}

#[derive(Serialize, ToSchema)]
pub struct ReasonView {
    /// `reason` (a stable code: gender_not_served, women_only, not_women_only,
    /// does_not_serve_children, does_not_serve_adults, outside_age_range, not_child_friendly,
    /// no_disability_access, no_places_free, does_not_interpret, interpreter_needed,
    /// other_location, caseworker_gender_unavailable, interpreter_gender_unavailable) and its
    /// details.
    #[serde(flatten)]
    #[schema(value_type = Object)]
    pub reason: MatchReason,
    /// Whether it makes the person ineligible; the others are for the caseworker to know.
    pub excludes: bool,
    /// The reason in words, in the language the caller chose (English until they choose).
    pub text: String,
}

#[derive(Serialize, ToSchema)]
pub struct MatchList {
    pub matches: Vec<MatchView>,
}

/// The service directory, by kind, then name.
#[utoipa::path(get, path = "/api/v1/services", tag = "services", params(ServiceQuery),
    responses((status = 200, body = ServiceList), (status = 422, body = Problem)),
    security(("session" = []), ("token" = [])))]
pub async fn list_services(
    State(state): State<AppState>,
    caller: Caller,
    Query(query): Query<ServiceQuery>,
) -> Result<Json<ServiceList>, Problem> {
    caller.require(Scope::Read)?;
    let kind = query.kind.as_deref().map(parse_kind).transpose()?;
    let filter = ServiceFilter {
        kind,
        organisation_id: query.organisation,
        with_places_free: query.places_free,
    };
    let services = state.store.services(&filter).await?;
    Ok(Json(ServiceList {
        services: services.into_iter().map(ServiceView).collect(),
    }))
}

/// Adds a service to the directory: an admin for any organisation, a provider for its own.
#[utoipa::path(post, path = "/api/v1/services", tag = "services",
    request_body(content = NewService, example = json!({
        "provider": "0190c2a4-…", "name": "Safe Harbour women's shelter", "kind": "shelter",
        "eligibility": {"genders": "everyone", "ages": {"min": null, "max": null}, "women_only": true,
                        "child_friendly": true, "languages": ["en", "ar", "uk"], "disability_access": true},
        "staff_genders": ["Feminine"], "location": "port-city", "capacity": {"total": 12, "free": 3}
    })),
    responses((status = 201, body = ServiceView, example = json!({
        "id": "0190c2b1-…", "provider": "0190c2a4-…", "name": "Safe Harbour women's shelter", "kind": "shelter",
        "eligibility": {"genders": "everyone", "ages": {"min": null, "max": null}, "women_only": true,
                        "child_friendly": true, "languages": ["en", "ar", "uk"], "disability_access": true},
        "staff_genders": ["Feminine"], "location": "port-city", "capacity": {"total": 12, "free": 3},
        "version": 1, "updated_at": 1767225600000_i64
    })), (status = 403, body = Problem), (status = 422, body = Problem)),
    security(("session" = []), ("token" = [])))]
pub async fn add_service(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(NewService(description)): ApiJson<NewService>,
) -> Result<(StatusCode, Json<ServiceView>), Problem> {
    let principal = caller.require(Scope::Write)?;
    let entry = state.store.add_service(principal, description).await?;
    Ok((StatusCode::CREATED, Json(ServiceView(entry))))
}

/// Replaces a service's description. Moving it to another organisation needs the right to
/// keep both.
#[utoipa::path(put, path = "/api/v1/services/{id}", tag = "services", params(("id" = String, Path)),
    request_body = ServiceChange,
    responses((status = 200, body = ServiceView), (status = 403, body = Problem), (status = 404, body = Problem),
              (status = 409, body = Problem), (status = 422, body = Problem)),
    security(("session" = []), ("token" = [])))]
pub async fn update_service(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<ServiceChange>,
) -> Result<Json<ServiceView>, Problem> {
    let principal = caller.require(Scope::Write)?;
    let entry = state
        .store
        .update_service(principal, &id, body.expected_version, body.service)
        .await?;
    Ok(Json(ServiceView(entry)))
}

/// Records how many of a service's places are free now. A full service stays in the directory
/// and in matching, ranked after those with places, with the reason.
#[utoipa::path(put, path = "/api/v1/services/{id}/capacity", tag = "services", params(("id" = String, Path)),
    request_body = PlacesFree,
    responses((status = 200, body = ServiceView), (status = 403, body = Problem), (status = 404, body = Problem),
              (status = 409, body = Problem), (status = 422, body = Problem)),
    security(("session" = []), ("token" = [])))]
pub async fn set_places_free(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<PlacesFree>,
) -> Result<Json<ServiceView>, Problem> {
    let principal = caller.require(Scope::Write)?;
    let entry = state
        .store
        .set_places_free(principal, &id, body.expected_version, body.free)
        .await?;
    Ok(Json(ServiceView(entry)))
}

/// Every service of a kind the case's person needs (as recorded on the case), eligible or not
/// with the reasons in words, ranked; the person's preferences (women-only services, the
/// gender of caseworkers and interpreters) are honoured. Reads the case (an audited read).
#[utoipa::path(get, path = "/api/v1/cases/{id}/matching-services", tag = "services", params(("id" = String, Path)),
    responses((status = 200, body = MatchList), (status = 403, body = Problem), (status = 404, body = Problem)),
    security(("session" = []), ("token" = [])))]
pub async fn matching_services(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<Json<MatchList>, Problem> {
    let principal = caller.require(Scope::Identity)?;
    let matches = state.store.matching_services(principal, &id).await?;
    let language = state.store.user_language(&principal.user_id).await?;
    let localizer = Localizer::new(language.as_deref().unwrap_or("en"))
        .unwrap_or_else(|_| Localizer::english());
    Ok(Json(MatchList {
        matches: matches
            .into_iter()
            .map(|m| in_words(m, &localizer))
            .collect(),
    }))
}

fn in_words(found: ServiceMatch, localizer: &Localizer) -> MatchView {
    let kind = found.service.kind;
    MatchView {
        rank: found.rank,
        eligible: found.eligible,
        preferences_honoured: found.preferences_honoured,
        reasons: found
            .reasons
            .into_iter()
            .map(|reason| ReasonView {
                excludes: reason.excludes(),
                text: localizer.render(&reason.message(kind)),
                reason,
            })
            .collect(),
        service: found.service,
    }
}

fn parse_kind(kind: &str) -> Result<ServiceKind, Problem> {
    ServiceKind::ALL
        .into_iter()
        .find(|k| k.id() == kind)
        .ok_or_else(|| {
            let kinds: Vec<&str> = ServiceKind::ALL.iter().map(|k| k.id()).collect();
            Problem::invalid(
                "kind",
                format!(
                    "kind: {kind:?} is not a kind of service; allowed: {}",
                    kinds.join(", ")
                ),
            )
        })
}
