//! The options every command that opens the store takes, like `haven serve`.

use std::path::PathBuf;

use haven_store::{Location, Store, StoreConfig, StoreError};

use super::CliError;

#[derive(clap::Args, Clone, Debug)]
pub struct StoreArgs {
    /// Data directory of the embedded database; created on first run.
    #[arg(long, env = "HAVEN_DATA_DIR", default_value = "haven-data")]
    pub data_dir: PathBuf,
    /// PostgreSQL instead of the embedded database, e.g. postgres://haven@db/haven.
    #[arg(long, env = "HAVEN_DATABASE_URL")]
    pub database_url: Option<String>,
    /// The master key file: required with --database-url; DIR/master.key by default.
    #[arg(long, env = "HAVEN_MASTER_KEY_FILE")]
    pub key_file: Option<PathBuf>,
}

impl StoreArgs {
    pub fn config(&self) -> StoreConfig {
        let location = match &self.database_url {
            Some(url) => Location::Postgres { url: url.clone() },
            None => Location::DataDir(self.data_dir.clone()),
        };
        StoreConfig {
            location,
            key_file: self.key_file.clone(),
        }
    }

    pub async fn open(&self) -> Result<Store, CliError> {
        Store::open(&self.config()).await.map_err(CliError::from)
    }

    /// Where the data is, for messages (never the URL, which may hold a password).
    pub fn describe(&self) -> String {
        match &self.database_url {
            Some(_) => "the PostgreSQL database".to_string(),
            None => self.data_dir.display().to_string(),
        }
    }
}

impl From<StoreError> for CliError {
    fn from(error: StoreError) -> CliError {
        match error {
            StoreError::NotFound { .. }
            | StoreError::Forbidden(_)
            | StoreError::Conflict(_)
            | StoreError::Document(_)
            | StoreError::Gone(_)
            | StoreError::Invalid { .. }
            | StoreError::Configuration(_)
            | StoreError::Keys(_) => CliError::Input(error.to_string()),
            other => CliError::Other(anyhow::Error::new(other)),
        }
    }
}

/// A multi-threaded runtime for the commands that talk to the store.
pub fn runtime() -> Result<tokio::runtime::Runtime, CliError> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| CliError::Other(anyhow::Error::new(e)))
}
