//! `haven digest` through the real binary, on SQLite and PostgreSQL: the plain-text digest a
//! daily cron job sends on, for a caseworker and a supervisor, in the language each chose, and
//! clear errors.

use std::process::{Command, Output};

use haven_domain::access::Role;
use haven_store::{IdentityField, IdentityRecord, Location, OpenCase};
use haven_testkit::{TestBackend, on_each_backend, seed_world};

const DAY: i64 = 86_400_000;

/// `haven digest --user USER` with the backend's store options.
fn digest(backend: &TestBackend, user: &str) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_haven"));
    command
        .arg("digest")
        .args(["--user", user])
        .env_remove("HAVEN_DATABASE_URL")
        .env_remove("HAVEN_DATA_DIR")
        .env_remove("HAVEN_MASTER_KEY_FILE");
    match &backend.config.location {
        Location::DataDir(dir) => command.arg("--data-dir").arg(dir),
        Location::Postgres { url } => command
            .args(["--database-url", url])
            .arg("--key-file")
            .arg(backend.config.key_file.as_ref().unwrap()),
    };
    command.output().expect("haven runs")
}

fn text(output: &Output) -> String {
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout.clone()).unwrap()
}

#[tokio::test]
async fn the_digest_prints_each_users_items_as_plain_text() {
    on_each_backend(|backend| async move {
        let store = backend.open().await;
        let world = seed_world(&store).await;
        // A child's case opened a month ago with nothing done since: the guardian and the
        // referral to child protection are escalated.
        let caseworker = world.user(Role::Caseworker);
        let identity = IdentityRecord::from([(IdentityField::GivenName, "Ali".to_string())]);
        let person = store
            .create_person(caseworker, &identity, "registration")
            .await
            .unwrap();
        let month_ago = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_millis() as i64
            - 30 * DAY;
        let case = store
            .open_case_at(
                caseworker,
                &OpenCase {
                    person_id: person.id,
                    child: Some(true),
                    ..OpenCase::default()
                },
                month_ago,
            )
            .await
            .unwrap();
        store.close().await;

        let own = text(&digest(&backend, "test-caseworker"));
        assert!(
            own.starts_with(&format!("Daily digest for {}, ", caseworker.user_id)),
            "{own}"
        );
        assert!(
            own.contains("Escalated to the supervisor (2)"),
            "{}: {own}",
            backend.name
        );
        assert!(
            own.contains(&format!(
                "- {}: referral to child protection, due ",
                case.id
            )),
            "{own}"
        );
        assert!(
            own.contains(&format!("- {}: appointment of a guardian, due ", case.id)),
            "{own}"
        );
        let supervisor = text(&digest(&backend, "test-supervisor"));
        assert!(
            supervisor.contains("Escalated to the supervisor (2)"),
            "{supervisor}"
        );
        let provider = text(&digest(&backend, "test-provider"));
        assert!(provider.contains("Nothing is due today"), "{provider}");
        // In the language the user chose in the web application.
        let store = backend.open().await;
        store
            .set_user_language(world.user(Role::Supervisor), "fr")
            .await
            .unwrap();
        store.close().await;
        let supervisor = text(&digest(&backend, "test-supervisor"));
        assert!(
            supervisor.starts_with("Récapitulatif quotidien pour "),
            "{supervisor}"
        );

        let unknown = digest(&backend, "nobody");
        assert_eq!(unknown.status.code(), Some(2));
        let stderr = String::from_utf8_lossy(&unknown.stderr);
        assert!(stderr.contains("user nobody was not found"), "{stderr}");
        backend
    })
    .await;
}
