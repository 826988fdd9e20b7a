//! Administration: organisations, users, and the audit log. The domain decides who may.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use haven_domain::access::{AdminAction, Role, decide_admin};
use haven_domain::htcds::OrgType;
use haven_store::{AuditActor, AuditEntry, NewUser, Organisation, Principal, Scope, User};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::extract::{ApiJson, Caller};
use crate::problem::Problem;
use crate::state::AppState;

fn require_admin(
    caller: &Caller,
    action: AdminAction,
    scope: Scope,
) -> Result<&Principal, Problem> {
    let principal = caller.require(scope)?;
    if decide_admin(principal.role, action).is_allowed() {
        Ok(principal)
    } else {
        Err(Problem::forbidden(format!(
            "a {} may not do this: it needs an admin",
            principal.role
        )))
    }
}

#[derive(Serialize, ToSchema)]
pub struct OrganisationView {
    pub id: String,
    pub name: String,
    /// HTCDS `org_Type`.
    pub org_type: String,
    pub require_totp: bool,
    pub created_at: i64,
}

impl From<Organisation> for OrganisationView {
    fn from(o: Organisation) -> Self {
        OrganisationView {
            id: o.id,
            name: o.name,
            org_type: o.org_type,
            require_totp: o.require_totp,
            created_at: o.created_at,
        }
    }
}

#[utoipa::path(get, path = "/api/v1/organisations", tag = "admin", responses((status = 200, body = Vec<OrganisationView>)),
    security(("session" = []), ("token" = [])))]
pub async fn list_organisations(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Json<Vec<OrganisationView>>, Problem> {
    require_admin(&caller, AdminAction::ManageOrganisations, Scope::Read)?;
    Ok(Json(
        state
            .store
            .organisations()
            .await?
            .into_iter()
            .map(Into::into)
            .collect(),
    ))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewOrganisation {
    pub name: String,
    /// HTCDS `org_Type`: NGO, LawEnforcement, HealthServiceOrganisation, …
    pub org_type: String,
    /// Require a second factor for roles that see identity fields (default true).
    pub require_totp: Option<bool>,
}

#[utoipa::path(post, path = "/api/v1/organisations", tag = "admin", request_body = NewOrganisation,
    responses((status = 201, body = OrganisationView), (status = 409, body = Problem), (status = 422, body = Problem)),
    security(("session" = []), ("token" = [])))]
pub async fn create_organisation(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(body): ApiJson<NewOrganisation>,
) -> Result<(StatusCode, Json<OrganisationView>), Problem> {
    let principal = require_admin(&caller, AdminAction::ManageOrganisations, Scope::Write)?;
    let org_type = OrgType::parse(&body.org_type).ok_or_else(|| {
        Problem::invalid(
            "org_type",
            format!(
                "{:?} is not an HTCDS org_Type; allowed: {}",
                body.org_type,
                OrgType::codes()
            ),
        )
    })?;
    let organisation = state
        .store
        .create_organisation(
            AuditActor::User(principal),
            &body.name,
            org_type,
            body.require_totp.unwrap_or(true),
        )
        .await?;
    Ok((StatusCode::CREATED, Json(organisation.into())))
}

#[derive(Serialize, ToSchema)]
pub struct UserView {
    pub id: String,
    pub organisation_id: String,
    pub team_id: Option<String>,
    pub username: String,
    pub display_name: String,
    pub role: String,
    pub disabled: bool,
    pub totp_enabled: bool,
}

impl From<User> for UserView {
    fn from(u: User) -> Self {
        UserView {
            id: u.id,
            organisation_id: u.organisation_id,
            team_id: u.team_id,
            username: u.username,
            display_name: u.display_name,
            role: u.role.id().to_string(),
            disabled: u.disabled,
            totp_enabled: u.totp_enabled,
        }
    }
}

#[derive(Deserialize, IntoParams)]
pub struct UserFilter {
    /// Only users of this organisation.
    pub organisation_id: Option<String>,
}

#[utoipa::path(get, path = "/api/v1/users", tag = "admin", params(UserFilter), responses((status = 200, body = Vec<UserView>)),
    security(("session" = []), ("token" = [])))]
pub async fn list_users(
    State(state): State<AppState>,
    caller: Caller,
    Query(filter): Query<UserFilter>,
) -> Result<Json<Vec<UserView>>, Problem> {
    require_admin(&caller, AdminAction::ManageUsers, Scope::Read)?;
    Ok(Json(
        state
            .store
            .users(filter.organisation_id.as_deref())
            .await?
            .into_iter()
            .map(Into::into)
            .collect(),
    ))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewUserRequest {
    pub organisation_id: String,
    pub team_id: Option<String>,
    pub username: String,
    pub display_name: String,
    /// screener, caseworker, supervisor, decision_maker, provider, registrar, trainer, statistician or admin.
    pub role: String,
    pub password: String,
}

#[utoipa::path(post, path = "/api/v1/users", tag = "admin", request_body = NewUserRequest,
    responses((status = 201, body = UserView), (status = 409, body = Problem), (status = 422, body = Problem)),
    security(("session" = []), ("token" = [])))]
pub async fn create_user(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(body): ApiJson<NewUserRequest>,
) -> Result<(StatusCode, Json<UserView>), Problem> {
    let principal = require_admin(&caller, AdminAction::ManageUsers, Scope::Write)?;
    let role = Role::parse(&body.role).ok_or_else(|| {
        let roles: Vec<&str> = Role::ALL.iter().map(|r| r.id()).collect();
        Problem::invalid(
            "role",
            format!(
                "{:?} is not a role; allowed: {}",
                body.role,
                roles.join(", ")
            ),
        )
    })?;
    let user = state
        .store
        .create_user(
            AuditActor::User(principal),
            NewUser {
                organisation_id: body.organisation_id,
                team_id: body.team_id,
                username: body.username,
                display_name: body.display_name,
                role,
                password: body.password,
            },
        )
        .await?;
    Ok((StatusCode::CREATED, Json(user.into())))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SecondFactorPolicy {
    /// Whether the organisation's users who may see identity fields need a second factor.
    pub required: bool,
}

/// Turns the second-factor requirement of an organisation on or off (audited).
#[utoipa::path(put, path = "/api/v1/organisations/{id}/second-factor", tag = "admin", params(("id" = String, Path)),
    request_body = SecondFactorPolicy, responses((status = 204), (status = 404, body = Problem)),
    security(("session" = []), ("token" = [])))]
pub async fn set_second_factor(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<SecondFactorPolicy>,
) -> Result<StatusCode, Problem> {
    let principal = require_admin(&caller, AdminAction::ManageOrganisations, Scope::Write)?;
    state
        .store
        .set_organisation_totp(AuditActor::User(principal), &id, body.required)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Disables a user and ends their sessions and tokens at once.
#[utoipa::path(post, path = "/api/v1/users/{id}/disable", tag = "admin", params(("id" = String, Path)),
    responses((status = 204), (status = 404, body = Problem)), security(("session" = []), ("token" = [])))]
pub async fn disable_user(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<StatusCode, Problem> {
    let principal = require_admin(&caller, AdminAction::ManageUsers, Scope::Write)?;
    state
        .store
        .disable_user(AuditActor::User(principal), &id)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Serialize, ToSchema)]
pub struct AuditEntryView {
    pub seq: i64,
    pub at: i64,
    pub actor_user_id: Option<String>,
    pub actor: String,
    pub organisation_id: Option<String>,
    pub action: String,
    pub record_type: Option<String>,
    pub record_id: Option<String>,
    pub fields: Vec<String>,
    pub purpose: String,
    pub outcome: String,
}

impl From<AuditEntry> for AuditEntryView {
    fn from(e: AuditEntry) -> Self {
        AuditEntryView {
            seq: e.seq,
            at: e.at,
            actor_user_id: e.actor_user_id,
            actor: e.actor_label,
            organisation_id: e.organisation_id,
            action: e.action,
            record_type: e.record_type,
            record_id: e.record_id,
            fields: e.fields,
            purpose: e.purpose,
            outcome: e.outcome,
        }
    }
}

#[derive(Deserialize, IntoParams)]
pub struct AuditPage {
    /// At most this many entries (1 to 1000, default 100).
    pub limit: Option<i64>,
    /// Entries before this sequence number, for the next page.
    pub before: Option<i64>,
}

/// The most recent audit entries, newest first.
#[utoipa::path(get, path = "/api/v1/audit", tag = "audit", params(AuditPage), responses((status = 200, body = Vec<AuditEntryView>)),
    security(("session" = []), ("token" = [])))]
pub async fn audit_log(
    State(state): State<AppState>,
    caller: Caller,
    Query(page): Query<AuditPage>,
) -> Result<Json<Vec<AuditEntryView>>, Problem> {
    require_admin(&caller, AdminAction::ReadAuditLog, Scope::Read)?;
    let entries = state
        .store
        .recent_audit_entries(page.limit.unwrap_or(100), page.before)
        .await?;
    Ok(Json(entries.into_iter().map(Into::into).collect()))
}

#[derive(Serialize, ToSchema)]
pub struct AuditVerificationView {
    pub entries: i64,
    pub intact: bool,
    /// The first entry whose link does not hold.
    pub first_broken: Option<i64>,
    pub problem: Option<String>,
}

/// Walks the hash chain of the audit log.
#[utoipa::path(get, path = "/api/v1/audit/verify", tag = "audit", responses((status = 200, body = AuditVerificationView)),
    security(("session" = []), ("token" = [])))]
pub async fn verify_audit(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Json<AuditVerificationView>, Problem> {
    require_admin(&caller, AdminAction::ReadAuditLog, Scope::Read)?;
    let verification = state.store.verify_audit().await?;
    let (first_broken, problem) = verification
        .first_broken
        .map_or((None, None), |(seq, why)| (Some(seq), Some(why)));
    Ok(Json(AuditVerificationView {
        entries: verification.entries,
        intact: first_broken.is_none(),
        first_broken,
        problem,
    }))
}
