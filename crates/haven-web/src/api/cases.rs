//! The national referral mechanism over HTTP: cases, their actions, the receiving
//! organisation's inbox, the overdue queue, decision letters and the jurisdiction profiles.
//!
//! Every change to a case is one `POST /api/v1/cases/{id}/actions` with the action as JSON, the
//! same spelling the history keeps; the domain decides whether the case allows it now and says
//! why not. Reading a case reads its sealed history, so it is audited like any identity read.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use haven_domain::case::letter::{Names, decision_letter};
use haven_domain::case::{Digest, NrmProfile, What};
use haven_domain::i18n::Localizer;
use haven_store::{
    CaseFilter, CaseHistoryEntry, CaseRecord, CaseSummary, IdentityField, InboxEntry, OpenCase,
    OverdueEntry, Scope,
};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::{IntoParams, ToSchema};

use super::extract::{ApiJson, Caller};
use crate::problem::Problem;
use crate::state::AppState;

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"person_id": "0190c2a4-…", "screening_id": "0190c2a5-…", "language": "fr"}))]
pub struct NewCase {
    pub person_id: String,
    /// The screening that found grounds or a risk; the child track follows its age track.
    pub screening_id: Option<String>,
    /// Without a screening: whether the person is (presumed) a child.
    pub child: Option<bool>,
    /// The person's language (BCP 47), for letters.
    pub language: Option<String>,
    /// Serious doubt remains about the person's age (implied by a screening whose age was not
    /// established by a document).
    #[serde(default)]
    pub age_in_doubt: bool,
}

/// A case as its history makes it: stage, consents, referrals, decisions, the child track,
/// proceedings and what is due. `version` goes back with the next action.
#[derive(Serialize, ToSchema)]
pub struct CaseView {
    pub id: String,
    pub person_id: String,
    pub screening_id: Option<String>,
    pub organisation_id: String,
    pub profile_id: String,
    pub version: i64,
    /// The case: `stage`, `track`, `consents`, `referrals`, `decisions`, `proceedings` …
    #[schema(value_type = Object)]
    pub case: Value,
    /// What the case waits for, each with its due day and state (pending, overdue, escalated).
    #[schema(value_type = Vec<Object>)]
    pub due: Value,
    /// Pending proceedings that need a non-punishment notice (HRC res. 32/3 §14).
    pub non_punishment_alert: bool,
}

impl TryFrom<CaseRecord> for CaseView {
    type Error = Problem;

    fn try_from(record: CaseRecord) -> Result<CaseView, Problem> {
        let non_punishment_alert = !record.case.non_punishment_alerts().is_empty();
        Ok(CaseView {
            case: to_json(&record.case)?,
            due: to_json(&record.due)?,
            id: record.id,
            person_id: record.person_id,
            screening_id: record.screening_id,
            organisation_id: record.organisation_id,
            profile_id: record.profile_id,
            version: record.version,
            non_punishment_alert,
        })
    }
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "expected_version": 2,
    "action": {"action": "refer", "referral": "r1",
               "to": {"organisation": "0190c2a4-…", "role": "shelter"},
               "fields": ["case_reference", "gender", "age_group", "language", "needs"]}
}))]
pub struct NewCaseAction {
    /// The version the caller last saw; a concurrent change makes the action a 409 conflict.
    pub expected_version: Option<i64>,
    /// The action, tagged by `action`: give_consent, withdraw_consent, refer,
    /// emergency_referral, accept_referral, decline_referral, complete_referral,
    /// revoke_referral, notify_anonymously, decide, request_reconsideration, appoint_guardian,
    /// assess_best_interests, assess_age, flag_family_tracing, add_support_plan, record_needs,
    /// record_preferences, choose_durable_solution, record_proceeding, end_proceeding,
    /// record_perpetrator, record_criminal_justice_outcome, record_origin (`citizenship` and
    /// `country_of_exploitation`, ISO 3166 alpha-2 or null), record_cooperation,
    /// record_residence_status, place, transfer_ownership, review, close. Documents are
    /// attached and removed through their own routes.
    #[schema(value_type = Object)]
    pub action: Value,
}

#[derive(Deserialize, IntoParams)]
pub struct CaseListQuery {
    /// A stage: identified, anonymous_notification, referred, recovery_period,
    /// not_identified, reconsideration, recognised, durable_solution, closed.
    pub stage: Option<String>,
    pub child: Option<bool>,
    pub limit: Option<i64>,
    /// Paging: cases last active before this moment (UTC ms).
    pub before: Option<i64>,
}

#[derive(Serialize, ToSchema)]
pub struct CaseList {
    #[schema(value_type = Vec<Object>)]
    pub cases: Vec<CaseSummary>,
}

#[derive(Deserialize, IntoParams)]
pub struct InboxQuery {
    /// sent, accepted, declined, completed, revoked or suspended.
    pub status: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct Inbox {
    #[schema(value_type = Vec<Object>)]
    pub referrals: Vec<InboxEntry>,
}

#[derive(Serialize, ToSchema)]
pub struct OverdueQueue {
    #[schema(value_type = Vec<Object>)]
    pub items: Vec<OverdueEntry>,
}

#[derive(Serialize, ToSchema)]
pub struct CaseHistory {
    #[schema(value_type = Vec<Object>)]
    pub actions: Vec<CaseHistoryEntry>,
}

#[derive(Serialize, ToSchema)]
#[schema(example = json!({
    "digest": {"user": "0190c2a0-…", "day": "2026-04-10",
               "escalated": [{"case": "0190c2b7-…", "item": {"kind": "reasonable_grounds_decision", "referral": null,
                              "started": "2026-03-27", "due": "2026-04-03",
                              "state": {"state": "escalated", "to": "supervisor"}}}],
               "overdue": [], "due_today": [], "waiting_for_answer": []},
    "text": "Daily digest for 0190c2a0-…, 2026-04-10\n\nEscalated to the supervisor (1)\n- 0190c2b7-…: reasonable-grounds decision, due 2026-04-03"
}))]
pub struct DigestView {
    /// The sections: `escalated`, `overdue`, `due_today`, `waiting_for_answer`.
    #[schema(value_type = Object)]
    pub digest: Digest,
    /// The same, to read, in the language the caller chose (English until they choose).
    pub text: String,
}

#[derive(Deserialize, IntoParams)]
pub struct LetterQuery {
    /// `text` (default) or `html`.
    pub format: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct ProfileView {
    pub id: String,
    pub label: String,
    pub reflection_period_days: u16,
    pub reasonable_grounds_threshold: String,
    pub conclusive_grounds_threshold: String,
    /// The one new cases open under.
    pub chosen: bool,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ChooseProfile {
    pub profile: String,
}

/// Opens a case for a person, from a screening or directly; the caller owns it.
#[utoipa::path(post, path = "/api/v1/cases", tag = "cases", request_body = NewCase,
    responses((status = 201, body = CaseView), (status = 403, body = Problem), (status = 422, body = Problem)),
    security(("session" = []), ("token" = [])))]
pub async fn open_case(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(body): ApiJson<NewCase>,
) -> Result<(StatusCode, Json<CaseView>), Problem> {
    let principal = caller.require(Scope::Write)?;
    let record = state
        .store
        .open_case(
            principal,
            &OpenCase {
                person_id: body.person_id,
                screening_id: body.screening_id,
                child: body.child,
                language: body.language,
                age_in_doubt: body.age_in_doubt,
            },
        )
        .await?;
    Ok((StatusCode::CREATED, Json(record.try_into()?)))
}

/// The cases the caller may see, most recently active first.
#[utoipa::path(get, path = "/api/v1/cases", tag = "cases", params(CaseListQuery),
    responses((status = 200, body = CaseList)), security(("session" = []), ("token" = [])))]
pub async fn list_cases(
    State(state): State<AppState>,
    caller: Caller,
    Query(query): Query<CaseListQuery>,
) -> Result<Json<CaseList>, Problem> {
    let principal = caller.require(Scope::Read)?;
    let filter = CaseFilter {
        stage: query.stage,
        child: query.child,
        limit: query.limit.unwrap_or(100),
        before: query.before,
    };
    Ok(Json(CaseList {
        cases: state.store.cases(principal, &filter).await?,
    }))
}

/// A case, replayed from its history (an audited read).
#[utoipa::path(get, path = "/api/v1/cases/{id}", tag = "cases", params(("id" = String, Path)),
    responses((status = 200, body = CaseView), (status = 403, body = Problem), (status = 404, body = Problem)),
    security(("session" = []), ("token" = [])))]
pub async fn get_case(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<Json<CaseView>, Problem> {
    let principal = caller.require(Scope::Identity)?;
    Ok(Json(state.store.case(principal, &id).await?.try_into()?))
}

/// Takes an action on a case. The domain refuses what the case does not allow now (422 with
/// code `refused` and the reason); a stale `expected_version` is a 409.
#[utoipa::path(post, path = "/api/v1/cases/{id}/actions", tag = "cases", params(("id" = String, Path)), request_body = NewCaseAction,
    responses((status = 200, body = CaseView), (status = 403, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)),
    security(("session" = []), ("token" = [])))]
pub async fn record_action(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<NewCaseAction>,
) -> Result<Json<CaseView>, Problem> {
    let principal = caller.require(Scope::Write)?;
    let what: What = serde_json::from_value(body.action)
        .map_err(|e| Problem::invalid("action", format!("action: {e}")))?;
    let record = state
        .store
        .record_case_action(principal, &id, body.expected_version, what)
        .await?;
    Ok(Json(record.try_into()?))
}

/// The case's history, oldest first: who did what, when, in which role (an audited read).
#[utoipa::path(get, path = "/api/v1/cases/{id}/history", tag = "cases", params(("id" = String, Path)),
    responses((status = 200, body = CaseHistory), (status = 403, body = Problem)), security(("session" = []), ("token" = [])))]
pub async fn case_history(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<Json<CaseHistory>, Problem> {
    let principal = caller.require(Scope::Identity)?;
    Ok(Json(CaseHistory {
        actions: state.store.case_history(principal, &id).await?,
    }))
}

/// The letter for the case's `n`th decision (from 1), in the person's language, addressed to
/// the guardian for a child. Reads the person's name from the vault (audited).
#[utoipa::path(get, path = "/api/v1/cases/{id}/decisions/{n}/letter", tag = "cases",
    params(("id" = String, Path), ("n" = usize, Path), LetterQuery),
    responses((status = 200, content_type = "text/plain"), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)),
    security(("session" = []), ("token" = [])))]
pub async fn decision_letter_of(
    State(state): State<AppState>,
    caller: Caller,
    Path((id, n)): Path<(String, usize)>,
    Query(query): Query<LetterQuery>,
) -> Result<Response, Problem> {
    let principal = caller.require(Scope::Identity)?;
    let record = state.store.case(principal, &id).await?;
    let decision = n
        .checked_sub(1)
        .and_then(|i| record.case.decisions.get(i))
        .ok_or_else(|| Problem::not_found(format!("case {id} has no decision {n}")))?;
    let identity = state
        .store
        .read_identity(
            principal,
            &record.person_id,
            &[IdentityField::GivenName, IdentityField::FamilyName],
            "decision letter",
        )
        .await?;
    let person = identity.values().cloned().collect::<Vec<_>>().join(" ");
    let guardian = match record.case.guardian() {
        Some(g) => Some(state.store.user(&g.guardian.0).await?.display_name),
        None => None,
    };
    let profile = NrmProfile::embedded_by_id(&record.profile_id)
        .ok_or_else(|| Problem::not_found(format!("profile {}", record.profile_id)))?;
    let letter = decision_letter(
        &record.case,
        decision,
        profile,
        Names {
            person: if person.is_empty() { "—" } else { &person },
            guardian: guardian.as_deref(),
        },
    )
    .map_err(|e| Problem::new(StatusCode::UNPROCESSABLE_ENTITY, "refused", e.to_string()))?;
    let (content_type, body) = match query.format.as_deref() {
        None | Some("text") => ("text/plain; charset=utf-8", letter.text),
        Some("html") => (
            "text/html; charset=utf-8",
            letter_html(&letter.text, letter.language),
        ),
        Some(other) => {
            return Err(Problem::invalid(
                "format",
                format!("{other:?} is not a letter format; use text or html"),
            ));
        }
    };
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    headers.insert(
        header::CONTENT_LANGUAGE,
        HeaderValue::from_static(letter.language),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}

/// Referrals sent to the caller's organisation, newest first, with only the classes of data
/// each shares: the provider's and the competent authority's inbox.
#[utoipa::path(get, path = "/api/v1/referrals/inbox", tag = "cases", params(InboxQuery),
    responses((status = 200, body = Inbox), (status = 403, body = Problem)), security(("session" = []), ("token" = [])))]
pub async fn referral_inbox(
    State(state): State<AppState>,
    caller: Caller,
    Query(query): Query<InboxQuery>,
) -> Result<Json<Inbox>, Problem> {
    let principal = caller.require(Scope::Read)?;
    Ok(Json(Inbox {
        referrals: state
            .store
            .referral_inbox(principal, query.status.as_deref())
            .await?,
    }))
}

/// Items past their due day on the cases the caller may see, longest overdue first; escalated
/// items name the role they went to.
#[utoipa::path(get, path = "/api/v1/overdue", tag = "cases",
    responses((status = 200, body = OverdueQueue)), security(("session" = []), ("token" = [])))]
pub async fn overdue(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Json<OverdueQueue>, Problem> {
    let principal = caller.require(Scope::Read)?;
    let now = crate::now_ms();
    Ok(Json(OverdueQueue {
        items: state.store.overdue(principal, now).await?,
    }))
}

/// The caller's daily digest: escalated and overdue items, what is due today, and referrals
/// waiting for their organisation's answer — each as the reader's role concerns it — as data
/// and as the plain text `haven digest` prints.
#[utoipa::path(get, path = "/api/v1/digest", tag = "cases",
    responses((status = 200, body = DigestView)), security(("session" = []), ("token" = [])))]
pub async fn digest(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Json<DigestView>, Problem> {
    let principal = caller.require(Scope::Read)?;
    let now = crate::now_ms();
    let digest = state.store.digest(principal, now).await?;
    let language = state.store.user_language(&principal.user_id).await?;
    let words = Localizer::new(language.as_deref().unwrap_or("en"))
        .unwrap_or_else(|_| Localizer::english());
    Ok(Json(DigestView {
        text: digest.text(&words),
        digest,
    }))
}

/// The jurisdiction profiles Haven has, and the one new cases open under.
#[utoipa::path(get, path = "/api/v1/nrm-profiles", tag = "cases",
    responses((status = 200, body = Vec<ProfileView>)), security(("session" = []), ("token" = [])))]
pub async fn list_profiles(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Json<Vec<ProfileView>>, Problem> {
    caller.require(Scope::Read)?;
    let chosen = state.store.nrm_profile().await?;
    Ok(Json(
        NrmProfile::embedded()
            .iter()
            .map(|p| ProfileView {
                id: p.id.clone(),
                label: p.label.clone(),
                reflection_period_days: p.reflection_period_days,
                reasonable_grounds_threshold: p.thresholds.reasonable_grounds.clone(),
                conclusive_grounds_threshold: p.thresholds.conclusive_grounds.clone(),
                chosen: p.id == chosen.id,
            })
            .collect(),
    ))
}

/// Chooses the profile new cases open under (admins); open cases keep theirs.
#[utoipa::path(put, path = "/api/v1/nrm-profiles/chosen", tag = "cases", request_body = ChooseProfile,
    responses((status = 204), (status = 403, body = Problem), (status = 422, body = Problem)), security(("session" = []), ("token" = [])))]
pub async fn choose_profile(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(body): ApiJson<ChooseProfile>,
) -> Result<StatusCode, Problem> {
    let principal = caller.require(Scope::Write)?;
    state
        .store
        .set_nrm_profile(principal, &body.profile)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

fn to_json(value: &impl Serialize) -> Result<Value, Problem> {
    serde_json::to_value(value).map_err(|e| {
        tracing::error!(error = %e, "a case did not serialise");
        Problem::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            "the case could not be shown; the error is in the server log",
        )
    })
}

/// The letter as a printable page: paragraphs escaped, in the letter's language and direction.
fn letter_html(text: &str, language: &str) -> String {
    let dir = if language == "ar" { "rtl" } else { "ltr" };
    let paragraphs: String = text
        .split("\n\n")
        .map(|p| format!("<p>{}</p>\n", escape(p).replace('\n', "<br>")))
        .collect();
    format!(
        "<!doctype html>\n<html lang=\"{language}\" dir=\"{dir}\"><head><meta charset=\"utf-8\"><title>Decision</title></head>\n<body>\n{paragraphs}</body></html>\n"
    )
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
