//! The releases end to end from the store's extraction structs, on a million generated people:
//! SDG 16.2.2 (records, table, suppression with its audit, the JSON file) and the k = 10 CTDC
//! export (micro records, anonymisation, the CSV file). Run with
//! `cargo bench -p haven-store --bench statistics`; the figures are in docs/statistics.md.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use haven_stats::country::Country;
use haven_stats::ctdc::{CtdcFlags, ctdc_export};
use haven_stats::publish::{Format, Receipt, sdg_output};
use haven_stats::release::{ReleasePolicy, secure_rng};
use haven_stats::sdg::{Population, sdg_16_2_2};
use haven_stats::spreadsheet::write_csv;
use haven_stats::victim::{
    Basis, Exploitation, FormOfExploitation, IdentificationStatus, Sex, VictimRecord,
};
use haven_store::{StatisticsData, VictimFacts};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha20Rng;

const PEOPLE: usize = 1_000_000;

/// A long tail of countries, a few frequent.
fn skewed(rng: &mut ChaCha20Rng, n: usize) -> usize {
    let u: f64 = rng.r#gen();
    ((u * u * u) * n as f64) as usize
}

fn generated() -> StatisticsData {
    let mut rng = ChaCha20Rng::seed_from_u64(1622);
    let countries: Vec<Country> = Country::all().step_by(5).take(40).collect();
    let victims = (0..PEOPLE)
        .map(|_| {
            let form = FormOfExploitation::ALL[skewed(&mut rng, FormOfExploitation::ALL.len())];
            VictimFacts {
                record: VictimRecord {
                    year: rng.gen_range(2019..2027),
                    sex: match rng.gen_range(0..100) {
                        0..=1 => None,
                        2 => Some(Sex::Other),
                        3..=60 => Some(Sex::Female),
                        _ => Some(Sex::Male),
                    },
                    age: (rng.gen_range(0..20) > 0).then(|| rng.gen_range(2..75)),
                    form,
                    citizenship: (rng.gen_range(0..10) > 0)
                        .then(|| countries[skewed(&mut rng, countries.len())]),
                    status: if rng.gen_bool(0.6) {
                        IdentificationStatus::Decided
                    } else {
                        IdentificationStatus::Presumed
                    },
                    anonymous_notification: rng.gen_bool(0.05),
                },
                country_of_exploitation: Some(countries[skewed(&mut rng, 10)]),
                exploitation: Exploitation {
                    sexual: form == FormOfExploitation::SexualExploitation,
                    forced_labour: form == FormOfExploitation::ForcedLabour,
                    other: !matches!(
                        form,
                        FormOfExploitation::SexualExploitation | FormOfExploitation::ForcedLabour
                    ),
                },
                ctdc: CtdcFlags {
                    means_threats: rng.gen_bool(0.3),
                    means_withhold_docs: rng.gen_bool(0.2),
                    ..CtdcFlags::default()
                },
                imported: false,
            }
        })
        .collect();
    StatisticsData {
        victims,
        offenders: Vec::new(),
    }
}

fn receipt() -> Receipt {
    Receipt {
        dataset: "cases-2024".into(),
        epsilon_spent: 0.0,
        budget_remaining: None,
        audit_entry: 1,
    }
}

fn releases(c: &mut Criterion) {
    let data = generated();
    let mut group = c.benchmark_group("one million people, end to end");
    group.sample_size(10);
    group.bench_function("SDG 16.2.2 under suppression, JSON file", |b| {
        b.iter(|| {
            let records = data.victim_records();
            let population = Population::Total(60_000_000);
            let report = sdg_16_2_2(
                &records,
                2024,
                Basis::Presumed,
                &population,
                &ReleasePolicy::default_suppression(),
                &mut secure_rng(),
            )
            .unwrap();
            black_box(sdg_output(&report, &population, None, &receipt(), Format::Json).unwrap())
        })
    });
    group.bench_function("CTDC export, k = 10, CSV file", |b| {
        b.iter(|| {
            let micro = data.micro_records();
            let (sheet, report) = ctdc_export(&micro, 10).unwrap();
            let mut bytes = Vec::with_capacity(64 << 20);
            write_csv(&sheet, &mut bytes).unwrap();
            black_box((bytes.len(), report))
        })
    });
    group.finish();
}

criterion_group!(benches, releases);
criterion_main!(benches);
