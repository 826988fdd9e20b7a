//! `haven keys rotate`: a new master key version; every data key re-wrapped under it.

use clap::Subcommand;

use super::CliError;
use super::store_args::{StoreArgs, runtime};

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: KeysCommand,
}

#[derive(Subcommand)]
enum KeysCommand {
    /// Add a master key version, re-wrap every key under it, retire the old one. The server
    /// can keep running.
    Rotate {
        #[command(flatten)]
        store: StoreArgs,
    },
}

pub fn run(args: Args) -> Result<(), CliError> {
    let KeysCommand::Rotate { store } = args.command;
    runtime()?.block_on(async move {
        let opened = store.open().await?;
        let rotation = opened.rotate_keys().await?;
        opened.close().await;
        println!(
            "master key is now version {}; {} keys re-wrapped. Back up the new key file.",
            rotation.version, rotation.rewrapped
        );
        Ok(())
    })
}
