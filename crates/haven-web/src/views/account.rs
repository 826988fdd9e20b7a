//! The user's own account: sessions and signing out everywhere, the language to remember, and
//! the second factor.

use axum::Form;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::{Page, PageError, Viewer, render};
use crate::state::AppState;

#[derive(askama::Template)]
#[template(path = "account.html")]
struct AccountPage {
    page: Page,
    sessions: Vec<(String, String)>,
    totp_enabled: bool,
    enrolment: Option<(String, String)>,
    notice: Option<String>,
}

#[derive(Deserialize)]
pub struct TotpForm {
    code: String,
}

pub async fn account(State(state): State<AppState>, viewer: Viewer) -> Response {
    match account_page(&state, &viewer, None, None).await {
        Ok(page) => render(&page),
        Err(error) => error.render(&viewer),
    }
}

async fn account_page(
    state: &AppState,
    viewer: &Viewer,
    enrolment: Option<(String, String)>,
    notice: Option<String>,
) -> Result<AccountPage, PageError> {
    let page = viewer.page(viewer.t("account-title"), "account");
    let sessions = state
        .store
        .sessions_of(viewer.principal())
        .await?
        .into_iter()
        .map(|(created, expires)| (page.date(created), page.date(expires)))
        .collect();
    let totp_enabled = state
        .store
        .user(&viewer.principal().user_id)
        .await?
        .totp_enabled;
    Ok(AccountPage {
        page,
        sessions,
        totp_enabled,
        enrolment,
        notice,
    })
}

pub async fn sign_out_everywhere(State(state): State<AppState>, viewer: Viewer) -> Response {
    match state.store.revoke_all_sessions(viewer.principal()).await {
        Ok(_) => Redirect::to("/sign-in").into_response(),
        Err(error) => PageError::from(error).render(&viewer),
    }
}

pub async fn begin_totp(State(state): State<AppState>, viewer: Viewer) -> Response {
    let secret = match state.store.begin_totp_enrolment(viewer.principal()).await {
        Ok(secret) => secret,
        Err(error) => return PageError::from(error).render(&viewer),
    };
    let enrolment = (
        secret.to_base32(),
        secret.otpauth_uri("Haven", &viewer.principal().username),
    );
    match account_page(&state, &viewer, Some(enrolment), None).await {
        Ok(page) => render(&page),
        Err(error) => error.render(&viewer),
    }
}

pub async fn confirm_totp(
    State(state): State<AppState>,
    viewer: Viewer,
    Form(form): Form<TotpForm>,
) -> Response {
    let notice = match state
        .store
        .confirm_totp_enrolment(viewer.principal(), form.code.trim())
        .await
    {
        Ok(true) => viewer.t("account-totp-confirmed"),
        Ok(false) => viewer.t("account-totp-wrong-code"),
        Err(error) => return PageError::from(error).render(&viewer),
    };
    match account_page(&state, &viewer, None, Some(notice)).await {
        Ok(page) => render(&page),
        Err(error) => error.render(&viewer),
    }
}
