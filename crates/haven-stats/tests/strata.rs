//! Persons' rows and strata: one table per stratum, adding up to the pooled table.

use haven_stats::mse::{CaptureHistory, ModelSelection, StratumColumn, estimate, read_capture_csv};

const PERSONS: &str = "id,A,B,C,year\n\
    1,1,0,0,2023\n2,1,1,0,2023\n3,0,1,0,2023\n4,0,0,1,2023\n5,1,0,1,2023\n6,0,1,1,2023\n7,1,0,0,2023\n\
    8,1,0,0,2024\n9,0,1,0,2024\n10,1,1,1,2024\n11,0,0,1,2024\n12,1,1,0,2024\n13,0,1,0,2024\n";

#[test]
fn rows_of_persons_are_counted_per_capture_history() {
    let data = read_capture_csv(PERSONS.as_bytes(), StratumColumn::Named("year")).unwrap();
    assert_eq!(data.pooled.lists(), ["A", "B", "C"]);
    assert_eq!(data.pooled.observed(), 13);
    assert_eq!(data.pooled.count(CaptureHistory::from_bits(0b001)), 3);
}

#[test]
fn strata_split_the_pooled_table() {
    let data = read_capture_csv(PERSONS.as_bytes(), StratumColumn::Named("year")).unwrap();
    let names: Vec<&str> = data.strata.iter().map(|(name, _)| name.as_str()).collect();
    assert_eq!(names, ["2023", "2024"]);
    let total: u64 = data.strata.iter().map(|(_, t)| t.observed()).sum();
    assert_eq!(total, data.pooled.observed());
    for (_, table) in &data.strata {
        let estimation = estimate(table, ModelSelection::MainEffects).unwrap();
        let estimate = estimation
            .population_estimate()
            .expect("main effects fit each year");
        assert!(estimate >= table.observed() as f64);
    }
}

#[test]
fn a_column_named_stratum_is_used_without_being_asked() {
    let csv = "A,B,stratum,count\n1,0,f,3\n0,1,f,2\n1,1,f,1\n1,0,m,4\n0,1,m,4\n1,1,m,2\n";
    let data = read_capture_csv(csv.as_bytes(), StratumColumn::IfPresent).unwrap();
    assert_eq!(data.pooled.lists(), ["A", "B"]);
    assert_eq!(data.strata.len(), 2);
    assert_eq!(data.strata[1].1.observed(), 10);
}
