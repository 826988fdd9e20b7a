//! Boots the real server on a loopback port over a real store, and signs users in over HTTP.
#![allow(dead_code)]

use haven_store::{IdentityField, IdentityRecord, Principal, Store};
use haven_testkit::{PASSWORD, TestBackend, example_input};
use haven_web::{AppState, WebConfig};
use serde_json::{Value, json};

pub struct TestServer {
    pub url: String,
    pub store: Store,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    task: Option<tokio::task::JoinHandle<()>>,
}

impl TestServer {
    pub async fn start(backend: &TestBackend) -> TestServer {
        TestServer::start_with(backend, WebConfig::default()).await
    }

    pub async fn start_with(backend: &TestBackend, config: WebConfig) -> TestServer {
        let store = backend.open().await;
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        let state = AppState::new(store.clone(), config);
        let task = tokio::spawn(async move {
            haven_web::serve(listener, state, async move {
                let _ = rx.await;
            })
            .await
            .unwrap();
        });
        TestServer {
            url,
            store,
            shutdown: Some(tx),
            task: Some(task),
        }
    }

    pub fn client(&self) -> reqwest::Client {
        reqwest::Client::builder()
            .cookie_store(true)
            .build()
            .unwrap()
    }

    /// A client signed in as `username` (a fixture user, whose password is the kit's).
    pub async fn signed_in(&self, username: &str) -> reqwest::Client {
        let client = self.client();
        let response = client
            .post(format!("{}/api/v1/session", self.url))
            .json(&json!({"username": username, "password": PASSWORD}))
            .send()
            .await
            .unwrap();
        assert_eq!(
            response.status(),
            200,
            "sign-in of {username}: {}",
            response.text().await.unwrap()
        );
        client
    }

    pub fn at(&self, path: &str) -> String {
        format!("{}{path}", self.url)
    }

    pub async fn stop(mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(task) = self.task.take() {
            let _ = task.await;
        }
        self.store.close().await;
    }
}

/// The problem `code` of an error response, checking its content type.
pub async fn problem(response: reqwest::Response) -> (u16, Value) {
    let status = response.status().as_u16();
    let content_type = response
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_string());
    assert_eq!(
        content_type.as_deref(),
        Some("application/problem+json"),
        "status {status}"
    );
    (status, response.json().await.unwrap())
}

/// `count` registered people screened by `by`, person `i` with the example input `example(i)`.
pub async fn screened_people(
    store: &Store,
    by: &Principal,
    count: usize,
    example: impl Fn(usize) -> &'static str,
) {
    for i in 0..count {
        let identity = IdentityRecord::from([(IdentityField::GivenName, format!("P{i}"))]);
        let person = store.create_person(by, &identity, "test").await.unwrap();
        store
            .record_screening(by, Some(&person.id), &example_input(example(i)))
            .await
            .unwrap();
    }
}

/// This year, as the reports count years (UTC).
pub fn this_year() -> i64 {
    let ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis() as i64;
    haven_domain::case::Timestamp(ms).date().ymd().0
}
