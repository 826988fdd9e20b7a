//! Data exchange over HTTP, on SQLite and PostgreSQL: CTDC microdata that a check written here
//! finds k-anonymous, HTCDS exports without identifying fields, and HTCDS imports that refuse
//! a file with errors (every error by row and column, nothing imported), import the valid rows
//! when asked, never twice, and refuse oversize files — each for the roles the exchange policy
//! names only, and audited.

mod common;

use std::collections::HashMap;

use common::{TestServer, problem, screened_people};
use haven_domain::access::Role;
use haven_store::{IdentityField, IdentityRecord};
use haven_testkit::{example_input, on_each_backend, seed_world};
use serde_json::Value;

/// The CTDC columns an outsider could know (sex, age, citizenship, country of exploitation,
/// year, forms of exploitation), as the codebook names them.
const QUASI_IDENTIFIERS: [&str; 8] = [
    "gender",
    "ageBroad",
    "citizenship",
    "CountryOfExploitation",
    "yearOfRegistration",
    "isForcedLabour",
    "isSexualExploit",
    "isOtherExploit",
];

const PARTNER_FILE: &str = "hvn_CaseId,cas_IncomingReferralDate,vic_TraffickingStatus,prs_Gender,prs_Citizenship,prs_MobilePhone\n\
    P-1,2025-03-01,PossibleVictimOfTrafficking,Feminine,NG;RO,+2348012345678\n\
    P-2,2025-02-30,PossibleVictimOfTrafficking,Female,NG,\n\
    P-3,2025-06-01,ActualVictimOfTrafficking,Masculine,GH,\n";

/// How many reads of identifying data the audit log holds.
async fn identity_reads(server: &TestServer) -> usize {
    let entries = server.store.recent_audit_entries(500, None).await.unwrap();
    entries
        .iter()
        .filter(|e| e.action == "identity.read")
        .count()
}

#[tokio::test]
async fn ctdc_microdata_is_k_anonymous_and_only_for_statisticians_and_admins() {
    on_each_backend(|backend| async move {
        let server = TestServer::start(&backend).await;
        let world = seed_world(&server.store).await;
        let caseworker = world.user(Role::Caseworker);
        screened_people(&server.store, caseworker, 14, |i| {
            if i < 12 {
                "S02-marriage-agency.json"
            } else {
                "S03-boy-begging-boarding-school.json"
            }
        })
        .await;
        let statistician = server.signed_in("test-statistician").await;
        let response = statistician
            .get(server.at("/api/v1/exports/ctdc?k=10"))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200);
        let headers = response.headers().clone();
        assert_eq!(headers["content-type"], "text/csv; charset=utf-8");
        assert_eq!(
            headers["content-disposition"],
            "attachment; filename=\"ctdc-k10.csv\""
        );
        assert_eq!(headers["cache-control"], "no-store");
        assert_eq!(headers["haven-k"], "10");
        let text = response.text().await.unwrap();
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
        let columns: Vec<usize> = QUASI_IDENTIFIERS
            .iter()
            .map(|q| header.iter().position(|h| h == q).expect(q))
            .collect();
        let mut groups: HashMap<Vec<String>, usize> = HashMap::new();
        let mut rows = 0;
        for record in reader.records() {
            let record = record.unwrap();
            let key = columns.iter().map(|&c| record[c].to_string()).collect();
            *groups.entry(key).or_default() += 1;
            rows += 1;
        }
        assert!(rows >= 12, "{text}");
        assert!(groups.values().all(|&n| n >= 10), "{groups:?}");
        for forbidden in ["P0", "S02", "case", "person"] {
            assert!(!text.contains(forbidden), "{forbidden:?} in {text}");
        }

        let report: Value = statistician
            .get(server.at("/api/v1/exports/ctdc?k=10&format=json"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(report["records_in"], 14);
        assert!(report["k_achieved"].as_u64().unwrap() >= 10, "{report}");
        assert_eq!(report["columns"].as_array().unwrap().len(), 23);

        let (status, body) = problem(
            statistician
                .get(server.at("/api/v1/exports/ctdc?k=0"))
                .send()
                .await
                .unwrap(),
        )
        .await;
        assert_eq!((status, body["field"].as_str()), (422, Some("k")));
        let (status, _) = problem(
            statistician
                .get(server.at("/api/v1/exports/ctdc?k=10&format=pdf"))
                .send()
                .await
                .unwrap(),
        )
        .await;
        assert_eq!(status, 422);

        let admin = server.signed_in("test-admin").await;
        let response = admin
            .get(server.at("/api/v1/exports/ctdc"))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200, "k defaults to 10");
        for username in [
            "test-caseworker",
            "test-supervisor",
            "test-decision-maker",
            "test-provider",
        ] {
            let client = server.signed_in(username).await;
            let (status, _) = problem(
                client
                    .get(server.at("/api/v1/exports/ctdc"))
                    .send()
                    .await
                    .unwrap(),
            )
            .await;
            assert_eq!(status, 403, "{username}");
        }
        let entries = server.store.recent_audit_entries(100, None).await.unwrap();
        let exports: Vec<_> = entries
            .iter()
            .filter(|e| e.action == "export.ctdc")
            .collect();
        assert_eq!(
            exports.len(),
            3,
            "two by the statistician, one by the admin"
        );
        assert!(
            entries
                .iter()
                .any(|e| e.action == "access.denied" && e.actor_label == "test-caseworker")
        );
        server.stop().await;
        backend
    })
    .await;
}

#[tokio::test]
async fn htcds_records_leave_without_identifying_fields_and_come_in_checked_once() {
    on_each_backend(|backend| async move {
        let server = TestServer::start(&backend).await;
        let world = seed_world(&server.store).await;
        let caseworker = world.user(Role::Caseworker);
        let identity = IdentityRecord::from([
            (IdentityField::GivenName, "Amaka".to_string()),
            (IdentityField::Phone, "+2348000000001".to_string()),
        ]);
        let person = server
            .store
            .create_person(caseworker, &identity, "test")
            .await
            .unwrap();
        server
            .store
            .record_screening(
                caseworker,
                Some(&person.id),
                &example_input("S02-marriage-agency.json"),
            )
            .await
            .unwrap();
        let admin = server.signed_in("test-admin").await;
        for (format, content_type) in [
            ("csv", "text/csv; charset=utf-8"),
            ("json", "application/json"),
            (
                "xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            ),
        ] {
            let response = admin
                .get(server.at(&format!("/api/v1/exports/htcds?format={format}")))
                .send()
                .await
                .unwrap();
            assert_eq!(response.status(), 200, "{format}");
            assert_eq!(response.headers()["content-type"], content_type);
            assert_eq!(
                response.headers()["content-disposition"],
                format!("attachment; filename=\"htcds.{format}\"").as_str()
            );
            let bytes = response.bytes().await.unwrap();
            if format != "xlsx" {
                let text = String::from_utf8(bytes.to_vec()).unwrap();
                assert!(!text.contains("prs_FirstName") && !text.contains("Amaka"));
                assert!(!text.contains("2348000000001"));
            }
        }

        // A file with errors: every error by row and column, nothing imported.
        let import = |query: &'static str, body: &'static str| {
            admin
                .post(server.at(&format!("/api/v1/imports/htcds{query}")))
                .header("content-type", "text/csv")
                .body(body)
                .send()
        };
        let (status, body) =
            problem(import("?source=partner.csv", PARTNER_FILE).await.unwrap()).await;
        assert_eq!(
            (status, body["field"].as_str()),
            (422, Some("file")),
            "{body}"
        );
        let errors = body["errors"].as_array().unwrap();
        assert!(
            errors
                .iter()
                .any(|e| e["row"] == 3 && e["column"] == "cas_IncomingReferralDate")
        );
        assert!(
            errors
                .iter()
                .any(|e| e["row"] == 3 && e["column"] == "prs_Gender")
        );
        assert_eq!(server.store.imported_case_count().await.unwrap(), 0);

        // Skipping them: the valid rows in, the others listed; again: nothing new.
        let response = import("?source=partner.csv&skip_invalid=true", PARTNER_FILE)
            .await
            .unwrap();
        assert_eq!(response.status(), 200);
        let summary: Value = response.json().await.unwrap();
        assert_eq!(
            (
                &summary["rows_read"],
                &summary["imported"],
                &summary["rejected_rows"]
            ),
            (&Value::from(3), &Value::from(2), &serde_json::json!([3]))
        );
        let again: Value = import("?skip_invalid=true", PARTNER_FILE)
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(
            (&again["imported"], &again["unchanged"]),
            (&Value::from(0), &Value::from(2))
        );
        assert_eq!(server.store.imported_case_count().await.unwrap(), 2);

        // Not a file Haven reads, no format, too large: told why, nothing imported.
        let (status, body) = problem(import("?format=json", "{not json").await.unwrap()).await;
        assert_eq!(
            (status, body["field"].as_str()),
            (422, Some("file")),
            "{body}"
        );
        let (status, body) = problem(
            admin
                .post(server.at("/api/v1/imports/htcds"))
                .header("content-type", "application/octet-stream")
                .body(PARTNER_FILE)
                .send()
                .await
                .unwrap(),
        )
        .await;
        assert_eq!((status, body["field"].as_str()), (422, Some("format")));
        let oversize = vec![b'a'; haven_web::api::exchange::MAX_IMPORT_BYTES + 1];
        let (status, body) = problem(
            admin
                .post(server.at("/api/v1/imports/htcds?format=csv"))
                .body(oversize)
                .send()
                .await
                .unwrap(),
        )
        .await;
        assert_eq!(
            (status, body["code"].as_str()),
            (413, Some("payload_too_large"))
        );
        assert_eq!(server.store.imported_case_count().await.unwrap(), 2);

        // Case records are the admin's to exchange.
        for username in ["test-statistician", "test-caseworker", "test-supervisor"] {
            let client = server.signed_in(username).await;
            let (status, _) = problem(
                client
                    .get(server.at("/api/v1/exports/htcds"))
                    .send()
                    .await
                    .unwrap(),
            )
            .await;
            assert_eq!(status, 403, "{username}");
            let (status, _) = problem(
                client
                    .post(server.at("/api/v1/imports/htcds?format=csv"))
                    .body(PARTNER_FILE)
                    .send()
                    .await
                    .unwrap(),
            )
            .await;
            assert_eq!(status, 403, "{username}");
        }
        let entries = server.store.recent_audit_entries(100, None).await.unwrap();
        assert_eq!(
            entries
                .iter()
                .filter(|e| e.action == "export.htcds")
                .count(),
            3
        );
        assert_eq!(
            entries
                .iter()
                .filter(|e| e.action == "import.htcds")
                .count(),
            2
        );

        let openapi: Value = server
            .client()
            .get(server.at("/api/openapi.json"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert!(openapi["paths"]["/api/v1/exports/ctdc"]["get"].is_object());
        assert!(openapi["paths"]["/api/v1/exports/htcds"]["get"].is_object());
        assert!(openapi["paths"]["/api/v1/imports/htcds"]["post"].is_object());
        server.stop().await;
        backend
    })
    .await;
}

#[tokio::test]
async fn identifying_fields_leave_only_encrypted_to_the_partner_and_only_with_consent() {
    on_each_backend(|backend| async move {
        let server = TestServer::start(&backend).await;
        let world = seed_world(&server.store).await;
        let caseworker = world.user(Role::Caseworker);
        let mut people = Vec::new();
        for name in ["Amaka", "Bisi"] {
            let identity = IdentityRecord::from([(IdentityField::GivenName, name.to_string())]);
            people.push(
                server
                    .store
                    .create_person(caseworker, &identity, "test")
                    .await
                    .unwrap(),
            );
        }
        let person = &people[0];
        // Bisi has a case too, without a consent to a transfer.
        let api = server.signed_in("test-caseworker").await;
        let screening: Value = api
            .post(server.at("/api/v1/screenings"))
            .json(&serde_json::json!({"person_id": people[1].id, "input": example_input("S02-marriage-agency.json")}))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let response = api
            .post(server.at("/api/v1/cases"))
            .json(&serde_json::json!({"person_id": people[1].id, "screening_id": screening["id"], "language": "en"}))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 201);
        // With a partner's key: the identifying fields of those who consented to a transfer
        // across borders, in a file only that key opens; a mistyped key reads nobody.
        let api = server.signed_in("test-caseworker").await;
        let screening: Value = api
            .post(server.at("/api/v1/screenings"))
            .json(&serde_json::json!({"person_id": person.id, "input": example_input("S02-marriage-agency.json")}))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let case: Value = api
            .post(server.at("/api/v1/cases"))
            .json(&serde_json::json!({"person_id": person.id, "screening_id": screening["id"], "language": "en"}))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let consent = serde_json::json!({"action": {"action": "give_consent", "consent": "c1",
            "purpose": "cross_border_transfer", "legal_basis": "consent", "given_by": "person",
            "informed": {"purpose": true, "uses": true, "retention": true, "withdrawal": true},
            "interpreter": null}});
        let response = api
            .post(server.at(&format!("/api/v1/cases/{}/actions", case["id"].as_str().unwrap())))
            .json(&consent)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200, "{}", response.text().await.unwrap());
        let reads_before = identity_reads(&server).await;
        let admin = server.signed_in("test-admin").await;
        let (status, body) = problem(
            admin
                .get(server.at("/api/v1/exports/htcds?recipient_key=age1notakey"))
                .send()
                .await
                .unwrap(),
        )
        .await;
        assert_eq!((status, body["field"].as_str()), (422, Some("recipient_key")));
        assert_eq!(identity_reads(&server).await, reads_before);
        if !cfg!(feature = "exchange") {
            // Built without encryption: a real key is refused the same way.
            let key = age::x25519::Identity::generate().to_public();
            let (status, _) = problem(
                admin
                    .get(server.at(&format!("/api/v1/exports/htcds?recipient_key={key}")))
                    .send()
                    .await
                    .unwrap(),
            )
            .await;
            assert_eq!(status, 422);
            server.stop().await;
            return backend;
        }
        let partner = age::x25519::Identity::generate();
        let response = admin
            .get(server.at(&format!(
                "/api/v1/exports/htcds?format=csv&recipient_key={}",
                partner.to_public()
            )))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200, "{:?}", response.headers());
        assert_eq!(
            response.headers()["content-disposition"],
            "attachment; filename=\"htcds.csv.age\""
        );
        let sealed = response.bytes().await.unwrap();
        assert!(!sealed.windows(5).any(|w| w == b"Amaka"));
        let opened = String::from_utf8(age::decrypt(&partner, &sealed).unwrap()).unwrap();
        assert!(opened.contains("prs_FirstName") && opened.contains("Amaka"), "{opened}");
        assert!(age::decrypt(&age::x25519::Identity::generate(), &sealed).is_err());
        assert_eq!(identity_reads(&server).await, reads_before + 1);

        assert!(!opened.contains("Bisi"), "no consent, no name: {opened}");
        assert_eq!(opened.lines().count(), 3, "both cases, one identified: {opened}");
        server.stop().await;
        backend
    })
    .await;
}
