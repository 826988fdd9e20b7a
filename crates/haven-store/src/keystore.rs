//! The key store: per-person data keys and system keys, each wrapped by the master keyring.
//! Destroying a person's row here is what makes their identity unrecoverable.

use std::path::Path;

use haven_crypto::{Aad, DataKey, Keyring};

use crate::db::{Db, on_db, on_tx};
use crate::{Result, StoreError, now_ms};

/// Opens the master keyring. A missing key file is created only while the key store is empty:
/// a new key for a store that already holds wrapped keys would lock everyone out.
pub(crate) async fn open_keyring(keys: &Db, key_file: &Path) -> Result<Keyring> {
    if key_file.exists() {
        return Ok(Keyring::open(key_file)?);
    }
    let (wrapped,): (i64,) = on_db!(keys, pool => sqlx::query_as("SELECT COUNT(*) FROM system_keys").fetch_one(pool).await?);
    if wrapped > 0 {
        return Err(StoreError::Configuration(format!(
            "{}: the master key file is missing, but the key store holds keys wrapped by it; restore the file (or its backup) before starting",
            key_file.display()
        )));
    }
    Ok(Keyring::open_or_create(key_file)?)
}

/// A system key by name, created and stored wrapped on first use.
pub(crate) async fn system_key(keys: &Db, keyring: &Keyring, name: &str) -> Result<DataKey> {
    let aad = Aad::new("system_keys", "wrapped", name);
    let existing: Option<(Vec<u8>,)> = on_db!(keys, pool => sqlx::query_as("SELECT wrapped FROM system_keys WHERE name = $1")
        .bind(name)
        .fetch_optional(pool)
        .await?);
    if let Some((wrapped,)) = existing {
        return Ok(keyring.unwrap_key(&wrapped, &aad)?);
    }
    let key = DataKey::generate();
    let wrapped = keyring.wrap_key(&key, &aad)?;
    on_db!(keys, pool => sqlx::query("INSERT INTO system_keys (name, wrapped) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING")
        .bind(name)
        .bind(wrapped)
        .execute(pool)
        .await?.rows_affected());
    // Another process may have won the race: read back what is stored.
    let (wrapped,): (Vec<u8>,) = on_db!(keys, pool => sqlx::query_as("SELECT wrapped FROM system_keys WHERE name = $1")
        .bind(name)
        .fetch_one(pool)
        .await?);
    Ok(keyring.unwrap_key(&wrapped, &aad)?)
}

pub(crate) fn person_key_aad(person_id: &str) -> Aad {
    Aad::new("data_keys", "wrapped", person_id)
}

/// Stores a new person's data key. Runs in the key store's own transaction, committed before
/// the case data refers to it, so a crash leaves at most an unused key, never data without one.
pub(crate) async fn insert_person_key(
    keys: &Db,
    keyring: &Keyring,
    person_id: &str,
    key: &DataKey,
) -> Result<()> {
    let wrapped = keyring.wrap_key(key, &person_key_aad(person_id))?;
    on_db!(keys, pool => sqlx::query("INSERT INTO data_keys (person_id, wrapped, created_at) VALUES ($1, $2, $3)")
        .bind(person_id)
        .bind(wrapped)
        .bind(now_ms())
        .execute(pool)
        .await?.rows_affected());
    Ok(())
}

/// The person's data key, or `None` once it has been destroyed.
pub(crate) async fn person_key(
    keys: &Db,
    keyring: &Keyring,
    person_id: &str,
) -> Result<Option<DataKey>> {
    let row: Option<(Vec<u8>,)> = on_db!(keys, pool => sqlx::query_as("SELECT wrapped FROM data_keys WHERE person_id = $1")
        .bind(person_id)
        .fetch_optional(pool)
        .await?);
    row.map(|(wrapped,)| {
        keyring
            .unwrap_key(&wrapped, &person_key_aad(person_id))
            .map_err(StoreError::from)
    })
    .transpose()
}

pub(crate) async fn destroy_person_key(keys: &Db, person_id: &str) -> Result<()> {
    let mut tx = keys.begin_write().await?;
    on_tx!(&mut tx, c => sqlx::query("DELETE FROM data_keys WHERE person_id = $1").bind(person_id).execute(&mut **c).await?.rows_affected());
    tx.commit().await
}

/// Re-wraps every key under the newest master key version; returns how many were re-wrapped.
/// Rows are re-wrapped one by one, so readers never see a key they cannot open.
pub(crate) async fn rewrap_all(keys: &Db, keyring: &Keyring) -> Result<usize> {
    let mut count = 0;
    let people: Vec<(String, Vec<u8>)> = on_db!(keys, pool => sqlx::query_as("SELECT person_id, wrapped FROM data_keys").fetch_all(pool).await?);
    for (person_id, wrapped) in people {
        if keyring.is_current(&wrapped) {
            continue;
        }
        let aad = person_key_aad(&person_id);
        let rewrapped = keyring.wrap_key(&keyring.unwrap_key(&wrapped, &aad)?, &aad)?;
        on_db!(keys, pool => sqlx::query("UPDATE data_keys SET wrapped = $1 WHERE person_id = $2")
            .bind(rewrapped)
            .bind(&person_id)
            .execute(pool)
            .await?.rows_affected());
        count += 1;
    }
    let system: Vec<(String, Vec<u8>)> = on_db!(keys, pool => sqlx::query_as("SELECT name, wrapped FROM system_keys").fetch_all(pool).await?);
    for (name, wrapped) in system {
        if keyring.is_current(&wrapped) {
            continue;
        }
        let aad = Aad::new("system_keys", "wrapped", &name);
        let rewrapped = keyring.wrap_key(&keyring.unwrap_key(&wrapped, &aad)?, &aad)?;
        on_db!(keys, pool => sqlx::query("UPDATE system_keys SET wrapped = $1 WHERE name = $2")
            .bind(rewrapped)
            .bind(&name)
            .execute(pool)
            .await?.rows_affected());
        count += 1;
    }
    Ok(count)
}

impl crate::Store {
    /// `haven keys rotate`: adds a master key version, re-wraps every key under it, then
    /// retires the old versions. The server keeps running: it re-reads the key file when the
    /// file changes. A second pass after a pause catches keys a running server wrapped under
    /// the old version while the first pass ran.
    pub async fn rotate_keys(&self) -> Result<KeyRotation> {
        let version = self.keyring.add_version()?;
        let mut rewrapped = rewrap_all(&self.keys, &self.keyring).await?;
        tokio::time::sleep(std::time::Duration::from_secs(2)).await;
        rewrapped += rewrap_all(&self.keys, &self.keyring).await?;
        self.keyring.retire_before(version)?;
        Ok(KeyRotation { version, rewrapped })
    }

    /// The master keyring as text, for an encrypted export alongside a backup.
    pub fn keyring_text(&self) -> String {
        self.keyring.to_text()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeyRotation {
    pub version: u32,
    pub rewrapped: usize,
}
