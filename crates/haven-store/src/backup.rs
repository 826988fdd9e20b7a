//! Backup and restore. The case data and the key store are backed up apart: a case-data backup
//! alone holds only sealed values and pseudonymous records. The key store is exported only when
//! asked, encrypted to a passphrase, as rows that both engines read back the same way.

use std::path::{Path, PathBuf};

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use haven_crypto::{Keyring, decrypt_with_passphrase, encrypt_with_passphrase};
use serde::{Deserialize, Serialize};

use crate::db::{Db, on_db};
use crate::{Location, Result, Store, StoreConfig, StoreError};

/// What an encrypted key-store export holds.
#[derive(Serialize, Deserialize)]
struct KeyStoreExport {
    keyring: String,
    data_keys: Vec<(String, String, i64)>,
    system_keys: Vec<(String, String)>,
}

impl Store {
    /// Writes a consistent snapshot of the case data to `out`, while the server runs: SQLite's
    /// `VACUUM INTO`, or `pg_dump` (custom format, without the key-store schema).
    pub async fn backup_case_data(&self, out: &Path) -> Result<()> {
        if out.exists() {
            return Err(StoreError::Conflict(format!(
                "{} exists already; choose a new file",
                out.display()
            )));
        }
        match (&self.db, &self.postgres_url) {
            (Db::Sqlite(pool), _) => {
                let target = out.to_string_lossy().to_string();
                sqlx::query("VACUUM INTO $1")
                    .bind(target)
                    .execute(pool)
                    .await?;
            }
            (Db::Postgres(_), Some(url)) => {
                run(tokio::process::Command::new("pg_dump")
                    .args([
                        "--format=custom",
                        "--no-owner",
                        "--exclude-schema=haven_keys",
                        "--file",
                    ])
                    .arg(out)
                    .arg(url))
                .await?;
            }
            (Db::Postgres(_), None) => unreachable!("a PostgreSQL store knows its URL"),
        }
        Ok(())
    }

    /// The key store and the master keyring, encrypted to `passphrase`.
    pub async fn export_key_store(&self, passphrase: &str) -> Result<Vec<u8>> {
        if passphrase.chars().count() < 12 {
            return Err(StoreError::invalid(
                "passphrase",
                "use a passphrase of at least 12 characters",
            ));
        }
        let data_keys: Vec<(String, Vec<u8>, i64)> = on_db!(&self.keys, p => sqlx::query_as("SELECT person_id, wrapped, created_at FROM data_keys ORDER BY person_id").fetch_all(p).await?);
        let system_keys: Vec<(String, Vec<u8>)> = on_db!(&self.keys, p => sqlx::query_as("SELECT name, wrapped FROM system_keys ORDER BY name").fetch_all(p).await?);
        let export = KeyStoreExport {
            keyring: self.keyring.to_text(),
            data_keys: data_keys
                .into_iter()
                .map(|(id, w, at)| (id, STANDARD.encode(w), at))
                .collect(),
            system_keys: system_keys
                .into_iter()
                .map(|(n, w)| (n, STANDARD.encode(w)))
                .collect(),
        };
        let plain = serde_json::to_vec(&export)
            .map_err(|e| StoreError::invalid("export", e.to_string()))?;
        Ok(encrypt_with_passphrase(passphrase, &plain))
    }

    /// Restores a case-data backup, and the key store when its export is given, into an empty
    /// target (a new data directory, or an empty PostgreSQL database).
    pub async fn restore(
        config: &StoreConfig,
        case_backup: &Path,
        key_export: Option<(&[u8], &str)>,
    ) -> Result<Store> {
        let export = match key_export {
            Some((bytes, passphrase)) => {
                let plain = decrypt_with_passphrase(passphrase, bytes).map_err(|_| {
                    StoreError::invalid(
                        "passphrase",
                        "the key-store export does not open with this passphrase",
                    )
                })?;
                Some(
                    serde_json::from_slice::<KeyStoreExport>(&plain)
                        .map_err(|e| StoreError::invalid("key export", e.to_string()))?,
                )
            }
            None => None,
        };
        let key_file = match &config.location {
            Location::DataDir(dir) => {
                if dir.exists()
                    && std::fs::read_dir(dir)
                        .map(|mut d| d.next().is_some())
                        .unwrap_or(true)
                {
                    return Err(StoreError::Conflict(format!(
                        "{} is not empty: restore into a new data directory",
                        dir.display()
                    )));
                }
                crate::create_private_dir(dir)?;
                std::fs::copy(case_backup, dir.join("haven.sqlite")).map_err(|source| {
                    StoreError::Io {
                        path: case_backup.display().to_string(),
                        source,
                    }
                })?;
                config
                    .key_file
                    .clone()
                    .unwrap_or_else(|| dir.join("master.key"))
            }
            Location::Postgres { url } => {
                let db = Db::postgres(url, None).await?;
                let (tables,): (i64,) = on_db!(&db, p => sqlx::query_as(
                    "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema IN ('public', 'haven_keys')").fetch_one(p).await?);
                db.close().await;
                if tables > 0 {
                    return Err(StoreError::Conflict(
                        "the target database is not empty: restore into a new, empty database"
                            .into(),
                    ));
                }
                run(tokio::process::Command::new("pg_restore")
                    .args(["--no-owner", "--exit-on-error", "--dbname"])
                    .arg(url)
                    .arg(case_backup))
                .await?;
                config.key_file.clone().ok_or_else(|| {
                    StoreError::Configuration("give --key-file for the restored master key".into())
                })?
            }
        };
        if let Some(export) = export {
            if key_file.exists() {
                return Err(StoreError::Conflict(format!(
                    "{} exists already; restore the keys to a new file",
                    key_file.display()
                )));
            }
            Keyring::from_text(&export.keyring)?.write_to(&key_file)?;
            let keys = match &config.location {
                Location::DataDir(dir) => Db::sqlite(&dir.join("keys.sqlite"), 1).await?,
                Location::Postgres { url } => {
                    let db = Db::postgres(url, None).await?;
                    on_db!(&db, p => sqlx::query("CREATE SCHEMA IF NOT EXISTS haven_keys").execute(p).await?.rows_affected());
                    db.close().await;
                    Db::postgres(url, Some(crate::db::POSTGRES_KEY_SCHEMA)).await?
                }
            };
            keys.migrate_key_store().await?;
            for (person_id, wrapped, created_at) in &export.data_keys {
                let wrapped = STANDARD
                    .decode(wrapped)
                    .map_err(|e| StoreError::invalid("key export", e.to_string()))?;
                on_db!(&keys, p => sqlx::query("INSERT INTO data_keys (person_id, wrapped, created_at) VALUES ($1, $2, $3)")
                    .bind(person_id).bind(wrapped).bind(created_at).execute(p).await?.rows_affected());
            }
            for (name, wrapped) in &export.system_keys {
                let wrapped = STANDARD
                    .decode(wrapped)
                    .map_err(|e| StoreError::invalid("key export", e.to_string()))?;
                on_db!(&keys, p => sqlx::query("INSERT INTO system_keys (name, wrapped) VALUES ($1, $2)").bind(name).bind(wrapped).execute(p).await?.rows_affected());
            }
            keys.close().await;
        }
        Store::open(config).await
    }
}

async fn run(command: &mut tokio::process::Command) -> Result<()> {
    let program = PathBuf::from(command.as_std().get_program())
        .display()
        .to_string();
    let output = command.output().await.map_err(|source| StoreError::Io {
        path: program.clone(),
        source,
    })?;
    if output.status.success() {
        Ok(())
    } else {
        Err(StoreError::Configuration(format!(
            "{program} failed: {}",
            String::from_utf8_lossy(&output.stderr).trim()
        )))
    }
}
