//! Haven's persistence: one `Store` over SQLite (embedded, the default) or PostgreSQL, with
//! versioned migrations, append-only action histories and their projections, the identity
//! vault with crypto-shredding, and the hash-chained audit log.
//!
//! Every method that touches a record takes the acting `Principal` and asks the domain's access
//! policy before it reads or writes; a refusal is audited like an access.

mod accounts;
mod audit;
mod backup;
mod cases;
mod db;
mod documents;
mod drafts;
mod exchange;
mod keystore;
mod linkage;
mod screenings;
mod services;
mod statistics;
mod vault;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use haven_crypto::{BlindIndexKey, DataKey, Keyring, KeyringError};
use haven_domain::access::{self, Action, Decision, FieldClass, RecordParties, Role};

pub use accounts::{
    ApiToken, Authenticated, LoginError, NewUser, OrgType, Organisation, Scope, Session, Team,
    User, validate_password,
};
pub use audit::{AuditActor, AuditEntry, AuditEvent, AuditOutcome, AuditVerification};
pub use cases::{
    CaseFilter, CaseHistoryEntry, CaseRecord, CaseSummary, DEFAULT_NRM_PROFILE, InboxEntry,
    OpenCase, OverdueEntry, SharedView,
};
pub use documents::DocumentContent;
pub use drafts::{ScreeningDraft, ScreeningDraftSummary};
pub use exchange::{CtdcFile, ImportReport, import_key};
pub use keystore::KeyRotation;
pub use linkage::{POSSIBLE_MATCH_THRESHOLD, PossibleMatch, PossibleMatches};
pub use screenings::RebuildReport;
pub use screenings::{ScreeningRecord, ScreeningSummary};
pub use services::{ServiceDescription, ServiceEntry, ServiceFilter};
pub use statistics::CapturePatterns;
pub use statistics::{
    DashboardData, DeadlineState, ReleaseReceipt, StatisticsData, VictimFacts, budget_json,
    cases_dataset, policy_text,
};
pub use vault::{IdentityField, IdentityRecord, PersonRecord};

use db::Db;

/// Where the store lives.
#[derive(Debug, Clone)]
pub enum Location {
    /// SQLite files in a data directory (created on first run), with `master.key` beside them.
    DataDir(PathBuf),
    /// A PostgreSQL database; the master key file is given separately.
    Postgres { url: String },
}

#[derive(Debug, Clone)]
pub struct StoreConfig {
    pub location: Location,
    /// The master key file; required with PostgreSQL, `DIR/master.key` by default with SQLite.
    pub key_file: Option<PathBuf>,
}

/// The store. Cheap to clone: clones share the pools and keys.
#[derive(Clone)]
pub struct Store {
    db: Db,
    keys: Db,
    keyring: Arc<Keyring>,
    index_key: Arc<BlindIndexKey>,
    secrets_key: Arc<DataKey>,
    person_encoder: Arc<linkage::PersonEncoder>,
    data_dir: Option<PathBuf>,
    postgres_url: Option<String>,
}

/// The signed-in user on whose behalf the store acts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Principal {
    pub user_id: String,
    pub username: String,
    pub organisation_id: String,
    pub team_id: Option<String>,
    pub role: Role,
    /// Teams this user supervises.
    pub supervises_teams: Vec<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{what} {id} was not found")]
    NotFound { what: &'static str, id: String },
    #[error("access denied: {0}")]
    Forbidden(String),
    #[error("{0}")]
    Conflict(String),
    /// The domain refused the action: the case does not allow it now, with the reason.
    #[error("{0}")]
    Refused(String),
    /// The domain's upload policy refused a document: its type, size or content.
    #[error(transparent)]
    Document(#[from] haven_domain::case::DocumentError),
    /// What was asked for existed and was removed on purpose (a removed document).
    #[error("{0}")]
    Gone(String),
    #[error("{field}: {problem}")]
    Invalid { field: String, problem: String },
    #[error("{0}")]
    Configuration(String),
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
    #[error("migration: {0}")]
    Migration(#[from] sqlx::migrate::MigrateError),
    #[error("keys: {0}")]
    Keys(#[from] KeyringError),
    #[error("keys: {0}")]
    Crypto(#[from] haven_crypto::CryptoError),
    #[error("{path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
}

impl StoreError {
    pub(crate) fn invalid(field: &str, problem: impl Into<String>) -> StoreError {
        StoreError::Invalid {
            field: field.to_string(),
            problem: problem.into(),
        }
    }

    /// Maps a unique-constraint violation to a conflict the user can act on.
    pub(crate) fn unique(error: sqlx::Error, message: impl Into<String>) -> StoreError {
        match &error {
            sqlx::Error::Database(e) if e.is_unique_violation() => {
                StoreError::Conflict(message.into())
            }
            _ => StoreError::Database(error),
        }
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

impl Store {
    /// Opens the store: creates the data directory and master key on first run, connects, and
    /// applies pending migrations to the case data and the key store.
    pub async fn open(config: &StoreConfig) -> Result<Store> {
        let postgres_url = match &config.location {
            Location::Postgres { url } => Some(url.clone()),
            Location::DataDir(_) => None,
        };
        let (db, keys, key_file, data_dir) = match &config.location {
            Location::DataDir(dir) => {
                create_private_dir(dir)?;
                let db = Db::sqlite(&dir.join("haven.sqlite"), 8).await?;
                let keys = Db::sqlite(&dir.join("keys.sqlite"), 2).await?;
                let key_file = config
                    .key_file
                    .clone()
                    .unwrap_or_else(|| dir.join("master.key"));
                (db, keys, key_file, Some(dir.clone()))
            }
            Location::Postgres { url } => {
                let key_file = config.key_file.clone().ok_or_else(|| {
                    StoreError::Configuration(
                        "with --database-url, give the master key file with --key-file or HAVEN_MASTER_KEY_FILE".into(),
                    )
                })?;
                let db = Db::postgres(url, None).await?;
                db::on_db!(&db, pool => sqlx::query("CREATE SCHEMA IF NOT EXISTS haven_keys").execute(pool).await?.rows_affected());
                let keys = Db::postgres(url, Some(db::POSTGRES_KEY_SCHEMA)).await?;
                (db, keys, key_file, None)
            }
        };
        db.migrate_case_data().await?;
        keys.migrate_key_store().await?;
        let keyring = keystore::open_keyring(&keys, &key_file).await?;
        let index_key =
            BlindIndexKey::new(keystore::system_key(&keys, &keyring, "blind_index").await?);
        let secrets_key = keystore::system_key(&keys, &keyring, "user_secrets").await?;
        let person_encoder =
            linkage::PersonEncoder::new(&keystore::system_key(&keys, &keyring, "linkage").await?);
        Ok(Store {
            db,
            keys,
            keyring: Arc::new(keyring),
            index_key: Arc::new(index_key),
            secrets_key: Arc::new(secrets_key),
            person_encoder: Arc::new(person_encoder),
            data_dir,
            postgres_url,
        })
    }

    /// `sqlite` or `postgres`.
    pub fn engine(&self) -> &'static str {
        self.db.engine()
    }

    pub fn data_dir(&self) -> Option<&Path> {
        self.data_dir.as_deref()
    }

    /// Closes the pools, waiting for running queries.
    pub async fn close(&self) {
        self.db.close().await;
        self.keys.close().await;
    }

    /// Asks the domain whether `principal` may act on a record with these parties; a refusal
    /// is audited and returned as `Forbidden`.
    pub(crate) async fn authorise(
        &self,
        principal: &Principal,
        parties: &RecordParties<'_>,
        class: FieldClass,
        action: Action,
        record: (&str, &str),
    ) -> Result<()> {
        match decide_for(principal, parties, class, action) {
            Decision::Allow => Ok(()),
            Decision::Deny(reason) => {
                let event = AuditEvent {
                    action: "access.denied",
                    record_type: Some(record.0),
                    record_id: Some(record.1),
                    fields: vec![format!("{class:?}").to_lowercase()],
                    purpose: format!("{action:?}").to_lowercase(),
                    outcome: AuditOutcome::Denied,
                };
                self.audit(AuditActor::User(principal), event).await?;
                Err(StoreError::Forbidden(reason.to_string()))
            }
        }
    }
}

impl Store {
    /// Whether the domain allows it, without auditing (for filtering lists).
    pub(crate) fn may(
        &self,
        principal: &Principal,
        person: &vault::PersonRecord,
        class: FieldClass,
        action: Action,
    ) -> bool {
        decide_for(principal, &person.as_parties(), class, action).is_allowed()
    }
}

/// The domain's decision for the principal on a record, over every relationship they hold.
pub(crate) fn decide_for(
    principal: &Principal,
    parties: &RecordParties<'_>,
    class: FieldClass,
    action: Action,
) -> Decision {
    access::decide_on_record(&actor(principal), parties, class, action)
}

/// The principal as the access policy knows an actor.
pub(crate) fn actor(principal: &Principal) -> access::Actor<'_> {
    access::Actor {
        user_id: &principal.user_id,
        organisation_id: &principal.organisation_id,
        role: principal.role,
        supervises_teams: &principal.supervises_teams,
    }
}

pub(crate) fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or_default()
}

pub(crate) fn new_id() -> String {
    uuid::Uuid::now_v7().to_string()
}

pub(crate) fn create_private_dir(dir: &Path) -> Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    if dir.exists() {
        return Ok(());
    }
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
        .map_err(|source| StoreError::Io {
            path: dir.display().to_string(),
            source,
        })
}
