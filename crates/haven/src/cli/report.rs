//! `haven report`: SDG 16.2.2 and the GLOTIP tables from Haven's own cases. Every count goes
//! through the release policy (suppression by default, or differential privacy spending from
//! the year's privacy budget), and every release is recorded in the audit log. The contract is
//! documented in docs/statistics.md.

use std::path::{Path, PathBuf};

use clap::{Subcommand, ValueEnum};
use haven_domain::access::ExchangeAction;
use haven_stats::glotip::glotip;
use haven_stats::publish::{self, PublishError, Receipt, basis_id, population_text};
use haven_stats::release::{Release, ReleasePolicy, secure_rng};
use haven_stats::sdg::{Population, sdg_16_2_2};
use haven_stats::victim::Basis;
use haven_store::{AuditActor, ReleaseReceipt, budget_json, cases_dataset};

use super::CliError;
use super::store_args::{StoreArgs, runtime};

const ACTOR: AuditActor<'static> = AuditActor::System("report");

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    report: Report,
}

#[derive(Subcommand)]
enum Report {
    /// SDG indicator 16.2.2: detected victims per 100,000 population by sex, age group and form of exploitation.
    #[command(name = "sdg-16-2-2")]
    Sdg(SdgArgs),
    /// The GLOTIP tables: victims by sex, age, form and citizenship; anonymous notifications; suspects, prosecutions, convictions.
    Glotip(GlotipArgs),
    /// Show or set the differential-privacy budget of a year's cases.
    Budget(BudgetArgs),
}

#[derive(clap::Args)]
struct ReleaseArgs {
    /// The year the people counted were first identified.
    #[arg(long)]
    year: u16,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Json)]
    format: Format,
    /// How counts are protected: small-cell suppression, or differential privacy (spends --epsilon from the year's budget).
    #[arg(long, value_enum, default_value_t = PolicyArg::Suppress)]
    policy: PolicyArg,
    /// Who is counted: presumed victims (a positive screening or decision), or decided ones (a positive RG/CG decision).
    #[arg(long, value_enum, default_value_t = BasisArg::Presumed)]
    basis: BasisArg,
    /// With --policy suppress: counts from 1 to N-1 are withheld.
    #[arg(long, default_value_t = haven_stats::release::DEFAULT_MIN_CELL)]
    min_cell: u64,
    /// With --policy dp: the privacy loss of this release (per table).
    #[arg(long)]
    epsilon: Option<f64>,
    /// Write here instead of standard output (required for xlsx).
    #[arg(short = 'o', long = "output")]
    output: Option<PathBuf>,
    #[command(flatten)]
    store: StoreArgs,
}

#[derive(clap::Args)]
struct SdgArgs {
    /// The resident population: a number (the total), or a CSV with columns sex,age_group,population (female/male × child/adult), optionally source.
    #[arg(long)]
    population: String,
    #[command(flatten)]
    release: ReleaseArgs,
}

#[derive(clap::Args)]
struct GlotipArgs {
    #[command(flatten)]
    release: ReleaseArgs,
}

#[derive(clap::Args)]
struct BudgetArgs {
    /// The year whose cases the budget protects.
    #[arg(long)]
    year: u16,
    /// Set the total ε of the year's releases (raise it, or lower it no further than what is spent).
    #[arg(long)]
    epsilon: Option<f64>,
    #[command(flatten)]
    store: StoreArgs,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Csv,
    Json,
    Xlsx,
    Svg,
    /// CSV with a row of HXL hashtags (Humanitarian Exchange Language) under the header.
    Hxl,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum PolicyArg {
    Suppress,
    Dp,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum BasisArg {
    Presumed,
    Decided,
}

pub fn run(args: Args) -> Result<(), CliError> {
    match args.report {
        Report::Sdg(args) => sdg(args),
        Report::Glotip(args) => glotip_report(args),
        Report::Budget(args) => budget(args),
    }
}

/// The dataset whose privacy budget a year's reports spend from: the people first identified
/// that year (each person belongs to one year, so years compose in parallel).
impl ReleaseArgs {
    fn policy(&self) -> Result<ReleasePolicy, CliError> {
        match (self.policy, self.epsilon) {
            (PolicyArg::Suppress, None) => {
                if self.min_cell == 0 {
                    return Err(CliError::Input("--min-cell must be at least 1".into()));
                }
                Ok(ReleasePolicy::Suppress {
                    min_cell: self.min_cell,
                    rounding: None,
                })
            }
            (PolicyArg::Suppress, Some(_)) => Err(CliError::Input(
                "--epsilon goes with --policy dp; suppression spends no privacy budget".into(),
            )),
            (PolicyArg::Dp, None) => Err(CliError::Input(
                "--policy dp needs --epsilon E, the privacy loss this release spends".into(),
            )),
            (PolicyArg::Dp, Some(epsilon)) => {
                haven_stats::release::Epsilon::new(epsilon)
                    .map_err(|e| CliError::Input(format!("--epsilon: {e}")))?;
                Ok(ReleasePolicy::DifferentialPrivacy { epsilon })
            }
        }
    }

    fn basis(&self) -> Basis {
        match self.basis {
            BasisArg::Presumed => Basis::Presumed,
            BasisArg::Decided => Basis::Decided,
        }
    }

    fn check_output(&self) -> Result<(), CliError> {
        if self.format == Format::Xlsx && self.output.is_none() {
            return Err(CliError::Input(
                "--format xlsx writes a workbook: give the file with -o OUT.xlsx".into(),
            ));
        }
        if !(1900..=2199).contains(&self.year) {
            return Err(CliError::Input(format!(
                "--year {} is not a year Haven counts (1900 to 2199)",
                self.year
            )));
        }
        Ok(())
    }
}

fn sdg(args: SdgArgs) -> Result<(), CliError> {
    let release_args = &args.release;
    release_args.check_output()?;
    let policy = release_args.policy()?;
    let (population, source) = read_population(&args.population)?;
    let basis = release_args.basis();
    let year = release_args.year;
    runtime()?.block_on(async {
        let store = release_args.store.open().await?;
        let data = store
            .statistics_data(ACTOR, ExchangeAction::ReleaseAggregates)
            .await?;
        let report = sdg_16_2_2(
            &data.victim_records(),
            year,
            basis,
            &population,
            &policy,
            &mut secure_rng(),
        )
        .map_err(|e| CliError::Input(e.to_string()))?;
        let query = format!(
            "sdg-16-2-2 year={year} basis={} population={}",
            basis_id(basis),
            population_text(&population)
        );
        let receipt = store
            .record_release(ACTOR, &cases_dataset(year), &query, &[&report.counts])
            .await
            .map_err(refused_is_input)?;
        store.close().await;
        let bytes = publish::sdg_output(
            &report,
            &population,
            source.as_deref(),
            &receipt_of(receipt),
            release_args.format.into(),
        )
        .map_err(publish_error)?;
        emit(&bytes, release_args.output.as_deref())
    })
}

fn glotip_report(args: GlotipArgs) -> Result<(), CliError> {
    let release_args = &args.release;
    release_args.check_output()?;
    let policy = release_args.policy()?;
    let basis = release_args.basis();
    let year = release_args.year;
    runtime()?.block_on(async {
        let store = release_args.store.open().await?;
        let data = store
            .statistics_data(ACTOR, ExchangeAction::ReleaseAggregates)
            .await?;
        let report = glotip(
            &data.victim_records(),
            &data.offenders,
            year,
            basis,
            &policy,
            &mut secure_rng(),
        )
        .map_err(|e| CliError::Input(e.to_string()))?;
        let query = format!("glotip year={year} basis={}", basis_id(basis));
        let tables: Vec<&Release> = report.releases().iter().map(|(_, r)| *r).collect();
        let receipt = store
            .record_release(ACTOR, &cases_dataset(year), &query, &tables)
            .await
            .map_err(refused_is_input)?;
        store.close().await;
        let bytes =
            publish::glotip_output(&report, &receipt_of(receipt), release_args.format.into())
                .map_err(publish_error)?;
        emit(&bytes, release_args.output.as_deref())
    })
}

fn budget(args: BudgetArgs) -> Result<(), CliError> {
    let dataset = cases_dataset(args.year);
    runtime()?.block_on(async {
        let store = args.store.open().await?;
        let ledger = match args.epsilon {
            Some(total) => store.set_privacy_budget(ACTOR, &dataset, total).await?,
            None => store.privacy_ledger(&dataset).await?,
        };
        store.close().await;
        let out = budget_json(&ledger, &dataset);
        println!("{}", serde_json::to_string_pretty(&out).unwrap_or_default());
        Ok(())
    })
}

/// The population: a whole number, or a CSV of `sex,age_group,population` with each of the four
/// groups once (and an optional `source` column naming where the figures come from).
pub fn read_population(arg: &str) -> Result<(Population, Option<String>), CliError> {
    if let Ok(total) = arg.trim().parse::<u64>() {
        if total == 0 {
            return Err(CliError::Input(
                "--population: the population must be above zero".into(),
            ));
        }
        return Ok((Population::Total(total), None));
    }
    let path = Path::new(arg);
    if !arg.to_ascii_lowercase().ends_with(".csv") && !path.exists() {
        return Err(CliError::Input(format!(
            "--population {arg:?}: give a whole number (the total population) or a CSV file with columns sex,age_group,population"
        )));
    }
    let bytes = std::fs::read(path)
        .map_err(|e| CliError::Input(format!("--population {}: {e}", path.display())))?;
    parse_population_csv(&bytes).map_err(|e| CliError::Input(format!("{}: {e}", path.display())))
}

/// Parses a population CSV; the error names the line and column.
pub fn parse_population_csv(bytes: &[u8]) -> Result<(Population, Option<String>), String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_reader(bytes);
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| format!("not a CSV file: {e}"))?
        .iter()
        .map(str::to_ascii_lowercase)
        .collect();
    let column = |name: &str| header.iter().position(|h| h == name);
    let (Some(sex), Some(age), Some(count)) =
        (column("sex"), column("age_group"), column("population"))
    else {
        return Err(format!(
            "line 1: the columns must be sex,age_group,population (found {})",
            header.join(",")
        ));
    };
    let source_column = column("source");
    let mut groups: [[Option<u64>; 2]; 2] = [[None; 2]; 2];
    let mut source = None;
    for (i, record) in reader.records().enumerate() {
        let line = i + 2;
        let record = record.map_err(|e| format!("line {line}: {e}"))?;
        let field = |c: usize| record.get(c).unwrap_or("");
        let s = match field(sex) {
            "female" => 0,
            "male" => 1,
            other => {
                return Err(format!(
                    "line {line}, column sex: {other:?} is not female or male"
                ));
            }
        };
        let a = match field(age) {
            "child" => 0,
            "adult" => 1,
            other => {
                return Err(format!(
                    "line {line}, column age_group: {other:?} is not child or adult"
                ));
            }
        };
        let n: u64 = field(count).parse().map_err(|_| {
            format!(
                "line {line}, column population: {:?} is not a whole number",
                field(count)
            )
        })?;
        if n == 0 {
            return Err(format!(
                "line {line}, column population: a group's population must be above zero"
            ));
        }
        if groups[s][a].replace(n).is_some() {
            return Err(format!(
                "line {line}: {} {} is given twice",
                field(sex),
                field(age)
            ));
        }
        if let Some(c) = source_column
            && !field(c).is_empty()
        {
            source = Some(field(c).to_string());
        }
    }
    let get = |s: usize, a: usize, name: &str| {
        groups[s][a].ok_or_else(|| format!("the population of {name} is missing"))
    };
    Ok((
        Population::BySexAndAge {
            female_child: get(0, 0, "female child")?,
            female_adult: get(0, 1, "female adult")?,
            male_child: get(1, 0, "male child")?,
            male_adult: get(1, 1, "male adult")?,
        },
        source,
    ))
}

fn emit(output: &[u8], path: Option<&Path>) -> Result<(), CliError> {
    match path {
        Some(path) => std::fs::write(path, output)
            .map_err(|e| CliError::Input(format!("{}: cannot write: {e}", path.display()))),
        None => {
            use std::io::Write;
            std::io::stdout()
                .write_all(output)
                .map_err(|e| CliError::Other(anyhow::Error::new(e)))
        }
    }
}

/// The store's record of a release, as the report states it.
pub fn receipt_of(receipt: ReleaseReceipt) -> Receipt {
    Receipt {
        dataset: receipt.dataset,
        epsilon_spent: receipt.epsilon_spent,
        budget_remaining: receipt.remaining,
        audit_entry: receipt.audit_seq,
    }
}

fn publish_error(e: PublishError) -> CliError {
    CliError::Other(anyhow::Error::new(e))
}

impl From<Format> for publish::Format {
    fn from(format: Format) -> publish::Format {
        match format {
            Format::Csv => publish::Format::Csv,
            Format::Json => publish::Format::Json,
            Format::Xlsx => publish::Format::Xlsx,
            Format::Svg => publish::Format::Svg,
            Format::Hxl => publish::Format::Hxl,
        }
    }
}

/// A release the policy or the budget refuses is the user's to change (exit status 2).
fn refused_is_input(error: haven_store::StoreError) -> CliError {
    match error {
        haven_store::StoreError::Refused(message) => CliError::Input(message),
        other => other.into(),
    }
}
