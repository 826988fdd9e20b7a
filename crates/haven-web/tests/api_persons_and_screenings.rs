//! The identity vault and the identification engine over HTTP, per role.

mod common;

use common::{TestServer, problem};
use haven_testkit::{example_input, on_each_backend, seed_world};
use serde_json::{Value, json};

#[tokio::test]
async fn a_caseworker_registers_screens_reads_and_the_person_sees_who_looked() {
    on_each_backend(|backend| async move {
        let server = TestServer::start(&backend).await;
        seed_world(&server.store).await;
        let caseworker = server.signed_in("test-caseworker").await;
        let person: Value = caseworker
            .post(server.at("/api/v1/persons"))
            .json(&json!({"identity": {"given_name": "Lina", "family_name": "Haddad", "phone": "+961 3 123 456"}, "purpose": "registration"}))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let id = person["id"].as_str().unwrap().to_string();
        assert!(person.get("identity").is_none(), "the pseudonymous record carries no identity");

        let screening = caseworker
            .post(server.at("/api/v1/screenings"))
            .json(&json!({"person_id": id, "input": example_input("S02-marriage-agency.json")}))
            .send()
            .await
            .unwrap();
        assert_eq!(screening.status(), 201);
        let screening: Value = screening.json().await.unwrap();
        assert_eq!(screening["result"]["ilo"]["warnings"], json!(["LIST_WEIGHTS_UNVERIFIED"]));
        let read: Value = caseworker.get(server.at(&format!("/api/v1/screenings/{}", screening["id"].as_str().unwrap()))).send().await.unwrap().json().await.unwrap();
        assert_eq!(read["result"], screening["result"]);

        let identity = caseworker.get(server.at(&format!("/api/v1/persons/{id}/identity?purpose=safety%20call&fields=phone"))).send().await.unwrap();
        assert_eq!(identity.headers().get("cache-control").unwrap(), "no-store");
        let identity: Value = identity.json().await.unwrap();
        assert_eq!(identity["identity"], json!({"phone": "+961 3 123 456"}));

        let found: Value = caseworker
            .post(server.at("/api/v1/persons/search"))
            .json(&json!({"field": "family_name", "value": "haddad"}))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(found.as_array().unwrap().len(), 1);

        let history: Value = caseworker.get(server.at(&format!("/api/v1/persons/{id}/access-history"))).send().await.unwrap().json().await.unwrap();
        let read = history.as_array().unwrap().iter().find(|e| e["action"] == "identity.read").expect("the read is listed");
        assert_eq!(read["purpose"], "safety call");
        assert_eq!(read["actor"], "test-caseworker");
        server.stop().await;
        backend
    })
    .await;
}

#[tokio::test]
async fn roles_without_a_relationship_are_refused_and_the_refusal_is_audited() {
    on_each_backend(|backend| async move {
        let server = TestServer::start(&backend).await;
        seed_world(&server.store).await;
        let caseworker = server.signed_in("test-caseworker").await;
        let person: Value = caseworker
            .post(server.at("/api/v1/persons"))
            .json(&json!({"identity": {"given_name": "Lina"}, "purpose": "registration"}))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let id = person["id"].as_str().unwrap();
        for username in [
            "test-statistician",
            "test-admin",
            "test-provider",
            "test-caseworker-2",
        ] {
            let other = server.signed_in(username).await;
            let (status, body) = problem(
                other
                    .get(server.at(&format!("/api/v1/persons/{id}/identity?purpose=curiosity")))
                    .send()
                    .await
                    .unwrap(),
            )
            .await;
            assert_eq!(
                (status, body["code"].as_str().unwrap()),
                (403, "forbidden"),
                "{username}"
            );
        }
        let admin = server.signed_in("test-admin").await;
        let log: Value = admin
            .get(server.at("/api/v1/audit?limit=50"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let denied = log
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["outcome"] == "denied" && e["record_id"] == id)
            .count();
        assert_eq!(denied, 4);
        let verify: Value = admin
            .get(server.at("/api/v1/audit/verify"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(verify["intact"], true);
        let (status, _) = problem(
            caseworker
                .get(server.at("/api/v1/audit"))
                .send()
                .await
                .unwrap(),
        )
        .await;
        assert_eq!(status, 403, "the whole audit log is for admins");
        server.stop().await;
        backend
    })
    .await;
}

#[tokio::test]
async fn a_supervisor_erases_on_request_and_the_identity_is_gone() {
    on_each_backend(|backend| async move {
        let server = TestServer::start(&backend).await;
        seed_world(&server.store).await;
        let caseworker = server.signed_in("test-caseworker").await;
        let person: Value = caseworker
            .post(server.at("/api/v1/persons"))
            .json(&json!({"identity": {"given_name": "Lina", "family_name": "Haddad"}, "purpose": "registration"}))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let id = person["id"].as_str().unwrap();
        let supervisor = server.signed_in("test-supervisor").await;
        let erased = supervisor.post(server.at(&format!("/api/v1/persons/{id}/erase"))).json(&json!({"reason": "the person asked"})).send().await.unwrap();
        assert_eq!(erased.status(), 204);
        let (status, body) = problem(caseworker.get(server.at(&format!("/api/v1/persons/{id}/identity?purpose=check"))).send().await.unwrap()).await;
        assert_eq!((status, body["code"].as_str().unwrap()), (409, "conflict"));
        let record: Value = caseworker.get(server.at(&format!("/api/v1/persons/{id}"))).send().await.unwrap().json().await.unwrap();
        assert!(record["erased_at"].is_i64());
        server.stop().await;
        backend
    })
    .await;
}

#[tokio::test]
async fn admins_manage_organisations_and_users_and_nobody_else_does() {
    on_each_backend(|backend| async move {
        let server = TestServer::start(&backend).await;
        let world = seed_world(&server.store).await;
        let admin = server.signed_in("test-admin").await;
        let created = admin.post(server.at("/api/v1/organisations")).json(&json!({"name": "Labour Inspectorate", "org_type": "CentralGovernmentOrganisation"})).send().await.unwrap();
        assert_eq!(created.status(), 201);
        let (status, body) = problem(admin.post(server.at("/api/v1/organisations")).json(&json!({"name": "X", "org_type": "Charity"})).send().await.unwrap()).await;
        assert_eq!((status, body["field"].as_str().unwrap()), (422, "org_type"));
        let user = admin
            .post(server.at("/api/v1/users"))
            .json(&json!({"organisation_id": world.ngo, "username": "new-screener", "display_name": "New", "role": "screener", "password": "a long enough password"}))
            .send()
            .await
            .unwrap();
        assert_eq!(user.status(), 201);
        let user: Value = user.json().await.unwrap();
        let (status, _) = problem(admin.post(server.at("/api/v1/users")).json(&json!({"organisation_id": world.ngo, "username": "new-screener", "display_name": "New", "role": "screener", "password": "a long enough password"})).send().await.unwrap()).await;
        assert_eq!(status, 409);
        assert_eq!(admin.post(server.at(&format!("/api/v1/users/{}/disable", user["id"].as_str().unwrap()))).send().await.unwrap().status(), 204);
        let policy = admin
            .put(server.at(&format!("/api/v1/organisations/{}/second-factor", world.ngo)))
            .json(&json!({"required": true}))
            .send()
            .await
            .unwrap();
        assert_eq!(policy.status(), 204);
        let caseworker = server.signed_in("test-caseworker").await;
        let me: Value = caseworker.get(server.at("/api/v1/session")).send().await.unwrap().json().await.unwrap();
        assert_eq!(me["second_factor_done"], false, "the organisation now requires a second factor");
        let (status, _) = problem(caseworker.get(server.at("/api/v1/users")).send().await.unwrap()).await;
        assert_eq!(status, 403);
        let statistician = server.signed_in("test-statistician").await;
        let (status, body) = problem(
            statistician
                .put(server.at(&format!("/api/v1/organisations/{}/second-factor", world.ngo)))
                .json(&json!({"required": false}))
                .send()
                .await
                .unwrap(),
        )
        .await;
        assert_eq!((status, body["code"].as_str().unwrap()), (403, "forbidden"), "only admins change the policy");
        server.stop().await;
        backend
    })
    .await;
}

#[tokio::test]
async fn a_new_registration_shows_possible_matches_and_a_caseworker_links_them() {
    on_each_backend(|backend| async move {
        let server = TestServer::start(&backend).await;
        seed_world(&server.store).await;
        let caseworker = server.signed_in("test-caseworker").await;
        let register = |given: &str| {
            caseworker
                .post(server.at("/api/v1/persons"))
                .json(&json!({"identity": {"given_name": given, "family_name": "Mensah", "date_of_birth": "1994-03-08"}, "purpose": "registration"}))
                .send()
        };
        let first: Value = register("Abena").await.unwrap().json().await.unwrap();
        assert_eq!(first["possible_matches"]["matches"], json!([]));
        let second: Value = register("Abena").await.unwrap().json().await.unwrap();
        let matches = second["possible_matches"]["matches"].as_array().unwrap();
        assert_eq!(matches.len(), 1, "{second}");
        assert_eq!(matches[0]["person_id"], first["id"]);
        assert_eq!(second["id"].as_str().unwrap().len(), 36, "the person's own fields are flattened in");

        let screening: Value = caseworker
            .post(server.at("/api/v1/screenings"))
            .json(&json!({"person_id": second["id"], "input": example_input("S05-checkpoint-unclear.json")}))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(screening["possible_matches"]["matches"][0]["person_id"], first["id"]);

        let link = caseworker
            .post(server.at(&format!("/api/v1/persons/{}/links", second["id"].as_str().unwrap())))
            .json(&json!({"other_person_id": first["id"]}))
            .send()
            .await
            .unwrap();
        assert_eq!(link.status(), 204);
        let now: Value = caseworker
            .get(server.at(&format!("/api/v1/persons/{}/possible-matches", first["id"].as_str().unwrap())))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(now["matches"][0]["linked"], true);
        let unlink = caseworker
            .delete(server.at(&format!("/api/v1/persons/{}/links/{}", first["id"].as_str().unwrap(), second["id"].as_str().unwrap())))
            .send()
            .await
            .unwrap();
        assert_eq!(unlink.status(), 204);
        server.stop().await;
        backend
    })
    .await;
}
