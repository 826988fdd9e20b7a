//! `haven migrate`: applies pending migrations (every command also does so when it opens the
//! store; this one does only that).

use super::CliError;
use super::store_args::{StoreArgs, runtime};

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub store: StoreArgs,
}

pub fn run(args: Args) -> Result<(), CliError> {
    runtime()?.block_on(async move {
        let store = args.store.open().await?;
        println!(
            "{} is up to date ({})",
            args.store.describe(),
            store.engine()
        );
        store.close().await;
        Ok(())
    })
}
