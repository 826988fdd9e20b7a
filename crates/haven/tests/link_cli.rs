//! `haven link` through the real binary: encodings identical to clkhash's, matching and
//! de-duplication outputs, and exit status 2 with a one-line message for each kind of bad input.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

const VECTORS: &str = include_str!("../../haven-linkage/tests/data/clkhash-vectors.json");
const FEBRL4_SCHEMA: &str = include_str!("../../haven-linkage/tests/data/febrl4-schema.json");
const FEBRL4_A: &str = include_str!("../../haven-linkage/tests/data/febrl4/febrl4_a.csv");
const FEBRL4_B: &str = include_str!("../../haven-linkage/tests/data/febrl4/febrl4_b.csv");

/// A scratch directory per test, removed when the test ends.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Self {
        let dir =
            std::env::temp_dir().join(format!("haven-link-cli-{}-{name}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }

    fn file(&self, name: &str, content: &str) -> PathBuf {
        let path = self.0.join(name);
        std::fs::write(&path, content).unwrap();
        path
    }

    fn path(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn haven(args: &[&Path]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_haven"))
        .arg("link")
        .args(args)
        .output()
        .unwrap()
}

fn p(s: &str) -> &Path {
    Path::new(s)
}

fn assert_input_error(output: &Output, names: &[&str]) {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "stderr: {stderr}");
    assert_eq!(stderr.trim_end().lines().count(), 1, "one line: {stderr}");
    for name in names {
        assert!(stderr.contains(name), "{name:?} in {stderr}");
    }
}

/// The first `rows` records of a FEBRL4 file.
fn head(csv: &str, rows: usize) -> String {
    csv.lines()
        .take(rows + 1)
        .map(|l| format!("{l}\n"))
        .collect()
}

#[test]
fn encode_writes_what_clkhash_writes() {
    let scratch = Scratch::new("encode");
    let vectors: Value = serde_json::from_str(VECTORS).unwrap();
    let case = &vectors["cases"][0];
    let schema = scratch.file("schema.json", &case["schema"].to_string());
    // Trailing newlines are not part of the secret.
    let secret = scratch.file("key", &format!("{}\n\n", case["secret"].as_str().unwrap()));
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer
        .write_record(["id", "given", "surname", "dob", "postcode", "sex", "age"])
        .unwrap();
    for record in case["records"].as_array().unwrap() {
        writer
            .write_record(
                record
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|v| v.as_str().unwrap()),
            )
            .unwrap();
    }
    let input = scratch.file(
        "in.csv",
        &String::from_utf8(writer.into_inner().unwrap()).unwrap(),
    );
    let out = scratch.path("out.clk");
    let output = haven(&[
        p("encode"),
        p("--schema"),
        &schema,
        p("--secret-file"),
        &secret,
        &input,
        p("-o"),
        &out,
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let written: Value = serde_json::from_str(&std::fs::read_to_string(out).unwrap()).unwrap();
    assert_eq!(written["clks"], case["clks"]);
}

#[test]
fn encode_then_match_and_dedup_and_csv_agree() {
    let scratch = Scratch::new("match");
    let schema = scratch.file("schema.json", FEBRL4_SCHEMA);
    let secret = scratch.file("key", "shared secret\n");
    let a = scratch.file("a.csv", &head(FEBRL4_A, 400));
    let b = scratch.file("b.csv", &head(FEBRL4_B, 400));
    let (clk_a, clk_b) = (scratch.path("a.clk"), scratch.path("b.clk"));
    for (input, out) in [(&a, &clk_a), (&b, &clk_b)] {
        let output = haven(&[
            p("encode"),
            p("--schema"),
            &schema,
            p("--secret-file"),
            &secret,
            input,
            p("-o"),
            out,
        ]);
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let pairs = scratch.path("pairs.csv");
    let output = haven(&[
        p("match"),
        &clk_a,
        &clk_b,
        p("--threshold"),
        p("0.8"),
        p("-o"),
        &pairs,
        p("--threads"),
        p("1"),
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = std::fs::read_to_string(&pairs).unwrap();
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("index_a,index_b,similarity"));
    let rows: Vec<Vec<String>> = lines
        .map(|l| l.split(',').map(str::to_owned).collect())
        .collect();
    assert!(!rows.is_empty());
    let ids = |csv: &str| -> Vec<String> {
        csv.lines()
            .skip(1)
            .map(|l| l.split(',').next().unwrap().to_owned())
            .collect()
    };
    let (ids_a, ids_b) = (ids(FEBRL4_A), ids(FEBRL4_B));
    let person = |id: &str| id.split("-").nth(1).unwrap().to_owned();
    for row in &rows {
        let (i, j): (usize, usize) = (row[0].parse().unwrap(), row[1].parse().unwrap());
        assert_eq!(person(&ids_a[i]), person(&ids_b[j]), "{row:?}");
        assert!(row[2].parse::<f64>().unwrap() >= 0.8);
    }

    // P-Sig blocking finds nearly all of the same pairs, and nothing else.
    let blocked = scratch.path("pairs-psig.csv");
    let output = haven(&[
        p("match"),
        &clk_a,
        &clk_b,
        p("--threshold"),
        p("0.8"),
        p("--blocking"),
        p("psig"),
        p("-o"),
        &blocked,
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let blocked = std::fs::read_to_string(&blocked).unwrap();
    let exact: std::collections::HashSet<&str> = text.lines().collect();
    assert!(blocked.lines().all(|l| exact.contains(l)), "{blocked}");
    assert!(blocked.lines().count() as f64 >= 0.99 * exact.len() as f64);

    let by_csv = scratch.path("by-csv.csv");
    let output = haven(&[
        p("csv"),
        &a,
        &b,
        p("--schema"),
        &schema,
        p("--secret-file"),
        &secret,
        p("--threshold"),
        p("0.8"),
        p("--blocking"),
        p("lsh"),
        p("-o"),
        &by_csv,
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let by_csv = std::fs::read_to_string(&by_csv).unwrap();
    assert!(by_csv.starts_with("id_a,id_b,similarity\n"));
    assert!(by_csv.lines().skip(1).all(|l| {
        let cols: Vec<&str> = l.split(',').collect();
        person(cols[0]) == person(cols[1])
    }));
    assert!(by_csv.lines().count() >= rows.len() * 9 / 10);

    // De-duplicating the two lists together finds the same people.
    let both = scratch.file(
        "both.csv",
        &format!(
            "{}{}",
            head(FEBRL4_A, 400),
            FEBRL4_B
                .lines()
                .skip(1)
                .take(400)
                .map(|l| format!("{l}\n"))
                .collect::<String>()
        ),
    );
    let clk_both = scratch.path("both.clk");
    let output = haven(&[
        p("encode"),
        p("--schema"),
        &schema,
        p("--secret-file"),
        &secret,
        &both,
        p("-o"),
        &clk_both,
    ]);
    assert!(output.status.success());
    let clusters = scratch.path("clusters.csv");
    let output = haven(&[
        p("dedup"),
        &clk_both,
        p("--threshold"),
        p("0.8"),
        p("-o"),
        &clusters,
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let clusters = std::fs::read_to_string(&clusters).unwrap();
    assert!(clusters.starts_with("cluster,index\n"));
    assert!(clusters.lines().count() > rows.len());
}

#[test]
fn bad_input_exits_2_naming_the_file_and_what_is_allowed() {
    let scratch = Scratch::new("errors");
    let schema = scratch.file("schema.json", FEBRL4_SCHEMA);
    let secret = scratch.file("key", "secret\n");
    let out = scratch.path("out");

    let broken = scratch.file("broken.json", "{\"version\": 3,");
    let output = haven(&[
        p("encode"),
        p("--schema"),
        &broken,
        p("--secret-file"),
        &secret,
        &schema,
        p("-o"),
        &out,
    ]);
    assert_input_error(&output, &["broken.json", "JSON"]);

    let short = scratch.file("short.csv", "rec_id,given_name\nr1,anna\n");
    let output = haven(&[
        p("encode"),
        p("--schema"),
        &schema,
        p("--secret-file"),
        &secret,
        &short,
        p("-o"),
        &out,
    ]);
    assert_input_error(&output, &["short.csv", "2 columns", "allowed: 11"]);

    let good = scratch.file("good.clk", r#"{"clks": ["AAAAAAAAAAA=", "/////////wA="]}"#);
    let bad64 = scratch.file("bad.clk", r#"{"clks": ["AAAAAAAAAAA=", "not*base64"]}"#);
    let output = haven(&[
        p("match"),
        &good,
        &bad64,
        p("--threshold"),
        p("0.8"),
        p("-o"),
        &out,
    ]);
    assert_input_error(&output, &["bad.clk", "clks[1]", "base64"]);

    let mixed = scratch.file(
        "mixed.clk",
        r#"{"clks": ["AAAAAAAAAAA=", "AAAAAAAAAAAAAAAAAAAAAA=="]}"#,
    );
    let output = haven(&[
        p("dedup"),
        &mixed,
        p("--threshold"),
        p("0.8"),
        p("-o"),
        &out,
    ]);
    assert_input_error(&output, &["mixed.clk", "clks[1]", "one length"]);

    let long = scratch.file("long.clk", r#"{"clks": ["AAAAAAAAAAAAAAAAAAAAAA=="]}"#);
    let output = haven(&[
        p("match"),
        &good,
        &long,
        p("--threshold"),
        p("0.8"),
        p("-o"),
        &out,
    ]);
    assert_input_error(&output, &["long.clk", "128 bits", "64 bits"]);

    for threshold in ["0", "1.5", "-0.2"] {
        let output = haven(&[
            p("match"),
            &good,
            &good,
            p("--threshold"),
            p(threshold),
            p("-o"),
            &out,
        ]);
        assert_input_error(&output, &["--threshold", "allowed"]);
    }
    assert!(!out.exists(), "no output is written on bad input");
}
