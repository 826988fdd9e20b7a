//! The screening wizard over real HTTP, as a browser without JavaScript uses it: sign in
//! through the form, post each step with every field the page carries, and read the pages.

mod common;

use common::TestServer;
use haven_domain::access::Role;
use haven_domain::i18n::LANGUAGES;
use haven_testkit::{PASSWORD, TestBackend, example_input, on_each_backend, seed_world};
use reqwest::{Client, StatusCode};
use serde_json::Value;

const STEPS: usize = 14;

/// Signs in through the sign-in form, as a browser does (same-origin `Origin` header).
async fn sign_in(server: &TestServer, username: &str) -> Client {
    let client = server.client();
    let response = client
        .post(server.at("/sign-in"))
        .header("origin", &server.url)
        .form(&[
            ("username", username),
            ("password", PASSWORD),
            ("next", "/"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200, "sign-in of {username}");
    assert_eq!(response.url().path(), "/", "signed in and sent home");
    client
}

/// A form field as the page has it.
#[derive(Debug, Clone)]
struct Field {
    name: String,
    value: String,
    /// Shown on this step (not a hidden field carrying another step's answer).
    visible: bool,
    /// What the browser sends: a radio button only when it is checked.
    sent: bool,
}

/// What a browser would send from the wizard's form: hidden fields, text boxes, the checked
/// radio buttons and the selected options.
fn wizard_fields(html: &str) -> Vec<Field> {
    let start = html
        .find("<form class=\"wizard\"")
        .unwrap_or_else(|| panic!("no wizard form in:\n{html}"));
    let end = start + html[start..].find("</form>").unwrap();
    let form = &html[start..end];
    let mut fields = Vec::new();
    for tag in tags(form, "input") {
        let Some(name) = attribute(tag, "name") else {
            continue;
        };
        let kind = attribute(tag, "type").unwrap_or_else(|| "text".into());
        let value = attribute(tag, "value").unwrap_or_default();
        fields.push(Field {
            name,
            value,
            visible: kind != "hidden",
            sent: kind != "radio" || has_flag(tag, "checked"),
        });
    }
    let mut rest = form;
    while let Some(at) = rest.find("<select") {
        let select = &rest[at..];
        let close = select.find("</select>").unwrap();
        let open_tag = &select[..select.find('>').unwrap()];
        let name = attribute(open_tag, "name").unwrap();
        let options = tags(&select[..close], "option");
        let chosen = options
            .iter()
            .find(|o| has_flag(o, "selected"))
            .or(options.first())
            .and_then(|o| attribute(o, "value"))
            .unwrap_or_default();
        fields.push(Field {
            name,
            value: chosen,
            visible: true,
            sent: true,
        });
        rest = &select[close..];
    }
    fields
}

/// The opening tags `<name …>` in `html`.
fn tags<'a>(html: &'a str, name: &str) -> Vec<&'a str> {
    let open = format!("<{name} ");
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find(&open) {
        let tag = &rest[at..];
        let end = tag.find('>').unwrap();
        out.push(&tag[..end]);
        rest = &tag[end..];
    }
    out
}

fn attribute(tag: &str, name: &str) -> Option<String> {
    let key = format!(" {name}=\"");
    let at = tag.find(&key)? + key.len();
    let end = tag[at..].find('"')?;
    Some(unescape(&tag[at..at + end]))
}

fn has_flag(tag: &str, name: &str) -> bool {
    tag.split_whitespace().any(|word| word == name)
}

fn unescape(text: &str) -> String {
    text.replace("&quot;", "\"")
        .replace("&#34;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// The form to post: the page's fields, this step's answers set, and the button pressed.
fn form_with(fields: &[Field], answers: &[(&str, &str)], go: &str) -> Vec<(String, String)> {
    let visible: Vec<&str> = fields
        .iter()
        .filter(|f| f.visible)
        .map(|f| f.name.as_str())
        .collect();
    let mut form: Vec<(String, String)> = fields
        .iter()
        .filter(|f| {
            f.sent
                && !answers
                    .iter()
                    .any(|(k, _)| *k == f.name && visible.contains(k))
        })
        .map(|f| (f.name.clone(), f.value.clone()))
        .collect();
    for (name, value) in answers {
        if visible.contains(name) {
            form.push((name.to_string(), value.to_string()));
        }
    }
    form.push(("go".into(), go.into()));
    form
}

async fn post_step(
    server: &TestServer,
    client: &Client,
    form: &[(String, String)],
) -> reqwest::Response {
    client
        .post(server.at("/screenings/new"))
        .header("origin", &server.url)
        .form(form)
        .send()
        .await
        .unwrap()
}

fn step_of(html: &str) -> usize {
    let marker = "name=\"step\" value=\"";
    let at = html.find(marker).expect("a step field") + marker.len();
    html[at..at + html[at..].find('"').unwrap()]
        .parse()
        .unwrap()
}

/// The wizard answers that describe a worked example's input: what it establishes is "yes",
/// what it rules out is "no", everything else stays "don't know".
fn answers_for(example: &Value) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut put = |name: String, value: &str| out.push((name, value.to_string()));
    let age = &example["age"];
    if let Some(years) = age["years"].as_u64() {
        put("age_years".into(), &years.to_string());
    }
    put("age_basis".into(), age["basis"].as_str().unwrap());
    if let Some(claimed) = age["claimed_years"].as_u64() {
        put("claimed_years".into(), &claimed.to_string());
    }
    match age["reasons_to_believe_minor"].as_bool() {
        Some(true) => put("minor".into(), "yes"),
        Some(false) => put("minor".into(), "no"),
        None => {}
    }
    put("sex".into(), example["sex"].as_str().unwrap());
    for (element, prefix) in [("acts", "act"), ("means", "means"), ("purposes", "purpose")] {
        for id in example["palermo"][element].as_array().unwrap() {
            put(format!("{prefix}.{}", id.as_str().unwrap()), "yes");
        }
    }
    put(
        "exploitation_type".into(),
        example["exploitation_type"].as_str().unwrap(),
    );
    for (id, answer) in example["indicators"].as_object().unwrap() {
        put(format!("ind.{id}"), answer.as_str().unwrap());
    }
    for id in example["offences_as_consequence"]
        .as_array()
        .into_iter()
        .flatten()
    {
        put(format!("offence.{}", id.as_str().unwrap()), "yes");
    }
    for id in example["risk_indicators"].as_array().into_iter().flatten() {
        put(format!("risk.{}", id.as_str().unwrap()), "yes");
    }
    for flag in [
        "unaccompanied",
        "children_present",
        "family_involved",
        "smuggled",
        "seeks_international_protection",
    ] {
        if let Some(value) = example[flag].as_bool() {
            put(format!("flag.{flag}"), if value { "yes" } else { "no" });
        }
    }
    out
}

/// Walks from the first step to `until` (0-based), answering on each step what is asked
/// there; returns the page of step `until`.
async fn walk_to(
    server: &TestServer,
    client: &Client,
    answers: &[(String, String)],
    until: usize,
) -> String {
    let answers: Vec<(&str, &str)> = answers
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let first = client
        .get(server.at("/screenings/new"))
        .send()
        .await
        .unwrap();
    assert_eq!(first.status(), 200);
    assert_eq!(first.headers().get("cache-control").unwrap(), "no-store");
    let mut html = first.text().await.unwrap();
    for step in 0..until {
        assert_eq!(step_of(&html), step);
        assert!(
            html.contains(&format!("Step {} of {STEPS}", step + 1)),
            "the progress reads step {} of {STEPS}",
            step + 1
        );
        let form = form_with(&wizard_fields(&html), &answers, "next");
        let response = post_step(server, client, &form).await;
        let status = response.status();
        html = response.text().await.unwrap();
        assert_eq!(status, 200, "step {step}:\n{html}");
    }
    assert_eq!(step_of(&html), until);
    html
}

/// Counts the drafts whose sealed bytes hold `text` in clear, in the engine's own SQL.
async fn drafts_containing(backend: &TestBackend, text: &str) -> i64 {
    let sql = if backend.name == "sqlite" {
        format!(
            "SELECT COUNT(*) FROM screening_drafts WHERE instr(sealed, CAST('{text}' AS BLOB)) > 0"
        )
    } else {
        format!(
            "SELECT COUNT(*) FROM screening_drafts WHERE position(convert_to('{text}', 'UTF8') in sealed) > 0"
        )
    };
    backend.raw_count(&sql).await
}

fn position(html: &str, needle: &str) -> usize {
    html.find(needle)
        .unwrap_or_else(|| panic!("{needle:?} is not on the page:\n{html}"))
}

#[tokio::test]
async fn a_screener_walks_the_wizard_for_s03_and_the_result_protects_the_child_first() {
    on_each_backend(|backend| async move {
        let server = TestServer::start(&backend).await;
        let world = seed_world(&server.store).await;
        let client = sign_in(&server, "test-screener").await;
        let example = example_input("S03-boy-begging-boarding-school.json");
        let mut answers = answers_for(&example);
        answers.push(("person_language".into(), "fr".into()));
        answers.push(("given_name".into(), "Moussa".into()));
        let last = walk_to(&server, &client, &answers, STEPS - 1).await;
        assert!(
            last.contains("You answered yes to 19 questions and no to one question."),
            "{last}"
        );
        let pairs: Vec<(&str, &str)> = answers
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        let form = form_with(&wizard_fields(&last), &pairs, "submit");
        let response = post_step(&server, &client, &form).await;
        assert_eq!(response.status(), 200);
        let path = response.url().path().to_string();
        assert!(path.starts_with("/screenings/"), "{path}");
        assert_eq!(response.url().query(), Some("language=fr"));
        assert_eq!(response.headers().get("cache-control").unwrap(), "no-store");
        let html = response.text().await.unwrap();

        // What was recorded is what the engine says of the worked example.
        let id = path.trim_start_matches("/screenings/");
        let screener = world.user(Role::Screener);
        let record = server.store.screening(screener, id).await.unwrap();
        let expected = server
            .store
            .record_screening(screener, None, &example)
            .await
            .unwrap();
        for key in [
            "treated_as_child",
            "legal",
            "ilo",
            "forced_labour_flag",
            "next",
        ] {
            assert_eq!(record.result[key], expected.result[key], "{key}");
        }
        assert!(record.person_id.is_some(), "registered and linked");

        // A child: the child-protection steps come first, marked, before the outcome and the
        // other steps.
        let protect = position(&html, "data-testid=\"protect-first\"");
        assert!(protect < position(&html, "data-testid=\"outcome\""));
        assert!(protect < position(&html, "data-testid=\"next-steps\""));
        let section = &html[protect..position(&html, "data-testid=\"outcome\"")];
        assert!(section.contains("A child: protect first"));
        assert!(section.contains("Other children are in the same situation."));
        for words in [
            "Refer to child protection now.",
            "Ask for a guardian or representative for the child without delay.",
            "Assess the child&#39;s best interests",
            "Make sure the child is not held by police or immigration",
            "Keep treating the person as a child.",
        ] {
            assert!(section.contains(words), "{words} in the child section");
        }
        let rest = &html[position(&html, "data-testid=\"next-steps\"")..];
        assert!(
            !rest.contains("Refer to child protection now."),
            "not repeated"
        );
        assert!(rest.contains("Flag the offences the person was made to commit"));
        assert!(rest.contains("Offer medical care"));
        // The outcome in plain words, per profile and on the ILO/EC indicators.
        assert_eq!(html.matches("data-outcome=\"TRAFFICKING\"").count(), 2);
        assert!(html.contains(
            "There are reasonable grounds to believe the person is a victim of trafficking."
        ));
        assert!(html.contains("data-outcome=\"VICTIM\""));
        // The explanations are the engine's own messages, in words.
        assert!(html.contains("Treated as a child (presumption of minority)"));
        assert!(
            !html.contains("routing-step"),
            "no message id left unrendered"
        );

        // A case opens from the screening, and the screener lands on it.
        let response = client
            .post(server.at(&format!("/screenings/{id}/case")))
            .header("origin", &server.url)
            .form(&[("language", "fr")])
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200);
        let case_path = response.url().path().to_string();
        assert!(case_path.starts_with("/cases/"), "{case_path}");
        let case = server
            .store
            .case(screener, case_path.trim_start_matches("/cases/"))
            .await
            .unwrap();
        assert!(case.case.is_child());
        assert_eq!(case.screening_id.as_deref(), Some(id));
        server.stop().await;
        backend
    })
    .await;
}

#[tokio::test]
async fn in_interpreter_mode_each_question_is_shown_in_both_languages_side_by_side() {
    on_each_backend(|backend| async move {
        let server = TestServer::start(&backend).await;
        seed_world(&server.store).await;
        let client = sign_in(&server, "test-screener").await;
        let first = client
            .get(server.at("/screenings/new"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(first.contains("<option value=\"ar\" lang=\"ar\">العربية</option>"));
        let form = form_with(
            &wizard_fields(&first),
            &[("interpreter", "ar"), ("age_basis", "claimed")],
            "next",
        );
        let html = post_step(&server, &client, &form).await.text().await.unwrap();
        assert_eq!(step_of(&html), 1);
        // Five acts, five questions, each in a pair: the screener's side left to right, the
        // interpreter's right to left.
        assert_eq!(html.matches("<div class=\"pair\"").count(), 5, "{html}");
        assert_eq!(html.matches("<p lang=\"en\" dir=\"ltr\">").count(), 5);
        assert_eq!(html.matches("<p lang=\"ar\" dir=\"rtl\">").count(), 5);
        assert!(html.contains("<fieldset class=\"question\" id=\"f-act-recruitment\" aria-labelledby=\"t-act-recruitment\">"));
        assert!(html.contains("<div class=\"pair\" id=\"t-act-recruitment\">"));
        let english = "Did someone offer you work, a journey or a marriage, or find you and ask you to come?";
        if LANGUAGES.contains(&"ar") {
            // The Arabic side is in Arabic.
            let side = &html[position(&html, "<p lang=\"ar\" dir=\"rtl\">")..];
            let side = &side[..side.find("</p>").unwrap()];
            assert!(!side.contains(english), "{side}");
        } else {
            // Until the Arabic messages arrive, the interpreter's side says so and marks the
            // English words it shows as English.
            assert!(html.contains("Haven does not have these questions in العربية yet"));
            assert!(html.contains(&format!(
                "<p lang=\"ar\" dir=\"rtl\"><span lang=\"en\" dir=\"ltr\">{english}</span></p>"
            )));
        }
        // The choice travels with the answers; one language needs no pair.
        let fields = wizard_fields(&html);
        assert!(fields.iter().any(|f| f.name == "interpreter" && f.value == "ar" && !f.visible));
        let back = post_step(&server, &client, &form_with(&fields, &[], "back")).await.text().await.unwrap();
        let form = form_with(&wizard_fields(&back), &[("interpreter", "")], "next");
        let html = post_step(&server, &client, &form).await.text().await.unwrap();
        assert_eq!(step_of(&html), 1);
        assert!(!html.contains("class=\"pair\""));
        assert!(html.contains(&format!("<legend>{english}</legend>")));
        server.stop().await;
        backend
    })
    .await;
}

#[tokio::test]
async fn a_missing_answer_comes_back_next_to_its_field_with_every_answer_kept() {
    on_each_backend(|backend| async move {
        let server = TestServer::start(&backend).await;
        seed_world(&server.store).await;
        let client = sign_in(&server, "test-screener").await;
        let first = client.get(server.at("/screenings/new")).send().await.unwrap().text().await.unwrap();
        // No basis for the age, and an age that is not a number.
        let form = form_with(
            &wizard_fields(&first),
            &[("claimed_years", "14"), ("minor", "yes"), ("sex", "male"), ("age_years", "fourteen"), ("person_language", "ar")],
            "next",
        );
        let response = post_step(&server, &client, &form).await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = response.text().await.unwrap();
        assert_eq!(step_of(&html), 0, "the same step again");
        assert!(html.contains("role=\"alert\""));
        assert!(html.contains("<p class=\"field-error\" id=\"e-age_basis\">Choose how the age is known.</p>"));
        assert!(html.contains("<fieldset class=\"question\" id=\"f-age_basis\" aria-describedby=\"e-age_basis\">"));
        assert!(html.contains("required aria-invalid=\"true\" aria-describedby=\"e-age_basis\">"));
        assert!(html.contains("id=\"e-age_years\">Write a whole number of years from 0 to 120, or leave it empty.</span>"));
        assert!(html.contains("value=\"fourteen\" aria-invalid=\"true\" aria-describedby=\"e-age_years\">"), "what was typed is kept");
        let kept = wizard_fields(&html);
        let kept_sent: Vec<&Field> = kept.iter().filter(|f| f.sent).collect();
        for (name, value) in [("claimed_years", "14"), ("minor", "yes"), ("sex", "male"), ("person_language", "ar")] {
            assert!(kept_sent.iter().any(|f| f.name == name && f.value == value), "{name} kept");
        }

        // Corrected, on to the purposes; without the kind of exploitation the step returns.
        let form = form_with(&kept, &[("age_basis", "claimed"), ("age_years", "")], "next");
        let html = post_step(&server, &client, &form).await.text().await.unwrap();
        assert_eq!(step_of(&html), 1);
        let html = post_step(&server, &client, &form_with(&wizard_fields(&html), &[("act.recruitment", "yes")], "next")).await.text().await.unwrap();
        let html = post_step(&server, &client, &form_with(&wizard_fields(&html), &[("means.deception", "yes")], "next")).await.text().await.unwrap();
        assert_eq!(step_of(&html), 3);
        let response = post_step(&server, &client, &form_with(&wizard_fields(&html), &[("purpose.forced_begging", "yes")], "next")).await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = response.text().await.unwrap();
        assert_eq!(step_of(&html), 3);
        assert!(html.contains("id=\"e-exploitation_type\">Choose the kind of exploitation"));
        assert!(html.contains("aria-describedby=\"h-exploitation_type e-exploitation_type\""));
        let kept: Vec<Field> = wizard_fields(&html).into_iter().filter(|f| f.sent).collect();
        for (name, value) in [("purpose.forced_begging", "yes"), ("act.recruitment", "yes"), ("means.deception", "yes"), ("claimed_years", "14"), ("minor", "yes")] {
            assert!(kept.iter().any(|f| f.name == name && f.value == value), "{name} kept");
        }
        server.stop().await;
        backend
    })
    .await;
}

#[tokio::test]
async fn a_saved_draft_comes_back_with_every_answer_sealed_and_only_for_its_owner() {
    on_each_backend(|backend| async move {
        let server = TestServer::start(&backend).await;
        seed_world(&server.store).await;
        let client = sign_in(&server, "test-screener").await;
        let mut answers = answers_for(&example_input("S03-boy-begging-boarding-school.json"));
        answers.push(("interpreter".into(), "uk".into()));
        answers.push(("given_name".into(), "Zoryana-Marker".into()));
        answers.push(("family_name".into(), "Kovalenko-Marker".into()));
        let last = walk_to(&server, &client, &answers, STEPS - 1).await;
        let pairs: Vec<(&str, &str)> = answers
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        let saved_form = form_with(&wizard_fields(&last), &pairs, "save");
        let response = post_step(&server, &client, &saved_form).await;
        assert_eq!(response.status(), 200);
        assert_eq!(response.url().path(), "/screenings/drafts");
        let list = response.text().await.unwrap();
        assert!(list.contains("Saved. You can continue this screening from this list."));
        assert_eq!(list.matches("data-testid=\"draft-row\"").count(), 1);
        assert!(list.contains(&format!(
            "Step {STEPS} of {STEPS}: Check and see the result"
        )));
        let href = "href=\"/screenings/drafts/";
        let at = position(&list, href) + href.len();
        let draft = list[at..at + list[at..].find('"').unwrap()].to_string();

        // Sealed at rest: neither the names nor the questions answered are in the table.
        assert_eq!(
            backend
                .raw_count("SELECT COUNT(*) FROM screening_drafts")
                .await,
            1
        );
        for text in [
            "Zoryana-Marker",
            "Kovalenko-Marker",
            "CD.violence_on_victim",
            "forced_begging",
            "claimed_years",
        ] {
            assert_eq!(
                drafts_containing(&backend, text).await,
                0,
                "{text} readable at rest on {}",
                backend.name
            );
        }

        // Another user can neither open nor delete it, nor see it listed.
        let other = sign_in(&server, "test-caseworker").await;
        let refused = other
            .get(server.at(&format!("/screenings/drafts/{draft}")))
            .send()
            .await
            .unwrap();
        assert!(
            matches!(refused.status().as_u16(), 403 | 404),
            "{}",
            refused.status()
        );
        let body = refused.text().await.unwrap();
        assert!(!body.contains("Zoryana"));
        let refused = other
            .post(server.at(&format!("/screenings/drafts/{draft}/delete")))
            .header("origin", &server.url)
            .send()
            .await
            .unwrap();
        assert!(matches!(refused.status().as_u16(), 403 | 404));
        let theirs = other
            .get(server.at("/screenings/drafts"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(!theirs.contains(&draft));

        // Resumed, the wizard is back on the step it was saved at, with every answer.
        let resumed = client
            .get(server.at(&format!("/screenings/drafts/{draft}")))
            .send()
            .await
            .unwrap();
        assert_eq!(resumed.status(), 200);
        assert_eq!(resumed.headers().get("cache-control").unwrap(), "no-store");
        let html = resumed.text().await.unwrap();
        assert!(html.contains("Your saved answers are back."));
        assert_eq!(step_of(&html), STEPS - 1);
        let sorted = |form: Vec<(String, String)>| {
            let mut form: Vec<(String, String)> = form
                .into_iter()
                .filter(|(k, v)| {
                    !(matches!(k.as_str(), "go" | "draft") || v.is_empty() || v == "unknown")
                })
                .collect();
            form.sort();
            form
        };
        let before = sorted(saved_form.clone());
        let after = sorted(
            wizard_fields(&html)
                .into_iter()
                .filter(|f| f.sent)
                .map(|f| (f.name, f.value))
                .collect(),
        );
        assert_eq!(after, before, "every answer kept");
        assert!(
            before
                .iter()
                .any(|(k, v)| k == "ind.CD.violence_on_victim" && v == "yes")
        );
        assert!(html.contains(&format!(
            "<input type=\"hidden\" name=\"draft\" value=\"{draft}\">"
        )));

        // Submitted from the draft, the screening is recorded and the draft is gone.
        let form = form_with(&wizard_fields(&html), &[], "submit");
        let response = post_step(&server, &client, &form).await;
        assert_eq!(response.status(), 200);
        assert!(response.url().path().starts_with("/screenings/"));
        assert_eq!(
            backend
                .raw_count("SELECT COUNT(*) FROM screening_drafts")
                .await,
            0
        );
        let list = client
            .get(server.at("/screenings/drafts"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(list.contains("You have no saved screenings."));
        server.stop().await;
        backend
    })
    .await;
}
