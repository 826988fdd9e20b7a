//! Crash safety: the server is killed with SIGKILL in the middle of a stream of writes. After a
//! restart, every write it acknowledged is there, the projections equal a rebuild from the
//! histories, and the audit chain holds. On SQLite, and on PostgreSQL when configured.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::{Value, json};

const PASSWORD: &str = "a long enough password";

struct Server {
    child: Child,
    url: String,
}

fn start(store_args: &[String]) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_haven"))
        .arg("serve")
        .args(store_args)
        .args(["--listen", "127.0.0.1:0"])
        .env("HAVEN_LOG", "warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("haven serve starts");
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let url = line
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .expect("the address is printed")
        .to_string();
    Server { child, url }
}

fn cli(args: &[&str], store_args: &[String]) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_haven"))
        .args(args)
        .args(store_args)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

fn example(name: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../reference/screening-examples")
        .join(name);
    serde_json::from_str::<Value>(&std::fs::read_to_string(path).unwrap()).unwrap()["input"].clone()
}

async fn kill_mid_stream_and_check(store_args: Vec<String>, dir: &Path) {
    cli(
        &[
            "admin",
            "create-org",
            "--name",
            "Shelter",
            "--type",
            "NGO",
            "--no-totp",
        ],
        &store_args,
    );
    let password_file = dir.join("password");
    std::fs::write(&password_file, PASSWORD).unwrap();
    cli(
        &[
            "admin",
            "create-user",
            "--org",
            "Shelter",
            "--username",
            "writer",
            "--name",
            "W",
            "--role",
            "caseworker",
            "--password-file",
            password_file.to_str().unwrap(),
        ],
        &store_args,
    );
    let mut server = start(&store_args);
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .build()
        .unwrap();
    let signed_in = client
        .post(format!("{}/api/v1/session", server.url))
        .json(&json!({"username": "writer", "password": PASSWORD}))
        .send()
        .await
        .unwrap();
    assert_eq!(signed_in.status(), 200);

    let acknowledged = Arc::new(Mutex::new(Vec::<String>::new()));
    let inputs = [
        example("S01-construction-debt-bondage.json"),
        example("S03-boy-begging-boarding-school.json"),
        example("S06-football-agent-at-risk.json"),
    ];
    let mut writers = Vec::new();
    for w in 0..6 {
        let (client, url, acknowledged, inputs) = (
            client.clone(),
            server.url.clone(),
            acknowledged.clone(),
            inputs.clone(),
        );
        writers.push(tokio::spawn(async move {
            for i in 0.. {
                let body = json!({"input": inputs[(w + i) % inputs.len()]});
                match client
                    .post(format!("{url}/api/v1/screenings"))
                    .json(&body)
                    .send()
                    .await
                {
                    Ok(response) if response.status() == 201 => {
                        let record: Value = match response.json().await {
                            Ok(record) => record,
                            Err(_) => break,
                        };
                        acknowledged
                            .lock()
                            .unwrap()
                            .push(record["id"].as_str().unwrap().to_string());
                    }
                    _ => break,
                }
            }
        }));
    }
    // Let writes flow, then kill without warning.
    while acknowledged.lock().unwrap().len() < 150 {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    server.child.kill().unwrap();
    server.child.wait().unwrap();
    for writer in writers {
        writer.await.unwrap();
    }
    let acknowledged = acknowledged.lock().unwrap().clone();
    assert!(acknowledged.len() >= 150);

    let mut restarted = start(&store_args);
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .build()
        .unwrap();
    client
        .post(format!("{}/api/v1/session", restarted.url))
        .json(&json!({"username": "writer", "password": PASSWORD}))
        .send()
        .await
        .unwrap();
    for id in &acknowledged {
        let response = client
            .get(format!("{}/api/v1/screenings/{id}", restarted.url))
            .send()
            .await
            .unwrap();
        assert_eq!(
            response.status(),
            200,
            "acknowledged screening {id} is lost"
        );
    }
    restarted.child.kill().unwrap();
    restarted.child.wait().unwrap();
    assert!(
        cli(&["admin", "rebuild-projections"], &store_args).contains("state unchanged"),
        "projections match the histories"
    );
    assert!(cli(&["audit", "verify"], &store_args).contains("audit log intact"));
}

#[tokio::test]
async fn acknowledged_writes_survive_sigkill_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let store_args = vec![
        "--data-dir".to_string(),
        dir.path().join("data").display().to_string(),
    ];
    kill_mid_stream_and_check(store_args, dir.path()).await;
}

#[tokio::test]
async fn acknowledged_writes_survive_sigkill_on_postgres() {
    let Some(backend) = haven_testkit::postgres_backend().await else {
        return;
    };
    let haven_store::Location::Postgres { url } = &backend.config.location else {
        unreachable!()
    };
    let key_file = backend.config.key_file.clone().unwrap();
    let store_args = vec![
        "--database-url".to_string(),
        url.clone(),
        "--key-file".to_string(),
        key_file.display().to_string(),
    ];
    kill_mid_stream_and_check(store_args, backend.dir.path()).await;
    backend.cleanup().await;
}
