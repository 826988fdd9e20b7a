//! Timings of the statistics Haven releases, on a million generated records: counting them into
//! a table, the SDG 16.2.2 report under suppression, and k = 10 anonymisation.

use std::sync::{LazyLock, Once};

use criterion::{Criterion, criterion_group, criterion_main};
use haven_stats::anonymise::{AnonymiseConfig, MicroRecord, anonymise};
use haven_stats::country::Country;
use haven_stats::release::ReleasePolicy;
use haven_stats::sdg::{Population, sdg_16_2_2};
use haven_stats::table::{Dimension, Table};
use haven_stats::victim::{
    Basis, Exploitation, FormOfExploitation, IdentificationStatus, Sex, VictimRecord,
};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha20Rng;

const RECORDS: usize = 1_000_000;

/// Countries weighted like detected victims are: a few frequent, a long tail.
fn countries() -> Vec<Country> {
    Country::all().step_by(5).take(40).collect()
}

fn skewed(rng: &mut ChaCha20Rng, n: usize) -> usize {
    let u: f64 = rng.r#gen();
    ((u * u * u) * n as f64) as usize
}

fn victims() -> Vec<VictimRecord> {
    let mut rng = ChaCha20Rng::seed_from_u64(2024);
    let countries = countries();
    (0..RECORDS)
        .map(|_| VictimRecord {
            year: rng.gen_range(2015..2025),
            sex: match rng.gen_range(0..100) {
                0..=1 => None,
                2 => Some(Sex::Other),
                3..=60 => Some(Sex::Female),
                _ => Some(Sex::Male),
            },
            age: (rng.gen_range(0..20) > 0).then(|| rng.gen_range(2..75)),
            form: FormOfExploitation::ALL[skewed(&mut rng, FormOfExploitation::ALL.len())],
            citizenship: Some(countries[skewed(&mut rng, countries.len())]),
            status: if rng.gen_bool(0.6) {
                IdentificationStatus::Decided
            } else {
                IdentificationStatus::Presumed
            },
            anonymous_notification: rng.gen_bool(0.05),
        })
        .collect()
}

fn micro_records(victims: &[VictimRecord]) -> Vec<MicroRecord<()>> {
    let mut rng = ChaCha20Rng::seed_from_u64(10);
    let countries = countries();
    victims
        .iter()
        .map(|v| MicroRecord {
            sex: v.sex,
            age: v.age,
            citizenship: v.citizenship,
            country_of_exploitation: Some(countries[skewed(&mut rng, 10)]),
            year_of_registration: v.year,
            exploitation: Exploitation {
                sexual: v.form == FormOfExploitation::SexualExploitation,
                forced_labour: v.form == FormOfExploitation::ForcedLabour,
                other: !matches!(
                    v.form,
                    FormOfExploitation::SexualExploitation | FormOfExploitation::ForcedLabour
                ),
            },
            attributes: (),
        })
        .collect()
}

// Generated on first use inside a benchmark, so that listing the benchmarks costs nothing.
static VICTIMS: LazyLock<Vec<VictimRecord>> = LazyLock::new(victims);
static MICRO: LazyLock<Vec<MicroRecord<()>>> = LazyLock::new(|| micro_records(&VICTIMS));

fn release(c: &mut Criterion) {
    let mut group = c.benchmark_group("one million records");
    group.sample_size(10);

    let dimensions = vec![
        Dimension::new("year", (2015..2025).map(|y| y.to_string())).unwrap(),
        Dimension::new(
            "form",
            FormOfExploitation::ALL.map(FormOfExploitation::label),
        )
        .unwrap(),
    ];
    group.bench_function("count into year × form table", |b| {
        b.iter(|| {
            Table::from_records(
                dimensions.clone(),
                VICTIMS
                    .iter()
                    .map(|v| [usize::from(v.year - 2015), v.form as usize]),
            )
            .unwrap()
        })
    });

    let population = Population::BySexAndAge {
        female_child: 2_000_000,
        female_adult: 8_000_000,
        male_child: 2_100_000,
        male_adult: 7_900_000,
    };
    let policy = ReleasePolicy::default_suppression();
    group.bench_function("SDG 16.2.2 under suppression", |b| {
        b.iter(|| {
            sdg_16_2_2(
                &VICTIMS,
                2024,
                Basis::Presumed,
                &population,
                &policy,
                &mut ChaCha20Rng::seed_from_u64(1),
            )
            .unwrap()
        })
    });

    let config = AnonymiseConfig::new(10);
    let reported = Once::new();
    group.bench_function("k = 10 anonymisation", |b| {
        reported.call_once(|| {
            let (_, report) = anonymise(&MICRO, &config).unwrap();
            eprintln!(
                "k = 10 on {RECORDS} records: {:?}, {} withheld, k achieved {:?}, {} classes",
                report.generalisation,
                report.records_suppressed,
                report.k_achieved,
                report.equivalence_classes
            );
        });
        b.iter(|| anonymise(&MICRO, &config).unwrap())
    });
    group.finish();
}

criterion_group!(benches, release);
criterion_main!(benches);
