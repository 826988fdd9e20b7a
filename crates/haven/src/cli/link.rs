//! `haven link`: privacy-preserving record linkage (see docs/link.md).
//!
//! Files interchange with clkhash and anonlink: schemas are clkhash's linkage schema v3 and
//! `.clk` files are clkhash's JSON output.

use std::path::{Path, PathBuf};

use clap::{Subcommand, ValueEnum};
use haven_linkage::{
    Blocking, Clk, ClkBatch, ClkEncoder, LinkageSchema, LshParams, PSigParams, Threshold,
    deduplicate, link, read_clk_file, read_csv, write_clk_file,
};
use indicatif::{ProgressBar, ProgressStyle};

use super::CliError;

#[derive(clap::Args)]
pub struct Args {
    /// Worker threads (default: all cores; RAYON_NUM_THREADS is honoured too).
    #[arg(long, global = true)]
    threads: Option<usize>,
    #[command(subcommand)]
    command: LinkCommand,
}

#[derive(Subcommand)]
enum LinkCommand {
    /// Encode a CSV file (with a header row) into a .clk file.
    Encode {
        #[arg(long)]
        schema: PathBuf,
        #[arg(long)]
        secret_file: PathBuf,
        input: PathBuf,
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Match two .clk files one-to-one; writes index_a,index_b,similarity.
    Match {
        a: PathBuf,
        b: PathBuf,
        #[command(flatten)]
        matching: MatchOptions,
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Cluster the records of one .clk file that match each other; writes cluster,index.
    Dedup {
        input: PathBuf,
        #[command(flatten)]
        matching: MatchOptions,
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Encode two CSV files and match them; writes id_a,id_b,similarity (ids from the first column).
    Csv {
        a: PathBuf,
        b: PathBuf,
        #[arg(long)]
        schema: PathBuf,
        #[arg(long)]
        secret_file: PathBuf,
        #[command(flatten)]
        matching: MatchOptions,
        #[arg(short, long)]
        output: PathBuf,
    },
}

#[derive(clap::Args)]
struct MatchOptions {
    /// Minimum Sørensen–Dice similarity, in (0, 1].
    #[arg(long, allow_negative_numbers = true)]
    threshold: f64,
    #[arg(long, value_enum, default_value_t = BlockingChoice::None)]
    blocking: BlockingChoice,
}

#[derive(Clone, Copy, ValueEnum)]
enum BlockingChoice {
    /// Compare every pair the popcount bound allows (exact).
    None,
    /// Locality-sensitive hashing on sampled bits of the filters (recall slightly lower).
    Lsh,
    /// Probabilistic signatures: min-wise hashes of the filters' less common bits (recall slightly
    /// lower).
    Psig,
}

pub fn run(args: Args) -> Result<(), CliError> {
    if let Some(threads) = args.threads {
        if threads == 0 {
            return Err(CliError::Input("--threads: 0; allowed: at least 1".into()));
        }
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build_global()
            .map_err(|e| CliError::Other(e.into()))?;
    }
    match args.command {
        LinkCommand::Encode {
            schema,
            secret_file,
            input,
            output,
        } => {
            let encoder = encoder(&schema, &secret_file)?;
            let (_, clks) = encode_csv(&encoder, &input)?;
            write(&output, &write_clk_file(&clks))
        }
        LinkCommand::Match {
            a,
            b,
            matching,
            output,
        } => {
            let (threshold, blocking) = matching.parse()?;
            let (batch_a, batch_b) = (read_clks(&a)?, read_clks(&b)?);
            check_same_length(&a, &batch_a, &b, &batch_b)?;
            let bar = progress(batch_a.len(), "matching");
            let pairs = link(&batch_a, &batch_b, threshold, blocking, &|n| {
                bar.inc(n as u64)
            })
            .map_err(|e| CliError::Input(e.to_string()))?;
            bar.finish_and_clear();
            let mut csv = String::from("index_a,index_b,similarity\n");
            for pair in pairs {
                csv.push_str(&format!(
                    "{},{},{:.6}\n",
                    pair.a,
                    pair.b,
                    pair.similarity.value()
                ));
            }
            write(&output, &csv)
        }
        LinkCommand::Dedup {
            input,
            matching,
            output,
        } => {
            let (threshold, blocking) = matching.parse()?;
            let batch = read_clks(&input)?;
            let bar = progress(batch.len(), "de-duplicating");
            let clusters = deduplicate(&batch, threshold, blocking, &|n| bar.inc(n as u64));
            bar.finish_and_clear();
            let mut csv = String::from("cluster,index\n");
            for (number, cluster) in clusters.iter().enumerate() {
                for index in cluster.records() {
                    csv.push_str(&format!("{number},{index}\n"));
                }
            }
            write(&output, &csv)
        }
        LinkCommand::Csv {
            a,
            b,
            schema,
            secret_file,
            matching,
            output,
        } => {
            let (threshold, blocking) = matching.parse()?;
            let encoder = encoder(&schema, &secret_file)?;
            let (ids_a, clks_a) = encode_csv(&encoder, &a)?;
            let (ids_b, clks_b) = encode_csv(&encoder, &b)?;
            let (batch_a, batch_b) = (batch(&a, &clks_a)?, batch(&b, &clks_b)?);
            let bar = progress(batch_a.len(), "matching");
            let pairs = link(&batch_a, &batch_b, threshold, blocking, &|n| {
                bar.inc(n as u64)
            })
            .map_err(|e| CliError::Input(e.to_string()))?;
            bar.finish_and_clear();
            let mut out = csv_writer();
            out.write_record(["id_a", "id_b", "similarity"])
                .map_err(other)?;
            for pair in pairs {
                let similarity = format!("{:.6}", pair.similarity.value());
                out.write_record([&ids_a[pair.a], &ids_b[pair.b], &similarity])
                    .map_err(other)?;
            }
            write(
                &output,
                &String::from_utf8(out.into_inner().map_err(other)?).map_err(other)?,
            )
        }
    }
}

impl MatchOptions {
    fn parse(&self) -> Result<(Threshold, Blocking), CliError> {
        let threshold = Threshold::new(self.threshold)
            .map_err(|e| CliError::Input(format!("--threshold: {e}")))?;
        let blocking = match self.blocking {
            BlockingChoice::None => Blocking::None,
            BlockingChoice::Lsh => Blocking::Lsh(LshParams::default()),
            BlockingChoice::Psig => Blocking::PSig(PSigParams::default()),
        };
        Ok((threshold, blocking))
    }
}

fn encoder(schema: &Path, secret_file: &Path) -> Result<ClkEncoder, CliError> {
    let schema_text = read(schema)?;
    let schema = LinkageSchema::from_json(&schema_text)
        .map_err(|e| CliError::Input(format!("{}: {e}", schema.display())))?;
    let secret = read(secret_file)?;
    let secret = secret.trim_end_matches(['\n', '\r']);
    if secret.is_empty() {
        return Err(CliError::Input(format!(
            "{}: empty secret; allowed: the shared secret as text",
            secret_file.display()
        )));
    }
    Ok(ClkEncoder::new(schema, secret.as_bytes()))
}

/// Encodes a CSV file with a header row; returns each row's first column and its filter.
fn encode_csv(encoder: &ClkEncoder, path: &Path) -> Result<(Vec<String>, Vec<Clk>), CliError> {
    let (_, rows) = read_csv(&read(path)?)
        .map_err(|e| CliError::Input(format!("{}: not a valid CSV file ({e})", path.display())))?;
    let bar = progress(rows.len(), "encoding");
    let clks = encoder
        .encode_all(&rows, &|n| bar.inc(n as u64))
        .map_err(|e| CliError::Input(format!("{}: {e}", path.display())))?;
    bar.finish_and_clear();
    let ids = rows
        .into_iter()
        .map(|row| row.into_iter().next().unwrap_or_default())
        .collect();
    Ok((ids, clks))
}

fn read_clks(path: &Path) -> Result<ClkBatch, CliError> {
    let clks = read_clk_file(&read(path)?)
        .map_err(|e| CliError::Input(format!("{}: {e}", path.display())))?;
    batch(path, &clks)
}

fn batch(path: &Path, clks: &[Clk]) -> Result<ClkBatch, CliError> {
    ClkBatch::new(clks).map_err(|e| CliError::Input(format!("{}: {e}", path.display())))
}

fn check_same_length(
    a: &Path,
    batch_a: &ClkBatch,
    b: &Path,
    batch_b: &ClkBatch,
) -> Result<(), CliError> {
    if batch_a.is_empty() || batch_b.is_empty() || batch_a.filter_bits() == batch_b.filter_bits() {
        return Ok(());
    }
    Err(CliError::Input(format!(
        "{}: filters of {} bits, but {} has filters of {} bits; allowed: both files encoded with one schema",
        b.display(),
        batch_b.filter_bits(),
        a.display(),
        batch_a.filter_bits()
    )))
}

fn progress(total: usize, what: &'static str) -> ProgressBar {
    let bar = ProgressBar::new(total as u64);
    bar.set_style(
        ProgressStyle::with_template("{msg} [{bar:40}] {pos}/{len} records ({eta})")
            .expect("the template is valid")
            .progress_chars("=> "),
    );
    bar.set_message(what);
    bar
}

fn read(path: &Path) -> Result<String, CliError> {
    std::fs::read_to_string(path)
        .map_err(|e| CliError::Input(format!("{}: cannot read ({e})", path.display())))
}

fn write(path: &Path, text: &str) -> Result<(), CliError> {
    std::fs::write(path, text)
        .map_err(|e| CliError::Other(anyhow::anyhow!("{}: cannot write ({e})", path.display())))
}

fn csv_writer() -> csv::Writer<Vec<u8>> {
    csv::Writer::from_writer(Vec::new())
}

fn other<E: std::error::Error + Send + Sync + 'static>(error: E) -> CliError {
    CliError::Other(error.into())
}
