//! Properties of the case lifecycle over random histories: every reachable case is coherent,
//! replaying a history always gives the same case, and nothing the person is entitled to moves
//! with their cooperation with law enforcement.

mod nrm;

use haven_domain::access::Role;
use haven_domain::case::documents::MAX_SIZE_BYTES;
use haven_domain::case::lifecycle::{Cooperation, DurableSolution, Setting};
use haven_domain::case::referral::ReferralBasis;
use haven_domain::case::{
    Case, CaseAction, ConsentGiver, ConsentPurpose, CriminalJusticeOutcome, DecisionKind,
    DocumentKind, MediaType, NrmProfile, OffenceCategory, Outcome, Preferences, RecipientRole,
    ResidenceStatus, ServiceKind, Sha256, SharedField, Stage, Timestamp, What, apply, due_items,
};
use haven_domain::htcds::{Gender, PerpetratorRole, SupportPlanType};
use nrm::{DAY_MS, adult_consent, decide, guardian_consent, recipient, refer};
use proptest::prelude::*;

/// One random step: which action, which existing record it picks, who takes it, days later.
type Step = (u8, u8, u8, u8);

fn consent(case: &Case, id: String, purpose: ConsentPurpose) -> What {
    if case.is_child() {
        guardian_consent(&id, purpose, "guardian-1")
    } else {
        adult_consent(&id, purpose)
    }
}

fn what(case: &Case, kind: u8, pick: u8, n: usize) -> What {
    let pick = usize::from(pick);
    let referral = || {
        case.referrals
            .get(pick % case.referrals.len().max(1))
            .map_or_else(|| "none".into(), |r| r.id.clone())
    };
    let shelter = || recipient("shelter", RecipientRole::Shelter);
    match kind % 39 {
        0 => consent(
            case,
            format!("c{n}"),
            ConsentPurpose::Referral(nrm::COMPETENT_AUTHORITY.into()),
        ),
        1 => consent(
            case,
            format!("c{n}"),
            ConsentPurpose::Referral("shelter".into()),
        ),
        2 => consent(case, format!("c{n}"), ConsentPurpose::LawEnforcementSharing),
        3 => What::WithdrawConsent {
            consent: case
                .consents
                .get(pick % case.consents.len().max(1))
                .map_or_else(|| "none".into(), |c| c.id.clone()),
        },
        4 => nrm::refer_ca(&format!("r{n}")),
        5 => refer(
            &format!("r{n}"),
            shelter(),
            &[SharedField::Needs, SharedField::Name],
        ),
        6 => refer(
            &format!("r{n}"),
            recipient("police", RecipientRole::LawEnforcement),
            &[SharedField::CaseReference],
        ),
        7 => What::EmergencyReferral {
            referral: format!("r{n}").as_str().into(),
            to: recipient("hospital", RecipientRole::Health),
            fields: nrm::fields(&[SharedField::Name]),
            justification: "Bleeding".into(),
        },
        8 => What::AcceptReferral {
            referral: referral(),
        },
        9 => What::DeclineReferral {
            referral: referral(),
            reason: "Full".into(),
        },
        10 => What::CompleteReferral {
            referral: referral(),
            outcome: "Done".into(),
        },
        11 => What::RevokeReferral {
            referral: referral(),
            reason: "No longer needed".into(),
        },
        12 => nrm::notify(),
        13 => decide(DecisionKind::ReasonableGrounds, Outcome::Positive),
        14 => decide(DecisionKind::ReasonableGrounds, Outcome::Negative),
        15 => decide(DecisionKind::ConclusiveGrounds, Outcome::Positive),
        16 => decide(DecisionKind::ConclusiveGrounds, Outcome::Negative),
        17 => nrm::reconsider(),
        18 => What::AppointGuardian {
            guardian: "guardian-1".into(),
            organisation: "guardianship".into(),
        },
        19 => What::AssessBestInterests {
            summary: "Stay with foster family".into(),
        },
        20 => What::AddSupportPlan {
            plan_type: SupportPlanType::ALL[pick % SupportPlanType::ALL.len()],
            objectives: "Objectives".into(),
        },
        21 => What::ChooseDurableSolution {
            solution: DurableSolution::LocalIntegration,
            agreed: pick % 2 == 0,
        },
        22 => What::RecordProceeding {
            proceeding: format!("p{n}").as_str().into(),
            offence: OffenceCategory::ALL[pick % OffenceCategory::ALL.len()],
            description: "Irregular entry".into(),
            linked_to_trafficking: pick % 3 != 0,
        },
        23 => What::EndProceeding {
            proceeding: case
                .proceedings
                .get(pick % case.proceedings.len().max(1))
                .map_or_else(|| "none".into(), |p| p.id.clone()),
        },
        24 => What::RecordCooperation {
            cooperation: cooperation(pick),
        },
        25 => What::Place {
            setting: [
                Setting::Shelter,
                Setting::SafeHouse,
                Setting::FosterCare,
                Setting::ChildProtectionFacility,
                Setting::OwnAccommodation,
                Setting::ImmigrationDetention,
                Setting::PoliceCustody,
            ][pick % 7],
        },
        26 => What::TransferOwnership {
            to: "caseworker-1".into(),
            to_organisation: [None, Some("shelter".into()), Some("ngo-north".into())][pick % 3]
                .clone(),
        },
        // Closing ends a history; rarely, so that most histories go on.
        28 if pick % 4 == 0 => nrm::close(),
        29 => What::RecordPerpetrator {
            perpetrator: format!("x{}", pick % 4).as_str().into(),
            roles: PerpetratorRole::ALL
                .iter()
                .copied()
                .skip(pick % PerpetratorRole::ALL.len())
                .take((pick / 4) % 3)
                .collect(),
            sex: Gender::ALL[pick % Gender::ALL.len()],
            citizenship: ["NG", "RO", "gb"]
                .get((pick / 16) % 4)
                .map(|c| c.to_string()),
        },
        30 => What::RecordCriminalJusticeOutcome {
            perpetrator: case
                .perpetrators
                .get(pick % case.perpetrators.len().max(1))
                .map_or_else(|| "none".into(), |p| p.id.clone()),
            outcome: CriminalJusticeOutcome::ALL[(pick / 2) % 4],
            year: [None, Some(2024), Some(2026), Some(2031)][(pick / 8) % 4],
        },
        31 => What::RecordResidenceStatus {
            status: match pick % 4 {
                0 | 1 => ResidenceStatus::Applied,
                2 => ResidenceStatus::Granted {
                    permit_type: "Temporary stay for victims".into(),
                    expires: nrm::date(["2026-09-30", "2028-03-31"][(pick / 4) % 2]),
                },
                _ => ResidenceStatus::Refused {
                    reason: "Personal situation not shown".into(),
                },
            },
        },
        32 => What::RecordNeeds {
            services: ServiceKind::ALL
                .into_iter()
                .filter(|k| (pick >> (*k as usize % 8)) & 1 == 1)
                .collect(),
            disability_access: pick % 5 == 0,
            location: ["north", "", "south"].get(pick % 4).map(|l| l.to_string()),
        },
        33 => What::RecordPreferences {
            preferences: Preferences {
                caseworker_gender: Gender::ALL.get(pick % 8).copied(),
                interpreter_gender: Gender::ALL.get((pick / 8) % 8).copied(),
                women_only_services: pick % 2 == 0,
            },
        },
        34 => What::AssessAge {
            serious_doubt: ["Claims 17; looks older", ""][usize::from(pick % 7 == 0)].into(),
            outcome_child: pick % 3 == 0,
            benefit_of_doubt: pick % 4 == 1,
        },
        35 => What::FlagFamilyTracing {
            needed: pick % 2 == 0,
        },
        36 => What::AttachDocument {
            document: format!("d{}", pick % 5).as_str().into(),
            kind: [DocumentKind::IdentityDocument, DocumentKind::Photo][pick % 2],
            media_type: MediaType::ALL[pick % MediaType::ALL.len()],
            size_bytes: [0, 1, 70_000, MAX_SIZE_BYTES, MAX_SIZE_BYTES + 1][(pick / 5) % 5],
            sha256: Sha256::parse(&format!("{pick:064x}")).unwrap(),
        },
        37 => What::RemoveDocument {
            document: case
                .documents
                .get(pick % case.documents.len().max(1))
                .map_or_else(|| "none".into(), |d| d.id.clone()),
            reason: ["Wrong case", ""][usize::from(pick % 6 == 0)].into(),
        },
        38 => What::RecordOrigin {
            citizenship: ["NG", "RO", "gb", "UA"]
                .get(pick % 5)
                .map(|c| c.to_string()),
            country_of_exploitation: ["IT", "GB", "X1"]
                .get((pick / 5) % 4)
                .map(|c| c.to_string()),
        },
        _ => What::Review,
    }
}

fn natural_role(case: &Case, what: &What) -> Role {
    match what {
        What::Decide { .. } => Role::DecisionMaker,
        What::TransferOwnership {
            to_organisation: Some(_),
            ..
        } => Role::Supervisor,
        What::EmergencyReferral { .. } => Role::Supervisor,
        What::AcceptReferral { referral }
        | What::DeclineReferral { referral, .. }
        | What::CompleteReferral { referral, .. } => match case.referral(referral) {
            Some(r) if r.recipient.role == RecipientRole::CompetentAuthority => Role::DecisionMaker,
            _ => Role::Provider,
        },
        _ => Role::Caseworker,
    }
}

/// Action kinds, the steps of the mechanism more often than closing or declining it.
const KINDS: [u8; 63] = [
    0, 0, 0, 1, 1, 2, 3, 4, 4, 4, 5, 5, 6, 7, 8, 8, 8, 9, 10, 11, 12, 13, 13, 13, 14, 15, 15, 15,
    16, 17, 17, 18, 18, 19, 19, 20, 21, 21, 21, 22, 22, 23, 24, 24, 25, 26, 27, 28, 29, 30, 30, 30,
    30, 31, 31, 32, 33, 34, 34, 35, 36, 37, 38,
];

fn cooperation(pick: usize) -> Cooperation {
    [
        Cooperation::NotAsked,
        Cooperation::Cooperating,
        Cooperation::Declined,
    ][pick % 3]
}

/// The accepted actions of a random history, and the case they make.
/// Opens an adult's case, an adult's whose age is in doubt, or a child's, by `opening % 3`.
fn run(profile: &NrmProfile, opening: u8, steps: &[Step]) -> (Vec<CaseAction>, Case) {
    let opening = CaseAction {
        by: "caseworker-1".into(),
        role: Role::Caseworker,
        at: nrm::morning("2026-03-02"),
        what: match opening % 3 {
            0 => nrm::open(false, Some("en")),
            1 => nrm::open_age_in_doubt(),
            _ => nrm::open(true, Some("en")),
        },
    };
    let mut case = Case::open(&opening).unwrap();
    let mut accepted = vec![opening];
    let mut now = accepted[0].at;
    for (n, (kind, pick, role, gap)) in steps.iter().enumerate() {
        now = Timestamp(now.0 + i64::from(*gap % 20) * DAY_MS);
        let what = what(&case, *kind, *pick, n);
        // Mostly the role the action is meant for, so that histories get far; sometimes any.
        let role = if *role < 192 {
            natural_role(&case, &what)
        } else {
            Role::ALL[usize::from(*role) % Role::ALL.len()]
        };
        let action = CaseAction {
            by: nrm::user(role).into(),
            role,
            at: now,
            what,
        };
        if let Ok(next) = apply(&case, &action, profile) {
            assert_coherent(&next, profile);
            case = next;
            accepted.push(action);
        }
    }
    (accepted, case)
}

fn assert_coherent(case: &Case, profile: &NrmProfile) {
    let last = case.decisions.last().map(|d| (d.kind, d.outcome));
    match case.stage {
        Stage::Identified | Stage::Referred | Stage::AnonymousNotification => {
            assert!(case.decisions.is_empty())
        }
        Stage::RecoveryPeriod => {
            assert_eq!(
                last,
                Some((DecisionKind::ReasonableGrounds, Outcome::Positive))
            )
        }
        Stage::Recognised => {
            assert_eq!(
                last,
                Some((DecisionKind::ConclusiveGrounds, Outcome::Positive))
            )
        }
        Stage::NotIdentified => assert_eq!(last.map(|l| l.1), Some(Outcome::Negative)),
        Stage::Reconsideration => {
            assert_eq!(last.map(|l| l.1), Some(Outcome::Negative));
            assert!(case.reconsideration.is_some());
        }
        Stage::DurableSolution => assert!(case.durable_solution.is_some()),
        Stage::Closed => {}
    }
    assert_eq!(case.closure.is_some(), case.stage == Stage::Closed);
    if case.stage == Stage::Referred {
        assert!(
            case.referrals
                .iter()
                .any(|r| r.recipient.role == RecipientRole::CompetentAuthority)
        );
    }
    if case.stage == Stage::AnonymousNotification {
        assert!(case.anonymous_notification.is_some());
    }
    // An anonymous notification is for an adult: on the child track only when an age
    // assessment found the person to be a child after it was made.
    if let Some(notification) = &case.anonymous_notification
        && case.is_child()
    {
        assert!(
            case.age_assessments
                .iter()
                .any(|a| a.at >= notification.at && a.finds_child())
        );
    }
    for decision in &case.decisions {
        assert_eq!(decision.decided_by.0, "decision-maker-1");
        assert!(!decision.reasons.trim().is_empty() && !decision.evidence.is_empty());
        let threshold = match decision.kind {
            DecisionKind::ReasonableGrounds => &profile.thresholds.reasonable_grounds,
            DecisionKind::ConclusiveGrounds => &profile.thresholds.conclusive_grounds,
        };
        assert_eq!(&decision.threshold, threshold);
    }
    for referral in &case.referrals {
        assert!(
            referral
                .recipient
                .role
                .beyond_minimum(&referral.fields)
                .is_empty()
        );
        if let ReferralBasis::Consent(id) = &referral.basis {
            let consent = case.consents.iter().find(|c| &c.id == id).unwrap();
            assert!(consent.is_active() || !referral.status.is_active());
            assert_eq!(consent.purpose, referral.recipient.consent_purpose());
        }
    }
    // Consent in force comes from whoever consents for the person on their track.
    for consent in case.consents.iter().filter(|c| c.is_active()) {
        assert_eq!(
            case.is_child(),
            matches!(consent.given_by, ConsentGiver::Guardian { .. })
        );
    }
    if case.is_child() {
        assert!(!case.setting.is_some_and(Setting::is_detention));
    }
    if let Some(last) = case.age_assessments.last() {
        assert!(!case.age_in_doubt);
        assert_eq!(last.finds_child(), case.is_child());
        assert!(!last.serious_doubt.trim().is_empty());
    }
    for alerted in case.non_punishment_alerts() {
        assert!(alerted.pending && alerted.linked_to_trafficking && case.has_positive_decision());
    }
    if let Some(needs) = &case.needs {
        assert!(needs.location.as_ref().is_none_or(|l| !l.trim().is_empty()));
    }
    if let Some(organisation) = &case.transferred_to {
        // Transferred with consent to that organisation, which may since have been withdrawn.
        assert!(
            case.consents
                .iter()
                .any(|c| c.purpose == ConsentPurpose::Referral(organisation.clone()))
        );
    }
    for (i, document) in case.documents.iter().enumerate() {
        assert!((1..=MAX_SIZE_BYTES).contains(&document.size_bytes));
        assert!(case.documents[..i].iter().all(|d| d.id != document.id));
        if let Some(removal) = &document.removed {
            assert!(!removal.reason.trim().is_empty() && removal.at >= document.attached_at);
        }
    }
    for pair in case.residence.windows(2) {
        let decided = !matches!(pair[1].status, ResidenceStatus::Applied);
        assert_eq!(decided, pair[0].status == ResidenceStatus::Applied);
    }
    if let Some(first) = case.residence.first() {
        assert_eq!(first.status, ResidenceStatus::Applied);
    }
    for record in &case.residence {
        if let ResidenceStatus::Granted { expires, .. } = record.status {
            assert!(expires > record.recorded_at.date());
        }
    }
    for country in [&case.citizenship, &case.country_of_exploitation]
        .into_iter()
        .flatten()
    {
        assert!(country.len() == 2 && country.chars().all(|c| c.is_ascii_uppercase()));
    }
    for perpetrator in &case.perpetrators {
        assert!(!perpetrator.roles.is_empty());
        let mut latest = None;
        let mut year = None;
        for record in &perpetrator.outcomes {
            assert!(record.outcome.may_follow(latest));
            latest = Some(record.outcome);
            if let Some(y) = record.year {
                assert!(year.is_none_or(|earlier| earlier <= y));
                assert!(i64::from(y) <= record.recorded_at.date().ymd().0);
                year = Some(y);
            }
        }
    }
    if let Some(period) = case.recovery_period(profile) {
        assert_eq!(
            period
                .starts
                .plus_days(i64::from(profile.reflection_period_days)),
            period.ends
        );
        assert!(profile.reflection_period_days >= 30);
    }
}

fn steps() -> impl Strategy<Value = (bool, u8, Vec<Step>)> {
    (
        any::<bool>(),
        any::<u8>(),
        prop::collection::vec(
            (
                prop::sample::select(KINDS.as_slice()),
                any::<u8>(),
                any::<u8>(),
                any::<u8>(),
            ),
            0..60,
        ),
    )
}

fn profile(uk: bool) -> &'static NrmProfile {
    if uk { nrm::uk() } else { nrm::generic() }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn random_histories_reach_only_coherent_cases((uk, opening, steps) in steps()) {
        let profile = profile(uk);
        let (_, case) = run(profile, opening, &steps);
        assert_coherent(&case, profile);
    }

    #[test]
    fn replaying_a_history_twice_gives_the_same_case((uk, opening, steps) in steps()) {
        let profile = profile(uk);
        let (history, case) = run(profile, opening, &steps);
        let first = Case::replay(&history, profile).unwrap();
        let second = Case::replay(&history, profile).unwrap();
        prop_assert_eq!(&first, &second);
        prop_assert_eq!(&first, &case);
    }

    #[test]
    fn a_history_read_back_from_json_replays_to_the_same_case((uk, opening, steps) in steps()) {
        // The store keeps each action as JSON: what it reads back must be what was taken.
        let profile = profile(uk);
        let (history, case) = run(profile, opening, &steps);
        let stored: Vec<String> = history
            .iter()
            .map(|a| serde_json::to_string(a).unwrap())
            .collect();
        let read_back: Vec<CaseAction> = stored
            .iter()
            .map(|json| serde_json::from_str(json).unwrap())
            .collect();
        prop_assert_eq!(&read_back, &history);
        prop_assert_eq!(Case::replay(&read_back, profile).unwrap(), case);
    }

    #[test]
    fn cooperation_never_moves_assistance_residence_status_or_the_recovery_period(
        (uk, opening, steps) in steps(),
        replacement in 0usize..4,
    ) {
        let profile = profile(uk);
        let (history, case) = run(profile, opening, &steps);
        // Every cooperation record changed to another value, or removed.
        let altered: Vec<CaseAction> = history
            .iter()
            .filter(|a| replacement < 3 || !matches!(a.what, What::RecordCooperation { .. }))
            .map(|a| match a.what {
                What::RecordCooperation { .. } => CaseAction {
                    what: What::RecordCooperation { cooperation: cooperation(replacement) },
                    ..a.clone()
                },
                _ => a.clone(),
            })
            .collect();
        let other = Case::replay(&altered, profile).expect("cooperation gates nothing");
        prop_assert_eq!(case.entitlements(profile), other.entitlements(profile));
        prop_assert_eq!(case.recovery_period(profile), other.recovery_period(profile));
        prop_assert_eq!(case.stage, other.stage);
        prop_assert_eq!(&case.residence, &other.residence);
        let now = history.last().unwrap().at;
        prop_assert_eq!(due_items(&case, profile, now), due_items(&other, profile, now));
    }
}
