//! `haven estimate` run as a user runs it: the real binary, real files, exit statuses.

use std::process::{Command, Output};

use serde_json::Value;

fn reference(file: &str) -> String {
    format!(
        "{}/../../reference/mse-data/{file}",
        env!("CARGO_MANIFEST_DIR")
    )
}

fn haven(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_haven"))
        .arg("estimate")
        .args(args)
        .output()
        .expect("the binary runs")
}

fn json(args: &[&str]) -> Value {
    let output = haven(args);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("stdout is JSON")
}

#[test]
fn default_is_stepwise_p_with_a_profile_interval() {
    let report = json(&[&reference("western_us_5lists.csv")]);
    assert_eq!(report["status"], "ok");
    assert_eq!(report["observed"], 345);
    assert_eq!(report["estimate"].as_f64().unwrap().round(), 2483.0);
    assert_eq!(report["model"], serde_json::json!(["A:E"]));
    assert_eq!(report["ci_method"], "profile");
    assert_eq!(
        report["lists"],
        serde_json::json!(["A", "B", "C", "D", "E"])
    );
    let ci = report["ci"].as_array().unwrap();
    let (lower, upper) = (ci[0].as_f64().unwrap(), ci[1].as_f64().unwrap());
    assert!(lower < 2483.0 && 2483.0 < upper);
    assert!(report["fit"]["bic"].as_f64().unwrap() > report["fit"]["aic"].as_f64().unwrap());
}

#[test]
fn uk_stepwise_aic_and_kosovo_best_bic_order_three() {
    let uk = json(&[
        &reference("uk2013_5lists.csv"),
        "--method",
        "stepwise-aic",
        "--ci",
        "none",
    ]);
    assert_eq!(uk["estimate"].as_f64().unwrap().round(), 11313.0);
    assert_eq!(uk["ci"], Value::Null);
    let kosovo = json(&[
        &reference("kosovo1999_4lists.csv"),
        "--method",
        "best-bic",
        "--max-order",
        "3",
    ]);
    assert_eq!(kosovo["estimate"].as_f64().unwrap().round(), 10357.0);
}

#[test]
fn bca_interval_is_seeded() {
    let args = [
        reference("korea_palembang_3lists.csv"),
        "--ci".into(),
        "bca".into(),
        "--bootstrap".into(),
        "200".into(),
        "--seed".into(),
        "5".into(),
    ];
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let first = json(&args);
    assert_eq!(first["ci_method"], "bca");
    assert_eq!(first, json(&args));
}

#[test]
fn best_bic_beyond_the_searchable_model_space_is_refused() {
    let output = haven(&[
        &reference("neworleans_8lists_v185.csv"),
        "--method",
        "best-bic",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("up to 6 lists"));
}

#[test]
fn text_report_states_estimate_interval_and_caveats() {
    let output = haven(&[
        &reference("korea_palembang_3lists.csv"),
        "--method",
        "best-bic",
        "--format",
        "text",
    ]);
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("Model: b:c, c:d"), "{text}");
    assert!(text.contains("Estimated total: 157"), "{text}");
    assert!(
        text.contains("95% interval:") && text.contains("Caveats:"),
        "{text}"
    );
}

#[test]
fn strata_are_estimated_separately() {
    let dir = std::env::temp_dir().join(format!("haven-estimate-strata-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("by-sex.csv");
    std::fs::write(&file, "A,B,C,sex,count\n1,0,0,f,30\n0,1,0,f,20\n0,0,1,f,25\n1,1,0,f,6\n1,0,1,f,7\n0,1,1,f,5\n1,1,1,f,2\n1,0,0,m,40\n0,1,0,m,35\n0,0,1,m,30\n1,1,0,m,9\n1,0,1,m,8\n0,1,1,m,6\n1,1,1,m,1\n").unwrap();
    let report = json(&[
        file.to_str().unwrap(),
        "--stratum",
        "sex",
        "--method",
        "main",
    ]);
    let strata = report["strata"].as_array().unwrap();
    assert_eq!(strata.len(), 2);
    assert_eq!(strata[0]["stratum"], "f");
    assert_eq!(
        strata[0]["observed"].as_u64().unwrap() + strata[1]["observed"].as_u64().unwrap(),
        report["observed"].as_u64().unwrap()
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_model_without_estimate_reports_its_status_and_no_number() {
    let dir = std::env::temp_dir().join(format!("haven-estimate-none-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("all-on-a.csv");
    std::fs::write(&file, "A,B,count\n1,0,5\n1,1,3\n").unwrap();
    let report = json(&[file.to_str().unwrap(), "--method", "main"]);
    assert_eq!(report["status"], "mle_does_not_exist");
    assert_eq!(report["estimate"], Value::Null);
    assert_eq!(report["ci"], Value::Null);
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn malformed_files_exit_2_with_one_line_naming_the_place() {
    let dir = std::env::temp_dir().join(format!("haven-estimate-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let cases = [
        ("A,B,count\n1,0,3\n1,x,2\n", "line 3, column `B`"),
        ("A,B,count\n1,0,-3\n", "line 2, column `count`"),
        ("A,count\n1,3\n", "at least 2 lists"),
        ("A,B,count\n0,0,3\n", "line 2: a case on no list"),
        (
            "A,A,count\n1,0,3\n",
            "column `A`: the list name appears twice",
        ),
        ("A,B,count\n1,0,3\n1,0\n", "line 3: the row has 2 fields"),
    ];
    for (i, (csv, expected)) in cases.iter().enumerate() {
        let file = dir.join(format!("bad-{i}.csv"));
        std::fs::write(&file, csv).unwrap();
        let output = haven(&[file.to_str().unwrap()]);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{csv}: {stderr}");
        assert!(stderr.contains(expected), "{csv}: {stderr}");
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
    }
    std::fs::remove_dir_all(dir).unwrap();
}
