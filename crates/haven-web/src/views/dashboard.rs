//! The dashboard: counts by stage, by sex, age group and form of exploitation, and deadlines
//! met, each through the release policy like any published figure, drawn as SVG charts on the
//! server (no chart library in the browser).

use axum::extract::State;
use axum::response::Response;

use super::{Page, PageError, Viewer, render};
use crate::state::AppState;

#[derive(askama::Template)]
#[template(path = "dashboard.html")]
struct DashboardPage {
    page: Page,
    /// Each chart's heading and its SVG, rendered by haven-stats from released counts only.
    charts: Vec<(String, String)>,
}

pub async fn dashboard(State(state): State<AppState>, viewer: Viewer) -> Response {
    let built = async {
        let page = viewer.page(viewer.t("dashboard-title"), "dashboard");
        let released =
            crate::api::reports::dashboard_releases(&state, viewer.principal(), None).await?;
        let mut charts = Vec::new();
        for (name, release) in &released {
            let title = page.word(&format!("dashboard-{name}"));
            let svg = haven_stats::spreadsheet::bar_chart_svg(release, &title).map_err(|e| {
                PageError::from(crate::problem::Problem::invalid("chart", e.to_string()))
            })?;
            charts.push((title, svg));
        }
        Ok::<_, PageError>(DashboardPage { page, charts })
    }
    .await;
    match built {
        Ok(page) => render(&page),
        Err(error) => error.render(&viewer),
    }
}
