//! Routing: what must happen next. The codes each rule adds come from the catalogue's
//! `[routing]` section; the condition of each rule is here, one function per rule id.
//!
//! Routing never sees consent, willingness to cooperate or consent to referral: they live in
//! `RecordedStatements`, which is not part of `ScreeningFacts`. Assistance, the recovery period
//! and non-punishment therefore cannot depend on cooperation with law enforcement.

use super::catalogue::{Catalogue, Dimension, Tier};
use super::ilo::IloAssessment;
use super::input::{ExploitationType, ScreeningFacts};
use super::legal::{LegalAssessment, LegalOutcome};

/// A routing code: an action the screening calls for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum NextStep {
    ChildProtection,
    Guardian,
    BestInterests,
    NoDetention,
    AdultReferralConsent,
    ReflectionPeriod30d,
    AssistanceUnconditional,
    NonPunishment,
    LabourInspection,
    InternationalProtectionScreening,
    Medical,
    SafetyPlanning,
    InfoRights,
    ReportRecruiter,
    MrmReport,
    AgeAssessmentIfSeriousDoubt,
    NoAction,
}

impl NextStep {
    pub const ALL: [NextStep; 17] = [
        NextStep::ChildProtection,
        NextStep::Guardian,
        NextStep::BestInterests,
        NextStep::NoDetention,
        NextStep::AdultReferralConsent,
        NextStep::ReflectionPeriod30d,
        NextStep::AssistanceUnconditional,
        NextStep::NonPunishment,
        NextStep::LabourInspection,
        NextStep::InternationalProtectionScreening,
        NextStep::Medical,
        NextStep::SafetyPlanning,
        NextStep::InfoRights,
        NextStep::ReportRecruiter,
        NextStep::MrmReport,
        NextStep::AgeAssessmentIfSeriousDoubt,
        NextStep::NoAction,
    ];

    pub fn code(self) -> &'static str {
        match self {
            NextStep::ChildProtection => "CHILD_PROTECTION",
            NextStep::Guardian => "GUARDIAN",
            NextStep::BestInterests => "BEST_INTERESTS",
            NextStep::NoDetention => "NO_DETENTION",
            NextStep::AdultReferralConsent => "ADULT_REFERRAL_CONSENT",
            NextStep::ReflectionPeriod30d => "REFLECTION_PERIOD_30D",
            NextStep::AssistanceUnconditional => "ASSISTANCE_UNCONDITIONAL",
            NextStep::NonPunishment => "NON_PUNISHMENT",
            NextStep::LabourInspection => "LABOUR_INSPECTION",
            NextStep::InternationalProtectionScreening => "INTERNATIONAL_PROTECTION_SCREENING",
            NextStep::Medical => "MEDICAL",
            NextStep::SafetyPlanning => "SAFETY_PLANNING",
            NextStep::InfoRights => "INFO_RIGHTS",
            NextStep::ReportRecruiter => "REPORT_RECRUITER",
            NextStep::MrmReport => "MRM_REPORT",
            NextStep::AgeAssessmentIfSeriousDoubt => "AGE_ASSESSMENT_IF_SERIOUS_DOUBT",
            NextStep::NoAction => "NO_ACTION",
        }
    }

    pub fn parse(code: &str) -> Option<NextStep> {
        NextStep::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// The routing rules Haven implements; their ids are the catalogue's `[[routing.rules]]` ids.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RoutingRule {
    ChildProtection,
    ChildUnclear,
    ChildrenPresent,
    AgeNotEstablished,
    AdultPresumedVictim,
    NonPunishment,
    AdultAtRiskOrUnclear,
    Safety,
    Medical,
    LabourRights,
    Asylum,
    ChildrenArmedConflict,
    AdultNegativeInformation,
    NothingToRoute,
    LabourInspectionForVictims,
    ProtectionForDisplacedVictims,
    RecruiterReport,
}

impl RoutingRule {
    pub const ALL: [RoutingRule; 17] = [
        RoutingRule::ChildProtection,
        RoutingRule::ChildUnclear,
        RoutingRule::ChildrenPresent,
        RoutingRule::AgeNotEstablished,
        RoutingRule::AdultPresumedVictim,
        RoutingRule::NonPunishment,
        RoutingRule::AdultAtRiskOrUnclear,
        RoutingRule::Safety,
        RoutingRule::Medical,
        RoutingRule::LabourRights,
        RoutingRule::Asylum,
        RoutingRule::ChildrenArmedConflict,
        RoutingRule::AdultNegativeInformation,
        RoutingRule::NothingToRoute,
        RoutingRule::LabourInspectionForVictims,
        RoutingRule::ProtectionForDisplacedVictims,
        RoutingRule::RecruiterReport,
    ];

    pub fn id(self) -> &'static str {
        match self {
            RoutingRule::ChildProtection => "child_protection",
            RoutingRule::ChildUnclear => "child_unclear",
            RoutingRule::ChildrenPresent => "children_present",
            RoutingRule::AgeNotEstablished => "age_not_established",
            RoutingRule::AdultPresumedVictim => "adult_presumed_victim",
            RoutingRule::NonPunishment => "non_punishment",
            RoutingRule::AdultAtRiskOrUnclear => "adult_at_risk_or_unclear",
            RoutingRule::Safety => "safety",
            RoutingRule::Medical => "medical",
            RoutingRule::LabourRights => "labour_rights",
            RoutingRule::Asylum => "asylum",
            RoutingRule::ChildrenArmedConflict => "children_armed_conflict",
            RoutingRule::AdultNegativeInformation => "adult_negative_information",
            RoutingRule::NothingToRoute => "nothing_to_route",
            RoutingRule::LabourInspectionForVictims => "labour_inspection_for_victims",
            RoutingRule::ProtectionForDisplacedVictims => "protection_for_displaced_victims",
            RoutingRule::RecruiterReport => "recruiter_report",
        }
    }

    pub fn parse(id: &str) -> Option<RoutingRule> {
        RoutingRule::ALL.into_iter().find(|r| r.id() == id)
    }
}

/// The rules that take codes away again; ids are the catalogue's `[[routing.forbid]]` ids.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RoutingForbid {
    NoAdultConsentRouteForChildren,
    NoVictimEntitlementsWithoutGrounds,
    NoClosureWhenActionIsDue,
}

impl RoutingForbid {
    pub const ALL: [RoutingForbid; 3] = [
        RoutingForbid::NoAdultConsentRouteForChildren,
        RoutingForbid::NoVictimEntitlementsWithoutGrounds,
        RoutingForbid::NoClosureWhenActionIsDue,
    ];

    pub fn id(self) -> &'static str {
        match self {
            RoutingForbid::NoAdultConsentRouteForChildren => "no_adult_consent_route_for_children",
            RoutingForbid::NoVictimEntitlementsWithoutGrounds => {
                "no_victim_entitlements_without_grounds"
            }
            RoutingForbid::NoClosureWhenActionIsDue => "no_closure_when_action_is_due",
        }
    }

    pub fn parse(id: &str) -> Option<RoutingForbid> {
        RoutingForbid::ALL.into_iter().find(|f| f.id() == id)
    }
}

/// The most protective result over all profiles; exactly one holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProtectiveResult {
    /// Some profile gives TRAFFICKING.
    Trafficking,
    /// None gives TRAFFICKING, some gives AT_RISK.
    AtRisk,
    /// None gives TRAFFICKING or AT_RISK, some gives INSUFFICIENT_INFORMATION.
    Insufficient,
    /// Every profile gives NOT_TRAFFICKING.
    Negative,
}

impl ProtectiveResult {
    pub fn of(legal: &[LegalAssessment<'_>]) -> ProtectiveResult {
        let any = |o: LegalOutcome| legal.iter().any(|l| l.outcome == o);
        if any(LegalOutcome::Trafficking) {
            ProtectiveResult::Trafficking
        } else if any(LegalOutcome::AtRisk) {
            ProtectiveResult::AtRisk
        } else if any(LegalOutcome::InsufficientInformation) {
            ProtectiveResult::Insufficient
        } else {
            ProtectiveResult::Negative
        }
    }
}

/// A code in `next`, with the rule that first added it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RoutedStep {
    pub step: NextStep,
    pub rule: RoutingRule,
    pub tier: Tier,
}

/// Codes a forbid rule took away.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Forbidden {
    pub forbid: RoutingForbid,
    pub removed: Vec<NextStep>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Routing {
    /// In the catalogue's order of codes.
    pub steps: Vec<RoutedStep>,
    pub forbidden: Vec<Forbidden>,
}

impl Routing {
    pub fn codes(&self) -> impl Iterator<Item = NextStep> + '_ {
        self.steps.iter().map(|s| s.step)
    }
}

/// What the routing rules read, gathered once.
pub struct RoutingFacts<'a, 'c> {
    pub catalogue: &'c Catalogue,
    pub facts: &'a ScreeningFacts<'c>,
    pub child: bool,
    pub result: ProtectiveResult,
    pub ilo: &'a IloAssessment,
}

pub fn route(f: &RoutingFacts<'_, '_>) -> Routing {
    let mut steps: Vec<RoutedStep> = Vec::new();
    let mut required_fired = false;
    for spec in &f.catalogue.routing.rules {
        if spec.rule == RoutingRule::NothingToRoute || !applies(spec.rule, f) {
            continue;
        }
        required_fired |= spec.tier == Tier::Required;
        for step in &spec.adds {
            if !steps.iter().any(|s| s.step == *step) {
                steps.push(RoutedStep {
                    step: *step,
                    rule: spec.rule,
                    tier: spec.tier,
                });
            }
        }
    }
    if !required_fired {
        let spec = f
            .catalogue
            .routing
            .rules
            .iter()
            .find(|s| s.rule == RoutingRule::NothingToRoute)
            .expect("the catalogue defines nothing_to_route");
        for step in &spec.adds {
            steps.push(RoutedStep {
                step: *step,
                rule: spec.rule,
                tier: spec.tier,
            });
        }
    }

    let mut forbidden = Vec::new();
    for spec in &f.catalogue.routing.forbids {
        if !forbid_applies(spec.forbid, f, required_fired) {
            continue;
        }
        let removed: Vec<NextStep> = steps
            .iter()
            .map(|s| s.step)
            .filter(|s| spec.codes.contains(s))
            .collect();
        if !removed.is_empty() {
            steps.retain(|s| !removed.contains(&s.step));
            forbidden.push(Forbidden {
                forbid: spec.forbid,
                removed,
            });
        }
    }
    steps.sort_by_key(|s| s.step);
    Routing { steps, forbidden }
}

/// The condition of each routing rule, as the catalogue's `when` states it.
fn applies(rule: RoutingRule, f: &RoutingFacts<'_, '_>) -> bool {
    use ProtectiveResult::*;
    let facts = f.facts;
    let trafficking = f.result == Trafficking;
    let at_risk = f.result == AtRisk;
    let insufficient = f.result == Insufficient;
    let negative = f.result == Negative;
    let adult = !f.child;
    let ex_positive = f.ilo.element(Dimension::EX) == Some(true);
    let labour = facts.exploitation_type == ExploitationType::Labour;
    match rule {
        RoutingRule::ChildProtection => f.child && (trafficking || at_risk || facts.unaccompanied),
        RoutingRule::ChildUnclear => f.child && insufficient,
        RoutingRule::ChildrenPresent => facts.children_present && (trafficking || at_risk),
        RoutingRule::AgeNotEstablished => f.child && facts.age.years.is_none(),
        RoutingRule::AdultPresumedVictim => adult && trafficking,
        RoutingRule::NonPunishment => !facts.offences_as_consequence.is_empty() && !negative,
        RoutingRule::AdultAtRiskOrUnclear => adult && (at_risk || insufficient),
        RoutingRule::Safety => {
            let threat = f
                .catalogue
                .routing
                .threat_indicators
                .iter()
                .any(|t| facts.is_yes(t));
            at_risk || (trafficking && (threat || facts.family_involved))
        }
        RoutingRule::Medical => {
            let violence =
                facts.is_yes("CR.violence_on_victim") || facts.is_yes("CD.violence_on_victim");
            trafficking
                && (violence
                    || facts.has_purpose("sexual_exploitation")
                    || facts.has_purpose("removal_of_organs"))
        }
        RoutingRule::LabourRights => adult && negative && labour && ex_positive,
        RoutingRule::Asylum => facts.seeks_international_protection,
        RoutingRule::ChildrenArmedConflict => f.child && facts.has_purpose("child_soldiering"),
        RoutingRule::AdultNegativeInformation => {
            adult && negative && (facts.answered_yes().next().is_some() || facts.smuggled)
        }
        RoutingRule::LabourInspectionForVictims => adult && trafficking && labour && ex_positive,
        RoutingRule::ProtectionForDisplacedVictims => {
            trafficking && facts.seeks_international_protection
        }
        // Needs an identifiable recruiter and the person's consent: facts of the case, which
        // a screening does not hold. The caseworker decides it in the case.
        RoutingRule::RecruiterReport => false,
        RoutingRule::NothingToRoute => false,
    }
}

fn forbid_applies(forbid: RoutingForbid, f: &RoutingFacts<'_, '_>, required_fired: bool) -> bool {
    match forbid {
        RoutingForbid::NoAdultConsentRouteForChildren => f.child,
        RoutingForbid::NoVictimEntitlementsWithoutGrounds => f.result == ProtectiveResult::Negative,
        RoutingForbid::NoClosureWhenActionIsDue => required_fired,
    }
}
