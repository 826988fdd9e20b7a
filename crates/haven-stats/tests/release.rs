//! The release policy: suppression that the independent audit cannot break, the audit itself
//! on hand-made tables, the two-sided geometric mechanism against its exact distribution, and
//! the privacy ledger.

use haven_stats::release::{
    Epsilon, LedgerError, PostProcessing, PrivacyLedger, PublishedTable, Release, ReleasePolicy,
    ReleaseRecord, ReleasedCount, SuppressionReason, TwoSidedGeometric, audit_suppression, release,
};
use haven_stats::table::{Dimension, Table};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha20Rng;
use statrs::distribution::{ChiSquared, ContinuousCDF};

fn dimensions(extents: &[usize]) -> Vec<Dimension> {
    extents
        .iter()
        .enumerate()
        .map(|(d, &n)| Dimension::new(format!("d{d}"), (0..n).map(|c| format!("c{c}"))).unwrap())
        .collect()
}

fn table(extents: &[usize], counts: Vec<u64>) -> Table {
    Table::from_counts(dimensions(extents), counts).unwrap()
}

fn rng() -> ChaCha20Rng {
    ChaCha20Rng::seed_from_u64(20_240_616)
}

fn suppress(min_cell: u64) -> ReleasePolicy {
    ReleasePolicy::Suppress {
        min_cell,
        rounding: None,
    }
}

/// Counts that are often small, sometimes zero, sometimes large: what victim tables look like.
fn random_counts(rng: &mut ChaCha20Rng, cells: usize) -> Vec<u64> {
    (0..cells)
        .map(|_| match rng.gen_range(0..10) {
            0..=2 => 0,
            3..=6 => rng.gen_range(1..5),
            7..=8 => rng.gen_range(5..30),
            _ => rng.gen_range(30..500),
        })
        .collect()
}

/// The checks every suppressed release must pass, the last by the independent audit.
fn check_suppressed_release(original: &Table, released: &Release, min_cell: u64) {
    for ((position, truth), (same, published)) in original.entries().zip(released.table.entries()) {
        assert_eq!(position, same);
        match published {
            ReleasedCount::Published(c) => {
                assert_eq!(c, truth, "published counts are true counts");
                assert!(
                    c == 0 || c >= min_cell,
                    "{position:?}: {c} is below the threshold"
                );
            }
            ReleasedCount::Suppressed => assert!(truth > 0, "zeros are published"),
        }
    }
    for s in &released.suppressions {
        let truth = original.get(&s.position).unwrap();
        let primary = truth > 0 && truth < min_cell;
        assert_eq!(s.reason == SuppressionReason::Primary, primary);
    }
    let audit = audit_suppression(&released.table).unwrap();
    assert!(
        audit.passed(),
        "recoverable: {:?}",
        audit.recoverable().collect::<Vec<_>>()
    );
    assert_eq!(released.audit.as_ref(), Some(&audit));
    assert!(released.passes_privacy_check());
}

#[test]
fn random_tables_of_one_to_four_dimensions_pass_the_audit() {
    let mut rng = rng();
    let mut suppressed_somewhere = 0;
    for round in 0..120 {
        let d = 1 + round % 4;
        // Four-way tables of up to 4 categories each keep the linear programmes of the audit
        // (hundreds per table) within the test's patience.
        let largest = if d == 4 { 4 } else { 5 };
        let extents: Vec<usize> = (0..d).map(|_| rng.gen_range(2..=largest)).collect();
        let cells = extents.iter().product();
        let original = table(&extents, random_counts(&mut rng, cells));
        let released = release(&original, &ReleasePolicy::default_suppression(), &mut rng).unwrap();
        check_suppressed_release(&original, &released, 5);
        if !released.suppressions.is_empty() {
            suppressed_somewhere += 1;
        }
    }
    assert!(suppressed_somewhere > 80, "the tables exercise suppression");
}

#[test]
fn a_single_small_cell_gets_a_partner_in_each_line() {
    let original = table(&[3, 3], vec![20, 2, 30, 40, 50, 60, 70, 80, 90]);
    let released = release(&original, &suppress(5), &mut rng()).unwrap();
    check_suppressed_release(&original, &released, 5);
    let primary: Vec<_> = released
        .suppressions
        .iter()
        .filter(|s| s.reason == SuppressionReason::Primary)
        .map(|s| s.position.clone())
        .collect();
    assert_eq!(primary, vec![vec![Some(0), Some(1)]]);
    // Its row and its column each lose their smallest other cell, and the cell closing the
    // rectangle is withheld too.
    for position in [[Some(0), Some(0)], [Some(1), Some(1)], [Some(1), Some(0)]] {
        assert_eq!(
            released.table.get(&position),
            Some(ReleasedCount::Suppressed),
            "{position:?}"
        );
    }
}

#[test]
fn small_margins_are_withheld_and_protected() {
    // Row 0 adds up to 4: below the threshold, though none of its cells is.
    let original = table(&[2, 3], vec![0, 0, 4, 10, 20, 30]);
    let released = release(&original, &suppress(5), &mut rng()).unwrap();
    check_suppressed_release(&original, &released, 5);
    assert_eq!(
        released.table.get(&[Some(0), None]),
        Some(ReleasedCount::Suppressed)
    );
}

#[test]
fn a_table_without_small_counts_is_published_whole() {
    let original = table(&[2, 2], vec![10, 0, 25, 7]);
    let released = release(&original, &suppress(5), &mut rng()).unwrap();
    assert!(released.suppressions.is_empty());
    assert_eq!(released.table.grand_total(), ReleasedCount::Published(42));
    assert!(released.passes_privacy_check());
}

#[test]
fn rounding_is_stated_and_the_rounded_release_passes_the_audit() {
    let mut rng = rng();
    for _ in 0..20 {
        let original = table(&[3, 4], random_counts(&mut rng, 12));
        let policy = ReleasePolicy::Suppress {
            min_cell: 5,
            rounding: Some(5),
        };
        let released = release(&original, &policy, &mut rng).unwrap();
        assert_eq!(
            released.post_processing,
            vec![PostProcessing::RoundedToBase(5)]
        );
        assert_eq!(released.table.rounding(), Some(5));
        for ((_, truth), (_, published)) in original.entries().zip(released.table.entries()) {
            if let ReleasedCount::Published(c) = published {
                assert_eq!(c % 5, 0);
                assert!(c.abs_diff(truth) <= 2);
            }
        }
        assert!(audit_suppression(&released.table).unwrap().passed());
    }
}

#[test]
fn bad_policies_are_refused() {
    let t = table(&[2], vec![1, 2]);
    assert!(release(&t, &suppress(0), &mut rng()).is_err());
    let zero_base = ReleasePolicy::Suppress {
        min_cell: 5,
        rounding: Some(0),
    };
    assert!(release(&t, &zero_base, &mut rng()).is_err());
    for epsilon in [0.0, -1.0, f64::NAN, 1e9] {
        let policy = ReleasePolicy::DifferentialPrivacy { epsilon };
        assert!(release(&t, &policy, &mut rng()).is_err(), "{epsilon}");
    }
}

// The audit on hand-made tables.

#[test]
fn audit_finds_a_lone_suppressed_cell() {
    let t = table(&[2, 2], vec![10, 3, 20, 30]);
    let mut published = PublishedTable::from_table(&t);
    published.suppress(&[Some(0), Some(1)]);
    let audit = audit_suppression(&published).unwrap();
    let recoverable: Vec<_> = audit.recoverable().collect();
    assert_eq!(recoverable.len(), 1);
    assert_eq!(recoverable[0].position, vec![Some(0), Some(1)]);
    assert!((recoverable[0].lower - 3.0).abs() < 1e-9);
}

#[test]
fn audit_accepts_a_suppressed_rectangle_and_gives_its_ranges() {
    let t = table(&[2, 2], vec![3, 6, 7, 30]);
    let mut published = PublishedTable::from_table(&t);
    for p in [
        [Some(0), Some(0)],
        [Some(0), Some(1)],
        [Some(1), Some(0)],
        [Some(1), Some(1)],
    ] {
        published.suppress(&p);
    }
    let audit = audit_suppression(&published).unwrap();
    assert!(audit.passed());
    // Row 0 adds to 9 and column 0 to 10: the top-left cell lies anywhere in [0, 9].
    let top_left = &audit.ranges[0];
    assert_eq!(top_left.position, vec![Some(0), Some(0)]);
    assert!(top_left.lower.abs() < 1e-9);
    assert!((top_left.upper.unwrap() - 9.0).abs() < 1e-9);
}

#[test]
fn audit_finds_a_cell_pinned_through_several_lines() {
    // Two withheld rectangles joined by one withheld cell, (1, 2): every row and column with a
    // withheld cell has two or more, yet rows 0–1 minus columns 0–1 give the joining cell away.
    let mut counts = vec![50u64; 16];
    counts[2] = 40; // (0, 2)
    let t = table(&[4, 4], counts);
    let mut published = PublishedTable::from_table(&t);
    let withheld = [
        (0, 0),
        (0, 1),
        (1, 0),
        (1, 1),
        (1, 2),
        (2, 2),
        (2, 3),
        (3, 2),
        (3, 3),
    ];
    for (r, c) in withheld {
        published.suppress(&[Some(r), Some(c)]);
    }
    let audit = audit_suppression(&published).unwrap();
    let recoverable: Vec<_> = audit.recoverable().map(|r| r.position.clone()).collect();
    assert_eq!(recoverable, vec![vec![Some(1), Some(2)]]);
}

#[test]
fn audit_finds_a_margin_whose_cells_are_all_published() {
    let t = table(&[2, 3], vec![1, 1, 1, 10, 10, 10]);
    let mut published = PublishedTable::from_table(&t);
    published.suppress(&[Some(0), None]);
    let audit = audit_suppression(&published).unwrap();
    assert!(!audit.passed());
}

#[test]
fn audit_in_three_dimensions() {
    let t = table(&[2, 2, 2], vec![5, 6, 7, 8, 9, 10, 11, 12]);
    let mut published = PublishedTable::from_table(&t);
    published.suppress(&[Some(1), Some(0), Some(1)]);
    assert!(!audit_suppression(&published).unwrap().passed());
    // Withholding a whole 2×2×2 block of cells (and nothing else) leaves each cell free.
    for a in 0..2 {
        for b in 0..2 {
            for c in 0..2 {
                published.suppress(&[Some(a), Some(b), Some(c)]);
            }
        }
    }
    assert!(audit_suppression(&published).unwrap().passed());
}

#[test]
fn audit_with_rounding_widens_the_ranges() {
    // Published as multiples of 5: the lone withheld cell is no longer pinned to one value.
    let t = table(&[3], vec![10, 3, 20]);
    let mut published = PublishedTable::from_table(&t);
    published.suppress(&[Some(1)]);
    assert!(!audit_suppression(&published).unwrap().passed());
    let rounded = release(
        &t,
        &ReleasePolicy::Suppress {
            min_cell: 5,
            rounding: Some(5),
        },
        &mut rng(),
    )
    .unwrap();
    assert!(audit_suppression(&rounded.table).unwrap().passed());
}

// Differential privacy.

/// Draws many samples and compares their histogram with the exact probabilities by a
/// chi-square test at the 0.1 % level, merging the tails where fewer than 5 are expected.
fn chi_square_fit(epsilon: f64, samples: usize) {
    let mechanism = TwoSidedGeometric::new(Epsilon::new(epsilon).unwrap());
    let mut rng = rng();
    let draws: Vec<i64> = (0..samples).map(|_| mechanism.sample(&mut rng)).collect();
    let n = samples as f64;
    // Bins −K..=K with everything beyond folded into the outermost ones.
    let mut k_max = 0i64;
    while mechanism.pmf(k_max + 1) * n >= 5.0 {
        k_max += 1;
    }
    let bins = (2 * k_max + 1) as usize;
    let mut observed = vec![0f64; bins];
    for &y in &draws {
        observed[(y.clamp(-k_max, k_max) + k_max) as usize] += 1.0;
    }
    let tail: f64 = mechanism.pmf(k_max) / (1.0 - mechanism.alpha());
    let expected: Vec<f64> = (-k_max..=k_max)
        .map(|k| if k.abs() == k_max { tail } else { mechanism.pmf(k) } * n)
        .collect();
    let statistic: f64 = observed
        .iter()
        .zip(&expected)
        .map(|(o, e)| (o - e).powi(2) / e)
        .sum();
    let critical = ChiSquared::new((bins - 1) as f64)
        .unwrap()
        .inverse_cdf(0.999);
    assert!(
        statistic < critical,
        "ε = {epsilon}: χ² = {statistic:.1} over {bins} bins, critical {critical:.1}"
    );
    let mean = draws.iter().map(|&y| y as f64).sum::<f64>() / n;
    let variance = draws
        .iter()
        .map(|&y| (y as f64 - mean).powi(2))
        .sum::<f64>()
        / (n - 1.0);
    let expected_variance = mechanism.variance();
    let alpha = (-epsilon).exp();
    assert!((expected_variance - 2.0 * alpha / (1.0 - alpha).powi(2)).abs() < 1e-6);
    assert!(
        mean.abs() < 5.0 * (expected_variance / n).sqrt(),
        "ε = {epsilon}: mean {mean}"
    );
    assert!(
        (variance / expected_variance - 1.0).abs() < 0.03,
        "ε = {epsilon}: variance {variance}, expected {expected_variance}"
    );
}

#[test]
fn geometric_noise_fits_its_distribution_at_epsilon_one() {
    chi_square_fit(1.0, 200_000);
}

#[test]
fn geometric_noise_fits_its_distribution_at_epsilon_a_half() {
    chi_square_fit(0.5, 200_000);
}

#[test]
fn geometric_noise_fits_its_distribution_at_epsilon_a_tenth() {
    chi_square_fit(0.1, 200_000);
}

#[test]
fn noisy_release_is_consistent_and_says_so() {
    let original = table(&[2, 3], vec![0, 1, 2, 50, 60, 70]);
    let policy = ReleasePolicy::DifferentialPrivacy { epsilon: 0.5 };
    let released = release(&original, &policy, &mut rng()).unwrap();
    assert!(released.suppressions.is_empty());
    assert!(released.audit.is_none());
    assert_eq!(
        released.post_processing,
        vec![
            PostProcessing::NegativeNoisyCountsSetToZero,
            PostProcessing::MarginsSummedFromNoisyCells
        ]
    );
    let cell = |r, c| {
        released
            .table
            .get(&[Some(r), Some(c)])
            .unwrap()
            .published()
            .unwrap()
    };
    for r in 0..2 {
        let row: u64 = (0..3).map(|c| cell(r, c)).sum();
        assert_eq!(
            released.table.get(&[Some(r), None]),
            Some(ReleasedCount::Published(row))
        );
    }
    // Seeded, the noise is reproducible; from the system generator it would not be.
    let again = release(&original, &policy, &mut rng()).unwrap();
    assert_eq!(released.table, again.table);
}

// The ledger.

#[test]
fn ledger_refuses_a_query_that_would_overdraw_the_budget() {
    let mut ledger = PrivacyLedger::new();
    assert_eq!(
        ledger.spend("cases-2024", 0.1, "victims by sex"),
        Err(LedgerError::NoBudget("cases-2024".into()))
    );
    ledger.set_budget("cases-2024", 0.3).unwrap();
    ledger.spend("cases-2024", 0.1, "victims by sex").unwrap();
    ledger.spend("cases-2024", 0.2, "victims by age").unwrap();
    assert_eq!(ledger.remaining("cases-2024"), Some(0.0));
    let refused = ledger.spend("cases-2024", 0.01, "victims by form of exploitation");
    let Err(error) = refused else {
        panic!("the budget is spent")
    };
    assert!(
        error
            .to_string()
            .contains("would exceed the privacy budget"),
        "{error}"
    );
    assert_eq!(ledger.spends("cases-2024").len(), 2);
    assert_eq!(
        ledger.spend("cases-2024", 0.1, " "),
        Err(LedgerError::NoQuery)
    );
    assert!(matches!(
        ledger.set_budget("cases-2024", 0.2),
        Err(LedgerError::BudgetBelowSpent { .. })
    ));
    ledger.set_budget("cases-2024", 1.0).unwrap();
    ledger
        .spend("cases-2024", 0.5, "victims by citizenship")
        .unwrap();
    assert!((ledger.spent("cases-2024") - 0.8).abs() < 1e-12);
}

#[test]
fn ledger_and_release_record_survive_serialisation() {
    let mut ledger = PrivacyLedger::new();
    ledger.set_budget("cases", 2.0).unwrap();
    ledger.spend("cases", 0.25, "SDG 16.2.2 for 2024").unwrap();
    let json = serde_json::to_string(&ledger).unwrap();
    let back: PrivacyLedger = serde_json::from_str(&json).unwrap();
    assert_eq!(back, ledger);

    let original = table(&[2], vec![3, 40]);
    let policy = ReleasePolicy::DifferentialPrivacy { epsilon: 0.25 };
    let released = release(&original, &policy, &mut rng()).unwrap();
    let record = ReleaseRecord::new(
        "statistician-1",
        std::time::SystemTime::UNIX_EPOCH,
        "cases",
        "SDG 16.2.2 for 2024",
        &released,
    );
    assert_eq!(record.epsilon_spent, Some(0.25));
    assert!(record.passed_privacy_check);
    let json = serde_json::to_string(&record).unwrap();
    assert!(json.contains("\"kind\":\"differential_privacy\""), "{json}");
    let back: ReleaseRecord = serde_json::from_str(&json).unwrap();
    assert_eq!(back, record);
}
