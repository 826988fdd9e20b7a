//! The web application: pages rendered on the server from askama templates, in the user's
//! language, usable without JavaScript; `haven.js` only makes forms update their part of the
//! page in place. Handlers here ask the same store as the JSON API — every access decision
//! stays the domain's.

use std::borrow::Borrow;

mod account;
mod admin;
mod assets;
mod cases;
mod dashboard;
mod directory;
mod inbox;
mod queues;
mod screening;
mod session;

use axum::Router;
use axum::extract::{FromRequestParts, OptionalFromRequestParts};
use axum::http::request::Parts;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use haven_domain::access::Role;
use haven_domain::i18n::{LANGUAGES, Localizer, Message};
use haven_store::{Principal, StoreError};

use crate::api::extract::{Caller, Credential};
use crate::problem::Problem;
use crate::state::AppState;

pub use assets::asset_path;

const MONTHS: [&str; 12] = [
    "month-1", "month-2", "month-3", "month-4", "month-5", "month-6", "month-7", "month-8",
    "month-9", "month-10", "month-11", "month-12",
];

/// The cookie that keeps the language chosen in this browser.
pub const LANGUAGE_COOKIE: &str = "haven_lang";

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(session::home))
        .route(
            "/sign-in",
            get(session::sign_in_page).post(session::sign_in),
        )
        .route("/sign-out", post(session::sign_out))
        .route("/language", post(session::choose_language))
        .route("/cases", get(cases::list))
        .route("/cases/{id}", get(cases::page))
        .route("/cases/{id}/actions", post(cases::act))
        .route(
            "/screenings/new",
            get(screening::start).post(screening::advance),
        )
        .route("/screenings/drafts", get(screening::drafts))
        .route("/screenings/drafts/{id}", get(screening::resume))
        .route(
            "/screenings/drafts/{id}/delete",
            post(screening::delete_draft),
        )
        .route("/screenings/{id}", get(screening::result))
        .route("/screenings/{id}/case", post(screening::open_case))
        .route("/inbox", get(inbox::inbox))
        .route("/inbox/{case}/{referral}", get(inbox::referral))
        .route("/decisions", get(queues::decisions))
        .route("/supervision", get(queues::supervision))
        .route("/account", get(account::account))
        .route(
            "/account/sign-out-everywhere",
            post(account::sign_out_everywhere),
        )
        .route("/account/totp", post(account::begin_totp))
        .route("/account/totp/confirm", post(account::confirm_totp))
        .route("/admin", get(admin::admin))
        .route("/admin/organisations", post(admin::create_organisation))
        .route("/admin/users", post(admin::create_user))
        .route("/admin/users/{id}/disable", post(admin::disable_user))
        .route("/admin/profile", post(admin::choose_profile))
        .route("/services", get(directory::directory))
        .route("/cases/{id}/services", get(directory::matching))
        .route("/dashboard", get(dashboard::dashboard))
        .route("/dashboard/sdg-16-2-2", get(dashboard::sdg))
        .route("/dashboard/glotip", get(dashboard::glotip))
        .route("/dashboard/ctdc", get(dashboard::ctdc))
        .route("/dashboard/htcds", get(dashboard::htcds))
        .route("/dashboard/budget", post(dashboard::set_budget))
        .route(
            "/dashboard/htcds-import",
            post(dashboard::import).layer(axum::extract::DefaultBodyLimit::max(
                crate::api::exchange::MAX_IMPORT_BYTES,
            )),
        )
        .route("/static/{file}", get(assets::serve))
}

/// What every page needs: its language and direction, who is signed in, the navigation.
pub struct Page {
    pub lang: &'static str,
    pub dir: &'static str,
    pub title: String,
    pub user: Option<PageUser>,
    /// The navigation entry of this page, to mark it current.
    pub section: &'static str,
    pub languages: &'static [&'static str],
    /// Where this page is, to come back after choosing a language.
    pub here: String,
    words: Localizer,
}

pub struct PageUser {
    pub name: String,
    pub role: Role,
    pub nav: Vec<NavLink>,
}

pub struct NavLink {
    pub href: &'static str,
    pub label: String,
    pub section: &'static str,
}

impl Page {
    /// A message in the page's language.
    pub fn t(&self, id: &'static str) -> String {
        self.words.render(&Message::new(id))
    }

    /// A message with one argument.
    pub fn t1(&self, id: &'static str, name: &'static str, value: &str) -> String {
        self.words.render(&Message::new(id).text(name, value))
    }

    /// A message with a number, for plurals.
    pub fn tn(&self, id: &'static str, name: &'static str, value: impl Borrow<i64>) -> String {
        self.words
            .render(&Message::new(id).number(name, *value.borrow()))
    }

    /// A message by an id made at run time, such as a code list's value (`gender-Feminine`).
    pub fn word(&self, id: &str) -> String {
        self.words.word(id)
    }

    /// A domain message (explanations, match reasons, letters) in the page's language.
    pub fn message(&self, message: &Message) -> String {
        self.words.render(message)
    }

    /// A language's own name, for the language picker.
    pub fn language_name(&self, lang: &str) -> &'static str {
        match lang {
            "en" => "English",
            "fr" => "Français",
            "es" => "Español",
            "ar" => "العربية",
            "uk" => "Українська",
            _ => "?",
        }
    }

    pub fn role_name(&self, role: Role) -> String {
        self.words.render(&Message::new(role_message(role)))
    }

    pub fn asset(&self, file: &str) -> String {
        asset_path(file)
    }

    /// A moment's day, written the page's language's way (`27 Nov 2026`).
    pub fn date(&self, at_ms: i64) -> String {
        self.civil(haven_domain::case::Timestamp(at_ms).date())
    }

    pub fn civil(&self, date: haven_domain::case::CivilDate) -> String {
        let (year, month, day) = date.ymd();
        self.words.render(
            &Message::new("date-format")
                .number("day", i64::from(day))
                .text(
                    "month",
                    self.words.render(&Message::new(MONTHS[month as usize - 1])),
                )
                .number("year", year),
        )
    }
}

/// The signed-in user of a page, with the page's language; anyone else goes to sign in.
pub struct Viewer {
    pub caller: Caller,
    pub lang: &'static str,
    pub display_name: String,
    /// Where this page is, to come back after choosing a language.
    pub here: String,
}

impl Viewer {
    pub fn principal(&self) -> &Principal {
        &self.caller.principal
    }

    /// A message in the viewer's language (for titles and flash messages).
    pub fn t(&self, id: &'static str) -> String {
        self.words().render(&Message::new(id))
    }

    pub fn t1(&self, id: &'static str, name: &'static str, value: &str) -> String {
        self.words().render(&Message::new(id).text(name, value))
    }

    fn words(&self) -> Localizer {
        Localizer::new(self.lang).unwrap_or_else(|_| Localizer::english())
    }

    /// The page for this viewer, with its title and navigation section.
    pub fn page(&self, title: String, section: &'static str) -> Page {
        let words = self.words();
        let role = self.caller.principal.role;
        Page {
            lang: self.lang,
            dir: direction(self.lang),
            title,
            user: Some(PageUser {
                name: self.display_name.clone(),
                role,
                nav: navigation(role, &words),
            }),
            section,
            languages: &LANGUAGES,
            here: self.here.clone(),
            words,
        }
    }
}

impl FromRequestParts<AppState> for Viewer {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        let here = parts
            .uri
            .path_and_query()
            .map_or("/".to_string(), |p| p.to_string());
        let caller = match Caller::from_request_parts(parts, state).await {
            Ok(caller) if matches!(caller.credential, Credential::Session { .. }) => caller,
            Ok(_) | Err(_) => {
                let next = urlencoding_minimal(&here);
                return Err(Redirect::to(&format!("/sign-in?next={next}")).into_response());
            }
        };
        let stored = state
            .store
            .user_language(&caller.principal.user_id)
            .await
            .ok()
            .flatten();
        let lang = language(&parts.headers, stored.as_deref());
        let display_name = state
            .store
            .user(&caller.principal.user_id)
            .await
            .map_or_else(|_| caller.principal.username.clone(), |u| u.display_name);
        Ok(Viewer {
            caller,
            lang,
            display_name,
            here,
        })
    }
}

impl OptionalFromRequestParts<AppState> for Viewer {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Option<Self>, Response> {
        Ok(
            <Viewer as FromRequestParts<AppState>>::from_request_parts(parts, state)
                .await
                .ok(),
        )
    }
}

/// A page for someone not signed in (the sign-in page itself).
pub fn anonymous_page(headers: &HeaderMap, title_id: &'static str, here: &str) -> Page {
    let lang = language(headers, None);
    let words = Localizer::new(lang).unwrap_or_else(|_| Localizer::english());
    Page {
        lang,
        dir: direction(lang),
        title: words.render(&Message::new(title_id)),
        user: None,
        section: "",
        languages: &LANGUAGES,
        here: here.to_string(),
        words,
    }
}

/// Renders a template into a response; a template that fails to render is a server error.
pub fn render(template: &impl askama::Template) -> Response {
    match template.render() {
        Ok(html) => Html(html).into_response(),
        Err(error) => {
            tracing::error!(%error, "a page did not render");
            (
                StatusCode::INTERNAL_SERVER_ERROR,
                "the page could not be shown; the error is in the server log",
            )
                .into_response()
        }
    }
}

/// An error shown as a page in the viewer's language.
pub struct PageError {
    pub status: StatusCode,
    pub detail: String,
}

impl From<StoreError> for PageError {
    fn from(error: StoreError) -> PageError {
        Problem::from(error).into()
    }
}

impl From<Problem> for PageError {
    fn from(problem: Problem) -> PageError {
        PageError {
            status: StatusCode::from_u16(problem.status)
                .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
            detail: problem.detail,
        }
    }
}

#[derive(askama::Template)]
#[template(path = "error.html")]
struct ErrorPage<'a> {
    page: Page,
    status: u16,
    detail: &'a str,
}

impl PageError {
    pub fn render(self, viewer: &Viewer) -> Response {
        let page = viewer.page(viewer.t("error-title"), "");
        let mut response = render(&ErrorPage {
            page,
            status: self.status.as_u16(),
            detail: &self.detail,
        });
        *response.status_mut() = self.status;
        response
    }
}

/// The language of a request: the browser's chosen cookie, then the account's choice, then
/// the browser's Accept-Language, then English.
pub fn language(headers: &HeaderMap, account: Option<&str>) -> &'static str {
    let cookie = headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == LANGUAGE_COOKIE)
        .map(|(_, value)| value.to_string());
    let accepted = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .split(',')
        .map(|part| part.split(';').next().unwrap_or_default().trim())
        .map(|tag| {
            tag.split('-')
                .next()
                .unwrap_or_default()
                .to_ascii_lowercase()
        })
        .collect::<Vec<_>>();
    cookie
        .into_iter()
        .chain(account.map(str::to_string))
        .chain(accepted)
        .find_map(|wanted| LANGUAGES.into_iter().find(|l| *l == wanted))
        .unwrap_or("en")
}

pub fn direction(lang: &str) -> &'static str {
    if lang == "ar" { "rtl" } else { "ltr" }
}

fn role_message(role: Role) -> &'static str {
    match role {
        Role::Screener => "role-screener",
        Role::Caseworker => "role-caseworker",
        Role::Supervisor => "role-supervisor",
        Role::DecisionMaker => "role-decision_maker",
        Role::Provider => "role-provider",
        Role::Registrar => "role-registrar",
        Role::Trainer => "role-trainer",
        Role::Statistician => "role-statistician",
        Role::Admin => "role-admin",
    }
}

/// The screens each role works from, in the order they use them.
fn navigation(role: Role, words: &Localizer) -> Vec<NavLink> {
    let link = |href: &'static str, id: &'static str, section: &'static str| NavLink {
        href,
        label: words.render(&Message::new(id)),
        section,
    };
    let mut nav = vec![link("/", "nav-home", "home")];
    match role {
        Role::Screener | Role::Registrar => {
            nav.push(link("/screenings/new", "nav-screen", "screening"));
            nav.push(link("/cases", "nav-cases", "cases"));
        }
        Role::Caseworker => {
            nav.push(link("/cases", "nav-cases", "cases"));
            nav.push(link("/services", "nav-directory", "directory"));
            nav.push(link("/screenings/new", "nav-screen", "screening"));
        }
        Role::Supervisor => {
            nav.push(link("/cases", "nav-cases", "cases"));
            nav.push(link("/supervision", "nav-supervision", "supervision"));
            nav.push(link("/services", "nav-directory", "directory"));
            nav.push(link("/dashboard", "nav-dashboard", "dashboard"));
        }
        Role::DecisionMaker => {
            nav.push(link("/decisions", "nav-decisions", "decisions"));
            nav.push(link("/inbox", "nav-inbox", "inbox"));
            nav.push(link("/dashboard", "nav-dashboard", "dashboard"));
        }
        Role::Provider => {
            nav.push(link("/inbox", "nav-inbox", "inbox"));
            nav.push(link("/cases", "nav-cases", "cases"));
            nav.push(link("/services", "nav-directory", "directory"));
        }
        Role::Statistician | Role::Trainer => {
            nav.push(link("/dashboard", "nav-dashboard", "dashboard"));
        }
        Role::Admin => {
            nav.push(link("/admin", "nav-admin", "admin"));
            nav.push(link("/services", "nav-directory", "directory"));
            nav.push(link("/dashboard", "nav-dashboard", "dashboard"));
        }
    }
    nav.push(link("/account", "nav-account", "account"));
    nav
}

/// The last six characters of a record's id: enough to tell cases apart on a screen.
pub fn short_id(id: &str) -> String {
    id.chars()
        .skip(id.chars().count().saturating_sub(6))
        .collect()
}

/// Percent-encodes what a `next=` parameter needs.
pub fn urlencoding_minimal(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            'A'..='Z' | 'a'..='z' | '0'..='9' | '-' | '_' | '.' | '~' | '/' => c.to_string(),
            other => {
                let mut buf = [0u8; 4];
                other
                    .encode_utf8(&mut buf)
                    .bytes()
                    .map(|b| format!("%{b:02X}"))
                    .collect()
            }
        })
        .collect()
}

/// Only paths on this site may follow sign-in, never another origin.
pub fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(path) if path.starts_with('/') && !path.starts_with("//") => path.to_string(),
        _ => "/".to_string(),
    }
}
