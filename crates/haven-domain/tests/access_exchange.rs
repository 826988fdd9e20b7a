//! Who may release statistics and exchange data: one expectation per role and action.

use haven_domain::access::{
    Action, Decision, DenyReason, ExchangeAction, FieldClass, Relationship, Role, decide,
    decide_exchange,
};

#[test]
fn every_role_and_exchange_action() {
    use ExchangeAction::*;
    use Role::*;
    let allowed = |role: Role, action: ExchangeAction| -> bool {
        match action {
            ReleaseAggregates => matches!(
                role,
                Supervisor | DecisionMaker | Statistician | Trainer | Admin
            ),
            SetPrivacyBudget | ExportAnonymisedMicrodata => matches!(role, Statistician | Admin),
            ExportCaseRecords | ImportCaseRecords => role == Admin,
        }
    };
    for role in Role::ALL {
        for action in ExchangeAction::ALL {
            let decision = decide_exchange(role, action);
            if allowed(role, action) {
                assert_eq!(decision, Decision::Allow, "{role} {action:?}");
            } else {
                assert_eq!(
                    decision,
                    Decision::Deny(DenyReason::RoleNotPermitted),
                    "{role} {action:?}"
                );
            }
        }
    }
}

#[test]
fn reports_follow_the_aggregate_policy() {
    for role in Role::ALL {
        assert_eq!(
            decide_exchange(role, ExchangeAction::ReleaseAggregates),
            decide(
                role,
                Relationship::Unrelated,
                FieldClass::Aggregate,
                Action::View
            ),
            "{role}"
        );
    }
}
