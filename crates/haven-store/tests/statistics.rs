//! The statistics through the store, on both engines: the victims and offenders extracted from
//! a fixed set of screenings and cases (one per person, linked records once, anonymous
//! notifications apart), SDG 16.2.2 and GLOTIP with known answers, suppression whose withheld
//! cells the published margins cannot give away, the privacy ledger persisted and refusing
//! releases over budget, every release in the audit log, and who may run reports.

use std::collections::BTreeSet;

use haven_domain::access::{ExchangeAction, Role};
use haven_domain::case::{
    ConsentGiver, ConsentPurpose, CriminalJusticeOutcome, DecisionKind, Informed, LegalBasis,
    OrganisationId, Outcome, Recipient, RecipientRole, What,
};
use haven_domain::htcds::{ExploitationType, Gender, PerpetratorRole};
use haven_stats::country::Country;
use haven_stats::glotip::{Stage, glotip};
use haven_stats::release::{ReleasePolicy, ReleasedCount, audit_suppression};
use haven_stats::sdg::{Population, sdg_16_2_2};
use haven_stats::victim::{Basis, FormOfExploitation, IdentificationStatus, Sex};
use haven_store::{
    AuditActor, CtdcFile, IdentityField, IdentityRecord, OpenCase, Principal, Store, StoreError,
};
use haven_testkit::{World, example_input, on_each_backend, seed_world};
use rand::SeedableRng;
use rand_chacha::ChaCha20Rng;
use serde_json::Value;

const SYSTEM: AuditActor<'static> = AuditActor::System("test");

fn this_year() -> u16 {
    let ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis() as i64;
    haven_domain::case::Timestamp(ms).date().ymd().0 as u16
}

fn input(example: &str, sex: &str, years: u64) -> Value {
    let mut input = example_input(example);
    input["sex"] = sex.into();
    input["age"] = serde_json::json!({"years": years, "basis": "document"});
    input
}

async fn screened(store: &Store, by: &Principal, input: &Value) -> (String, String) {
    let identity = IdentityRecord::from([(IdentityField::GivenName, "Test".to_string())]);
    let person = store.create_person(by, &identity, "test").await.unwrap().id;
    let screening = store
        .record_screening(by, Some(&person), input)
        .await
        .unwrap()
        .id;
    (person, screening)
}

async fn open(store: &Store, by: &Principal, person: &str, screening: &str) -> String {
    store
        .open_case(
            by,
            &OpenCase {
                person_id: person.into(),
                screening_id: Some(screening.into()),
                ..OpenCase::default()
            },
        )
        .await
        .unwrap()
        .id
}

async fn act(store: &Store, by: &Principal, case: &str, what: What) {
    store
        .record_case_action(by, case, None, what)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
}

/// A positive reasonable-grounds decision, by way of consent, referral and acceptance.
async fn decide_positive(store: &Store, world: &World, case: &str) {
    let caseworker = world.user(Role::Caseworker);
    let authority = OrganisationId(world.ngo.clone());
    act(
        store,
        caseworker,
        case,
        What::GiveConsent {
            consent: "ca".into(),
            purpose: ConsentPurpose::Referral(authority.clone()),
            legal_basis: LegalBasis::Consent,
            given_by: ConsentGiver::Person,
            informed: Informed::FULLY,
            interpreter: None,
        },
    )
    .await;
    let role = RecipientRole::CompetentAuthority;
    act(
        store,
        caseworker,
        case,
        What::Refer {
            referral: "ca".into(),
            to: Recipient {
                organisation: authority,
                role,
            },
            fields: role.minimum_data().iter().copied().take(1).collect(),
        },
    )
    .await;
    let decision_maker = world.user(Role::DecisionMaker);
    act(
        store,
        decision_maker,
        case,
        What::AcceptReferral {
            referral: "ca".into(),
        },
    )
    .await;
    act(
        store,
        decision_maker,
        case,
        What::Decide {
            kind: DecisionKind::ReasonableGrounds,
            outcome: Outcome::Positive,
            reasons: "Consistent account, supported by the screening.".into(),
            evidence: vec!["screening".into()],
        },
    )
    .await;
}

/// The fixed dataset: 6 adult women sexually exploited (2 with a positive decision, 3 of
/// Nigerian citizenship), 3 adult men in forced labour, a man in forced labour registered twice
/// and linked (once), a girl of 15 sexually exploited, a man not trafficked (not counted), an
/// anonymous notification, and a perpetrator suspected then prosecuted, another convicted.
async fn fixed_dataset(store: &Store, world: &World) {
    let caseworker = world.user(Role::Caseworker);
    for i in 0..6 {
        let (person, screening) = screened(
            store,
            caseworker,
            &input("S02-marriage-agency.json", "female", 26),
        )
        .await;
        if i < 3 {
            let case = open(store, caseworker, &person, &screening).await;
            act(
                store,
                caseworker,
                &case,
                What::RecordOrigin {
                    citizenship: Some("NG".into()),
                    country_of_exploitation: Some("IT".into()),
                },
            )
            .await;
            if i < 2 {
                decide_positive(store, world, &case).await;
            }
            if i == 0 {
                act(
                    store,
                    caseworker,
                    &case,
                    What::RecordPerpetrator {
                        perpetrator: "p1".into(),
                        roles: BTreeSet::from([PerpetratorRole::Exploiter]),
                        sex: Gender::Masculine,
                        citizenship: Some("RO".into()),
                    },
                )
                .await;
                for outcome in [
                    CriminalJusticeOutcome::Suspected,
                    CriminalJusticeOutcome::Prosecuted,
                ] {
                    act(
                        store,
                        caseworker,
                        &case,
                        What::RecordCriminalJusticeOutcome {
                            perpetrator: "p1".into(),
                            outcome,
                            year: Some(this_year()),
                        },
                    )
                    .await;
                }
                act(
                    store,
                    caseworker,
                    &case,
                    What::RecordPerpetrator {
                        perpetrator: "p2".into(),
                        roles: BTreeSet::from([PerpetratorRole::RecruiterOrIntermediary]),
                        sex: Gender::Feminine,
                        citizenship: None,
                    },
                )
                .await;
                for outcome in [
                    CriminalJusticeOutcome::Prosecuted,
                    CriminalJusticeOutcome::Convicted,
                ] {
                    act(
                        store,
                        caseworker,
                        &case,
                        What::RecordCriminalJusticeOutcome {
                            perpetrator: "p2".into(),
                            outcome,
                            year: None,
                        },
                    )
                    .await;
                }
            }
        }
    }
    for _ in 0..3 {
        screened(
            store,
            caseworker,
            &input("S01-construction-debt-bondage.json", "male", 41),
        )
        .await;
    }
    let male = input("S01-construction-debt-bondage.json", "male", 33);
    let (first, _) = screened(store, caseworker, &male).await;
    let (second, _) = screened(store, caseworker, &male).await;
    store
        .link_persons(caseworker, &first, &second, true)
        .await
        .unwrap();
    screened(
        store,
        caseworker,
        &input("S02-marriage-agency.json", "female", 15),
    )
    .await;
    screened(
        store,
        caseworker,
        &example_input("S07-warehouse-labour-violations.json"),
    )
    .await;
    let (person, screening) = screened(
        store,
        caseworker,
        &example_input("S04-declines-referral.json"),
    )
    .await;
    let case = open(store, caseworker, &person, &screening).await;
    act(
        store,
        caseworker,
        &case,
        What::NotifyAnonymously {
            gender: Gender::Masculine,
            exploitation: vec![ExploitationType::ForcedLabour],
            country_of_exploitation: Some("MY".into()),
        },
    )
    .await;
}

fn count(release: &haven_stats::release::Release, labels: &[&str]) -> ReleasedCount {
    let table = &release.table;
    let position: Vec<Option<usize>> = labels
        .iter()
        .zip(table.dimensions())
        .map(|(label, d)| {
            if *label == "Total" {
                None
            } else {
                Some(d.position(label).unwrap_or_else(|| panic!("{label}")))
            }
        })
        .collect();
    table.get(&position).unwrap()
}

#[tokio::test]
async fn victims_and_offenders_are_extracted_once_per_person() {
    on_each_backend(|backend| async move {
        let store = backend.open().await;
        let world = seed_world(&store).await;
        fixed_dataset(&store, &world).await;
        let data = store
            .statistics_data(SYSTEM, ExchangeAction::ReleaseAggregates)
            .await
            .unwrap();
        let year = this_year();
        let victims = &data.victims;
        assert_eq!(victims.len(), 12, "11 identified, 1 notified; {victims:#?}");
        assert!(victims.iter().all(|v| v.record.year == year));
        let notified: Vec<_> = victims
            .iter()
            .filter(|v| v.record.anonymous_notification)
            .collect();
        assert_eq!(notified.len(), 1);
        assert_eq!(notified[0].record.sex, Some(Sex::Male));
        assert_eq!(
            notified[0].country_of_exploitation,
            Some(Country::from_alpha2("MY").unwrap())
        );
        let decided = victims
            .iter()
            .filter(|v| v.record.status == IdentificationStatus::Decided)
            .count();
        assert_eq!(decided, 2);
        let nigerian = victims
            .iter()
            .filter(|v| v.record.citizenship == Some(Country::from_alpha2("NG").unwrap()))
            .count();
        assert_eq!(nigerian, 3);
        let girls = victims
            .iter()
            .filter(|v| v.record.age == Some(15) && v.record.sex == Some(Sex::Female))
            .count();
        assert_eq!(girls, 1);
        let labour = victims
            .iter()
            .filter(|v| {
                v.record.form == FormOfExploitation::ForcedLabour
                    && !v.record.anonymous_notification
            })
            .count();
        assert_eq!(labour, 4, "three men and one linked pair");
        let mut stages: Vec<(Stage, Option<&str>)> = data
            .offenders
            .iter()
            .map(|o| (o.stage, o.citizenship.map(|c| c.alpha2())))
            .collect();
        stages.sort_by_key(|(s, _)| *s as u8);
        assert_eq!(
            stages,
            vec![
                (Stage::Suspected, Some("RO")),
                (Stage::Prosecuted, Some("RO")),
                (Stage::Prosecuted, None),
                (Stage::Convicted, None),
            ]
        );
        assert!(data.offenders.iter().all(|o| o.year == year));
        backend
    })
    .await;
}

#[tokio::test]
async fn sdg_and_glotip_known_answers_and_a_suppression_that_cannot_be_undone() {
    on_each_backend(|backend| async move {
        let store = backend.open().await;
        let world = seed_world(&store).await;
        fixed_dataset(&store, &world).await;
        let data = store
            .statistics_data(SYSTEM, ExchangeAction::ReleaseAggregates)
            .await
            .unwrap();
        let year = this_year();
        let mut rng = ChaCha20Rng::seed_from_u64(7);
        let everything = ReleasePolicy::Suppress {
            min_cell: 1,
            rounding: None,
        };
        let population = Population::Total(1_000_000);
        let sdg = sdg_16_2_2(
            &data.victim_records(),
            year,
            Basis::Presumed,
            &population,
            &everything,
            &mut rng,
        )
        .unwrap();
        let c = |labels: &[&str]| count(&sdg.counts, labels);
        assert_eq!(
            c(&["Total", "Total", "Total"]),
            ReleasedCount::Published(11)
        );
        assert_eq!(
            c(&["female", "adult", "sexual exploitation"]),
            ReleasedCount::Published(6)
        );
        assert_eq!(
            c(&["female", "child", "sexual exploitation"]),
            ReleasedCount::Published(1)
        );
        assert_eq!(
            c(&["male", "adult", "forced labour"]),
            ReleasedCount::Published(4)
        );
        let total_rate = sdg
            .rates
            .iter()
            .find(|r| r.sex.is_none() && r.age_group.is_none() && r.form.is_none())
            .unwrap();
        assert_eq!(
            total_rate.per_100_000,
            haven_stats::sdg::PublishedRate::Published(1.1)
        );
        let decided = sdg_16_2_2(
            &data.victim_records(),
            year,
            Basis::Decided,
            &population,
            &everything,
            &mut rng,
        )
        .unwrap();
        assert_eq!(
            count(&decided.counts, &["Total", "Total", "Total"]),
            ReleasedCount::Published(2)
        );

        let report = glotip(
            &data.victim_records(),
            &data.offenders,
            year,
            Basis::Presumed,
            &everything,
            &mut rng,
        )
        .unwrap();
        assert_eq!(
            count(
                &report.victims,
                &["female", "adult", "sexual exploitation", "NG"]
            ),
            ReleasedCount::Published(3)
        );
        assert_eq!(
            count(&report.victims, &["Total", "Total", "Total", "Total"]),
            ReleasedCount::Published(11)
        );
        assert_eq!(
            count(&report.anonymous_notifications, &["male", "adult"]),
            ReleasedCount::Published(1)
        );
        assert_eq!(
            count(&report.suspected, &["Total", "Total"]),
            ReleasedCount::Published(1)
        );
        assert_eq!(
            count(&report.prosecuted, &["Total", "Total"]),
            ReleasedCount::Published(2)
        );
        assert_eq!(
            count(&report.convicted, &["female", "Total"]),
            ReleasedCount::Published(1)
        );

        // Under the default threshold the small cells are withheld, and the published margins
        // do not give any of them away: the audit, run again here on the published table alone.
        let suppressed = sdg_16_2_2(
            &data.victim_records(),
            year,
            Basis::Presumed,
            &population,
            &ReleasePolicy::default_suppression(),
            &mut rng,
        )
        .unwrap();
        assert!(!suppressed.counts.suppressions.is_empty());
        assert_eq!(
            count(
                &suppressed.counts,
                &["female", "child", "sexual exploitation"]
            ),
            ReleasedCount::Suppressed
        );
        let audit = audit_suppression(&suppressed.counts.table).unwrap();
        assert!(
            audit.passed(),
            "{:?}",
            audit.recoverable().collect::<Vec<_>>()
        );
        assert!(suppressed.counts.passes_privacy_check());
        let receipt = store
            .record_release(SYSTEM, "cases-test", "sdg test", &[&suppressed.counts])
            .await
            .unwrap();
        assert_eq!(receipt.epsilon_spent, 0.0);
        let entries = store.recent_audit_entries(5, None).await.unwrap();
        let entry = entries
            .iter()
            .find(|e| e.action == "statistics.release")
            .unwrap();
        assert_eq!(entry.seq, receipt.audit_seq);
        assert!(entry.fields.contains(&"query: sdg test".to_string()));
        assert!(
            entry
                .fields
                .contains(&"policy: suppress min_cell=5".to_string())
        );
        assert!(entry.fields.contains(&"epsilon spent: 0".to_string()));
        backend
    })
    .await;
}

#[tokio::test]
async fn the_privacy_ledger_is_kept_and_refuses_a_release_over_budget() {
    on_each_backend(|backend| async move {
        let store = backend.open().await;
        let world = seed_world(&store).await;
        fixed_dataset(&store, &world).await;
        let data = store
            .statistics_data(SYSTEM, ExchangeAction::ReleaseAggregates)
            .await
            .unwrap();
        let mut rng = ChaCha20Rng::seed_from_u64(8);
        let noisy = |epsilon: f64, rng: &mut ChaCha20Rng| {
            sdg_16_2_2(
                &data.victim_records(),
                this_year(),
                Basis::Presumed,
                &Population::Total(1_000_000),
                &ReleasePolicy::DifferentialPrivacy { epsilon },
                rng,
            )
            .unwrap()
        };
        let first = noisy(0.5, &mut rng);
        let refused = store
            .record_release(SYSTEM, "cases-x", "q1", &[&first.counts])
            .await
            .unwrap_err();
        assert!(
            matches!(&refused, StoreError::Refused(m) if m.contains("no privacy budget")),
            "{refused}"
        );
        store
            .set_privacy_budget(SYSTEM, "cases-x", 1.0)
            .await
            .unwrap();
        let receipt = store
            .record_release(SYSTEM, "cases-x", "q1", &[&first.counts])
            .await
            .unwrap();
        assert_eq!(receipt.epsilon_spent, 0.5);
        assert_eq!(receipt.remaining, Some(0.5));
        // Kept in the database: a store opened anew sees the spending.
        let reopened = backend.open().await;
        let ledger = reopened.privacy_ledger("cases-x").await.unwrap();
        assert_eq!(ledger.spent("cases-x"), 0.5);
        assert_eq!(ledger.spends("cases-x")[0].query, "q1");
        let second = noisy(0.4, &mut rng);
        let third = noisy(0.2, &mut rng);
        let refused = reopened
            .record_release(SYSTEM, "cases-x", "q2", &[&second.counts, &third.counts])
            .await
            .unwrap_err();
        assert!(
            matches!(&refused, StoreError::Refused(m) if m.contains("exceed")),
            "{refused}"
        );
        assert_eq!(
            store
                .privacy_ledger("cases-x")
                .await
                .unwrap()
                .spent("cases-x"),
            0.5,
            "a refused release spends nothing"
        );
        store
            .record_release(SYSTEM, "cases-x", "q3", &[&second.counts])
            .await
            .unwrap();
        assert!(
            store
                .set_privacy_budget(SYSTEM, "cases-x", 0.5)
                .await
                .is_err(),
            "below what is spent"
        );
        reopened.close().await;
        backend
    })
    .await;
}

#[tokio::test]
async fn reports_follow_the_aggregate_policy_for_every_role() {
    on_each_backend(|backend| async move {
        let store = backend.open().await;
        let world = seed_world(&store).await;
        for role in Role::ALL {
            let principal = world.user(role);
            let result = store
                .statistics_data(
                    AuditActor::User(principal),
                    ExchangeAction::ReleaseAggregates,
                )
                .await;
            let allowed = matches!(
                role,
                Role::Supervisor
                    | Role::DecisionMaker
                    | Role::Statistician
                    | Role::Trainer
                    | Role::Admin
            );
            assert_eq!(result.is_ok(), allowed, "{role}");
            if !allowed {
                assert!(matches!(result, Err(StoreError::Forbidden(_))));
            }
            let budget = store
                .set_privacy_budget(AuditActor::User(principal), "cases-r", 1.0)
                .await;
            assert_eq!(
                budget.is_ok(),
                matches!(role, Role::Statistician | Role::Admin),
                "{role}"
            );
            let export = store.htcds_export(AuditActor::User(principal), false).await;
            assert_eq!(export.is_ok(), role == Role::Admin, "{role}");
        }
        backend
    })
    .await;
}

#[tokio::test]
async fn citizenship_is_projected_and_survives_a_rebuild() {
    on_each_backend(|backend| async move {
        let store = backend.open().await;
        let world = seed_world(&store).await;
        fixed_dataset(&store, &world).await;
        let projected = || {
            backend.raw_count("SELECT COUNT(*) FROM cases WHERE citizenship = 'NG' AND country_of_exploitation = 'IT'")
        };
        assert_eq!(projected().await, 3);
        let before = store.projection_fingerprint().await.unwrap();
        store.rebuild_projections().await.unwrap();
        assert_eq!(projected().await, 3);
        assert_eq!(store.projection_fingerprint().await.unwrap(), before);
        backend
    })
    .await;
}

#[tokio::test]
async fn ctdc_microdata_from_the_store_are_k_anonymous_by_a_recount() {
    on_each_backend(|backend| async move {
        let store = backend.open().await;
        let world = seed_world(&store).await;
        fixed_dataset(&store, &world).await;
        let statistician = AuditActor::User(world.user(Role::Statistician));
        for k in [2, 3] {
            let CtdcFile { sheet, report } = store.ctdc_export(statistician, k).await.unwrap();
            assert_eq!(
                report.records_in, 11,
                "the anonymous notification is left out"
            );
            // The quasi-identifiers: year, gender, age band, minority, citizenship, country of
            // exploitation, and the three forms of exploitation.
            let quasi = [0, 1, 2, 3, 4, 5, 14, 15, 16];
            let mut groups: std::collections::HashMap<Vec<String>, u32> = Default::default();
            for row in &sheet.rows {
                let key = quasi
                    .iter()
                    .map(|&i| match &row[i] {
                        haven_stats::spreadsheet::Cell::Text(t) => t.clone(),
                        haven_stats::spreadsheet::Cell::Number(n) => n.to_string(),
                    })
                    .collect();
                *groups.entry(key).or_default() += 1;
            }
            assert!(
                groups.values().all(|&n| n >= k),
                "k = {k}: {groups:?} ({report:?})"
            );
            assert_eq!(sheet.rows.len() + report.records_suppressed, 11);
        }
        assert!(
            store.ctdc_export(statistician, 12).await.is_err(),
            "fewer records than k"
        );
        let provider = AuditActor::User(world.user(Role::Provider));
        assert!(store.ctdc_export(provider, 2).await.is_err());
        // The screenings' indicators give the means of control: the debt-bondage examples.
        let data = store
            .statistics_data(statistician, ExchangeAction::ExportAnonymisedMicrodata)
            .await
            .unwrap();
        assert!(
            data.victims
                .iter()
                .any(|v| v.ctdc.means_debt_bondage_earnings)
        );
        backend
    })
    .await;
}

#[tokio::test]
async fn haven_s_own_cases_imported_back_are_not_counted_twice() {
    on_each_backend(|backend| async move {
        let store = backend.open().await;
        let world = seed_world(&store).await;
        fixed_dataset(&store, &world).await;
        let counted = |store: Store| async move {
            store
                .statistics_data(SYSTEM, ExchangeAction::ReleaseAggregates)
                .await
                .unwrap()
                .victims
                .len()
        };
        let before = counted(store.clone()).await;
        let own: Vec<(usize, haven_stats::htcds::HtcdsRecord)> = store
            .htcds_export(SYSTEM, false)
            .await
            .unwrap()
            .into_iter()
            .enumerate()
            .map(|(i, (record, _))| (i + 2, record))
            .collect();
        let report = store.import_htcds(SYSTEM, "own.csv", &own).await.unwrap();
        assert_eq!(report.inserted as usize, own.len());
        assert_eq!(counted(store.clone()).await, before, "the same people");
        // A partner's record with an id of its own is another person.
        let mut partner = own[0].1.clone();
        partner.case_id = Some("PARTNER-1".into());
        partner.trafficking_status =
            Some(haven_stats::htcds::TraffickingStatus::PossibleVictimOfTrafficking);
        store
            .import_htcds(SYSTEM, "partner.csv", &[(2, partner)])
            .await
            .unwrap();
        assert_eq!(counted(store.clone()).await, before + 1);
        backend
    })
    .await;
}
