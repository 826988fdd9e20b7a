//! The daily digest of each user, from the same cases on Friday 10 April 2026.

mod nrm;

use haven_domain::access::Role;
use haven_domain::case::lifecycle::Opening;
use haven_domain::case::profile::DeadlineKind;
use haven_domain::case::{
    Case, ConsentPurpose, Digest, DueState, OrganisationId, Reader, RecipientRole, SharedField,
    UserId, What, digest,
};
use haven_domain::i18n::Localizer;
use nrm::{History, generic, morning, recipient, refer};

fn open(id: &str, child: bool) -> What {
    What::Open {
        case: id.into(),
        opening: Opening::Direct,
        child,
        age_in_doubt: false,
        language: None,
    }
}

fn hand_to(owner: &str) -> What {
    What::TransferOwnership {
        to: owner.into(),
        to_organisation: None,
    }
}

fn referred(h: &mut History) {
    h.then(
        Role::Caseworker,
        nrm::adult_consent(
            "c-ca",
            ConsentPurpose::Referral(nrm::COMPETENT_AUTHORITY.into()),
        ),
    )
    .then(Role::Caseworker, nrm::refer_ca("ca-1"));
}

/// caseworker-1's case, referred on 2 April: the response was due on 7 April (escalated), the
/// decision on 9 April (overdue).
fn case_a() -> Case {
    let mut h = History::new(generic(), "2026-03-31", open("case-a", false));
    referred(&mut h);
    h.case()
}

/// caseworker-2's case, referred on Friday 3 April: the response is overdue, the decision due
/// today.
fn case_b() -> Case {
    let mut h = History::new(generic(), "2026-04-01", open("case-b", false));
    referred(&mut h);
    h.then(Role::Supervisor, hand_to("caseworker-2"));
    h.case()
}

/// caseworker-3's child case since 20 March, still without a guardian or a referral to child
/// protection: both escalated.
fn case_c() -> Case {
    let mut h = History::new(generic(), "2026-03-20", open("case-c", true));
    h.then(Role::Supervisor, hand_to("caseworker-3"));
    h.case()
}

/// caseworker-1's case referred to a shelter on 8 April: its answer is due on 13 April.
fn case_d() -> Case {
    let mut h = History::new(generic(), "2026-04-06", open("case-d", false));
    h.then(
        Role::Caseworker,
        nrm::adult_consent("c-s", ConsentPurpose::Referral("shelter-north".into())),
    )
    .then(
        Role::Caseworker,
        refer(
            "r-shelter",
            recipient("shelter-north", RecipientRole::Shelter),
            &[SharedField::CaseReference, SharedField::Needs],
        ),
    );
    h.case()
}

fn digest_of(user: &str, role: Role, organisation: &str, team: &[&str]) -> Digest {
    let cases = [case_a(), case_b(), case_c(), case_d()];
    let user = UserId::from(user);
    let organisation = OrganisationId::from(organisation);
    let team: Vec<UserId> = team.iter().map(|u| UserId::from(*u)).collect();
    let reader = Reader {
        user: &user,
        role,
        organisation: &organisation,
        team: &team,
    };
    digest(
        &reader,
        cases.iter().map(|case| (case, generic())),
        morning("2026-04-10"),
    )
}

/// Each section as (case, deadline, due day).
fn lines(items: &[haven_domain::case::DigestItem]) -> Vec<(&str, DeadlineKind, String)> {
    items
        .iter()
        .map(|i| (i.case.0.as_str(), i.item.kind, i.item.due.to_string()))
        .collect()
}

#[test]
fn a_caseworker_gets_their_own_cases_items_due_today_overdue_and_escalated() {
    let d = digest_of("caseworker-1", Role::Caseworker, "ngo-1", &[]);
    assert_eq!(
        lines(&d.escalated),
        [(
            "case-a",
            DeadlineKind::ReferralResponse,
            "2026-04-07".into()
        )]
    );
    assert_eq!(
        d.escalated[0].item.state,
        DueState::Escalated {
            to: Role::Supervisor
        }
    );
    assert_eq!(
        lines(&d.overdue),
        [(
            "case-a",
            DeadlineKind::ReasonableGroundsDecision,
            "2026-04-09".into()
        )]
    );
    // case-d's shelter is not late, and its review is months away.
    assert!(d.due_today.is_empty() && d.waiting_for_answer.is_empty());
    assert_eq!(
        d.text(&Localizer::english()),
        "Daily digest for caseworker-1, 2026-04-10\n\
         \n\
         Escalated to the supervisor (1)\n\
         - case-a: answer to referral ca-1, due 2026-04-07\n\
         \n\
         Overdue (1)\n\
         - case-a: reasonable-grounds decision, due 2026-04-09"
    );
    let d = digest_of("caseworker-2", Role::Caseworker, "ngo-1", &[]);
    assert_eq!(
        lines(&d.due_today),
        [(
            "case-b",
            DeadlineKind::ReasonableGroundsDecision,
            "2026-04-10".into()
        )]
    );
}

#[test]
fn a_supervisor_gets_everything_escalated_and_the_teams_overdue_items() {
    let d = digest_of("supervisor-1", Role::Supervisor, "ngo-1", &["caseworker-2"]);
    assert_eq!(
        lines(&d.escalated),
        [
            (
                "case-c",
                DeadlineKind::ChildProtectionReferral,
                "2026-03-23".into()
            ),
            (
                "case-c",
                DeadlineKind::GuardianAppointment,
                "2026-03-25".into()
            ),
            (
                "case-a",
                DeadlineKind::ReferralResponse,
                "2026-04-07".into()
            ),
        ]
    );
    // caseworker-1 is not on this team: case-a's overdue decision is theirs to chase.
    assert_eq!(
        lines(&d.overdue),
        [(
            "case-b",
            DeadlineKind::ReferralResponse,
            "2026-04-08".into()
        )]
    );
    assert!(d.due_today.is_empty() && d.waiting_for_answer.is_empty());
    let text = d.text(&Localizer::english());
    assert!(text.contains(
        "Escalated to the supervisor (3)\n- case-c: referral to child protection, due 2026-03-23\n- case-c: appointment of a guardian, due 2026-03-25"
    ));
}

#[test]
fn a_provider_gets_the_referrals_waiting_for_its_organisations_answer() {
    let d = digest_of("provider-1", Role::Provider, "shelter-north", &[]);
    assert_eq!(
        lines(&d.waiting_for_answer),
        [(
            "case-d",
            DeadlineKind::ReferralResponse,
            "2026-04-13".into()
        )]
    );
    assert!(d.escalated.is_empty() && d.overdue.is_empty() && d.due_today.is_empty());
    assert!(
        d.text(&Localizer::english()).ends_with(
            "Waiting for your organisation's answer (1)\n- case-d: answer to referral r-shelter, due 2026-04-13"
        )
    );
    assert!(digest_of("provider-2", Role::Provider, "clinic-south", &[]).is_empty());
}

#[test]
fn a_decision_maker_gets_the_referrals_and_decisions_their_authority_owes() {
    let d = digest_of(
        "decision-maker-1",
        Role::DecisionMaker,
        nrm::COMPETENT_AUTHORITY,
        &[],
    );
    assert_eq!(
        lines(&d.escalated),
        [(
            "case-a",
            DeadlineKind::ReferralResponse,
            "2026-04-07".into()
        )]
    );
    assert_eq!(
        lines(&d.overdue),
        [
            (
                "case-b",
                DeadlineKind::ReferralResponse,
                "2026-04-08".into()
            ),
            (
                "case-a",
                DeadlineKind::ReasonableGroundsDecision,
                "2026-04-09".into()
            ),
        ]
    );
    assert_eq!(
        lines(&d.due_today),
        [(
            "case-b",
            DeadlineKind::ReasonableGroundsDecision,
            "2026-04-10".into()
        )]
    );
}

#[test]
fn other_roles_get_an_empty_digest_that_says_so() {
    let d = digest_of("statistician-1", Role::Statistician, "ngo-1", &[]);
    assert!(d.is_empty());
    assert_eq!(
        d.text(&Localizer::english()),
        "Daily digest for statistician-1, 2026-04-10\n\nNothing is due today, overdue or waiting for an answer."
    );
}

#[test]
fn a_digest_serialises_for_the_api() {
    let d = digest_of("caseworker-1", Role::Caseworker, "ngo-1", &[]);
    let json = serde_json::to_value(&d).unwrap();
    assert_eq!(json["day"], "2026-04-10");
    assert_eq!(json["escalated"][0]["case"], "case-a");
    assert_eq!(json["escalated"][0]["item"]["kind"], "referral_response");
    assert_eq!(serde_json::from_value::<Digest>(json).unwrap(), d);
}
