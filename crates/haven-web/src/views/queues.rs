//! The queues people work from: the decision maker's decisions ordered by deadline, and the
//! supervisor's overdue items, escalations and team workload.

use std::collections::BTreeMap;

use axum::extract::State;
use axum::response::Response;
use haven_domain::case::{DueState, Timestamp};
use haven_store::CaseFilter;

use super::cases::stage_message;
use super::{Page, PageError, Viewer, render};
use crate::state::AppState;

#[derive(askama::Template)]
#[template(path = "decisions.html")]
struct DecisionsPage {
    page: Page,
    to_accept: Vec<(String, String, String)>,
    due: Vec<QueueLine>,
}

struct QueueLine {
    case_id: String,
    short: String,
    stage: String,
    due: String,
    overdue: bool,
}

#[derive(askama::Template)]
#[template(path = "supervision.html")]
struct SupervisionPage {
    page: Page,
    overdue: Vec<OverdueLine>,
    workload: Vec<(String, usize, usize)>,
}

struct OverdueLine {
    case_id: String,
    short: String,
    owner: String,
    what: String,
    due: String,
    escalated: bool,
}

pub async fn decisions(State(state): State<AppState>, viewer: Viewer) -> Response {
    let built = async {
        let page = viewer.page(viewer.t("decisions-title"), "decisions");
        let waiting = state
            .store
            .referral_inbox(viewer.principal(), Some("sent"))
            .await?;
        let to_accept = waiting
            .into_iter()
            .filter(|e| e.recipient_role == "competent_authority")
            .map(|e| (e.case_id, e.referral_id, page.date(e.sent_at)))
            .collect();
        let today = Timestamp(crate::now_ms()).date().to_string();
        let mut cases = state
            .store
            .cases(
                viewer.principal(),
                &CaseFilter {
                    limit: 500,
                    ..CaseFilter::default()
                },
            )
            .await?;
        cases.retain(|c| {
            matches!(
                c.stage.as_str(),
                "referred" | "recovery_period" | "reconsideration"
            )
        });
        cases.sort_by(|a, b| a.next_due.cmp(&b.next_due).then(a.id.cmp(&b.id)));
        let due = cases
            .into_iter()
            .map(|c| QueueLine {
                short: super::short_id(&c.id),
                stage: page.t(stage_message(&c.stage)),
                overdue: c.next_due.as_ref().is_some_and(|d| *d < today),
                due: c.next_due.unwrap_or_default(),
                case_id: c.id,
            })
            .collect();
        Ok::<_, PageError>(DecisionsPage {
            page,
            to_accept,
            due,
        })
    }
    .await;
    match built {
        Ok(page) => render(&page),
        Err(error) => error.render(&viewer),
    }
}

pub async fn supervision(State(state): State<AppState>, viewer: Viewer) -> Response {
    let built = async {
        let page = viewer.page(viewer.t("supervision-title"), "supervision");
        let names: BTreeMap<String, String> = state
            .store
            .users(Some(&viewer.principal().organisation_id))
            .await?
            .into_iter()
            .map(|u| (u.id, u.display_name))
            .collect();
        let name = |id: &str| names.get(id).cloned().unwrap_or_else(|| id.to_string());
        let overdue_items = state
            .store
            .overdue(viewer.principal(), crate::now_ms())
            .await?;
        let mut late_by_owner: BTreeMap<String, usize> = BTreeMap::new();
        for item in &overdue_items {
            *late_by_owner.entry(item.owner_user_id.clone()).or_default() += 1;
        }
        let overdue = overdue_items
            .into_iter()
            .map(|e| OverdueLine {
                short: super::short_id(&e.case_id),
                owner: name(&e.owner_user_id),
                what: page.word(&format!("deadline-{}", e.item.kind.id())),
                due: page.civil(e.item.due),
                escalated: matches!(e.item.state, DueState::Escalated { .. }),
                case_id: e.case_id,
            })
            .collect();
        let cases = state
            .store
            .cases(
                viewer.principal(),
                &CaseFilter {
                    limit: 500,
                    ..CaseFilter::default()
                },
            )
            .await?;
        let mut open_by_owner: BTreeMap<String, usize> = BTreeMap::new();
        for case in cases.iter().filter(|c| c.stage != "closed") {
            *open_by_owner.entry(case.owner_user_id.clone()).or_default() += 1;
        }
        let workload = open_by_owner
            .into_iter()
            .map(|(owner, open)| {
                let late = late_by_owner.get(&owner).copied().unwrap_or_default();
                (name(&owner), open, late)
            })
            .collect();
        Ok::<_, PageError>(SupervisionPage {
            page,
            overdue,
            workload,
        })
    }
    .await;
    match built {
        Ok(page) => render(&page),
        Err(error) => error.render(&viewer),
    }
}
