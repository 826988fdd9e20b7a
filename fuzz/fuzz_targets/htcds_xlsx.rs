//! The HTCDS importer on arbitrary bytes read as XLSX: it must report errors, never panic,
//! and every record it accepts must satisfy the checks it claims.
#![no_main]

use haven_domain::case::CivilDate;
use haven_stats::htcds::{FileFormat, read, validate};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(table) = read(data, FileFormat::Xlsx) else {
        return;
    };
    let today = CivilDate::from_ymd(2026, 6, 30).expect("a real day");
    let validation = validate(&table, today);
    for (_, record) in &validation.records {
        assert!(record.trafficking_status.is_some());
        assert!(record.year().is_some());
    }
    for error in &validation.errors {
        assert!(error.row >= 1);
    }
});
