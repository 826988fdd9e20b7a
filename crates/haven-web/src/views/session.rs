//! Signing in and out, the start page, and the choice of language.

use std::net::SocketAddr;

use axum::Form;
use axum::extract::{ConnectInfo, Query, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Redirect, Response};
use haven_domain::i18n::LANGUAGES;
use haven_store::LoginError;
use serde::Deserialize;

use super::{LANGUAGE_COOKIE, Page, Viewer, anonymous_page, render, safe_next};
use crate::api::extract::{Credential, cleared_session_cookie, session_cookie_header};
use crate::state::AppState;

#[derive(askama::Template)]
#[template(path = "sign_in.html")]
struct SignInPage {
    page: Page,
    next: String,
    username: String,
    message: Option<String>,
}

#[derive(askama::Template)]
#[template(path = "home.html")]
struct HomePage {
    page: Page,
}

#[derive(Deserialize)]
pub struct NextQuery {
    next: Option<String>,
}

#[derive(Deserialize)]
pub struct SignInForm {
    username: String,
    password: String,
    totp_code: Option<String>,
    next: Option<String>,
}

#[derive(Deserialize)]
pub struct LanguageForm {
    lang: String,
    back: Option<String>,
    /// Also remember it for the account, not just this browser.
    remember: Option<String>,
}

pub async fn home(viewer: Viewer) -> Response {
    let title = viewer.t1("home-title", "name", &viewer.display_name);
    render(&HomePage {
        page: viewer.page(title, "home"),
    })
}

pub async fn sign_in_page(headers: HeaderMap, Query(query): Query<NextQuery>) -> Response {
    let next = safe_next(query.next.as_deref());
    render(&SignInPage {
        page: anonymous_page(&headers, "sign-in-title", "/sign-in"),
        next,
        username: String::new(),
        message: None,
    })
}

pub async fn sign_in(
    State(state): State<AppState>,
    ConnectInfo(address): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Form(form): Form<SignInForm>,
) -> Response {
    let page = anonymous_page(&headers, "sign-in-title", "/sign-in");
    let next = safe_next(form.next.as_deref());
    let again = |page: Page, message: String| {
        let mut response = render(&SignInPage {
            page,
            next: next.clone(),
            username: form.username.clone(),
            message: Some(message),
        });
        *response.status_mut() = axum::http::StatusCode::UNAUTHORIZED;
        response
    };
    if crate::middleware::csrf::check_same_origin(&headers).is_err() {
        let message = page.t("sign-in-failed");
        return again(page, message);
    }
    if let Err(wait) = state.login_limiter.attempt(address.ip()) {
        let message = page.t1("sign-in-rate-limited", "seconds", &wait.to_string());
        return again(page, message);
    }
    let totp = form.totp_code.as_deref().filter(|c| !c.trim().is_empty());
    let outcome = match state
        .store
        .authenticate(&form.username, &form.password, totp)
        .await
    {
        Ok(outcome) => outcome,
        Err(error) => {
            tracing::error!(%error, "sign-in failed on the server");
            let message = page.t("sign-in-failed");
            return again(page, message);
        }
    };
    let authenticated = match outcome {
        Ok(authenticated) => authenticated,
        Err(error) => {
            let id = match error {
                LoginError::Locked => "sign-in-locked",
                LoginError::Disabled => "sign-in-disabled",
                _ => "sign-in-failed",
            };
            let message = page.t(id);
            return again(page, message);
        }
    };
    let Ok((token, _)) = state
        .store
        .create_session(&authenticated.principal, authenticated.second_factor_done)
        .await
    else {
        let message = page.t("sign-in-failed");
        return again(page, message);
    };
    let cookie = session_cookie_header(&token, state.config.behind_tls);
    let mut response = Redirect::to(&next).into_response();
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        response.headers_mut().insert(header::SET_COOKIE, value);
    }
    response
}

pub async fn sign_out(State(state): State<AppState>, viewer: Viewer) -> Response {
    if let Credential::Session { token, .. } = &viewer.caller.credential
        && let Err(error) = state.store.revoke_session(token).await
    {
        tracing::error!(%error, "a session could not be revoked");
    }
    let mut response = Redirect::to("/sign-in").into_response();
    let clear = cleared_session_cookie();
    if let Ok(value) = HeaderValue::from_str(&clear) {
        response.headers_mut().insert(header::SET_COOKIE, value);
    }
    response
}

/// Sets the language for this browser (a cookie), and for the account when asked and signed in.
pub async fn choose_language(
    State(state): State<AppState>,
    viewer: Option<Viewer>,
    Form(form): Form<LanguageForm>,
) -> Response {
    let back = safe_next(form.back.as_deref());
    let Some(lang) = LANGUAGES.into_iter().find(|l| *l == form.lang) else {
        return Redirect::to(&back).into_response();
    };
    if let (Some(viewer), Some(_)) = (&viewer, &form.remember)
        && let Err(error) = state
            .store
            .set_user_language(viewer.principal(), lang)
            .await
    {
        tracing::error!(%error, "the language could not be saved");
    }
    let mut response = Redirect::to(&back).into_response();
    let cookie = format!("{LANGUAGE_COOKIE}={lang}; Path=/; SameSite=Lax; Max-Age=31536000");
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        response.headers_mut().insert(header::SET_COOKIE, value);
    }
    response
}
