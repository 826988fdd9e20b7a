//! Administration: organisations, users and their roles, and the jurisdiction profile. The
//! domain's admin policy decides; these pages only ask.

use axum::Form;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use haven_domain::access::{AdminAction, Role, decide_admin};
use haven_domain::case::NrmProfile;
use haven_domain::htcds::OrgType;
use haven_store::{AuditActor, NewUser};
use serde::Deserialize;

use super::{Page, PageError, Viewer, render};
use crate::problem::Problem;
use crate::state::AppState;

#[derive(askama::Template)]
#[template(path = "admin.html")]
struct AdminPage {
    page: Page,
    organisations: Vec<(String, String, String, bool)>,
    users: Vec<(String, String, String, String, String, bool)>,
    org_types: Vec<&'static str>,
    roles: Vec<(&'static str, String)>,
    profiles: Vec<(String, String, bool)>,
    error: Option<String>,
}

#[derive(Deserialize)]
pub struct OrganisationForm {
    name: String,
    org_type: String,
    require_totp: Option<String>,
}

#[derive(Deserialize)]
pub struct UserForm {
    organisation_id: String,
    username: String,
    display_name: String,
    role: String,
    password: String,
}

#[derive(Deserialize)]
pub struct ProfileForm {
    profile: String,
}

pub async fn admin(State(state): State<AppState>, viewer: Viewer) -> Response {
    respond(&state, &viewer, None).await
}

pub async fn create_organisation(
    State(state): State<AppState>,
    viewer: Viewer,
    Form(form): Form<OrganisationForm>,
) -> Response {
    let outcome = async {
        allowed(&viewer, AdminAction::ManageOrganisations)?;
        let org_type = OrgType::parse(&form.org_type).ok_or_else(|| {
            Problem::invalid("org_type", format!("allowed: {}", OrgType::codes()))
        })?;
        state
            .store
            .create_organisation(
                AuditActor::User(viewer.principal()),
                form.name.trim(),
                org_type,
                form.require_totp.is_some(),
            )
            .await?;
        Ok::<_, PageError>(())
    }
    .await;
    after(&state, &viewer, outcome).await
}

pub async fn create_user(
    State(state): State<AppState>,
    viewer: Viewer,
    Form(form): Form<UserForm>,
) -> Response {
    let outcome = async {
        allowed(&viewer, AdminAction::ManageUsers)?;
        let role =
            Role::parse(&form.role).ok_or_else(|| Problem::invalid("role", "choose a role"))?;
        state
            .store
            .create_user(
                AuditActor::User(viewer.principal()),
                NewUser {
                    organisation_id: form.organisation_id,
                    team_id: None,
                    username: form.username.trim().to_string(),
                    display_name: form.display_name.trim().to_string(),
                    role,
                    password: form.password,
                },
            )
            .await?;
        Ok::<_, PageError>(())
    }
    .await;
    after(&state, &viewer, outcome).await
}

pub async fn disable_user(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> Response {
    let outcome = async {
        allowed(&viewer, AdminAction::ManageUsers)?;
        state
            .store
            .disable_user(AuditActor::User(viewer.principal()), &id)
            .await?;
        Ok::<_, PageError>(())
    }
    .await;
    after(&state, &viewer, outcome).await
}

pub async fn choose_profile(
    State(state): State<AppState>,
    viewer: Viewer,
    Form(form): Form<ProfileForm>,
) -> Response {
    let outcome = state
        .store
        .set_nrm_profile(viewer.principal(), &form.profile)
        .await
        .map_err(PageError::from);
    after(&state, &viewer, outcome).await
}

async fn after(state: &AppState, viewer: &Viewer, outcome: Result<(), PageError>) -> Response {
    match outcome {
        Ok(()) => Redirect::to("/admin").into_response(),
        Err(error) if error.status.as_u16() == 403 => error.render(viewer),
        Err(error) => {
            let status = error.status;
            let mut response = respond(state, viewer, Some(error.detail)).await;
            *response.status_mut() = status;
            response
        }
    }
}

async fn respond(state: &AppState, viewer: &Viewer, error: Option<String>) -> Response {
    let built = async {
        allowed(viewer, AdminAction::ManageUsers)?;
        let page = viewer.page(viewer.t("admin-title"), "admin");
        let organisations = state.store.organisations().await?;
        let org_name = |id: &str| {
            organisations
                .iter()
                .find(|o| o.id == id)
                .map_or_else(|| id.to_string(), |o| o.name.clone())
        };
        let users = state
            .store
            .users(None)
            .await?
            .into_iter()
            .map(|u| {
                (
                    u.id,
                    u.username,
                    u.display_name,
                    page.role_name(u.role),
                    org_name(&u.organisation_id),
                    u.disabled,
                )
            })
            .collect();
        let chosen = state.store.nrm_profile().await?;
        let profiles = NrmProfile::embedded()
            .iter()
            .map(|p| (p.id.clone(), p.label.clone(), p.id == chosen.id))
            .collect();
        let roles = Role::ALL
            .into_iter()
            .map(|r| (r.id(), page.role_name(r)))
            .collect();
        Ok::<_, PageError>(AdminPage {
            organisations: organisations
                .iter()
                .map(|o| {
                    (
                        o.id.clone(),
                        o.name.clone(),
                        o.org_type.clone(),
                        o.require_totp,
                    )
                })
                .collect(),
            users,
            org_types: OrgType::ALL.iter().map(|t| t.code()).collect(),
            roles,
            profiles,
            error,
            page,
        })
    }
    .await;
    match built {
        Ok(page) => render(&page),
        Err(error) => error.render(viewer),
    }
}

fn allowed(viewer: &Viewer, action: AdminAction) -> Result<(), PageError> {
    if decide_admin(viewer.principal().role, action).is_allowed() {
        Ok(())
    } else {
        Err(Problem::forbidden(viewer.t("admin-only")).into())
    }
}
