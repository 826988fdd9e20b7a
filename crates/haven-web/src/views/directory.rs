//! The service directory: providers' services with who they are for and their free places,
//! filtered by kind and capacity; and, for a case, the services ranked by how they fit the
//! person, each with the reasons it does or does not.

use axum::extract::{Path, Query, State};
use axum::response::Response;
use haven_domain::case::ServiceKind;
use haven_domain::case::services::GendersServed;
use haven_store::ServiceFilter;
use serde::Deserialize;

use super::{Page, PageError, Viewer, render};
use crate::state::AppState;

#[derive(askama::Template)]
#[template(path = "directory.html")]
struct DirectoryPage {
    page: Page,
    kinds: Vec<(&'static str, String)>,
    kind: String,
    free_only: bool,
    rows: Vec<ServiceLine>,
}

struct ServiceLine {
    name: String,
    provider: String,
    kind: String,
    who: String,
    languages: String,
    places: String,
    full: bool,
}

#[derive(askama::Template)]
#[template(path = "matching.html")]
struct MatchingPage {
    page: Page,
    case_id: String,
    rows: Vec<MatchLine>,
}

struct MatchLine {
    rank: usize,
    name: String,
    provider: String,
    kind: String,
    eligible: bool,
    reasons: Vec<String>,
}

#[derive(Deserialize)]
pub struct DirectoryQuery {
    kind: Option<String>,
    free: Option<String>,
}

pub async fn directory(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(query): Query<DirectoryQuery>,
) -> Response {
    let built = async {
        let page = viewer.page(viewer.t("directory-title"), "directory");
        let kind = query.kind.unwrap_or_default();
        let free_only = query.free.is_some();
        let filter = ServiceFilter {
            kind: ServiceKind::ALL.into_iter().find(|k| k.id() == kind),
            organisation_id: None,
            with_places_free: free_only,
        };
        let organisations = state.store.organisations().await?;
        let provider = |id: &str| {
            organisations
                .iter()
                .find(|o| o.id == id)
                .map_or_else(|| id.to_string(), |o| o.name.clone())
        };
        let rows = state
            .store
            .services(&filter)
            .await?
            .into_iter()
            .map(|entry| {
                let s = entry.service;
                let e = &s.eligibility;
                let mut who = Vec::new();
                if let GendersServed::Only(genders) = &e.genders {
                    who.push(
                        genders
                            .iter()
                            .map(|g| page.word(&format!("gender-{}", g.code())))
                            .collect::<Vec<_>>()
                            .join(", "),
                    );
                }
                if e.women_only {
                    who.push(page.t("directory-women-only"));
                }
                if e.child_friendly {
                    who.push(page.t("directory-child-friendly"));
                }
                if let (min, max) = (e.ages.min(), e.ages.max())
                    && (min.is_some() || max.is_some())
                {
                    who.push(format!(
                        "{}–{}",
                        min.map_or(String::new(), |m| m.to_string()),
                        max.map_or(String::new(), |m| m.to_string())
                    ));
                }
                if e.disability_access {
                    who.push(page.t("directory-disability-access"));
                }
                ServiceLine {
                    provider: provider(&s.provider.0),
                    kind: page.word(&format!("service-{}", s.kind.id())),
                    who: who.join(" · "),
                    languages: e.languages.iter().cloned().collect::<Vec<_>>().join(", "),
                    places: s.capacity.map_or_else(
                        || page.t("directory-places-not-applicable"),
                        |c| format!("{} / {}", c.free(), c.total()),
                    ),
                    full: s.capacity.is_some_and(|c| c.free() == 0),
                    name: s.name,
                }
            })
            .collect();
        let kinds = ServiceKind::ALL
            .into_iter()
            .map(|k| (k.id(), page.word(&format!("service-{}", k.id()))))
            .collect();
        Ok::<_, PageError>(DirectoryPage {
            page,
            kinds,
            kind,
            free_only,
            rows,
        })
    }
    .await;
    match built {
        Ok(page) => render(&page),
        Err(error) => error.render(&viewer),
    }
}

pub async fn matching(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(case_id): Path<String>,
) -> Response {
    let built = async {
        let page = viewer.page(viewer.t("matching-title"), "cases");
        let organisations = state.store.organisations().await?;
        let rows = state
            .store
            .matching_services(viewer.principal(), &case_id)
            .await?
            .into_iter()
            .map(|m| MatchLine {
                rank: m.rank,
                provider: organisations
                    .iter()
                    .find(|o| o.id == m.service.provider.0)
                    .map_or_else(|| m.service.provider.0.clone(), |o| o.name.clone()),
                kind: page.word(&format!("service-{}", m.service.kind.id())),
                eligible: m.eligible,
                reasons: m
                    .reasons
                    .iter()
                    .map(|r| page.message(&r.message(m.service.kind)))
                    .collect(),
                name: m.service.name,
            })
            .collect();
        Ok::<_, PageError>(MatchingPage {
            page,
            case_id,
            rows,
        })
    }
    .await;
    match built {
        Ok(page) => render(&page),
        Err(error) => error.render(&viewer),
    }
}
