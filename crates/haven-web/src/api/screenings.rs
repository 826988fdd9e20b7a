//! Screenings: run the identification engine on a person's facts and store input and result.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use haven_store::{Scope, ScreeningRecord, ScreeningSummary};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::extract::{ApiJson, Caller};
use super::persons::{PossibleMatchesView, matches_of};
use crate::problem::Problem;
use crate::state::AppState;

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewScreening {
    /// The registered person screened, when there is one.
    pub person_id: Option<String>,
    /// The screening input, as for `haven screen` (see /api/v1/catalogue for the ids).
    #[schema(value_type = Object)]
    pub input: serde_json::Value,
}

#[derive(Serialize, ToSchema)]
pub struct ScreeningView {
    pub id: String,
    pub person_id: Option<String>,
    pub organisation_id: String,
    pub owner_user_id: String,
    pub created_at: i64,
    pub version: i64,
    #[schema(value_type = Object)]
    pub input: serde_json::Value,
    /// The engine's result, as `haven screen` prints it.
    #[schema(value_type = Object)]
    pub result: serde_json::Value,
}

impl From<ScreeningRecord> for ScreeningView {
    fn from(r: ScreeningRecord) -> Self {
        ScreeningView {
            id: r.id,
            person_id: r.person_id,
            organisation_id: r.organisation_id,
            owner_user_id: r.owner_user_id,
            created_at: r.created_at,
            version: r.version,
            input: r.input,
            result: r.result,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct ScreeningRecorded {
    #[serde(flatten)]
    pub screening: ScreeningView,
    /// For a registered person: people already known who may be the same person.
    pub possible_matches: Option<PossibleMatchesView>,
}

/// Screens a person and stores the input with the engine's result; for a registered person,
/// also checks whether they may already be known.
#[utoipa::path(post, path = "/api/v1/screenings", tag = "screenings", request_body = NewScreening,
    responses((status = 201, body = ScreeningRecorded), (status = 403, body = Problem), (status = 422, body = Problem)),
    security(("session" = []), ("token" = [])))]
pub async fn create_screening(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(body): ApiJson<NewScreening>,
) -> Result<(StatusCode, Json<ScreeningRecorded>), Problem> {
    let principal = caller.require(Scope::Write)?;
    let record = state
        .store
        .record_screening(principal, body.person_id.as_deref(), &body.input)
        .await?;
    let possible_matches = match &record.person_id {
        Some(person_id) => Some(matches_of(&state, principal, person_id).await?),
        None => None,
    };
    Ok((
        StatusCode::CREATED,
        Json(ScreeningRecorded {
            screening: record.into(),
            possible_matches,
        }),
    ))
}

/// A stored screening (pseudonymous: no identity fields).
#[utoipa::path(get, path = "/api/v1/screenings/{id}", tag = "screenings", params(("id" = String, Path)),
    responses((status = 200, body = ScreeningView), (status = 403, body = Problem), (status = 404, body = Problem)),
    security(("session" = []), ("token" = [])))]
pub async fn get_screening(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<Json<ScreeningView>, Problem> {
    let principal = caller.require(Scope::Read)?;
    Ok(Json(state.store.screening(principal, &id).await?.into()))
}

#[derive(Serialize, ToSchema)]
pub struct ScreeningLine {
    pub id: String,
    pub person_id: Option<String>,
    pub created_at: i64,
    pub treated_as_child: bool,
    pub sex: String,
    pub exploitation_type: String,
    pub legal_outcome: String,
}

impl From<ScreeningSummary> for ScreeningLine {
    fn from(s: ScreeningSummary) -> Self {
        ScreeningLine {
            id: s.id,
            person_id: s.person_id,
            created_at: s.created_at,
            treated_as_child: s.treated_as_child,
            sex: s.sex,
            exploitation_type: s.exploitation_type,
            legal_outcome: s.legal_outcome,
        }
    }
}

#[derive(Deserialize, IntoParams)]
pub struct ScreeningPage {
    /// At most this many (1 to 500, default 50).
    pub limit: Option<i64>,
    /// Screenings created before this time (UTC milliseconds), for the next page.
    pub before: Option<i64>,
}

/// The caller's screenings and those of the teams they supervise, newest first.
#[utoipa::path(get, path = "/api/v1/screenings", tag = "screenings", params(ScreeningPage),
    responses((status = 200, body = Vec<ScreeningLine>)), security(("session" = []), ("token" = [])))]
pub async fn list_screenings(
    State(state): State<AppState>,
    caller: Caller,
    Query(page): Query<ScreeningPage>,
) -> Result<Json<Vec<ScreeningLine>>, Problem> {
    let principal = caller.require(Scope::Read)?;
    let list = state
        .store
        .screenings(principal, page.limit.unwrap_or(50), page.before)
        .await?;
    Ok(Json(list.into_iter().map(Into::into).collect()))
}
