//! The two database engines behind one set of queries. Every query is written once, in SQL
//! both engines accept (`$1` placeholders, BIGINT, RETURNING), and `on_db!`/`on_tx!` run it on
//! whichever pool this installation uses; only the DDL of the migrations differs per engine.

use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{PgPool, Postgres, Sqlite, SqlitePool, Transaction};

use crate::StoreError;

#[derive(Clone, Debug)]
pub(crate) enum Db {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

pub(crate) enum Tx {
    Sqlite(Transaction<'static, Sqlite>),
    Postgres(Transaction<'static, Postgres>),
}

/// Runs `$body` with `$pool` bound to the concrete pool.
macro_rules! on_db {
    ($db:expr, $pool:ident => $body:expr) => {
        match $db {
            $crate::db::Db::Sqlite($pool) => $body,
            $crate::db::Db::Postgres($pool) => $body,
        }
    };
}

/// Runs `$body` with `$conn` bound to the transaction's connection (`&mut **$conn`).
macro_rules! on_tx {
    ($tx:expr, $conn:ident => $body:expr) => {
        match $tx {
            $crate::db::Tx::Sqlite($conn) => $body,
            $crate::db::Tx::Postgres($conn) => $body,
        }
    };
}

pub(crate) use {on_db, on_tx};

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/sqlite");
static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/postgres");
static SQLITE_KEY_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/keys-sqlite");
static POSTGRES_KEY_MIGRATIONS: sqlx::migrate::Migrator =
    sqlx::migrate!("./migrations/keys-postgres");

/// The schema that holds the key store on PostgreSQL, apart from the case data.
pub(crate) const POSTGRES_KEY_SCHEMA: &str = "haven_keys";

impl Db {
    pub(crate) async fn sqlite(file: &Path, max_connections: u32) -> Result<Db, StoreError> {
        let options = SqliteConnectOptions::new()
            .filename(file)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            // WAL with NORMAL survives a crash of the process (every commit is in the WAL);
            // only a power cut can lose the last commits.
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10));
        let pool = SqlitePoolOptions::new()
            .max_connections(max_connections)
            .connect_with(options)
            .await?;
        Ok(Db::Sqlite(pool))
    }

    pub(crate) async fn postgres(url: &str, search_path: Option<&str>) -> Result<Db, StoreError> {
        let mut options = PgConnectOptions::from_str(url)?;
        if let Some(schema) = search_path {
            options = options.options([("search_path", schema)]);
        }
        let pool = PgPoolOptions::new()
            .max_connections(16)
            .acquire_timeout(Duration::from_secs(10))
            .connect_with(options)
            .await?;
        Ok(Db::Postgres(pool))
    }

    pub(crate) async fn migrate_case_data(&self) -> Result<(), StoreError> {
        match self {
            Db::Sqlite(pool) => SQLITE_MIGRATIONS.run(pool).await?,
            Db::Postgres(pool) => POSTGRES_MIGRATIONS.run(pool).await?,
        }
        Ok(())
    }

    pub(crate) async fn migrate_key_store(&self) -> Result<(), StoreError> {
        match self {
            Db::Sqlite(pool) => SQLITE_KEY_MIGRATIONS.run(pool).await?,
            Db::Postgres(pool) => POSTGRES_KEY_MIGRATIONS.run(pool).await?,
        }
        Ok(())
    }

    /// A write transaction. SQLite takes the write lock at once so that concurrent writers
    /// queue instead of failing on a lock upgrade.
    pub(crate) async fn begin_write(&self) -> Result<Tx, StoreError> {
        Ok(match self {
            Db::Sqlite(pool) => Tx::Sqlite(pool.begin_with("BEGIN IMMEDIATE").await?),
            Db::Postgres(pool) => Tx::Postgres(pool.begin().await?),
        })
    }

    pub(crate) fn engine(&self) -> &'static str {
        match self {
            Db::Sqlite(_) => "sqlite",
            Db::Postgres(_) => "postgres",
        }
    }

    pub(crate) async fn close(&self) {
        on_db!(self, pool => pool.close().await)
    }
}

impl Tx {
    pub(crate) async fn commit(self) -> Result<(), StoreError> {
        on_tx!(self, tx => tx.commit().await?);
        Ok(())
    }
}
