//! k-anonymity checked independently: a recount of the quasi-identifier combinations in the
//! output, on random and adversarial records.

use std::collections::HashMap;

use haven_stats::anonymise::{
    AgeLevel, AgeValue, AnonymiseConfig, AnonymiseError, AnonymisedRecord, ExploitationLevel,
    Generalisation, MicroRecord, PlaceLevel, PlaceValue, SexLevel, Shown, YearLevel, YearValue,
    anonymise,
};
use haven_stats::country::Country;
use haven_stats::victim::{Exploitation, Sex};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha20Rng;

/// The smallest number of output rows sharing one combination of quasi-identifiers, counted from
/// the rows alone.
fn smallest_group<A>(rows: &[AnonymisedRecord<A>]) -> Option<usize> {
    let mut groups = HashMap::new();
    for r in rows {
        *groups
            .entry((
                r.sex,
                r.age,
                r.citizenship,
                r.country_of_exploitation,
                r.year_of_registration,
                r.exploitation,
            ))
            .or_insert(0usize) += 1;
    }
    groups.values().copied().min()
}

fn country(code: &str) -> Country {
    Country::from_alpha2(code).unwrap()
}

const CODES: [&str; 12] = [
    "NG", "UA", "MD", "VN", "RO", "AL", "GB", "FR", "TH", "MX", "PH", "IN",
];

fn random_records(rng: &mut ChaCha20Rng, n: usize) -> Vec<MicroRecord<u32>> {
    (0..n)
        .map(|i| MicroRecord {
            sex: match rng.gen_range(0..20) {
                0 => None,
                1 => Some(Sex::Other),
                2..=11 => Some(Sex::Female),
                _ => Some(Sex::Male),
            },
            age: (rng.gen_range(0..10) > 0).then(|| rng.gen_range(3..70)),
            citizenship: (rng.gen_range(0..8) > 0)
                .then(|| country(CODES[rng.gen_range(0..CODES.len())])),
            country_of_exploitation: Some(country(CODES[rng.gen_range(0..4)])),
            year_of_registration: rng.gen_range(2015..2025),
            exploitation: Exploitation {
                sexual: rng.gen_bool(0.5),
                forced_labour: rng.gen_bool(0.4),
                other: rng.gen_bool(0.1),
            },
            attributes: i as u32,
        })
        .collect()
}

fn check(records: &[MicroRecord<u32>], config: &AnonymiseConfig) {
    let (rows, report) = anonymise(records, config).unwrap();
    let k = config.k as usize;
    let smallest = smallest_group(&rows);
    assert!(
        smallest.is_none_or(|s| s >= k),
        "a group of {smallest:?} < {k}"
    );
    assert_eq!(report.k_achieved.map(|k| k as usize), smallest);
    assert_eq!(rows.len() + report.records_suppressed, records.len());
    assert!(report.records_suppressed as f64 <= config.max_suppressed * records.len() as f64);
    // Rows keep their order and their own attributes: the pass-through column is the index.
    assert!(rows.windows(2).all(|w| w[0].attributes < w[1].attributes));
    // A withheld attribute is withheld on every row, records without a value included; below
    // the top, a record without a value shows "not recorded".
    let g = &report.generalisation;
    for row in &rows {
        let original = &records[row.attributes as usize];
        if let AgeValue::Years(y) = row.age {
            assert_eq!(Some(y), original.age);
        }
        if let Shown::Value(s) = row.sex {
            assert_eq!(Some(s), original.sex);
        }
        match g.age {
            AgeLevel::Withheld => assert_eq!(row.age, AgeValue::Withheld),
            _ if original.age.is_none() => assert_eq!(row.age, AgeValue::NotRecorded),
            _ => assert!(!matches!(
                row.age,
                AgeValue::NotRecorded | AgeValue::Withheld
            )),
        }
        for (level, shown, recorded) in [
            (g.citizenship, row.citizenship, original.citizenship),
            (
                g.country_of_exploitation,
                row.country_of_exploitation,
                original.country_of_exploitation,
            ),
        ] {
            match level {
                PlaceLevel::Withheld => assert_eq!(shown, PlaceValue::Withheld),
                _ if recorded.is_none() => assert_eq!(shown, PlaceValue::NotRecorded),
                _ => assert!(!matches!(
                    shown,
                    PlaceValue::NotRecorded | PlaceValue::Withheld
                )),
            }
        }
        match g.sex {
            SexLevel::Withheld => assert_eq!(row.sex, Shown::Withheld),
            SexLevel::Recorded if original.sex.is_none() => {
                assert_eq!(row.sex, Shown::NotRecorded)
            }
            SexLevel::Recorded => assert!(matches!(row.sex, Shown::Value(_))),
        }
    }
}

#[test]
fn random_records_are_k_anonymous() {
    let mut rng = ChaCha20Rng::seed_from_u64(7);
    for (n, k) in [(200, 2), (1_000, 5), (5_000, 10), (20_000, 25), (3_000, 3)] {
        let records = random_records(&mut rng, n);
        check(&records, &AnonymiseConfig::new(k));
        let mut strict = AnonymiseConfig::new(k);
        strict.max_suppressed = 0.0;
        check(&records, &strict);
    }
}

#[test]
fn k_of_one_changes_nothing() {
    let mut rng = ChaCha20Rng::seed_from_u64(8);
    let records = random_records(&mut rng, 500);
    let (rows, report) = anonymise(&records, &AnonymiseConfig::new(1)).unwrap();
    assert_eq!(report.generalisation, Generalisation::default());
    assert_eq!(report.records_suppressed, 0);
    for (row, record) in rows.iter().zip(&records) {
        assert_eq!(
            row.age,
            record.age.map_or(AgeValue::NotRecorded, AgeValue::Years)
        );
        assert_eq!(
            row.citizenship,
            record
                .citizenship
                .map_or(PlaceValue::NotRecorded, PlaceValue::Country)
        );
        assert_eq!(
            row.year_of_registration,
            YearValue::Year(record.year_of_registration)
        );
        assert_eq!(row.exploitation, Shown::Value(record.exploitation));
    }
}

#[test]
fn all_unique_records_are_generalised_until_k_anonymous() {
    // Every record differs in age and in year: nothing is shared as recorded.
    let records: Vec<MicroRecord<u32>> = (0..100)
        .map(|i| MicroRecord {
            sex: Some(if i % 2 == 0 { Sex::Female } else { Sex::Male }),
            age: Some((i % 60 + 10) as u8),
            citizenship: Some(country(CODES[i % CODES.len()])),
            country_of_exploitation: Some(country("GB")),
            year_of_registration: 1920 + i as u16,
            exploitation: Exploitation::default(),
            attributes: i as u32,
        })
        .collect();
    for k in [2, 5, 10, 50, 100] {
        check(&records, &AnonymiseConfig::new(k));
    }
}

#[test]
fn adversarial_outliers_are_withheld_within_the_limit() {
    // 980 identical records and 20 unique ones: withholding the 20 (2 %) beats generalising.
    let mut records: Vec<MicroRecord<u32>> = (0..1_000)
        .map(|i| MicroRecord {
            sex: Some(Sex::Female),
            age: Some(25),
            citizenship: Some(country("NG")),
            country_of_exploitation: Some(country("IT")),
            year_of_registration: 2023,
            exploitation: Exploitation {
                sexual: true,
                ..Exploitation::default()
            },
            attributes: i,
        })
        .collect();
    for (i, record) in records.iter_mut().take(20).enumerate() {
        record.age = Some(70 - i as u8);
        record.citizenship = Some(country(CODES[i % CODES.len()]));
    }
    let (rows, report) = anonymise(&records, &AnonymiseConfig::new(10)).unwrap();
    assert_eq!(report.records_suppressed, 20);
    assert_eq!(report.generalisation, Generalisation::default());
    assert_eq!(smallest_group(&rows), Some(980));
    // With no outliers allowed, the ages and countries must give way instead.
    let mut strict = AnonymiseConfig::new(10);
    strict.max_suppressed = 0.0;
    check(&records, &strict);
}

#[test]
fn the_floor_is_respected() {
    let mut rng = ChaCha20Rng::seed_from_u64(9);
    let records = random_records(&mut rng, 2_000);
    let mut config = AnonymiseConfig::new(1);
    config.floor.age = AgeLevel::Band;
    config.floor.citizenship = PlaceLevel::Region;
    let (rows, report) = anonymise(&records, &config).unwrap();
    assert_eq!(report.generalisation.age, AgeLevel::Band);
    assert!(
        rows.iter()
            .all(|r| matches!(r.age, AgeValue::Band(_) | AgeValue::NotRecorded))
    );
    assert!(rows.iter().all(|r| matches!(
        r.citizenship,
        PlaceValue::Region(_) | PlaceValue::NotRecorded
    )));
}

#[test]
fn anonymisation_is_deterministic() {
    let mut rng = ChaCha20Rng::seed_from_u64(10);
    let records = random_records(&mut rng, 5_000);
    let config = AnonymiseConfig::new(8);
    let first = anonymise(&records, &config).unwrap();
    for _ in 0..3 {
        assert_eq!(anonymise(&records, &config).unwrap(), first);
    }
}

#[test]
fn bad_input_is_refused() {
    let record = MicroRecord {
        sex: None,
        age: Some(200),
        citizenship: None,
        country_of_exploitation: None,
        year_of_registration: 2020,
        exploitation: Exploitation::default(),
        attributes: (),
    };
    assert_eq!(
        anonymise(std::slice::from_ref(&record), &AnonymiseConfig::new(2)),
        Err(AnonymiseError::AgeOutOfRange {
            record: 1,
            age: 200
        })
    );
    let record = MicroRecord {
        age: Some(30),
        year_of_registration: 1850,
        ..record
    };
    assert!(matches!(
        anonymise(std::slice::from_ref(&record), &AnonymiseConfig::new(2)),
        Err(AnonymiseError::YearOutOfRange { .. })
    ));
    let record = MicroRecord {
        year_of_registration: 2020,
        ..record
    };
    assert_eq!(
        anonymise(std::slice::from_ref(&record), &AnonymiseConfig::new(0)),
        Err(AnonymiseError::ZeroK)
    );
    // One record cannot be 2-anonymous, nor be withheld within a limit of 2 %.
    assert_eq!(
        anonymise(std::slice::from_ref(&record), &AnonymiseConfig::new(2)),
        Err(AnonymiseError::Unattainable { records: 1, k: 2 })
    );
    let mut config = AnonymiseConfig::new(2);
    config.max_suppressed = 1.5;
    assert!(anonymise(std::slice::from_ref(&record), &config).is_err());
}

/// Thirty records, six without an age and five without a citizenship (one without either).
fn small_records_with_gaps() -> Vec<MicroRecord<u32>> {
    (0..30u32)
        .map(|i| MicroRecord {
            sex: Some(if i % 3 == 0 { Sex::Male } else { Sex::Female }),
            age: (![2, 7, 11, 16, 23, 27].contains(&i)).then_some(14 + (i * 7 % 40) as u8),
            citizenship: (![4, 9, 11, 19, 26].contains(&i))
                .then(|| country(CODES[i as usize % CODES.len()])),
            country_of_exploitation: Some(country("GB")),
            year_of_registration: 2023 + (i % 2) as u16,
            exploitation: Exploitation {
                sexual: i % 2 == 0,
                forced_labour: i % 2 == 1,
                other: false,
            },
            attributes: i,
        })
        .collect()
}

#[test]
fn not_recorded_joins_withheld_at_the_top_so_small_datasets_reach_k() {
    // Kept apart from withheld values even at the top of their hierarchies, as Haven once kept
    // them, the six records without an age (and the five without a citizenship) could reach
    // k = 10 only among themselves: on these thirty records the anonymiser refused any limit
    // under a third of the records (it had to withhold at least ten), and at a limit of 40 %
    // withheld ten records with sex, age, citizenship, year and forms of exploitation all
    // withheld. Withheld, a missing value says nothing a withheld one does not: at the default
    // limit (2 %, no record here) the records are now k-anonymous with none withheld.
    let records = small_records_with_gaps();
    let config = AnonymiseConfig::new(10);
    check(&records, &config);
    let (rows, report) = anonymise(&records, &config).unwrap();
    assert_eq!(report.records_suppressed, 0, "{report:?}");
    assert!(report.k_achieved >= Some(10), "{report:?}");
    assert_eq!(report.generalisation.age, AgeLevel::Withheld);
    assert!(rows.iter().all(|r| r.age == AgeValue::Withheld));
    // At the 40 % limit, no more withheld than before, and far less generalised: sex, year and
    // forms of exploitation are shown.
    let mut loose = AnonymiseConfig::new(10);
    loose.max_suppressed = 0.4;
    check(&records, &loose);
    let (_, report) = anonymise(&records, &loose).unwrap();
    assert!(report.records_suppressed <= 10, "{report:?}");
    let g = report.generalisation;
    assert_eq!(
        (g.sex, g.year_of_registration, g.exploitation),
        (
            SexLevel::Recorded,
            YearLevel::Year,
            ExploitationLevel::Recorded
        ),
        "{report:?}"
    );

    // Below the top, "not recorded" is a value of its own.
    let mut floor = AnonymiseConfig::new(1);
    floor.floor.age = AgeLevel::ChildOrAdult;
    floor.floor.citizenship = PlaceLevel::Region;
    let (rows, _) = anonymise(&records, &floor).unwrap();
    assert_eq!(
        rows.iter()
            .filter(|r| r.age == AgeValue::NotRecorded)
            .count(),
        6
    );
    assert_eq!(
        rows.iter()
            .filter(|r| r.citizenship == PlaceValue::NotRecorded)
            .count(),
        5
    );
}
