//! The access policy, role by role: every role against every relationship, field class and
//! action, including every denial. The table below is the specification; `decide` must agree
//! with it on all 9 × 5 × 3 × 3 combinations.

use haven_domain::access::{
    Action, Actor, AdminAction, Decision, DenyReason, FieldClass, RecordParties, Relationship,
    Role, decide, decide_admin, decide_directory, decide_on_record, decide_referral_answer,
    relationship, relationships,
};

/// What each role may do; anything not listed is denied.
const ALLOWED: &[(&str, &[&str])] = &[
    (
        "screener",
        &[
            "owner case view",
            "owner case record",
            "owner identity view",
            "owner identity record",
        ],
    ),
    (
        "caseworker",
        &[
            "owner case view",
            "owner case record",
            "owner identity view",
            "owner identity record",
            "assigned case view",
            "assigned case record",
            "assigned identity view",
            "assigned identity record",
        ],
    ),
    (
        "supervisor",
        &[
            "owner case view",
            "owner case record",
            "owner identity view",
            "owner identity record",
            "owner identity erase",
            "supervisor case view",
            "supervisor case record",
            "supervisor identity view",
            "supervisor identity erase",
            "any aggregate view",
        ],
    ),
    (
        "decision_maker",
        &[
            "referred case view",
            "referred case record",
            "referred identity view",
            "assigned case view",
            "assigned case record",
            "assigned identity view",
            "any aggregate view",
        ],
    ),
    (
        "provider",
        &[
            "referred case view",
            "referred case record",
            "referred identity view",
        ],
    ),
    (
        "registrar",
        &[
            "owner case view",
            "owner case record",
            "owner identity view",
            "owner identity record",
        ],
    ),
    ("trainer", &["any aggregate view"]),
    ("statistician", &["any aggregate view"]),
    ("admin", &["any aggregate view"]),
];

fn relationship_word(r: Relationship) -> &'static str {
    match r {
        Relationship::Owner => "owner",
        Relationship::Assigned => "assigned",
        Relationship::ReferredAndAccepted => "referred",
        Relationship::SupervisorOfOwnersTeam => "supervisor",
        Relationship::Unrelated => "unrelated",
    }
}

fn class_word(c: FieldClass) -> &'static str {
    match c {
        FieldClass::Case => "case",
        FieldClass::Identity => "identity",
        FieldClass::Aggregate => "aggregate",
    }
}

fn action_word(a: Action) -> &'static str {
    match a {
        Action::View => "view",
        Action::Record => "record",
        Action::Erase => "erase",
    }
}

#[test]
fn every_role_relationship_class_and_action_matches_the_table() {
    let mut checked = 0;
    for role in Role::ALL {
        let allowed = ALLOWED
            .iter()
            .find(|(r, _)| *r == role.id())
            .expect("every role is in the table")
            .1;
        for rel in Relationship::ALL {
            for class in FieldClass::ALL {
                for action in Action::ALL {
                    let exact = format!(
                        "{} {} {}",
                        relationship_word(rel),
                        class_word(class),
                        action_word(action)
                    );
                    let any = format!("any {} {}", class_word(class), action_word(action));
                    let expected =
                        allowed.contains(&exact.as_str()) || allowed.contains(&any.as_str());
                    let decision = decide(role, rel, class, action);
                    assert_eq!(
                        decision.is_allowed(),
                        expected,
                        "{role}: {exact} gave {decision:?}"
                    );
                    checked += 1;
                }
            }
        }
    }
    assert_eq!(checked, 9 * 5 * 3 * 3);
}

#[test]
fn statisticians_see_aggregates_only() {
    for rel in Relationship::ALL {
        for class in [FieldClass::Case, FieldClass::Identity] {
            for action in Action::ALL {
                assert_eq!(
                    decide(Role::Statistician, rel, class, action),
                    Decision::Deny(DenyReason::RoleNotPermitted)
                );
            }
        }
    }
}

#[test]
fn a_denial_says_whether_a_closer_relationship_would_help() {
    assert_eq!(
        decide(
            Role::Caseworker,
            Relationship::Unrelated,
            FieldClass::Identity,
            Action::View
        ),
        Decision::Deny(DenyReason::NoRelationship)
    );
    assert_eq!(
        decide(
            Role::Provider,
            Relationship::ReferredAndAccepted,
            FieldClass::Identity,
            Action::Erase
        ),
        Decision::Deny(DenyReason::RoleNotPermitted)
    );
}

#[test]
fn identity_is_a_separate_permission_from_case_fields() {
    // A provider may record case fields on an accepted referral but never write identity.
    assert!(
        decide(
            Role::Provider,
            Relationship::ReferredAndAccepted,
            FieldClass::Case,
            Action::Record
        )
        .is_allowed()
    );
    assert!(
        !decide(
            Role::Provider,
            Relationship::ReferredAndAccepted,
            FieldClass::Identity,
            Action::Record
        )
        .is_allowed()
    );
}

#[test]
fn second_factor_roles_are_those_that_may_see_identity() {
    let mut roles: Vec<&str> = Role::ALL
        .into_iter()
        .filter(|r| r.may_see_identity())
        .map(Role::id)
        .collect();
    roles.sort();
    assert_eq!(
        roles,
        [
            "caseworker",
            "decision_maker",
            "provider",
            "registrar",
            "screener",
            "supervisor"
        ]
    );
}

#[test]
fn administration_and_the_whole_audit_log_are_for_admins_only() {
    for role in Role::ALL {
        for action in [
            AdminAction::ManageOrganisations,
            AdminAction::ManageUsers,
            AdminAction::ReadAuditLog,
            AdminAction::ChooseProfile,
        ] {
            let expected = role == Role::Admin;
            assert_eq!(
                decide_admin(role, action).is_allowed(),
                expected,
                "{role} {action:?}"
            );
        }
    }
}

#[test]
fn relationship_is_the_closest_one() {
    let teams = vec!["team-a".to_string()];
    let assigned = vec!["u2".to_string()];
    let accepted = vec!["org-shelter".to_string()];
    let record = RecordParties {
        owner_user_id: "u1",
        owner_team_id: Some("team-a"),
        assigned_user_ids: &assigned,
        accepted_organisation_ids: &accepted,
    };
    let actor = |user: &'static str, org: &'static str, supervises: &'static [String]| Actor {
        user_id: user,
        organisation_id: org,
        role: Role::Caseworker,
        supervises_teams: supervises,
    };
    let none: &[String] = &[];
    assert_eq!(
        relationship(&actor("u1", "org-ngo", none), &record),
        Relationship::Owner
    );
    assert_eq!(
        relationship(&actor("u2", "org-ngo", none), &record),
        Relationship::Assigned
    );
    assert_eq!(
        relationship(&actor("u3", "org-shelter", none), &record),
        Relationship::ReferredAndAccepted
    );
    let supervises: &'static [String] = Box::leak(teams.into_boxed_slice());
    assert_eq!(
        relationship(&actor("u4", "org-ngo", supervises), &record),
        Relationship::SupervisorOfOwnersTeam
    );
    assert_eq!(
        relationship(&actor("u5", "org-ngo", none), &record),
        Relationship::Unrelated
    );
}

#[test]
fn only_the_receiving_organisations_providers_and_decision_makers_answer_a_referral() {
    for role in Role::ALL {
        let may_answer = matches!(role, Role::Provider | Role::DecisionMaker);
        assert_eq!(
            decide_referral_answer(role, "org-shelter", "org-shelter").is_allowed(),
            may_answer,
            "{role}"
        );
        assert!(
            !decide_referral_answer(role, "org-other", "org-shelter").is_allowed(),
            "{role} of another organisation"
        );
    }
}

#[test]
fn admins_keep_the_directory_and_providers_their_own_services() {
    for role in Role::ALL {
        assert_eq!(
            decide_directory(role, "org-shelter", "org-shelter").is_allowed(),
            matches!(role, Role::Admin | Role::Provider),
            "{role}"
        );
        assert_eq!(
            decide_directory(role, "org-other", "org-shelter").is_allowed(),
            role == Role::Admin,
            "{role} of another organisation"
        );
    }
}

#[test]
fn any_relationship_the_actor_holds_can_grant_access() {
    // The supervisor's organisation is also the competent authority that accepted a referral.
    let teams = vec!["team-a".to_string()];
    let accepted = vec!["org-ngo".to_string()];
    let record = RecordParties {
        owner_user_id: "u1",
        owner_team_id: Some("team-a"),
        assigned_user_ids: &[],
        accepted_organisation_ids: &accepted,
    };
    let supervisor = Actor {
        user_id: "s1",
        organisation_id: "org-ngo",
        role: Role::Supervisor,
        supervises_teams: &teams,
    };
    assert_eq!(
        relationships(&supervisor, &record),
        [
            Relationship::ReferredAndAccepted,
            Relationship::SupervisorOfOwnersTeam
        ]
    );
    assert!(
        decide_on_record(&supervisor, &record, FieldClass::Identity, Action::View).is_allowed()
    );
    let stranger = Actor {
        user_id: "x",
        organisation_id: "org-x",
        role: Role::Caseworker,
        supervises_teams: &[],
    };
    assert_eq!(
        decide_on_record(&stranger, &record, FieldClass::Case, Action::View),
        Decision::Deny(DenyReason::NoRelationship)
    );
}
