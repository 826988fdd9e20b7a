//! Helpers shared by the national referral mechanism tests: dated histories built step by step.
#![allow(dead_code)]

use std::collections::BTreeSet;

use haven_domain::access::Role;
use haven_domain::case::consent::ChildAssent;
use haven_domain::case::lifecycle::{ClosureStatus, DurableSolution};
use haven_domain::case::profile::NrmProfile;
use haven_domain::case::{
    Case, CaseAction, CaseError, CivilDate, ConsentGiver, ConsentPurpose, DecisionKind, Informed,
    LegalBasis, Outcome, Recipient, RecipientRole, SharedField, Stage, Timestamp, What, apply,
};
use haven_domain::htcds::{ExploitationType, Gender};

pub const DAY_MS: i64 = 86_400_000;
pub const COMPETENT_AUTHORITY: &str = "nrm-competent-authority";

pub fn generic() -> &'static NrmProfile {
    NrmProfile::embedded_by_id("coe-generic").expect("the generic profile is embedded")
}

pub fn uk() -> &'static NrmProfile {
    NrmProfile::embedded_by_id("uk-nrm-like").expect("the UK-like profile is embedded")
}

pub fn date(text: &str) -> CivilDate {
    CivilDate::parse(text).unwrap_or_else(|| panic!("{text} is not a date"))
}

/// Ten in the morning, UTC, on a day.
pub fn morning(text: &str) -> Timestamp {
    Timestamp(date(text).midnight().0 + 10 * 3_600_000)
}

pub fn ca() -> Recipient {
    Recipient {
        organisation: COMPETENT_AUTHORITY.into(),
        role: RecipientRole::CompetentAuthority,
    }
}

pub fn recipient(org: &str, role: RecipientRole) -> Recipient {
    Recipient {
        organisation: org.into(),
        role,
    }
}

pub fn fields(list: &[SharedField]) -> BTreeSet<SharedField> {
    list.iter().copied().collect()
}

pub fn user(role: Role) -> &'static str {
    match role {
        Role::Screener => "screener-1",
        Role::Caseworker => "caseworker-1",
        Role::Supervisor => "supervisor-1",
        Role::DecisionMaker => "decision-maker-1",
        Role::Provider => "provider-1",
        _ => "someone-else",
    }
}

pub fn open(child: bool, language: Option<&str>) -> What {
    What::Open {
        case: "case-1".into(),
        opening: haven_domain::case::lifecycle::Opening::Screening("screening-1".into()),
        child,
        age_in_doubt: false,
        language: language.map(str::to_string),
    }
}

/// Opens the case of a person treated as an adult whose age is not established.
pub fn open_age_in_doubt() -> What {
    What::Open {
        case: "case-1".into(),
        opening: haven_domain::case::lifecycle::Opening::Screening("screening-1".into()),
        child: false,
        age_in_doubt: true,
        language: Some("en".into()),
    }
}

pub fn adult_consent(id: &str, purpose: ConsentPurpose) -> What {
    What::GiveConsent {
        consent: id.into(),
        purpose,
        legal_basis: LegalBasis::Consent,
        given_by: ConsentGiver::Person,
        informed: Informed::FULLY,
        interpreter: None,
    }
}

pub fn guardian_consent(id: &str, purpose: ConsentPurpose, guardian: &str) -> What {
    What::GiveConsent {
        consent: id.into(),
        purpose,
        legal_basis: LegalBasis::Consent,
        given_by: ConsentGiver::Guardian {
            guardian: guardian.into(),
            child_assent: ChildAssent::Given,
        },
        informed: Informed::FULLY,
        interpreter: Some("ps".into()),
    }
}

pub fn refer(id: &str, to: Recipient, shared: &[SharedField]) -> What {
    What::Refer {
        referral: id.into(),
        to,
        fields: fields(shared),
    }
}

pub fn refer_ca(id: &str) -> What {
    refer(
        id,
        ca(),
        &[
            SharedField::CaseReference,
            SharedField::Name,
            SharedField::Narrative,
        ],
    )
}

pub fn decide(kind: DecisionKind, outcome: Outcome) -> What {
    What::Decide {
        kind,
        outcome,
        reasons: "The account is consistent and detailed.".into(),
        evidence: vec!["screening report".into(), "shelter assessment".into()],
    }
}

pub fn notify() -> What {
    What::NotifyAnonymously {
        gender: Gender::Masculine,
        exploitation: vec![ExploitationType::ForcedLabour],
        country_of_exploitation: Some("GB".into()),
    }
}

pub fn integrate() -> What {
    What::ChooseDurableSolution {
        solution: DurableSolution::LocalIntegration,
        agreed: true,
    }
}

pub fn close() -> What {
    What::Close {
        status: ClosureStatus::Closed,
        reason: "Durable solution in place; the person asked to close the case.".into(),
    }
}

/// A case history under construction, one day per step unless told otherwise.
pub struct History {
    pub profile: &'static NrmProfile,
    pub actions: Vec<CaseAction>,
    pub now: Timestamp,
}

impl History {
    pub fn new(profile: &'static NrmProfile, day: &str, opening: What) -> History {
        let now = morning(day);
        History {
            profile,
            actions: vec![CaseAction {
                by: user(Role::Caseworker).into(),
                role: Role::Caseworker,
                at: now,
                what: opening,
            }],
            now,
        }
    }

    pub fn adult(profile: &'static NrmProfile) -> History {
        History::new(profile, "2026-03-02", open(false, Some("en")))
    }

    pub fn child(profile: &'static NrmProfile) -> History {
        History::new(profile, "2026-03-02", open(true, Some("en")))
    }

    pub fn case(&self) -> Case {
        Case::replay(&self.actions, self.profile)
            .unwrap_or_else(|(i, e)| panic!("action {i} refused: {e}"))
    }

    pub fn action(&self, role: Role, what: What) -> CaseAction {
        CaseAction {
            by: user(role).into(),
            role,
            at: self.now,
            what,
        }
    }

    /// Tries an action on the case as it stands, a day after the last one.
    pub fn attempt(&mut self, role: Role, what: What) -> Result<Case, CaseError> {
        self.wait(1);
        let result = apply(&self.case(), &self.action(role, what), self.profile);
        self.now = Timestamp(self.now.0 - DAY_MS);
        result
    }

    /// Records an action a day after the last one; it must be accepted.
    pub fn then(&mut self, role: Role, what: What) -> &mut History {
        self.wait(1);
        let action = self.action(role, what);
        if let Err(e) = apply(&self.case(), &action, self.profile) {
            panic!("{} refused: {e}", action.what.name());
        }
        self.actions.push(action);
        self
    }

    pub fn wait(&mut self, days: i64) -> &mut History {
        self.now = Timestamp(self.now.0 + days * DAY_MS);
        self
    }

    pub fn stage(&self) -> Stage {
        self.case().stage
    }
}

/// A history whose case stands at `from`, ready for the step to `to`.
pub fn history_at(profile: &'static NrmProfile, from: Stage, to: Stage) -> History {
    let mut h = History::adult(profile);
    h.then(
        Role::Caseworker,
        adult_consent("c-ca", ConsentPurpose::Referral(COMPETENT_AUTHORITY.into())),
    );
    let recovery = |h: &mut History| {
        h.then(Role::Caseworker, refer_ca("ca-1")).then(
            Role::DecisionMaker,
            decide(DecisionKind::ReasonableGrounds, Outcome::Positive),
        );
    };
    // Past the end of any recovery period, so a conclusive decision is never early.
    let conclusive = |h: &mut History, outcome| {
        h.wait(45).then(
            Role::DecisionMaker,
            decide(DecisionKind::ConclusiveGrounds, outcome),
        );
    };
    match from {
        Stage::Identified => {}
        Stage::AnonymousNotification => {
            h.then(Role::Caseworker, notify());
        }
        Stage::Referred => {
            h.then(Role::Caseworker, refer_ca("ca-1"));
        }
        Stage::RecoveryPeriod => recovery(&mut h),
        Stage::NotIdentified => {
            h.then(Role::Caseworker, refer_ca("ca-1")).then(
                Role::DecisionMaker,
                decide(DecisionKind::ReasonableGrounds, Outcome::Negative),
            );
        }
        Stage::Reconsideration if to == Stage::Recognised => {
            recovery(&mut h);
            conclusive(&mut h, Outcome::Negative);
            h.then(Role::Caseworker, reconsider());
        }
        Stage::Reconsideration => {
            h.then(Role::Caseworker, refer_ca("ca-1"))
                .then(
                    Role::DecisionMaker,
                    decide(DecisionKind::ReasonableGrounds, Outcome::Negative),
                )
                .then(Role::Caseworker, reconsider());
        }
        Stage::Recognised => {
            recovery(&mut h);
            conclusive(&mut h, Outcome::Positive);
        }
        Stage::DurableSolution => {
            recovery(&mut h);
            conclusive(&mut h, Outcome::Positive);
            h.then(Role::Caseworker, integrate());
        }
        Stage::Closed => {
            h.then(Role::Caseworker, close());
        }
    }
    assert_eq!(h.stage(), from);
    h
}

pub fn reconsider() -> What {
    What::RequestReconsideration {
        grounds: "New medical evidence of the person's account.".into(),
    }
}

/// The action that moves a case from `from` to `to`.
pub fn step(from: Stage, to: Stage) -> What {
    match to {
        Stage::Referred => refer_ca("ca-2"),
        Stage::AnonymousNotification => notify(),
        Stage::RecoveryPeriod => decide(DecisionKind::ReasonableGrounds, Outcome::Positive),
        Stage::NotIdentified if from == Stage::RecoveryPeriod => {
            decide(DecisionKind::ConclusiveGrounds, Outcome::Negative)
        }
        Stage::NotIdentified => decide(DecisionKind::ReasonableGrounds, Outcome::Negative),
        Stage::Reconsideration => reconsider(),
        Stage::Recognised => decide(DecisionKind::ConclusiveGrounds, Outcome::Positive),
        Stage::DurableSolution => integrate(),
        Stage::Closed => close(),
        Stage::Identified => panic!("no step leads back to identification"),
    }
}
