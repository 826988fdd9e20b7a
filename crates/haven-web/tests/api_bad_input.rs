//! Bad input over HTTP: malformed JSON, wrong types, unknown fields, oversize bodies, wrong
//! content types, unknown ids — each a clear 4xx problem naming what is wrong, and nothing
//! stored.

mod common;

use common::{TestServer, problem};
use haven_testkit::{example_input, on_each_backend, seed_world};
use serde_json::json;

#[tokio::test]
async fn every_kind_of_bad_body_is_refused_and_nothing_is_stored() {
    on_each_backend(|backend| async move {
        let server = TestServer::start(&backend).await;
        seed_world(&server.store).await;
        let client = server.signed_in("test-caseworker").await;
        let audit_before = server.store.verify_audit().await.unwrap().entries;
        let post = |body: String, content_type: &'static str| {
            client
                .post(server.at("/api/v1/screenings"))
                .header("content-type", content_type)
                .body(body)
                .send()
        };

        let (status, body) = problem(
            post("{\"input\": ".into(), "application/json")
                .await
                .unwrap(),
        )
        .await;
        assert_eq!(
            (status, body["code"].as_str().unwrap()),
            (400, "malformed_json")
        );

        let (status, body) = problem(
            post(
                json!({"input": {}, "extra": 1}).to_string(),
                "application/json",
            )
            .await
            .unwrap(),
        )
        .await;
        assert_eq!(
            (status, body["code"].as_str().unwrap()),
            (422, "invalid_input")
        );
        assert!(
            body["detail"]
                .as_str()
                .unwrap()
                .contains("unknown field `extra`"),
            "{body}"
        );

        let (status, body) = problem(
            post(
                json!({"input": {}, "person_id": 7}).to_string(),
                "application/json",
            )
            .await
            .unwrap(),
        )
        .await;
        assert_eq!(
            (status, body["field"].as_str().unwrap()),
            (422, "person_id")
        );

        let mut input = example_input("S01-construction-debt-bondage.json");
        input["age"]["years"] = json!("forty-one");
        let (status, body) = problem(
            post(json!({"input": input}).to_string(), "application/json")
                .await
                .unwrap(),
        )
        .await;
        assert_eq!(
            (status, body["field"].as_str().unwrap()),
            (422, "input.age.years")
        );
        assert!(
            body["detail"]
                .as_str()
                .unwrap()
                .contains("whole number of years")
        );

        let (status, body) = problem(
            post("input=1".into(), "application/x-www-form-urlencoded")
                .await
                .unwrap(),
        )
        .await;
        assert_eq!(
            (status, body["code"].as_str().unwrap()),
            (415, "unsupported_media_type")
        );

        let huge = json!({"input": {"narrative": "x".repeat(400 * 1024)}}).to_string();
        let (status, body) = problem(post(huge, "application/json").await.unwrap()).await;
        assert_eq!(
            (status, body["code"].as_str().unwrap()),
            (413, "payload_too_large")
        );

        assert_eq!(
            server.store.counts().await.unwrap(),
            (0, 0),
            "{}: nothing stored",
            backend.name
        );
        assert_eq!(
            server.store.verify_audit().await.unwrap().entries,
            audit_before,
            "nothing audited as written"
        );
        server.stop().await;
        backend
    })
    .await;
}

#[tokio::test]
async fn unknown_ids_and_addresses_are_not_found_problems() {
    on_each_backend(|backend| async move {
        let server = TestServer::start(&backend).await;
        seed_world(&server.store).await;
        let client = server.signed_in("test-caseworker").await;
        for path in [
            "/api/v1/screenings/no-such-id",
            "/api/v1/persons/no-such-id",
            "/api/v1/nothing-here",
            "/nothing",
        ] {
            let (status, body) = problem(client.get(server.at(path)).send().await.unwrap()).await;
            assert_eq!(
                (status, body["code"].as_str().unwrap()),
                (404, "not_found"),
                "{path}"
            );
        }
        let (status, body) = problem(
            client
                .post(server.at("/api/v1/persons"))
                .json(&json!({"identity": {"nickname": "Z"}, "purpose": "x"}))
                .send()
                .await
                .unwrap(),
        )
        .await;
        assert_eq!(
            (status, body["field"].as_str().unwrap()),
            (422, "identity.nickname")
        );
        server.stop().await;
        backend
    })
    .await;
}

#[tokio::test]
async fn an_expired_or_revoked_session_is_told_to_sign_in_again() {
    on_each_backend(|backend| async move {
        let server = TestServer::start(&backend).await;
        seed_world(&server.store).await;
        let client = server.signed_in("test-caseworker").await;
        backend
            .raw_execute("UPDATE sessions SET expires_at = 0")
            .await
            .unwrap();
        let (status, body) = problem(
            client
                .get(server.at("/api/v1/screenings"))
                .send()
                .await
                .unwrap(),
        )
        .await;
        assert_eq!(
            (status, body["code"].as_str().unwrap()),
            (401, "session_expired")
        );
        server.stop().await;
        backend
    })
    .await;
}
