//! SDG 16.2.2 and GLOTIP on a small fixed set of records, with answers worked out by hand.

use haven_stats::country::Country;
use haven_stats::glotip::{OffenderRecord, Stage, glotip};
use haven_stats::release::{ReleasePolicy, ReleasedCount};
use haven_stats::sdg::{Population, PublishedRate, SdgForm, sdg_16_2_2};
use haven_stats::victim::{
    AgeGroup, Basis, FormOfExploitation, IdentificationStatus, Sex, VictimRecord,
};
use rand::SeedableRng;
use rand_chacha::ChaCha20Rng;

fn country(code: &str) -> Option<Country> {
    Some(Country::from_alpha2(code).unwrap())
}

fn victims(
    n: usize,
    sex: Option<Sex>,
    age: u8,
    form: FormOfExploitation,
    citizenship: Option<Country>,
    status: IdentificationStatus,
) -> impl Iterator<Item = VictimRecord> {
    std::iter::repeat_n(
        VictimRecord {
            year: 2024,
            sex,
            age: Some(age),
            form,
            citizenship,
            status,
            anonymous_notification: false,
        },
        n,
    )
}

/// 2024: six women (Nigerian, sexual exploitation, decided), two girls (Vietnamese, sexual
/// exploitation, presumed), seven men (Romanian, forced labour, decided), five boys (citizenship
/// not recorded, forced criminal activity, presumed), one non-binary adult (Ukrainian, forced
/// labour, decided); one woman notified anonymously; one man from 2023.
fn records() -> Vec<VictimRecord> {
    use FormOfExploitation::*;
    use IdentificationStatus::*;
    let mut records: Vec<VictimRecord> = [
        victims(
            6,
            Some(Sex::Female),
            30,
            SexualExploitation,
            country("NG"),
            Decided,
        )
        .collect::<Vec<_>>(),
        victims(
            2,
            Some(Sex::Female),
            15,
            SexualExploitation,
            country("VN"),
            Presumed,
        )
        .collect(),
        victims(7, Some(Sex::Male), 40, ForcedLabour, country("RO"), Decided).collect(),
        victims(
            5,
            Some(Sex::Male),
            12,
            ForcedCriminalActivity,
            None,
            Presumed,
        )
        .collect(),
        victims(
            1,
            Some(Sex::Other),
            25,
            ForcedLabour,
            country("UA"),
            Decided,
        )
        .collect(),
    ]
    .concat();
    let mut anonymous = records[0].clone();
    anonymous.anonymous_notification = true;
    let mut earlier = records[10].clone();
    earlier.year = 2023;
    records.extend([anonymous, earlier]);
    records
}

fn offenders() -> Vec<OffenderRecord> {
    let offender = |stage, sex, citizenship: &str, year| OffenderRecord {
        year,
        stage,
        sex,
        citizenship: country(citizenship),
    };
    let mut list = vec![offender(Stage::Suspected, Some(Sex::Male), "RO", 2024); 3];
    list.push(offender(Stage::Suspected, Some(Sex::Female), "NG", 2024));
    list.extend(vec![
        offender(Stage::Prosecuted, Some(Sex::Male), "RO", 2024);
        2
    ]);
    list.push(offender(Stage::Convicted, Some(Sex::Male), "RO", 2024));
    list.push(offender(Stage::Convicted, None, "RO", 2023));
    list
}

const POPULATION: Population = Population::BySexAndAge {
    female_child: 100_000,
    female_adult: 400_000,
    male_child: 100_000,
    male_adult: 400_000,
};

/// A threshold of 1 withholds nothing: the counts as they are.
fn publish_all() -> ReleasePolicy {
    ReleasePolicy::Suppress {
        min_cell: 1,
        rounding: None,
    }
}

fn rng() -> ChaCha20Rng {
    ChaCha20Rng::seed_from_u64(1622)
}

fn rate_of(
    report: &haven_stats::sdg::SdgReport,
    sex: Option<Sex>,
    age_group: Option<AgeGroup>,
    form: Option<SdgForm>,
) -> PublishedRate {
    report
        .rates
        .iter()
        .find(|r| r.sex == sex && r.age_group == age_group && r.form == form)
        .map(|r| r.per_100_000)
        .unwrap()
}

fn close(rate: PublishedRate, expected: f64) -> bool {
    matches!(rate, PublishedRate::Published(r) if (r - expected).abs() < 1e-9)
}

#[test]
fn sdg_counts_and_rates_by_group() {
    let report = sdg_16_2_2(
        &records(),
        2024,
        Basis::Presumed,
        &POPULATION,
        &publish_all(),
        &mut rng(),
    )
    .unwrap();
    assert_eq!(
        report.counts.table.grand_total(),
        ReleasedCount::Published(21)
    );
    // 21 per 1,000,000.
    assert!(close(rate_of(&report, None, None, None), 2.1));
    assert!(close(
        rate_of(&report, Some(Sex::Female), Some(AgeGroup::Child), None),
        2.0
    ));
    assert!(close(
        rate_of(&report, Some(Sex::Female), Some(AgeGroup::Adult), None),
        1.5
    ));
    assert!(close(
        rate_of(&report, Some(Sex::Male), Some(AgeGroup::Child), None),
        5.0
    ));
    assert!(close(
        rate_of(&report, Some(Sex::Male), Some(AgeGroup::Adult), None),
        1.75
    ));
    // Women and girls: 8 of 500,000.
    assert!(close(rate_of(&report, Some(Sex::Female), None, None), 1.6));
    // Forced labour: 7 men and the non-binary adult, 8 of 1,000,000.
    assert!(close(
        rate_of(&report, None, None, Some(SdgForm::ForcedLabour)),
        0.8
    ));
    // The boys' forced criminal activity is "other purposes".
    assert!(close(
        rate_of(
            &report,
            Some(Sex::Male),
            Some(AgeGroup::Child),
            Some(SdgForm::OtherPurposes)
        ),
        5.0
    ));
    assert_eq!(
        report.counts.table.get(&[Some(2), None, None]),
        Some(ReleasedCount::Published(1))
    );
    assert!(!report.rates.iter().any(|r| r.sex == Some(Sex::Other)));
}

#[test]
fn sdg_on_the_decided_basis_with_a_total_population() {
    let report = sdg_16_2_2(
        &records(),
        2024,
        Basis::Decided,
        &Population::Total(1_000_000),
        &publish_all(),
        &mut rng(),
    )
    .unwrap();
    assert_eq!(report.basis, Basis::Decided);
    assert_eq!(
        report.counts.table.grand_total(),
        ReleasedCount::Published(14)
    );
    // With a total population only the overall and per-form rates exist.
    assert_eq!(report.rates.len(), 4);
    assert!(
        report
            .rates
            .iter()
            .all(|r| r.sex.is_none() && r.age_group.is_none())
    );
    assert!(close(rate_of(&report, None, None, None), 1.4));
    assert!(close(
        rate_of(&report, None, None, Some(SdgForm::SexualExploitation)),
        0.6
    ));
}

#[test]
fn sdg_rates_of_withheld_counts_are_withheld() {
    let report = sdg_16_2_2(
        &records(),
        2024,
        Basis::Presumed,
        &POPULATION,
        &ReleasePolicy::default_suppression(),
        &mut rng(),
    )
    .unwrap();
    assert!(report.counts.passes_privacy_check());
    // Two girls: below 5, withheld, and so is their rate.
    assert_eq!(
        rate_of(&report, Some(Sex::Female), Some(AgeGroup::Child), None),
        PublishedRate::Suppressed
    );
    for rate in &report.rates {
        assert_eq!(
            rate.count == ReleasedCount::Suppressed,
            rate.per_100_000 == PublishedRate::Suppressed
        );
        assert!(!matches!(rate.count, ReleasedCount::Published(c) if c > 0 && c < 5));
    }
}

#[test]
fn sdg_refuses_an_empty_population() {
    let result = sdg_16_2_2(
        &records(),
        2024,
        Basis::Presumed,
        &Population::Total(0),
        &publish_all(),
        &mut rng(),
    );
    assert!(result.is_err());
}

#[test]
fn glotip_tables() {
    let report = glotip(
        &records(),
        &offenders(),
        2024,
        Basis::Presumed,
        &publish_all(),
        &mut rng(),
    )
    .unwrap();
    let victims = &report.victims.table;
    let citizenship = victims.dimensions()[3].categories().to_vec();
    assert_eq!(citizenship, ["NG", "RO", "UA", "VN", "not recorded"]);
    assert_eq!(victims.grand_total(), ReleasedCount::Published(21));
    // Women (sex 0, adult 1), sexual exploitation (form 0), Nigerian (0): 6.
    assert_eq!(
        victims.get(&[Some(0), Some(1), Some(0), Some(0)]),
        Some(ReleasedCount::Published(6))
    );
    // Boys, forced criminal activity (form 2), citizenship not recorded (4): 5.
    assert_eq!(
        victims.get(&[Some(1), Some(0), Some(2), Some(4)]),
        Some(ReleasedCount::Published(5))
    );
    assert_eq!(
        report.anonymous_notifications.table.grand_total(),
        ReleasedCount::Published(1)
    );
    let male_romanians = [Some(1), Some(1)];
    assert_eq!(
        report.suspected.table.get(&male_romanians),
        Some(ReleasedCount::Published(3))
    );
    assert_eq!(
        report.suspected.table.grand_total(),
        ReleasedCount::Published(4)
    );
    assert_eq!(
        report.prosecuted.table.get(&male_romanians),
        Some(ReleasedCount::Published(2))
    );
    // The conviction of 2023 is not counted.
    assert_eq!(
        report.convicted.table.grand_total(),
        ReleasedCount::Published(1)
    );
    assert_eq!(report.releases().len(), 5);
}

#[test]
fn glotip_under_suppression_and_under_differential_privacy() {
    let suppressed = glotip(
        &records(),
        &offenders(),
        2024,
        Basis::Presumed,
        &ReleasePolicy::default_suppression(),
        &mut rng(),
    )
    .unwrap();
    for (what, release) in suppressed.releases() {
        assert!(release.passes_privacy_check(), "{what}");
    }
    assert_eq!(
        suppressed.convicted.table.grand_total(),
        ReleasedCount::Suppressed
    );
    let noisy = glotip(
        &records(),
        &offenders(),
        2024,
        Basis::Presumed,
        &ReleasePolicy::DifferentialPrivacy { epsilon: 1.0 },
        &mut rng(),
    )
    .unwrap();
    // Every country is a category, whether or not it occurs.
    assert_eq!(noisy.victims.table.dimensions()[3].category_count(), 250);
}
