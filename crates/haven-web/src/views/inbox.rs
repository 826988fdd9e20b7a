//! The receiving organisation's screens: the referrals sent to it, and each referral with only
//! the data it shares, to accept or decline; once accepted, the case page for the rest.

use axum::extract::{Path, Query, State};
use axum::response::Response;
use serde::Deserialize;

use super::cases::{recipient_message, referral_status_message};
use super::{Page, PageError, Viewer, render};
use crate::state::AppState;

#[derive(askama::Template)]
#[template(path = "inbox.html")]
struct InboxPage {
    page: Page,
    status: String,
    statuses: Vec<(&'static str, String)>,
    rows: Vec<InboxLine>,
}

struct InboxLine {
    case_id: String,
    referral_id: String,
    role: String,
    status: String,
    waiting: bool,
    accepted: bool,
    fields: String,
    sent: String,
}

#[derive(askama::Template)]
#[template(path = "referral.html")]
struct ReferralPage {
    page: Page,
    case_id: String,
    referral_id: String,
    status: String,
    waiting: bool,
    accepted: bool,
    sent: String,
    values: Vec<(String, String)>,
}

#[derive(Deserialize)]
pub struct InboxQuery {
    status: Option<String>,
}

pub async fn inbox(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(query): Query<InboxQuery>,
) -> Response {
    let status = query.status.unwrap_or_default();
    let page = viewer.page(viewer.t("inbox-title"), "inbox");
    let entries = match state
        .store
        .referral_inbox(
            viewer.principal(),
            (!status.is_empty()).then_some(status.as_str()),
        )
        .await
    {
        Ok(entries) => entries,
        Err(error) => return PageError::from(error).render(&viewer),
    };
    let rows = entries
        .into_iter()
        .map(|e| InboxLine {
            role: serde_json::from_value(serde_json::Value::String(e.recipient_role.clone()))
                .map(|r| page.t(recipient_message(r)))
                .unwrap_or(e.recipient_role),
            waiting: e.status == "sent",
            accepted: e.status == "accepted",
            status: page.t(referral_status_message(&e.status)),
            fields: e
                .fields
                .iter()
                .map(|f| page.word(&format!("field-{f}")))
                .collect::<Vec<_>>()
                .join(", "),
            sent: page.date(e.sent_at),
            case_id: e.case_id,
            referral_id: e.referral_id,
        })
        .collect();
    let statuses = [
        "sent",
        "accepted",
        "declined",
        "completed",
        "revoked",
        "suspended",
    ]
    .into_iter()
    .map(|s| (s, page.t(referral_status_message(s))))
    .collect();
    render(&InboxPage {
        page,
        status,
        statuses,
        rows,
    })
}

pub async fn referral(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((case_id, referral_id)): Path<(String, String)>,
) -> Response {
    let view = match state
        .store
        .shared_with_recipient(viewer.principal(), &case_id, &referral_id)
        .await
    {
        Ok(view) => view,
        Err(error) => return PageError::from(error).render(&viewer),
    };
    let page = viewer.page(viewer.t("referral-title"), "inbox");
    let values = view
        .values
        .into_iter()
        .map(|(field, value)| {
            (
                page.word(&format!("field-{field}")),
                value.unwrap_or_else(|| page.t("not-recorded")),
            )
        })
        .collect();
    render(&ReferralPage {
        waiting: view.status == "sent",
        accepted: view.status == "accepted",
        status: page.t(referral_status_message(&view.status)),
        sent: page.date(view.sent_at),
        case_id: view.case_id,
        referral_id: view.referral_id,
        values,
        page,
    })
}
