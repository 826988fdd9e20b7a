//! The HTCDS importer: every error with its row and column, rows read back as written in every
//! format, and — in place of a coverage-guided fuzzer in the normal test suite — random bytes
//! and mutated files through the same entry points as the cargo-fuzz targets in fuzz/.

use std::io::Cursor;

use haven_domain::case::CivilDate;
use haven_domain::htcds::{CaseStatus, ExploitationType, Gender};
use haven_stats::htcds::{
    FileFormat, HtcdsRecord, Identity, RawTable, TraffickingStatus, htcds_sheet, read, validate,
};
use haven_stats::spreadsheet::{write_csv, write_json, write_xlsx};
use haven_stats::victim::AgeGroup;
use proptest::prelude::*;

fn today() -> CivilDate {
    CivilDate::from_ymd(2026, 6, 30).unwrap()
}

fn table(csv: &str) -> RawTable {
    read(csv.as_bytes(), FileFormat::Csv).unwrap()
}

#[test]
fn every_error_is_reported_with_its_row_and_column() {
    let validation = validate(
        &table(
            "hvn_CaseId,cas_Status,cas_IncomingReferralDate,vic_TraffickingStatus,prs_Gender,vic_TypeOfExploitation,hte_Country,prs_Birthdate,prs_Email\n\
             a-1,Active,2025-01-31,PossibleVictimOfTrafficking,Feminine,SexualExploitation;ForcedLabour,,1990-05-01,a@example.org\n\
             a 2,Open,2025-13-01,,Woman,Slavery,IT,2026-01-01,nobody\n\
             a-3,Closed,2027-01-01,ActualVictimOfTrafficking,,,ng,,\n",
        ),
        today(),
    );
    let errors: Vec<(usize, &str)> = validation
        .errors
        .iter()
        .map(|e| (e.row, e.column.as_str()))
        .collect();
    assert_eq!(
        errors,
        vec![
            (3, "hvn_CaseId"),
            (3, "cas_Status"),
            (3, "cas_IncomingReferralDate"),
            (3, "vic_TraffickingStatus"),
            (3, "prs_Gender"),
            (3, "vic_TypeOfExploitation"),
            (3, "prs_Email"),
            (4, "cas_IncomingReferralDate"),
            (4, "hte_Country"),
        ],
        "{:#?}",
        validation.errors
    );
    assert_eq!(validation.records.len(), 1);
    assert_eq!(validation.rejected.len(), 2);
    let (row, record) = &validation.records[0];
    assert_eq!(*row, 2);
    assert_eq!(record.case_id.as_deref(), Some("a-1"));
    assert_eq!(
        record.exploitation,
        vec![
            ExploitationType::ForcedLabour,
            ExploitationType::SexualExploitation
        ]
    );
    assert_eq!(record.identity.birthdate.as_deref(), Some("1990-05-01"));
    assert_eq!(record.year(), Some(2025));
    let message = validation.errors[2].to_string();
    assert!(
        message.starts_with("row 3, column cas_IncomingReferralDate:"),
        "{message}"
    );
}

#[test]
fn the_header_is_checked_first() {
    let validation = validate(
        &table("hvn_CaseId,prs_FavouriteColour,prs_Gender,prs_Gender\nx,blue,Feminine,Feminine\n"),
        today(),
    );
    let errors: Vec<(usize, &str)> = validation
        .errors
        .iter()
        .map(|e| (e.row, e.column.as_str()))
        .collect();
    assert_eq!(
        errors,
        vec![
            (1, "prs_FavouriteColour"),
            (1, "prs_Gender"),
            (1, "cas_IncomingReferralDate"),
            (1, "vic_TraffickingStatus"),
        ]
    );
    assert!(validation.records.is_empty());
    assert_eq!(
        validation.rejected.len(),
        1,
        "nothing read from a bad header"
    );
}

#[test]
fn a_duplicate_id_and_a_birth_after_the_referral_are_refused() {
    let validation = validate(
        &table(
            "hvn_CaseId,cas_IncomingReferralDate,vic_TraffickingStatus,prs_Birthdate,prs_MobilePhone\n\
             x,2025-01-01,PossibleVictimOfTrafficking,2025-02-01,+447700900123\n\
             y,2025-01-01,PossibleVictimOfTrafficking,,'+447700900123\n\
             y,2025-01-01,PossibleVictimOfTrafficking,,+44 7700\n",
        ),
        today(),
    );
    let errors: Vec<String> = validation.errors.iter().map(|e| e.to_string()).collect();
    assert_eq!(errors.len(), 3, "{errors:#?}");
    assert!(errors[0].contains("row 2, column prs_Birthdate: after the incoming referral date"));
    assert!(errors[1].contains("row 4, column prs_MobilePhone"));
    assert!(errors[2].contains("row 4, column hvn_CaseId") && errors[2].contains("row 3"));
    // The apostrophe a neutralised export put before the + is taken off again.
    assert_eq!(
        validation.records[0].1.identity.mobile_phone.as_deref(),
        Some("+447700900123")
    );
}

fn record_strategy() -> impl Strategy<Value = HtcdsRecord> {
    (
        proptest::option::of("[A-Za-z0-9._:-]{1,20}"),
        proptest::option::of(0..CaseStatus::ALL.len()),
        (1990i64..2026, 1u32..13, 1u32..29),
        0..3usize,
        proptest::option::of(0..Gender::ALL.len()),
        proptest::option::of(any::<bool>()),
        proptest::collection::btree_set(0..ExploitationType::ALL.len(), 0..3),
        proptest::option::of(prop::sample::select(vec!["NG", "RO", "GB", "UA", "VN"])),
        proptest::option::of("[A-Za-z =+@-]{1,12}"),
    )
        .prop_map(
            |(id, status, (y, m, d), trafficking, gender, child, types, country, name)| {
                HtcdsRecord {
                    case_id: id,
                    status: status.map(|i| CaseStatus::ALL[i]),
                    incoming_referral_date: CivilDate::from_ymd(y, m, d).unwrap().to_string(),
                    trafficking_status: Some(TraffickingStatus::ALL[trafficking]),
                    decision_making_org: None,
                    gender: gender.map(|i| Gender::ALL[i]),
                    age_group: child.map(|c| if c { AgeGroup::Child } else { AgeGroup::Adult }),
                    citizenship: country.iter().map(|c| c.to_string()).collect(),
                    exploitation: types
                        .into_iter()
                        .map(|i| ExploitationType::ALL[i])
                        .collect(),
                    country_of_exploitation: country.map(str::to_string),
                    identity: Identity {
                        first_name: name.map(|n| n.trim().to_string()).filter(|n| !n.is_empty()),
                        ..Identity::default()
                    },
                }
            },
        )
}

fn written(records: &[HtcdsRecord], format: FileFormat) -> Vec<u8> {
    let sheet = htcds_sheet(records, true);
    match format {
        FileFormat::Csv => {
            let mut bytes = Vec::new();
            write_csv(&sheet, &mut bytes).unwrap();
            bytes
        }
        FileFormat::Json => {
            let mut bytes = Vec::new();
            write_json(std::slice::from_ref(&sheet), &mut bytes).unwrap();
            bytes
        }
        FileFormat::Xlsx => write_xlsx(std::slice::from_ref(&sheet), Cursor::new(Vec::new()))
            .unwrap()
            .into_inner(),
    }
}

#[test]
fn a_file_without_an_extension_is_read_by_its_content() {
    for format in [FileFormat::Csv, FileFormat::Json, FileFormat::Xlsx] {
        let written = written(&[HtcdsRecord::default()], format);
        assert_eq!(FileFormat::sniff(&written), format);
    }
    assert_eq!(
        FileFormat::sniff(b"\xEF\xBB\xBF \n\t[{}]"),
        FileFormat::Json
    );
    assert_eq!(FileFormat::sniff(b"  {\"HTCDS\": []}"), FileFormat::Json);
    assert_eq!(FileFormat::sniff(b"PK\x03\x04"), FileFormat::Xlsx);
    assert_eq!(
        FileFormat::sniff(b"hvn_CaseId,cas_Status\n"),
        FileFormat::Csv
    );
    assert_eq!(FileFormat::sniff(b""), FileFormat::Csv);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// What Haven writes (neutralised cells included) it reads back unchanged, in every format.
    #[test]
    fn records_read_back_as_written(
        mut records in proptest::collection::vec(record_strategy(), 1..12)
    ) {
        // Ids are unique within a file.
        for (i, r) in records.iter_mut().enumerate() {
            if let Some(id) = &mut r.case_id {
                id.push_str(&format!("-{i}"));
            }
        }
        for format in [FileFormat::Csv, FileFormat::Json, FileFormat::Xlsx] {
            let bytes = written(&records, format);
            let validation = validate(&read(&bytes, format).unwrap(), today());
            prop_assert!(validation.errors.is_empty(), "{format:?}: {:?}", validation.errors);
            let read_back: Vec<HtcdsRecord> = validation.records.into_iter().map(|(_, r)| r).collect();
            prop_assert_eq!(&read_back, &records);
        }
    }

    /// Arbitrary bytes through every reader and the validator: an error or a table, never a
    /// panic; every accepted record is complete.
    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        for format in [FileFormat::Csv, FileFormat::Json, FileFormat::Xlsx] {
            if let Ok(table) = read(&bytes, format) {
                let validation = validate(&table, today());
                for (_, record) in &validation.records {
                    prop_assert!(record.trafficking_status.is_some() && record.year().is_some());
                }
            }
        }
    }

    /// A valid file with bytes flipped, cut or repeated: the readers and the validator hold.
    #[test]
    fn mutated_files_never_panic(
        records in proptest::collection::vec(record_strategy(), 1..6),
        flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..16),
        cut in any::<prop::sample::Index>(),
    ) {
        for format in [FileFormat::Csv, FileFormat::Json, FileFormat::Xlsx] {
            let mut bytes = written(&records, format);
            for (at, byte) in &flips {
                let i = at.index(bytes.len());
                bytes[i] = *byte;
            }
            let whole = bytes.clone();
            bytes.truncate(cut.index(bytes.len() + 1));
            for candidate in [whole, bytes] {
                if let Ok(table) = read(&candidate, format) {
                    let validation = validate(&table, today());
                    prop_assert_eq!(
                        validation.records.len() + validation.rejected.len()
                            <= table.rows.len(), true
                    );
                }
            }
        }
    }
}

/// Found by the xlsx fuzz target: a workbook whose cell reference overflows the XLSX library's
/// arithmetic (it panics with overflow checks on, as in this test build). The importer says the
/// workbook is malformed instead.
#[test]
fn a_workbook_that_overflows_the_xlsx_reader_is_an_error_not_a_panic() {
    let bytes = include_bytes!("data/xlsx-cell-reference-overflow.xlsx");
    let error = read(bytes, FileFormat::Xlsx).unwrap_err();
    assert_eq!(
        error.to_string(),
        "not an XLSX workbook: the workbook is malformed (its cells could not be read)"
    );
}

#[test]
fn phones_are_exported_as_e164_when_the_typed_number_allows_it() {
    use haven_stats::htcds::e164;
    assert_eq!(e164("+999 246 4319").as_deref(), Some("+9992464319"));
    assert_eq!(
        e164("+44 (0)20 7946 0958").as_deref(),
        Some("+442079460958")
    );
    assert_eq!(e164("+1-555-010.9999").as_deref(), Some("+15550109999"));
    assert_eq!(e164("+2348012345678").as_deref(), Some("+2348012345678"));
    assert_eq!(e164("0800 123"), None, "a local number has no country code");
    assert_eq!(e164("call me"), None);
}
