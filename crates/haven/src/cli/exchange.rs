//! `haven export ctdc|htcds` and `haven import htcds`: anonymised microdata for the CTDC, and
//! case records in HTCDS names for partners — identifying fields only for cases whose person
//! consented to a transfer across borders, and then only in a file encrypted to the recipient
//! (age). The contract is documented in docs/statistics.md.

use std::path::{Path, PathBuf};

use clap::{Subcommand, ValueEnum};
use haven_domain::case::Timestamp;
use haven_stats::htcds::{self, FileFormat, HtcdsRecord, htcds_sheet};
use haven_stats::spreadsheet::{Cell, Sheet, write_csv};
use haven_store::{AuditActor, CtdcFile};

use super::store_args::{StoreArgs, runtime};
use super::{CliError, write_private_file};

const EXPORT: AuditActor<'static> = AuditActor::System("export");
const IMPORT: AuditActor<'static> = AuditActor::System("import");

#[derive(clap::Args)]
pub struct ExportArgs {
    #[command(subcommand)]
    export: Export,
}

#[derive(Subcommand)]
enum Export {
    /// k-anonymised microdata in the CTDC's columns (no ids, no dates finer than the year, no free text).
    Ctdc(CtdcArgs),
    /// Case records with HTCDS names; identifying fields only with --recipient-key, for cases with a consent to transfer.
    Htcds(HtcdsExportArgs),
}

#[derive(clap::Args)]
struct CtdcArgs {
    /// Every combination of the quasi-identifiers occurs at least k times.
    #[arg(long, default_value_t = 10)]
    k: u32,
    /// The CSV file to write (a new file, readable by its owner only).
    #[arg(short = 'o', long = "output")]
    output: PathBuf,
    #[command(flatten)]
    store: StoreArgs,
}

#[derive(clap::Args)]
struct HtcdsExportArgs {
    #[arg(long, value_enum, default_value_t = ExchangeFormat::Csv)]
    format: ExchangeFormat,
    /// The recipient's age public key (age1…), or a file holding it: the file is then encrypted
    /// to it, and holds the identifying fields of cases with a consent to transfer across borders.
    #[arg(long)]
    recipient_key: Option<String>,
    /// The file to write (a new file, readable by its owner only).
    #[arg(short = 'o', long = "output")]
    output: PathBuf,
    #[command(flatten)]
    store: StoreArgs,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ExchangeFormat {
    Csv,
    Xlsx,
    Json,
}

impl From<ExchangeFormat> for FileFormat {
    fn from(format: ExchangeFormat) -> FileFormat {
        match format {
            ExchangeFormat::Csv => FileFormat::Csv,
            ExchangeFormat::Xlsx => FileFormat::Xlsx,
            ExchangeFormat::Json => FileFormat::Json,
        }
    }
}

#[derive(clap::Args)]
pub struct ImportArgs {
    #[command(subcommand)]
    import: Import,
}

#[derive(Subcommand)]
enum Import {
    /// Case records with HTCDS names (CSV, XLSX or JSON, by the file's extension).
    Htcds(HtcdsImportArgs),
}

#[derive(clap::Args)]
struct HtcdsImportArgs {
    /// The file: .csv, .xlsx or .json.
    file: PathBuf,
    /// Import the valid rows and write the others to FILE.rejects.csv, instead of importing nothing.
    #[arg(long)]
    skip_invalid: bool,
    #[command(flatten)]
    store: StoreArgs,
}

pub fn export(args: ExportArgs) -> Result<(), CliError> {
    match args.export {
        Export::Ctdc(args) => ctdc(args),
        Export::Htcds(args) => htcds_export(args),
    }
}

pub fn import(args: ImportArgs) -> Result<(), CliError> {
    match args.import {
        Import::Htcds(args) => htcds_import(args),
    }
}

fn refuse_existing(path: &Path) -> Result<(), CliError> {
    if path.exists() {
        return Err(CliError::Input(format!(
            "{}: already exists; exports never overwrite a file",
            path.display()
        )));
    }
    Ok(())
}

fn ctdc(args: CtdcArgs) -> Result<(), CliError> {
    if args.k == 0 {
        return Err(CliError::Input("--k must be at least 1".into()));
    }
    refuse_existing(&args.output)?;
    runtime()?.block_on(async {
        let store = args.store.open().await?;
        let CtdcFile { sheet, report } = store.ctdc_export(EXPORT, args.k).await?;
        let mut bytes = Vec::new();
        write_csv(&sheet, &mut bytes).map_err(|e| CliError::Other(anyhow::Error::new(e)))?;
        write_private_file(&args.output, &bytes)?;
        let g = &report.generalisation;
        store.close().await;
        eprintln!(
            "{}: {} rows, {}-anonymous (smallest group {}), {} of {} records withheld as outliers",
            args.output.display(),
            sheet.rows.len(),
            args.k,
            report
                .k_achieved
                .map_or("none".to_string(), |k| k.to_string()),
            report.records_suppressed,
            report.records_in
        );
        eprintln!(
            "generalised: sex {:?}, age {:?}, citizenship {:?}, country of exploitation {:?}, year {:?}, exploitation {:?}",
            g.sex, g.age, g.citizenship, g.country_of_exploitation, g.year_of_registration, g.exploitation
        );
        Ok(())
    })
}

/// The recipient of an encrypted export: an age public key, given as such or in a file.
#[cfg(feature = "exchange")]
fn recipient(key: &str) -> Result<age::x25519::Recipient, CliError> {
    let text = if key.trim().starts_with("age1") {
        key.trim().to_string()
    } else {
        std::fs::read_to_string(key)
            .map_err(|e| {
                CliError::Input(format!(
                    "--recipient-key {key:?}: neither an age public key (age1…) nor a readable file: {e}"
                ))
            })?
            .lines()
            .map(str::trim)
            .find(|l| l.starts_with("age1"))
            .ok_or_else(|| {
                CliError::Input(format!("--recipient-key {key}: the file holds no age public key (age1…)"))
            })?
            .to_string()
    };
    text.parse::<age::x25519::Recipient>().map_err(|e| {
        CliError::Input(format!(
            "--recipient-key: {text:?} is not an age public key: {e}"
        ))
    })
}

#[cfg(feature = "exchange")]
fn encrypt(recipient: &age::x25519::Recipient, plain: &[u8]) -> Result<Vec<u8>, CliError> {
    age::encrypt(recipient, plain).map_err(|e| CliError::Other(anyhow::anyhow!("encryption: {e}")))
}

fn htcds_export(args: HtcdsExportArgs) -> Result<(), CliError> {
    refuse_existing(&args.output)?;
    #[cfg(feature = "exchange")]
    let recipient = args.recipient_key.as_deref().map(recipient).transpose()?;
    #[cfg(not(feature = "exchange"))]
    if args.recipient_key.is_some() {
        return Err(CliError::Input(
            "--recipient-key: this haven was built without the `exchange` feature, so it cannot encrypt; identifying fields are never written in the clear".into(),
        ));
    }
    let with_identity = args.recipient_key.is_some();
    runtime()?.block_on(async {
        let store = args.store.open().await?;
        let exported = store.htcds_export(EXPORT, with_identity).await?;
        store.close().await;
        let identified = exported.iter().filter(|(_, i)| *i).count();
        let records: Vec<HtcdsRecord> = exported.into_iter().map(|(r, _)| r).collect();
        let sheet = htcds_sheet(&records, with_identity);
        let plain = htcds::write(&sheet, args.format.into())
            .map_err(|e| CliError::Other(anyhow::Error::new(e)))?;
        #[cfg(feature = "exchange")]
        let bytes = match &recipient {
            Some(recipient) => encrypt(recipient, &plain)?,
            None => plain,
        };
        #[cfg(not(feature = "exchange"))]
        let bytes = plain;
        write_private_file(&args.output, &bytes)?;
        eprintln!(
            "{}: {} case records{}",
            args.output.display(),
            records.len(),
            if with_identity {
                format!(
                    ", {identified} with identifying fields (consent to transfer across borders); encrypted to the recipient"
                )
            } else {
                ", no identifying fields".to_string()
            }
        );
        Ok(())
    })
}

fn htcds_import(args: HtcdsImportArgs) -> Result<(), CliError> {
    let path = &args.file;
    let name = path.display().to_string();
    let format = FileFormat::of_path(&name).ok_or_else(|| {
        CliError::Input(format!(
            "{name}: give a .csv, .xlsx or .json file (the format is read from the extension)"
        ))
    })?;
    let bytes = std::fs::read(path).map_err(|e| CliError::Input(format!("{name}: {e}")))?;
    let table = htcds::read(&bytes, format).map_err(|e| CliError::Input(format!("{name}: {e}")))?;
    let today = Timestamp(now_ms()).date();
    let validation = htcds::validate(&table, today);
    for error in &validation.errors {
        eprintln!("{name}: {error}");
    }
    let rejected = validation.rejected.len();
    if !validation.errors.is_empty() && !args.skip_invalid {
        return Err(CliError::Input(format!(
            "{name}: {} error(s) in {rejected} row(s); nothing was imported (fix them, or import the valid rows with --skip-invalid)",
            validation.errors.len()
        )));
    }
    let rejects_path = rejects_path(path);
    if rejected > 0 {
        write_rejects(&rejects_path, &table.header, &validation)?;
    }
    let source = path
        .file_name()
        .map_or(name.clone(), |n| n.to_string_lossy().into_owned());
    runtime()?.block_on(async {
        let store = args.store.open().await?;
        let report = store
            .import_htcds(IMPORT, &source, &validation.records)
            .await?;
        store.close().await;
        println!(
            "{name}: {} rows read: {} imported, {} updated, {} already imported{}",
            validation.records.len() + rejected,
            report.inserted,
            report.updated,
            report.unchanged,
            if rejected > 0 {
                format!(
                    "; {rejected} rejected, written to {}",
                    rejects_path.display()
                )
            } else {
                String::new()
            }
        );
        Ok(())
    })
}

/// `FILE.rejects.csv` beside the file.
pub fn rejects_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map_or_else(|| "import".into(), |n| n.to_string_lossy().into_owned());
    path.with_file_name(format!("{name}.rejects.csv"))
}

/// The rejected rows as they were, with their row number and errors in front.
fn write_rejects(
    path: &Path,
    header: &[String],
    validation: &htcds::Validation,
) -> Result<(), CliError> {
    let mut columns = vec!["row".to_string(), "errors".to_string()];
    columns.extend(header.iter().cloned());
    let rows = validation
        .rejected
        .iter()
        .map(|(number, cells)| {
            let errors: Vec<String> = validation
                .errors
                .iter()
                .filter(|e| e.row == *number)
                .map(|e| {
                    if e.column.is_empty() {
                        e.problem.clone()
                    } else {
                        format!("{}: {}", e.column, e.problem)
                    }
                })
                .collect();
            let mut row = vec![Cell::Number(*number as f64), Cell::Text(errors.join("; "))];
            row.extend(cells.iter().map(|c| Cell::Text(c.clone())));
            row
        })
        .collect();
    let sheet = Sheet {
        name: "rejects".into(),
        header: columns,
        rows,
    };
    let mut bytes = Vec::new();
    write_csv(&sheet, &mut bytes).map_err(|e| CliError::Other(anyhow::Error::new(e)))?;
    // The rejects may hold identifying fields: owner only. A new run replaces the old rejects.
    let _ = std::fs::remove_file(path);
    write_private_file(path, &bytes)
}

fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or_default()
}
