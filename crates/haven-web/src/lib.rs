//! Haven's HTTP server: the JSON API under `/api/v1/`, described by `/api/openapi.json`
//! (OpenAPI 3.1, generated from the handlers), with authentication, security headers, CSRF
//! protection, body limits and timeouts. Handlers translate HTTP to store calls; every access
//! decision is the domain's, made in the store.

pub mod api;
mod middleware;
mod problem;
mod state;
pub mod views;

use std::future::Future;
use std::time::Duration;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::StatusCode;
use tokio::net::TcpListener;
use tower_http::timeout::TimeoutLayer;

pub use problem::Problem;
pub use state::{AppState, WebConfig};

/// The largest request body accepted, in bytes, on every route but the document upload, which
/// takes the domain's largest document (`api::documents::MAX_UPLOAD_BYTES`) on its own route.
pub const MAX_BODY_BYTES: usize = 256 * 1024;

/// How long a request may take before the server gives up on it.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// Now, in UTC milliseconds, as the store and the domain count time.
pub(crate) fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or_default()
}

/// The whole application.
pub fn router(state: AppState) -> Router {
    let (api, _) = api::routes().split_for_parts();
    api.merge(views::routes())
        .fallback(api::meta::not_found)
        .layer(axum::middleware::from_fn(middleware::log::log))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            middleware::security_headers::add,
        ))
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(tower_http::compression::CompressionLayer::new())
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            REQUEST_TIMEOUT,
        ))
        .with_state(state)
}

/// The OpenAPI description of the API.
pub fn openapi() -> utoipa::openapi::OpenApi {
    api::openapi()
}

/// Serves until `shutdown` completes, then finishes the requests in flight.
pub async fn serve(
    listener: TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let app = router(state).into_make_service_with_connect_info::<std::net::SocketAddr>();
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown)
        .await
}
