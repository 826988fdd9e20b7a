//! Jurisdiction profiles of the national referral mechanism: the stages a case passes through
//! and who may move it, the decision thresholds, the recovery period, the deadlines, the working
//! calendar, and when assistance, the recovery period and residence begin.
//!
//! Profiles are data (`reference/nrm-profiles/*.toml`, embedded in the binary). Loading checks
//! them; a profile that breaks one of Haven's principles is refused: a recovery period under
//! 30 days (CETS 197 Art. 13), or assistance, residence or the recovery period made to depend
//! on cooperation with law enforcement (HRC resolution 32/3, §2(e)).

use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;

use serde::Deserialize;

use super::clock::{Calendar, CivilDate, Period, Weekday};
use super::lifecycle::Stage;
use crate::access::Role;
use crate::identification::catalogue::MINIMUM_REFLECTION_PERIOD_DAYS;

/// The profiles shipped with Haven, the default first.
pub const EMBEDDED_PROFILES: [&str; 2] = [
    include_str!("../../../../reference/nrm-profiles/coe-generic.toml"),
    include_str!("../../../../reference/nrm-profiles/uk-nrm-like.toml"),
];

static EMBEDDED: LazyLock<Vec<NrmProfile>> = LazyLock::new(|| {
    EMBEDDED_PROFILES
        .iter()
        .map(|text| {
            NrmProfile::from_toml(text)
                .unwrap_or_else(|e| panic!("an embedded NRM profile is invalid: {e}"))
        })
        .collect()
});

#[derive(Debug)]
pub struct NrmProfile {
    pub id: String,
    pub label: String,
    pub reflection_period_days: u16,
    pub conclusive_grounds_not_before_recovery_period_end: bool,
    pub escalation_grace_working_days: u16,
    pub thresholds: Thresholds,
    pub entitlements: Entitlements,
    pub calendar: Calendar,
    deadlines: BTreeMap<DeadlineKind, Deadline>,
    transitions: BTreeMap<(Stage, Stage), BTreeSet<Role>>,
}

/// The legal tests a decision maker applies, quoted in every decision and letter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Thresholds {
    pub reasonable_grounds: String,
    pub conclusive_grounds: String,
}

/// When the person's entitlements begin. None of them can name cooperation with law enforcement:
/// such a profile does not load.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entitlements {
    pub assistance: Entitlement,
    pub recovery_period: Entitlement,
    pub residence: Entitlement,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entitlement {
    pub from: EntitlementStart,
    /// Further conditions the authority granting it assesses.
    pub conditions: Vec<EntitlementCondition>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum EntitlementStart {
    CaseOpened,
    PositiveReasonableGrounds,
    PositiveConclusiveGrounds,
}

impl EntitlementStart {
    const ALL: [EntitlementStart; 3] = [
        EntitlementStart::CaseOpened,
        EntitlementStart::PositiveReasonableGrounds,
        EntitlementStart::PositiveConclusiveGrounds,
    ];

    pub fn id(self) -> &'static str {
        match self {
            EntitlementStart::CaseOpened => "case_opened",
            EntitlementStart::PositiveReasonableGrounds => "positive_reasonable_grounds",
            EntitlementStart::PositiveConclusiveGrounds => "positive_conclusive_grounds",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntitlementCondition {
    /// The stay is necessary owing to the person's personal situation (CETS 197 Art. 14(1)(a)).
    PersonalSituation,
}

/// The deadlines a profile sets. Each kind ends at a fixed event in the case; the profile sets
/// its length and, among the events that make sense for it, the one it counts from.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum DeadlineKind {
    ReasonableGroundsDecision,
    ReferralResponse,
    GuardianAppointment,
    BestInterestsAssessment,
    ChildProtectionReferral,
    ConclusiveGroundsDecision,
    ReconsiderationDecision,
    CaseReview,
}

impl DeadlineKind {
    pub const ALL: [DeadlineKind; 8] = [
        DeadlineKind::ReasonableGroundsDecision,
        DeadlineKind::ReferralResponse,
        DeadlineKind::GuardianAppointment,
        DeadlineKind::BestInterestsAssessment,
        DeadlineKind::ChildProtectionReferral,
        DeadlineKind::ConclusiveGroundsDecision,
        DeadlineKind::ReconsiderationDecision,
        DeadlineKind::CaseReview,
    ];

    pub fn id(self) -> &'static str {
        match self {
            DeadlineKind::ReasonableGroundsDecision => "reasonable_grounds_decision",
            DeadlineKind::ReferralResponse => "referral_response",
            DeadlineKind::GuardianAppointment => "guardian_appointment",
            DeadlineKind::BestInterestsAssessment => "best_interests_assessment",
            DeadlineKind::ChildProtectionReferral => "child_protection_referral",
            DeadlineKind::ConclusiveGroundsDecision => "conclusive_grounds_decision",
            DeadlineKind::ReconsiderationDecision => "reconsideration_decision",
            DeadlineKind::CaseReview => "case_review",
        }
    }

    /// The events this deadline may be counted from.
    pub fn allowed_from(self) -> &'static [ClockEvent] {
        match self {
            DeadlineKind::ReasonableGroundsDecision => &[ClockEvent::ReferralToCompetentAuthority],
            DeadlineKind::ReferralResponse => &[ClockEvent::ReferralSent],
            DeadlineKind::GuardianAppointment | DeadlineKind::ChildProtectionReferral => {
                &[ClockEvent::CaseOpened]
            }
            DeadlineKind::BestInterestsAssessment => {
                &[ClockEvent::CaseOpened, ClockEvent::GuardianAppointed]
            }
            DeadlineKind::ConclusiveGroundsDecision => &[
                ClockEvent::PositiveReasonableGrounds,
                ClockEvent::RecoveryPeriodEnd,
            ],
            DeadlineKind::ReconsiderationDecision => &[ClockEvent::ReconsiderationRequested],
            DeadlineKind::CaseReview => &[ClockEvent::LastReview],
        }
    }
}

/// Events in a case's history that start a clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ClockEvent {
    CaseOpened,
    ReferralToCompetentAuthority,
    ReferralSent,
    GuardianAppointed,
    PositiveReasonableGrounds,
    RecoveryPeriodEnd,
    ReconsiderationRequested,
    /// The last review of the case, or its opening when it has had none.
    LastReview,
}

impl ClockEvent {
    const ALL: [ClockEvent; 8] = [
        ClockEvent::CaseOpened,
        ClockEvent::ReferralToCompetentAuthority,
        ClockEvent::ReferralSent,
        ClockEvent::GuardianAppointed,
        ClockEvent::PositiveReasonableGrounds,
        ClockEvent::RecoveryPeriodEnd,
        ClockEvent::ReconsiderationRequested,
        ClockEvent::LastReview,
    ];

    pub fn id(self) -> &'static str {
        match self {
            ClockEvent::CaseOpened => "case_opened",
            ClockEvent::ReferralToCompetentAuthority => "referral_to_competent_authority",
            ClockEvent::ReferralSent => "referral_sent",
            ClockEvent::GuardianAppointed => "guardian_appointed",
            ClockEvent::PositiveReasonableGrounds => "positive_reasonable_grounds",
            ClockEvent::RecoveryPeriodEnd => "recovery_period_end",
            ClockEvent::ReconsiderationRequested => "reconsideration_requested",
            ClockEvent::LastReview => "last_review",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Deadline {
    pub from: ClockEvent,
    pub length: Period,
}

#[derive(Debug, thiserror::Error)]
#[error("NRM profile {profile:?}: {problem}")]
pub struct ProfileError {
    pub profile: String,
    pub problem: String,
}

impl NrmProfile {
    /// The profiles embedded in this build, the default (`coe-generic`) first.
    pub fn embedded() -> &'static [NrmProfile] {
        &EMBEDDED
    }

    /// An embedded profile by id, as an installation selects it.
    pub fn embedded_by_id(id: &str) -> Option<&'static NrmProfile> {
        EMBEDDED.iter().find(|p| p.id == id)
    }

    /// Parses and checks a profile.
    pub fn from_toml(text: &str) -> Result<NrmProfile, ProfileError> {
        let value: toml::Value = toml::from_str(text).map_err(|e| ProfileError {
            profile: "?".to_string(),
            problem: format!("not valid TOML: {e}"),
        })?;
        let id = value
            .get("id")
            .and_then(toml::Value::as_str)
            .unwrap_or("?")
            .to_string();
        let fail = |problem: String| ProfileError {
            profile: id.clone(),
            problem,
        };
        // Checked on the raw table, so that no spelling of a cooperation condition slips
        // through as an unknown key.
        if let Some(entitlements) = value.get("entitlements") {
            refuse_cooperation(entitlements, "entitlements").map_err(&fail)?;
        }
        let raw: raw::Profile = value.try_into().map_err(|e| fail(format!("{e}")))?;
        raw.check().map_err(fail)
    }

    /// Who may move a case from one stage to another; `None` where the profile has no such step.
    pub fn roles_for(&self, from: Stage, to: Stage) -> Option<&BTreeSet<Role>> {
        self.transitions.get(&(from, to))
    }

    pub fn transitions(&self) -> impl Iterator<Item = (Stage, Stage, &BTreeSet<Role>)> {
        self.transitions
            .iter()
            .map(|((from, to), roles)| (*from, *to, roles))
    }

    pub fn deadline(&self, kind: DeadlineKind) -> Deadline {
        self.deadlines[&kind]
    }
}

fn refuse_cooperation(value: &toml::Value, path: &str) -> Result<(), String> {
    let names_cooperation = |text: &str| text.to_lowercase().contains("cooperat");
    match value {
        toml::Value::String(text) if names_cooperation(text) => Err(format!(
            "{path} names {text:?}: assistance, residence and the recovery period never depend on cooperation with law enforcement"
        )),
        toml::Value::Table(table) => table.iter().try_for_each(|(key, inner)| {
            if names_cooperation(key) {
                Err(format!(
                    "{path}.{key}: assistance, residence and the recovery period never depend on cooperation with law enforcement"
                ))
            } else {
                refuse_cooperation(inner, &format!("{path}.{key}"))
            }
        }),
        toml::Value::Array(items) => items
            .iter()
            .try_for_each(|item| refuse_cooperation(item, path)),
        _ => Ok(()),
    }
}

/// The TOML shape of a profile, converted into the checked types above.
mod raw {
    use super::*;

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub(super) struct Profile {
        id: String,
        label: String,
        reflection_period_days: u16,
        conclusive_grounds_not_before_recovery_period_end: bool,
        escalation_grace_working_days: u16,
        thresholds: Thresholds,
        entitlements: Entitlements,
        calendar: Calendar,
        deadlines: Vec<Deadline>,
        transitions: Vec<Transition>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Thresholds {
        reasonable_grounds: Option<String>,
        conclusive_grounds: Option<String>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Entitlements {
        assistance: Entitlement,
        recovery_period: Entitlement,
        residence: Entitlement,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Entitlement {
        from: String,
        #[serde(default)]
        conditions: Vec<String>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Calendar {
        working_days: Vec<String>,
        holidays: Vec<String>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Deadline {
        kind: String,
        from: String,
        working_days: Option<u16>,
        calendar_days: Option<u16>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Transition {
        from: Vec<String>,
        to: String,
        roles: Vec<String>,
    }

    impl Profile {
        pub(super) fn check(self) -> Result<NrmProfile, String> {
            if self.reflection_period_days < MINIMUM_REFLECTION_PERIOD_DAYS {
                return Err(format!(
                    "reflection_period_days is {}; the recovery and reflection period is at least {MINIMUM_REFLECTION_PERIOD_DAYS} days",
                    self.reflection_period_days
                ));
            }
            let threshold = |text: Option<String>, name: &str| match text {
                Some(t) if !t.trim().is_empty() => Ok(t),
                _ => Err(format!(
                    "thresholds.{name} is missing: every decision quotes its legal threshold"
                )),
            };
            let thresholds = super::Thresholds {
                reasonable_grounds: threshold(
                    self.thresholds.reasonable_grounds,
                    "reasonable_grounds",
                )?,
                conclusive_grounds: threshold(
                    self.thresholds.conclusive_grounds,
                    "conclusive_grounds",
                )?,
            };
            let entitlements = super::Entitlements {
                assistance: self.entitlements.assistance.check("assistance")?,
                recovery_period: self.entitlements.recovery_period.check("recovery_period")?,
                residence: self.entitlements.residence.check("residence")?,
            };
            Ok(NrmProfile {
                id: self.id,
                label: self.label,
                reflection_period_days: self.reflection_period_days,
                conclusive_grounds_not_before_recovery_period_end: self
                    .conclusive_grounds_not_before_recovery_period_end,
                escalation_grace_working_days: self.escalation_grace_working_days,
                thresholds,
                entitlements,
                calendar: self.calendar.check()?,
                deadlines: check_deadlines(self.deadlines)?,
                transitions: check_transitions(self.transitions)?,
            })
        }
    }

    impl Entitlement {
        fn check(self, name: &str) -> Result<super::Entitlement, String> {
            let from = EntitlementStart::ALL
                .into_iter()
                .find(|s| s.id() == self.from)
                .ok_or_else(|| {
                    format!("entitlements.{name}.from: unknown event {:?}", self.from)
                })?;
            let conditions = self
                .conditions
                .iter()
                .map(|c| match c.as_str() {
                    "personal_situation" => Ok(EntitlementCondition::PersonalSituation),
                    other => Err(format!("entitlements.{name}: unknown condition {other:?}")),
                })
                .collect::<Result<_, _>>()?;
            Ok(super::Entitlement { from, conditions })
        }
    }

    impl Calendar {
        fn check(self) -> Result<super::Calendar, String> {
            let working_days = self
                .working_days
                .iter()
                .map(|d| {
                    Weekday::parse(d)
                        .ok_or_else(|| format!("calendar.working_days: unknown day {d:?}"))
                })
                .collect::<Result<BTreeSet<_>, _>>()?;
            if working_days.is_empty() {
                return Err("calendar.working_days is empty: no deadline could ever fall".into());
            }
            let holidays = self
                .holidays
                .iter()
                .map(|d| {
                    CivilDate::parse(d).ok_or_else(|| {
                        format!("calendar.holidays: {d:?} is not a date (YYYY-MM-DD)")
                    })
                })
                .collect::<Result<_, _>>()?;
            Ok(super::Calendar {
                working_days,
                holidays,
            })
        }
    }

    fn check_deadlines(
        raw: Vec<Deadline>,
    ) -> Result<BTreeMap<DeadlineKind, super::Deadline>, String> {
        let mut deadlines = BTreeMap::new();
        for d in raw {
            let kind = DeadlineKind::ALL
                .into_iter()
                .find(|k| k.id() == d.kind)
                .ok_or_else(|| format!("deadlines: unknown kind {:?}", d.kind))?;
            let from = ClockEvent::ALL
                .into_iter()
                .find(|e| e.id() == d.from)
                .ok_or_else(|| format!("deadlines.{}: unknown event {:?}", d.kind, d.from))?;
            if !kind.allowed_from().contains(&from) {
                let allowed: Vec<&str> = kind.allowed_from().iter().map(|e| e.id()).collect();
                return Err(format!(
                    "deadlines.{}: cannot count from {:?}; it counts from one of {}",
                    d.kind,
                    d.from,
                    allowed.join(", ")
                ));
            }
            let length = match (d.working_days, d.calendar_days) {
                (Some(n), None) => Period::WorkingDays(n),
                (None, Some(n)) => Period::CalendarDays(n),
                _ => {
                    return Err(format!(
                        "deadlines.{}: give exactly one of working_days and calendar_days",
                        d.kind
                    ));
                }
            };
            if deadlines
                .insert(kind, super::Deadline { from, length })
                .is_some()
            {
                return Err(format!("deadlines.{}: defined twice", d.kind));
            }
        }
        if let Some(missing) = DeadlineKind::ALL
            .iter()
            .find(|k| !deadlines.contains_key(k))
        {
            return Err(format!("deadlines.{} is missing", missing.id()));
        }
        Ok(deadlines)
    }

    fn check_transitions(
        raw: Vec<Transition>,
    ) -> Result<BTreeMap<(Stage, Stage), BTreeSet<Role>>, String> {
        let stage =
            |id: &str| Stage::parse(id).ok_or_else(|| format!("transitions: unknown state {id:?}"));
        let mut transitions = BTreeMap::new();
        for t in raw {
            let to = stage(&t.to)?;
            let roles = t
                .roles
                .iter()
                .map(|r| {
                    Role::parse(r)
                        .ok_or_else(|| format!("transitions to {}: unknown role {r:?}", t.to))
                })
                .collect::<Result<BTreeSet<_>, _>>()?;
            if roles.is_empty() {
                return Err(format!("transitions to {}: no role may take it", t.to));
            }
            // Decisions are the competent authority's, whatever a profile says.
            if to.is_decision() && roles.iter().any(|r| *r != Role::DecisionMaker) {
                return Err(format!(
                    "transitions to {}: only a decision maker records a decision",
                    t.to
                ));
            }
            for from in &t.from {
                let from = stage(from)?;
                if from == Stage::Closed {
                    return Err("transitions: a closed case does not move".into());
                }
                if transitions.insert((from, to), roles.clone()).is_some() {
                    return Err(format!(
                        "transitions: {} to {} given twice",
                        from.id(),
                        t.to
                    ));
                }
            }
        }
        Ok(transitions)
    }
}
