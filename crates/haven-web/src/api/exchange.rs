//! Data exchange over HTTP: k-anonymised CTDC microdata, case records in HTCDS names out, and
//! another agency's HTCDS records in. Who may do what is the domain's exchange policy (asked by
//! the store); the file rules are haven-stats'. The dashboard's forms call the same functions.

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use haven_domain::access::ExchangeAction;
use haven_domain::case::Timestamp;
use haven_stats::anonymise::AnonymisationReport;
use haven_stats::htcds::{self, FileFormat, HtcdsRecord, RowError, htcds_sheet};
use haven_stats::spreadsheet::{Cell, write_csv};
use haven_store::{AuditActor, CtdcFile, Principal, Scope};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::extract::Caller;
use crate::problem::Problem;
use crate::state::AppState;

/// The largest import file accepted: a national year of records in CSV is a few MiB.
pub const MAX_IMPORT_BYTES: usize = 32 * 1024 * 1024;

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct CtdcQuery {
    /// Every combination of the quasi-identifiers occurs at least k times (default 10).
    #[param(example = 10)]
    pub k: Option<u32>,
    /// `csv` (default: the file) or `json` (the report of what was generalised and withheld,
    /// with the rows).
    pub format: Option<String>,
}

/// What anonymisation did, with the rows when asked as JSON.
#[derive(Debug, Serialize, ToSchema)]
pub struct CtdcExport {
    pub k: u32,
    /// The smallest group sharing its quasi-identifiers; null when no row is output.
    pub k_achieved: Option<u32>,
    pub records_in: usize,
    pub records_withheld: usize,
    /// How far each quasi-identifier was generalised.
    #[schema(value_type = Object)]
    pub generalisation: serde_json::Value,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// k-anonymised microdata in the columns and spellings of the CTDC 2024 codebook: no internal
/// ids, no date finer than the year, no free text. Statisticians and admins only; audited.
#[utoipa::path(get, path = "/api/v1/exports/ctdc", tag = "exchange", params(CtdcQuery),
    responses(
        (status = 200, description = "The CTDC file (text/csv), or with format=json the report and rows", body = CtdcExport),
        (status = 403, body = Problem), (status = 422, body = Problem)),
    security(("session" = []), ("token" = [])))]
pub async fn ctdc_export(
    State(state): State<AppState>,
    caller: Caller,
    Query(query): Query<CtdcQuery>,
) -> Result<Response, Problem> {
    let principal = caller.require(Scope::Read)?;
    let k = query.k.unwrap_or(10);
    match query.format.as_deref() {
        None | Some("csv") => ctdc_file(&state, principal, k).await,
        Some("json") => {
            let CtdcFile { sheet, report } = ctdc(&state, principal, k).await?;
            let export = CtdcExport {
                k,
                k_achieved: report.k_achieved,
                records_in: report.records_in,
                records_withheld: report.records_suppressed,
                generalisation: serde_json::to_value(report.generalisation).map_err(internal)?,
                columns: sheet.header.clone(),
                rows: sheet
                    .rows
                    .iter()
                    .map(|row| row.iter().map(cell_text).collect())
                    .collect(),
            };
            Ok(axum::Json(export).into_response())
        }
        Some(other) => Err(Problem::invalid(
            "format",
            format!("format: {other:?} is not csv or json"),
        )),
    }
}

/// The CTDC file as a download, with what anonymisation did in its headers.
pub async fn ctdc_file(
    state: &AppState,
    principal: &Principal,
    k: u32,
) -> Result<Response, Problem> {
    let CtdcFile { sheet, report } = ctdc(state, principal, k).await?;
    let mut bytes = Vec::new();
    write_csv(&sheet, &mut bytes).map_err(internal)?;
    let mut response = download(
        bytes,
        FileFormat::Csv.content_type(),
        &format!("ctdc-k{k}.csv"),
    );
    anonymisation_headers(response.headers_mut(), &report);
    Ok(response)
}

async fn ctdc(state: &AppState, principal: &Principal, k: u32) -> Result<CtdcFile, Problem> {
    if k == 0 {
        return Err(Problem::invalid("k", "k: at least 1"));
    }
    Ok(state
        .store
        .ctdc_export(AuditActor::User(principal), k)
        .await?)
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct HtcdsExportQuery {
    /// `csv` (default), `xlsx` or `json`.
    pub format: Option<String>,
    /// The partner's age public key (`age1…`): the file is then encrypted to it and holds the
    /// identifying fields of the cases whose person consented to a transfer across borders.
    pub recipient_key: Option<String>,
}

/// Every case as an HTCDS record. Without `recipient_key`, no identifying fields; with it, the
/// identifying fields of cases with an active consent to a transfer across borders, in a file
/// encrypted to that key (`htcds.csv.age`), each identity read audited. Admins only; audited.
#[utoipa::path(get, path = "/api/v1/exports/htcds", tag = "exchange", params(HtcdsExportQuery),
    responses(
        (status = 200, description = "The file, as an attachment"),
        (status = 403, body = Problem), (status = 422, body = Problem)),
    security(("session" = []), ("token" = [])))]
pub async fn htcds_export(
    State(state): State<AppState>,
    caller: Caller,
    Query(query): Query<HtcdsExportQuery>,
) -> Result<Response, Problem> {
    let principal = caller.require(Scope::Read)?;
    let format = file_format(query.format.as_deref())?.unwrap_or(FileFormat::Csv);
    htcds_file(&state, principal, format, query.recipient_key.as_deref()).await
}

/// The HTCDS export as a download: in the clear without identifying fields, or, for a
/// recipient key, encrypted to it with the identifying fields the person consented to share.
pub async fn htcds_file(
    state: &AppState,
    principal: &Principal,
    format: FileFormat,
    recipient_key: Option<&str>,
) -> Result<Response, Problem> {
    let recipient_key = recipient_key.map(str::trim).filter(|k| !k.is_empty());
    // The key is checked before anything is read, so a mistyped key reads no identity.
    let seal = recipient_key.map(Seal::for_key).transpose()?;
    let exported = state
        .store
        .htcds_export(AuditActor::User(principal), seal.is_some())
        .await?;
    let records: Vec<HtcdsRecord> = exported.into_iter().map(|(r, _)| r).collect();
    let plain = htcds::write(&htcds_sheet(&records, seal.is_some()), format).map_err(internal)?;
    let name = format!("htcds.{}", format.extension());
    Ok(match seal {
        None => download(plain, format.content_type(), &name),
        Some(seal) => download(
            seal.encrypt(&plain)?,
            "application/octet-stream",
            &format!("{name}.age"),
        ),
    })
}

/// Encryption to a partner's key, where this server was built with it (the `exchange`
/// feature); identifying fields never leave in the clear.
struct Seal {
    #[cfg(feature = "exchange")]
    recipient: haven_crypto::age_file::Recipient,
}

impl Seal {
    #[cfg(feature = "exchange")]
    fn for_key(key: &str) -> Result<Seal, Problem> {
        let recipient = haven_crypto::age_file::parse_recipient(key)
            .map_err(|e| Problem::invalid("recipient_key", format!("recipient_key: {e}")))?;
        Ok(Seal { recipient })
    }

    #[cfg(not(feature = "exchange"))]
    fn for_key(_key: &str) -> Result<Seal, Problem> {
        Err(Problem::invalid(
            "recipient_key",
            "recipient_key: this server was built without the `exchange` feature, so it cannot encrypt; identifying fields are never sent in the clear",
        ))
    }

    #[cfg(feature = "exchange")]
    fn encrypt(&self, plain: &[u8]) -> Result<Vec<u8>, Problem> {
        haven_crypto::age_file::encrypt(&self.recipient, plain).map_err(internal)
    }

    #[cfg(not(feature = "exchange"))]
    fn encrypt(&self, _plain: &[u8]) -> Result<Vec<u8>, Problem> {
        Err(internal("no encryption in this build"))
    }
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ImportQuery {
    /// `csv`, `xlsx` or `json`; by default read from `Content-Type`.
    pub format: Option<String>,
    /// Import the valid rows and list the others, instead of importing nothing.
    pub skip_invalid: Option<bool>,
    /// The file's name or origin, kept with each imported record.
    #[param(example = "partner-2026.csv")]
    pub source: Option<String>,
}

/// What an import did: rows read, records new, changed and already there, and each rejected
/// row's errors.
#[derive(Debug, Serialize, ToSchema)]
pub struct ImportSummary {
    pub source: String,
    pub rows_read: usize,
    pub imported: u64,
    pub updated: u64,
    pub unchanged: u64,
    /// The rows left out (only with `skip_invalid`), by row number in the file.
    pub rejected_rows: Vec<usize>,
    #[schema(value_type = Vec<Object>)]
    pub errors: Vec<RowError>,
}

/// Imports another agency's case records in HTCDS names (CSV, XLSX or JSON; at most 32 MiB).
/// Every row is validated; a file with errors imports nothing (422 with every error by row and
/// column) unless `skip_invalid=true`. Importing the same file again changes nothing.
/// Identifying fields are never kept. Admins only; audited.
#[utoipa::path(post, path = "/api/v1/imports/htcds", tag = "exchange", params(ImportQuery),
    request_body(description = "The file", content(("text/csv"), ("application/json"),
        ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))),
    responses(
        (status = 200, body = ImportSummary,
         example = json!({"source": "partner-2026.csv", "rows_read": 120, "imported": 118, "updated": 0, "unchanged": 0,
            "rejected_rows": [14, 90], "errors": [{"row": 14, "column": "gender", "problem": "\"W\" is not a code of the list"}]})),
        (status = 403, body = Problem), (status = 413, body = Problem), (status = 422, body = Problem)),
    security(("session" = []), ("token" = [])))]
pub async fn htcds_import(
    State(state): State<AppState>,
    caller: Caller,
    Query(query): Query<ImportQuery>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<axum::Json<ImportSummary>, Problem> {
    let principal = caller.require(Scope::Write)?;
    let bytes = body.map_err(|rejection| {
        Problem::unreadable_body(rejection.status(), rejection.body_text(), import_too_large)
    })?;
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let format = match file_format(query.format.as_deref())? {
        Some(format) => format,
        None => FileFormat::of_content_type(content_type).ok_or_else(|| {
            Problem::invalid(
                "format",
                "format: give ?format=csv|xlsx|json, or send the file as text/csv, application/json or the XLSX type",
            )
        })?,
    };
    let source = query.source.as_deref().unwrap_or("upload");
    let summary = import_file(
        &state,
        principal,
        source,
        &bytes,
        format,
        query.skip_invalid.unwrap_or(false),
    )
    .await
    .map_err(ImportFailure::into_problem)?;
    Ok(axum::Json(summary))
}

/// What an import over the size limit is told.
pub fn import_too_large() -> String {
    format!("the file is larger than {MAX_IMPORT_BYTES} bytes; nothing was imported")
}

/// Why an import file was not imported.
#[derive(Debug)]
pub enum ImportFailure {
    /// Rows with errors, and the user did not ask to skip them: nothing was imported.
    Invalid(Vec<RowError>),
    Other(Problem),
}

impl ImportFailure {
    pub fn into_problem(self) -> Problem {
        match self {
            ImportFailure::Invalid(errors) => Problem::invalid(
                "file",
                format!(
                    "{} error(s); nothing was imported (fix them, or import the valid rows with skip_invalid=true)",
                    errors.len()
                ),
            )
            .errors(serde_json::to_value(&errors).unwrap_or_default()),
            ImportFailure::Other(problem) => problem,
        }
    }
}

impl From<Problem> for ImportFailure {
    fn from(problem: Problem) -> ImportFailure {
        ImportFailure::Other(problem)
    }
}

/// Reads, validates and imports a file; the rule of what an invalid file imports is
/// haven-stats' [`htcds::Validation::importable`].
pub async fn import_file(
    state: &AppState,
    principal: &Principal,
    source: &str,
    bytes: &[u8],
    format: FileFormat,
    skip_invalid: bool,
) -> Result<ImportSummary, ImportFailure> {
    // Asked first: a file is read only for someone who may import it.
    state
        .store
        .authorise_exchange(
            AuditActor::User(principal),
            ExchangeAction::ImportCaseRecords,
        )
        .await
        .map_err(Problem::from)?;
    let table = htcds::read(bytes, format).map_err(|e| Problem::invalid("file", e.to_string()))?;
    let today = Timestamp(crate::now_ms()).date();
    let validation = htcds::validate(&table, today);
    let records = validation
        .importable(skip_invalid)
        .ok_or_else(|| ImportFailure::Invalid(validation.errors.clone()))?;
    let report = state
        .store
        .import_htcds(AuditActor::User(principal), source, records)
        .await
        .map_err(Problem::from)?;
    Ok(ImportSummary {
        source: source.to_string(),
        rows_read: table.rows.len(),
        imported: report.inserted,
        updated: report.updated,
        unchanged: report.unchanged,
        rejected_rows: validation.rejected.iter().map(|(row, _)| *row).collect(),
        errors: validation.errors,
    })
}

/// `csv`, `xlsx` or `json`; `None` when not given.
pub fn file_format(text: Option<&str>) -> Result<Option<FileFormat>, Problem> {
    match text {
        None | Some("") => Ok(None),
        Some(text) => FileFormat::parse(text).map(Some).ok_or_else(|| {
            Problem::invalid(
                "format",
                format!("format: {text:?} is not csv, xlsx or json"),
            )
        }),
    }
}

/// A file to save, never cached.
pub fn download(bytes: Vec<u8>, content_type: &'static str, file_name: &str) -> Response {
    let mut response = (StatusCode::OK, bytes).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{file_name}\"")) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

fn anonymisation_headers(headers: &mut HeaderMap, report: &AnonymisationReport) {
    let values = [
        ("haven-k", report.k.to_string()),
        (
            "haven-k-achieved",
            report.k_achieved.map_or("none".into(), |k| k.to_string()),
        ),
        ("haven-records-in", report.records_in.to_string()),
        (
            "haven-records-withheld",
            report.records_suppressed.to_string(),
        ),
    ];
    for (name, value) in values {
        if let Ok(value) = HeaderValue::from_str(&value) {
            headers.insert(name, value);
        }
    }
}

fn cell_text(cell: &Cell) -> String {
    match cell {
        Cell::Text(text) => text.clone(),
        Cell::Number(number) => number.to_string(),
    }
}

fn internal(error: impl std::fmt::Display) -> Problem {
    tracing::error!(error = %error, "export failed");
    Problem::new(
        StatusCode::INTERNAL_SERVER_ERROR,
        "internal",
        "the file could not be written; the error is in the server log",
    )
}
