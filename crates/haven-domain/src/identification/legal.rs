//! The legal test of each jurisdiction profile (UN Trafficking Protocol Art. 3 and its extensions):
//! act ∧ means ∧ purpose for adults, act ∧ purpose for children. Consent is never an input.
//! Unknown facts never count as absent.

use super::catalogue::Profile;
use super::input::{Age, Recorded, ScreeningFacts};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LegalOutcome {
    /// Reasonable grounds to believe the person is a victim (presumed victim).
    Trafficking,
    NotTrafficking,
    AtRisk,
    InsufficientInformation,
}

impl LegalOutcome {
    pub fn code(self) -> &'static str {
        match self {
            LegalOutcome::Trafficking => "TRAFFICKING",
            LegalOutcome::NotTrafficking => "NOT_TRAFFICKING",
            LegalOutcome::AtRisk => "AT_RISK",
            LegalOutcome::InsufficientInformation => "INSUFFICIENT_INFORMATION",
        }
    }
}

/// Whether one element of the definition is established.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ElementStatus {
    Yes,
    No,
    Unknown,
}

impl ElementStatus {
    pub fn word(self) -> &'static str {
        match self {
            ElementStatus::Yes => "yes",
            ElementStatus::No => "no",
            ElementStatus::Unknown => "unknown",
        }
    }
}

/// The result of one profile's legal test, with the element findings it rests on.
#[derive(Debug, Clone)]
pub struct LegalAssessment<'c> {
    pub profile: &'c Profile,
    pub child: bool,
    pub act: ElementStatus,
    /// `None` where the profile does not require means (children).
    pub means: Option<ElementStatus>,
    pub purpose: ElementStatus,
    pub outcome: LegalOutcome,
}

/// Child track: under the threshold, or age not established with a claimed age under it, or
/// reasons to believe the person is a child whatever the basis (presumption of minority).
pub fn treated_as_child(age: &Age, threshold: u8) -> bool {
    match age.years {
        Some(years) => years < threshold || age.reasons_to_believe_minor,
        None => age.reasons_to_believe_minor || age.claimed_years.is_some_and(|c| c < threshold),
    }
}

pub fn assess<'c>(profile: &'c Profile, facts: &ScreeningFacts<'c>) -> LegalAssessment<'c> {
    let child = treated_as_child(&facts.age, profile.child_age_threshold);
    let palermo = &facts.palermo;
    let act = status(&palermo.acts, |_| true);
    let means =
        (!child || profile.means_required_for_children).then(|| status(&palermo.means, |_| true));
    let purpose = status(&palermo.purposes, |p| {
        profile.recognised_purposes.contains(&p.entry.id)
    });
    let required = [Some(act), means, Some(purpose)];
    let required = required.iter().flatten();
    let outcome = if required.clone().all(|s| *s == ElementStatus::Yes) {
        LegalOutcome::Trafficking
    } else if required.clone().any(|s| *s == ElementStatus::No) {
        LegalOutcome::NotTrafficking
    } else if !facts.risk_indicators.is_empty() {
        LegalOutcome::AtRisk
    } else {
        LegalOutcome::InsufficientInformation
    };
    LegalAssessment {
        profile,
        child,
        act,
        means,
        purpose,
        outcome,
    }
}

/// Yes if an established id counts for the profile; unknown if more may be present; else no.
fn status<T>(recorded: &Recorded<T>, counts: impl Fn(&T) -> bool) -> ElementStatus {
    if recorded.established.iter().any(counts) {
        ElementStatus::Yes
    } else if recorded.more_unknown {
        ElementStatus::Unknown
    } else {
        ElementStatus::No
    }
}
