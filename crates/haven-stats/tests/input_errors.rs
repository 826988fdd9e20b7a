//! Malformed CSV input gives an error naming the line and the column.

use haven_stats::mse::{StratumColumn, read_capture_csv};

fn error_for(csv: &str) -> String {
    read_capture_csv(csv.as_bytes(), StratumColumn::IfPresent)
        .expect_err("the input is malformed")
        .to_string()
}

#[test]
fn value_other_than_zero_or_one() {
    assert_eq!(
        error_for("A,B,count\n1,0,3\n2,1,4\n"),
        "line 3, column `A`: `2` is not 0 or 1 (on the list or not)"
    );
}

#[test]
fn negative_count() {
    assert_eq!(
        error_for("A,B,count\n1,0,3\n0,1,-4\n"),
        "line 3, column `count`: the count `-4` is negative"
    );
}

#[test]
fn fractional_count() {
    assert_eq!(
        error_for("A,B,count\n1,0,2.5\n"),
        "line 2, column `count`: the count `2.5` is not a whole number"
    );
}

#[test]
fn fewer_than_two_lists() {
    assert_eq!(
        error_for("A,count\n1,3\n"),
        "line 1: multiple systems estimation needs at least 2 lists, found 1"
    );
}

#[test]
fn all_zero_pattern_with_a_count() {
    let error = error_for("A,B,count\n1,0,3\n0,0,5\n");
    assert!(
        error.starts_with("line 3: a case on no list cannot have been observed"),
        "{error}"
    );
}

#[test]
fn person_on_no_list() {
    let error = error_for("id,A,B\n1,1,0\n2,0,0\n");
    assert!(error.starts_with("line 3: a case on no list"), "{error}");
}

#[test]
fn duplicate_list_names() {
    assert_eq!(
        error_for("A,B,A,count\n1,0,1,3\n"),
        "line 1, column `A`: the list name appears twice"
    );
}

#[test]
fn ragged_row() {
    assert_eq!(
        error_for("A,B,count\n1,0,3\n1,1\n"),
        "line 3: the row has 2 fields but the header has 3"
    );
}

#[test]
fn count_not_last() {
    assert_eq!(
        error_for("count,A,B\n3,1,0\n"),
        "line 1, column `count`: `count` must be the last column"
    );
}

#[test]
fn missing_named_stratum_column() {
    let error = read_capture_csv("A,B\n1,0\n".as_bytes(), StratumColumn::Named("year"))
        .unwrap_err()
        .to_string();
    assert_eq!(
        error,
        "line 1, column `year`: there is no such stratum column"
    );
}

#[test]
fn empty_file_with_only_a_header() {
    assert_eq!(error_for("A,B,count\n"), "no case is on any list");
}
