//! Timings of model selection and the BCa bootstrap on the reference data sets.

use criterion::{Criterion, criterion_group, criterion_main};
use haven_stats::mse::{
    BootstrapConfig, CaptureTable, ConfidenceLevel, InteractionOrder, ModelSelection, PThreshold,
    StratumColumn, bca_interval, estimate, read_capture_csv,
};

fn table(file: &str) -> CaptureTable {
    let path = format!(
        "{}/../../reference/mse-data/{file}",
        env!("CARGO_MANIFEST_DIR")
    );
    read_capture_csv(std::fs::File::open(path).unwrap(), StratumColumn::IfPresent)
        .unwrap()
        .pooled
}

fn selection(c: &mut Criterion) {
    let cases = [
        (
            "uk2013_5lists.csv",
            "stepwise-aic",
            ModelSelection::StepwiseAic,
        ),
        (
            "uk2013_6lists.csv",
            "stepwise-p",
            ModelSelection::StepwiseP(PThreshold::DEFAULT),
        ),
        (
            "neworleans_8lists_v185.csv",
            "stepwise-p",
            ModelSelection::StepwiseP(PThreshold::DEFAULT),
        ),
        (
            "western_us_5lists.csv",
            "best-bic-2",
            ModelSelection::BestBic(InteractionOrder::Two),
        ),
        (
            "kosovo1999_4lists.csv",
            "best-bic-3",
            ModelSelection::BestBic(InteractionOrder::Three),
        ),
    ];
    for (file, name, method) in cases {
        let data = table(file);
        c.bench_function(&format!("{name} {file}"), |b| {
            b.iter(|| estimate(&data, method).unwrap())
        });
    }
}

fn bootstrap(c: &mut Criterion) {
    let data = table("neworleans_8lists_v185.csv");
    let method = ModelSelection::StepwiseP(PThreshold::DEFAULT);
    let point = estimate(&data, method)
        .unwrap()
        .population_estimate()
        .unwrap();
    let config = BootstrapConfig {
        replicates: 100,
        seed: 1,
        level: ConfidenceLevel::NINETY_FIVE,
        show_progress: false,
    };
    let mut group = c.benchmark_group("bootstrap");
    group.sample_size(10);
    group.bench_function("bca 100 replicates neworleans_8lists_v185.csv", |b| {
        b.iter(|| bca_interval(&data, method, point, config).unwrap())
    });
    group.finish();
}

criterion_group!(benches, selection, bootstrap);
criterion_main!(benches);
