//! One model over all strata, with stratum terms, against what it must reproduce.

use haven_stats::mse::{
    CaptureHistory, CaptureTable, ConfidenceLevel, JointOutcome, LogLinearModel, ModelSelection,
    PThreshold, Strata, StrataError, StratumColumn, StratumTerms, estimate, fit_joint,
    profile_interval, read_capture_csv,
};

fn reference(file: &str) -> CaptureTable {
    let path = format!(
        "{}/../../reference/mse-data/{file}",
        env!("CARGO_MANIFEST_DIR")
    );
    read_capture_csv(std::fs::File::open(path).unwrap(), StratumColumn::IfPresent)
        .unwrap()
        .pooled
}

fn scaled(table: &CaptureTable, numerator: u64, denominator: u64) -> CaptureTable {
    table.with_counts(
        table
            .histories()
            .map(|h| table.count(h) * numerator / denominator),
    )
}

fn close(a: f64, b: f64, relative: f64) -> bool {
    (a - b).abs() <= relative * a.abs().max(b.abs())
}

#[test]
fn with_a_stratum_size_term_a_stratum_twice_the_other_has_twice_its_estimate() {
    let korea = reference("korea_palembang_3lists.csv");
    let strata = Strata::new(vec![
        ("once".into(), korea.clone()),
        ("twice".into(), scaled(&korea, 2, 1)),
    ])
    .unwrap();
    let model = estimate(&korea, ModelSelection::StepwiseP(PThreshold::DEFAULT))
        .unwrap()
        .model;
    let JointOutcome::Fitted(fit) = fit_joint(&strata, &model, StratumTerms::Size) else {
        panic!("the joint model fits");
    };
    let alone = estimate(&korea, ModelSelection::StepwiseP(PThreshold::DEFAULT))
        .unwrap()
        .population_estimate()
        .unwrap();
    assert!(close(fit.stratum_estimate(0), alone, 1e-8));
    assert!(close(fit.stratum_estimate(1), 2.0 * alone, 1e-8));
    assert!(close(fit.population_estimate(), 3.0 * alone, 1e-8));
    assert!(fit.deviance() >= 0.0);
}

/// Western US split into two synthetic strata, two thirds and the rest of every count.
fn western_in_two() -> (CaptureTable, Strata) {
    let western = reference("western_us_5lists.csv");
    let first = scaled(&western, 2, 3);
    let second = western.with_counts(
        western
            .histories()
            .map(|h| western.count(h) - first.count(h)),
    );
    let strata = Strata::new(vec![("first".into(), first), ("second".into(), second)]).unwrap();
    (western, strata)
}

#[test]
fn with_every_term_by_stratum_the_joint_fit_is_the_sum_of_separate_fits() {
    let (western, strata) = western_in_two();
    let model = estimate(&western, ModelSelection::StepwiseP(PThreshold::DEFAULT))
        .unwrap()
        .model;
    let JointOutcome::Fitted(joint) = fit_joint(&strata, &model, StratumTerms::AllTerms) else {
        panic!("the joint model fits");
    };
    let mut sum = 0.0;
    let mut deviance = 0.0;
    for s in 0..strata.count() {
        let separate = haven_stats::mse::fit_model(strata.table(s), &model);
        let separate = separate.fitted().expect("each stratum fits");
        assert!(close(
            joint.stratum_estimate(s),
            separate.population_estimate(),
            1e-8
        ));
        let joint_interval = joint.stratum_profile_interval(s, ConfidenceLevel::NINETY_FIVE);
        let separate_interval = profile_interval(separate, ConfidenceLevel::NINETY_FIVE);
        assert!(close(joint_interval.lower, separate_interval.lower, 1e-6));
        assert!(close(joint_interval.upper, separate_interval.upper, 1e-6));
        sum += separate.population_estimate();
        deviance += separate.deviance();
    }
    assert!(close(joint.population_estimate(), sum, 1e-8));
    assert!(close(joint.deviance(), deviance, 1e-6));
}

#[test]
fn with_a_single_stratum_the_total_profile_interval_is_the_tables() {
    let western = reference("western_us_5lists.csv");
    let model = estimate(&western, ModelSelection::StepwiseP(PThreshold::DEFAULT))
        .unwrap()
        .model;
    let separate = haven_stats::mse::fit_model(&western, &model);
    let separate = separate.fitted().unwrap();
    let strata = Strata::new(vec![("all".into(), western.clone())]).unwrap();
    let joint = fit_joint(&strata, &model, StratumTerms::ListMainEffects);
    let joint = joint.fitted().unwrap();
    let expected = profile_interval(separate, ConfidenceLevel::NINETY_FIVE);
    let interval = joint.profile_interval(ConfidenceLevel::NINETY_FIVE);
    assert!(close(interval.lower, expected.lower, 1e-6), "{interval:?}");
    assert!(close(interval.upper, expected.upper, 1e-6), "{interval:?}");
}

#[test]
fn the_total_profile_interval_lies_between_the_strata_and_their_sum() {
    let (western, strata) = western_in_two();
    let model = estimate(&western, ModelSelection::StepwiseP(PThreshold::DEFAULT))
        .unwrap()
        .model;
    let joint = fit_joint(&strata, &model, StratumTerms::ListMainEffects);
    let joint = joint.fitted().unwrap();
    let total = joint.profile_interval(ConfidenceLevel::NINETY_FIVE);
    let point = joint.population_estimate();
    assert!(total.lower < point && point < total.upper, "{total:?}");
    let parts: Vec<_> = (0..2)
        .map(|s| joint.stratum_profile_interval(s, ConfidenceLevel::NINETY_FIVE))
        .collect();
    // Errors of the strata partly cancel: the total's interval is narrower than the sum of the
    // strata's limits, wider than either stratum's.
    assert!(total.upper < parts[0].upper + parts[1].upper);
    assert!(total.lower > parts[0].lower + parts[1].lower);
    assert!(total.upper - total.lower > parts[0].upper - parts[0].lower);
}

#[test]
fn a_stratum_without_cases_on_two_lists_together_drops_that_term_only_there() {
    let lists = vec!["A".to_owned(), "B".to_owned(), "C".to_owned()];
    let table = |ab: u64, abc: u64| {
        CaptureTable::new(
            lists.clone(),
            [
                (0b001, 30),
                (0b010, 25),
                (0b100, 20),
                (0b011, ab),
                (0b101, 6),
                (0b110, 5),
                (0b111, abc),
            ]
            .map(|(bits, count)| (CaptureHistory::from_bits(bits), count)),
        )
        .unwrap()
    };
    let strata = Strata::new(vec![("f".into(), table(8, 2)), ("m".into(), table(0, 0))]).unwrap();
    let ab = haven_stats::mse::Interaction::pair(0, 1).unwrap();
    let model = LogLinearModel::main_effects(3).with_pair(ab);
    let separate = fit_joint(&strata, &model, StratumTerms::AllTerms);
    let fit = separate.fitted().expect("the extended estimate exists");
    assert_eq!(fit.empty_terms().len(), 1);
    assert_eq!(fit.empty_terms()[0].stratum, Some(1));
    assert_eq!(fit.empty_terms()[0].interaction, ab);
}

#[test]
fn strata_must_share_their_lists() {
    let a = CaptureTable::new(
        vec!["A".into(), "B".into()],
        [(CaptureHistory::from_bits(1), 3)],
    )
    .unwrap();
    let b = CaptureTable::new(
        vec!["A".into(), "C".into()],
        [(CaptureHistory::from_bits(1), 3)],
    )
    .unwrap();
    assert_eq!(Strata::new(Vec::new()).unwrap_err(), StrataError::Empty);
    assert_eq!(
        Strata::new(vec![("a".into(), a), ("b".into(), b)]).unwrap_err(),
        StrataError::OtherLists("b".into())
    );
}
