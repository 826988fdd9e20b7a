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
    /// Case records with HTCDS names (CSV, XLSX or JSON, by the file's extension), in the clear or encrypted with age.
    Htcds(HtcdsImportArgs),
}

#[derive(clap::Args)]
struct HtcdsImportArgs {
    /// The file: .csv, .xlsx or .json, or one of them encrypted with age (cases.csv.age; a name
    /// ending in .age alone is read by its content).
    file: PathBuf,
    /// The age identity file (AGE-SECRET-KEY-1…, as age-keygen writes it) that decrypts an
    /// encrypted file.
    #[arg(long, value_name = "KEYFILE")]
    identity: Option<PathBuf>,
    /// Import the valid rows and write the others to FILE.rejects.csv (FILE.rejects.csv.age,
    /// encrypted to the same key, for an encrypted file), instead of importing nothing.
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
    haven_crypto::age_file::parse_recipient(&text)
        .map_err(|e| CliError::Input(format!("--recipient-key: {e}")))
}

#[cfg(feature = "exchange")]
fn encrypt(recipient: &age::x25519::Recipient, plain: &[u8]) -> Result<Vec<u8>, CliError> {
    haven_crypto::age_file::encrypt(recipient, plain)
        .map_err(|e| CliError::Other(anyhow::anyhow!("encryption: {e}")))
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
    #[cfg(not(feature = "exchange"))]
    if args.identity.is_some() {
        return Err(CliError::Input(
            "--identity: this haven was built without the `exchange` feature, so it cannot decrypt age files".into(),
        ));
    }
    let path = &args.file;
    let name = path.display().to_string();
    // `cases.csv.age` is an encrypted `cases.csv`; `cases.age` says nothing of what is inside.
    let inner_name = strip_age_extension(&name);
    let named_format = FileFormat::of_path(inner_name.unwrap_or(&name));
    if named_format.is_none() && inner_name.is_none() {
        return Err(CliError::Input(format!(
            "{name}: give a .csv, .xlsx or .json file, or one encrypted with age (.csv.age …); the format is read from the extension"
        )));
    }
    let bytes = std::fs::read(path).map_err(|e| CliError::Input(format!("{name}: {e}")))?;
    let (plain, seal) = open_import(
        &name,
        &bytes,
        inner_name.is_some(),
        args.identity.as_deref(),
    )?;
    let format = named_format.unwrap_or_else(|| FileFormat::sniff(&plain));
    let table = htcds::read(&plain, format).map_err(|e| CliError::Input(format!("{name}: {e}")))?;
    drop(plain);
    let today = Timestamp(now_ms()).date();
    let validation = htcds::validate(&table, today);
    for error in &validation.errors {
        eprintln!("{name}: {error}");
    }
    let rejected = validation.rejected.len();
    let Some(records) = validation.importable(args.skip_invalid) else {
        return Err(CliError::Input(format!(
            "{name}: {} error(s) in {rejected} row(s); nothing was imported (fix them, or import the valid rows with --skip-invalid)",
            validation.errors.len()
        )));
    };
    let rejects_path = seal.rejects_path(path);
    if rejected > 0 {
        let csv = rejects_csv(&table.header, &validation)?;
        write_rejects(&rejects_path, &seal.seal(&csv)?)?;
    }
    let source = path
        .file_name()
        .map_or(name.clone(), |n| n.to_string_lossy().into_owned());
    runtime()?.block_on(async {
        let store = args.store.open().await?;
        let report = store.import_htcds(IMPORT, &source, records).await?;
        store.close().await;
        println!(
            "{name}: {} rows read: {} imported, {} updated, {} already imported{}",
            validation.records.len() + rejected,
            report.inserted,
            report.updated,
            report.unchanged,
            if rejected > 0 {
                format!(
                    "; {rejected} rejected, written to {}{}",
                    rejects_path.display(),
                    seal.rejects_note()
                )
            } else {
                String::new()
            }
        );
        Ok(())
    })
}

/// The first bytes of a file encrypted with age, and of one encrypted and ASCII-armored.
const AGE_HEADER: &[u8] = b"age-encryption.org/";
const AGE_ARMOR: &[u8] = b"-----BEGIN AGE ENCRYPTED FILE-----";

/// The name without its `.age` extension, if it has one.
fn strip_age_extension(name: &str) -> Option<&str> {
    let cut = name.len().checked_sub(4)?;
    (name.is_char_boundary(cut) && name[cut..].eq_ignore_ascii_case(".age")).then(|| &name[..cut])
}

/// What the rejected rows of an import are written as: in the clear beside a file that came in
/// the clear, encrypted to the key that decrypted an encrypted one (the rows may hold the
/// identifying fields the sender encrypted).
enum Seal {
    Clear,
    #[cfg(feature = "exchange")]
    Age(age::x25519::Recipient),
}

impl Seal {
    fn rejects_path(&self, path: &Path) -> PathBuf {
        match self {
            Seal::Clear => rejects_path(path),
            #[cfg(feature = "exchange")]
            Seal::Age(_) => encrypted_rejects_path(path),
        }
    }

    fn seal(&self, csv: &[u8]) -> Result<Vec<u8>, CliError> {
        match self {
            Seal::Clear => Ok(csv.to_vec()),
            #[cfg(feature = "exchange")]
            Seal::Age(recipient) => encrypt(recipient, csv),
        }
    }

    fn rejects_note(&self) -> &'static str {
        match self {
            Seal::Clear => "",
            #[cfg(feature = "exchange")]
            Seal::Age(_) => {
                " (encrypted to the key that decrypted the file: age -d -i KEYFILE reads it)"
            }
        }
    }
}

/// The file's content in the clear, and how its rejects are to be written: decrypted with the
/// identity when it is encrypted with age; refused when it is encrypted and no identity is
/// given, or an identity is given for a file that is not encrypted.
fn open_import<'a>(
    name: &str,
    bytes: &'a [u8],
    named_age: bool,
    identity: Option<&Path>,
) -> Result<(std::borrow::Cow<'a, [u8]>, Seal), CliError> {
    if bytes.starts_with(AGE_ARMOR) {
        return Err(CliError::Input(format!(
            "{name}: an ASCII-armored age file; decrypt it with `age -d` first, or ask for the binary file `haven export htcds --recipient-key` writes"
        )));
    }
    let encrypted = bytes.starts_with(AGE_HEADER);
    match (encrypted, identity) {
        (false, None) if named_age => Err(CliError::Input(format!(
            "{name}: the name ends in .age but the file is not encrypted with age; rename it if it was sent in the clear"
        ))),
        (false, None) => Ok((std::borrow::Cow::Borrowed(bytes), Seal::Clear)),
        (false, Some(_)) => Err(CliError::Input(format!(
            "{name}: not encrypted with age, but --identity was given; leave --identity out to import a file that came in the clear"
        ))),
        #[cfg(feature = "exchange")]
        (true, Some(key_file)) => {
            let identities = read_identities(key_file)?;
            let (plain, recipient) = decrypt(name, key_file, &identities, bytes)?;
            Ok((std::borrow::Cow::Owned(plain), Seal::Age(recipient)))
        }
        #[cfg(not(feature = "exchange"))]
        (true, Some(_)) => Err(CliError::Input(
            "--identity: this haven was built without the `exchange` feature, so it cannot decrypt age files".into(),
        )),
        (true, None) => Err(CliError::Input(format!(
            "{name}: the file is encrypted with age; give the key that decrypts it with --identity KEYFILE{}",
            if cfg!(feature = "exchange") {
                ""
            } else {
                " (this haven was built without the `exchange` feature and cannot decrypt it)"
            }
        ))),
    }
}

/// The age identities in an identity file: `AGE-SECRET-KEY-1…` lines, with blank lines and
/// `#` comments (as age-keygen writes them). Errors name the line, never its content.
#[cfg(feature = "exchange")]
fn read_identities(path: &Path) -> Result<Vec<age::x25519::Identity>, CliError> {
    let shown = path.display();
    // The secret key's text is wiped when read; age's Identity wipes its own copy.
    let text = zeroize::Zeroizing::new(
        std::fs::read_to_string(path)
            .map_err(|e| CliError::Input(format!("--identity {shown}: {e}")))?,
    );
    let mut identities = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if line.starts_with("age1") {
            return Err(CliError::Input(format!(
                "--identity {shown}: line {} is a public key (age1…); decrypting needs the secret identity (AGE-SECRET-KEY-1…) it was made from",
                i + 1
            )));
        }
        let identity = line.parse::<age::x25519::Identity>().map_err(|_| {
            CliError::Input(format!(
                "--identity {shown}: line {} is not an age identity (AGE-SECRET-KEY-1…)",
                i + 1
            ))
        })?;
        identities.push(identity);
    }
    if identities.is_empty() {
        return Err(CliError::Input(format!(
            "--identity {shown}: the file holds no age identity (AGE-SECRET-KEY-1…)"
        )));
    }
    Ok(identities)
}

/// The file decrypted with the first identity that can, and that identity's public key.
#[cfg(feature = "exchange")]
fn decrypt(
    name: &str,
    key_file: &Path,
    identities: &[age::x25519::Identity],
    bytes: &[u8],
) -> Result<(Vec<u8>, age::x25519::Recipient), CliError> {
    use std::io::Read;
    let unreadable =
        |e: age::DecryptError| CliError::Input(format!("{name}: not a readable age file: {e}"));
    let decryptor = age::Decryptor::new_buffered(bytes).map_err(unreadable)?;
    if decryptor.is_scrypt() {
        return Err(CliError::Input(format!(
            "{name}: encrypted with a passphrase, not to a key; Haven imports files encrypted to an age public key (haven export htcds --recipient-key)"
        )));
    }
    for identity in identities {
        let decryptor = age::Decryptor::new_buffered(bytes).map_err(unreadable)?;
        match decryptor.decrypt(std::iter::once(identity as &dyn age::Identity)) {
            Ok(mut reader) => {
                let mut plain = Vec::new();
                reader.read_to_end(&mut plain).map_err(|_| {
                    CliError::Input(format!(
                        "{name}: the encrypted file is damaged or was changed after it was encrypted"
                    ))
                })?;
                return Ok((plain, identity.to_public()));
            }
            Err(age::DecryptError::NoMatchingKeys) => continue,
            Err(e) => {
                return Err(CliError::Input(format!("{name}: cannot be decrypted: {e}")));
            }
        }
    }
    Err(CliError::Input(format!(
        "{name}: encrypted to another key: no identity in {} decrypts it (ask the sender which public key they used)",
        key_file.display()
    )))
}

/// `FILE.rejects.csv` beside the file.
pub fn rejects_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map_or_else(|| "import".into(), |n| n.to_string_lossy().into_owned());
    path.with_file_name(format!("{name}.rejects.csv"))
}

/// `FILE.rejects.csv.age` beside an encrypted file: its rejects, encrypted.
#[cfg(feature = "exchange")]
pub fn encrypted_rejects_path(path: &Path) -> PathBuf {
    let mut rejects = rejects_path(path).into_os_string();
    rejects.push(".age");
    PathBuf::from(rejects)
}

/// The rejected rows as they were, with their row number and errors in front, as CSV.
fn rejects_csv(header: &[String], validation: &htcds::Validation) -> Result<Vec<u8>, CliError> {
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
    Ok(bytes)
}

/// Writes the rejects. They may hold identifying fields: owner only. A new run replaces the old
/// rejects.
fn write_rejects(path: &Path, bytes: &[u8]) -> Result<(), CliError> {
    let _ = std::fs::remove_file(path);
    write_private_file(path, bytes)
}

fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or_default()
}
