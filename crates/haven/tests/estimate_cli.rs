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

const CONTRACT_KEYS: [&str; 9] = [
    "observed",
    "estimate",
    "ci",
    "ci_method",
    "model",
    "empty_terms",
    "lists",
    "status",
    "fit",
];

fn keys(object: &Value) -> Vec<&str> {
    object
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect()
}

#[test]
fn json_keys_come_in_the_contract_order() {
    let output = haven(&[&reference("western_us_5lists.csv")]);
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        stdout.starts_with("{\"observed\":345,\"estimate\":"),
        "{stdout}"
    );
    let report: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(keys(&report), CONTRACT_KEYS);
}

/// Western US with each count split two thirds to `north`, the rest to `south`.
fn western_by_site(dir: &std::path::Path) -> std::path::PathBuf {
    let western = std::fs::read_to_string(reference("western_us_5lists.csv")).unwrap();
    let mut lines = western.lines();
    let mut csv = lines.next().unwrap().replace(",count", ",site,count\n");
    for line in lines {
        let (pattern, count) = line.rsplit_once(',').unwrap();
        let count: u64 = count.parse().unwrap();
        let north = count * 2 / 3;
        csv.push_str(&format!(
            "{pattern},north,{north}\n{pattern},south,{}\n",
            count - north
        ));
    }
    let file = dir.join("western-by-site.csv");
    std::fs::write(&file, csv).unwrap();
    file
}

#[test]
fn joint_strata_model_with_every_term_by_stratum_matches_separate_fits() {
    let dir = std::env::temp_dir().join(format!("haven-estimate-joint-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = western_by_site(&dir);
    let file = file.to_str().unwrap();
    let common = [file, "--stratum", "site", "--method", "main"];
    let separate = json(&common);
    let joint = json(
        &[
            &common[..],
            &["--strata-model", "joint", "--stratum-terms", "all"],
        ]
        .concat(),
    );
    assert_eq!(separate["strata_model"], "separate");
    assert_eq!(joint["strata_model"], "joint");
    assert_eq!(joint["stratum_terms"], "all");
    let mut keys_expected = CONTRACT_KEYS.to_vec();
    keys_expected.extend(["strata_model", "stratum_terms", "strata"]);
    assert_eq!(keys(&joint), keys_expected);
    assert_eq!(joint["observed"], 345);
    let mut sum = 0.0;
    for (joint, separate) in joint["strata"]
        .as_array()
        .unwrap()
        .iter()
        .zip(separate["strata"].as_array().unwrap())
    {
        assert_eq!(
            keys(joint),
            ["observed", "estimate", "ci", "ci_method", "stratum"]
        );
        assert_eq!(joint["stratum"], separate["stratum"]);
        let estimate = joint["estimate"].as_f64().unwrap();
        assert!((estimate - separate["estimate"].as_f64().unwrap()).abs() < 1e-6 * estimate);
        assert_eq!(joint["ci_method"], "profile");
        sum += estimate;
    }
    let total = joint["estimate"].as_f64().unwrap();
    assert!((total - sum).abs() < 1e-6 * total);
    let ci = joint["ci"].as_array().unwrap();
    assert!(ci[0].as_f64().unwrap() < total && total < ci[1].as_f64().unwrap());
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn joint_strata_model_refuses_data_without_strata_and_the_bootstrap() {
    let western = reference("western_us_5lists.csv");
    let output = haven(&[&western, "--strata-model", "joint"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("needs a stratum column"));
    let dir = std::env::temp_dir().join(format!("haven-estimate-joint-bca-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = western_by_site(&dir);
    let output = haven(&[
        file.to_str().unwrap(),
        "--stratum",
        "site",
        "--strata-model",
        "joint",
        "--ci",
        "bca",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("--strata-model separate only"));
    std::fs::remove_dir_all(dir).unwrap();
}
