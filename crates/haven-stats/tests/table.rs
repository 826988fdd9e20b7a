//! Tables of counts: built from records by category number or by label, their margins, and
//! the errors on bad input.

use haven_stats::table::{Dimension, Table, TableError};

fn dimensions() -> Vec<Dimension> {
    vec![
        Dimension::new("sex", ["female", "male"]).unwrap(),
        Dimension::new("age_group", ["child", "adult"]).unwrap(),
        Dimension::new("form", ["sexual exploitation", "forced labour", "other"]).unwrap(),
    ]
}

#[test]
fn records_by_number_and_by_label_give_the_same_table() {
    let labels = ["female", "male"];
    let ages = ["child", "adult"];
    let forms = ["sexual exploitation", "forced labour", "other"];
    let numbers: Vec<[usize; 3]> = (0..1_000)
        .map(|i| [i % 2, (i / 2) % 2, (i / 4) % 3])
        .collect();
    let by_number = Table::from_records(dimensions(), &numbers).unwrap();
    let by_label = Table::from_labelled_records(
        dimensions(),
        numbers
            .iter()
            .map(|[s, a, f]| [labels[*s], ages[*a], forms[*f]]),
    )
    .unwrap();
    assert_eq!(by_number, by_label);
    assert_eq!(by_number.grand_total(), 1_000);
    let cells: u64 = by_number
        .entries()
        .filter(|(p, _)| p.iter().all(Option::is_some))
        .map(|(_, c)| c)
        .sum();
    assert_eq!(cells, 1_000);
}

#[test]
fn a_margin_is_a_table_of_sub_totals() {
    let counts: Vec<u64> = (1..=12).collect();
    let table = Table::from_counts(dimensions(), counts).unwrap();
    let by_form = table.margin(&[2]).unwrap();
    assert_eq!(by_form.dimensions()[0].name(), "form");
    // Form 0 is cells 1, 4, 7, 10.
    assert_eq!(by_form.get(&[Some(0)]), Some(1 + 4 + 7 + 10));
    assert_eq!(by_form.grand_total(), 78);
    let form_by_sex = table.margin(&[2, 0]).unwrap();
    assert_eq!(
        form_by_sex.get(&[Some(1), Some(1)]),
        table.get(&[Some(1), None, Some(1)])
    );
    assert_eq!(table.margin(&[]).unwrap().grand_total(), 78);
    assert_eq!(
        table.margin(&[0, 0]),
        Err(TableError::BadMarginDimensions(3))
    );
    assert_eq!(table.margin(&[3]), Err(TableError::BadMarginDimensions(3)));
}

#[test]
fn bad_input_is_refused_with_the_record_named() {
    assert_eq!(
        Table::from_records(dimensions(), [[0, 0, 0], [0, 2, 0]]),
        Err(TableError::NoSuchIndex {
            record: 2,
            dimension: "age_group".into(),
            index: 2
        })
    );
    assert_eq!(
        Table::from_records(dimensions(), [vec![0, 0]]),
        Err(TableError::WrongArity {
            record: 1,
            expected: 3,
            found: 2
        })
    );
    assert_eq!(
        Table::from_labelled_records(dimensions(), [["female", "adult", "begging"]]),
        Err(TableError::NoSuchLabel {
            record: 1,
            dimension: "form".into(),
            label: "begging".into()
        })
    );
    assert_eq!(
        Table::from_counts(dimensions(), vec![1, 2]),
        Err(TableError::WrongCellCount {
            expected: 12,
            found: 2
        })
    );
    assert_eq!(
        Table::from_counts(
            dimensions(),
            vec![u64::MAX, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
        ),
        Err(TableError::Overflow)
    );
    assert!(matches!(
        Dimension::new("sex", ["female", "female"]),
        Err(TableError::DuplicateCategory { .. })
    ));
    assert!(Dimension::new("empty", Vec::<String>::new()).is_err());
    let mut twice = dimensions();
    twice.push(Dimension::new("sex", ["x"]).unwrap());
    assert_eq!(
        Table::from_records(twice, Vec::<[usize; 4]>::new()),
        Err(TableError::DuplicateDimension("sex".into()))
    );
    // 5,001 × 5,001 cells and margins exceed MAX_ENTRIES.
    let wide = Dimension::new("wide", (0..5_000).map(|i| i.to_string())).unwrap();
    let huge = vec![
        wide.clone(),
        Dimension::new("other", (0..5_000).map(|i| i.to_string())).unwrap(),
    ];
    assert_eq!(
        Table::from_records(huge, Vec::<[usize; 2]>::new()),
        Err(TableError::TooLarge)
    );
}
