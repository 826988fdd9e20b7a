//! Deadlines computed from the history with each profile's working days and holidays; overdue
//! items escalate to the supervisor after the grace period.

mod nrm;

use haven_domain::access::Role;
use haven_domain::case::clock::Weekday;
use haven_domain::case::profile::DeadlineKind;
use haven_domain::case::{
    CivilDate, ConsentPurpose, DecisionKind, DueItem, DueState, Outcome, Stage, What, due_items,
    overdue_queue,
};
use nrm::{History, date, generic, morning, uk};

fn item(items: &[DueItem], kind: DeadlineKind) -> Option<&DueItem> {
    items.iter().find(|i| i.kind == kind)
}

/// Opened on Tuesday 31 March 2026, referred to the competent authority on Thursday 2 April.
fn referred_before_easter(profile: &'static haven_domain::case::NrmProfile) -> History {
    let mut h = History::new(profile, "2026-03-31", nrm::open(false, Some("en")));
    h.then(
        Role::Caseworker,
        nrm::adult_consent(
            "c-ca",
            ConsentPurpose::Referral(nrm::COMPETENT_AUTHORITY.into()),
        ),
    )
    .then(Role::Caseworker, nrm::refer_ca("ca-1"));
    h
}

#[test]
fn civil_dates_round_trip_and_know_their_weekday() {
    assert_eq!(date("1970-01-01").weekday(), Weekday::Thu);
    assert_eq!(date("2026-03-02").weekday(), Weekday::Mon);
    assert_eq!(date("2026-04-03").weekday(), Weekday::Fri);
    assert_eq!(date("2000-02-29").to_string(), "2000-02-29");
    assert_eq!(CivilDate::parse("2100-02-29"), None);
    assert_eq!(CivilDate::parse("2026-13-01"), None);
    assert_eq!(CivilDate::parse("26-01-01"), None);
    assert_eq!(date("2026-12-31").plus_days(1).to_string(), "2027-01-01");
    assert_eq!(date("1969-12-31").plus_days(1), date("1970-01-01"));
    let mut day = date("1899-12-25");
    for _ in 0..100_000 {
        let (y, m, d) = day.ymd();
        assert_eq!(CivilDate::from_ymd(y, m, d), Some(day));
        day = day.plus_days(3);
    }
    assert_eq!(morning("2026-03-02").date(), date("2026-03-02"));
}

#[test]
fn working_days_skip_weekends_and_each_profiles_holidays() {
    // Easter 2026: Good Friday and Easter Monday are holidays in England only.
    assert_eq!(
        generic().calendar.add_working_days(date("2026-04-02"), 5),
        date("2026-04-09")
    );
    assert_eq!(
        uk().calendar.add_working_days(date("2026-04-02"), 5),
        date("2026-04-13")
    );
    // From a Saturday, the first working day is Monday.
    assert_eq!(
        generic().calendar.add_working_days(date("2026-03-07"), 1),
        date("2026-03-09")
    );
    // Christmas 2026 falls on a Friday; England moves Boxing Day to Monday 28th.
    assert_eq!(
        generic().calendar.add_working_days(date("2026-12-24"), 2),
        date("2026-12-29")
    );
    assert_eq!(
        uk().calendar.add_working_days(date("2026-12-24"), 2),
        date("2026-12-30")
    );
    assert!(!uk().calendar.is_working_day(date("2026-12-28")));
    assert!(generic().calendar.is_working_day(date("2026-12-28")));
}

#[test]
fn the_reasonable_grounds_decision_is_due_five_working_days_after_referral() {
    for (profile, due) in [(generic(), "2026-04-09"), (uk(), "2026-04-13")] {
        let h = referred_before_easter(profile);
        let items = due_items(&h.case(), profile, morning("2026-04-03"));
        let rg = item(&items, DeadlineKind::ReasonableGroundsDecision).unwrap();
        assert_eq!(rg.started, date("2026-04-02"));
        assert_eq!(rg.due, date(due), "{}", profile.id);
        assert_eq!(rg.state, DueState::Pending);
    }
}

#[test]
fn an_overdue_item_escalates_to_the_supervisor_after_the_grace_period() {
    let h = referred_before_easter(generic());
    let case = h.case();
    let state_on = |day: &str| {
        item(
            &due_items(&case, generic(), morning(day)),
            DeadlineKind::ReasonableGroundsDecision,
        )
        .unwrap()
        .state
    };
    assert_eq!(state_on("2026-04-09"), DueState::Pending);
    assert_eq!(state_on("2026-04-10"), DueState::Overdue);
    // Two working days of grace: Friday 10th and Monday 13th.
    assert_eq!(state_on("2026-04-13"), DueState::Overdue);
    assert_eq!(
        state_on("2026-04-14"),
        DueState::Escalated {
            to: Role::Supervisor
        }
    );
}

#[test]
fn the_decision_stops_its_clock_and_starts_the_next() {
    for profile in [generic(), uk()] {
        let mut h = referred_before_easter(profile);
        h.then(
            Role::DecisionMaker,
            nrm::decide(DecisionKind::ReasonableGrounds, Outcome::Positive),
        );
        let items = due_items(&h.case(), profile, morning("2026-04-04"));
        assert!(item(&items, DeadlineKind::ReasonableGroundsDecision).is_none());
        let cg = item(&items, DeadlineKind::ConclusiveGroundsDecision).unwrap();
        // Decided on Friday 3 April; the recovery period ends 30 days later, on 3 May.
        let expected = if profile.id == "uk-nrm-like" {
            "2026-06-17"
        } else {
            "2026-07-02"
        };
        assert_eq!(cg.due, date(expected), "{}", profile.id);
        let period = h.case().recovery_period(profile).unwrap();
        assert_eq!(
            (period.starts, period.ends),
            (date("2026-04-03"), date("2026-05-03"))
        );
    }
}

#[test]
fn each_sent_referral_waits_for_a_response_until_answered() {
    let mut h = referred_before_easter(generic());
    let items = due_items(&h.case(), generic(), morning("2026-04-08"));
    let response = item(&items, DeadlineKind::ReferralResponse).unwrap();
    assert_eq!(response.referral.as_ref().unwrap().0, "ca-1");
    assert_eq!(response.due, date("2026-04-07"));
    assert_eq!(response.state, DueState::Overdue);
    h.then(
        Role::DecisionMaker,
        What::AcceptReferral {
            referral: "ca-1".into(),
        },
    );
    let items = due_items(&h.case(), generic(), morning("2026-04-08"));
    assert!(item(&items, DeadlineKind::ReferralResponse).is_none());
    assert!(item(&items, DeadlineKind::ReasonableGroundsDecision).is_some());
}

#[test]
fn a_child_case_waits_for_its_guardian_by_the_profiles_deadline() {
    // Opened on Friday 6 March 2026.
    for (profile, guardian_due) in [(generic(), "2026-03-11"), (uk(), "2026-03-09")] {
        let mut h = History::new(profile, "2026-03-06", nrm::open(true, None));
        let items = due_items(&h.case(), profile, morning("2026-03-06"));
        assert_eq!(
            item(&items, DeadlineKind::GuardianAppointment).unwrap().due,
            date(guardian_due)
        );
        // The generic profile counts the assessment from the appointment, the UK-like one from opening.
        assert_eq!(
            item(&items, DeadlineKind::BestInterestsAssessment).map(|i| i.due),
            (profile.id == "uk-nrm-like").then(|| date("2026-03-13"))
        );
        h.then(
            Role::Caseworker,
            What::AppointGuardian {
                guardian: "guardian-1".into(),
                organisation: "child-protection".into(),
            },
        );
        let items = due_items(&h.case(), profile, morning("2026-03-09"));
        assert!(item(&items, DeadlineKind::GuardianAppointment).is_none());
        assert!(item(&items, DeadlineKind::BestInterestsAssessment).is_some());
    }
}

#[test]
fn reviews_restart_the_review_clock_and_a_closed_case_waits_for_nothing() {
    let mut h = History::adult(generic());
    let review_due = |h: &History| {
        item(
            &due_items(&h.case(), generic(), h.now),
            DeadlineKind::CaseReview,
        )
        .unwrap()
        .due
    };
    assert_eq!(review_due(&h), date("2026-05-31"));
    h.wait(20).then(Role::Caseworker, What::Review);
    assert_eq!(review_due(&h), date("2026-06-21"));
    let closed = nrm::history_at(generic(), Stage::Closed, Stage::Closed);
    assert!(due_items(&closed.case(), generic(), morning("2027-01-01")).is_empty());
}

#[test]
fn the_overdue_queue_lists_every_cases_late_items_longest_overdue_first() {
    // Referred on 2 April: the response was due on 7 April, the decision on 9 April.
    let late = referred_before_easter(generic()).case();
    // Referred on 7 April: nothing is late yet on 10 April.
    let mut recent = History::new(generic(), "2026-04-05", nrm::open(false, None));
    recent
        .then(
            Role::Caseworker,
            nrm::adult_consent(
                "c-ca",
                ConsentPurpose::Referral(nrm::COMPETENT_AUTHORITY.into()),
            ),
        )
        .then(Role::Caseworker, nrm::refer_ca("ca-1"));
    let recent = recent.case();
    let queue = overdue_queue([&recent, &late], generic(), morning("2026-04-10"));
    let lines: Vec<(DeadlineKind, DueState)> =
        queue.iter().map(|(_, i)| (i.kind, i.state)).collect();
    assert_eq!(
        lines,
        [
            (
                DeadlineKind::ReferralResponse,
                DueState::Escalated {
                    to: Role::Supervisor
                }
            ),
            (DeadlineKind::ReasonableGroundsDecision, DueState::Overdue),
        ]
    );
}
