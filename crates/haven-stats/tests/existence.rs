//! Existence and identifiability checks on the artificial table of Chan, Silverman & Vincent
//! (2021), Table 2: A, B and C where C shares no case with A or B.

use haven_stats::mse::{
    CaptureTable, FitOutcome, Interaction, LogLinearModel, ModelSelection, PThreshold,
    StratumColumn, estimate, fit_model, read_capture_csv,
};

fn artificial() -> CaptureTable {
    let path = format!(
        "{}/../../reference/mse-data/artificial_3lists.csv",
        env!("CARGO_MANIFEST_DIR")
    );
    read_capture_csv(std::fs::File::open(path).unwrap(), StratumColumn::IfPresent)
        .unwrap()
        .pooled
}

fn model(pairs: &[(usize, usize)]) -> LogLinearModel {
    LogLinearModel::with_interactions(
        3,
        pairs.iter().map(|&(a, b)| Interaction::pair(a, b).unwrap()),
    )
    .unwrap()
}

#[test]
fn a_b_interaction_alone_has_no_maximum_likelihood_estimate() {
    assert!(matches!(
        fit_model(&artificial(), &model(&[(0, 1)])),
        FitOutcome::MleDoesNotExist
    ));
}

#[test]
fn all_three_interactions_are_not_identifiable() {
    let outcome = fit_model(&artificial(), &model(&[(0, 1), (0, 2), (1, 2)]));
    assert!(matches!(outcome, FitOutcome::NotIdentifiable));
}

#[test]
fn a_c_and_b_c_are_fitted_at_minus_infinity() {
    let outcome = fit_model(&artificial(), &model(&[(0, 2), (1, 2)]));
    let fit = outcome.fitted().expect("[A:C, B:C] passes both checks");
    assert_eq!(fit.empty_terms().len(), 2);
    assert!(fit.population_estimate() > 96.0);
}

#[test]
fn stepwise_p_never_returns_a_model_that_fails_the_checks() {
    let estimation = estimate(
        &artificial(),
        ModelSelection::StepwiseP(PThreshold::DEFAULT),
    )
    .unwrap();
    let fit = estimation
        .outcome
        .fitted()
        .expect("main effects exist, so stepwise-p ends on a fitted model");
    assert!(
        !estimation.model.contains(Interaction::pair(0, 1).unwrap()) || fit.empty_terms().len() < 2
    );
}

#[test]
fn hierarchy_is_enforced_when_building_models() {
    let triple = Interaction::new(0b111).unwrap();
    assert!(LogLinearModel::with_interactions(3, [triple]).is_none());
    assert!(Interaction::new(0b100).is_none());
}

#[test]
fn a_table_whose_main_effects_fail_is_reported_not_estimated() {
    // Every case is on list A, so nothing tells how many are missed by A.
    let lists = vec!["A".to_owned(), "B".to_owned()];
    let table = CaptureTable::new(
        lists,
        [
            (haven_stats::mse::CaptureHistory::from_bits(0b01), 5),
            (haven_stats::mse::CaptureHistory::from_bits(0b11), 3),
        ],
    )
    .unwrap();
    let estimation = estimate(&table, ModelSelection::MainEffects).unwrap();
    assert!(estimation.population_estimate().is_none());
    assert!(matches!(estimation.outcome, FitOutcome::MleDoesNotExist));
}
