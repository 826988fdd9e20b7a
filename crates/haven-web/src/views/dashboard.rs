//! The dashboard: counts by stage, by sex, age group and form of exploitation, and deadlines
//! met, each through the release policy like any published figure, drawn as SVG charts on the
//! server (no chart library in the browser). Below them, the reports and the data exchange the
//! viewer's role allows: SDG 16.2.2 and the GLOTIP tables as files, CTDC microdata, and HTCDS
//! records out and in — the same functions as the JSON API, errors shown beside the form.

use axum::extract::{Multipart, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use haven_domain::access::{ExchangeAction, decide_exchange};
use haven_stats::htcds::{FileFormat, RowError};
use haven_stats::release::{Release, ReleasePolicy};
use haven_stats::spreadsheet::ChartWords;
use serde::Deserialize;

use super::{Page, PageError, Viewer, render};
use crate::api::exchange::{self, ImportFailure, ImportSummary};
use crate::api::reports::{self, GlotipRequest, PopulationBody, SdgRequest};
use crate::problem::Problem;
use crate::state::AppState;

#[derive(askama::Template)]
#[template(path = "dashboard.html")]
struct DashboardPage {
    page: Page,
    /// Each chart's heading and its SVG, rendered by haven-stats from released counts only.
    charts: Vec<(String, String)>,
    /// The report forms, as the viewer filled them in.
    form: ReportForm,
    /// May export k-anonymised microdata.
    microdata: bool,
    /// May export and import case records.
    records: bool,
    /// This server can encrypt exports to a partner's key.
    encryption: bool,
    /// The privacy budget of the form's year, for those who may set it.
    budget: Option<BudgetView>,
    /// The form that failed (`sdg`, `glotip`, `ctdc`, `htcds`, `import`) and why.
    error: Option<(&'static str, String)>,
    import: Option<ImportOutcome>,
}

/// A year's privacy budget as the dashboard shows it.
struct BudgetView {
    year: u16,
    total: Option<f64>,
    spent: f64,
    remaining: Option<f64>,
    /// Each spending: its query and ε.
    spends: Vec<(String, f64)>,
}

/// What an import did, or the errors that stopped it.
struct ImportOutcome {
    summary: Option<ImportSummary>,
    errors: Vec<RowError>,
}

/// The report forms' fields as typed: numbers are checked when a report is asked for, so that
/// a mistyped one comes back with the form as it was.
#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct ReportForm {
    year: String,
    basis: String,
    policy: String,
    min_cell: String,
    epsilon: String,
    format: String,
    population: String,
    female_child: String,
    female_adult: String,
    male_child: String,
    male_adult: String,
    population_source: String,
    k: String,
    recipient_key: String,
}

impl Default for ReportForm {
    fn default() -> ReportForm {
        ReportForm {
            year: this_year().to_string(),
            basis: "presumed".into(),
            policy: "suppress".into(),
            min_cell: haven_stats::release::DEFAULT_MIN_CELL.to_string(),
            epsilon: String::new(),
            format: "csv".into(),
            population: String::new(),
            female_child: String::new(),
            female_adult: String::new(),
            male_child: String::new(),
            male_adult: String::new(),
            population_source: String::new(),
            k: "10".into(),
            recipient_key: String::new(),
        }
    }
}

impl ReportForm {
    fn year(&self) -> Result<u16, Problem> {
        number(&self.year, "year")?.ok_or_else(|| Problem::invalid("year", "year: required"))
    }

    fn release_fields(&self) -> Result<(Option<u64>, Option<f64>), Problem> {
        let epsilon = match self.epsilon.trim() {
            "" => None,
            text => Some(text.parse::<f64>().map_err(|_| {
                Problem::invalid("epsilon", format!("epsilon: {text:?} is not a number"))
            })?),
        };
        // Suppression's smallest count means nothing under differential privacy.
        let min_cell = match self.policy.as_str() {
            "dp" => None,
            _ => number(&self.min_cell, "min_cell")?,
        };
        Ok((min_cell, epsilon))
    }

    fn sdg(&self) -> Result<SdgRequest, Problem> {
        let (min_cell, epsilon) = self.release_fields()?;
        let source = Some(self.population_source.trim().to_string()).filter(|s| !s.is_empty());
        Ok(SdgRequest {
            year: self.year()?,
            basis: Some(self.basis.clone()),
            policy: Some(self.policy.clone()),
            min_cell,
            epsilon,
            format: Some(self.format.clone()),
            population: PopulationBody {
                total: number(&self.population, "population")?,
                female_child: number(&self.female_child, "female_child")?,
                female_adult: number(&self.female_adult, "female_adult")?,
                male_child: number(&self.male_child, "male_child")?,
                male_adult: number(&self.male_adult, "male_adult")?,
                source,
            },
        })
    }

    fn glotip(&self) -> Result<GlotipRequest, Problem> {
        let (min_cell, epsilon) = self.release_fields()?;
        Ok(GlotipRequest {
            year: self.year()?,
            basis: Some(self.basis.clone()),
            policy: Some(self.policy.clone()),
            min_cell,
            epsilon,
            format: Some(self.format.clone()),
        })
    }
}

pub async fn dashboard(State(state): State<AppState>, viewer: Viewer) -> Response {
    respond(&state, &viewer, ReportForm::default(), None, None).await
}

pub async fn sdg(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(form): Query<ReportForm>,
) -> Response {
    let outcome = async {
        let request = form.sdg()?;
        reports::sdg(&state, viewer.principal(), request).await
    }
    .await;
    file_or_form(&state, &viewer, form, "sdg", outcome).await
}

pub async fn glotip(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(form): Query<ReportForm>,
) -> Response {
    let outcome = async {
        let request = form.glotip()?;
        reports::glotip_tables(&state, viewer.principal(), request).await
    }
    .await;
    file_or_form(&state, &viewer, form, "glotip", outcome).await
}

pub async fn ctdc(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(form): Query<ReportForm>,
) -> Response {
    let outcome = async {
        let k = number(&form.k, "k")?.unwrap_or(10);
        exchange::ctdc_file(&state, viewer.principal(), k).await
    }
    .await;
    file_or_form(&state, &viewer, form, "ctdc", outcome).await
}

pub async fn htcds(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(form): Query<ReportForm>,
) -> Response {
    let outcome = async {
        let format = exchange::file_format(Some(&form.format))?.unwrap_or(FileFormat::Csv);
        exchange::htcds_file(
            &state,
            viewer.principal(),
            format,
            Some(&form.recipient_key),
        )
        .await
    }
    .await;
    file_or_form(&state, &viewer, form, "htcds", outcome).await
}

/// A new total privacy budget for a year, from the budget form.
pub async fn set_budget(
    State(state): State<AppState>,
    viewer: Viewer,
    axum::Form(form): axum::Form<ReportForm>,
) -> Response {
    let outcome = async {
        let year = form.year()?;
        let epsilon = match form.epsilon.trim() {
            "" => return Err(Problem::invalid("epsilon", "epsilon: give the total ε")),
            text => text.parse::<f64>().map_err(|_| {
                Problem::invalid("epsilon", format!("epsilon: {text:?} is not a number"))
            })?,
        };
        reports::set_budget(&state, viewer.principal(), year, epsilon).await
    }
    .await;
    // The report forms start again from their defaults, for the year just budgeted.
    let next = ReportForm {
        year: form.year.clone(),
        ..ReportForm::default()
    };
    match outcome {
        Ok(_) => respond(&state, &viewer, next, None, None).await,
        Err(problem) => form_error(&state, &viewer, next, "budget", problem).await,
    }
}

/// An HTCDS file uploaded from the form (`file`, and `skip_invalid` when ticked).
pub async fn import(
    State(state): State<AppState>,
    viewer: Viewer,
    multipart: Multipart,
) -> Response {
    let outcome = async {
        let (name, bytes, skip_invalid) = read_upload(multipart).await?;
        let format = FileFormat::of_path(&name).ok_or_else(|| {
            Problem::invalid(
                "file",
                format!("{name}: choose a .csv, .xlsx or .json file"),
            )
        })?;
        exchange::import_file(
            &state,
            viewer.principal(),
            &name,
            &bytes,
            format,
            skip_invalid,
        )
        .await
    }
    .await;
    let form = ReportForm::default();
    match outcome {
        Ok(summary) => {
            let errors = summary.errors.clone();
            let import = ImportOutcome {
                summary: Some(summary),
                errors,
            };
            respond(&state, &viewer, form, None, Some(import)).await
        }
        Err(ImportFailure::Invalid(errors)) => {
            let import = ImportOutcome {
                summary: None,
                errors,
            };
            let detail = viewer.t("import-refused");
            with_status(
                respond(
                    &state,
                    &viewer,
                    form,
                    Some(("import", detail)),
                    Some(import),
                )
                .await,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
        }
        Err(ImportFailure::Other(problem)) => {
            form_error(&state, &viewer, form, "import", problem).await
        }
    }
}

async fn read_upload(mut multipart: Multipart) -> Result<(String, Vec<u8>, bool), ImportFailure> {
    let mut file = None;
    let mut skip_invalid = false;
    let unreadable = |e: axum::extract::multipart::MultipartError| {
        Problem::unreadable_body(e.status(), e.body_text(), exchange::import_too_large)
    };
    while let Some(field) = multipart.next_field().await.map_err(unreadable)? {
        match field.name() {
            Some("file") => {
                let name = field.file_name().unwrap_or_default().to_string();
                let bytes = field.bytes().await.map_err(unreadable)?;
                file = Some((name, bytes.to_vec()));
            }
            Some("skip_invalid") => skip_invalid = true,
            _ => {}
        }
    }
    let (name, bytes) = file
        .filter(|(name, bytes)| !name.is_empty() && !bytes.is_empty())
        .ok_or_else(|| Problem::invalid("file", "file: choose the file to import"))?;
    Ok((name, bytes, skip_invalid))
}

/// The file when the report or export worked; else the dashboard with the form as it was
/// filled in and the reason beside it.
async fn file_or_form(
    state: &AppState,
    viewer: &Viewer,
    form: ReportForm,
    which: &'static str,
    outcome: Result<Response, Problem>,
) -> Response {
    match outcome {
        Ok(file) => file,
        Err(problem) => form_error(state, viewer, form, which, problem).await,
    }
}

async fn form_error(
    state: &AppState,
    viewer: &Viewer,
    form: ReportForm,
    which: &'static str,
    problem: Problem,
) -> Response {
    let error = PageError::from(problem);
    if error.status == StatusCode::FORBIDDEN {
        return error.render(viewer);
    }
    let status = error.status;
    with_status(
        respond(state, viewer, form, Some((which, error.detail)), None).await,
        status,
    )
}

async fn respond(
    state: &AppState,
    viewer: &Viewer,
    form: ReportForm,
    error: Option<(&'static str, String)>,
    import: Option<ImportOutcome>,
) -> Response {
    let built = async {
        let page = viewer.page(viewer.t("dashboard-title"), "dashboard");
        let released = reports::dashboard_releases(state, viewer.principal(), None).await?;
        let mut charts = Vec::new();
        for (name, release) in &released {
            let title = page.word(&format!("dashboard-{name}"));
            let words = ChartWords {
                category: &|dimension, category| category_label(&page, dimension, category),
                suppressed: page.t("chart-suppressed"),
                notes: chart_notes(&page, release),
            };
            let svg = haven_stats::spreadsheet::bar_chart_svg_in(release, &title, &words)
                .map_err(|e| PageError::from(Problem::invalid("chart", e.to_string())))?;
            charts.push((title, svg));
        }
        let role = viewer.principal().role;
        let allowed = |action| decide_exchange(role, action).is_allowed();
        let form_year = form.year().ok();
        Ok::<_, PageError>(DashboardPage {
            page,
            charts,
            form,
            microdata: allowed(ExchangeAction::ExportAnonymisedMicrodata),
            records: allowed(ExchangeAction::ExportCaseRecords),
            encryption: cfg!(feature = "exchange"),
            budget: budget_view(state, viewer, form_year).await?,
            error,
            import,
        })
    }
    .await;
    match built {
        Ok(page) => render(&page),
        Err(error) => error.render(viewer),
    }
}

/// The budget of `year` (this year when the form's year is not a number) for a viewer who may
/// set it; `None` for the others.
async fn budget_view(
    state: &AppState,
    viewer: &Viewer,
    year: Option<u16>,
) -> Result<Option<BudgetView>, PageError> {
    if !decide_exchange(viewer.principal().role, ExchangeAction::SetPrivacyBudget).is_allowed() {
        return Ok(None);
    }
    let year = year.unwrap_or_else(this_year);
    let dataset = haven_store::cases_dataset(year);
    let ledger = state.store.privacy_ledger(&dataset).await?;
    Ok(Some(BudgetView {
        year,
        total: ledger.budget(&dataset),
        spent: ledger.spent(&dataset),
        remaining: ledger.remaining(&dataset),
        spends: ledger
            .spends(&dataset)
            .iter()
            .map(|s| (s.query.clone(), s.epsilon))
            .collect(),
    }))
}

/// A chart's category in the page's language: stages by their names on the case page, the
/// other categories as `chart-<dimension>-<category>`.
fn category_label(page: &Page, dimension: &str, category: &str) -> String {
    if dimension == "stage" {
        page.word(&format!("stage-{category}"))
    } else {
        page.word(&format!("chart-{dimension}-{}", category.replace(' ', "_")))
    }
}

/// How the dashboard's counts are protected, in the page's language (the dashboard releases
/// under suppression only).
fn chart_notes(page: &Page, release: &Release) -> Vec<String> {
    match release.policy {
        ReleasePolicy::Suppress { min_cell, .. } => vec![page.tn(
            "chart-note-suppress",
            "largest",
            min_cell.saturating_sub(1) as i64,
        )],
        ReleasePolicy::DifferentialPrivacy { .. } => Vec::new(),
    }
}

fn with_status(mut response: Response, status: StatusCode) -> Response {
    *response.status_mut() = status;
    response
}

/// The year now (UTC), the reports' default.
fn this_year() -> u16 {
    haven_domain::case::Timestamp(crate::now_ms())
        .date()
        .ymd()
        .0 as u16
}

/// A whole number from a form field; `None` when left empty.
fn number<T: std::str::FromStr>(text: &str, field: &str) -> Result<Option<T>, Problem> {
    match text.trim() {
        "" => Ok(None),
        text => text.parse().map(Some).map_err(|_| {
            Problem::invalid(field, format!("{field}: {text:?} is not a whole number"))
        }),
    }
}
