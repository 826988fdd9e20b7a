//! The HTCDS importer on arbitrary bytes read as XLSX: it must report errors, never panic,
//! and every record it accepts must satisfy the checks it claims.
#![no_main]

use haven_domain::case::CivilDate;
use haven_stats::htcds::{FileFormat, read, validate};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // `read_xlsx` contains the XLSX library's own panics (see its documentation). libFuzzer's
    // panic hook would abort before they are contained, so it is replaced by a silent one: a
    // panic that escapes the target is still caught by libfuzzer-sys and reported as a crash.
    static QUIET: std::sync::Once = std::sync::Once::new();
    QUIET.call_once(|| std::panic::set_hook(Box::new(|_| {})));
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
