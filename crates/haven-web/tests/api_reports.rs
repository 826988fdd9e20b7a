//! The statistics over HTTP, on SQLite and PostgreSQL: SDG 16.2.2 (population as a query or as
//! JSON), GLOTIP and the dashboard through the release policy, in every format, audited, and
//! only for the roles the aggregate policy names.

mod common;

use common::{TestServer, problem, screened_people, this_year};
use haven_domain::access::Role;
use haven_testkit::{on_each_backend, seed_world};
use serde_json::{Value, json};

#[tokio::test]
async fn reports_through_the_release_policy_for_those_the_aggregate_policy_allows() {
    on_each_backend(|backend| async move {
        let server = TestServer::start(&backend).await;
        let world = seed_world(&server.store).await;
        let caseworker = world.user(Role::Caseworker);
        screened_people(&server.store, caseworker, 7, |i| {
            if i < 6 {
                "S02-marriage-agency.json"
            } else {
                "S03-boy-begging-boarding-school.json"
            }
        })
        .await;
        let year = this_year();
        let statistician = server.signed_in("test-statistician").await;
        let response = statistician
            .get(server.at(&format!(
                "/api/v1/reports/sdg-16-2-2?year={year}&population=1000000&population_source=Census"
            )))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200);
        let report: Value = response.json().await.unwrap();
        assert_eq!(report["population"]["source"], "Census");
        let total = report["rates"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["sex"] == "Total" && r["form_of_exploitation"] == "Total")
            .unwrap()
            .clone();
        assert_eq!(total["count"], 7, "{report}");
        assert_eq!(total["per_100000"], 0.7);
        let women = report["table"]["counts"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| {
                c["sex"] == "female" && c["age_group"] == "Total" && c["form_of_exploitation"] == "Total"
            })
            .unwrap()
            .clone();
        assert_eq!(
            women["count"], "suppressed",
            "withheld with the boy: the total would give him away"
        );
        let boys = report["table"]["counts"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["sex"] == "male" && c["age_group"] == "Total" && c["form_of_exploitation"] == "Total")
            .unwrap()
            .clone();
        assert_eq!(boys["count"], "suppressed", "a single boy is withheld");

        let response = statistician
            .post(server.at("/api/v1/reports/sdg-16-2-2"))
            .json(&json!({"year": year, "min_cell": 1, "population": {
                "female_child": 100000, "female_adult": 400000, "male_child": 100000, "male_adult": 400000}}))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200);
        let by_group: Value = response.json().await.unwrap();
        assert!(by_group["rates"].as_array().unwrap().iter().any(|r| r["sex"] == "female"
            && r["age_group"] == "adult"
            && r["form_of_exploitation"] == "Total"
            && r["per_100000"] == 1.5));

        for (format, content_type) in [
            ("csv", "text/csv; charset=utf-8"),
            ("svg", "image/svg+xml"),
            (
                "xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            ),
        ] {
            let response = statistician
                .get(server.at(&format!(
                    "/api/v1/reports/sdg-16-2-2?year={year}&population=1000000&format={format}"
                )))
                .send()
                .await
                .unwrap();
            assert_eq!(response.status(), 200, "{format}");
            assert_eq!(response.headers()["content-type"], content_type);
        }
        let (status, body) = problem(
            statistician
                .get(server.at(&format!(
                    "/api/v1/reports/sdg-16-2-2?year={year}&population=1000000&policy=dp"
                )))
                .send()
                .await
                .unwrap(),
        )
        .await;
        assert_eq!((status, body["field"].as_str()), (422, Some("epsilon")));
        let (status, body) = problem(
            statistician
                .get(server.at(&format!(
                    "/api/v1/reports/sdg-16-2-2?year={year}&population=1000000&policy=dp&epsilon=0.5"
                )))
                .send()
                .await
                .unwrap(),
        )
        .await;
        assert_eq!(status, 422, "{body}");
        assert!(body["detail"].as_str().unwrap().contains("no privacy budget"));

        // The year's budget: set by the statistician, read by those who run reports.
        let response = statistician
            .put(server.at("/api/v1/reports/budget"))
            .json(&json!({"year": year, "epsilon": 2.0}))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200);
        let response = statistician
            .get(server.at(&format!(
                "/api/v1/reports/sdg-16-2-2?year={year}&population=1000000&policy=dp&epsilon=0.5"
            )))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200);
        let supervisor = server.signed_in("test-supervisor").await;
        let budget: Value = supervisor
            .get(server.at(&format!("/api/v1/reports/budget?year={year}")))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(
            (&budget["budget"], &budget["spent"], &budget["remaining"]),
            (&json!(2.0), &json!(0.5), &json!(1.5)),
            "{budget}"
        );
        assert_eq!(budget["spends"].as_array().unwrap().len(), 1);
        let (status, _) = problem(
            supervisor
                .put(server.at("/api/v1/reports/budget"))
                .json(&json!({"year": year, "epsilon": 9.0}))
                .send()
                .await
                .unwrap(),
        )
        .await;
        assert_eq!(status, 403, "the budget is the statistician's and the admin's");
        let (status, _) = problem(
            statistician
                .put(server.at("/api/v1/reports/budget"))
                .json(&json!({"year": year, "epsilon": 0.1}))
                .send()
                .await
                .unwrap(),
        )
        .await;
        assert_eq!(status, 422, "not below what is spent");
        let caseworker = server.signed_in("test-caseworker").await;
        let (status, _) = problem(
            caseworker
                .get(server.at(&format!("/api/v1/reports/budget?year={year}")))
                .send()
                .await
                .unwrap(),
        )
        .await;
        assert_eq!(status, 403);

        let glotip: Value = statistician
            .get(server.at(&format!("/api/v1/reports/glotip?year={year}")))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(glotip["tables"]["victims"]["privacy_check"], "passed");
        let dashboard: Value = statistician
            .get(server.at("/api/v1/reports/dashboard"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        for table in ["stage", "sex", "age_group", "form_of_exploitation", "deadlines"] {
            assert_eq!(dashboard["tables"][table]["privacy_check"], "passed", "{table}");
        }

        // Those whose work is not statistics are refused, and the refusal is audited.
        for username in ["test-caseworker", "test-provider", "test-screener"] {
            let client = server.signed_in(username).await;
            let (status, body) = problem(
                client
                    .get(server.at("/api/v1/reports/dashboard"))
                    .send()
                    .await
                    .unwrap(),
            )
            .await;
            assert_eq!((status, body["code"].as_str()), (403, Some("forbidden")));
        }
        let entries = server.store.recent_audit_entries(50, None).await.unwrap();
        let releases: Vec<_> = entries
            .iter()
            .filter(|e| e.action == "statistics.release")
            .collect();
        assert!(releases.len() >= 6);
        assert!(releases.iter().all(|e| e.actor_label == "test-statistician"));
        assert!(entries.iter().any(|e| e.action == "access.denied"
            && e.actor_label == "test-caseworker"));

        let openapi: Value = server
            .client()
            .get(server.at("/api/openapi.json"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        for path in [
            "/api/v1/reports/sdg-16-2-2",
            "/api/v1/reports/glotip",
            "/api/v1/reports/dashboard",
            "/api/v1/reports/budget",
        ] {
            assert!(openapi["paths"][path]["get"].is_object(), "{path}");
        }
        assert!(openapi["paths"]["/api/v1/reports/sdg-16-2-2"]["post"].is_object());
        server.stop().await;
        backend
    })
    .await;
}
