//! Every move between stages each profile allows, taken by a role it names; every move it does
//! not allow, and every move by a role it does not name, refused with the reason.

mod nrm;

use haven_domain::access::Role;
use haven_domain::case::{CaseError, ConsentPurpose, DecisionKind, NrmProfile, Outcome, Stage};
use nrm::{History, decide, history_at, refer_ca, step};

#[test]
fn every_allowed_transition_is_taken_by_each_role_the_profile_names() {
    for profile in NrmProfile::embedded() {
        for (from, to, roles) in profile.transitions() {
            for role in roles {
                let mut h = history_at(profile, from, to);
                h.wait(45);
                let case = h.attempt(*role, step(from, to)).unwrap_or_else(|e| {
                    panic!("{}: {from:?} to {to:?} by {role}: {e}", profile.id)
                });
                assert_eq!(case.stage, to, "{}: {from:?} to {to:?}", profile.id);
            }
        }
    }
}

#[test]
fn every_allowed_transition_is_refused_to_roles_the_profile_does_not_name() {
    for profile in NrmProfile::embedded() {
        for (from, to, roles) in profile.transitions() {
            for role in Role::ALL.into_iter().filter(|r| !roles.contains(r)) {
                let mut h = history_at(profile, from, to);
                h.wait(45);
                let error = h.attempt(role, step(from, to)).expect_err("refused");
                if to.is_decision() {
                    assert_eq!(error, CaseError::OnlyDecisionMaker);
                } else {
                    assert!(
                        matches!(error, CaseError::RoleMayNot { role: r, .. } if r == role),
                        "{}: {from:?} to {to:?} by {role}: {error}",
                        profile.id
                    );
                }
            }
        }
    }
}

#[test]
fn every_transition_a_profile_lacks_is_refused() {
    let reachable = [
        Stage::Identified,
        Stage::AnonymousNotification,
        Stage::Referred,
        Stage::RecoveryPeriod,
        Stage::NotIdentified,
        Stage::Reconsideration,
        Stage::Recognised,
        Stage::DurableSolution,
        Stage::Closed,
    ];
    for profile in NrmProfile::embedded() {
        for from in reachable {
            for to in Stage::ALL.into_iter().filter(|s| *s != Stage::Identified) {
                if profile.roles_for(from, to).is_some() || from == to {
                    continue;
                }
                let mut h = history_at(profile, from, to);
                h.wait(45);
                let role = if to.is_decision() {
                    Role::DecisionMaker
                } else {
                    Role::Caseworker
                };
                let result = h.attempt(role, step(from, to));
                assert!(
                    result.as_ref().map_or(true, |case| case.stage != to),
                    "{}: {from:?} to {to:?} was taken",
                    profile.id
                );
            }
        }
    }
}

#[test]
fn refusals_say_why() {
    let profile = nrm::generic();
    let mut h = History::adult(profile);
    assert_eq!(
        h.attempt(
            Role::DecisionMaker,
            decide(DecisionKind::ReasonableGrounds, Outcome::Positive)
        )
        .unwrap_err()
        .to_string(),
        "a reasonable-grounds decision needs a referral to the competent authority first"
    );
    assert_eq!(
        h.attempt(Role::Caseworker, refer_ca("ca-1"))
            .unwrap_err()
            .to_string(),
        "no active consent covers a referral to nrm-competent-authority"
    );
    h.then(
        Role::Caseworker,
        nrm::adult_consent(
            "c-ca",
            ConsentPurpose::Referral(nrm::COMPETENT_AUTHORITY.into()),
        ),
    )
    .then(Role::Caseworker, refer_ca("ca-1"));
    assert_eq!(
        h.attempt(
            Role::Caseworker,
            decide(DecisionKind::ReasonableGrounds, Outcome::Positive)
        )
        .unwrap_err()
        .to_string(),
        "only a decision maker records a decision"
    );
    assert_eq!(
        h.attempt(
            Role::DecisionMaker,
            decide(DecisionKind::ConclusiveGrounds, Outcome::Positive)
        )
        .unwrap_err()
        .to_string(),
        "a conclusive-grounds decision needs a positive reasonable-grounds decision first"
    );
    let no_reasons = haven_domain::case::What::Decide {
        kind: DecisionKind::ReasonableGrounds,
        outcome: Outcome::Negative,
        reasons: " ".into(),
        evidence: vec!["screening".into()],
    };
    assert_eq!(
        h.attempt(Role::DecisionMaker, no_reasons)
            .unwrap_err()
            .to_string(),
        "the reasons for the decision must be written out"
    );
    assert_eq!(
        h.attempt(Role::Caseworker, nrm::reconsider())
            .unwrap_err()
            .to_string(),
        "a request for reconsideration needs a negative decision first"
    );
}

#[test]
fn the_uk_like_profile_waits_for_the_recovery_period_before_the_conclusive_decision() {
    for (profile, early_allowed) in [(nrm::generic(), true), (nrm::uk(), false)] {
        let mut h = history_at(profile, Stage::RecoveryPeriod, Stage::Recognised);
        h.wait(10);
        let early = h.attempt(
            Role::DecisionMaker,
            decide(DecisionKind::ConclusiveGrounds, Outcome::Positive),
        );
        assert_eq!(early.is_ok(), early_allowed, "{}", profile.id);
        if let Err(error) = early {
            assert_eq!(
                error.to_string(),
                "under this profile the conclusive-grounds decision comes after the recovery period ends on 2026-04-04"
            );
        }
        h.wait(30);
        let case = h
            .attempt(
                Role::DecisionMaker,
                decide(DecisionKind::ConclusiveGrounds, Outcome::Positive),
            )
            .unwrap();
        assert_eq!(case.stage, Stage::Recognised);
    }
}

#[test]
fn a_reconsideration_decides_the_kind_of_decision_it_reconsiders() {
    let profile = nrm::generic();
    let mut h = history_at(profile, Stage::Reconsideration, Stage::RecoveryPeriod);
    assert_eq!(
        h.attempt(
            Role::DecisionMaker,
            decide(DecisionKind::ConclusiveGrounds, Outcome::Positive)
        )
        .unwrap_err(),
        CaseError::ReconsiderationOf("reasonable_grounds")
    );
    let case = h
        .attempt(
            Role::DecisionMaker,
            decide(DecisionKind::ReasonableGrounds, Outcome::Positive),
        )
        .unwrap();
    assert!(case.decisions.last().unwrap().on_reconsideration);
    assert_eq!(case.stage, Stage::RecoveryPeriod);
}

#[test]
fn a_closed_case_takes_no_further_action_and_keeps_its_htcds_status() {
    let profile = nrm::generic();
    let mut h = history_at(profile, Stage::Closed, Stage::Closed);
    let case = h.case();
    assert_eq!(case.status().code(), "Closed");
    assert_eq!(
        case.closure.as_ref().unwrap().reason,
        "Durable solution in place; the person asked to close the case."
    );
    assert_eq!(
        h.attempt(Role::Caseworker, haven_domain::case::What::Review)
            .unwrap_err(),
        CaseError::Closed
    );
}

#[test]
fn a_case_opens_from_a_screening_or_directly_by_a_caseworker() {
    use haven_domain::case::lifecycle::Opening;
    use haven_domain::case::{Case, CaseAction, What};
    let opening = |role: Role, opening: Opening| CaseAction {
        by: nrm::user(role).into(),
        role,
        at: nrm::morning("2026-03-02"),
        what: What::Open {
            case: "case-1".into(),
            opening,
            child: false,
            age_in_doubt: false,
            language: None,
        },
    };
    let from_screening = Case::open(&opening(Role::Screener, Opening::Screening("s-1".into())));
    assert_eq!(from_screening.unwrap().stage, Stage::Identified);
    assert_eq!(
        Case::open(&opening(Role::Screener, Opening::Direct))
            .unwrap_err()
            .to_string(),
        "a screener cannot take opening a case without a screening"
    );
    let direct = Case::open(&opening(Role::Caseworker, Opening::Direct)).unwrap();
    assert_eq!(direct.owner.0, "caseworker-1");
    assert!(matches!(
        Case::open(&opening(Role::Provider, Opening::Direct)),
        Err(CaseError::RoleMayNot { .. })
    ));
    assert_eq!(
        Case::replay(&[], nrm::generic()).unwrap_err(),
        (0, CaseError::NotOpened)
    );
    let mut h = History::adult(nrm::generic());
    assert_eq!(
        h.attempt(Role::Caseworker, nrm::open(false, None))
            .unwrap_err(),
        CaseError::AlreadyOpen
    );
    // Histories run forward: nothing is slipped in before what is already recorded.
    let backdated = CaseAction {
        at: nrm::morning("2026-03-01"),
        ..h.action(Role::Caseworker, What::Review)
    };
    assert_eq!(
        haven_domain::case::apply(&h.case(), &backdated, nrm::generic()).unwrap_err(),
        CaseError::OutOfOrder
    );
}
