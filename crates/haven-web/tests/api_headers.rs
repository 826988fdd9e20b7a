//! Security headers on every response, no caching of API responses, HSTS only behind TLS.

mod common;

use common::TestServer;
use haven_testkit::{on_each_backend, seed_world};

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    on_each_backend(|backend| async move {
        let server = TestServer::start(&backend).await;
        seed_world(&server.store).await;
        let client = server.signed_in("test-caseworker").await;
        for path in [
            "/",
            "/healthz",
            "/api/v1/screenings",
            "/api/v1/no-such-thing",
        ] {
            let response = client.get(server.at(path)).send().await.unwrap();
            let h = response.headers();
            let csp = h.get("content-security-policy").unwrap().to_str().unwrap();
            assert!(
                csp.contains("default-src 'self'") && csp.contains("frame-ancestors 'none'"),
                "{path}: {csp}"
            );
            assert_eq!(
                h.get("x-content-type-options").unwrap(),
                "nosniff",
                "{path}"
            );
            assert_eq!(h.get("referrer-policy").unwrap(), "no-referrer", "{path}");
            assert_eq!(h.get("x-frame-options").unwrap(), "DENY", "{path}");
            assert!(
                h.get("strict-transport-security").is_none(),
                "no HSTS on plain HTTP"
            );
        }
        let api = client
            .get(server.at("/api/v1/screenings"))
            .send()
            .await
            .unwrap();
        assert_eq!(api.headers().get("cache-control").unwrap(), "no-store");
        server.stop().await;
        backend
    })
    .await;
}

#[tokio::test]
async fn behind_tls_cookies_are_secure_and_hsts_is_sent() {
    let backend = haven_testkit::sqlite_backend();
    let config = haven_web::WebConfig {
        behind_tls: true,
        ..Default::default()
    };
    let server = TestServer::start_with(&backend, config).await;
    seed_world(&server.store).await;
    let response = server
        .client()
        .post(server.at("/api/v1/session"))
        .json(&serde_json::json!({"username": "test-caseworker", "password": haven_testkit::PASSWORD}))
        .send()
        .await
        .unwrap();
    assert!(
        response
            .headers()
            .get("set-cookie")
            .unwrap()
            .to_str()
            .unwrap()
            .contains("; Secure")
    );
    assert!(
        response
            .headers()
            .get("strict-transport-security")
            .unwrap()
            .to_str()
            .unwrap()
            .starts_with("max-age=")
    );
    server.stop().await;
    backend.cleanup().await;
}
