//! Three journeys through the national referral mechanism over HTTP, on SQLite and PostgreSQL,
//! each with its audit trail and who can see what: an adult woman from a camp to a safe return,
//! a boy of fifteen through the child track to school, and an adult who declines referral.

mod common;

use common::{TestServer, problem};
use haven_domain::access::Role;
use haven_testkit::{example_input, on_each_backend, seed_world};
use reqwest::Client;
use serde_json::{Value, json};

/// Registers a person, screens them with a worked example and opens a case from the screening.
async fn open_case(server: &TestServer, client: &Client, given_name: &str, example: &str) -> Value {
    let person: Value = client
        .post(server.at("/api/v1/persons"))
        .json(&json!({"identity": {"given_name": given_name, "family_name": "Doe"}, "purpose": "registration"}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let person_id = person["id"].as_str().unwrap();
    let screening: Value = client
        .post(server.at("/api/v1/screenings"))
        .json(&json!({"person_id": person_id, "input": example_input(example)}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let response = client
        .post(server.at("/api/v1/cases"))
        .json(&json!({"person_id": person_id, "screening_id": screening["id"], "language": "en"}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 201);
    response.json().await.unwrap()
}

/// Takes an action that the case must allow, giving back the version last seen.
async fn act(server: &TestServer, client: &Client, case: &Value, action: Value) -> Value {
    let id = case["id"].as_str().unwrap();
    let response = client
        .post(server.at(&format!("/api/v1/cases/{id}/actions")))
        .json(&json!({"expected_version": case["version"], "action": action}))
        .send()
        .await
        .unwrap();
    let status = response.status();
    let body: Value = response.json().await.unwrap();
    assert_eq!(status, 200, "{action}: {body}");
    body
}

async fn refused(
    server: &TestServer,
    client: &Client,
    case: &Value,
    action: Value,
) -> (u16, Value) {
    let id = case["id"].as_str().unwrap();
    problem(
        client
            .post(server.at(&format!("/api/v1/cases/{id}/actions")))
            .json(&json!({"action": action}))
            .send()
            .await
            .unwrap(),
    )
    .await
}

fn consent(id: &str, purpose: Value) -> Value {
    json!({"action": "give_consent", "consent": id, "purpose": purpose, "legal_basis": "consent",
           "given_by": "person", "informed": {"purpose": true, "uses": true, "retention": true, "withdrawal": true},
           "interpreter": null})
}

fn guardian_consent(id: &str, organisation: &str, guardian: &str) -> Value {
    json!({"action": "give_consent", "consent": id, "purpose": {"referral": organisation}, "legal_basis": "consent",
           "given_by": {"guardian": {"guardian": guardian, "child_assent": "given"}},
           "informed": {"purpose": true, "uses": true, "retention": true, "withdrawal": true},
           "interpreter": "ps"})
}

async fn status_of(client: &Client, url: String) -> u16 {
    client.get(url).send().await.unwrap().status().as_u16()
}

async fn audit_actions(server: &TestServer, case_id: &str) -> Vec<String> {
    server
        .store
        .audit_entries_for_record(case_id)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.action)
        .collect()
}

#[tokio::test]
async fn an_adult_woman_from_a_camp_to_a_safe_return() {
    on_each_backend(|backend| async move {
        let server = TestServer::start(&backend).await;
        let world = seed_world(&server.store).await;
        let caseworker = server.signed_in("test-caseworker").await;
        let provider = server.signed_in("test-provider").await;
        let decision_maker = server.signed_in("test-decision-maker").await;
        let shelter = world.shelter.as_str();
        let authority = world.ngo.as_str();

        let mut case = open_case(&server, &caseworker, "Amina", "S02-marriage-agency.json").await;
        let id = case["id"].as_str().unwrap().to_string();
        assert_eq!(case["case"]["stage"], "identified");
        assert_eq!(case["case"]["track"], "adult");

        // The shelter cannot see the case before a referral, through the API as anywhere.
        assert_eq!(status_of(&provider, server.at(&format!("/api/v1/cases/{id}"))).await, 403);
        let (status, body) = refused(&server, &caseworker, &case, json!({"action": "refer", "referral": "r-shelter",
            "to": {"organisation": shelter, "role": "shelter"}, "fields": ["case_reference", "gender", "needs"]})).await;
        assert_eq!((status, body["code"].as_str()), (422, Some("refused")), "{body}");

        case = act(&server, &caseworker, &case, consent("c-assist", json!("assistance"))).await;
        case = act(&server, &caseworker, &case, consent("c-shelter", json!({"referral": shelter}))).await;
        case = act(&server, &caseworker, &case, json!({"action": "refer", "referral": "r-shelter",
            "to": {"organisation": shelter, "role": "shelter"}, "fields": ["case_reference", "gender", "needs"]})).await;

        let inbox: Value = provider.get(server.at("/api/v1/referrals/inbox")).send().await.unwrap().json().await.unwrap();
        assert_eq!(inbox["referrals"][0]["case_id"], id.as_str());
        assert_eq!(inbox["referrals"][0]["fields"], json!(["case_reference", "gender", "needs"]));
        case = act(&server, &provider, &case, json!({"action": "accept_referral", "referral": "r-shelter"})).await;
        assert_eq!(status_of(&provider, server.at(&format!("/api/v1/cases/{id}"))).await, 200);
        case = act(&server, &caseworker, &case, json!({"action": "place", "setting": "shelter"})).await;

        case = act(&server, &caseworker, &case, consent("c-ca", json!({"referral": authority}))).await;
        case = act(&server, &caseworker, &case, json!({"action": "refer", "referral": "r-ca",
            "to": {"organisation": authority, "role": "competent_authority"},
            "fields": ["case_reference", "gender", "age_group", "name", "narrative"]})).await;
        assert_eq!(case["case"]["stage"], "referred");
        assert!(case["due"].as_array().unwrap().iter().any(|d| d["kind"] == "reasonable_grounds_decision"));
        // She declines to talk to the police: nothing she is entitled to changes.
        case = act(&server, &caseworker, &case, json!({"action": "record_cooperation", "cooperation": "declined"})).await;

        // Only a decision maker decides, and only once the authority has the referral.
        let (status, _) = refused(&server, &caseworker, &case, json!({"action": "decide", "kind": "reasonable_grounds",
            "outcome": "positive", "reasons": "x", "evidence": []})).await;
        assert_eq!(status, 422);
        case = act(&server, &decision_maker, &case, json!({"action": "accept_referral", "referral": "r-ca"})).await;
        case = act(&server, &decision_maker, &case, json!({"action": "decide", "kind": "reasonable_grounds", "outcome": "positive",
            "reasons": "Deceived by a sham agency and held by debt and violence.", "evidence": ["screening", "interview notes"]})).await;
        assert_eq!(case["case"]["stage"], "recovery_period");
        case = act(&server, &provider, &case, json!({"action": "add_support_plan", "plan_type": "Health",
            "objectives": "Trauma counselling weekly."})).await;
        case = act(&server, &decision_maker, &case, json!({"action": "decide", "kind": "conclusive_grounds", "outcome": "positive",
            "reasons": "The account is consistent and corroborated.", "evidence": ["shelter report"]})).await;
        assert_eq!(case["case"]["stage"], "recognised");

        let letter = caseworker.get(server.at(&format!("/api/v1/cases/{id}/decisions/2/letter"))).send().await.unwrap();
        assert_eq!(letter.status(), 200);
        assert_eq!(letter.headers()["content-language"], "en");
        let letter = letter.text().await.unwrap();
        assert!(letter.contains("Amina Doe"), "{letter}");
        let html = caseworker.get(server.at(&format!("/api/v1/cases/{id}/decisions/2/letter?format=html"))).send().await.unwrap();
        assert_eq!(html.headers()["content-type"], "text/html; charset=utf-8");

        case = act(&server, &caseworker, &case, json!({"action": "choose_durable_solution", "agreed": true,
            "solution": {"kind": "safe_and_voluntary_return", "country": "NP",
                         "risk_assessment": "Family safe; trafficker convicted; IOM reception."}})).await;
        case = act(&server, &caseworker, &case, json!({"action": "close", "status": "closed_referred",
            "reason": "Returned home; followed by the partner country's mechanism."})).await;
        assert_eq!(case["case"]["stage"], "closed");
        assert_eq!(case["due"], json!([]));

        let history: Value = caseworker.get(server.at(&format!("/api/v1/cases/{id}/history"))).send().await.unwrap().json().await.unwrap();
        let actions = history["actions"].as_array().unwrap();
        assert_eq!(actions.len() as i64, case["version"].as_i64().unwrap());
        assert_eq!(actions[0]["what"]["action"], "open");
        assert!(actions.iter().any(|a| a["what"]["action"] == "decide" && a["role"] == "decision_maker"));

        // Who can see what: the team sees it; an unrelated caseworker and the statistician do not.
        let other = server.signed_in("test-caseworker-2").await;
        assert_eq!(status_of(&other, server.at(&format!("/api/v1/cases/{id}"))).await, 403);
        let statistician = server.signed_in("test-statistician").await;
        assert_eq!(status_of(&statistician, server.at(&format!("/api/v1/cases/{id}"))).await, 403);
        let supervisor = server.signed_in("test-supervisor").await;
        assert_eq!(status_of(&supervisor, server.at(&format!("/api/v1/cases/{id}"))).await, 200);

        let audit = audit_actions(&server, &id).await;
        for expected in ["case.open", "case.give_consent", "case.refer", "case.accept_referral", "case.decide",
                         "case.choose_durable_solution", "case.close", "case.read", "case.history.read", "access.denied"] {
            assert!(audit.iter().any(|a| a == expected), "{expected} missing from {audit:?}");
        }
        let person = case["person_id"].as_str().unwrap();
        let reads = server.store.audit_entries_for_record(person).await.unwrap();
        assert!(reads.iter().any(|e| e.action == "identity.read" && e.purpose == "decision letter"));
        assert_eq!(server.store.verify_audit().await.unwrap().first_broken, None);
        server.stop().await;
        backend
    })
    .await;
}

#[tokio::test]
async fn a_boy_of_fifteen_through_the_child_track_to_school() {
    on_each_backend(|backend| async move {
        let server = TestServer::start(&backend).await;
        let world = seed_world(&server.store).await;
        let caseworker = server.signed_in("test-caseworker").await;
        let provider = server.signed_in("test-provider").await;
        let guardian = world.second_caseworker.user_id.clone();
        let child_protection = world.shelter.as_str();

        let mut case = open_case(
            &server,
            &caseworker,
            "Farid",
            "S03-boy-begging-boarding-school.json",
        )
        .await;
        let id = case["id"].as_str().unwrap().to_string();
        assert_eq!(
            case["case"]["track"]["child"],
            json!({"guardian": null, "best_interests": null, "family_tracing": null}),
            "{case}"
        );
        let due: Vec<&str> = case["due"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["kind"].as_str().unwrap())
            .collect();
        assert!(
            due.contains(&"guardian_appointment") && due.contains(&"child_protection_referral"),
            "{due:?}"
        );

        // A child is never detained, and is never only notified anonymously.
        let (_, body) = refused(
            &server,
            &caseworker,
            &case,
            json!({"action": "place", "setting": "immigration_detention"}),
        )
        .await;
        assert_eq!(body["detail"], "a child is never detained");
        let (status, _) = refused(
            &server,
            &caseworker,
            &case,
            json!({"action": "notify_anonymously", "gender": "Masculine",
            "exploitation": ["ForcedBegging"], "country_of_exploitation": null}),
        )
        .await;
        assert_eq!(status, 422);
        // The child does not consent alone.
        let (_, body) = refused(
            &server,
            &caseworker,
            &case,
            consent("c-self", json!({"referral": child_protection})),
        )
        .await;
        assert!(
            body["detail"].as_str().unwrap().contains("guardian"),
            "{body}"
        );

        case = act(
            &server,
            &caseworker,
            &case,
            json!({"action": "appoint_guardian", "guardian": guardian, "organisation": world.ngo}),
        )
        .await;
        case = act(
            &server,
            &caseworker,
            &case,
            guardian_consent("c-cp", child_protection, &guardian),
        )
        .await;
        case = act(
            &server,
            &caseworker,
            &case,
            json!({"action": "refer", "referral": "r-cp",
            "to": {"organisation": child_protection, "role": "child_protection"},
            "fields": ["case_reference", "age_group", "safety_risks", "guardian_contact"]}),
        )
        .await;
        case = act(
            &server,
            &provider,
            &case,
            json!({"action": "accept_referral", "referral": "r-cp"}),
        )
        .await;
        case = act(
            &server,
            &caseworker,
            &case,
            json!({"action": "place", "setting": "foster_care"}),
        )
        .await;
        case = act(
            &server,
            &caseworker,
            &case,
            json!({"action": "assess_best_interests",
            "summary": "Stay in foster care near his uncle; school in Pashto and English."}),
        )
        .await;
        case = act(
            &server,
            &caseworker,
            &case,
            guardian_consent("c-school", child_protection, &guardian),
        )
        .await;
        // The school referral shares only what education needs: a name is too much here.
        let (_, body) = refused(
            &server,
            &caseworker,
            &case,
            json!({"action": "refer", "referral": "r-school",
            "to": {"organisation": child_protection, "role": "education"},
            "fields": ["case_reference", "narrative"]}),
        )
        .await;
        assert!(
            body["detail"].as_str().unwrap().contains("minimum"),
            "{body}"
        );
        case = act(
            &server,
            &caseworker,
            &case,
            json!({"action": "refer", "referral": "r-school",
            "to": {"organisation": child_protection, "role": "education"},
            "fields": ["case_reference", "age_group", "language"]}),
        )
        .await;
        case = act(
            &server,
            &provider,
            &case,
            json!({"action": "accept_referral", "referral": "r-school"}),
        )
        .await;
        case = act(
            &server,
            &provider,
            &case,
            json!({"action": "add_support_plan", "plan_type": "Education",
            "objectives": "Enrol in year 10 with language support."}),
        )
        .await;

        let due: Vec<&str> = case["due"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["kind"].as_str().unwrap())
            .collect();
        assert!(
            !due.contains(&"guardian_appointment") && !due.contains(&"best_interests_assessment"),
            "{due:?}"
        );
        let consents = case["case"]["consents"].as_array().unwrap();
        assert!(
            consents
                .iter()
                .all(|c| c["given_by"]["guardian"]["guardian"] == guardian.as_str())
        );

        // The guardian's organisation's caseworker is not on the case; the provider is.
        let listed: Value = provider
            .get(server.at("/api/v1/cases?child=true"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(listed["cases"].as_array().unwrap().len(), 1);
        let audit = audit_actions(&server, &id).await;
        assert!(
            audit
                .iter()
                .filter(|a| *a == "case.accept_referral")
                .count()
                == 2,
            "{audit:?}"
        );
        server.stop().await;
        backend
    })
    .await;
}

#[tokio::test]
async fn an_adult_who_declines_is_only_notified_anonymously() {
    on_each_backend(|backend| async move {
        let server = TestServer::start(&backend).await;
        let world = seed_world(&server.store).await;
        let caseworker = server.signed_in("test-caseworker").await;
        let mut case = open_case(&server, &caseworker, "Tomas", "S04-declines-referral.json").await;
        let id = case["id"].as_str().unwrap().to_string();
        case = act(&server, &caseworker, &case, json!({"action": "notify_anonymously", "gender": "Masculine",
            "exploitation": ["ForcedLabour"], "country_of_exploitation": "MY"})).await;
        assert_eq!(case["case"]["stage"], "anonymous_notification");
        assert_eq!(case["case"]["referrals"], json!([]));
        assert_eq!(case["due"], json!([]));
        // Without his consent nothing goes to the authority.
        let (_, body) = refused(&server, &caseworker, &case, json!({"action": "refer", "referral": "r-ca",
            "to": {"organisation": world.ngo, "role": "competent_authority"}, "fields": ["case_reference"]})).await;
        assert!(body["detail"].as_str().unwrap().starts_with("no active consent"), "{body}");

        // The notification is counted with its non-identifying data only.
        let counted = backend
            .raw_count(&format!(
                "SELECT COUNT(*) FROM cases WHERE id = '{id}' AND notified_gender = 'Masculine' AND notified_exploitation = 'ForcedLabour' AND notified_country = 'MY'"
            ))
            .await;
        assert_eq!(counted, 1);
        let listed: Value = caseworker.get(server.at("/api/v1/cases?stage=anonymous_notification")).send().await.unwrap().json().await.unwrap();
        assert_eq!(listed["cases"][0]["status"], "FollowUp");

        // A stale version is a conflict, and malformed actions say what is wrong.
        let stale = caseworker
            .post(server.at(&format!("/api/v1/cases/{id}/actions")))
            .json(&json!({"expected_version": 1, "action": {"action": "review"}}))
            .send()
            .await
            .unwrap();
        let (status, body) = problem(stale).await;
        assert_eq!((status, body["code"].as_str()), (409, Some("conflict")));
        let malformed = caseworker
            .post(server.at(&format!("/api/v1/cases/{id}/actions")))
            .json(&json!({"action": {"action": "place", "setting": "castle"}}))
            .send()
            .await
            .unwrap();
        let (status, body) = problem(malformed).await;
        assert_eq!((status, body["field"].as_str()), (422, Some("action")), "{body}");
        assert!(body["detail"].as_str().unwrap().contains("castle"), "{body}");

        for role in Role::ALL {
            let username = format!("test-{}", role.id().replace('_', "-"));
            let client = server.signed_in(&username).await;
            let status = status_of(&client, server.at(&format!("/api/v1/cases/{id}"))).await;
            let expected = if matches!(role, Role::Caseworker | Role::Supervisor) { 200 } else { 403 };
            assert_eq!(status, expected, "{role}");
        }
        server.stop().await;
        backend
    })
    .await;
}
