//! The embedded NRM profiles load, differ where they should, and a profile that breaks a
//! principle or names something unknown is refused at load.

mod nrm;

use haven_domain::access::Role;
use haven_domain::case::clock::{Period, Weekday};
use haven_domain::case::profile::{
    ClockEvent, DeadlineKind, EMBEDDED_PROFILES, EntitlementCondition, EntitlementStart,
};
use haven_domain::case::{NrmProfile, Stage};
use nrm::{date, generic, uk};

fn refused(from: &str, to: &str) -> String {
    let generic_text = EMBEDDED_PROFILES[0];
    assert!(
        generic_text.contains(from),
        "the profile no longer holds {from:?}"
    );
    NrmProfile::from_toml(&generic_text.replacen(from, to, 1))
        .expect_err("the changed profile must be refused")
        .to_string()
}

#[test]
fn both_profiles_load_the_generic_one_first() {
    let ids: Vec<&str> = NrmProfile::embedded()
        .iter()
        .map(|p| p.id.as_str())
        .collect();
    assert_eq!(ids, ["coe-generic", "uk-nrm-like"]);
    for profile in NrmProfile::embedded() {
        assert!(profile.reflection_period_days >= 30);
        assert!(
            profile
                .thresholds
                .reasonable_grounds
                .contains("reasonable grounds")
        );
        assert!(
            profile
                .thresholds
                .conclusive_grounds
                .contains("balance of probabilities")
        );
        assert_eq!(
            profile
                .deadline(DeadlineKind::ReasonableGroundsDecision)
                .length,
            Period::WorkingDays(5)
        );
        // A child is referred to child protection by the next working day.
        assert_eq!(
            profile.deadline(DeadlineKind::ChildProtectionReferral),
            haven_domain::case::profile::Deadline {
                from: ClockEvent::CaseOpened,
                length: Period::WorkingDays(1)
            }
        );
        assert_eq!(
            profile.entitlements.assistance.from,
            EntitlementStart::CaseOpened
        );
        let weekdays = [
            Weekday::Mon,
            Weekday::Tue,
            Weekday::Wed,
            Weekday::Thu,
            Weekday::Fri,
        ];
        assert_eq!(
            profile.calendar.working_days,
            weekdays.into_iter().collect()
        );
    }
}

#[test]
fn the_profiles_differ_where_the_jurisdictions_do() {
    let (g, u) = (generic(), uk());
    assert!(!g.conclusive_grounds_not_before_recovery_period_end);
    assert!(u.conclusive_grounds_not_before_recovery_period_end);
    assert_eq!(
        g.entitlements.residence.from,
        EntitlementStart::PositiveReasonableGrounds
    );
    assert_eq!(
        u.entitlements.residence.from,
        EntitlementStart::PositiveConclusiveGrounds
    );
    assert_eq!(
        u.entitlements.residence.conditions,
        [EntitlementCondition::PersonalSituation]
    );
    assert_eq!(
        g.deadline(DeadlineKind::ConclusiveGroundsDecision).from,
        ClockEvent::PositiveReasonableGrounds
    );
    assert_eq!(
        u.deadline(DeadlineKind::ConclusiveGroundsDecision).from,
        ClockEvent::RecoveryPeriodEnd
    );
    assert_eq!(
        g.deadline(DeadlineKind::GuardianAppointment).length,
        Period::WorkingDays(3)
    );
    assert_eq!(
        u.deadline(DeadlineKind::GuardianAppointment).length,
        Period::WorkingDays(1)
    );
    // Good Friday is a holiday in England, not in the generic calendar.
    assert!(u.calendar.holidays.contains(&date("2026-04-03")));
    assert!(!g.calendar.holidays.contains(&date("2026-04-03")));
    // A durable solution before the conclusive decision exists in the generic profile only.
    assert!(
        g.roles_for(Stage::RecoveryPeriod, Stage::DurableSolution)
            .is_some()
    );
    assert!(
        u.roles_for(Stage::RecoveryPeriod, Stage::DurableSolution)
            .is_none()
    );
}

#[test]
fn decisions_belong_to_the_decision_maker_in_both_profiles() {
    for profile in NrmProfile::embedded() {
        for (from, to, roles) in profile.transitions() {
            if to.is_decision() {
                assert_eq!(
                    roles.iter().copied().collect::<Vec<_>>(),
                    [Role::DecisionMaker],
                    "{} {from:?} to {to:?}",
                    profile.id
                );
            }
        }
    }
}

#[test]
fn a_reflection_period_under_thirty_days_is_refused() {
    let error = refused("reflection_period_days = 30", "reflection_period_days = 29");
    assert!(error.contains("at least 30 days"), "{error}");
}

#[test]
fn assistance_residence_or_recovery_conditioned_on_cooperation_is_refused() {
    for (from, to) in [
        (
            "conditions = [\"personal_situation\"]",
            "conditions = [\"personal_situation\", \"cooperation_with_authorities\"]",
        ),
        (
            "[entitlements.assistance]\nfrom = \"case_opened\"",
            "[entitlements.assistance]\nfrom = \"case_opened\"\nrequires_cooperation = true",
        ),
        (
            "[entitlements.recovery_period]\nfrom = \"positive_reasonable_grounds\"",
            "[entitlements.recovery_period]\nfrom = \"cooperation_agreed\"",
        ),
    ] {
        let error = refused(from, to);
        assert!(
            error.contains("never depend on cooperation with law enforcement"),
            "{error}"
        );
    }
}

#[test]
fn unknown_states_roles_and_events_are_refused() {
    let error = refused("to = \"recognised\"", "to = \"confirmed\"");
    assert!(error.contains("unknown state \"confirmed\""), "{error}");
    let error = refused("roles = [\"decision_maker\"]", "roles = [\"judge\"]");
    assert!(error.contains("unknown role \"judge\""), "{error}");
    let error = refused(
        "from = \"referral_to_competent_authority\"",
        "from = \"case_opened\"",
    );
    assert!(
        error.contains("cannot count from \"case_opened\""),
        "{error}"
    );
    let error = refused(
        "conditions = [\"personal_situation\"]",
        "conditions = [\"good_conduct\"]",
    );
    assert!(error.contains("unknown condition"), "{error}");
    let error = refused("\"2026-12-25\"", "\"2026-12-32\"");
    assert!(error.contains("not a date"), "{error}");
}

#[test]
fn missing_thresholds_and_deadlines_are_refused() {
    let threshold_line = EMBEDDED_PROFILES[0]
        .lines()
        .find(|l| l.starts_with("conclusive_grounds = "))
        .unwrap();
    let error = refused(threshold_line, "");
    assert!(
        error.contains("thresholds.conclusive_grounds is missing"),
        "{error}"
    );
    let error = refused(
        "[[deadlines]]\nkind = \"case_review\"\nfrom = \"last_review\"\ncalendar_days = 90",
        "",
    );
    assert!(
        error.contains("deadlines.case_review is missing"),
        "{error}"
    );
    let error = refused(
        "[[deadlines]]\nkind = \"child_protection_referral\"\nfrom = \"case_opened\"\nworking_days = 1",
        "",
    );
    assert!(
        error.contains("deadlines.child_protection_referral is missing"),
        "{error}"
    );
}

#[test]
fn a_profile_letting_anyone_else_decide_is_refused() {
    let error = refused(
        "to = \"recovery_period\"\nroles = [\"decision_maker\"]",
        "to = \"recovery_period\"\nroles = [\"decision_maker\", \"caseworker\"]",
    );
    assert!(
        error.contains("only a decision maker records a decision"),
        "{error}"
    );
}
