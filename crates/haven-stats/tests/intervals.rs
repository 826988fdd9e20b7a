//! Profile-likelihood and BCa bootstrap intervals.

use haven_stats::mse::{
    BootstrapConfig, CaptureTable, ConfidenceLevel, ModelSelection, PThreshold, StratumColumn,
    bca_interval, estimate, profile_interval, read_capture_csv,
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

#[test]
fn profile_interval_contains_the_estimate_and_is_asymmetric() {
    for file in [
        "uk2013_5lists.csv",
        "western_us_5lists.csv",
        "kosovo1999_4lists.csv",
        "korea_palembang_3lists.csv",
    ] {
        let estimation =
            estimate(&table(file), ModelSelection::StepwiseP(PThreshold::DEFAULT)).unwrap();
        let fit = estimation.outcome.fitted().unwrap();
        let interval = profile_interval(fit, ConfidenceLevel::NINETY_FIVE);
        let point = fit.population_estimate();
        assert!(
            interval.lower < point && point < interval.upper,
            "{file}: {interval:?} around {point}"
        );
        assert!(interval.lower >= fit.observed() as f64);
        // Counts are skewed: the interval reaches further above the estimate than below it.
        assert!(
            interval.upper - point > point - interval.lower,
            "{file}: {interval:?} around {point}"
        );
    }
}

#[test]
fn narrower_level_gives_narrower_profile_interval() {
    let estimation = estimate(&table("uk2013_5lists.csv"), ModelSelection::MainEffects).unwrap();
    let fit = estimation.outcome.fitted().unwrap();
    let wide = profile_interval(fit, ConfidenceLevel::NINETY_FIVE);
    let narrow = profile_interval(fit, ConfidenceLevel::new(0.8).unwrap());
    assert!(wide.lower < narrow.lower && narrow.upper < wide.upper);
}

fn config(seed: u64) -> BootstrapConfig {
    BootstrapConfig {
        replicates: 200,
        seed,
        level: ConfidenceLevel::NINETY_FIVE,
        show_progress: false,
    }
}

#[test]
fn bca_interval_contains_the_estimate_and_is_reproducible_from_its_seed() {
    let korea = table("korea_palembang_3lists.csv");
    let selection = ModelSelection::StepwiseP(PThreshold::DEFAULT);
    let point = estimate(&korea, selection)
        .unwrap()
        .population_estimate()
        .unwrap();
    let first = bca_interval(&korea, selection, point, config(7)).unwrap();
    assert!(first.interval.contains(point), "{first:?} around {point}");
    assert!(first.usable_replicates > 150);
    assert_eq!(
        first,
        bca_interval(&korea, selection, point, config(7)).unwrap()
    );
    assert_ne!(
        first,
        bca_interval(&korea, selection, point, config(8)).unwrap()
    );
}

#[test]
fn bca_refuses_too_few_replicates() {
    let korea = table("korea_palembang_3lists.csv");
    let small = BootstrapConfig {
        replicates: 10,
        ..config(1)
    };
    assert!(bca_interval(&korea, ModelSelection::MainEffects, 142.0, small).is_err());
}
