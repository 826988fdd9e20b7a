//! Authentication over real HTTP: every `/api/v1/` endpoint but the public ones needs a session
//! or a token; sessions, tokens, scopes, CSRF, rate limiting and the second factor.

mod common;

use common::{TestServer, problem};
use haven_store::AuditActor;
use haven_testkit::{PASSWORD, on_each_backend, seed_world};
use serde_json::{Value, json};

const PUBLIC: [(&str, &str); 5] = [
    ("get", "/healthz"),
    ("get", "/api/v1/version"),
    ("get", "/api/v1/catalogue"),
    ("get", "/api/openapi.json"),
    ("post", "/api/v1/session"),
];

#[tokio::test]
async fn every_endpoint_but_the_public_ones_requires_authentication() {
    on_each_backend(|backend| async move {
        let server = TestServer::start(&backend).await;
        let client = server.client();
        let openapi: Value = client
            .get(server.at("/api/openapi.json"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(openapi["openapi"], "3.1.0");
        let paths = openapi["paths"].as_object().unwrap();
        assert!(paths.len() >= 20, "{}", paths.len());
        let mut checked = 0;
        for (path, item) in paths {
            for method in item.as_object().unwrap().keys() {
                let concrete = path.replace("{id}", "0190f0f0-0000-7000-8000-000000000000");
                let request =
                    client.request(method.to_uppercase().parse().unwrap(), server.at(&concrete));
                let response = request
                    .header("content-type", "application/json")
                    .body("{}")
                    .send()
                    .await
                    .unwrap();
                if PUBLIC.contains(&(method.as_str(), path.as_str())) {
                    assert_ne!(response.status(), 401, "{method} {path} is public");
                } else {
                    let (status, body) = problem(response).await;
                    assert_eq!(status, 401, "{method} {path}");
                    assert_eq!(body["code"], "unauthenticated");
                    checked += 1;
                }
            }
        }
        assert!(checked >= 20);
        server.stop().await;
        backend
    })
    .await;
}

#[tokio::test]
async fn sign_in_sets_a_strict_http_only_cookie_and_sign_out_ends_the_session() {
    on_each_backend(|backend| async move {
        let server = TestServer::start(&backend).await;
        seed_world(&server.store).await;
        let client = server.client();
        let response = client
            .post(server.at("/api/v1/session"))
            .json(&json!({"username": "test-caseworker", "password": PASSWORD}))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200);
        let cookie = response
            .headers()
            .get("set-cookie")
            .unwrap()
            .to_str()
            .unwrap()
            .to_string();
        for flag in [
            "haven_session=hvs_",
            "HttpOnly",
            "SameSite=Strict",
            "Path=/",
        ] {
            assert!(cookie.contains(flag), "{cookie}");
        }
        assert!(!cookie.contains("Secure"), "not behind TLS");
        let me: Value = response.json().await.unwrap();
        assert_eq!(me["role"], "caseworker");
        assert_eq!(
            client
                .get(server.at("/api/v1/session"))
                .send()
                .await
                .unwrap()
                .status(),
            200
        );
        assert_eq!(
            client
                .delete(server.at("/api/v1/session"))
                .send()
                .await
                .unwrap()
                .status(),
            204
        );
        let (status, body) = problem(
            client
                .get(server.at("/api/v1/session"))
                .send()
                .await
                .unwrap(),
        )
        .await;
        assert_eq!(
            (status, body["code"].as_str().unwrap()),
            (401, "unauthenticated"),
            "the cookie was cleared"
        );
        server.stop().await;
        backend
    })
    .await;
}

#[tokio::test]
async fn wrong_credentials_get_one_message_and_the_account_locks() {
    on_each_backend(|backend| async move {
        let server = TestServer::start(&backend).await;
        seed_world(&server.store).await;
        let client = server.client();
        let attempt = |username: &'static str, password: &'static str| {
            client
                .post(server.at("/api/v1/session"))
                .json(&json!({"username": username, "password": password}))
                .send()
        };
        let (status, unknown) = problem(attempt("nobody", "whatever it is").await.unwrap()).await;
        let (_, wrong) =
            problem(attempt("test-caseworker", "wrong password!").await.unwrap()).await;
        assert_eq!(status, 401);
        assert_eq!(
            unknown["detail"], wrong["detail"],
            "no hint which usernames exist"
        );
        for _ in 0..4 {
            attempt("test-caseworker", "wrong password!").await.unwrap();
        }
        let (status, locked) = problem(attempt("test-caseworker", PASSWORD).await.unwrap()).await;
        assert_eq!(
            (status, locked["code"].as_str().unwrap()),
            (403, "account_locked")
        );
        server.stop().await;
        backend
    })
    .await;
}

#[tokio::test]
async fn sign_in_is_rate_limited_per_address() {
    let backend = haven_testkit::sqlite_backend();
    let config = haven_web::WebConfig {
        login_attempts_per_minute: 3,
        ..Default::default()
    };
    let server = TestServer::start_with(&backend, config).await;
    let client = server.client();
    for _ in 0..3 {
        let response = client
            .post(server.at("/api/v1/session"))
            .json(&json!({"username": "x", "password": "y"}))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 401);
    }
    let response = client
        .post(server.at("/api/v1/session"))
        .json(&json!({"username": "x", "password": "y"}))
        .send()
        .await
        .unwrap();
    assert!(response.headers().get("retry-after").is_some());
    let (status, body) = problem(response).await;
    assert_eq!(
        (status, body["code"].as_str().unwrap()),
        (429, "rate_limited")
    );
    server.stop().await;
    backend.cleanup().await;
}

#[tokio::test]
async fn cross_site_writes_with_a_cookie_are_refused() {
    on_each_backend(|backend| async move {
        let server = TestServer::start(&backend).await;
        seed_world(&server.store).await;
        let client = server.signed_in("test-caseworker").await;
        let body = json!({"input": haven_testkit::example_input("S05-checkpoint-unclear.json")});
        let forged = client
            .post(server.at("/api/v1/screenings"))
            .header("sec-fetch-site", "cross-site")
            .json(&body)
            .send()
            .await
            .unwrap();
        let (status, problem_body) = problem(forged).await;
        assert_eq!(
            (status, problem_body["code"].as_str().unwrap()),
            (403, "csrf")
        );
        let foreign = client
            .post(server.at("/api/v1/screenings"))
            .header("origin", "https://evil.example")
            .json(&body)
            .send()
            .await
            .unwrap();
        assert_eq!(foreign.status(), 403);
        let same = client
            .post(server.at("/api/v1/screenings"))
            .header("sec-fetch-site", "same-origin")
            .json(&body)
            .send()
            .await
            .unwrap();
        assert_eq!(same.status(), 201);
        assert_eq!(
            server.store.counts().await.unwrap().0,
            1,
            "only the same-origin write was stored"
        );
        server.stop().await;
        backend
    })
    .await;
}

#[tokio::test]
async fn api_tokens_work_as_bearer_credentials_within_their_scopes() {
    on_each_backend(|backend| async move {
        let server = TestServer::start(&backend).await;
        seed_world(&server.store).await;
        let session = server.signed_in("test-caseworker").await;
        let created: Value = session
            .post(server.at("/api/v1/account/tokens"))
            .json(&json!({"name": "read-only", "scopes": ["read"], "days": 30}))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let token = created["token"].as_str().unwrap().to_string();
        let bare = reqwest::Client::new();
        let list = bare
            .get(server.at("/api/v1/screenings"))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap();
        assert_eq!(list.status(), 200);
        let write = bare
            .post(server.at("/api/v1/screenings"))
            .bearer_auth(&token)
            .json(&json!({"input": haven_testkit::example_input("S05-checkpoint-unclear.json")}))
            .send()
            .await
            .unwrap();
        let (status, body) = problem(write).await;
        assert_eq!(status, 403);
        assert!(body["detail"].as_str().unwrap().contains("write scope"));
        let (status, _) = problem(
            bare.get(server.at("/api/v1/screenings"))
                .bearer_auth("hvn_forged")
                .send()
                .await
                .unwrap(),
        )
        .await;
        assert_eq!(status, 401);
        let bad_scope = session
            .post(server.at("/api/v1/account/tokens"))
            .json(&json!({"name": "x", "scopes": ["all"], "days": 3}))
            .send()
            .await
            .unwrap();
        let (status, body) = problem(bad_scope).await;
        assert_eq!(
            (status, body["field"].as_str().unwrap()),
            (422, "scopes[0]")
        );
        let id = created["id"].as_str().unwrap();
        assert_eq!(
            session
                .delete(server.at(&format!("/api/v1/account/tokens/{id}")))
                .send()
                .await
                .unwrap()
                .status(),
            204
        );
        assert_eq!(
            bare.get(server.at("/api/v1/screenings"))
                .bearer_auth(&token)
                .send()
                .await
                .unwrap()
                .status(),
            401
        );
        server.stop().await;
        backend
    })
    .await;
}

#[tokio::test]
async fn a_required_second_factor_must_be_enrolled_before_anything_else() {
    on_each_backend(|backend| async move {
        let server = TestServer::start(&backend).await;
        let world = seed_world(&server.store).await;
        server
            .store
            .set_organisation_totp(AuditActor::System("test"), &world.ngo, true)
            .await
            .unwrap();
        let client = server.signed_in("test-caseworker").await;
        let me: Value = client
            .get(server.at("/api/v1/session"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(me["second_factor_done"], false);
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
            (403, "second_factor_enrolment_required")
        );
        let enrolment: Value = client
            .post(server.at("/api/v1/account/totp"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let secret = enrolment["secret"].as_str().unwrap();
        assert!(
            enrolment["otpauth_uri"]
                .as_str()
                .unwrap()
                .starts_with("otpauth://totp/Haven:test-caseworker")
        );
        let code = haven_crypto::totp_code(&decode_base32(secret), now());
        let confirmed = client
            .post(server.at("/api/v1/account/totp/confirm"))
            .json(&json!({"code": code}))
            .send()
            .await
            .unwrap();
        assert_eq!(confirmed.status(), 204);
        assert_eq!(
            client
                .get(server.at("/api/v1/screenings"))
                .send()
                .await
                .unwrap()
                .status(),
            200
        );
        // From now on sign-in needs the code.
        let fresh = server.client();
        let response = fresh
            .post(server.at("/api/v1/session"))
            .json(&json!({"username": "test-caseworker", "password": PASSWORD}))
            .send()
            .await
            .unwrap();
        let (status, body) = problem(response).await;
        assert_eq!(
            (
                status,
                body["code"].as_str().unwrap(),
                body["field"].as_str().unwrap()
            ),
            (401, "second_factor_required", "totp_code")
        );
        let code = haven_crypto::totp_code(&decode_base32(secret), now());
        let response = fresh
            .post(server.at("/api/v1/session"))
            .json(&json!({"username": "test-caseworker", "password": PASSWORD, "totp_code": code}))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200);
        server.stop().await;
        backend
    })
    .await;
}

fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
}

fn decode_base32(text: &str) -> haven_crypto::TotpSecret {
    const ALPHABET: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    let (mut buffer, mut bits, mut out) = (0u32, 0u32, Vec::new());
    for c in text.chars() {
        buffer = (buffer << 5) | ALPHABET.find(c).unwrap() as u32;
        bits += 5;
        if bits >= 8 {
            out.push((buffer >> (bits - 8)) as u8);
            bits -= 8;
        }
    }
    haven_crypto::TotpSecret::from_bytes(out)
}
