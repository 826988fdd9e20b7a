//! Published reports as files: SDG 16.2.2 and the GLOTIP tables as JSON, CSV, HXL-tagged CSV,
//! XLSX or an SVG chart, each with the notes that say how the counts were protected and what the
//! release spent. Everything here renders releases already made; nothing is counted or released
//! anew.
//!
//! The HXL files (Humanitarian Exchange Language 1.1) are the CSV tables with a row of HXL
//! hashtags under the header, and with the context each row needs to stand alone in a
//! humanitarian data pipeline: the year, the indicator, the basis, the release policy and the
//! release's receipt. Which column gets which hashtag, and why, is in docs/statistics.md.

use std::io::Cursor;

use serde_json::{Value, json};
use thiserror::Error;

use crate::glotip::GlotipReport;
use crate::release::{PostProcessing, PublishedTable, Release, ReleasePolicy, ReleasedCount};
use crate::sdg::{Population, PublishedRate, SdgReport};
use crate::spreadsheet::{
    Cell, ExportError, SUPPRESSED, Sheet, bar_chart_svg, release_notes, release_sheets, write_csv,
    write_hxl, write_xlsx,
};
use crate::table::{Dimension, Table, TableError};
use crate::victim::{AgeGroup, Basis, Sex};

/// The formats a report is published in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Csv,
    Json,
    Xlsx,
    Svg,
    /// CSV with a row of HXL hashtags under the header.
    Hxl,
}

impl Format {
    pub fn parse(text: &str) -> Option<Format> {
        match text {
            "csv" => Some(Format::Csv),
            "json" => Some(Format::Json),
            "xlsx" => Some(Format::Xlsx),
            "svg" => Some(Format::Svg),
            "hxl" => Some(Format::Hxl),
            _ => None,
        }
    }

    /// The media type of the format.
    pub fn content_type(self) -> &'static str {
        match self {
            Format::Csv | Format::Hxl => "text/csv; charset=utf-8",
            Format::Json => "application/json",
            Format::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Format::Svg => "image/svg+xml",
        }
    }

    /// The file name extension of the format (HXL is CSV).
    pub fn extension(self) -> &'static str {
        match self {
            Format::Csv | Format::Hxl => "csv",
            Format::Json => "json",
            Format::Xlsx => "xlsx",
            Format::Svg => "svg",
        }
    }
}

/// What the release of a report spent and where it is recorded.
#[derive(Clone, Debug, PartialEq)]
pub struct Receipt {
    pub dataset: String,
    pub epsilon_spent: f64,
    pub budget_remaining: Option<f64>,
    /// The audit log entry that records the release.
    pub audit_entry: i64,
}

#[derive(Debug, Error)]
pub enum PublishError {
    #[error(transparent)]
    Export(#[from] ExportError),
    #[error(transparent)]
    Table(#[from] TableError),
}

/// How the basis of a report reads.
pub fn basis_text(basis: Basis) -> &'static str {
    match basis {
        Basis::Presumed => {
            "presumed victims: a screening that found trafficking, or a positive reasonable- or conclusive-grounds decision"
        }
        Basis::Decided => "decided victims: a positive reasonable- or conclusive-grounds decision",
    }
}

pub fn basis_id(basis: Basis) -> &'static str {
    match basis {
        Basis::Presumed => "presumed",
        Basis::Decided => "decided",
    }
}

pub fn population_text(population: &Population) -> String {
    match population {
        Population::Total(n) => n.to_string(),
        Population::BySexAndAge { .. } => "by sex and age group".to_string(),
    }
}

fn count_value(count: ReleasedCount) -> Value {
    match count {
        ReleasedCount::Published(c) => json!(c),
        ReleasedCount::Suppressed => json!("suppressed"),
    }
}

pub fn release_json(release: &Release) -> Value {
    let table = &release.table;
    let names: Vec<&str> = table.dimensions().iter().map(|d| d.name()).collect();
    let entries: Vec<Value> = table
        .entries()
        .map(|(position, count)| {
            let mut object = serde_json::Map::new();
            for (name, label) in names.iter().zip(table.labels(&position)) {
                object.insert((*name).to_string(), json!(label));
            }
            object.insert("count".into(), count_value(count));
            Value::Object(object)
        })
        .collect();
    json!({
        "policy": release.policy,
        "privacy_check": if release.passes_privacy_check() { "passed" } else { "failed" },
        "notes": release_notes(release),
        "counts": entries,
    })
}

pub fn receipt_json(receipt: &Receipt) -> Value {
    json!({
        "dataset": receipt.dataset,
        "epsilon_spent": receipt.epsilon_spent,
        "budget_remaining": receipt.budget_remaining,
        "audit_entry": receipt.audit_entry,
    })
}

fn sex_label(sex: Option<Sex>) -> &'static str {
    sex.map_or("Total", Sex::label)
}

fn age_label(age: Option<AgeGroup>) -> &'static str {
    age.map_or("Total", AgeGroup::label)
}

/// The SDG report as one table: every published count with its rate where the population
/// allows one.
pub fn sdg_sheet(report: &SdgReport) -> Sheet {
    let table = &report.counts.table;
    let mut header: Vec<String> = table
        .dimensions()
        .iter()
        .map(|d| d.name().to_owned())
        .collect();
    header.extend(["count", "population", "per_100000"].map(String::from));
    let rows = table
        .entries()
        .map(|(position, count)| {
            let labels = table.labels(&position);
            let rate = report.rates.iter().find(|r| {
                sex_label(r.sex) == labels[0]
                    && age_label(r.age_group) == labels[1]
                    && r.form.map_or("Total", |f| f.label()) == labels[2]
            });
            let mut row: Vec<Cell> = labels.iter().map(|l| Cell::Text((*l).to_owned())).collect();
            row.push(match count {
                ReleasedCount::Published(c) => Cell::Number(c as f64),
                ReleasedCount::Suppressed => Cell::Text("suppressed".into()),
            });
            match rate {
                Some(rate) => {
                    row.push(Cell::Number(rate.population as f64));
                    row.push(match rate.per_100_000 {
                        PublishedRate::Published(r) => Cell::Number((r * 1000.0).round() / 1000.0),
                        PublishedRate::Suppressed => Cell::Text("suppressed".into()),
                    });
                }
                None => {
                    row.push(Cell::Text(String::new()));
                    row.push(Cell::Text(String::new()));
                }
            }
            row
        })
        .collect();
    Sheet {
        name: "SDG 16.2.2".into(),
        header,
        rows,
    }
}

pub fn notes_sheet(name: &str, notes: Vec<String>) -> Sheet {
    Sheet {
        name: name.into(),
        header: vec!["note".into()],
        rows: notes.into_iter().map(|n| vec![Cell::Text(n)]).collect(),
    }
}

fn sdg_notes(
    report: &SdgReport,
    population: &Population,
    source: Option<&str>,
    receipt: &Receipt,
) -> Vec<String> {
    let mut notes = vec![
        format!(
            "SDG indicator 16.2.2, {}: detected victims per 100,000 resident population.",
            report.year
        ),
        format!("Counted: {}.", basis_text(report.basis)),
        "Each person is counted once, in the year first identified; anonymous notifications are not counted (they may repeat a person).".to_string(),
        format!(
            "Population: {}{}.",
            population_text(population),
            source.map_or(String::new(), |s| format!(" (source: {s})"))
        ),
    ];
    notes.extend(release_notes(&report.counts));
    notes.push(format!(
        "Privacy budget: ε spent {} from dataset {}.",
        receipt.epsilon_spent, receipt.dataset
    ));
    notes
}

pub fn sdg_output(
    report: &SdgReport,
    population: &Population,
    source: Option<&str>,
    receipt: &Receipt,
    format: Format,
) -> Result<Vec<u8>, PublishError> {
    let notes = sdg_notes(report, population, source, receipt);
    let bytes = match format {
        Format::Json => {
            let rates: Vec<Value> = report
                .rates
                .iter()
                .map(|r| {
                    json!({
                        "sex": sex_label(r.sex),
                        "age_group": age_label(r.age_group),
                        "form_of_exploitation": r.form.map_or("Total", |f| f.label()),
                        "count": count_value(r.count),
                        "population": r.population,
                        "per_100000": match r.per_100_000 {
                            PublishedRate::Published(x) => json!((x * 1000.0).round() / 1000.0),
                            PublishedRate::Suppressed => json!("suppressed"),
                        },
                    })
                })
                .collect();
            let population_json = match population {
                Population::Total(n) => json!({"total": n, "source": source}),
                Population::BySexAndAge {
                    female_child,
                    female_adult,
                    male_child,
                    male_adult,
                } => json!({
                    "female_child": female_child, "female_adult": female_adult,
                    "male_child": male_child, "male_adult": male_adult, "source": source,
                }),
            };
            let out = json!({
                "indicator": "SDG 16.2.2",
                "year": report.year,
                "basis": basis_id(report.basis),
                "basis_description": basis_text(report.basis),
                "population": population_json,
                "release": receipt_json(receipt),
                "table": release_json(&report.counts),
                "rates": rates,
                "notes": notes,
            });
            let mut text = serde_json::to_string_pretty(&out).unwrap_or_default();
            text.push('\n');
            text.into_bytes()
        }
        // The CSV states what it counts, like the HXL file, without the hashtag row.
        Format::Csv => {
            let (sheet, _) = sdg_hxl(report, source, receipt);
            let mut bytes = Vec::new();
            write_csv(&sheet, &mut bytes).map_err(PublishError::from)?;
            bytes
        }
        Format::Hxl => {
            let (sheet, tags) = sdg_hxl(report, source, receipt);
            let mut bytes = Vec::new();
            write_hxl(&sheet, &tags, &mut bytes)?;
            bytes
        }
        Format::Xlsx => {
            let sheets = [sdg_sheet(report), notes_sheet("notes", notes)];
            write_xlsx(&sheets, Cursor::new(Vec::new()))
                .map_err(PublishError::from)?
                .into_inner()
        }
        Format::Svg => {
            let chart = margin_release(&report.counts, &[0, 2])?;
            bar_chart_svg(
                &chart,
                &format!(
                    "Detected victims of trafficking, {}, by sex and form of exploitation ({})",
                    report.year,
                    basis_id(report.basis)
                ),
            )
            .map_err(PublishError::from)?
            .into_bytes()
        }
    };
    Ok(bytes)
}

pub fn glotip_output(
    report: &GlotipReport,
    receipt: &Receipt,
    format: Format,
) -> Result<Vec<u8>, PublishError> {
    let names = GLOTIP_TABLES;
    let releases = report.releases();
    let bytes = match format {
        Format::Json => {
            let mut tables = serde_json::Map::new();
            for (name, (description, release)) in names.iter().zip(releases.iter()) {
                let mut table = release_json(release);
                table["description"] = json!(description);
                tables.insert((*name).to_string(), table);
            }
            let out = json!({
                "report": "GLOTIP",
                "year": report.year,
                "basis": basis_id(report.basis),
                "basis_description": basis_text(report.basis),
                "release": receipt_json(receipt),
                "tables": tables,
            });
            let mut text = serde_json::to_string_pretty(&out).unwrap_or_default();
            text.push('\n');
            text.into_bytes()
        }
        Format::Csv => {
            let (sheet, _) = glotip_hxl(report, receipt);
            let mut bytes = Vec::new();
            write_csv(&sheet, &mut bytes).map_err(PublishError::from)?;
            bytes
        }
        Format::Hxl => {
            let (sheet, tags) = glotip_hxl(report, receipt);
            let mut bytes = Vec::new();
            write_hxl(&sheet, &tags, &mut bytes)?;
            bytes
        }
        Format::Xlsx => {
            let mut sheets = Vec::new();
            for (name, (_, release)) in names.iter().zip(releases.iter()) {
                let [table, notes] = release_sheets(release, name);
                sheets.push(table);
                sheets.push(notes);
            }
            let mut notes = vec![
                format!("GLOTIP tables, {}.", report.year),
                format!("Counted: {}.", basis_text(report.basis)),
            ];
            notes.push(format!(
                "Privacy budget: ε spent {} from dataset {}.",
                receipt.epsilon_spent, receipt.dataset
            ));
            sheets.push(notes_sheet("about", notes));
            write_xlsx(&sheets, Cursor::new(Vec::new()))
                .map_err(PublishError::from)?
                .into_inner()
        }
        Format::Svg => {
            let chart = margin_release(&report.victims, &[0, 2])?;
            bar_chart_svg(
                &chart,
                &format!(
                    "Victims detected, {}, by sex and form of exploitation ({})",
                    report.year,
                    basis_id(report.basis)
                ),
            )
            .map_err(PublishError::from)?
            .into_bytes()
        }
    };
    Ok(bytes)
}

/// A published margin of a release (its cells are the release's own published numbers over the
/// kept dimensions, withheld ones withheld), for a chart: nothing new is released.
pub fn margin_release(release: &Release, kept: &[usize]) -> Result<Release, TableError> {
    let table = &release.table;
    let dims: Vec<Dimension> = kept
        .iter()
        .map(|&d| table.dimensions()[d].clone())
        .collect();
    let sizes: Vec<usize> = dims.iter().map(Dimension::category_count).collect();
    let cells: usize = sizes.iter().product();
    let mut counts = Vec::with_capacity(cells);
    let mut withheld = Vec::new();
    for index in 0..cells {
        let mut rest = index;
        let mut small = vec![0; kept.len()];
        for (d, size) in sizes.iter().enumerate().rev() {
            small[d] = rest % size;
            rest /= size;
        }
        let mut position = vec![None; table.dimensions().len()];
        for (k, &d) in kept.iter().enumerate() {
            position[d] = Some(small[k]);
        }
        match table.get(&position) {
            Some(ReleasedCount::Published(c)) => counts.push(c),
            _ => {
                counts.push(0);
                withheld.push(small.iter().map(|&i| Some(i)).collect::<Vec<_>>());
            }
        }
    }
    let chart_table = Table::from_counts(dims, counts)?;
    let mut published = PublishedTable::from_table(&chart_table);
    for position in &withheld {
        published.suppress(position);
    }
    let post_processing: Vec<PostProcessing> = release.post_processing.clone();
    Ok(Release {
        table: published,
        policy: release.policy.clone(),
        suppressions: Vec::new(),
        post_processing,
        audit: None,
    })
}

/// One-dimensional releases shown side by side (the dashboard): JSON keyed by name, a long CSV
/// (table, category, count) with or without HXL hashtags, an XLSX sheet per table with its
/// notes, or an SVG chart of the first table.
pub fn tables_output(
    title: &str,
    tables: &[(&str, &Release)],
    format: Format,
) -> Result<Vec<u8>, PublishError> {
    Ok(match format {
        Format::Json => {
            let mut object = serde_json::Map::new();
            for (name, release) in tables {
                object.insert((*name).to_string(), release_json(release));
            }
            let mut text = serde_json::to_string_pretty(&json!({"title": title, "tables": object}))
                .unwrap_or_default();
            text.push('\n');
            text.into_bytes()
        }
        Format::Csv => {
            let mut bytes = Vec::new();
            write_csv(&tables_sheet(title, tables), &mut bytes)?;
            bytes
        }
        Format::Hxl => {
            let (sheet, tags) = tables_hxl(title, tables);
            let mut bytes = Vec::new();
            write_hxl(&sheet, &tags, &mut bytes)?;
            bytes
        }
        Format::Xlsx => {
            let mut sheets = Vec::new();
            for (name, release) in tables {
                let [table, notes] = release_sheets(release, name);
                sheets.push(table);
                sheets.push(notes);
            }
            write_xlsx(&sheets, Cursor::new(Vec::new()))?.into_inner()
        }
        Format::Svg => match tables.first() {
            Some((name, release)) => {
                bar_chart_svg(release, &format!("{title}: {name}"))?.into_bytes()
            }
            None => Vec::new(),
        },
    })
}

/// The GLOTIP tables by the name their rows carry, in the order of
/// [`GlotipReport::releases`].
pub const GLOTIP_TABLES: [&str; 5] = [
    "victims",
    "anonymous",
    "suspected",
    "prosecuted",
    "convicted",
];

/// A released count as a cell: the number, or "suppressed".
fn count_cell(count: ReleasedCount) -> Cell {
    match count {
        ReleasedCount::Published(c) => Cell::Number(c as f64),
        ReleasedCount::Suppressed => Cell::Text(SUPPRESSED.into()),
    }
}

/// The GLOTIP tables as one long table: which table, then every dimension any table has (empty
/// where a table does not have it), then the count.
pub fn glotip_sheet(report: &GlotipReport) -> Sheet {
    let columns = GLOTIP_COLUMNS;
    let mut header = vec!["table".to_string()];
    header.extend(columns.map(String::from));
    header.push("count".into());
    let mut rows = Vec::new();
    for (name, (_, release)) in GLOTIP_TABLES.iter().zip(report.releases().iter()) {
        let table = &release.table;
        let dims: Vec<&str> = table.dimensions().iter().map(|d| d.name()).collect();
        for (position, count) in table.entries() {
            let labels = table.labels(&position);
            let mut row = vec![Cell::Text((*name).to_string())];
            for column in columns {
                let value = dims
                    .iter()
                    .position(|d| *d == column)
                    .map_or("", |i| labels[i]);
                row.push(Cell::Text(value.to_string()));
            }
            row.push(count_cell(count));
            rows.push(row);
        }
    }
    Sheet {
        name: "GLOTIP".into(),
        header,
        rows,
    }
}

/// The dimensions of the GLOTIP long table, in order.
const GLOTIP_COLUMNS: [&str; 4] = ["sex", "age_group", "form_of_exploitation", "citizenship"];

/// One-dimensional releases as one long table: table, category, count.
pub fn tables_sheet(title: &str, tables: &[(&str, &Release)]) -> Sheet {
    let mut rows = Vec::new();
    for (name, release) in tables {
        for (position, count) in release.table.entries() {
            let labels = release.table.labels(&position);
            rows.push(vec![
                Cell::Text((*name).to_string()),
                Cell::Text(labels.join(" / ")),
                count_cell(count),
            ]);
        }
    }
    Sheet {
        name: title.chars().take(31).collect(),
        header: vec!["table".into(), "category".into(), "count".into()],
        rows,
    }
}

// HXL hashtags (HXL 1.1 core hashtags; attributes from the core dictionary, or Haven's own
// custom attributes, documented in docs/statistics.md).

/// The year the people counted were first identified: a calendar year (ISO 8601 allows a
/// year alone); `+year` says that precision.
const HXL_YEAR: &str = "#date+year";
const HXL_INDICATOR_CODE: &str = "#indicator+code";
const HXL_INDICATOR_NAME: &str = "#indicator+name";
/// The value of the row's indicator, a number (or "suppressed").
const HXL_INDICATOR_VALUE: &str = "#indicator+value+num";
/// A category of a long table.
const HXL_CATEGORY: &str = "#indicator+type";

/// The hashtag of a dimension's column: the classification (`+type`) of the row's indicator,
/// named by the dimension; citizenship is a country, by its ISO 3166 alpha-2 code (`+v_iso2`,
/// since `#country` codes are taken for alpha-3 unless said otherwise).
fn dimension_hxl(name: &str) -> &'static str {
    match name {
        "sex" => "#indicator+type+sex",
        "age_group" => "#indicator+type+age",
        "form_of_exploitation" => "#indicator+type+exploitation",
        "citizenship" => "#country+code+v_iso2+citizenship",
        _ => HXL_CATEGORY,
    }
}

/// A column that holds the same value on every row of an HXL file.
struct Constant {
    name: &'static str,
    tag: &'static str,
    cell: Cell,
}

/// The sheet with constant columns before and after its own, and the hashtags of them all.
fn with_constants(
    mut sheet: Sheet,
    tags: Vec<&'static str>,
    lead: Vec<Constant>,
    trail: Vec<Constant>,
) -> (Sheet, Vec<&'static str>) {
    let names = |cs: &[Constant]| cs.iter().map(|c| c.name.to_owned()).collect::<Vec<_>>();
    let mut header = names(&lead);
    header.append(&mut sheet.header);
    header.extend(names(&trail));
    let mut all_tags: Vec<&'static str> = lead.iter().map(|c| c.tag).collect();
    all_tags.extend(tags);
    all_tags.extend(trail.iter().map(|c| c.tag));
    let rows = sheet
        .rows
        .into_iter()
        .map(|row| {
            let mut cells: Vec<Cell> = lead.iter().map(|c| c.cell.clone()).collect();
            cells.extend(row);
            cells.extend(trail.iter().map(|c| c.cell.clone()));
            cells
        })
        .collect();
    (
        Sheet {
            name: sheet.name,
            header,
            rows,
        },
        all_tags,
    )
}

/// How a release was protected, as the audit log says it.
pub fn policy_id(policy: &ReleasePolicy) -> String {
    match policy {
        ReleasePolicy::Suppress { min_cell, rounding } => match rounding {
            Some(base) => format!("suppress min_cell={min_cell} rounding={base}"),
            None => format!("suppress min_cell={min_cell}"),
        },
        ReleasePolicy::DifferentialPrivacy { epsilon } => format!("dp epsilon={epsilon}"),
    }
}

fn privacy_check(release: &Release) -> &'static str {
    if release.passes_privacy_check() {
        "passed"
    } else {
        "failed"
    }
}

/// The receipt of a release as the last columns of an HXL file.
fn receipt_constants(receipt: &Receipt) -> Vec<Constant> {
    vec![
        Constant {
            name: "dataset",
            tag: "#meta+dataset",
            cell: Cell::Text(receipt.dataset.clone()),
        },
        Constant {
            name: "epsilon_spent",
            tag: "#meta+epsilon_spent",
            cell: Cell::Number(receipt.epsilon_spent),
        },
        Constant {
            name: "budget_remaining",
            tag: "#meta+budget_remaining",
            cell: receipt
                .budget_remaining
                .map_or(Cell::Text(String::new()), Cell::Number),
        },
        Constant {
            name: "audit_entry",
            tag: "#meta+audit_entry",
            cell: Cell::Number(receipt.audit_entry as f64),
        },
    ]
}

fn basis_constant(basis: Basis) -> Constant {
    Constant {
        name: "basis",
        tag: "#meta+basis",
        cell: Cell::Text(basis_id(basis).into()),
    }
}

fn year_constant(year: u16) -> Constant {
    Constant {
        name: "year",
        tag: HXL_YEAR,
        cell: Cell::Number(f64::from(year)),
    }
}

/// The SDG table as an HXL file with its hashtags: year and indicator code first, the table of
/// the CSV (the count as people affected, the population, the rate as the indicator's value),
/// then the basis, the policy, the privacy check, the population's source and the receipt.
pub fn sdg_hxl(
    report: &SdgReport,
    source: Option<&str>,
    receipt: &Receipt,
) -> (Sheet, Vec<&'static str>) {
    let sheet = sdg_sheet(report);
    let dims = report.counts.table.dimensions();
    let mut tags: Vec<&'static str> = dims.iter().map(|d| dimension_hxl(d.name())).collect();
    tags.extend(["#affected+ind", "#population", HXL_INDICATOR_VALUE]);
    let lead = vec![
        year_constant(report.year),
        Constant {
            name: "indicator",
            tag: HXL_INDICATOR_CODE,
            cell: Cell::Text("16.2.2".into()),
        },
    ];
    let mut trail = vec![
        basis_constant(report.basis),
        Constant {
            name: "policy",
            tag: "#meta+policy",
            cell: Cell::Text(policy_id(&report.counts.policy)),
        },
        Constant {
            name: "privacy_check",
            tag: "#meta+privacy_check",
            cell: Cell::Text(privacy_check(&report.counts).into()),
        },
        Constant {
            name: "population_source",
            tag: "#meta+source+population",
            cell: Cell::Text(source.unwrap_or_default().to_owned()),
        },
    ];
    trail.extend(receipt_constants(receipt));
    with_constants(sheet, tags, lead, trail)
}

/// The GLOTIP tables as an HXL file: the long table of the CSV with the year first, each
/// table's description after its name, and the basis, the table's policy and privacy check, and
/// the receipt after the count.
pub fn glotip_hxl(report: &GlotipReport, receipt: &Receipt) -> (Sheet, Vec<&'static str>) {
    let csv = glotip_sheet(report);
    let releases = report.releases();
    let mut header = vec![
        "year".to_string(),
        "table".to_string(),
        "description".to_string(),
    ];
    header.extend(csv.header[1..].iter().cloned());
    header.extend(["basis", "policy", "privacy_check"].map(String::from));
    let mut tags = vec![HXL_YEAR, HXL_INDICATOR_CODE, HXL_INDICATOR_NAME];
    tags.extend(GLOTIP_COLUMNS.map(dimension_hxl));
    tags.extend([
        HXL_INDICATOR_VALUE,
        "#meta+basis",
        "#meta+policy",
        "#meta+privacy_check",
    ]);
    let rows = csv
        .rows
        .into_iter()
        .map(|row| {
            let name = match &row[0] {
                Cell::Text(t) => t.clone(),
                Cell::Number(_) => String::new(),
            };
            let (description, release) = GLOTIP_TABLES
                .iter()
                .position(|t| *t == name)
                .map(|i| releases[i])
                .expect("every row names one of the tables");
            let mut cells = vec![
                Cell::Number(f64::from(report.year)),
                Cell::Text(name),
                Cell::Text(description.to_owned()),
            ];
            cells.extend(row.into_iter().skip(1));
            cells.push(Cell::Text(basis_id(report.basis).into()));
            cells.push(Cell::Text(policy_id(&release.policy)));
            cells.push(Cell::Text(privacy_check(release).into()));
            cells
        })
        .collect();
    let sheet = Sheet {
        name: csv.name,
        header,
        rows,
    };
    with_constants(sheet, tags, Vec::new(), receipt_constants(receipt))
}

/// One-dimensional releases as an HXL file: table, category and count as in the CSV, then each
/// table's policy and privacy check.
pub fn tables_hxl(title: &str, tables: &[(&str, &Release)]) -> (Sheet, Vec<&'static str>) {
    let mut sheet = tables_sheet(title, tables);
    sheet
        .header
        .extend(["policy", "privacy_check"].map(String::from));
    // The rows of the CSV are the tables' entries in order: each gets its table's policy.
    let policies = tables.iter().flat_map(|(_, release)| {
        let cells = [
            Cell::Text(policy_id(&release.policy)),
            Cell::Text(privacy_check(release).into()),
        ];
        release.table.entries().map(move |_| cells.clone())
    });
    sheet.rows = std::mem::take(&mut sheet.rows)
        .into_iter()
        .zip(policies)
        .map(|(mut row, cells)| {
            row.extend(cells);
            row
        })
        .collect();
    let tags = vec![
        HXL_INDICATOR_CODE,
        HXL_CATEGORY,
        HXL_INDICATOR_VALUE,
        "#meta+policy",
        "#meta+privacy_check",
    ];
    (sheet, tags)
}
