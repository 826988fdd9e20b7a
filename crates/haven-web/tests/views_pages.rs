//! The web application's pages over real HTTP on both engines: signing in through the form,
//! the case page offering only what the state machine allows, the provider's inbox showing only
//! what a referral shares, refusals as pages, and every main page's weight.

mod common;

use common::TestServer;
use haven_testkit::{PASSWORD, example_input, on_each_backend, seed_world};
use reqwest::{Client, redirect};
use serde_json::{Value, json};

fn browser() -> Client {
    Client::builder()
        .cookie_store(true)
        .redirect(redirect::Policy::none())
        .build()
        .unwrap()
}

async fn sign_in(server: &TestServer, username: &str) -> Client {
    let client = browser();
    let response = client
        .post(server.at("/sign-in"))
        .form(&[
            ("username", username),
            ("password", PASSWORD),
            ("next", "/cases"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 303, "sign-in of {username}");
    assert_eq!(response.headers()["location"], "/cases");
    client
}

async fn page(client: &Client, url: String) -> (u16, String) {
    let response = client.get(url).send().await.unwrap();
    (response.status().as_u16(), response.text().await.unwrap())
}

/// A case opened over the API by the fixture caseworker, referred to the shelter.
async fn referred_case(server: &TestServer, shelter: &str) -> String {
    let api = server.signed_in("test-caseworker").await;
    let person: Value = api
        .post(server.at("/api/v1/persons"))
        .json(&json!({"identity": {"given_name": "Mariam", "family_name": "Haddad"}, "purpose": "registration"}))
        .send().await.unwrap().json().await.unwrap();
    let screening: Value = api
        .post(server.at("/api/v1/screenings"))
        .json(
            &json!({"person_id": person["id"], "input": example_input("S02-marriage-agency.json")}),
        )
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let case: Value = api
        .post(server.at("/api/v1/cases"))
        .json(
            &json!({"person_id": person["id"], "screening_id": screening["id"], "language": "en"}),
        )
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let id = case["id"].as_str().unwrap().to_string();
    for action in [
        json!({"action": "give_consent", "consent": "c1", "purpose": {"referral": shelter}, "legal_basis": "consent",
               "given_by": "person", "informed": {"purpose": true, "uses": true, "retention": true, "withdrawal": true}, "interpreter": null}),
        json!({"action": "refer", "referral": "r1", "to": {"organisation": shelter, "role": "shelter"}, "fields": ["case_reference", "gender", "name"]}),
    ] {
        let response = api
            .post(server.at(&format!("/api/v1/cases/{id}/actions")))
            .json(&json!({"action": action}))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200);
    }
    id
}

#[tokio::test]
async fn signing_in_through_the_form_and_pages_that_need_it() {
    on_each_backend(|backend| async move {
        let server = TestServer::start(&backend).await;
        seed_world(&server.store).await;
        let anonymous = browser();
        let response = anonymous
            .get(server.at("/cases?stage=referred"))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 303);
        assert_eq!(
            response.headers()["location"],
            "/sign-in?next=/cases%3Fstage%3Dreferred"
        );

        let wrong = anonymous
            .post(server.at("/sign-in"))
            .form(&[
                ("username", "test-caseworker"),
                ("password", "not it"),
                ("next", "//evil.example"),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(wrong.status(), 401);
        let body = wrong.text().await.unwrap();
        assert!(
            body.contains("role=\"alert\"") && body.contains("value=\"test-caseworker\""),
            "the username is kept"
        );
        assert!(
            body.contains("value=\"/\""),
            "an off-site next is replaced by the start page"
        );

        let client = sign_in(&server, "test-caseworker").await;
        let (status, home) = page(&client, server.at("/")).await;
        assert_eq!(status, 200);
        assert!(home.contains("<html lang=\"en\" dir=\"ltr\">"));
        assert!(home.contains("href=\"/cases\""));
        let out = client.post(server.at("/sign-out")).send().await.unwrap();
        assert_eq!(out.status(), 303);
        let after = client.get(server.at("/cases")).send().await.unwrap();
        assert_eq!(after.status(), 303, "the session ended");
        server.stop().await;
        backend
    })
    .await;
}

#[tokio::test]
async fn the_case_page_offers_only_what_the_case_allows_and_the_provider_sees_only_what_is_shared()
{
    on_each_backend(|backend| async move {
        let server = TestServer::start(&backend).await;
        let world = seed_world(&server.store).await;
        let id = referred_case(&server, &world.shelter).await;

        let caseworker = sign_in(&server, "test-caseworker").await;
        let (status, case_page) = page(&caseworker, server.at(&format!("/cases/{id}"))).await;
        assert_eq!(status, 200);
        for offered in [
            "offer-give_consent",
            "offer-revoke_referral",
            "offer-notify_anonymously",
        ] {
            assert!(case_page.contains(offered), "{offered} offered");
        }
        for refused in [
            "offer-decide",
            "offer-answer_referral",
            "offer-request_reconsideration",
        ] {
            assert!(!case_page.contains(refused), "{refused} is not offered");
        }
        let (_, list) = page(&caseworker, server.at("/cases?name=haddad")).await;
        assert!(
            list.contains(&format!("/cases/{id}")),
            "found by family name"
        );
        let (_, none) = page(&caseworker, server.at("/cases?name=nobody")).await;
        assert!(!none.contains(&format!("/cases/{id}")));

        // The provider cannot open the case, but sees the referral with only what it shares.
        let provider = sign_in(&server, "test-provider").await;
        let (status, _) = page(&provider, server.at(&format!("/cases/{id}"))).await;
        assert_eq!(status, 403);
        let (_, inbox) = page(&provider, server.at("/inbox")).await;
        assert!(inbox.contains(&format!("/inbox/{id}/r1")));
        let (status, shared) = page(&provider, server.at(&format!("/inbox/{id}/r1"))).await;
        assert_eq!(status, 200);
        assert!(shared.contains("Mariam Haddad"), "the name is shared");
        assert!(shared.contains("female"), "the gender is shared");
        assert!(
            !shared.contains("sexual"),
            "the form of exploitation is not shared"
        );
        let accepted = provider
            .post(server.at(&format!("/cases/{id}/actions")))
            .form(&[
                ("action", "answer_referral"),
                ("referral", "r1"),
                ("answer", "accept"),
                ("back", &format!("/inbox/{id}/r1")),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(accepted.status(), 303);
        let (status, case_page) = page(&provider, server.at(&format!("/cases/{id}"))).await;
        assert_eq!(status, 200, "accepted: the provider now works the case");
        assert!(case_page.contains("offer-complete_referral"));
        let (_, caseworker_view) = page(&caseworker, server.at(&format!("/cases/{id}"))).await;
        assert!(
            caseworker_view.contains("data-testid=\"referral-status\">accepted"),
            "the acceptance shows on the case page"
        );

        // A refused action is shown on the page with the domain's reason; nothing is recorded.
        let refused = caseworker
            .post(server.at(&format!("/cases/{id}/actions")))
            .form(&[("action", "place"), ("setting", "castle")])
            .send()
            .await
            .unwrap();
        assert_eq!(refused.status(), 422);
        assert!(refused.text().await.unwrap().contains("role=\"alert\""));

        let audit = server.store.audit_entries_for_record(&id).await.unwrap();
        assert!(audit.iter().any(|e| e.action == "referral.shared.read"));
        server.stop().await;
        backend
    })
    .await;
}

#[tokio::test]
async fn role_pages_refuse_other_roles_as_pages() {
    on_each_backend(|backend| async move {
        let server = TestServer::start(&backend).await;
        seed_world(&server.store).await;
        let caseworker = sign_in(&server, "test-caseworker").await;
        let (status, body) = page(&caseworker, server.at("/admin")).await;
        assert_eq!(status, 403);
        assert!(body.contains("role=\"alert\""));
        let (status, _) = page(&caseworker, server.at("/inbox")).await;
        assert_eq!(status, 403);
        let admin = sign_in(&server, "test-admin").await;
        let (status, body) = page(&admin, server.at("/admin")).await;
        assert_eq!(status, 200);
        assert!(body.contains("coe-generic") || body.contains("Council of Europe"));
        let supervisor = sign_in(&server, "test-supervisor").await;
        assert_eq!(page(&supervisor, server.at("/supervision")).await.0, 200);
        let decision_maker = sign_in(&server, "test-decision-maker").await;
        assert_eq!(page(&decision_maker, server.at("/decisions")).await.0, 200);
        assert_eq!(page(&caseworker, server.at("/account")).await.0, 200);
        server.stop().await;
        backend
    })
    .await;
}

#[tokio::test]
async fn every_main_page_weighs_under_100_kb_compressed() {
    on_each_backend(|backend| async move {
        let server = TestServer::start(&backend).await;
        let world = seed_world(&server.store).await;
        let id = referred_case(&server, &world.shelter).await;
        let caseworker = sign_in(&server, "test-caseworker").await;
        let compressed = |client: Client, url: String| async move {
            let response = client
                .get(url)
                .header("accept-encoding", "gzip")
                .send()
                .await
                .unwrap();
            assert_eq!(response.status(), 200);
            let gzip = response
                .headers()
                .get("content-encoding")
                .is_some_and(|v| v == "gzip");
            let bytes = response.bytes().await.unwrap();
            (gzip, bytes)
        };
        let (_, plain_home) = page(&caseworker, server.at("/")).await;
        let assets: Vec<String> = plain_home
            .split('"')
            .filter(|part| part.starts_with("/static/"))
            .map(str::to_string)
            .collect();
        assert_eq!(assets.len(), 2, "one stylesheet, one script: {assets:?}");
        let mut asset_bytes = 0;
        for asset in &assets {
            let (gzip, bytes) = compressed(caseworker.clone(), server.at(asset)).await;
            assert!(gzip, "{asset} is served compressed");
            asset_bytes += bytes.len();
        }
        for path in ["/", "/cases", &format!("/cases/{id}"), "/account"] {
            let (gzip, bytes) = compressed(caseworker.clone(), server.at(path)).await;
            assert!(gzip, "{path} is served compressed");
            let total = bytes.len() + asset_bytes;
            assert!(total < 100 * 1024, "{path}: {total} bytes with its assets");
        }
        server.stop().await;
        backend
    })
    .await;
}
