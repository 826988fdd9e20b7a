//! Test kit: every store test runs on a real SQLite file and, when `HAVEN_TEST_POSTGRES_URL` is
//! set, on a fresh database of the real PostgreSQL server, created for that test alone so tests
//! run in parallel. Without the variable the PostgreSQL run is skipped, loudly.

use std::future::Future;
use std::path::PathBuf;

use haven_domain::access::Role;
use haven_domain::htcds::OrgType;
use haven_store::{AuditActor, Location, NewUser, Principal, Store, StoreConfig};

/// The environment variable naming the PostgreSQL server for tests.
pub const POSTGRES_URL_VAR: &str = "HAVEN_TEST_POSTGRES_URL";

/// The password every fixture user has.
pub const PASSWORD: &str = "a long test password";

/// One backend a test runs on, with what it needs to reopen the same store.
pub struct TestBackend {
    pub name: &'static str,
    pub config: StoreConfig,
    /// Keeps the SQLite directory or the master key file alive for the test.
    pub dir: tempfile::TempDir,
    postgres: Option<(String, String)>,
}

impl TestBackend {
    pub async fn open(&self) -> Store {
        Store::open(&self.config)
            .await
            .unwrap_or_else(|e| panic!("{}: cannot open the store: {e}", self.name))
    }

    /// Runs SQL directly on the case database, bypassing the store (to play an attacker or a
    /// crash in tests).
    pub async fn raw_execute(&self, sql: &str) -> Result<u64, sqlx::Error> {
        use sqlx::Connection;
        let sql = sqlx::AssertSqlSafe(sql.to_string());
        match &self.config.location {
            Location::DataDir(dir) => {
                let path = dir.join("haven.sqlite");
                let mut conn =
                    sqlx::SqliteConnection::connect(&format!("sqlite://{}", path.display()))
                        .await?;
                Ok(sqlx::raw_sql(sql).execute(&mut conn).await?.rows_affected())
            }
            Location::Postgres { url } => {
                let mut conn = sqlx::PgConnection::connect(url).await?;
                Ok(sqlx::raw_sql(sql).execute(&mut conn).await?.rows_affected())
            }
        }
    }

    /// Runs a `SELECT COUNT(*) …` directly on the case database.
    pub async fn raw_count(&self, sql: &str) -> i64 {
        use sqlx::Connection;
        let sql = sqlx::AssertSqlSafe(sql.to_string());
        let result: Result<(i64,), sqlx::Error> = match &self.config.location {
            Location::DataDir(dir) => {
                let path = dir.join("haven.sqlite");
                let mut conn =
                    sqlx::SqliteConnection::connect(&format!("sqlite://{}", path.display()))
                        .await
                        .expect("open SQLite");
                sqlx::query_as(sql).fetch_one(&mut conn).await
            }
            Location::Postgres { url } => {
                let mut conn = sqlx::PgConnection::connect(url)
                    .await
                    .expect("connect to PostgreSQL");
                sqlx::query_as(sql).fetch_one(&mut conn).await
            }
        };
        result.unwrap_or_else(|e| panic!("{}: {e}", self.name)).0
    }

    /// Drops the test's PostgreSQL database (SQLite files go with the temporary directory).
    pub async fn cleanup(self) {
        if let Some((admin_url, database)) = &self.postgres {
            use sqlx::Connection;
            if let Ok(mut conn) = sqlx::PgConnection::connect(admin_url).await {
                let sql = format!("DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
                let _ = sqlx::query(sqlx::AssertSqlSafe(sql))
                    .execute(&mut conn)
                    .await;
            }
        }
    }
}

/// A fresh SQLite data directory.
pub fn sqlite_backend() -> TestBackend {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let config = StoreConfig {
        location: Location::DataDir(dir.path().join("haven-data")),
        key_file: None,
    };
    TestBackend {
        name: "sqlite",
        config,
        dir,
        postgres: None,
    }
}

/// A fresh PostgreSQL database, or `None` (with a message) when the variable is not set.
pub async fn postgres_backend() -> Option<TestBackend> {
    let Ok(admin_url) = std::env::var(POSTGRES_URL_VAR) else {
        eprintln!(
            "PostgreSQL run SKIPPED: set {POSTGRES_URL_VAR}=postgres://postgres@127.0.0.1:5432/test to run every store test on PostgreSQL too"
        );
        return None;
    };
    use sqlx::Connection;
    let database = format!("haven_t_{}", uuid::Uuid::now_v7().simple());
    let mut conn = sqlx::PgConnection::connect(&admin_url)
        .await
        .unwrap_or_else(|e| panic!("{POSTGRES_URL_VAR} is set but PostgreSQL is unreachable: {e}"));
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "CREATE DATABASE \"{database}\""
    )))
    .execute(&mut conn)
    .await
    .expect("create the test database");
    let url = replace_database(&admin_url, &database);
    let dir = tempfile::tempdir().expect("a temporary directory");
    let config = StoreConfig {
        location: Location::Postgres { url },
        key_file: Some(dir.path().join("master.key")),
    };
    Some(TestBackend {
        name: "postgres",
        config,
        dir,
        postgres: Some((admin_url, database)),
    })
}

/// Runs `test` once per backend, each on a fresh store, and cleans up after.
pub async fn on_each_backend<F, Fut>(test: F)
where
    F: Fn(TestBackend) -> Fut,
    Fut: Future<Output = TestBackend>,
{
    let backend = test(sqlite_backend()).await;
    backend.cleanup().await;
    if let Some(backend) = postgres_backend().await {
        let backend = test(backend).await;
        backend.cleanup().await;
    }
}

/// The same server URL with another database name.
fn replace_database(url: &str, database: &str) -> String {
    let (base, query) = url
        .split_once('?')
        .map_or((url, None), |(b, q)| (b, Some(q)));
    let host_start = base.find("://").map_or(0, |i| i + 3);
    let server = match base[host_start..].find('/') {
        Some(i) => &base[..host_start + i],
        None => base,
    };
    match query {
        Some(q) => format!("{server}/{database}?{q}"),
        None => format!("{server}/{database}"),
    }
}

/// A small world: two organisations, a team, and a user of every role.
pub struct World {
    pub ngo: String,
    pub shelter: String,
    pub team: String,
    users: Vec<(Role, Principal)>,
    pub second_caseworker: Principal,
}

impl World {
    pub fn user(&self, role: Role) -> &Principal {
        &self
            .users
            .iter()
            .find(|(r, _)| *r == role)
            .expect("every role has a user")
            .1
    }
}

pub async fn seed_world(store: &Store) -> World {
    let system = AuditActor::System("test");
    let ngo = store
        .create_organisation(system, "Test NGO", OrgType::Ngo, false)
        .await
        .unwrap();
    let shelter = store
        .create_organisation(system, "Test Shelter", OrgType::Ngo, false)
        .await
        .unwrap();
    let team = store
        .create_team(system, &ngo.id, "Frontline")
        .await
        .unwrap();
    let mut users = Vec::new();
    for role in Role::ALL {
        let organisation_id = if role == Role::Provider {
            shelter.id.clone()
        } else {
            ngo.id.clone()
        };
        let user = store
            .create_user(
                system,
                NewUser {
                    organisation_id,
                    team_id: Some(team.id.clone()),
                    username: format!("test-{}", role.id().replace('_', "-")),
                    display_name: format!("Test {role}"),
                    role,
                    password: PASSWORD.into(),
                },
            )
            .await
            .unwrap();
        if role == Role::Supervisor {
            store
                .add_team_supervisor(system, &team.id, &user.id)
                .await
                .unwrap();
        }
        users.push((role, store.principal(&user.id).await.unwrap()));
    }
    let second = store
        .create_user(
            system,
            NewUser {
                organisation_id: ngo.id.clone(),
                team_id: None,
                username: "test-caseworker-2".into(),
                display_name: "Second caseworker".into(),
                role: Role::Caseworker,
                password: PASSWORD.into(),
            },
        )
        .await
        .unwrap();
    let second_caseworker = store.principal(&second.id).await.unwrap();
    World {
        ngo: ngo.id,
        shelter: shelter.id,
        team: team.id,
        users,
        second_caseworker,
    }
}

/// A screening input from the worked examples of the catalogue.
pub fn example_input(name: &str) -> serde_json::Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../reference/screening-examples")
        .join(name);
    let example: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).expect("the example exists"))
            .expect("valid JSON");
    example["input"].clone()
}
