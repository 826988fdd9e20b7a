//! Exports: formula neutralisation in every format, the XLSX read back by an independent
//! reader, the accessible SVG chart, and CTDC rows.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use haven_stats::anonymise::MicroRecord;
use haven_stats::country::Country;
use haven_stats::ctdc::{COLUMNS, CtdcFlags, ctdc_export, exploitation_from_htcds};
use haven_stats::release::{Release, ReleasePolicy, release};
use haven_stats::spreadsheet::{
    Cell, Sheet, bar_chart_svg, neutralise, release_sheets, write_csv, write_json, write_xlsx,
};
use haven_stats::table::{Dimension, Table};
use haven_stats::victim::{Exploitation, Sex};
use rand::SeedableRng;
use rand_chacha::ChaCha20Rng;

fn sample_release(policy: &ReleasePolicy) -> Release {
    let dimensions = vec![
        Dimension::new("sex", ["female", "male"]).unwrap(),
        Dimension::new(
            "form",
            ["sexual exploitation", "=HYPERLINK(\"x\")", "-other"],
        )
        .unwrap(),
    ];
    let table = Table::from_counts(dimensions, vec![20, 3, 12, 40, 15, 8]).unwrap();
    release(&table, policy, &mut ChaCha20Rng::seed_from_u64(3)).unwrap()
}

#[test]
fn cells_that_would_start_a_formula_get_an_apostrophe() {
    for dangerous in ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"] {
        assert_eq!(neutralise(dangerous), format!("'{dangerous}"));
    }
    for harmless in ["female", "", "1-2", "'quoted", " =x"] {
        assert_eq!(neutralise(harmless), harmless);
    }
}

#[test]
fn csv_export_is_neutralised_and_numeric() {
    let [counts, notes] = release_sheets(
        &sample_release(&ReleasePolicy::default_suppression()),
        "victims",
    );
    let mut out = Vec::new();
    write_csv(&counts, &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("sex,form,count"));
    assert_eq!(lines.next(), Some("female,sexual exploitation,20"));
    assert_eq!(
        lines.next(),
        Some("female,\"'=HYPERLINK(\"\"x\"\")\",suppressed")
    );
    assert!(text.contains("female,'-other,"));
    assert!(text.contains("Total,Total,98"));
    assert!(notes.rows[0][0] != Cell::Text(String::new()));
}

#[test]
fn json_export_keeps_numbers_as_numbers() {
    let sheets = release_sheets(
        &sample_release(&ReleasePolicy::default_suppression()),
        "victims",
    );
    let mut out = Vec::new();
    write_json(&sheets, &mut out).unwrap();
    let value: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let rows = value["victims"].as_array().unwrap();
    assert_eq!(rows[0]["count"], serde_json::json!(20.0));
    assert_eq!(rows[1]["form"], "'=HYPERLINK(\"x\")");
    assert_eq!(rows[1]["count"], "suppressed");
    assert!(
        value["victims notes"][0]["note"]
            .as_str()
            .unwrap()
            .contains("suppressed")
    );
}

#[test]
fn xlsx_export_reads_back() {
    let policy = ReleasePolicy::Suppress {
        min_cell: 5,
        rounding: Some(5),
    };
    let sheets = release_sheets(&sample_release(&policy), "victims");
    let bytes = write_xlsx(&sheets, Cursor::new(Vec::new()))
        .unwrap()
        .into_inner();
    let mut workbook: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    assert_eq!(workbook.sheet_names(), ["victims", "victims notes"]);
    let range = workbook.worksheet_range("victims").unwrap();
    assert_eq!(
        range.get_value((0, 2)),
        Some(&Data::String("count".to_owned()))
    );
    assert_eq!(
        range.get_value((1, 1)),
        Some(&Data::String("sexual exploitation".to_owned()))
    );
    // Published as a number.
    assert_eq!(range.get_value((1, 2)), Some(&Data::Float(20.0)));
    assert_eq!(
        range.get_value((2, 1)),
        Some(&Data::String("'=HYPERLINK(\"x\")".to_owned()))
    );
    assert_eq!(
        range.get_value((2, 2)),
        Some(&Data::String("suppressed".to_owned()))
    );
    let notes = workbook.worksheet_range("victims notes").unwrap();
    let rounding = notes.get_value((2, 0)).unwrap().to_string();
    assert!(rounding.contains("multiple of 5"), "{rounding}");
}

#[test]
fn xlsx_refuses_bad_sheet_names() {
    let sheet = |name: &str| Sheet {
        name: name.to_owned(),
        header: vec!["a".to_owned()],
        rows: vec![vec![Cell::Number(1.0)]],
    };
    for names in [
        vec!["a/b"],
        vec![""],
        vec!["x", "X"],
        vec!["a very long sheet name of more than 31"],
    ] {
        let sheets: Vec<Sheet> = names.iter().map(|n| sheet(n)).collect();
        assert!(
            write_xlsx(&sheets, Cursor::new(Vec::new())).is_err(),
            "{names:?}"
        );
    }
}

#[test]
fn svg_chart_is_accessible_and_script_free() {
    let svg = bar_chart_svg(
        &sample_release(&ReleasePolicy::default_suppression()),
        "Victims <2024>",
    )
    .unwrap();
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(svg.contains("role=\"img\""));
    assert!(svg.contains("-title\">Victims &lt;2024&gt;</title>"));
    assert!(svg.contains("-description\">female, sexual exploitation: 20."));
    assert!(svg.contains("female, =HYPERLINK(&quot;x&quot;): suppressed."));
    assert!(svg.contains(">male</text>"));
    assert!(!svg.to_lowercase().contains("<script"));
    assert!(!svg.contains(" on"));
    let one_way = Table::from_counts(
        vec![Dimension::new("year", ["2023", "2024"]).unwrap()],
        vec![30, 45],
    )
    .unwrap();
    let one_way = release(
        &one_way,
        &ReleasePolicy::default_suppression(),
        &mut ChaCha20Rng::seed_from_u64(1),
    )
    .unwrap();
    let by_year = bar_chart_svg(&one_way, "By year").unwrap();
    assert!(by_year.contains("-description\">2023: 30. 2024: 45."));
    // Two charts on one page label themselves, not each other.
    let id = |svg: &str| {
        svg.split("<title id=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap()
            .to_owned()
    };
    assert_ne!(id(&svg), id(&by_year));
    assert!(svg.contains(&format!("aria-labelledby=\"{} ", id(&svg))));
    let three_way = Table::from_counts(
        vec![
            Dimension::new("a", ["x"]).unwrap(),
            Dimension::new("b", ["x"]).unwrap(),
            Dimension::new("c", ["x"]).unwrap(),
        ],
        vec![1],
    )
    .unwrap();
    let three_way = release(
        &three_way,
        &ReleasePolicy::default_suppression(),
        &mut ChaCha20Rng::seed_from_u64(1),
    )
    .unwrap();
    assert!(bar_chart_svg(&three_way, "three").is_err());
}

#[test]
fn ctdc_rows_use_ctdc_columns_and_spellings() {
    let flags = CtdcFlags::from_htcds(
        &["DebtBondage", "WithholdsDocuments", "Other"],
        &["A_AgricultureForestryAndFishing"],
        &[],
    )
    .unwrap();
    let exploitation = exploitation_from_htcds(&["ForcedLabour", "ForcedBegging"]).unwrap();
    let record = |i: u16| MicroRecord {
        sex: Some(if i.is_multiple_of(2) {
            Sex::Female
        } else {
            Sex::Male
        }),
        age: Some(if i.is_multiple_of(3) { 15 } else { 34 }),
        citizenship: Some(Country::from_alpha2("UA").unwrap()),
        country_of_exploitation: Some(Country::from_alpha2("PL").unwrap()),
        year_of_registration: 2023,
        exploitation,
        attributes: flags,
    };
    let records: Vec<_> = (0..60).map(record).collect();
    let (sheet, report) = ctdc_export(&records, 5).unwrap();
    assert_eq!(sheet.header, COLUMNS);
    assert!(report.k_achieved.is_some_and(|k| k >= 5));
    let text = |row: &[Cell], column: &str| {
        let i = COLUMNS.iter().position(|c| *c == column).unwrap();
        match &row[i] {
            Cell::Text(t) => t.clone(),
            Cell::Number(n) => n.to_string(),
        }
    };
    let first = &sheet.rows[0];
    assert_eq!(text(first, "yearOfRegistration"), "2023");
    assert_eq!(text(first, "gender"), "Woman");
    assert_eq!(text(first, "ageBroad"), "9--17");
    assert_eq!(text(first, "majorityStatus"), "Minor");
    assert_eq!(text(first, "citizenship"), "UKR");
    assert_eq!(text(first, "CountryOfExploitation"), "POL");
    assert_eq!(text(first, "meansDebtBondageEarnings"), "1");
    assert_eq!(text(first, "meansThreats"), "");
    assert_eq!(text(first, "isForcedLabour"), "1");
    assert_eq!(text(first, "isOtherExploit"), "1");
    assert_eq!(text(first, "isSexualExploit"), "");
    assert_eq!(text(first, "typeOfLabourAgriculture"), "1");
    assert_eq!(text(&sheet.rows[1], "gender"), "Man");
    assert_eq!(text(&sheet.rows[1], "ageBroad"), "30--38");
    assert_eq!(text(&sheet.rows[1], "majorityStatus"), "Adult");
}

#[test]
fn ctdc_refuses_unknown_htcds_values() {
    assert!(CtdcFlags::from_htcds(&["Bribery"], &[], &[]).is_err());
    assert!(CtdcFlags::from_htcds(&[], &["Z_Nothing"], &[]).is_err());
    assert!(exploitation_from_htcds(&["Smuggling"]).is_err());
    assert_eq!(
        exploitation_from_htcds(&["SexualExploitation"]),
        Ok(Exploitation {
            sexual: true,
            ..Exploitation::default()
        })
    );
}
