//! Screening drafts: saved, replaced, listed and deleted by their owner only; sealed at rest
//! under a key from the key store, bound to the draft and its owner.

use haven_domain::access::Role;
use haven_store::StoreError;
use haven_testkit::{TestBackend, on_each_backend, seed_world};
use serde_json::json;

/// Text that must never be readable in the database.
const MARKER: &str = "Marker-Given-Name-Zoryana";

/// Counts the drafts whose sealed bytes contain `text` in clear, in the engine's own SQL.
async fn drafts_containing(backend: &TestBackend, text: &str) -> i64 {
    let sql = if backend.name == "sqlite" {
        format!(
            "SELECT COUNT(*) FROM screening_drafts WHERE instr(sealed, CAST('{text}' AS BLOB)) > 0"
        )
    } else {
        format!(
            "SELECT COUNT(*) FROM screening_drafts WHERE position(convert_to('{text}', 'UTF8') in sealed) > 0"
        )
    };
    backend.raw_count(&sql).await
}

#[tokio::test]
async fn the_owner_saves_replaces_lists_reads_and_deletes_a_draft() {
    on_each_backend(|backend| async move {
        let store = backend.open().await;
        let world = seed_world(&store).await;
        let screener = world.user(Role::Screener);
        let first = json!({"answers": {"sex": "male", "ind.CD.violence_on_victim": "yes"}});
        let saved = store
            .save_screening_draft(screener, None, 2, &first)
            .await
            .unwrap();
        let read = store.screening_draft(screener, &saved.id).await.unwrap();
        assert_eq!(read, saved, "{}", backend.name);

        let second = json!({"answers": {"sex": "male", "given_name": MARKER}});
        let replaced = store
            .save_screening_draft(screener, Some(&saved.id), 7, &second)
            .await
            .unwrap();
        assert_eq!(replaced.id, saved.id);
        assert_eq!(replaced.created_at, saved.created_at);
        let read = store.screening_draft(screener, &saved.id).await.unwrap();
        assert_eq!(read.content, second);
        assert_eq!(read.step, 7);

        let other = store
            .save_screening_draft(screener, None, 1, &json!({"answers": {}}))
            .await
            .unwrap();
        let list = store.screening_drafts(screener).await.unwrap();
        assert_eq!(
            list.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(),
            [other.id.as_str(), saved.id.as_str()],
            "most recently saved first"
        );
        assert_eq!(list[1].step, 7);

        store
            .delete_screening_draft(screener, &saved.id)
            .await
            .unwrap();
        let error = store
            .screening_draft(screener, &saved.id)
            .await
            .unwrap_err();
        assert!(matches!(error, StoreError::NotFound { .. }), "{error}");
        assert_eq!(store.screening_drafts(screener).await.unwrap().len(), 1);
        let actions: Vec<String> = store
            .audit_entries_for_record(&saved.id)
            .await
            .unwrap()
            .into_iter()
            .map(|e| e.action)
            .collect();
        assert_eq!(
            actions,
            [
                "screening_draft.save",
                "screening_draft.read",
                "screening_draft.save",
                "screening_draft.read",
                "screening_draft.delete"
            ]
        );
        assert!(store.verify_audit().await.unwrap().first_broken.is_none());
        backend
    })
    .await;
}

#[tokio::test]
async fn a_draft_is_sealed_at_rest_and_bound_to_its_owner() {
    on_each_backend(|backend| async move {
        let store = backend.open().await;
        let world = seed_world(&store).await;
        let screener = world.user(Role::Screener);
        let content =
            json!({"answers": {"given_name": MARKER, "ind.CD.violence_on_victim": "yes"}});
        let draft = store
            .save_screening_draft(screener, None, 14, &content)
            .await
            .unwrap();
        assert_eq!(
            backend
                .raw_count("SELECT COUNT(*) FROM screening_drafts")
                .await,
            1
        );
        for text in [MARKER, "CD.violence_on_victim", "given_name"] {
            assert_eq!(
                drafts_containing(&backend, text).await,
                0,
                "{}: {text} is readable at rest",
                backend.name
            );
        }
        if let Some(dir) = store.data_dir() {
            // Nothing of it in the SQLite files either, write-ahead log included.
            for file in ["haven.sqlite", "haven.sqlite-wal"] {
                let bytes = std::fs::read(dir.join(file)).unwrap_or_default();
                assert!(
                    !bytes.windows(MARKER.len()).any(|w| w == MARKER.as_bytes()),
                    "{file} holds the name in clear"
                );
            }
        }
        // Someone with write access to the database hands the row to another user: it no
        // longer opens, because the owner is bound into the sealed value.
        let other = &world.second_caseworker;
        backend
            .raw_execute(&format!(
                "UPDATE screening_drafts SET owner_user_id = '{}' WHERE id = '{}'",
                other.user_id, draft.id
            ))
            .await
            .unwrap();
        let error = store.screening_draft(other, &draft.id).await.unwrap_err();
        assert!(
            matches!(error, StoreError::Crypto(_)),
            "{}: {error}",
            backend.name
        );
        backend
    })
    .await;
}

#[tokio::test]
async fn nobody_but_the_owner_reads_replaces_or_deletes_a_draft() {
    on_each_backend(|backend| async move {
        let store = backend.open().await;
        let world = seed_world(&store).await;
        let screener = world.user(Role::Screener);
        let content = json!({"answers": {"sex": "female"}});
        let draft = store
            .save_screening_draft(screener, None, 3, &content)
            .await
            .unwrap();
        // Not a colleague, not the supervisor of the screener's team, not an administrator.
        let outsiders = [
            &world.second_caseworker,
            world.user(Role::Caseworker),
            world.user(Role::Supervisor),
            world.user(Role::Admin),
        ];
        for outsider in outsiders {
            let read = store.screening_draft(outsider, &draft.id).await;
            assert!(
                matches!(read, Err(StoreError::Forbidden(_))),
                "{} reads: {}",
                outsider.role,
                backend.name
            );
            let replace = store
                .save_screening_draft(outsider, Some(&draft.id), 4, &json!({}))
                .await;
            assert!(matches!(replace, Err(StoreError::Forbidden(_))));
            let delete = store.delete_screening_draft(outsider, &draft.id).await;
            assert!(matches!(delete, Err(StoreError::Forbidden(_))));
            assert!(store.screening_drafts(outsider).await.unwrap().is_empty());
        }
        let denied = store
            .audit_entries_for_record(&draft.id)
            .await
            .unwrap()
            .into_iter()
            .filter(|e| e.outcome == "denied")
            .count();
        assert_eq!(denied, 3 * outsiders.len());
        let read = store.screening_draft(screener, &draft.id).await.unwrap();
        assert_eq!(read.content, content, "untouched");
        // Roles that never take a screening keep no drafts.
        let refused = store
            .save_screening_draft(world.user(Role::Statistician), None, 1, &json!({}))
            .await;
        assert!(matches!(refused, Err(StoreError::Forbidden(_))));
        backend
    })
    .await;
}
