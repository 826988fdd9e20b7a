//! Request extractors: JSON bodies that fail with problem details naming the field, and the
//! caller, signed in by session cookie or API token.

use axum::extract::rejection::BytesRejection;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{Method, StatusCode, header};
use haven_store::{Principal, Scope};
use serde::de::DeserializeOwned;

use crate::problem::Problem;
use crate::state::AppState;

/// The name of the session cookie.
pub const SESSION_COOKIE: &str = "haven_session";

/// A JSON body. Malformed JSON, wrong types, unknown fields and oversize bodies are refused with
/// a problem that says where.
pub struct ApiJson<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for ApiJson<T> {
    type Rejection = Problem;

    async fn from_request(request: Request, state: &S) -> Result<Self, Problem> {
        let is_json = request
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| {
                v.split(';')
                    .next()
                    .is_some_and(|t| t.trim() == "application/json" || t.trim().ends_with("+json"))
            });
        if !is_json {
            return Err(Problem::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported_media_type",
                "send the body as JSON with Content-Type: application/json",
            ));
        }
        let bytes = axum::body::Bytes::from_request(request, state)
            .await
            .map_err(|rejection: BytesRejection| {
                Problem::unreadable_body(rejection.status(), rejection.body_text(), || {
                    format!(
                        "the body is larger than the {} KiB this endpoint accepts",
                        crate::MAX_BODY_BYTES / 1024
                    )
                })
            })?;
        let deserializer = &mut serde_json::Deserializer::from_slice(&bytes);
        serde_path_to_error::deserialize(deserializer)
            .map(ApiJson)
            .map_err(|e| {
                let path = e.path().to_string();
                let inner = e.into_inner();
                if inner.is_syntax() || inner.is_eof() {
                    Problem::new(
                        StatusCode::BAD_REQUEST,
                        "malformed_json",
                        format!("the body is not valid JSON: {inner}"),
                    )
                } else {
                    let field = if path == "." {
                        "(body)".to_string()
                    } else {
                        path
                    };
                    Problem::invalid(field.clone(), format!("{field}: {inner}"))
                }
            })
    }
}

/// How the caller proved who they are.
#[derive(Debug, Clone)]
pub enum Credential {
    /// A browser session; `second_factor_done` is false while a required second factor is not
    /// enrolled yet, when only enrolment is allowed.
    Session {
        token: String,
        second_factor_done: bool,
    },
    /// A personal API token with its scopes.
    Token { scopes: Vec<Scope> },
}

/// The signed-in caller.
#[derive(Debug, Clone)]
pub struct Caller {
    pub principal: Principal,
    pub credential: Credential,
}

impl Caller {
    /// Refuses a token without `scope`, and a session whose second factor is pending.
    pub fn require(&self, scope: Scope) -> Result<&Principal, Problem> {
        match &self.credential {
            Credential::Session {
                second_factor_done: false,
                ..
            } => Err(Problem::new(
                StatusCode::FORBIDDEN,
                "second_factor_enrolment_required",
                "your organisation requires a second factor: enrol an authenticator app first (POST /api/v1/account/totp)",
            )),
            Credential::Token { scopes } if !scopes.contains(&scope) => Err(Problem::forbidden(
                format!("this API token lacks the {} scope", scope.id()),
            )),
            _ => Ok(&self.principal),
        }
    }

    pub fn is_session(&self) -> bool {
        matches!(self.credential, Credential::Session { .. })
    }
}

impl FromRequestParts<AppState> for Caller {
    type Rejection = Problem;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Problem> {
        if let Some(token) = bearer_token(parts) {
            let found = state.store.api_token(&token).await.map_err(Problem::from)?;
            let (principal, token) = found.ok_or_else(Problem::unauthenticated)?;
            return Ok(Caller {
                principal,
                credential: Credential::Token {
                    scopes: token.scopes,
                },
            });
        }
        let token = session_cookie(parts).ok_or_else(Problem::unauthenticated)?;
        let session = state
            .store
            .session(&token)
            .await
            .map_err(Problem::from)?
            .ok_or_else(|| {
                Problem::new(
                    StatusCode::UNAUTHORIZED,
                    "session_expired",
                    "your session has ended; sign in again",
                )
            })?;
        if is_unsafe(&parts.method) {
            crate::middleware::csrf::check_same_origin(&parts.headers)?;
        }
        Ok(Caller {
            principal: session.principal,
            credential: Credential::Session {
                token,
                second_factor_done: session.second_factor_done,
            },
        })
    }
}

fn bearer_token(parts: &Parts) -> Option<String> {
    let value = parts.headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    value.strip_prefix("Bearer ").map(|t| t.trim().to_string())
}

/// The `Set-Cookie` value of a new session: HttpOnly, SameSite=Strict, Secure behind TLS.
pub fn session_cookie_header(token: &str, behind_tls: bool) -> String {
    let secure = if behind_tls { "; Secure" } else { "" };
    let max_age = haven_domain::auth::SESSION_TTL_MS / 1000;
    format!(
        "{SESSION_COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict; Max-Age={max_age}{secure}"
    )
}

/// The `Set-Cookie` value that ends the session cookie in the browser.
pub fn cleared_session_cookie() -> String {
    format!("{SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0")
}

pub fn session_cookie(parts: &Parts) -> Option<String> {
    parts
        .headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == SESSION_COOKIE)
        .map(|(_, value)| value.to_string())
}

fn is_unsafe(method: &Method) -> bool {
    !matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}
