//! The JSON API. Every route is registered through `routes!`, so the OpenAPI description and
//! the router cannot drift apart.

pub mod admin;
pub mod cases;
pub mod documents;
pub mod exchange;
pub mod extract;
pub mod meta;
pub mod persons;
pub mod reports;
pub mod screenings;
pub mod services;
pub mod session;

use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};
use utoipa_axum::router::{OpenApiRouter, UtoipaMethodRouterExt};
use utoipa_axum::routes;

use crate::state::AppState;

#[derive(OpenApi)]
#[openapi(
    info(title = "Haven API", description = "Identification, referral and protection of victims of trafficking. Errors are application/problem+json with a stable `code`."),
    modifiers(&SecuritySchemes),
    tags(
        (name = "meta", description = "Health, version, the identification catalogue"),
        (name = "session", description = "Sign-in, sessions, second factor, API tokens"),
        (name = "admin", description = "Organisations and users"),
        (name = "persons", description = "The identity vault: every read is audited"),
        (name = "screenings", description = "The identification engine"),
        (name = "cases", description = "The national referral mechanism: cases, consent, referrals, decisions, deadlines"),
        (name = "services", description = "The service directory, and matching a case's needs to it"),
        (name = "audit", description = "The audit log"),
        (name = "exchange", description = "Anonymised CTDC microdata, and case records in HTCDS names out and in"),
        (name = "reports", description = "Statistics: SDG 16.2.2, GLOTIP, the dashboard; every count through the release policy, every release audited")
    )
)]
struct ApiDoc;

struct SecuritySchemes;

impl Modify for SecuritySchemes {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "session",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::new(extract::SESSION_COOKIE))),
        );
        components.add_security_scheme(
            "token",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(meta::healthz))
        .routes(routes!(meta::version))
        .routes(routes!(meta::catalogue))
        .routes(routes!(meta::openapi_json))
        .routes(routes!(
            session::sign_in,
            session::current,
            session::sign_out
        ))
        .routes(routes!(
            session::sign_out_everywhere,
            session::list_sessions
        ))
        .routes(routes!(session::begin_totp))
        .routes(routes!(session::confirm_totp))
        .routes(routes!(session::change_password))
        .routes(routes!(session::create_token))
        .routes(routes!(session::revoke_token))
        .routes(routes!(
            admin::list_organisations,
            admin::create_organisation
        ))
        .routes(routes!(admin::list_users, admin::create_user))
        .routes(routes!(admin::set_second_factor))
        .routes(routes!(admin::disable_user))
        .routes(routes!(admin::audit_log))
        .routes(routes!(admin::verify_audit))
        .routes(routes!(persons::create_person))
        .routes(routes!(persons::get_person))
        .routes(routes!(persons::read_identity, persons::update_identity))
        .routes(routes!(persons::search_persons))
        .routes(routes!(persons::erase_person))
        .routes(routes!(persons::access_history))
        .routes(routes!(persons::possible_matches))
        .routes(routes!(persons::link_person))
        .routes(routes!(persons::unlink_person))
        .routes(routes!(
            screenings::create_screening,
            screenings::list_screenings
        ))
        .routes(routes!(screenings::get_screening))
        .routes(routes!(cases::open_case, cases::list_cases))
        .routes(routes!(cases::get_case))
        .routes(routes!(cases::record_action))
        .routes(routes!(cases::case_history))
        .routes(routes!(cases::decision_letter_of))
        .routes(routes!(cases::referral_inbox))
        .routes(routes!(cases::overdue))
        .routes(routes!(cases::list_profiles))
        .routes(routes!(cases::choose_profile))
        .routes(routes!(cases::digest))
        .routes(routes!(services::list_services, services::add_service))
        .routes(routes!(services::update_service))
        .routes(routes!(services::set_places_free))
        .routes(routes!(services::matching_services))
        .routes(
            routes!(documents::attach_document).layer(axum::extract::DefaultBodyLimit::max(
                documents::MAX_UPLOAD_BYTES,
            )),
        )
        .routes(routes!(
            documents::download_document,
            documents::remove_document
        ))
        .routes(routes!(
            reports::sdg_report,
            reports::sdg_report_with_population
        ))
        .routes(routes!(reports::glotip_report))
        .routes(routes!(reports::dashboard))
        .routes(routes!(
            reports::privacy_budget,
            reports::set_privacy_budget
        ))
        .routes(routes!(exchange::ctdc_export))
        .routes(routes!(exchange::htcds_export))
        .routes(
            routes!(exchange::htcds_import).layer(axum::extract::DefaultBodyLimit::max(
                exchange::MAX_IMPORT_BYTES,
            )),
        )
}

pub fn openapi() -> utoipa::openapi::OpenApi {
    routes().split_for_parts().1
}
