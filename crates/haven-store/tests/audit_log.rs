//! The audit log: every write is chained, the database refuses changes to it, and verification
//! names the first broken link. On SQLite and PostgreSQL.

use haven_store::{AuditActor, AuditEvent};
use haven_testkit::{example_input, on_each_backend, seed_world};

#[tokio::test]
async fn writes_are_chained_and_the_chain_verifies() {
    on_each_backend(|backend| async move {
        let store = backend.open().await;
        let world = seed_world(&store).await;
        let caseworker = world.user(haven_domain::access::Role::Caseworker);
        for _ in 0..3 {
            store
                .record_screening(
                    caseworker,
                    None,
                    &example_input("S01-construction-debt-bondage.json"),
                )
                .await
                .unwrap();
        }
        let verification = store.verify_audit().await.unwrap();
        assert_eq!(verification.first_broken, None, "{}", backend.name);
        assert!(
            verification.entries >= 3 + 12,
            "{}: {verification:?}",
            backend.name
        );
        backend
    })
    .await;
}

#[tokio::test]
async fn the_database_refuses_to_update_or_delete_audit_entries_and_histories() {
    on_each_backend(|backend| async move {
        let store = backend.open().await;
        let world = seed_world(&store).await;
        let caseworker = world.user(haven_domain::access::Role::Caseworker);
        store
            .record_screening(caseworker, None, &example_input("S02-marriage-agency.json"))
            .await
            .unwrap();
        for sql in [
            "UPDATE audit_log SET purpose = 'nothing to see' WHERE seq = 1",
            "DELETE FROM audit_log WHERE seq = 1",
            "UPDATE record_actions SET payload = '{}'",
            "DELETE FROM record_actions",
        ] {
            let error = backend.raw_execute(sql).await.expect_err(sql).to_string();
            assert!(
                error.contains("append-only"),
                "{}: {sql}: {error}",
                backend.name
            );
        }
        assert_eq!(store.verify_audit().await.unwrap().first_broken, None);
        backend
    })
    .await;
}

#[tokio::test]
async fn verification_names_the_first_altered_entry() {
    on_each_backend(|backend| async move {
        let store = backend.open().await;
        for i in 0..5 {
            store
                .audit(
                    AuditActor::System("test"),
                    AuditEvent::new("test.event", format!("event {i}")),
                )
                .await
                .unwrap();
        }
        // An attacker with database access removes the protection and rewrites entry 3.
        let drop_protection = match backend.name {
            "sqlite" => "DROP TRIGGER audit_log_no_update",
            _ => "DROP TRIGGER audit_log_append_only ON audit_log",
        };
        backend.raw_execute(drop_protection).await.unwrap();
        backend
            .raw_execute("UPDATE audit_log SET purpose = 'rewritten' WHERE seq = 3")
            .await
            .unwrap();
        let verification = store.verify_audit().await.unwrap();
        let (seq, why) = verification.first_broken.expect("the change is detected");
        assert_eq!(seq, 3, "{}", backend.name);
        assert!(why.contains("altered"), "{why}");
        assert_eq!(verification.entries, 2);
        backend
    })
    .await;
}

#[tokio::test]
async fn verification_detects_a_removed_entry() {
    on_each_backend(|backend| async move {
        let store = backend.open().await;
        for i in 0..4 {
            store
                .audit(
                    AuditActor::System("test"),
                    AuditEvent::new("test.event", format!("event {i}")),
                )
                .await
                .unwrap();
        }
        let drop_protection = match backend.name {
            "sqlite" => "DROP TRIGGER audit_log_no_delete",
            _ => "DROP TRIGGER audit_log_append_only ON audit_log",
        };
        backend.raw_execute(drop_protection).await.unwrap();
        backend
            .raw_execute("DELETE FROM audit_log WHERE seq = 2")
            .await
            .unwrap();
        let (seq, why) = store
            .verify_audit()
            .await
            .unwrap()
            .first_broken
            .expect("the gap is detected");
        assert_eq!(seq, 2, "{}", backend.name);
        assert!(why.contains("missing"), "{why}");
        backend
    })
    .await;
}

#[tokio::test]
async fn concurrent_writers_never_fork_the_chain() {
    on_each_backend(|backend| async move {
        let store = backend.open().await;
        let mut tasks = Vec::new();
        for i in 0..40 {
            let store = store.clone();
            tasks.push(tokio::spawn(async move {
                store
                    .audit(
                        AuditActor::System("test"),
                        AuditEvent::new("test.event", format!("writer {i}")),
                    )
                    .await
                    .unwrap()
            }));
        }
        let mut seqs = Vec::new();
        for task in tasks {
            seqs.push(task.await.unwrap());
        }
        seqs.sort();
        assert_eq!(seqs, (1..=40).collect::<Vec<_>>(), "{}", backend.name);
        assert_eq!(store.verify_audit().await.unwrap().first_broken, None);
        backend
    })
    .await;
}
