//! The service directory, matching, documents and the daily digest over HTTP, on SQLite and
//! PostgreSQL: who keeps the directory, why a service is or is not for a person, uploads
//! checked before anything is stored (with the 10 MiB limit on that route only), downloads as
//! attachments that are never cached and always audited, and each user's digest.

mod common;

use common::{TestServer, problem};
use haven_domain::case::documents::MAX_SIZE_BYTES;
use haven_testkit::{TestBackend, World, example_input, on_each_backend, seed_world};
use reqwest::Client;
use serde_json::{Value, json};

const PDF: &[u8] = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n";
const JPEG: &[u8] = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01";
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01";
const WEBP: &[u8] = b"RIFF\x24\x00\x00\x00WEBPVP8 \x18\x00\x00\x00";
const TEXT: &[u8] = b"Interview notes, taken with an interpreter.\n";

/// Registers a person, screens them with a worked example and opens a case from it.
async fn open_case(server: &TestServer, client: &Client, example: &str) -> Value {
    let person: Value = client
        .post(server.at("/api/v1/persons"))
        .json(&json!({"identity": {"given_name": "Sam"}, "purpose": "registration"}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let screening: Value = client
        .post(server.at("/api/v1/screenings"))
        .json(&json!({"person_id": person["id"], "input": example_input(example)}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let response = client
        .post(server.at("/api/v1/cases"))
        .json(
            &json!({"person_id": person["id"], "screening_id": screening["id"], "language": "en"}),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 201);
    response.json().await.unwrap()
}

async fn act(server: &TestServer, client: &Client, case_id: &str, action: Value) -> Value {
    let response = client
        .post(server.at(&format!("/api/v1/cases/{case_id}/actions")))
        .json(&json!({"action": action}))
        .send()
        .await
        .unwrap();
    let status = response.status();
    let body: Value = response.json().await.unwrap();
    assert_eq!(status, 200, "{action}: {body}");
    body
}

fn service(provider: &str, name: &str, kind: &str, women_only: bool, capacity: Value) -> Value {
    json!({"provider": provider, "name": name, "kind": kind,
           "eligibility": {"genders": "everyone", "ages": {"min": null, "max": null}, "women_only": women_only,
                           "child_friendly": true, "languages": ["en"], "disability_access": true},
           "staff_genders": if women_only { json!(["Feminine"]) } else { json!(["Feminine", "Masculine"]) },
           "location": "port-city", "capacity": capacity})
}

async fn post_service(server: &TestServer, client: &Client, body: &Value) -> reqwest::Response {
    client
        .post(server.at("/api/v1/services"))
        .json(body)
        .send()
        .await
        .unwrap()
}

async fn upload(
    server: &TestServer,
    client: &Client,
    case_id: &str,
    kind: &str,
    content_type: &str,
    content: Vec<u8>,
) -> reqwest::Response {
    client
        .post(server.at(&format!("/api/v1/cases/{case_id}/documents?kind={kind}")))
        .header("content-type", content_type)
        .body(content)
        .send()
        .await
        .unwrap()
}

/// The names of the services a directory query lists.
async fn names(server: &TestServer, client: &Client, query: &str) -> Vec<String> {
    let body: Value = client
        .get(server.at(&format!("/api/v1/services{query}")))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    body["services"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap().to_string())
        .collect()
}

async fn stored_documents(backend: &TestBackend) -> i64 {
    backend
        .raw_count("SELECT COUNT(*) FROM case_documents")
        .await
}

async fn audit_actions(server: &TestServer, record_id: &str) -> Vec<(String, Vec<String>)> {
    server
        .store
        .audit_entries_for_record(record_id)
        .await
        .unwrap()
        .into_iter()
        .map(|e| (e.action, e.fields))
        .collect()
}

#[tokio::test]
async fn admins_keep_the_directory_providers_their_own_entries_and_everyone_reads_it() {
    on_each_backend(|backend| async move {
        let server = TestServer::start(&backend).await;
        let world = seed_world(&server.store).await;
        let admin = server.signed_in("test-admin").await;
        let provider = server.signed_in("test-provider").await;
        let caseworker = server.signed_in("test-caseworker").await;

        let response = post_service(&server, &admin, &service(&world.ngo, "Legal aid", "legal_aid", false, Value::Null)).await;
        assert_eq!(response.status(), 201);
        let legal: Value = response.json().await.unwrap();
        assert_eq!((legal["name"].as_str(), legal["version"].as_i64()), (Some("Legal aid"), Some(1)));
        let response = post_service(&server, &provider, &service(&world.shelter, "Night shelter", "shelter", false,
            json!({"total": 10, "free": 0}))).await;
        assert_eq!(response.status(), 201);
        let night: Value = response.json().await.unwrap();
        let night_id = night["id"].as_str().unwrap();

        let (status, body) = problem(post_service(&server, &provider, &service(&world.ngo, "Clinic", "medical", false, Value::Null)).await).await;
        assert_eq!((status, body["code"].as_str()), (403, Some("forbidden")), "{body}");
        let (status, _) = problem(post_service(&server, &caseworker, &service(&world.shelter, "X", "medical", false, Value::Null)).await).await;
        assert_eq!(status, 403);
        let (status, body) = problem(post_service(&server, &admin, &json!({"provider": world.ngo, "name": "X"})).await).await;
        assert_eq!((status, body["code"].as_str()), (422, Some("invalid_input")), "{body}");

        // Places: the provider's own, within what the service has, at the version last seen.
        let capacity = |client: &Client, id: &str, body: Value| {
            client.put(server.at(&format!("/api/v1/services/{id}/capacity"))).json(&body).send()
        };
        let response = capacity(&provider, night_id, json!({"expected_version": 1, "free": 3})).await.unwrap();
        assert_eq!(response.status(), 200);
        let (status, body) = problem(capacity(&provider, night_id, json!({"expected_version": 1, "free": 2})).await.unwrap()).await;
        assert_eq!((status, body["code"].as_str()), (409, Some("conflict")));
        let (status, body) = problem(capacity(&provider, night_id, json!({"free": 11})).await.unwrap()).await;
        assert_eq!((status, body["field"].as_str()), (422, Some("free")), "{body}");
        let (status, _) = problem(capacity(&provider, legal["id"].as_str().unwrap(), json!({"free": 1})).await.unwrap()).await;
        assert_eq!(status, 403, "another organisation's service");
        let response = admin
            .put(server.at(&format!("/api/v1/services/{night_id}")))
            .json(&json!({"expected_version": 2, "service": service(&world.shelter, "Night shelter (east)", "shelter", true,
                json!({"total": 12, "free": 4}))}))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200);
        let changed: Value = response.json().await.unwrap();
        assert_eq!((changed["id"].as_str(), changed["version"].as_i64()), (Some(night_id), Some(3)));

        // Everyone signed in reads it, filtered by kind, provider and free places.
        assert_eq!(names(&server, &caseworker, "").await, ["Legal aid", "Night shelter (east)"]);
        assert_eq!(names(&server, &caseworker, "?kind=shelter").await, ["Night shelter (east)"]);
        let of_ngo = format!("?organisation={}", world.ngo);
        assert_eq!(names(&server, &caseworker, &of_ngo).await, ["Legal aid"]);
        assert_eq!(
            names(&server, &caseworker, "?places_free=true").await,
            ["Legal aid", "Night shelter (east)"]
        );
        let (status, body) = problem(caseworker.get(server.at("/api/v1/services?kind=spa")).send().await.unwrap()).await;
        assert_eq!((status, body["field"].as_str()), (422, Some("kind")), "{body}");
        assert!(body["detail"].as_str().unwrap().contains("shelter, medical"), "{body}");

        let refused = audit_actions(&server, legal["id"].as_str().unwrap()).await;
        assert!(refused.iter().any(|(a, _)| a == "access.denied"), "{refused:?}");
        let audit = audit_actions(&server, night_id).await;
        for expected in ["service.add", "service.set_places_free", "service.update"] {
            assert!(audit.iter().any(|(a, _)| a == expected), "{expected}: {audit:?}");
        }
        server.stop().await;
        backend
    })
    .await;
}

#[tokio::test]
async fn matching_explains_each_service_in_words_and_ranks_a_full_one_after_those_with_places() {
    on_each_backend(|backend| async move {
        let server = TestServer::start(&backend).await;
        let world = seed_world(&server.store).await;
        let admin = server.signed_in("test-admin").await;
        let caseworker = server.signed_in("test-caseworker").await;
        for body in [
            service(
                &world.shelter,
                "Safe Harbour women's shelter",
                "shelter",
                true,
                json!({"total": 12, "free": 3}),
            ),
            service(
                &world.ngo,
                "Full night shelter",
                "shelter",
                false,
                json!({"total": 8, "free": 0}),
            ),
            service(
                &world.ngo,
                "Port City shelter",
                "shelter",
                false,
                json!({"total": 20, "free": 1}),
            ),
        ] {
            assert_eq!(post_service(&server, &admin, &body).await.status(), 201);
        }
        let case = open_case(&server, &caseworker, "S01-construction-debt-bondage.json").await;
        let id = case["id"].as_str().unwrap();
        act(
            &server,
            &caseworker,
            id,
            json!({"action": "record_needs", "services": ["shelter"],
            "disability_access": false, "location": "port-city"}),
        )
        .await;

        let response = caseworker
            .get(server.at(&format!("/api/v1/cases/{id}/matching-services")))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200);
        let body: Value = response.json().await.unwrap();
        let matches = body["matches"].as_array().unwrap();
        let summary: Vec<(i64, &str, bool, Vec<&str>)> = matches
            .iter()
            .map(|m| {
                (
                    m["rank"].as_i64().unwrap(),
                    m["service"]["name"].as_str().unwrap(),
                    m["eligible"].as_bool().unwrap(),
                    m["reasons"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|r| r["text"].as_str().unwrap())
                        .collect(),
                )
            })
            .collect();
        assert_eq!(
            summary,
            [
                (1, "Port City shelter", true, vec![]),
                (
                    2,
                    "Safe Harbour women's shelter",
                    false,
                    vec!["women-only shelter; adult men not eligible"]
                ),
                (3, "Full night shelter", false, vec!["no places free"]),
            ],
            "{}: {body}",
            backend.name
        );
        assert_eq!(matches[1]["reasons"][0]["reason"], "women_only");
        // In the language the caseworker chose.
        server
            .store
            .set_user_language(world.user(haven_domain::access::Role::Caseworker), "fr")
            .await
            .unwrap();
        let body: Value = caseworker
            .get(server.at(&format!("/api/v1/cases/{id}/matching-services")))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(
            body["matches"][2]["reasons"][0]["text"],
            "aucune place disponible"
        );
        assert_eq!(matches[1]["reasons"][0]["gender"], "Masculine");
        assert_eq!(matches[1]["reasons"][0]["excludes"], true);

        // Only those who may read the case may match it.
        let provider = server.signed_in("test-provider").await;
        let (status, _) = problem(
            provider
                .get(server.at(&format!("/api/v1/cases/{id}/matching-services")))
                .send()
                .await
                .unwrap(),
        )
        .await;
        assert_eq!(status, 403);
        server.stop().await;
        backend
    })
    .await;
}

#[tokio::test]
async fn uploads_are_checked_before_anything_is_stored_and_downloads_are_audited_attachments() {
    on_each_backend(|backend| async move {
        let server = TestServer::start(&backend).await;
        let _world = seed_world(&server.store).await;
        let caseworker = server.signed_in("test-caseworker").await;
        let case = open_case(&server, &caseworker, "S02-marriage-agency.json").await;
        let id = case["id"].as_str().unwrap();

        let mut documents = Vec::new();
        for (content_type, content, extension) in [
            ("application/pdf", PDF, "pdf"),
            ("image/jpeg", JPEG, "jpg"),
            ("image/png", PNG, "png"),
            ("image/webp", WEBP, "webp"),
            ("text/plain", TEXT, "txt"),
        ] {
            let response = upload(
                &server,
                &caseworker,
                id,
                "medical_report",
                content_type,
                content.to_vec(),
            )
            .await;
            assert_eq!(response.status(), 201, "{content_type}");
            let body: Value = response.json().await.unwrap();
            assert_eq!(body["document"]["media_type"], content_type);
            assert_eq!(body["document"]["size_bytes"], content.len());
            assert_eq!(
                body["document"]["sha256"],
                haven_crypto::sha256_hex(content)
            );
            let document = body["document"]["id"].as_str().unwrap().to_string();

            let download = caseworker
                .get(server.at(&format!("/api/v1/cases/{id}/documents/{document}")))
                .send()
                .await
                .unwrap();
            assert_eq!(download.status(), 200);
            let headers = download.headers().clone();
            assert_eq!(headers["content-type"], content_type);
            assert_eq!(headers["cache-control"], "no-store");
            assert_eq!(
                headers["content-disposition"].to_str().unwrap(),
                format!("attachment; filename=\"{document}.{extension}\"")
            );
            assert_eq!(headers["x-content-type-options"], "nosniff");
            assert_eq!(download.bytes().await.unwrap().as_ref(), content);
            documents.push(document);
        }
        let audit = audit_actions(&server, id).await;
        for document in &documents {
            assert!(
                audit.contains(&("document.read".to_string(), vec![document.clone()])),
                "{document}: {audit:?}"
            );
            assert!(audit.contains(&("case.attach_document".to_string(), vec![document.clone()])));
        }

        // Refusals: another type, content that is not what it says, too large, no kind.
        let before = stored_documents(&backend).await;
        let (status, body) = problem(
            upload(
                &server,
                &caseworker,
                id,
                "photo",
                "application/zip",
                b"PK\x03\x04".to_vec(),
            )
            .await,
        )
        .await;
        assert_eq!(
            (status, body["code"].as_str()),
            (415, Some("unsupported_media_type")),
            "{body}"
        );
        let (status, body) =
            problem(upload(&server, &caseworker, id, "photo", "image/png", PDF.to_vec()).await)
                .await;
        assert_eq!(
            (status, body["field"].as_str()),
            (422, Some("content")),
            "{body}"
        );
        assert!(
            body["detail"].as_str().unwrap().contains("first bytes"),
            "{body}"
        );
        let (status, body) = problem(
            upload(
                &server,
                &caseworker,
                id,
                "photo",
                "text/plain",
                vec![b'a'; MAX_SIZE_BYTES as usize + 1],
            )
            .await,
        )
        .await;
        assert_eq!(
            (status, body["code"].as_str()),
            (413, Some("payload_too_large")),
            "{body}"
        );
        assert!(
            body["detail"].as_str().unwrap().contains("10 MiB"),
            "{body}"
        );
        let (status, body) = problem(
            upload(
                &server,
                &caseworker,
                id,
                "selfie",
                "image/png",
                PNG.to_vec(),
            )
            .await,
        )
        .await;
        assert_eq!(
            (status, body["field"].as_str()),
            (422, Some("kind")),
            "{body}"
        );
        assert_eq!(
            stored_documents(&backend).await,
            before,
            "{}: nothing stored",
            backend.name
        );
        // Exactly 10 MiB is accepted on this route, while other routes keep their 256 KiB.
        let mut largest = b"%PDF-1.7\n".to_vec();
        largest.resize(MAX_SIZE_BYTES as usize, b' ');
        assert_eq!(
            upload(
                &server,
                &caseworker,
                id,
                "other",
                "application/pdf",
                largest
            )
            .await
            .status(),
            201
        );
        let removal = json!({"reason": "x".repeat(300 * 1024)});
        let (status, _) = problem(
            caseworker
                .delete(server.at(&format!("/api/v1/cases/{id}/documents/{}", documents[0])))
                .json(&removal)
                .send()
                .await
                .unwrap(),
        )
        .await;
        assert_eq!(status, 413);
        // A document is never attached as a bare action, without its content.
        let response = caseworker
            .post(server.at(&format!("/api/v1/cases/{id}/actions")))
            .json(
                &json!({"action": {"action": "attach_document", "document": "d1", "kind": "photo",
                "media_type": "image/png", "size_bytes": 10, "sha256": "ab".repeat(32)}}),
            )
            .send()
            .await
            .unwrap();
        let (status, body) = problem(response).await;
        assert_eq!(
            (status, body["field"].as_str()),
            (422, Some("action")),
            "{body}"
        );
        server.stop().await;
        backend
    })
    .await;
}

#[tokio::test]
async fn a_provider_without_an_accepted_referral_is_refused_and_removed_or_erased_documents_are_gone()
 {
    on_each_backend(|backend| async move {
        let server = TestServer::start(&backend).await;
        let world: World = seed_world(&server.store).await;
        let caseworker = server.signed_in("test-caseworker").await;
        let provider = server.signed_in("test-provider").await;
        let case = open_case(&server, &caseworker, "S02-marriage-agency.json").await;
        let id = case["id"].as_str().unwrap();
        let person = case["person_id"].as_str().unwrap();
        let response = upload(&server, &caseworker, id, "medical_report", "application/pdf", PDF.to_vec()).await;
        let body: Value = response.json().await.unwrap();
        let document = body["document"]["id"].as_str().unwrap().to_string();
        let url = server.at(&format!("/api/v1/cases/{id}/documents/{document}"));

        act(&server, &caseworker, id, json!({"action": "give_consent", "consent": "c1", "purpose": {"referral": world.shelter},
            "legal_basis": "consent", "given_by": "person",
            "informed": {"purpose": true, "uses": true, "retention": true, "withdrawal": true}, "interpreter": null})).await;
        act(&server, &caseworker, id, json!({"action": "refer", "referral": "r1",
            "to": {"organisation": world.shelter, "role": "shelter"}, "fields": ["case_reference"]})).await;
        let (status, body) = problem(provider.get(&url).send().await.unwrap()).await;
        assert_eq!((status, body["code"].as_str()), (403, Some("forbidden")), "{body}");
        let refusals: Vec<(String, Vec<String>)> = audit_actions(&server, id).await.into_iter().filter(|(a, _)| a == "access.denied").collect();
        assert_eq!(refusals, [("access.denied".to_string(), vec![document.clone()])], "the refusal is audited");
        act(&server, &provider, id, json!({"action": "accept_referral", "referral": "r1"})).await;
        assert_eq!(provider.get(&url).send().await.unwrap().status(), 200);

        // Removed: the record stays, the content is gone.
        let (status, _) = problem(caseworker.delete(&url).json(&json!({"reason": ""})).send().await.unwrap()).await;
        assert_eq!(status, 422, "a reason is needed");
        let response = caseworker.delete(&url).json(&json!({"reason": "Scanned into the wrong case."})).send().await.unwrap();
        assert_eq!(response.status(), 200);
        let updated: Value = response.json().await.unwrap();
        assert_eq!(updated["case"]["documents"][0]["removed"]["reason"], "Scanned into the wrong case.");
        let (status, body) = problem(caseworker.get(&url).send().await.unwrap()).await;
        assert_eq!((status, body["code"].as_str()), (410, Some("gone")), "{body}");
        assert_eq!(stored_documents(&backend).await, 0);

        // Erased: the person's key and every document's content go.
        let response = upload(&server, &caseworker, id, "photo", "image/png", PNG.to_vec()).await;
        let body: Value = response.json().await.unwrap();
        let photo = server.at(&format!("/api/v1/cases/{id}/documents/{}", body["document"]["id"].as_str().unwrap()));
        let supervisor = server.signed_in("test-supervisor").await;
        let response = supervisor
            .post(server.at(&format!("/api/v1/persons/{person}/erase")))
            .json(&json!({"reason": "the person asked"}))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 204, "{}", response.text().await.unwrap());
        let (status, body) = problem(caseworker.get(&photo).send().await.unwrap()).await;
        assert_eq!((status, body["code"].as_str()), (409, Some("conflict")), "{body}");
        assert!(body["detail"].as_str().unwrap().contains("erased"), "{body}");
        assert_eq!(stored_documents(&backend).await, 0, "{}", backend.name);
        server.stop().await;
        backend
    })
    .await;
}

#[tokio::test]
async fn the_digest_gives_the_caseworker_and_the_supervisor_their_items() {
    on_each_backend(|backend| async move {
        let server = TestServer::start(&backend).await;
        let world = seed_world(&server.store).await;
        let caseworker = server.signed_in("test-caseworker").await;
        let supervisor = server.signed_in("test-supervisor").await;
        // A child's case opened now: the child-protection referral and the guardian are due in
        // the coming days, not today.
        let case = open_case(&server, &caseworker, "S03-boy-begging-boarding-school.json").await;
        let id = case["id"].as_str().unwrap();
        // A child's case opened a month ago with nothing done since: both are escalated.
        let late = late_case(&server, &world).await;

        let body: Value = caseworker
            .get(server.at("/api/v1/digest"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let escalated: Vec<(&str, &str)> = body["digest"]["escalated"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| {
                (
                    i["case"].as_str().unwrap(),
                    i["item"]["kind"].as_str().unwrap(),
                )
            })
            .collect();
        assert_eq!(
            escalated,
            [
                (late.as_str(), "child_protection_referral"),
                (late.as_str(), "guardian_appointment")
            ],
            "{}: {body}",
            backend.name
        );
        assert!(
            !body["digest"].to_string().contains(id),
            "nothing of the new case is late or due today: {body}"
        );
        let text = body["text"].as_str().unwrap();
        assert!(text.starts_with("Daily digest for "), "{text}");
        assert!(text.contains("Escalated to the supervisor (2)"), "{text}");
        assert!(
            text.contains(&format!("- {late}: appointment of a guardian, due ")),
            "{text}"
        );

        let body: Value = supervisor
            .get(server.at("/api/v1/digest"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(
            body["digest"]["escalated"].as_array().unwrap().len(),
            2,
            "{body}"
        );
        let provider = server.signed_in("test-provider").await;
        let body: Value = provider
            .get(server.at("/api/v1/digest"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert!(
            body["text"]
                .as_str()
                .unwrap()
                .contains("Nothing is due today"),
            "{body}"
        );
        server.stop().await;
        backend
    })
    .await;
}

/// A child's case opened a month ago with nothing done since, written through the store.
async fn late_case(server: &TestServer, world: &World) -> String {
    let caseworker = world.user(haven_domain::access::Role::Caseworker);
    let identity = haven_store::IdentityRecord::from([(
        haven_store::IdentityField::GivenName,
        "Ali".to_string(),
    )]);
    let person = server
        .store
        .create_person(caseworker, &identity, "registration")
        .await
        .unwrap();
    let month_ago = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis() as i64
        - 30 * 86_400_000;
    let record = server
        .store
        .open_case_at(
            caseworker,
            &haven_store::OpenCase {
                person_id: person.id,
                child: Some(true),
                ..haven_store::OpenCase::default()
            },
            month_ago,
        )
        .await
        .unwrap();
    record.id
}
