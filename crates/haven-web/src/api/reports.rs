//! Statistics over HTTP: SDG 16.2.2, the GLOTIP tables and the dashboard's counts. Every count
//! goes through the release policy (small-cell suppression by default, differential privacy on
//! request, spending from the year's privacy budget) and every release is recorded in the audit
//! log. Who may ask is the domain's aggregate policy: supervisors, decision makers,
//! statisticians, trainers and admins.

use axum::extract::{Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use haven_domain::access::ExchangeAction;
use haven_stats::glotip::glotip;
use haven_stats::publish::{self, Format, Receipt, basis_id, population_text};
use haven_stats::release::{Release, ReleasePolicy, secure_rng};
use haven_stats::sdg::{Population, sdg_16_2_2};
use haven_stats::table::{Dimension, Table};
use haven_stats::victim::{Basis, FormOfExploitation, Sex};
use haven_store::{
    AuditActor, DeadlineState, Principal, ReleaseReceipt, Scope, budget_json, cases_dataset,
};
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};

use super::extract::{ApiJson, Caller};
use crate::problem::Problem;
use crate::state::AppState;

/// How counts are protected, and in what format the report comes back.
#[derive(Debug, Default, Deserialize, IntoParams, ToSchema)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ReportQuery {
    /// The year the people counted were first identified.
    #[param(example = 2026)]
    pub year: Option<u16>,
    /// `presumed` (default: a screening that found trafficking, or a positive decision) or
    /// `decided` (a positive reasonable- or conclusive-grounds decision).
    #[param(example = "presumed")]
    pub basis: Option<String>,
    /// `suppress` (default) or `dp` (differential privacy; needs `epsilon`).
    #[param(example = "suppress")]
    pub policy: Option<String>,
    /// With `suppress`: counts from 1 to min_cell − 1 are withheld (default 5).
    #[param(example = 5)]
    pub min_cell: Option<u64>,
    /// With `dp`: the privacy loss of each table, spent from the year's budget.
    #[param(example = 0.5)]
    pub epsilon: Option<f64>,
    /// `json` (default), `csv`, `xlsx`, `svg` (a chart) or `hxl` (CSV with HXL hashtags).
    #[param(example = "json")]
    pub format: Option<String>,
    /// SDG 16.2.2 only: the total resident population.
    #[param(example = 5_000_000)]
    pub population: Option<u64>,
    /// SDG 16.2.2 only, instead of `population`: the population of each group.
    pub female_child: Option<u64>,
    pub female_adult: Option<u64>,
    pub male_child: Option<u64>,
    pub male_adult: Option<u64>,
    /// Where the population figures come from, stated on the report.
    #[param(example = "National Statistics Office, mid-year estimate")]
    pub population_source: Option<String>,
}

/// SDG 16.2.2 asked with the population in the body.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "year": 2026, "basis": "presumed", "policy": "suppress", "min_cell": 5,
    "population": {"female_child": 800000, "female_adult": 1700000, "male_child": 820000, "male_adult": 1680000,
                   "source": "National Statistics Office, mid-year estimate"}
}))]
pub struct SdgRequest {
    pub year: u16,
    pub basis: Option<String>,
    pub policy: Option<String>,
    pub min_cell: Option<u64>,
    pub epsilon: Option<f64>,
    pub format: Option<String>,
    pub population: PopulationBody,
}

/// The resident population: `total`, or the four groups.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PopulationBody {
    pub total: Option<u64>,
    pub female_child: Option<u64>,
    pub female_adult: Option<u64>,
    pub male_child: Option<u64>,
    pub male_adult: Option<u64>,
    pub source: Option<String>,
}

/// SDG indicator 16.2.2 for a year: detected victims per 100,000 population by sex, age group
/// and form of exploitation, every count through the release policy. The population is given
/// as `population` (the total: rates for the totals only) or as the four groups.
#[utoipa::path(get, path = "/api/v1/reports/sdg-16-2-2", tag = "reports", params(ReportQuery),
    responses(
        (status = 200, description = "The report (JSON unless `format` asks otherwise)", content_type = "application/json",
         example = json!({"indicator": "SDG 16.2.2", "year": 2026, "basis": "presumed",
            "release": {"dataset": "cases-2026", "epsilon_spent": 0.0, "budget_remaining": null, "audit_entry": 812},
            "rates": [{"sex": "Total", "age_group": "Total", "form_of_exploitation": "Total", "count": 41, "population": 5000000, "per_100000": 0.82}]})),
        (status = 403, body = Problem), (status = 422, body = Problem)),
    security(("session" = []), ("token" = [])))]
pub async fn sdg_report(
    State(state): State<AppState>,
    caller: Caller,
    Query(query): Query<ReportQuery>,
) -> Result<Response, Problem> {
    let population = match (query.population, query.female_child) {
        (Some(total), None) => PopulationBody {
            total: Some(total),
            female_child: None,
            female_adult: None,
            male_child: None,
            male_adult: None,
            source: query.population_source.clone(),
        },
        _ => PopulationBody {
            total: query.population,
            female_child: query.female_child,
            female_adult: query.female_adult,
            male_child: query.male_child,
            male_adult: query.male_adult,
            source: query.population_source.clone(),
        },
    };
    let year = query
        .year
        .ok_or_else(|| Problem::invalid("year", "year: required"))?;
    let request = SdgRequest {
        year,
        basis: query.basis,
        policy: query.policy,
        min_cell: query.min_cell,
        epsilon: query.epsilon,
        format: query.format,
        population,
    };
    sdg(&state, caller.require(Scope::Read)?, request).await
}

/// SDG 16.2.2 with the population uploaded as JSON.
#[utoipa::path(post, path = "/api/v1/reports/sdg-16-2-2", tag = "reports", request_body = SdgRequest,
    responses((status = 200, description = "The report, as for GET"), (status = 403, body = Problem), (status = 422, body = Problem)),
    security(("session" = []), ("token" = [])))]
pub async fn sdg_report_with_population(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(body): ApiJson<SdgRequest>,
) -> Result<Response, Problem> {
    sdg(&state, caller.require(Scope::Read)?, body).await
}

/// The SDG 16.2.2 report as a file, its release recorded.
pub async fn sdg(
    state: &AppState,
    principal: &Principal,
    request: SdgRequest,
) -> Result<Response, Problem> {
    let actor = AuditActor::User(principal);
    let format = format(request.format.as_deref())?;
    let policy = policy(request.policy.as_deref(), request.min_cell, request.epsilon)?;
    let basis = basis(request.basis.as_deref())?;
    let p = &request.population;
    let population = match (
        p.total,
        p.female_child,
        p.female_adult,
        p.male_child,
        p.male_adult,
    ) {
        (Some(total), None, None, None, None) => Population::Total(total),
        (None, Some(female_child), Some(female_adult), Some(male_child), Some(male_adult)) => {
            Population::BySexAndAge {
                female_child,
                female_adult,
                male_child,
                male_adult,
            }
        }
        _ => {
            return Err(Problem::invalid(
                "population",
                "population: give the total, or all four of female_child, female_adult, male_child, male_adult",
            ));
        }
    };
    let data = state
        .store
        .statistics_data(actor, ExchangeAction::ReleaseAggregates)
        .await?;
    let report = sdg_16_2_2(
        &data.victim_records(),
        request.year,
        basis,
        &population,
        &policy,
        &mut secure_rng(),
    )
    .map_err(|e| Problem::invalid("population", e.to_string()))?;
    let query = format!(
        "sdg-16-2-2 year={} basis={} population={}",
        request.year,
        basis_id(basis),
        population_text(&population)
    );
    let receipt = state
        .store
        .record_release(
            actor,
            &cases_dataset(request.year),
            &query,
            &[&report.counts],
        )
        .await?;
    let bytes = publish::sdg_output(
        &report,
        &population,
        p.source.as_deref(),
        &receipt_of(receipt),
        format,
    )
    .map_err(internal)?;
    Ok(file(bytes, format, "sdg-16-2-2"))
}

/// The GLOTIP tables for a year: victims by sex × age group × form of exploitation ×
/// citizenship, anonymous notifications apart, persons suspected, prosecuted and convicted by
/// sex × citizenship — five releases, each spending ε under differential privacy.
#[utoipa::path(get, path = "/api/v1/reports/glotip", tag = "reports", params(ReportQuery),
    responses(
        (status = 200, description = "The tables (JSON unless `format` asks otherwise)", content_type = "application/json",
         example = json!({"report": "GLOTIP", "year": 2026, "basis": "presumed",
            "tables": {"victims": {"privacy_check": "passed", "counts": [{"sex": "female", "age_group": "adult", "form_of_exploitation": "sexual exploitation", "citizenship": "Total", "count": 12}]}}})),
        (status = 403, body = Problem), (status = 422, body = Problem)),
    security(("session" = []), ("token" = [])))]
pub async fn glotip_report(
    State(state): State<AppState>,
    caller: Caller,
    Query(query): Query<ReportQuery>,
) -> Result<Response, Problem> {
    let request = GlotipRequest {
        year: query
            .year
            .ok_or_else(|| Problem::invalid("year", "year: required"))?,
        basis: query.basis,
        policy: query.policy,
        min_cell: query.min_cell,
        epsilon: query.epsilon,
        format: query.format,
    };
    glotip_tables(&state, caller.require(Scope::Read)?, request).await
}

/// What the GLOTIP tables are asked with.
#[derive(Debug)]
pub struct GlotipRequest {
    pub year: u16,
    pub basis: Option<String>,
    pub policy: Option<String>,
    pub min_cell: Option<u64>,
    pub epsilon: Option<f64>,
    pub format: Option<String>,
}

/// The GLOTIP tables as a file, their releases recorded.
pub async fn glotip_tables(
    state: &AppState,
    principal: &Principal,
    request: GlotipRequest,
) -> Result<Response, Problem> {
    let actor = AuditActor::User(principal);
    let year = request.year;
    let format = format(request.format.as_deref())?;
    let policy = policy(request.policy.as_deref(), request.min_cell, request.epsilon)?;
    let basis = basis(request.basis.as_deref())?;
    let data = state
        .store
        .statistics_data(actor, ExchangeAction::ReleaseAggregates)
        .await?;
    let report = glotip(
        &data.victim_records(),
        &data.offenders,
        year,
        basis,
        &policy,
        &mut secure_rng(),
    )
    .map_err(|e| Problem::invalid("policy", e.to_string()))?;
    let tables: Vec<&Release> = report.releases().iter().map(|(_, r)| *r).collect();
    let query = format!("glotip year={year} basis={}", basis_id(basis));
    let receipt = state
        .store
        .record_release(actor, &cases_dataset(year), &query, &tables)
        .await?;
    let bytes = publish::glotip_output(&report, &receipt_of(receipt), format).map_err(internal)?;
    Ok(file(bytes, format, "glotip"))
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct BudgetQuery {
    /// The year whose dataset (`cases-YEAR`) the budget is for.
    #[param(example = 2026)]
    pub year: u16,
}

/// A new total privacy budget for a year.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"year": 2026, "epsilon": 4.0}))]
pub struct BudgetChange {
    pub year: u16,
    /// The total ε the year's releases may spend; it may be raised, and lowered no further
    /// than what is spent.
    pub epsilon: f64,
}

/// The privacy budget of a year's dataset: the total, what differential-privacy releases spent
/// (each with its query) and what remains. Anyone the aggregate policy lets run reports.
#[utoipa::path(get, path = "/api/v1/reports/budget", tag = "reports", params(BudgetQuery),
    responses(
        (status = 200, description = "The budget", body = Object,
         example = json!({"dataset": "cases-2026", "budget": 4.0, "spent": 1.0, "remaining": 3.0,
            "spends": [{"epsilon": 1.0, "query": "sdg-16-2-2 year=2026 basis=presumed population=5000000"}]})),
        (status = 403, body = Problem)),
    security(("session" = []), ("token" = [])))]
pub async fn privacy_budget(
    State(state): State<AppState>,
    caller: Caller,
    Query(query): Query<BudgetQuery>,
) -> Result<axum::Json<serde_json::Value>, Problem> {
    let principal = caller.require(Scope::Read)?;
    Ok(axum::Json(budget(&state, principal, query.year).await?))
}

/// Sets the total privacy budget of a year's dataset. Statisticians and admins; audited.
#[utoipa::path(put, path = "/api/v1/reports/budget", tag = "reports", request_body = BudgetChange,
    responses(
        (status = 200, description = "The budget as it now is", body = Object),
        (status = 403, body = Problem), (status = 422, body = Problem)),
    security(("session" = []), ("token" = [])))]
pub async fn set_privacy_budget(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(change): ApiJson<BudgetChange>,
) -> Result<axum::Json<serde_json::Value>, Problem> {
    let principal = caller.require(Scope::Write)?;
    Ok(axum::Json(
        set_budget(&state, principal, change.year, change.epsilon).await?,
    ))
}

/// A year's budget, for those who may run reports.
pub async fn budget(
    state: &AppState,
    principal: &Principal,
    year: u16,
) -> Result<serde_json::Value, Problem> {
    state
        .store
        .authorise_exchange(
            AuditActor::User(principal),
            ExchangeAction::ReleaseAggregates,
        )
        .await?;
    let dataset = cases_dataset(year);
    let ledger = state.store.privacy_ledger(&dataset).await?;
    Ok(budget_json(&ledger, &dataset))
}

/// Sets a year's total budget; the domain decides who may.
pub async fn set_budget(
    state: &AppState,
    principal: &Principal,
    year: u16,
    epsilon: f64,
) -> Result<serde_json::Value, Problem> {
    let dataset = cases_dataset(year);
    let ledger = state
        .store
        .set_privacy_budget(AuditActor::User(principal), &dataset, epsilon)
        .await?;
    Ok(budget_json(&ledger, &dataset))
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct DashboardQuery {
    /// Counts from 1 to min_cell − 1 are withheld (default 5).
    #[param(example = 5)]
    pub min_cell: Option<u64>,
    /// `json` (default), `csv`, `xlsx`, `svg` (a chart of cases by stage) or `hxl`.
    pub format: Option<String>,
}

/// The dashboard: cases by stage; identified people by sex, age group and form of
/// exploitation; what open cases wait for, on time, overdue or escalated. Each a table released
/// under small-cell suppression.
#[utoipa::path(get, path = "/api/v1/reports/dashboard", tag = "reports", params(DashboardQuery),
    responses(
        (status = 200, description = "The dashboard's tables", content_type = "application/json",
         example = json!({"title": "Haven dashboard", "tables": {"stage": {"privacy_check": "passed",
            "counts": [{"stage": "referred", "count": 12}, {"stage": "recognised", "count": "suppressed"}]}}})),
        (status = 403, body = Problem)),
    security(("session" = []), ("token" = [])))]
pub async fn dashboard(
    State(state): State<AppState>,
    caller: Caller,
    Query(query): Query<DashboardQuery>,
) -> Result<Response, Problem> {
    let principal = caller.require(Scope::Read)?;
    let format = format(query.format.as_deref())?;
    let released = dashboard_releases(&state, principal, query.min_cell).await?;
    let tables: Vec<(&str, &Release)> = released.iter().map(|(n, r)| (*n, r)).collect();
    let bytes = publish::tables_output("Haven dashboard", &tables, format).map_err(internal)?;
    Ok(file(bytes, format, "dashboard"))
}

/// The dashboard's tables, each through the release policy and the release recorded: cases by
/// stage, identified people by sex, age group and form of exploitation, and deadlines by whether
/// they are met. The API and the dashboard page both publish these.
pub async fn dashboard_releases(
    state: &AppState,
    principal: &haven_store::Principal,
    min_cell: Option<u64>,
) -> Result<Vec<(&'static str, Release)>, Problem> {
    let actor = AuditActor::User(principal);
    let policy = policy(None, min_cell, None)?;
    let data = state.store.dashboard_data(actor).await?;
    let stage_names = haven_domain::case::Stage::ALL.map(|s| s.id());
    let stages = one_way(
        "stage",
        &stage_names,
        data.stages
            .iter()
            .filter_map(|s| stage_names.iter().position(|n| n == s)),
    )?;
    let sexes = one_way(
        "sex",
        &["female", "male", "other or not recorded"],
        data.victims.iter().map(|v| match v.sex {
            Some(Sex::Female) => 0,
            Some(Sex::Male) => 1,
            _ => 2,
        }),
    )?;
    let ages = one_way(
        "age_group",
        &["child", "adult", "not recorded"],
        data.victims.iter().map(|v| match v.age {
            Some(a) if a < 18 => 0,
            Some(_) => 1,
            None => 2,
        }),
    )?;
    let forms = one_way(
        "form_of_exploitation",
        &FormOfExploitation::ALL.map(FormOfExploitation::label),
        data.victims.iter().map(|v| {
            FormOfExploitation::ALL
                .iter()
                .position(|f| *f == v.form)
                .unwrap_or(0)
        }),
    )?;
    let deadlines = one_way(
        "deadline",
        &DeadlineState::ALL.map(DeadlineState::label),
        data.deadlines
            .iter()
            .map(|d| DeadlineState::ALL.iter().position(|s| s == d).unwrap_or(0)),
    )?;
    let mut rng = secure_rng();
    let mut released = Vec::new();
    for table in [&stages, &sexes, &ages, &forms, &deadlines] {
        released.push(
            haven_stats::release::release(table, &policy, &mut rng)
                .map_err(|e| Problem::invalid("min_cell", e.to_string()))?,
        );
    }
    let refs: Vec<&Release> = released.iter().collect();
    state
        .store
        .record_release(actor, "dashboard", "dashboard", &refs)
        .await?;
    let names = [
        "stage",
        "sex",
        "age_group",
        "form_of_exploitation",
        "deadlines",
    ];
    Ok(names.into_iter().zip(released).collect())
}

fn one_way(
    name: &str,
    categories: &[&str],
    records: impl Iterator<Item = usize>,
) -> Result<Table, Problem> {
    let dimension = Dimension::new(name, categories.iter().copied()).map_err(internal)?;
    Table::from_records(vec![dimension], records.map(|i| [i])).map_err(internal)
}

fn receipt_of(receipt: ReleaseReceipt) -> Receipt {
    Receipt {
        dataset: receipt.dataset,
        epsilon_spent: receipt.epsilon_spent,
        budget_remaining: receipt.remaining,
        audit_entry: receipt.audit_seq,
    }
}

fn format(text: Option<&str>) -> Result<Format, Problem> {
    match text {
        None => Ok(Format::Json),
        Some(text) => Format::parse(text).ok_or_else(|| {
            Problem::invalid(
                "format",
                format!("format: {text:?} is not json, csv, xlsx, svg or hxl"),
            )
        }),
    }
}

fn basis(text: Option<&str>) -> Result<Basis, Problem> {
    match text {
        None | Some("presumed") => Ok(Basis::Presumed),
        Some("decided") => Ok(Basis::Decided),
        Some(other) => Err(Problem::invalid(
            "basis",
            format!("basis: {other:?} is not presumed or decided"),
        )),
    }
}

fn policy(
    text: Option<&str>,
    min_cell: Option<u64>,
    epsilon: Option<f64>,
) -> Result<ReleasePolicy, Problem> {
    match (text, epsilon) {
        (None | Some("suppress"), None) => {
            let min_cell = min_cell.unwrap_or(haven_stats::release::DEFAULT_MIN_CELL);
            if min_cell == 0 {
                return Err(Problem::invalid("min_cell", "min_cell: at least 1"));
            }
            Ok(ReleasePolicy::Suppress {
                min_cell,
                rounding: None,
            })
        }
        (None | Some("suppress"), Some(_)) => Err(Problem::invalid(
            "epsilon",
            "epsilon: goes with policy=dp; suppression spends no privacy budget",
        )),
        (Some("dp"), Some(epsilon)) => {
            haven_stats::release::Epsilon::new(epsilon)
                .map_err(|e| Problem::invalid("epsilon", format!("epsilon: {e}")))?;
            Ok(ReleasePolicy::DifferentialPrivacy { epsilon })
        }
        (Some("dp"), None) => Err(Problem::invalid(
            "epsilon",
            "epsilon: policy=dp needs the privacy loss to spend",
        )),
        (Some(other), _) => Err(Problem::invalid(
            "policy",
            format!("policy: {other:?} is not suppress or dp"),
        )),
    }
}

fn internal(error: impl std::fmt::Display) -> Problem {
    tracing::error!(error = %error, "report failed");
    Problem::new(
        StatusCode::INTERNAL_SERVER_ERROR,
        "internal",
        "the report could not be written; the error is in the server log",
    )
}

/// A report: JSON in the response, any other format as a file to save.
fn file(bytes: Vec<u8>, format: Format, name: &str) -> Response {
    if format == Format::Json {
        let mut response = (StatusCode::OK, bytes).into_response();
        response.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static(format.content_type()),
        );
        return response;
    }
    super::exchange::download(
        bytes,
        format.content_type(),
        &format!("{name}.{}", format.extension()),
    )
}
