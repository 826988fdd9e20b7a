//! Case records in the names of the Human Trafficking Case Data Standard (HTCDS 2.0), for
//! exchange with HTCDS tools: the columns Haven writes, and a reader that checks every row of a
//! CSV, XLSX or JSON file (code lists, dates, ids) and reports every error with its row and
//! column.
//!
//! HTCDS is flat and has no ids; Haven adds two columns of its own, named apart with the `hvn_`
//! prefix: `hvn_CaseId`, the exporting system's case id (what makes a re-import idempotent),
//! and `hvn_AgeGroup` (child or adult at identification), which HTCDS can only give through the
//! identifying birth date. Multiselect fields hold their values separated by `;`, as HTCDS
//! (a Salesforce schema) exports them. The historic trafficking event (`hte_`) is the
//! exploitation: `hte_Type` is `Exploitation` and `hte_Country` its country.
//!
//! Identifying fields (`prs_FirstName`, `prs_SecondName`, `prs_Birthdate`, `prs_MobilePhone`,
//! `prs_Email`, `prs_MailingStreet`) are written only when the caller asks for them — Haven does
//! so only for a case with a consent to the transfer, in a file encrypted to the recipient —
//! and are checked on import but never kept by the statistical record.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Cursor;

use haven_domain::case::CivilDate;
use haven_domain::htcds::{CaseStatus, ExploitationType, Gender};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use thiserror::Error;

use crate::country::Country;
use crate::spreadsheet::{Cell, ExportError, Sheet, write_csv, write_json, write_xlsx};
use crate::victim::AgeGroup;

/// The columns of the statistical case record, in order.
pub const CASE_COLUMNS: [&str; 11] = [
    "hvn_CaseId",
    "cas_Status",
    "cas_IncomingReferralDate",
    "vic_TraffickingStatus",
    "vic_TraffickingStatusDecisionMakingOrg",
    "prs_Gender",
    "hvn_AgeGroup",
    "prs_Citizenship",
    "vic_TypeOfExploitation",
    "hte_Type",
    "hte_Country",
];

/// The identifying columns, after the case columns when they are written.
pub const IDENTITY_COLUMNS: [&str; 6] = [
    "prs_FirstName",
    "prs_SecondName",
    "prs_Birthdate",
    "prs_MobilePhone",
    "prs_Email",
    "prs_MailingStreet",
];

/// The columns an import must have.
pub const REQUIRED_COLUMNS: [&str; 2] = ["cas_IncomingReferralDate", "vic_TraffickingStatus"];

/// The most rows one import reads.
pub const MAX_ROWS: usize = 1_000_000;

/// The longest cell accepted, in characters.
pub const MAX_CELL_CHARS: usize = 1_000;

/// `vic_TraffickingStatus`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum TraffickingStatus {
    PossibleVictimOfTrafficking,
    ActualVictimOfTrafficking,
    NotAVictimOfTrafficking,
}

/// `vic_TraffickingStatusDecisionMakingOrg`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum DecisionMakingOrg {
    Police,
    #[serde(rename = "NGO")]
    Ngo,
    CourtOrProsecution,
    NonPoliceGovernmentalOrganization,
    Other,
}

impl TraffickingStatus {
    pub const ALL: [TraffickingStatus; 3] = [
        Self::PossibleVictimOfTrafficking,
        Self::ActualVictimOfTrafficking,
        Self::NotAVictimOfTrafficking,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::PossibleVictimOfTrafficking => "PossibleVictimOfTrafficking",
            Self::ActualVictimOfTrafficking => "ActualVictimOfTrafficking",
            Self::NotAVictimOfTrafficking => "NotAVictimOfTrafficking",
        }
    }
}

impl DecisionMakingOrg {
    pub const ALL: [DecisionMakingOrg; 5] = [
        Self::Police,
        Self::Ngo,
        Self::CourtOrProsecution,
        Self::NonPoliceGovernmentalOrganization,
        Self::Other,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::Police => "Police",
            Self::Ngo => "NGO",
            Self::CourtOrProsecution => "CourtOrProsecution",
            Self::NonPoliceGovernmentalOrganization => "NonPoliceGovernmentalOrganization",
            Self::Other => "Other",
        }
    }
}

/// One case record in HTCDS terms.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HtcdsRecord {
    pub case_id: Option<String>,
    pub status: Option<CaseStatus>,
    /// The day the case came in (`YYYY-MM-DD`).
    pub incoming_referral_date: String,
    pub trafficking_status: Option<TraffickingStatus>,
    pub decision_making_org: Option<DecisionMakingOrg>,
    pub gender: Option<Gender>,
    pub age_group: Option<AgeGroup>,
    /// ISO 3166-1 alpha-2 codes.
    pub citizenship: Vec<String>,
    pub exploitation: Vec<ExploitationType>,
    /// ISO 3166-1 alpha-2.
    pub country_of_exploitation: Option<String>,
    /// Identifying fields; never part of what Haven keeps of an import.
    #[serde(skip)]
    pub identity: Identity,
}

/// The identifying fields of a record.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Identity {
    pub first_name: Option<String>,
    pub second_name: Option<String>,
    pub birthdate: Option<String>,
    pub mobile_phone: Option<String>,
    pub email: Option<String>,
    pub mailing_street: Option<String>,
}

impl Identity {
    pub fn is_empty(&self) -> bool {
        self == &Identity::default()
    }
}

impl HtcdsRecord {
    /// The year the case came in.
    pub fn year(&self) -> Option<u16> {
        CivilDate::parse(&self.incoming_referral_date).and_then(|d| u16::try_from(d.ymd().0).ok())
    }

    /// The values of the case columns, in order.
    pub fn case_values(&self) -> [String; 11] {
        let join = |values: Vec<&str>| values.join(";");
        [
            self.case_id.clone().unwrap_or_default(),
            self.status.map(CaseStatus::code).unwrap_or("").to_owned(),
            self.incoming_referral_date.clone(),
            self.trafficking_status
                .map(TraffickingStatus::code)
                .unwrap_or("")
                .to_owned(),
            self.decision_making_org
                .map(DecisionMakingOrg::code)
                .unwrap_or("")
                .to_owned(),
            self.gender.map(Gender::code).unwrap_or("").to_owned(),
            self.age_group.map(AgeGroup::label).unwrap_or("").to_owned(),
            join(self.citizenship.iter().map(String::as_str).collect()),
            join(self.exploitation.iter().map(|e| e.code()).collect()),
            if self.country_of_exploitation.is_some() {
                "Exploitation".to_owned()
            } else {
                String::new()
            },
            self.country_of_exploitation.clone().unwrap_or_default(),
        ]
    }

    fn identity_values(&self) -> [String; 6] {
        let i = &self.identity;
        // HTCDS phones are E.164; a number typed with spaces, dashes or brackets is written
        // without them, one that cannot be made E.164 as it was typed.
        let phone = i
            .mobile_phone
            .as_deref()
            .map(|p| e164(p).unwrap_or_else(|| p.to_owned()));
        [
            i.first_name.clone(),
            i.second_name.clone(),
            i.birthdate.clone(),
            phone,
            i.email.clone(),
            i.mailing_street.clone(),
        ]
        .map(Option::unwrap_or_default)
    }
}

/// The records as one sheet, with the identifying columns when asked. The writers of
/// [`crate::spreadsheet`] neutralise every cell.
pub fn htcds_sheet(records: &[HtcdsRecord], with_identity: bool) -> Sheet {
    let mut header: Vec<String> = CASE_COLUMNS.iter().map(|c| (*c).to_owned()).collect();
    if with_identity {
        header.extend(IDENTITY_COLUMNS.iter().map(|c| (*c).to_owned()));
    }
    let rows = records
        .iter()
        .map(|r| {
            let mut row: Vec<Cell> = r.case_values().into_iter().map(Cell::Text).collect();
            if with_identity {
                row.extend(r.identity_values().into_iter().map(Cell::Text));
            }
            row
        })
        .collect();
    Sheet {
        name: "HTCDS".to_owned(),
        header,
        rows,
    }
}

/// A file's cells as text: the header and the rows, each with its row number in the file
/// (the header is row 1 in CSV and XLSX; JSON records are numbered from 1 after it).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RawTable {
    pub header: Vec<String>,
    pub rows: Vec<(usize, Vec<String>)>,
}

/// A file that cannot be read at all.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum FileError {
    #[error("not a CSV file: {0}")]
    Csv(String),
    #[error("not an XLSX workbook: {0}")]
    Xlsx(String),
    #[error("not HTCDS JSON: {0}")]
    Json(String),
    #[error("the file has no header row")]
    NoHeader,
    #[error("the file has more than {MAX_ROWS} rows")]
    TooManyRows,
}

/// One problem with one cell (or, with an empty column, the whole row; row 1 is the header).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RowError {
    pub row: usize,
    pub column: String,
    pub problem: String,
}

impl std::fmt::Display for RowError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.column.is_empty() {
            write!(f, "row {}: {}", self.row, self.problem)
        } else {
            write!(
                f,
                "row {}, column {}: {}",
                self.row, self.column, self.problem
            )
        }
    }
}

/// What an import file holds: the valid records, every error, and the rows refused.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Validation {
    pub records: Vec<(usize, HtcdsRecord)>,
    pub errors: Vec<RowError>,
    pub rejected: Vec<(usize, Vec<String>)>,
}

impl Validation {
    /// The records to import. A file with errors is refused whole (`None`) unless the user asked
    /// to skip the invalid rows; then its valid rows are imported.
    pub fn importable(&self, skip_invalid: bool) -> Option<&[(usize, HtcdsRecord)]> {
        (self.errors.is_empty() || skip_invalid).then_some(self.records.as_slice())
    }
}

/// Reads a CSV file (UTF-8, header first; a leading byte-order mark is allowed).
pub fn read_csv(bytes: &[u8]) -> Result<RawTable, FileError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut table = RawTable::default();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| FileError::Csv(e.to_string()))?;
        let cells: Vec<String> = record.iter().map(str::to_owned).collect();
        if i == 0 {
            table.header = cells;
        } else {
            if table.rows.len() >= MAX_ROWS {
                return Err(FileError::TooManyRows);
            }
            table.rows.push((i + 1, cells));
        }
    }
    if table.header.iter().all(|h| h.trim().is_empty()) {
        return Err(FileError::NoHeader);
    }
    Ok(table)
}

/// Reads the first sheet of an XLSX workbook. Numbers that are whole are written without a
/// fraction; dates become `YYYY-MM-DD`.
///
/// calamine 0.38 overflows on some malformed cell references (found by fuzzing): with overflow
/// checks on (debug builds, fuzzing) it panics. The panic is contained here and reported as an
/// unreadable workbook; release builds are not affected.
pub fn read_xlsx(bytes: &[u8]) -> Result<RawTable, FileError> {
    std::panic::catch_unwind(|| read_xlsx_unguarded(bytes)).unwrap_or_else(|_| {
        Err(FileError::Xlsx(
            "the workbook is malformed (its cells could not be read)".to_owned(),
        ))
    })
}

fn read_xlsx_unguarded(bytes: &[u8]) -> Result<RawTable, FileError> {
    use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
    let mut workbook: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes))
        .map_err(|e: calamine::XlsxError| FileError::Xlsx(e.to_string()))?;
    let name = workbook
        .sheet_names()
        .first()
        .cloned()
        .ok_or_else(|| FileError::Xlsx("the workbook has no sheet".to_owned()))?;
    let range = workbook
        .worksheet_range(&name)
        .map_err(|e| FileError::Xlsx(e.to_string()))?;
    let text = |cell: &Data| -> String {
        match cell {
            Data::Empty => String::new(),
            Data::String(s) => s.clone(),
            Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
            Data::Float(f) => f.to_string(),
            Data::Int(i) => i.to_string(),
            Data::Bool(b) => b.to_string(),
            Data::DateTime(d) if d.is_datetime() => {
                let (y, m, day, ..) = d.to_ymd_hms_milli();
                format!("{y:04}-{m:02}-{day:02}")
            }
            Data::DateTime(d) => d.as_f64().to_string(),
            Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
            Data::Error(e) => format!("#{e:?}"),
        }
    };
    let start_row = range.start().map_or(0, |(r, _)| r as usize);
    let start_col = range.start().map_or(0, |(_, c)| c as usize);
    let mut table = RawTable::default();
    for (i, row) in range.rows().enumerate() {
        let mut cells: Vec<String> = vec![String::new(); start_col];
        cells.extend(row.iter().map(text));
        let number = start_row + i + 1;
        if i == 0 && start_row == 0 {
            table.header = cells;
        } else if table.header.is_empty() {
            return Err(FileError::NoHeader);
        } else {
            if table.rows.len() >= MAX_ROWS {
                return Err(FileError::TooManyRows);
            }
            table.rows.push((number, cells));
        }
    }
    if table.header.iter().all(|h| h.trim().is_empty()) {
        return Err(FileError::NoHeader);
    }
    Ok(table)
}

/// Reads JSON: an array of objects keyed by column, or an object holding one such array under
/// any name (as Haven's JSON export writes it). Values are strings, numbers, or null.
pub fn read_json(bytes: &[u8]) -> Result<RawTable, FileError> {
    let value: Value = serde_json::from_slice(bytes).map_err(|e| FileError::Json(e.to_string()))?;
    let rows = match value {
        Value::Array(rows) => rows,
        Value::Object(map) if map.len() == 1 => match map.into_iter().next() {
            Some((_, Value::Array(rows))) => rows,
            _ => return Err(FileError::Json("expected an array of records".to_owned())),
        },
        _ => {
            return Err(FileError::Json(
                "expected an array of records, or an object with one".to_owned(),
            ));
        }
    };
    if rows.len() > MAX_ROWS {
        return Err(FileError::TooManyRows);
    }
    let mut header: Vec<String> = Vec::new();
    let mut seen = BTreeSet::new();
    let mut objects = Vec::with_capacity(rows.len());
    for (i, row) in rows.into_iter().enumerate() {
        let Value::Object(object) = row else {
            return Err(FileError::Json(format!(
                "record {} is not an object",
                i + 1
            )));
        };
        for key in object.keys() {
            if seen.insert(key.clone()) {
                header.push(key.clone());
            }
        }
        objects.push(object);
    }
    if header.is_empty() {
        return Err(FileError::NoHeader);
    }
    let table_rows = objects
        .into_iter()
        .enumerate()
        .map(|(i, object)| {
            let cells = header
                .iter()
                .map(|column| match object.get(column) {
                    None | Some(Value::Null) => String::new(),
                    Some(Value::String(s)) => s.clone(),
                    Some(Value::Number(n)) => n.to_string(),
                    Some(Value::Bool(b)) => b.to_string(),
                    Some(other) => other.to_string(),
                })
                .collect();
            (i + 1, cells)
        })
        .collect();
    Ok(RawTable {
        header,
        rows: table_rows,
    })
}

/// Checks every row of a file against the HTCDS columns Haven exchanges: known columns each
/// once, the required ones present; code lists; dates that exist, not after `today`, a birth
/// date before the referral; ISO 3166 countries; ids of letters, digits and `.-_:` once per
/// file; phones in E.164; e-mail addresses. Every error is reported; a row with any error is
/// rejected, the others are read.
pub fn validate(table: &RawTable, today: CivilDate) -> Validation {
    let mut validation = Validation::default();
    let known: BTreeSet<&str> = CASE_COLUMNS
        .iter()
        .chain(&IDENTITY_COLUMNS)
        .copied()
        .collect();
    let mut columns: BTreeMap<&str, usize> = BTreeMap::new();
    let mut header_errors = Vec::new();
    for (i, name) in table.header.iter().enumerate() {
        let name = name.trim();
        if name.is_empty() {
            continue;
        }
        let header_error = |problem: String| RowError {
            row: 1,
            column: name.to_owned(),
            problem,
        };
        if !known.contains(name) {
            header_errors.push(header_error(format!(
                "not an HTCDS column Haven exchanges (it knows {})",
                known.iter().copied().collect::<Vec<_>>().join(", ")
            )));
        } else if columns.insert(name, i).is_some() {
            header_errors.push(header_error("the column appears twice".to_owned()));
        }
    }
    for required in REQUIRED_COLUMNS {
        if !columns.contains_key(required) {
            header_errors.push(RowError {
                row: 1,
                column: required.to_owned(),
                problem: "this column is required".to_owned(),
            });
        }
    }
    if !header_errors.is_empty() {
        validation.errors = header_errors;
        validation.rejected = table.rows.clone();
        return validation;
    }
    let mut ids: BTreeMap<String, usize> = BTreeMap::new();
    for (number, cells) in &table.rows {
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let mut row = RowCheck {
            number: *number,
            cells,
            columns: &columns,
            errors: Vec::new(),
        };
        let record = row.record(today);
        if let Some(id) = &record.case_id {
            if let Some(first) = ids.get(id) {
                row.error(
                    "hvn_CaseId",
                    format!("the case id {id:?} is already on row {first}"),
                );
            } else {
                ids.insert(id.clone(), *number);
            }
        }
        if row.errors.is_empty() {
            validation.records.push((*number, record));
        } else {
            validation.errors.append(&mut row.errors);
            validation.rejected.push((*number, cells.clone()));
        }
    }
    validation
}

struct RowCheck<'a> {
    number: usize,
    cells: &'a [String],
    columns: &'a BTreeMap<&'a str, usize>,
    errors: Vec<RowError>,
}

impl RowCheck<'_> {
    /// Whether the column has a value, without checking it.
    fn present(&self, column: &str) -> bool {
        self.columns
            .get(column)
            .and_then(|i| self.cells.get(*i))
            .is_some_and(|c| !c.trim().is_empty())
    }

    fn error(&mut self, column: &str, problem: String) {
        self.errors.push(RowError {
            row: self.number,
            column: column.to_owned(),
            problem,
        });
    }

    /// The cell's text, trimmed, with the apostrophe Haven's exports put before a would-be
    /// formula taken off again; `None` when empty or the column is absent.
    fn cell(&mut self, column: &str) -> Option<String> {
        let i = *self.columns.get(column)?;
        let raw = self.cells.get(i).map_or("", String::as_str);
        if raw.chars().count() > MAX_CELL_CHARS {
            self.error(column, format!("longer than {MAX_CELL_CHARS} characters"));
            return None;
        }
        if raw.chars().any(|c| c.is_control() && c != '\t') {
            self.error(column, "holds control characters".to_owned());
            return None;
        }
        let text = raw.trim();
        let text = match text.strip_prefix('\'') {
            Some(rest) if rest.starts_with(['=', '+', '-', '@']) => rest,
            _ => text,
        };
        (!text.is_empty()).then(|| text.to_owned())
    }

    fn code<T>(
        &mut self,
        column: &str,
        parse: impl Fn(&str) -> Option<T>,
        allowed: &[&str],
    ) -> Option<T> {
        let text = self.cell(column)?;
        let parsed = parse(&text);
        if parsed.is_none() {
            self.error(
                column,
                format!("{text:?} is not one of {}", allowed.join(", ")),
            );
        }
        parsed
    }

    fn codes<T: Ord + Copy>(
        &mut self,
        column: &str,
        parse: impl Fn(&str) -> Option<T>,
        allowed: &[&str],
    ) -> Vec<T> {
        let Some(text) = self.cell(column) else {
            return Vec::new();
        };
        let mut values = BTreeSet::new();
        for part in text.split(';').map(str::trim).filter(|p| !p.is_empty()) {
            match parse(part) {
                Some(v) => {
                    values.insert(v);
                }
                None => self.error(
                    column,
                    format!("{part:?} is not one of {}", allowed.join(", ")),
                ),
            }
        }
        values.into_iter().collect()
    }

    fn date(&mut self, column: &str, today: CivilDate) -> Option<CivilDate> {
        let text = self.cell(column)?;
        match CivilDate::parse(&text) {
            None => {
                self.error(
                    column,
                    format!("{text:?} is not a date written YYYY-MM-DD that exists"),
                );
                None
            }
            Some(d) if d > today => {
                self.error(column, format!("{text} is in the future"));
                None
            }
            Some(d) if d.ymd().0 < 1900 => {
                self.error(column, format!("{text} is before 1900"));
                None
            }
            Some(d) => Some(d),
        }
    }

    fn country(&mut self, column: &str, code: &str) -> Option<String> {
        // Only upper-case codes: `gb` and `GB` would otherwise be two values.
        match Country::from_alpha2(code) {
            Ok(c) if code == c.alpha2() => Some(c.alpha2().to_owned()),
            _ => {
                self.error(
                    column,
                    format!("{code:?} is not an ISO 3166-1 alpha-2 country code (e.g. NG, GB)"),
                );
                None
            }
        }
    }

    fn record(&mut self, today: CivilDate) -> HtcdsRecord {
        let mut record = HtcdsRecord::default();
        if let Some(id) = self.cell("hvn_CaseId") {
            if id.len() <= 64
                && id
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || ".-_:".contains(c))
            {
                record.case_id = Some(id);
            } else {
                self.error(
                    "hvn_CaseId",
                    format!(
                        "{id:?} is not an id: up to 64 letters, digits and . - _ : (no spaces)"
                    ),
                );
            }
        }
        let statuses: Vec<&str> = CaseStatus::ALL.iter().map(|s| s.code()).collect();
        record.status = self.code("cas_Status", CaseStatus::parse, &statuses);
        let referral = self.date("cas_IncomingReferralDate", today);
        if !self.present("cas_IncomingReferralDate") {
            self.error(
                "cas_IncomingReferralDate",
                "required: the day the case came in (YYYY-MM-DD)".to_owned(),
            );
        }
        record.incoming_referral_date = referral.map(|d| d.to_string()).unwrap_or_default();
        let trafficking: Vec<&str> = TraffickingStatus::ALL.iter().map(|s| s.code()).collect();
        record.trafficking_status = self.code(
            "vic_TraffickingStatus",
            |t| TraffickingStatus::ALL.into_iter().find(|s| s.code() == t),
            &trafficking,
        );
        if !self.present("vic_TraffickingStatus") {
            self.error(
                "vic_TraffickingStatus",
                format!("required: one of {}", trafficking.join(", ")),
            );
        }
        let orgs: Vec<&str> = DecisionMakingOrg::ALL.iter().map(|s| s.code()).collect();
        record.decision_making_org = self.code(
            "vic_TraffickingStatusDecisionMakingOrg",
            |t| DecisionMakingOrg::ALL.into_iter().find(|s| s.code() == t),
            &orgs,
        );
        let genders: Vec<&str> = Gender::ALL.iter().map(|g| g.code()).collect();
        record.gender = self.code("prs_Gender", Gender::parse, &genders);
        record.age_group = self.code(
            "hvn_AgeGroup",
            |t| match t {
                "child" => Some(AgeGroup::Child),
                "adult" => Some(AgeGroup::Adult),
                _ => None,
            },
            &["child", "adult"],
        );
        if let Some(text) = self.cell("prs_Citizenship") {
            let mut seen = BTreeSet::new();
            for part in text.split(';').map(str::trim).filter(|p| !p.is_empty()) {
                if let Some(code) = self.country("prs_Citizenship", part)
                    && seen.insert(code.clone())
                {
                    record.citizenship.push(code);
                }
            }
        }
        let types: Vec<&str> = ExploitationType::ALL.iter().map(|t| t.code()).collect();
        record.exploitation = self.codes("vic_TypeOfExploitation", ExploitationType::parse, &types);
        // A country without a type is taken for the country of exploitation.
        self.code(
            "hte_Type",
            |t| (t == "Exploitation").then_some(()),
            &["Exploitation (the only event type Haven exchanges)"],
        );
        if let Some(code) = self.cell("hte_Country") {
            record.country_of_exploitation = self.country("hte_Country", &code);
        }
        let identity = Identity {
            first_name: self.cell("prs_FirstName"),
            second_name: self.cell("prs_SecondName"),
            birthdate: self.date("prs_Birthdate", today).map(|d| d.to_string()),
            mobile_phone: self.cell("prs_MobilePhone"),
            email: self.cell("prs_Email"),
            mailing_street: self.cell("prs_MailingStreet"),
        };
        if let (Some(birth), Some(referral)) = (&identity.birthdate, referral)
            && CivilDate::parse(birth).is_some_and(|b| b > referral)
        {
            self.error(
                "prs_Birthdate",
                "after the incoming referral date".to_owned(),
            );
        }
        if let Some(phone) = &identity.mobile_phone
            && !is_e164(phone)
        {
            self.error(
                "prs_MobilePhone",
                format!("{phone:?} is not an E.164 number (+ then up to 15 digits, no spaces)"),
            );
        }
        if let Some(email) = &identity.email
            && !is_email(email)
        {
            self.error("prs_Email", format!("{email:?} is not an e-mail address"));
        }
        record.identity = identity;
        record
    }
}

/// A phone number as E.164 once the separators people type (spaces, dashes, dots, brackets)
/// and a national trunk prefix written `(0)` are taken out; `None` when it still is not.
pub fn e164(phone: &str) -> Option<String> {
    let compact: String = phone
        .replace("(0)", "")
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '.' | '(' | ')' | '\u{a0}'))
        .collect();
    is_e164(&compact).then_some(compact)
}

/// `^\+?[1-9]\d{1,14}$`, the pattern HTCDS gives for phones.
fn is_e164(phone: &str) -> bool {
    let digits = phone.strip_prefix('+').unwrap_or(phone);
    (2..=15).contains(&digits.len())
        && digits.chars().all(|c| c.is_ascii_digit())
        && !digits.starts_with('0')
}

fn is_email(email: &str) -> bool {
    match email.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !email.chars().any(char::is_whitespace)
                && !domain.contains('@')
        }
        None => false,
    }
}

/// The file's format, from its name's extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileFormat {
    Csv,
    Xlsx,
    Json,
}

impl FileFormat {
    /// `csv`, `xlsx` or `json`.
    pub fn parse(text: &str) -> Option<FileFormat> {
        match text {
            "csv" => Some(FileFormat::Csv),
            "xlsx" => Some(FileFormat::Xlsx),
            "json" => Some(FileFormat::Json),
            _ => None,
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            FileFormat::Csv => "csv",
            FileFormat::Xlsx => "xlsx",
            FileFormat::Json => "json",
        }
    }

    /// The media type of the format.
    pub fn content_type(self) -> &'static str {
        match self {
            FileFormat::Csv => "text/csv; charset=utf-8",
            FileFormat::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            FileFormat::Json => "application/json",
        }
    }

    /// The format of a media type, parameters aside (`text/csv; charset=utf-8`).
    pub fn of_content_type(content_type: &str) -> Option<FileFormat> {
        let essence = content_type.split(';').next().unwrap_or_default().trim();
        [FileFormat::Csv, FileFormat::Xlsx, FileFormat::Json]
            .into_iter()
            .find(|f| f.content_type().split(';').next() == Some(essence))
    }

    pub fn of_path(path: &str) -> Option<FileFormat> {
        let lower = path.to_ascii_lowercase();
        if lower.ends_with(".csv") {
            Some(FileFormat::Csv)
        } else if lower.ends_with(".xlsx") {
            Some(FileFormat::Xlsx)
        } else if lower.ends_with(".json") {
            Some(FileFormat::Json)
        } else {
            None
        }
    }

    /// The format of a file by its content, for a file whose name does not say it (one
    /// decrypted from `cases.age`, say): an XLSX workbook is a zip archive and starts with `PK`;
    /// JSON starts with `{` or `[` after white space (and a byte-order mark); anything else is
    /// read as CSV, whose reader then reports what is wrong with it.
    pub fn sniff(bytes: &[u8]) -> FileFormat {
        let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        if bytes.starts_with(b"PK") {
            FileFormat::Xlsx
        } else if matches!(
            text.iter().find(|b| !b.is_ascii_whitespace()),
            Some(b'{' | b'[')
        ) {
            FileFormat::Json
        } else {
            FileFormat::Csv
        }
    }
}

/// Writes a sheet in the format (every text cell neutralised, as every export).
pub fn write(sheet: &Sheet, format: FileFormat) -> Result<Vec<u8>, ExportError> {
    let mut bytes = Vec::new();
    match format {
        FileFormat::Csv => write_csv(sheet, &mut bytes)?,
        FileFormat::Json => write_json(std::slice::from_ref(sheet), &mut bytes)?,
        FileFormat::Xlsx => {
            bytes = write_xlsx(std::slice::from_ref(sheet), Cursor::new(Vec::new()))?.into_inner();
        }
    }
    Ok(bytes)
}

/// Reads a file of either format.
pub fn read(bytes: &[u8], format: FileFormat) -> Result<RawTable, FileError> {
    match format {
        FileFormat::Csv => read_csv(bytes),
        FileFormat::Xlsx => read_xlsx(bytes),
        FileFormat::Json => read_json(bytes),
    }
}
