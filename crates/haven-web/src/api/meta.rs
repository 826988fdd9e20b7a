//! Health, version, the public identification catalogue and the OpenAPI description.

use std::sync::OnceLock;

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use haven_domain::identification::Catalogue;
use serde::Serialize;
use utoipa::ToSchema;

use crate::problem::Problem;
use crate::state::AppState;

#[derive(Serialize, ToSchema)]
pub struct Health {
    /// `ok` when the database answers.
    pub status: &'static str,
}

/// Liveness and database reachability, for load balancers and monitoring.
#[utoipa::path(get, path = "/healthz", tag = "meta", responses((status = 200, body = Health), (status = 503, body = Problem)))]
pub async fn healthz(State(state): State<AppState>) -> Result<Json<Health>, Problem> {
    state
        .store
        .counts()
        .await
        .map(|_| Json(Health { status: "ok" }))
        .map_err(|_| {
            Problem::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "unavailable",
                "the database does not answer",
            )
        })
}

#[derive(Serialize, ToSchema)]
pub struct Version {
    pub version: &'static str,
    /// `sqlite` or `postgres`.
    pub database: &'static str,
}

#[utoipa::path(get, path = "/api/v1/version", tag = "meta", responses((status = 200, body = Version)))]
pub async fn version(State(state): State<AppState>) -> Json<Version> {
    Json(Version {
        version: env!("CARGO_PKG_VERSION"),
        database: state.store.engine(),
    })
}

#[derive(Serialize, ToSchema)]
pub struct CatalogueEntryView {
    pub id: String,
    pub label: String,
}

#[derive(Serialize, ToSchema)]
pub struct CatalogueView {
    pub acts: Vec<CatalogueEntryView>,
    pub means: Vec<CatalogueEntryView>,
    pub purposes: Vec<CatalogueEntryView>,
    pub indicators: Vec<IndicatorView>,
    pub offences: Vec<CatalogueEntryView>,
    pub risk_indicators: Vec<CatalogueEntryView>,
    pub profiles: Vec<CatalogueEntryView>,
}

#[derive(Serialize, ToSchema)]
pub struct IndicatorView {
    pub id: String,
    pub dimension: &'static str,
    pub label: String,
    pub question: String,
}

/// The identification catalogue: the stable ids a screening may use. Public.
#[utoipa::path(get, path = "/api/v1/catalogue", tag = "meta", responses((status = 200, body = CatalogueView)))]
pub async fn catalogue() -> Json<CatalogueView> {
    let c = Catalogue::embedded();
    let entries = |list: &[haven_domain::identification::catalogue::CatalogueEntry]| {
        list.iter()
            .map(|e| CatalogueEntryView {
                id: e.id.clone(),
                label: e.label.clone(),
            })
            .collect()
    };
    Json(CatalogueView {
        acts: entries(&c.acts),
        means: entries(&c.means),
        purposes: c
            .purposes
            .iter()
            .map(|p| CatalogueEntryView {
                id: p.entry.id.clone(),
                label: p.entry.label.clone(),
            })
            .collect(),
        indicators: c
            .indicators
            .iter()
            .map(|i| IndicatorView {
                id: i.id.clone(),
                dimension: i.dimension.id(),
                label: i.label.clone(),
                question: i.question.clone(),
            })
            .collect(),
        offences: entries(&c.offences),
        risk_indicators: entries(&c.risks),
        profiles: c
            .profiles
            .iter()
            .map(|p| CatalogueEntryView {
                id: p.id.clone(),
                label: p.label.clone(),
            })
            .collect(),
    })
}

/// This API's OpenAPI 3.1 description.
#[utoipa::path(get, path = "/api/openapi.json", tag = "meta", responses((status = 200, description = "OpenAPI 3.1 document")))]
pub async fn openapi_json() -> Response {
    static DOCUMENT: OnceLock<String> = OnceLock::new();
    let body = DOCUMENT.get_or_init(|| crate::openapi().to_pretty_json().unwrap_or_default());
    let mut response = body.clone().into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    response
}

pub async fn not_found() -> Problem {
    Problem::not_found(
        "there is nothing at this address; the API is described at /api/openapi.json",
    )
}
