//! `haven audit verify`: walks the audit log's hash chain and names the first broken link.
//! Safe while the server runs.

use clap::Subcommand;

use super::CliError;
use super::store_args::{StoreArgs, runtime};

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: AuditCommand,
}

#[derive(Subcommand)]
enum AuditCommand {
    /// Check the whole chain; exit status 1 and the first broken entry when it does not hold.
    Verify {
        #[command(flatten)]
        store: StoreArgs,
    },
}

pub fn run(args: Args) -> Result<(), CliError> {
    let AuditCommand::Verify { store } = args.command;
    runtime()?.block_on(async move {
        let opened = store.open().await?;
        let verification = opened.verify_audit().await?;
        opened.close().await;
        match verification.first_broken {
            None => {
                println!(
                    "audit log intact: {} entries, every link holds",
                    verification.entries
                );
                Ok(())
            }
            Some((seq, why)) => Err(CliError::Other(anyhow::anyhow!(
                "audit log BROKEN at entry {seq}: {why} ({} entries before it hold)",
                verification.entries
            ))),
        }
    })
}
