//! Command-line interface. Each subcommand lives in its own module with its `Args` and `run`.
//!
//! Exit status: 0 on success, 2 when the input is wrong (the message names the file, the field
//! and what is allowed), 1 for anything else.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod admin;
mod audit;
mod backup;
mod catalogue;
mod demo;
mod demo_cases;
mod digest;
mod estimate;
mod exchange;
mod keys;
mod link;
mod migrate;
mod report;
mod screen;
mod serve;
mod store_args;

#[derive(Parser)]
#[command(
    name = "haven",
    version,
    about = "Identify, refer, protect and count: Haven for anti-trafficking work."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Screen a person: the legal test of every profile, the ILO/EC indicators, and what to do next.
    Screen(screen::Args),
    /// List the stable ids a screening file may use.
    Catalogue(catalogue::Args),
    /// Estimate the total number of victims, including those on no list, from the overlap of several lists.
    Estimate(estimate::Args),
    /// Privacy-preserving record linkage: encode lists, match them, de-duplicate.
    Link(link::Args),
    /// Run the server.
    Serve(serve::Args),
    /// Run the server on a synthetic demo world (created on first run).
    Demo(demo::Args),
    /// Apply pending database migrations.
    Migrate(migrate::Args),
    /// Organisations, users, projections.
    Admin(admin::Args),
    /// Check the audit log's hash chain.
    Audit(audit::Args),
    /// A user's daily digest as plain text: what is escalated, overdue, due today or waiting for an answer.
    Digest(digest::Args),
    /// Master key rotation.
    Keys(keys::Args),
    /// Write a consistent snapshot of the case data (and, when asked, the encrypted key store).
    Backup(backup::BackupArgs),
    /// Restore a backup into a new data directory or an empty database.
    Restore(backup::RestoreArgs),
    /// Statistics from the cases, every count through the release policy: SDG 16.2.2, GLOTIP.
    Report(report::Args),
    /// Exports for partners: CTDC anonymised microdata, HTCDS case records.
    Export(exchange::ExportArgs),
    /// Imports from partners: HTCDS case records, every row checked.
    Import(exchange::ImportArgs),
}

pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match cli.command {
        Command::Screen(args) => screen::run(args),
        Command::Catalogue(args) => catalogue::run(args),
        Command::Estimate(args) => estimate::run(args),
        Command::Link(args) => link::run(args),
        Command::Serve(args) => serve::run(args),
        Command::Demo(args) => demo::run(args),
        Command::Migrate(args) => migrate::run(args),
        Command::Admin(args) => admin::run(args),
        Command::Audit(args) => audit::run(args),
        Command::Digest(args) => digest::run(args),
        Command::Keys(args) => keys::run(args),
        Command::Backup(args) => backup::backup(args),
        Command::Restore(args) => backup::restore(args),
        Command::Report(args) => report::run(args),
        Command::Export(args) => exchange::export(args),
        Command::Import(args) => exchange::import(args),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            error.exit_code()
        }
    }
}

/// What went wrong in a command, sorted by whose fault it is.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// The user's input is wrong; the message says where and what is allowed.
    #[error("{0}")]
    Input(String),
    /// Anything else: IO failures, internal errors.
    #[error(transparent)]
    Other(#[from] anyhow::Error),
}

impl CliError {
    fn exit_code(&self) -> ExitCode {
        match self {
            CliError::Input(_) => ExitCode::from(2),
            CliError::Other(_) => ExitCode::from(1),
        }
    }
}

/// Creates a new file readable by its owner only (logins, key exports); never overwrites.
pub fn write_private_file(path: &std::path::Path, bytes: &[u8]) -> Result<(), CliError> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .map_err(|e| CliError::Input(format!("{}: cannot create: {e}", path.display())))?;
    file.write_all(bytes)
        .map_err(|e| CliError::Other(anyhow::Error::new(e)))
}
