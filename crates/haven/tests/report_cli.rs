//! The statistics and exchange commands as a user runs them, on the demo's data: `haven report
//! sdg-16-2-2|glotip|budget`, `haven export ctdc|htcds`, `haven import htcds` — outputs in
//! every format, the release policy and its audit, the privacy budget, one-line errors with
//! exit status 2, k-anonymity checked by an independent recount, and imports that report every
//! error and never duplicate.

use std::collections::HashMap;
use std::path::PathBuf;
use std::process::{Command, Output};

use serde_json::Value;

fn haven(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_haven"))
        .args(args)
        .env_remove("HAVEN_DATABASE_URL")
        .env_remove("HAVEN_DATA_DIR")
        .output()
        .expect("haven runs")
}

fn ok(args: &[&str]) -> Output {
    let output = haven(args);
    assert!(
        output.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

/// Exit status 2 with one line of error on stderr that contains `needle`.
fn input_error(args: &[&str], needle: &str) -> String {
    let output = haven(args);
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
    let error_lines: Vec<&str> = stderr.lines().filter(|l| l.starts_with("error:")).collect();
    assert_eq!(error_lines.len(), 1, "{stderr}");
    assert!(stderr.contains(needle), "{needle:?} in {stderr}");
    stderr
}

fn this_year() -> String {
    let ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis() as i64;
    let days = ms.div_euclid(86_400_000);
    // Civil year from days since 1970 (good for 1970–2099).
    let mut year = 1970;
    let mut left = days;
    loop {
        let len = if year % 4 == 0 { 366 } else { 365 };
        if left < len {
            break;
        }
        left -= len;
        year += 1;
    }
    year.to_string()
}

struct Demo {
    _dir: tempfile::TempDir,
    root: PathBuf,
    data: String,
}

fn demo(cases: &str) -> Demo {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().to_path_buf();
    let data = root.join("demo").display().to_string();
    ok(&[
        "demo",
        "--data-dir",
        &data,
        "--cases",
        cases,
        "--prepare-only",
    ]);
    Demo {
        _dir: dir,
        root,
        data,
    }
}

impl Demo {
    fn path(&self, name: &str) -> String {
        self.root.join(name).display().to_string()
    }

    fn json(&self, args: &[&str]) -> Value {
        let mut all: Vec<&str> = args.to_vec();
        all.extend(["--data-dir", &self.data]);
        serde_json::from_slice(&ok(&all).stdout).expect("JSON on stdout")
    }

    fn with_data<'a>(&'a self, args: &[&'a str]) -> Vec<&'a str> {
        let mut all = args.to_vec();
        all.extend(["--data-dir", self.data.as_str()]);
        all
    }

    async fn store(&self) -> haven_store::Store {
        haven_store::Store::open(&haven_store::StoreConfig {
            location: haven_store::Location::DataDir(PathBuf::from(&self.data)),
            key_file: None,
        })
        .await
        .unwrap()
    }
}

#[tokio::test]
async fn sdg_and_glotip_reports_in_every_format_through_the_release_policy() {
    let demo = demo("200");
    let year = this_year();
    let report = demo.json(&[
        "report",
        "sdg-16-2-2",
        "--year",
        &year,
        "--population",
        "5000000",
    ]);
    assert_eq!(report["indicator"], "SDG 16.2.2");
    assert_eq!(report["basis"], "presumed");
    assert_eq!(report["table"]["privacy_check"], "passed");
    assert_eq!(report["table"]["policy"]["kind"], "suppress");
    assert_eq!(report["table"]["policy"]["min_cell"], 5);
    let total = report["rates"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| {
            r["sex"] == "Total" && r["age_group"] == "Total" && r["form_of_exploitation"] == "Total"
        })
        .expect("the total rate")
        .clone();
    let count = total["count"].as_u64().expect("a published total");
    assert!(count >= 20, "the demo's victims: {total}");
    let rate = total["per_100000"].as_f64().unwrap();
    assert!((rate - count as f64 / 50.0).abs() < 0.001, "{total}");
    // Every small count is withheld.
    for entry in report["table"]["counts"].as_array().unwrap() {
        if let Some(c) = entry["count"].as_u64() {
            assert!(c == 0 || c >= 5, "{entry}");
        }
    }
    // The release is in the audit log with its query and policy.
    let store = demo.store().await;
    let entries = store.recent_audit_entries(20, None).await.unwrap();
    let release = entries
        .iter()
        .find(|e| e.action == "statistics.release")
        .expect("the release is audited");
    assert_eq!(release.actor_label, "report");
    assert!(
        release
            .fields
            .iter()
            .any(|f| f.starts_with("query: sdg-16-2-2 year="))
    );
    assert!(
        release
            .fields
            .contains(&"policy: suppress min_cell=5".to_string())
    );
    assert!(release.fields.contains(&"epsilon spent: 0".to_string()));
    store.close().await;

    // Population by group, from a CSV with its source.
    let population = demo.path("population.csv");
    std::fs::write(
        &population,
        "sex,age_group,population,source\nfemale,child,800000,Census 2021\nfemale,adult,1700000,\nmale,child,820000,\nmale,adult,1680000,\n",
    )
    .unwrap();
    let by_group = demo.json(&[
        "report",
        "sdg-16-2-2",
        "--year",
        &year,
        "--population",
        &population,
        "--basis",
        "decided",
    ]);
    assert_eq!(by_group["basis"], "decided");
    assert_eq!(by_group["population"]["source"], "Census 2021");
    assert!(
        by_group["rates"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["sex"] == "female"
                && r["age_group"] == "adult"
                && r["population"] == 1_700_000)
    );

    let csv = demo.path("sdg.csv");
    ok(&demo.with_data(&[
        "report",
        "sdg-16-2-2",
        "--year",
        &year,
        "--population",
        "5000000",
        "--format",
        "csv",
        "-o",
        &csv,
    ]));
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(
        text.starts_with(
            "year,indicator,sex,age_group,form_of_exploitation,count,population,per_100000,basis,"
        ),
        "{text}"
    );
    let xlsx = demo.path("sdg.xlsx");
    ok(&demo.with_data(&[
        "report",
        "sdg-16-2-2",
        "--year",
        &year,
        "--population",
        "5000000",
        "--format",
        "xlsx",
        "-o",
        &xlsx,
    ]));
    use calamine::{Reader, Xlsx, open_workbook};
    let workbook: Xlsx<_> = open_workbook(&xlsx).unwrap();
    assert_eq!(workbook.sheet_names(), vec!["SDG 16.2.2", "notes"]);
    let svg = String::from_utf8(
        ok(&demo.with_data(&[
            "report",
            "sdg-16-2-2",
            "--year",
            &year,
            "--population",
            "5000000",
            "--format",
            "svg",
        ]))
        .stdout,
    )
    .unwrap();
    assert!(svg.starts_with("<svg") && svg.contains("<title"), "{svg}");

    let glotip = demo.json(&["report", "glotip", "--year", &year]);
    for table in [
        "victims",
        "anonymous",
        "suspected",
        "prosecuted",
        "convicted",
    ] {
        assert_eq!(
            glotip["tables"][table]["privacy_check"], "passed",
            "{table}"
        );
    }
    let citizenship: Vec<&str> = glotip["tables"]["victims"]["counts"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["citizenship"].as_str())
        .collect();
    assert!(citizenship.contains(&"not recorded"));
    let glotip_csv = String::from_utf8(
        ok(&demo.with_data(&["report", "glotip", "--year", &year, "--format", "csv"])).stdout,
    )
    .unwrap();
    assert!(
        glotip_csv.starts_with(
            "year,table,description,sex,age_group,form_of_exploitation,citizenship,count,basis,"
        ),
        "{glotip_csv}"
    );
}

#[test]
fn differential_privacy_spends_the_years_budget_and_bad_flags_are_one_line_errors() {
    let demo = demo("60");
    let year = this_year();
    fn sdg<'a>(year: &'a str, extra: &[&'a str]) -> Vec<&'a str> {
        let mut args = vec![
            "report",
            "sdg-16-2-2",
            "--year",
            year,
            "--population",
            "5000000",
        ];
        args.extend(extra);
        args
    }
    input_error(
        &demo.with_data(&sdg(&year, &["--policy", "dp"])),
        "--epsilon",
    );
    input_error(
        &demo.with_data(&sdg(&year, &["--epsilon", "1"])),
        "--policy dp",
    );
    input_error(
        &demo.with_data(&sdg(&year, &["--policy", "dp", "--epsilon", "0.5"])),
        "no privacy budget",
    );
    let budget = demo.json(&["report", "budget", "--year", &year, "--epsilon", "1"]);
    assert_eq!(budget["budget"], 1.0);
    let noisy = demo.json(&sdg(&year, &["--policy", "dp", "--epsilon", "0.6"]));
    assert_eq!(noisy["release"]["epsilon_spent"], 0.6);
    assert_eq!(noisy["table"]["policy"]["kind"], "differential_privacy");
    input_error(
        &demo.with_data(&sdg(&year, &["--policy", "dp", "--epsilon", "0.6"])),
        "exceed",
    );
    let ledger = demo.json(&["report", "budget", "--year", &year]);
    assert_eq!(ledger["spent"], 0.6);
    assert_eq!(ledger["spends"].as_array().unwrap().len(), 1);

    input_error(
        &demo.with_data(&[
            "report",
            "sdg-16-2-2",
            "--year",
            &year,
            "--population",
            "lots",
        ]),
        "--population",
    );
    input_error(
        &demo.with_data(&sdg(&year, &["--format", "xlsx"])),
        "-o OUT.xlsx",
    );
    input_error(
        &demo.with_data(&sdg(&year, &["--min-cell", "0"])),
        "--min-cell",
    );
    let population = demo.path("bad-population.csv");
    std::fs::write(
        &population,
        "sex,age_group,population\nfemale,child,10\nwoman,adult,20\n",
    )
    .unwrap();
    input_error(
        &demo.with_data(&[
            "report",
            "sdg-16-2-2",
            "--year",
            &year,
            "--population",
            &population,
        ]),
        "line 3, column sex",
    );
    input_error(
        &demo.with_data(&[
            "report",
            "sdg-16-2-2",
            "--year",
            &year,
            "--population",
            "/nonexistent/p.csv",
        ]),
        "/nonexistent/p.csv",
    );
    let output = haven(&[
        "report",
        "sdg-16-2-2",
        "--year",
        &year,
        "--population",
        "1",
        "--format",
        "pdf",
    ]);
    assert_eq!(
        output.status.code(),
        Some(2),
        "clap refuses an unknown format"
    );
}

#[test]
fn ctdc_export_is_k_anonymous_by_an_independent_recount() {
    let demo = demo("300");
    let out = demo.path("ctdc.csv");
    let output = ok(&demo.with_data(&["export", "ctdc", "--k", "10", "-o", &out]));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("10-anonymous") && stderr.contains("generalised:"),
        "{stderr}"
    );
    let mut reader = csv::Reader::from_path(&out).unwrap();
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    assert_eq!(
        header,
        haven_stats::ctdc::COLUMNS.map(String::from).to_vec()
    );
    let quasi = [
        "yearOfRegistration",
        "gender",
        "ageBroad",
        "majorityStatus",
        "citizenship",
        "CountryOfExploitation",
        "isForcedLabour",
        "isSexualExploit",
        "isOtherExploit",
    ];
    let columns: Vec<usize> = quasi
        .iter()
        .map(|q| header.iter().position(|h| h == q).unwrap())
        .collect();
    let mut groups: HashMap<Vec<String>, usize> = HashMap::new();
    let mut rows = 0;
    for record in reader.records() {
        let record = record.unwrap();
        rows += 1;
        for cell in record.iter() {
            let bytes = cell.as_bytes();
            let uuid = cell.len() == 36 && cell.matches('-').count() == 4;
            let date = cell.len() == 10 && bytes[4] == b'-' && bytes[7] == b'-';
            assert!(!uuid && !date, "no ids or dates: {cell:?}");
        }
        let key = columns.iter().map(|&i| record[i].to_string()).collect();
        *groups.entry(key).or_default() += 1;
    }
    assert!(rows >= 50, "{rows} rows");
    for (key, n) in &groups {
        assert!(*n >= 10, "{key:?} occurs {n} times");
    }
    // Exports never overwrite.
    input_error(
        &demo.with_data(&["export", "ctdc", "--k", "10", "-o", &out]),
        "already exists",
    );
    input_error(
        &demo.with_data(&["export", "ctdc", "--k", "0", "-o", &demo.path("k0.csv")]),
        "--k",
    );
}

#[tokio::test]
async fn htcds_export_then_import_is_checked_and_idempotent() {
    let demo = demo("60");
    let exported = demo.path("htcds.csv");
    let output = ok(&demo.with_data(&["export", "htcds", "--format", "csv", "-o", &exported]));
    assert!(String::from_utf8_lossy(&output.stderr).contains("no identifying fields"));
    let text = std::fs::read_to_string(&exported).unwrap();
    let header = text.lines().next().unwrap();
    assert_eq!(header, haven_stats::htcds::CASE_COLUMNS.join(","));
    assert!(!text.contains("prs_FirstName"));
    let cases = text.lines().count() - 1;
    assert!(cases >= 10, "{text}");
    for format in ["json", "xlsx"] {
        ok(&demo.with_data(&[
            "export",
            "htcds",
            "--format",
            format,
            "-o",
            &demo.path(&format!("htcds.{format}")),
        ]));
    }

    // Into another installation: every row once, however often.
    let other = demo.path("other");
    let imported = ok(&["import", "htcds", &exported, "--data-dir", &other]);
    let said = String::from_utf8_lossy(&imported.stdout);
    assert!(said.contains(&format!("{cases} imported")), "{said}");
    let again = ok(&[
        "import",
        "htcds",
        &demo.path("htcds.xlsx"),
        "--data-dir",
        &other,
    ]);
    assert!(
        String::from_utf8_lossy(&again.stdout).contains(&format!("{cases} already imported")),
        "{}",
        String::from_utf8_lossy(&again.stdout)
    );
    ok(&[
        "import",
        "htcds",
        &demo.path("htcds.json"),
        "--data-dir",
        &other,
    ]);
    let store = haven_store::Store::open(&haven_store::StoreConfig {
        location: haven_store::Location::DataDir(PathBuf::from(&other)),
        key_file: None,
    })
    .await
    .unwrap();
    assert_eq!(store.imported_case_count().await.unwrap(), cases as i64);
    let entries = store.recent_audit_entries(10, None).await.unwrap();
    assert!(entries.iter().any(|e| e.action == "import.htcds"));
    store.close().await;

    // A file with errors: each reported with row and column, nothing imported...
    let bad = demo.path("partner.csv");
    std::fs::write(
        &bad,
        "hvn_CaseId,cas_IncomingReferralDate,vic_TraffickingStatus,prs_Gender,prs_Citizenship,prs_MobilePhone\n\
         P-1,2025-03-01,PossibleVictimOfTrafficking,Feminine,NG;RO,+2348012345678\n\
         P-2,2025-02-30,PossibleVictimOfTrafficking,Female,NG,\n\
         P-3,2025-04-01,Victim,Masculine,XX,0800 123\n\
         P-1,2025-05-01,ActualVictimOfTrafficking,Masculine,,\n\
         P-5,2025-06-01,ActualVictimOfTrafficking,Masculine,GH,\n",
    )
    .unwrap();
    let output = haven(&["import", "htcds", &bad, "--data-dir", &other]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    for expected in [
        "row 3, column cas_IncomingReferralDate",
        "row 3, column prs_Gender",
        "row 4, column vic_TraffickingStatus",
        "row 4, column prs_Citizenship",
        "row 4, column prs_MobilePhone",
        "row 5, column hvn_CaseId",
        "nothing was imported",
    ] {
        assert!(stderr.contains(expected), "{expected:?} in {stderr}");
    }
    // ...or, skipping them, the valid rows imported and the others beside the file.
    let output = ok(&[
        "import",
        "htcds",
        &bad,
        "--skip-invalid",
        "--data-dir",
        &other,
    ]);
    let said = String::from_utf8_lossy(&output.stdout);
    assert!(
        said.contains("2 imported") && said.contains("3 rejected"),
        "{said}"
    );
    let rejects = std::fs::read_to_string(format!("{bad}.rejects.csv")).unwrap();
    assert_eq!(rejects.lines().count(), 4, "{rejects}");
    assert!(rejects.starts_with("row,errors,hvn_CaseId,"), "{rejects}");
    assert!(rejects.contains("P-3") && !rejects.contains("P-5"));
    let output = ok(&[
        "import",
        "htcds",
        &bad,
        "--skip-invalid",
        "--data-dir",
        &other,
    ]);
    assert!(String::from_utf8_lossy(&output.stdout).contains("2 already imported"));

    input_error(
        &[
            "import",
            "htcds",
            &demo.path("missing.csv"),
            "--data-dir",
            &other,
        ],
        "missing.csv",
    );
    input_error(
        &[
            "import",
            "htcds",
            &demo.path("notes.txt"),
            "--data-dir",
            &other,
        ],
        ".csv, .xlsx or .json",
    );
    let junk = demo.path("junk.xlsx");
    std::fs::write(&junk, b"not a workbook").unwrap();
    input_error(
        &["import", "htcds", &junk, "--data-dir", &other],
        "not an XLSX workbook",
    );
}

#[cfg(feature = "exchange")]
#[test]
fn identifying_fields_leave_only_encrypted_and_only_with_consent() {
    use std::io::Read;
    let demo = demo("30");
    let identity = age::x25519::Identity::generate();
    let recipient = identity.to_public().to_string();
    let key_file = demo.path("partner.pub");
    std::fs::write(&key_file, format!("# the partner's key\n{recipient}\n")).unwrap();
    let out = demo.path("transfer.csv.age");
    let output =
        ok(&demo.with_data(&["export", "htcds", "--recipient-key", &key_file, "-o", &out]));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("1 with identifying fields"), "{stderr}");
    let encrypted = std::fs::read(&out).unwrap();
    assert!(encrypted.starts_with(b"age-encryption.org/v1"));
    let decryptor = age::Decryptor::new(&encrypted[..]).unwrap();
    let mut plain = String::new();
    decryptor
        .decrypt(std::iter::once(&identity as &dyn age::Identity))
        .unwrap()
        .read_to_string(&mut plain)
        .unwrap();
    let mut reader = csv::Reader::from_reader(plain.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    let first_name = header.iter().position(|h| h == "prs_FirstName").unwrap();
    let citizenship = header.iter().position(|h| h == "prs_Citizenship").unwrap();
    let named: Vec<csv::StringRecord> = reader
        .records()
        .map(Result::unwrap)
        .filter(|r| !r[first_name].is_empty())
        .collect();
    assert_eq!(named.len(), 1, "only the case with a consent to transfer");
    assert_eq!(&named[0][citizenship], "NP");
    // Phones start with + and are neutralised like every cell.
    let phone = header.iter().position(|h| h == "prs_MobilePhone").unwrap();
    assert!(named[0][phone].starts_with("'+"), "{:?}", &named[0][phone]);
    input_error(
        &demo.with_data(&[
            "export",
            "htcds",
            "--recipient-key",
            "age1notakey",
            "-o",
            &demo.path("x.age"),
        ]),
        "not an age public key",
    );
    assert!(!std::path::Path::new(&demo.path("x.age")).exists());
}

/// A CSV file's rows (after the header, and after the HXL hashtag row when `hxl`), as maps
/// from column name to cell.
fn csv_rows(text: &str, hxl: bool) -> Vec<HashMap<String, String>> {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    reader
        .records()
        .skip(usize::from(hxl))
        .map(|r| {
            header
                .iter()
                .cloned()
                .zip(r.unwrap().iter().map(String::from))
                .collect()
        })
        .collect()
}

#[test]
fn reports_as_hxl_tagged_csv() {
    let demo = demo("60");
    let year = this_year();
    let sdg = |format: &str| {
        String::from_utf8(
            ok(&demo.with_data(&[
                "report",
                "sdg-16-2-2",
                "--year",
                &year,
                "--population",
                "5000000",
                "--format",
                format,
            ]))
            .stdout,
        )
        .unwrap()
    };
    let hxl = sdg("hxl");
    let mut lines = hxl.lines();
    assert_eq!(
        lines.next(),
        Some(
            "year,indicator,sex,age_group,form_of_exploitation,count,population,per_100000,basis,\
             policy,privacy_check,population_source,dataset,epsilon_spent,budget_remaining,\
             audit_entry"
        )
    );
    assert_eq!(
        lines.next(),
        Some(
            "#date+year,#indicator+code,#indicator+type+sex,#indicator+type+age,\
             #indicator+type+exploitation,#affected+ind,#population,#indicator+value+num,\
             #meta+basis,#meta+policy,#meta+privacy_check,#meta+source+population,#meta+dataset,\
             #meta+epsilon_spent,#meta+budget_remaining,#meta+audit_entry"
        )
    );
    // The same table as the CSV, in a release of its own (suppression is deterministic).
    let csv = csv_rows(&sdg("csv"), false);
    let tagged = csv_rows(&hxl, true);
    assert_eq!(csv.len(), tagged.len());
    for (c, h) in csv.iter().zip(&tagged) {
        // Each release has its own audit entry; everything else is the same.
        for (column, value) in c
            .iter()
            .filter(|(column, _)| column.as_str() != "audit_entry")
        {
            assert_eq!(h.get(column), Some(value), "{column} of {c:?}");
        }
        assert_eq!(h["year"], year);
        assert_eq!(h["indicator"], "16.2.2");
        assert_eq!(h["policy"], "suppress min_cell=5");
        assert_eq!(h["dataset"], format!("cases-{year}"));
        assert!(h["audit_entry"].parse::<u64>().is_ok(), "{h:?}");
    }
    assert!(tagged.iter().any(|r| r["count"] == "suppressed"));

    let out = demo.path("glotip.csv");
    ok(&demo.with_data(&[
        "report", "glotip", "--year", &year, "--format", "hxl", "-o", &out,
    ]));
    let glotip = std::fs::read_to_string(&out).unwrap();
    assert_eq!(
        glotip.lines().nth(1),
        Some(
            "#date+year,#indicator+code,#indicator+name,#indicator+type+sex,#indicator+type+age,\
             #indicator+type+exploitation,#country+code+v_iso2+citizenship,#indicator+value+num,\
             #meta+basis,#meta+policy,#meta+privacy_check,#meta+dataset,#meta+epsilon_spent,\
             #meta+budget_remaining,#meta+audit_entry"
        )
    );
    let tables: std::collections::BTreeSet<String> = csv_rows(&glotip, true)
        .into_iter()
        .map(|r| r["table"].clone())
        .collect();
    assert_eq!(
        tables.into_iter().collect::<Vec<_>>(),
        [
            "anonymous",
            "convicted",
            "prosecuted",
            "suspected",
            "victims"
        ]
    );
    input_error(
        &demo.with_data(&["report", "glotip", "--year", &year, "--format", "hxml"]),
        "hxl",
    );
}

/// An age identity file as age-keygen writes it.
#[cfg(feature = "exchange")]
fn identity_file(path: &str, identity: &age::x25519::Identity) {
    use age::secrecy::ExposeSecret;
    std::fs::write(
        path,
        format!(
            "# created: for a test\n# public key: {}\n{}\n",
            identity.to_public(),
            identity.to_string().expose_secret()
        ),
    )
    .unwrap();
}

#[cfg(feature = "exchange")]
#[test]
fn encrypted_htcds_files_import_with_their_identity() {
    let demo = demo("30");
    let identity = age::x25519::Identity::generate();
    let key_file = demo.path("partner.key");
    identity_file(&key_file, &identity);
    let public = identity.to_public().to_string();

    // The same cases in the clear and encrypted, in each format; `cases.age` says no format.
    let plain = demo.path("cases.csv");
    ok(&demo.with_data(&["export", "htcds", "-o", &plain]));
    let cases = std::fs::read_to_string(&plain).unwrap().lines().count() - 1;
    let encrypted = demo.path("cases.csv.age");
    let as_json = demo.path("cases.age");
    let as_xlsx = demo.path("cases.xlsx.age");
    for (format, out) in [("csv", &encrypted), ("json", &as_json), ("xlsx", &as_xlsx)] {
        ok(&demo.with_data(&[
            "export",
            "htcds",
            "--format",
            format,
            "--recipient-key",
            &public,
            "-o",
            out,
        ]));
    }

    let other = demo.path("other");
    let import = |file: &str, key: Option<&str>| {
        let mut args = vec!["import", "htcds", file, "--data-dir", &other];
        if let Some(key) = key {
            args.extend(["--identity", key]);
        }
        args.into_iter().map(String::from).collect::<Vec<_>>()
    };
    fn refs(args: &[String]) -> Vec<&str> {
        args.iter().map(String::as_str).collect()
    }

    // Without the identity, with another one, or with the public key: refused, nothing read.
    input_error(&refs(&import(&encrypted, None)), "encrypted with age");
    input_error(&refs(&import(&encrypted, None)), "--identity KEYFILE");
    let stranger = demo.path("stranger.key");
    identity_file(&stranger, &age::x25519::Identity::generate());
    input_error(
        &refs(&import(&encrypted, Some(&stranger))),
        "encrypted to another key",
    );
    let public_file = demo.path("partner.pub");
    std::fs::write(&public_file, format!("{public}\n")).unwrap();
    input_error(
        &refs(&import(&encrypted, Some(&public_file))),
        "is a public key",
    );
    // A plain file with --identity, a damaged one: refused too.
    input_error(
        &refs(&import(&plain, Some(&key_file))),
        "not encrypted with age",
    );
    let mut bytes = std::fs::read(&encrypted).unwrap();
    *bytes.last_mut().unwrap() ^= 1;
    let damaged = demo.path("damaged.csv.age");
    std::fs::write(&damaged, &bytes).unwrap();
    input_error(&refs(&import(&damaged, Some(&key_file))), "damaged");

    // With the identity: every case, its phone number written as E.164 by the export (the
    // demo's "+999 246 4319" as "+9992464319"), so no row is refused.
    let output = ok(&refs(&import(&encrypted, Some(&key_file))));
    let said = String::from_utf8_lossy(&output.stdout).into_owned();
    assert_eq!(count_before(&said, "imported"), Some(cases), "{said}");
    // The very records of the other formats, and of the file in the clear: nothing new.
    for (file, key) in [
        (&as_json, Some(key_file.as_str())),
        (&as_xlsx, Some(key_file.as_str())),
        (&plain, None),
    ] {
        let output = ok(&refs(&import(file, key)));
        let said = String::from_utf8_lossy(&output.stdout).into_owned();
        assert_eq!(count_before(&said, "imported"), Some(0), "{file}: {said}");
        assert_eq!(
            count_before(&said, "already imported"),
            Some(cases),
            "{file}: {said}"
        );
    }
}

/// The number written just before `what` in a line like "30 rows read: 29 imported, 0 updated,
/// 0 already imported; 1 rejected".
#[cfg(feature = "exchange")]
fn count_before(text: &str, what: &str) -> Option<usize> {
    text.split([',', ';', ':'])
        .map(str::trim)
        .find_map(|part| part.strip_suffix(what)?.trim().parse().ok())
}

#[cfg(feature = "exchange")]
#[test]
fn rejects_of_an_encrypted_file_are_encrypted_to_the_same_key() {
    use std::io::Read;
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = |name: &str| dir.path().join(name).display().to_string();
    let identity = age::x25519::Identity::generate();
    let key_file = path("partner.key");
    identity_file(&key_file, &identity);
    let csv = "hvn_CaseId,cas_IncomingReferralDate,vic_TraffickingStatus,prs_FirstName,prs_Birthdate\n\
               P-1,2025-03-01,PossibleVictimOfTrafficking,Amina,1990-02-01\n\
               P-2,2025-03-02,PossibleVictimOfTrafficking,Grace,1990-02-30\n";
    let file = path("partner.csv.age");
    std::fs::write(
        &file,
        age::encrypt(&identity.to_public(), csv.as_bytes()).unwrap(),
    )
    .unwrap();
    let data = path("data");
    let output = ok(&[
        "import",
        "htcds",
        &file,
        "--identity",
        &key_file,
        "--skip-invalid",
        "--data-dir",
        &data,
    ]);
    let said = String::from_utf8_lossy(&output.stdout);
    assert!(
        said.contains("1 imported") && said.contains("1 rejected"),
        "{said}"
    );
    let rejects = format!("{file}.rejects.csv.age");
    assert!(said.contains(&rejects), "{said}");
    assert!(!std::path::Path::new(&format!("{file}.rejects.csv")).exists());
    let mode = std::fs::metadata(&rejects).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
    let sealed = std::fs::read(&rejects).unwrap();
    assert!(sealed.starts_with(b"age-encryption.org/v1"));
    assert!(!String::from_utf8_lossy(&sealed).contains("Grace"));
    let mut plain = String::new();
    age::Decryptor::new(&sealed[..])
        .unwrap()
        .decrypt(std::iter::once(&identity as &dyn age::Identity))
        .unwrap()
        .read_to_string(&mut plain)
        .unwrap();
    assert!(plain.starts_with("row,errors,hvn_CaseId,"), "{plain}");
    assert!(plain.contains("P-2") && plain.contains("Grace") && !plain.contains("P-1"));
}

#[cfg(not(feature = "exchange"))]
#[test]
fn without_the_exchange_feature_identity_is_refused() {
    input_error(
        &[
            "import",
            "htcds",
            "cases.csv.age",
            "--identity",
            "partner.key",
        ],
        "without the `exchange` feature",
    );
}
