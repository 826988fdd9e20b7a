//! `haven backup` and `haven restore`: the case data as a consistent online snapshot, and —
//! only when asked — the key store, encrypted to a passphrase, in a separate file.

use std::path::PathBuf;

use haven_store::Store;

use super::CliError;
use super::store_args::{StoreArgs, runtime};

#[derive(clap::Args)]
pub struct BackupArgs {
    #[command(flatten)]
    pub store: StoreArgs,
    /// The case-data snapshot to write (SQLite file, or pg_dump custom format).
    #[arg(short = 'o', long = "output")]
    pub output: PathBuf,
    /// Also export the key store and master key, encrypted, to this file. Keep it apart from
    /// the case-data backup: together they reveal everything.
    #[arg(long, requires = "passphrase_file")]
    pub keys_output: Option<PathBuf>,
    /// The passphrase for the key export (first line of the file).
    #[arg(long)]
    pub passphrase_file: Option<PathBuf>,
}

#[derive(clap::Args)]
pub struct RestoreArgs {
    /// Where to restore: a new data directory, or an empty PostgreSQL database.
    #[command(flatten)]
    pub store: StoreArgs,
    /// The case-data snapshot written by `haven backup`.
    pub backup: PathBuf,
    /// The encrypted key export written by `haven backup --keys-output`.
    #[arg(long, requires = "passphrase_file")]
    pub keys: Option<PathBuf>,
    #[arg(long)]
    pub passphrase_file: Option<PathBuf>,
}

pub fn backup(args: BackupArgs) -> Result<(), CliError> {
    let passphrase = args
        .passphrase_file
        .as_ref()
        .map(read_first_line)
        .transpose()?;
    runtime()?.block_on(async move {
        let store = args.store.open().await?;
        store.backup_case_data(&args.output).await?;
        println!("case data written to {}", args.output.display());
        if let (Some(path), Some(passphrase)) = (&args.keys_output, passphrase) {
            let export = store.export_key_store(&passphrase).await?;
            super::write_private_file(path, &export)?;
            println!("key store written, encrypted, to {}", path.display());
        } else {
            println!("the key store was not exported: this backup alone reveals no identity (nor can restore one)");
        }
        store.close().await;
        Ok(())
    })
}

pub fn restore(args: RestoreArgs) -> Result<(), CliError> {
    let passphrase = args
        .passphrase_file
        .as_ref()
        .map(read_first_line)
        .transpose()?;
    let keys = args
        .keys
        .as_ref()
        .map(|p| {
            std::fs::read(p)
                .map_err(|e| CliError::Input(format!("{}: cannot read: {e}", p.display())))
        })
        .transpose()?;
    runtime()?.block_on(async move {
        let key_export = keys.as_deref().zip(passphrase.as_deref());
        let store = Store::restore(&args.store.config(), &args.backup, key_export).await?;
        let verification = store.verify_audit().await?;
        println!(
            "restored into {}: audit log {} ({} entries)",
            args.store.describe(),
            if verification.first_broken.is_none() {
                "intact"
            } else {
                "BROKEN"
            },
            verification.entries
        );
        store.close().await;
        Ok(())
    })
}

fn read_first_line(path: &PathBuf) -> Result<String, CliError> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| CliError::Input(format!("{}: cannot read: {e}", path.display())))?;
    Ok(text.lines().next().unwrap_or_default().to_string())
}
