//! The dashboard's reports and exchange over real HTTP on both engines, as a browser uses them:
//! forms that download SDG 16.2.2, GLOTIP and CTDC files, a mistyped field shown beside its
//! form with what was typed, the HTCDS import refusing a file with errors and listing them, the
//! forms each role may use, charts in the reader's language, and the case page recording the
//! citizenship and country of exploitation the statistics count by.

mod common;

use common::{TestServer, screened_people, this_year};
use haven_domain::access::Role;
use haven_testkit::{example_input, on_each_backend, seed_world};
use reqwest::Client;
use serde_json::{Value, json};

const PARTNER_FILE: &str = "hvn_CaseId,cas_IncomingReferralDate,vic_TraffickingStatus,prs_Gender,prs_Citizenship\n\
    P-1,2025-03-01,PossibleVictimOfTrafficking,Feminine,NG;RO\n\
    P-2,2025-02-30,PossibleVictimOfTrafficking,Female,NG\n";

async fn page(client: &Client, url: String) -> (u16, String) {
    let response = client.get(url).send().await.unwrap();
    (response.status().as_u16(), response.text().await.unwrap())
}

/// A form upload as a browser sends it.
fn upload(file_name: &str, content: &str, skip_invalid: bool) -> (String, String) {
    let boundary = "haven-test-boundary";
    let mut body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\nContent-Type: text/csv\r\n\r\n{content}\r\n"
    );
    if skip_invalid {
        body.push_str(&format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"skip_invalid\"\r\n\r\non\r\n"
        ));
    }
    body.push_str(&format!("--{boundary}--\r\n"));
    (format!("multipart/form-data; boundary={boundary}"), body)
}

#[tokio::test]
async fn reports_download_from_the_dashboard_and_mistakes_come_back_beside_the_form() {
    on_each_backend(|backend| async move {
        let server = TestServer::start(&backend).await;
        let world = seed_world(&server.store).await;
        let caseworker = world.user(Role::Caseworker);
        screened_people(&server.store, caseworker, 12, |_| "S02-marriage-agency.json").await;
        let year = this_year();
        let statistician = server.signed_in("test-statistician").await;
        let (status, dashboard) = page(&statistician, server.at("/dashboard")).await;
        assert_eq!(status, 200);
        for form in ["/dashboard/sdg-16-2-2", "/dashboard/glotip", "/dashboard/ctdc"] {
            assert!(dashboard.contains(&format!("action=\"{form}\"")), "{form}");
        }
        assert!(
            !dashboard.contains("/dashboard/htcds"),
            "case records are the admin's to exchange"
        );
        assert!(dashboard.contains(&format!("value=\"{year}\"")), "this year by default");

        let response = statistician
            .get(server.at(&format!(
                "/dashboard/sdg-16-2-2?year={year}&basis=presumed&policy=suppress&min_cell=5&epsilon=&format=csv&population=1000000&female_child=&female_adult=&male_child=&male_adult=&population_source=Census"
            )))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200);
        assert_eq!(
            response.headers()["content-disposition"],
            "attachment; filename=\"sdg-16-2-2.csv\""
        );
        let csv = response.text().await.unwrap();
        assert!(csv.contains("Total,Total,Total,12,1000000,1.2,presumed,suppress min_cell=5,passed,Census"), "{csv}");

        let response = statistician
            .get(server.at(&format!(
                "/dashboard/glotip?year={year}&basis=decided&policy=suppress&min_cell=5&epsilon=&format=xlsx"
            )))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200);
        assert!(response.bytes().await.unwrap().starts_with(b"PK"));

        let response = statistician
            .get(server.at("/dashboard/ctdc?k=10"))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200);
        assert_eq!(response.headers()["haven-k-achieved"], "12");

        // Mistakes: the page again, the reason beside the form, what was typed kept.
        let (status, body) = page(
            &statistician,
            server.at(&format!(
                "/dashboard/sdg-16-2-2?year={year}&policy=suppress&min_cell=5&format=csv&population=a+million"
            )),
        )
        .await;
        assert_eq!(status, 422);
        assert!(body.contains("data-testid=\"form-error\""), "{body}");
        assert!(body.contains("population") && body.contains("value=\"a million\""));
        let (status, body) = page(
            &statistician,
            server.at(&format!(
                "/dashboard/sdg-16-2-2?year={year}&policy=dp&epsilon=0.5&format=csv&population=1000000"
            )),
        )
        .await;
        assert_eq!(status, 422, "no privacy budget is set for the year");
        assert!(body.contains("privacy budget"), "{body}");
        // With a budget set from the dashboard, differential privacy spends from it.
        let budgeted = statistician
            .post(server.at("/dashboard/budget"))
            .header("origin", server.at(""))
            .form(&[("year", year.to_string().as_str()), ("epsilon", "2")])
            .send()
            .await
            .unwrap();
        assert_eq!(budgeted.status(), 200);
        let body = budgeted.text().await.unwrap();
        assert!(body.contains("data-testid=\"budget\""), "{body}");
        let response = statistician
            .get(server.at(&format!(
                "/dashboard/sdg-16-2-2?year={year}&policy=dp&epsilon=0.5&format=json&population=1000000"
            )))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200);
        let (_, body) = page(&statistician, server.at("/dashboard")).await;
        assert!(body.contains("<dd>1.5</dd>"), "1.5 of 2 remain: {body}");
        assert!(body.contains("sdg-16-2-2 year="), "the spending's query is listed");
        let lowered = statistician
            .post(server.at("/dashboard/budget"))
            .header("origin", server.at(""))
            .form(&[("year", year.to_string().as_str()), ("epsilon", "0.1")])
            .send()
            .await
            .unwrap();
        assert_eq!(lowered.status(), 422, "not below what is spent");
        let (status, body) = page(&statistician, server.at("/dashboard/ctdc?k=0")).await;
        assert_eq!(status, 422);
        assert!(body.contains("data-testid=\"form-error\""));

        // Charts and forms in the reader's language.
        let french = statistician
            .get(server.at("/dashboard"))
            .header("accept-language", "fr")
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(french.contains("Exploitation sexuelle"), "{french}");
        assert!(french.contains("Microdonnées anonymisées"));
        assert!(
            french.contains("Les nombres de 1 à 4 sont masqués"),
            "the charts say how counts are protected, in French"
        );
        assert!(!french.contains("are suppressed"));

        // Others than those the aggregate policy names get a refusal page.
        let screener = server.signed_in("test-screener").await;
        assert_eq!(page(&screener, server.at("/dashboard")).await.0, 403);
        assert_eq!(
            page(&screener, server.at(&format!("/dashboard/sdg-16-2-2?year={year}&population=1"))).await.0,
            403
        );
        let supervisor = server.signed_in("test-supervisor").await;
        assert_eq!(page(&supervisor, server.at("/dashboard/ctdc?k=10")).await.0, 403);
        let (_, body) = page(&supervisor, server.at("/dashboard")).await;
        assert!(!body.contains("/dashboard/budget"), "the budget is the statistician's");
        server.stop().await;
        backend
    })
    .await;
}

#[tokio::test]
async fn the_admin_imports_an_htcds_file_from_the_dashboard_and_sees_every_error() {
    on_each_backend(|backend| async move {
        let server = TestServer::start(&backend).await;
        seed_world(&server.store).await;
        let admin = server.signed_in("test-admin").await;
        let (_, dashboard) = page(&admin, server.at("/dashboard")).await;
        assert!(dashboard.contains("action=\"/dashboard/htcds-import\""));
        assert!(dashboard.contains("enctype=\"multipart/form-data\""));

        let send = |name: &str, content: &str, skip: bool| {
            let (content_type, body) = upload(name, content, skip);
            admin
                .post(server.at("/dashboard/htcds-import"))
                .header("content-type", content_type)
                .header("origin", server.at(""))
                .body(body)
                .send()
        };
        let response = send("partner.csv", PARTNER_FILE, false).await.unwrap();
        assert_eq!(response.status(), 422);
        let body = response.text().await.unwrap();
        assert!(body.contains("data-testid=\"import-errors\""), "{body}");
        assert!(body.contains("cas_IncomingReferralDate") && body.contains("prs_Gender"));
        assert_eq!(server.store.imported_case_count().await.unwrap(), 0);

        let response = send("partner.csv", PARTNER_FILE, true).await.unwrap();
        assert_eq!(response.status(), 200);
        let body = response.text().await.unwrap();
        assert!(body.contains("data-testid=\"import-summary\""), "{body}");
        assert_eq!(server.store.imported_case_count().await.unwrap(), 1);

        let response = send("partner.txt", PARTNER_FILE, false).await.unwrap();
        assert_eq!(response.status(), 422);
        assert!(
            response
                .text()
                .await
                .unwrap()
                .contains(".csv, .xlsx or .json")
        );

        // From another site, the browser's form post is refused.
        let (content_type, body) = upload("partner.csv", PARTNER_FILE, true);
        let forged = admin
            .post(server.at("/dashboard/htcds-import"))
            .header("content-type", content_type)
            .header("origin", "https://elsewhere.example")
            .body(body)
            .send()
            .await
            .unwrap();
        assert!(
            forged.status() != 200 || forged.url().path() == "/sign-in",
            "refused, not imported"
        );
        assert_eq!(server.store.imported_case_count().await.unwrap(), 1);

        let response = admin
            .get(server.at("/dashboard/htcds?format=json"))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200);
        assert_eq!(
            response.headers()["content-disposition"],
            "attachment; filename=\"htcds.json\""
        );
        server.stop().await;
        backend
    })
    .await;
}

#[tokio::test]
async fn the_case_page_records_citizenship_and_country_of_exploitation() {
    on_each_backend(|backend| async move {
        let server = TestServer::start(&backend).await;
        seed_world(&server.store).await;
        let api = server.signed_in("test-caseworker").await;
        let person: Value = api
            .post(server.at("/api/v1/persons"))
            .json(&json!({"identity": {"given_name": "Ada"}, "purpose": "registration"}))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let screening: Value = api
            .post(server.at("/api/v1/screenings"))
            .json(&json!({"person_id": person["id"], "input": example_input("S02-marriage-agency.json")}))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let case: Value = api
            .post(server.at("/api/v1/cases"))
            .json(&json!({"person_id": person["id"], "screening_id": screening["id"], "language": "en"}))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let id = case["id"].as_str().unwrap();
        let caseworker = server.signed_in("test-caseworker").await;
        let (_, case_page) = page(&caseworker, server.at(&format!("/cases/{id}"))).await;
        assert!(
            case_page.contains("offer-record_origin") || case_page.contains("name=\"citizenship\"")
        );
        let recorded = caseworker
            .post(server.at(&format!("/cases/{id}/actions")))
            .header("origin", server.at(""))
            .form(&[
                ("action", "record_origin"),
                ("citizenship", "ng"),
                ("country", "MY"),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(recorded.status(), 200, "back on the case page");
        assert_eq!(recorded.url().path(), format!("/cases/{id}"));
        let (_, case_page) = page(&caseworker, server.at(&format!("/cases/{id}"))).await;
        assert!(case_page.contains("value=\"NG\"") && case_page.contains("value=\"MY\""));
        let refused = caseworker
            .post(server.at(&format!("/cases/{id}/actions")))
            .header("origin", server.at(""))
            .form(&[("action", "record_origin"), ("citizenship", "Nigeria")])
            .send()
            .await
            .unwrap();
        assert_eq!(refused.status(), 422);
        let (_, case_page) = page(&caseworker, server.at(&format!("/cases/{id}"))).await;
        assert!(case_page.contains("value=\"NG\""), "nothing changed");
        server.stop().await;
        backend
    })
    .await;
}
