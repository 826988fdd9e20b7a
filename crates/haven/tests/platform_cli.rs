//! The platform's commands through the real binary: admin, migrate, audit verify, keys rotate,
//! backup and restore, rebuild-projections and the demo.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn haven(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_haven"))
        .args(args)
        .env_remove("HAVEN_DATABASE_URL")
        .output()
        .expect("haven runs")
}

fn ok(args: &[&str]) -> String {
    let output = haven(args);
    assert!(
        output.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

fn temp() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

fn dir_arg(dir: &Path) -> String {
    dir.join("data").display().to_string()
}

fn seed(dir: &Path) -> String {
    let data = dir_arg(dir);
    ok(&[
        "admin",
        "create-org",
        "--data-dir",
        &data,
        "--name",
        "Shelter",
        "--type",
        "NGO",
        "--no-totp",
    ]);
    let password_file = dir.join("password");
    std::fs::write(&password_file, "a long enough password\n").unwrap();
    let out = ok(&[
        "admin",
        "create-user",
        "--data-dir",
        &data,
        "--org",
        "Shelter",
        "--username",
        "ana",
        "--name",
        "Ana",
        "--role",
        "caseworker",
        "--password-file",
        password_file.to_str().unwrap(),
    ]);
    assert!(out.contains("user ana (caseworker) created"), "{out}");
    assert!(!out.contains("password (shown once)"));
    data
}

#[test]
fn admin_commands_create_and_manage_users_with_clear_errors() {
    let dir = temp();
    let data = seed(dir.path());
    let generated = ok(&[
        "admin",
        "create-user",
        "--data-dir",
        &data,
        "--org",
        "Shelter",
        "--username",
        "bob",
        "--name",
        "Bob",
        "--role",
        "screener",
    ]);
    assert!(generated.contains("password (shown once): "), "{generated}");
    let output = haven(&[
        "admin",
        "create-user",
        "--data-dir",
        &data,
        "--org",
        "Shelter",
        "--username",
        "ana",
        "--name",
        "A",
        "--role",
        "caseworker",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("the username \"ana\" is taken"));
    let output = haven(&[
        "admin",
        "create-user",
        "--data-dir",
        &data,
        "--org",
        "Shelter",
        "--username",
        "cy",
        "--name",
        "C",
        "--role",
        "boss",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("allowed: screener, caseworker"));
    let output = haven(&[
        "admin",
        "create-org",
        "--data-dir",
        &data,
        "--name",
        "X",
        "--type",
        "Charity",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        ok(&[
            "admin",
            "reset-password",
            "--data-dir",
            &data,
            "--username",
            "ana"
        ])
        .contains("password (shown once)")
    );
    assert!(
        ok(&[
            "admin",
            "disable-user",
            "--data-dir",
            &data,
            "--username",
            "bob"
        ])
        .contains("bob disabled")
    );
    assert!(
        ok(&[
            "admin",
            "second-factor",
            "--data-dir",
            &data,
            "--org",
            "Shelter",
            "--required",
            "true"
        ])
        .contains("now required")
    );
    assert!(ok(&["migrate", "--data-dir", &data]).contains("up to date (sqlite)"));
    assert!(ok(&["admin", "rebuild-projections", "--data-dir", &data]).contains("state unchanged"));
    assert!(ok(&["audit", "verify", "--data-dir", &data]).contains("audit log intact"));
    assert!(ok(&["keys", "rotate", "--data-dir", &data]).contains("master key is now version 2"));
}

#[test]
fn audit_verify_exits_non_zero_and_names_the_broken_entry() {
    let dir = temp();
    let data = seed(dir.path());
    let db = PathBuf::from(&data).join("haven.sqlite");
    let status = Command::new("python3")
        .args(["-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('DROP TRIGGER audit_log_no_update'); c.execute(\"UPDATE audit_log SET purpose='x' WHERE seq=2\"); c.commit()"])
        .arg(&db)
        .status()
        .unwrap();
    assert!(status.success());
    let output = haven(&["audit", "verify", "--data-dir", &data]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("BROKEN at entry 2"),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn backup_and_restore_round_trip_with_and_without_the_keys() {
    let dir = temp();
    let data = dir.path().join("demo");
    let data_arg = data.display().to_string();
    ok(&[
        "demo",
        "--data-dir",
        &data_arg,
        "--cases",
        "40",
        "--prepare-only",
    ]);
    let passphrase = dir.path().join("passphrase");
    std::fs::write(&passphrase, "correct horse battery staple\n").unwrap();
    let backup = dir.path().join("backup.sqlite");
    let keys = dir.path().join("keys.export");
    let out = ok(&[
        "backup",
        "--data-dir",
        &data_arg,
        "-o",
        backup.to_str().unwrap(),
        "--keys-output",
        keys.to_str().unwrap(),
        "--passphrase-file",
        passphrase.to_str().unwrap(),
    ]);
    assert!(out.contains("key store written, encrypted"), "{out}");
    let bytes = std::fs::read(&keys).unwrap();
    assert!(
        !bytes.windows(16).any(|w| w == b"haven-master-key"),
        "the key export is encrypted"
    );

    let restored = dir.path().join("restored");
    let out = ok(&[
        "restore",
        "--data-dir",
        restored.to_str().unwrap(),
        backup.to_str().unwrap(),
        "--keys",
        keys.to_str().unwrap(),
        "--passphrase-file",
        passphrase.to_str().unwrap(),
    ]);
    assert!(out.contains("audit log intact"), "{out}");
    let count_in = |file: PathBuf, table: &str| {
        let out = Command::new("python3")
            .args(["-c", &format!("import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('SELECT COUNT(*) FROM {table}').fetchone()[0])")])
            .arg(file)
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap().trim().to_string()
    };
    let count = |dir: &Path, table: &str| count_in(dir.join("haven.sqlite"), table);
    assert_eq!(
        count_in(data.join("keys.sqlite"), "data_keys"),
        count_in(restored.join("keys.sqlite"), "data_keys")
    );
    for table in [
        "screenings",
        "persons",
        "identity_fields",
        "audit_log",
        "record_actions",
    ] {
        assert_eq!(count(&data, table), count(&restored, table), "{table}");
    }
    assert!(
        ok(&[
            "admin",
            "rebuild-projections",
            "--data-dir",
            restored.to_str().unwrap()
        ])
        .contains("state unchanged")
    );

    // Into a non-empty directory: refused, nothing touched.
    let output = haven(&["restore", "--data-dir", &data_arg, backup.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("is not empty"));
    // With the wrong passphrase: refused.
    std::fs::write(&passphrase, "another passphrase entirely\n").unwrap();
    let output = haven(&[
        "restore",
        "--data-dir",
        dir.path().join("other").to_str().unwrap(),
        backup.to_str().unwrap(),
        "--keys",
        keys.to_str().unwrap(),
        "--passphrase-file",
        passphrase.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("does not open with this passphrase"));
    // Without the keys: the records come back, the identities cannot.
    let bare = dir.path().join("bare");
    ok(&[
        "restore",
        "--data-dir",
        bare.to_str().unwrap(),
        backup.to_str().unwrap(),
    ]);
    assert_eq!(count(&bare, "screenings"), count(&data, "screenings"));
    assert_eq!(
        count_in(bare.join("keys.sqlite"), "data_keys"),
        "0",
        "no person's key came back"
    );
}

#[test]
fn the_demo_builds_a_world_once_and_refuses_a_real_data_dir() {
    let dir = temp();
    let data = dir.path().join("demo");
    let out = ok(&[
        "demo",
        "--data-dir",
        data.to_str().unwrap(),
        "--cases",
        "30",
        "--prepare-only",
    ]);
    let screenings = |out: &str| -> usize {
        let words: Vec<&str> = out.split_whitespace().collect();
        let at = words
            .iter()
            .position(|w| w.starts_with("screenings"))
            .expect("a count of screenings");
        words[at - 1].parse().unwrap()
    };
    assert!(screenings(&out) >= 30, "{out}");
    for stage in [
        "identified",
        "anonymous_notification",
        "referred",
        "recovery_period",
        "not_identified",
        "reconsideration",
        "recognised",
        "durable_solution",
        "closed",
    ] {
        assert!(
            out.contains(&format!("{stage} ")),
            "a case in {stage}: {out}"
        );
    }
    assert!(out.contains("10 services in the directory"), "{out}");
    // The demo's caseworker has deadlines missed long ago, which their digest escalates.
    let digest = ok(&[
        "digest",
        "--data-dir",
        data.to_str().unwrap(),
        "--user",
        "caseworker",
    ]);
    assert!(digest.contains("Escalated to the supervisor ("), "{digest}");
    let logins = std::fs::read_to_string(data.join("demo-logins.txt")).unwrap();
    for role in [
        "admin",
        "screener",
        "caseworker",
        "supervisor",
        "decision_maker",
        "provider",
        "registrar",
        "trainer",
        "statistician",
    ] {
        assert!(logins.contains(role), "a {role} login");
    }
    let again = ok(&[
        "demo",
        "--data-dir",
        data.to_str().unwrap(),
        "--cases",
        "30",
        "--prepare-only",
    ]);
    assert_eq!(
        screenings(&again),
        screenings(&out),
        "reused, not doubled: {again}"
    );
    let real = seed(dir.path());
    let output = haven(&["demo", "--data-dir", &real, "--prepare-only"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("not a Haven demo"));
}

#[test]
fn postgres_without_a_key_file_is_a_clear_error() {
    let output = haven(&["migrate", "--database-url", "postgres://127.0.0.1:1/none"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("--key-file"));
}

#[test]
fn estimate_from_cases_uses_the_organisation_types_that_identified_each_person() {
    let dir = temp();
    let data = dir.path().join("demo");
    let data_arg = data.display().to_string();
    ok(&[
        "demo",
        "--data-dir",
        &data_arg,
        "--cases",
        "300",
        "--prepare-only",
    ]);
    let out = ok(&[
        "estimate",
        "--from-cases",
        "--lists",
        "org-type",
        "--data-dir",
        &data_arg,
    ]);
    let result: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(result["status"], "ok", "{result}");
    let lists: Vec<&str> = result["lists"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l.as_str().unwrap())
        .collect();
    assert!(
        lists.len() >= 2 && lists.contains(&"NGO") && lists.contains(&"LawEnforcement"),
        "{lists:?}"
    );
    assert!(result["estimate"].as_f64().unwrap() >= result["observed"].as_f64().unwrap());
    assert!(
        !out.contains("count"),
        "only the estimate leaves the server, no table of cells"
    );
    let output = haven(&[
        "estimate",
        "--from-cases",
        "--year",
        "1999",
        "--data-dir",
        &data_arg,
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("at least 2 lists"));
    let output = haven(&["estimate"]);
    assert_eq!(
        output.status.code(),
        Some(2),
        "a file or --from-cases is required"
    );
}
