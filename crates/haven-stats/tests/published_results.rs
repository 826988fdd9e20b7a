//! The estimates published for the benchmark data sets, reproduced to their published rounding.

use haven_stats::mse::{
    CaptureTable, InteractionOrder, ModelSelection, PThreshold, StratumColumn, estimate,
    read_capture_csv,
};

fn table(file: &str) -> CaptureTable {
    let path = format!(
        "{}/../../reference/mse-data/{file}",
        env!("CARGO_MANIFEST_DIR")
    );
    let input = std::fs::File::open(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    read_capture_csv(input, StratumColumn::IfPresent)
        .expect("reference data is valid")
        .pooled
}

fn estimate_and_terms(file: &str, selection: ModelSelection) -> (f64, Vec<String>) {
    let table = table(file);
    let estimation = estimate(&table, selection).expect("the model space is searchable");
    let terms = estimation
        .model
        .interactions()
        .map(|t| table.term_name(t.lists()))
        .collect();
    (
        estimation
            .population_estimate()
            .expect("the chosen model is fitted"),
        terms,
    )
}

#[test]
fn uk_2013_five_lists_home_office_stepwise_aic_gives_11313() {
    let (estimate, _) = estimate_and_terms("uk2013_5lists.csv", ModelSelection::StepwiseAic);
    assert_eq!(estimate.round(), 11_313.0);
}

#[test]
fn korea_palembang_best_bic_gives_157() {
    let (estimate, terms) = estimate_and_terms(
        "korea_palembang_3lists.csv",
        ModelSelection::BestBic(InteractionOrder::Two),
    );
    assert_eq!(estimate.round(), 157.0);
    assert_eq!(terms, ["b:c", "c:d"]);
}

#[test]
fn kosovo_best_bic_up_to_order_three_gives_10357_among_113_models() {
    let table = table("kosovo1999_4lists.csv");
    let estimation = estimate(&table, ModelSelection::BestBic(InteractionOrder::Three)).unwrap();
    assert_eq!(estimation.admissible_models, Some(113));
    assert_eq!(estimation.population_estimate().unwrap().round(), 10_357.0);
}

#[test]
fn korea_stepwise_p_gives_268_78_with_the_b_c_interaction() {
    let (estimate, terms) = estimate_and_terms(
        "korea_palembang_3lists.csv",
        ModelSelection::StepwiseP(PThreshold::DEFAULT),
    );
    assert_eq!((estimate * 100.0).round(), 26_878.0);
    assert_eq!(terms, ["b:c"]);
}

#[test]
fn western_us_stepwise_p_gives_2483_with_the_a_e_interaction() {
    let (estimate, terms) = estimate_and_terms(
        "western_us_5lists.csv",
        ModelSelection::StepwiseP(PThreshold::DEFAULT),
    );
    assert_eq!(estimate.round(), 2_483.0);
    assert_eq!(terms, ["A:E"]);
}

#[test]
fn new_orleans_eight_lists_stepwise_p_gives_1110_49() {
    let (estimate, terms) = estimate_and_terms(
        "neworleans_8lists_v186.csv",
        ModelSelection::StepwiseP(PThreshold::DEFAULT),
    );
    assert_eq!((estimate * 100.0).round(), 111_049.0);
    assert_eq!(terms, ["D:E"]);
}

#[test]
fn western_us_fit_statistics_match_those_published_with_the_r_package() {
    // MultipleSystemsEstimation's vignette prints R's glm: deviance 26.58423, AIC 91.8395, BIC 118.7443.
    let table = table("western_us_5lists.csv");
    let estimation = estimate(&table, ModelSelection::StepwiseP(PThreshold::DEFAULT)).unwrap();
    let fit = estimation.outcome.fitted().unwrap();
    assert!((fit.deviance() - 26.58423).abs() < 1e-4);
    assert!((fit.aic() - 91.8395).abs() < 1e-4);
    assert!((fit.bic() - 118.7443).abs() < 1e-4);
}
