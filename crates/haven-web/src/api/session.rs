//! Signing in and out, the account's sessions, the second factor, passwords and API tokens.

use std::net::SocketAddr;

use axum::Json;
use axum::extract::{ConnectInfo, Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use haven_store::{AuditActor, LoginError, Principal, Scope};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::extract::{ApiJson, Caller, Credential, cleared_session_cookie, session_cookie_header};
use crate::problem::Problem;
use crate::state::AppState;

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SignIn {
    pub username: String,
    pub password: String,
    /// The 6-digit code of the authenticator app, when the account has one.
    pub totp_code: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct Me {
    pub user_id: String,
    pub username: String,
    pub organisation_id: String,
    pub role: String,
    /// False while the organisation requires a second factor that is not enrolled yet: only
    /// enrolment is allowed until then.
    pub second_factor_done: bool,
}

fn me(principal: &Principal, second_factor_done: bool) -> Me {
    Me {
        user_id: principal.user_id.clone(),
        username: principal.username.clone(),
        organisation_id: principal.organisation_id.clone(),
        role: principal.role.id().to_string(),
        second_factor_done,
    }
}

/// Signs in; sets the session cookie (HttpOnly, SameSite=Strict, Secure behind TLS).
#[utoipa::path(post, path = "/api/v1/session", tag = "session", request_body = SignIn,
    responses((status = 200, body = Me), (status = 401, body = Problem), (status = 429, body = Problem)))]
pub async fn sign_in(
    State(state): State<AppState>,
    ConnectInfo(address): ConnectInfo<SocketAddr>,
    ApiJson(body): ApiJson<SignIn>,
) -> Result<Response, Problem> {
    if let Err(wait) = state.login_limiter.attempt(address.ip()) {
        return Err(Problem::new(
            StatusCode::TOO_MANY_REQUESTS,
            "rate_limited",
            format!("too many sign-in attempts; wait {wait} seconds"),
        )
        .retry_after(wait));
    }
    let outcome = state
        .store
        .authenticate(&body.username, &body.password, body.totp_code.as_deref())
        .await?;
    let authenticated = outcome.map_err(|error| match error {
        LoginError::InvalidCredentials => Problem::new(
            StatusCode::UNAUTHORIZED,
            "invalid_credentials",
            error.to_string(),
        ),
        LoginError::Locked => {
            Problem::new(StatusCode::FORBIDDEN, "account_locked", error.to_string())
        }
        LoginError::Disabled => {
            Problem::new(StatusCode::FORBIDDEN, "account_disabled", error.to_string())
        }
        LoginError::SecondFactorRequired => Problem::new(
            StatusCode::UNAUTHORIZED,
            "second_factor_required",
            error.to_string(),
        )
        .field("totp_code"),
        LoginError::SecondFactorInvalid => Problem::new(
            StatusCode::UNAUTHORIZED,
            "second_factor_invalid",
            error.to_string(),
        )
        .field("totp_code"),
    })?;
    let (token, session) = state
        .store
        .create_session(&authenticated.principal, authenticated.second_factor_done)
        .await?;
    let cookie = session_cookie_header(&token, state.config.behind_tls);
    let mut response = Json(me(&session.principal, session.second_factor_done)).into_response();
    response.headers_mut().insert(
        header::SET_COOKIE,
        HeaderValue::from_str(&cookie).map_err(|_| Problem::unauthenticated())?,
    );
    Ok(response)
}

/// Who is signed in.
#[utoipa::path(get, path = "/api/v1/session", tag = "session", responses((status = 200, body = Me), (status = 401, body = Problem)),
    security(("session" = []), ("token" = [])))]
pub async fn current(caller: Caller) -> Json<Me> {
    let done = !matches!(
        caller.credential,
        Credential::Session {
            second_factor_done: false,
            ..
        }
    );
    Json(me(&caller.principal, done))
}

/// Signs out this session and clears the cookie.
#[utoipa::path(delete, path = "/api/v1/session", tag = "session", responses((status = 204), (status = 401, body = Problem)),
    security(("session" = [])))]
pub async fn sign_out(State(state): State<AppState>, caller: Caller) -> Result<Response, Problem> {
    if let Credential::Session { token, .. } = &caller.credential {
        state.store.revoke_session(token).await?;
    }
    let mut response = StatusCode::NO_CONTENT.into_response();
    let clear = cleared_session_cookie();
    response.headers_mut().insert(
        header::SET_COOKIE,
        HeaderValue::from_str(&clear).expect("a valid header"),
    );
    Ok(response)
}

#[derive(Serialize, ToSchema)]
pub struct SessionsView {
    /// Start and end of each live session, UTC milliseconds, newest first.
    pub sessions: Vec<(i64, i64)>,
}

/// The account's live sessions.
#[utoipa::path(get, path = "/api/v1/account/sessions", tag = "session", responses((status = 200, body = SessionsView)),
    security(("session" = [])))]
pub async fn list_sessions(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Json<SessionsView>, Problem> {
    Ok(Json(SessionsView {
        sessions: state.store.sessions_of(&caller.principal).await?,
    }))
}

#[derive(Serialize, ToSchema)]
pub struct Ended {
    pub sessions_ended: u64,
}

/// Signs the account out everywhere.
#[utoipa::path(delete, path = "/api/v1/account/sessions", tag = "session", responses((status = 200, body = Ended)),
    security(("session" = [])))]
pub async fn sign_out_everywhere(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Json<Ended>, Problem> {
    Ok(Json(Ended {
        sessions_ended: state.store.revoke_all_sessions(&caller.principal).await?,
    }))
}

#[derive(Serialize, ToSchema)]
pub struct TotpEnrolment {
    /// The secret in base32, to type into an authenticator app.
    pub secret: String,
    /// The same as an `otpauth://` URI, for a QR code.
    pub otpauth_uri: String,
}

/// Starts enrolling an authenticator app; confirm with a first code.
#[utoipa::path(post, path = "/api/v1/account/totp", tag = "session", responses((status = 200, body = TotpEnrolment)),
    security(("session" = [])))]
pub async fn begin_totp(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Json<TotpEnrolment>, Problem> {
    if !caller.is_session() {
        return Err(Problem::forbidden(
            "enrol a second factor from a signed-in session, not with an API token",
        ));
    }
    let secret = state.store.begin_totp_enrolment(&caller.principal).await?;
    Ok(Json(TotpEnrolment {
        secret: secret.to_base32(),
        otpauth_uri: secret.otpauth_uri("Haven", &caller.principal.username),
    }))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TotpConfirmation {
    pub code: String,
}

/// Confirms the authenticator app with a first code.
#[utoipa::path(post, path = "/api/v1/account/totp/confirm", tag = "session", request_body = TotpConfirmation,
    responses((status = 204), (status = 422, body = Problem)), security(("session" = [])))]
pub async fn confirm_totp(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(body): ApiJson<TotpConfirmation>,
) -> Result<StatusCode, Problem> {
    if state
        .store
        .confirm_totp_enrolment(&caller.principal, &body.code)
        .await?
    {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(Problem::invalid(
            "code",
            "the code is not valid: check the time on your phone and type the current code",
        ))
    }
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PasswordChange {
    pub current_password: String,
    pub new_password: String,
}

/// Changes the caller's password and ends their other sessions.
#[utoipa::path(post, path = "/api/v1/account/password", tag = "session", request_body = PasswordChange,
    responses((status = 204), (status = 422, body = Problem)), security(("session" = [])))]
pub async fn change_password(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(body): ApiJson<PasswordChange>,
) -> Result<StatusCode, Problem> {
    let principal = caller.require(Scope::Write)?;
    let check = state
        .store
        .authenticate(&principal.username, &body.current_password, None)
        .await?;
    if matches!(
        check,
        Err(LoginError::InvalidCredentials | LoginError::Locked)
    ) {
        return Err(Problem::invalid(
            "current_password",
            "the current password is wrong",
        ));
    }
    state
        .store
        .set_password(
            AuditActor::User(principal),
            &principal.user_id,
            &body.new_password,
        )
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewToken {
    pub name: String,
    /// Any of `read`, `write`, `identity`.
    pub scopes: Vec<String>,
    /// Days until it expires (1 to 366).
    pub days: i64,
}

#[derive(Serialize, ToSchema)]
pub struct TokenCreated {
    pub id: String,
    /// The secret, shown once: send it as `Authorization: Bearer <token>`.
    pub token: String,
    pub expires_at: i64,
}

/// Creates a personal API token for integrations.
#[utoipa::path(post, path = "/api/v1/account/tokens", tag = "session", request_body = NewToken,
    responses((status = 201, body = TokenCreated), (status = 422, body = Problem)), security(("session" = [])))]
pub async fn create_token(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(body): ApiJson<NewToken>,
) -> Result<(StatusCode, Json<TokenCreated>), Problem> {
    if !caller.is_session() {
        return Err(Problem::forbidden(
            "create API tokens from a signed-in session",
        ));
    }
    let principal = caller.require(Scope::Write)?;
    let mut scopes = Vec::new();
    for (i, scope) in body.scopes.iter().enumerate() {
        scopes.push(Scope::parse(scope).ok_or_else(|| {
            Problem::invalid(
                format!("scopes[{i}]"),
                format!("{scope:?} is not a scope; allowed: read, write, identity"),
            )
        })?);
    }
    let (secret, token) = state
        .store
        .create_api_token(principal, &body.name, &scopes, body.days)
        .await?;
    Ok((
        StatusCode::CREATED,
        Json(TokenCreated {
            id: token.id,
            token: secret,
            expires_at: token.expires_at,
        }),
    ))
}

/// Revokes one of the caller's API tokens.
#[utoipa::path(delete, path = "/api/v1/account/tokens/{id}", tag = "session", params(("id" = String, Path)),
    responses((status = 204), (status = 404, body = Problem)), security(("session" = [])))]
pub async fn revoke_token(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<StatusCode, Problem> {
    state.store.revoke_api_token(&caller.principal, &id).await?;
    Ok(StatusCode::NO_CONTENT)
}
