//! ILO/EC operational indicators of trafficking (Delphi survey, 2009): each dimension is scored
//! with the strong/medium/weak element rule on the list for the person's age track and form of
//! exploitation, then combined. Lists with unverified weights are scored under every reading of
//! the weights and report only what holds under all of them.

use std::collections::BTreeSet;

use super::catalogue::{Catalogue, Dimension, IloListId, Indicator, Weight};
use super::input::{ExploitationType, ScreeningFacts};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum IloOutcome {
    Victim,
    NotVictim,
    NotApplicable,
    /// The list's weights are unverified and the outcome changes under another reading.
    ListUnverified,
}

impl IloOutcome {
    pub fn code(self) -> &'static str {
        match self {
            IloOutcome::Victim => "VICTIM",
            IloOutcome::NotVictim => "NOT_VICTIM",
            IloOutcome::NotApplicable => "NOT_APPLICABLE",
            IloOutcome::ListUnverified => "ILO_LIST_UNVERIFIED",
        }
    }
}

/// Why a NOT_VICTIM result is not a victim: the first that applies, in catalogue order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum SubClass {
    SmugglingOnly,
    ForcedLabourWithoutRecruitmentElement,
    ExploitedNotTrafficked,
    DeceptionWithoutExploitation,
    SingleIndicator,
    NoExploitation,
}

impl SubClass {
    pub fn id(self) -> &'static str {
        match self {
            SubClass::SmugglingOnly => "smuggling_only",
            SubClass::ForcedLabourWithoutRecruitmentElement => {
                "forced_labour_without_recruitment_element"
            }
            SubClass::ExploitedNotTrafficked => "exploited_not_trafficked",
            SubClass::DeceptionWithoutExploitation => "deception_without_exploitation",
            SubClass::SingleIndicator => "single_indicator",
            SubClass::NoExploitation => "no_exploitation",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IloWarning {
    ListWeightsUnverified,
}

impl IloWarning {
    pub fn code(self) -> &'static str {
        match self {
            IloWarning::ListWeightsUnverified => "LIST_WEIGHTS_UNVERIFIED",
        }
    }
}

/// One dimension's finding: positive, negative, or `None` when the readings disagree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ElementFinding {
    pub dimension: Dimension,
    pub positive: Option<bool>,
    /// Indicators answered yes, by their weight in the selected list (for the explanation).
    pub strong: usize,
    pub medium: usize,
    pub weak: usize,
    /// Indicators answered yes that the selected list does not include.
    pub not_in_list: usize,
}

#[derive(Debug, Clone)]
pub struct IloAssessment {
    pub outcome: IloOutcome,
    pub list: Option<IloListId>,
    /// In `Dimension::ALL` order; empty when the lists do not apply.
    pub elements: Vec<ElementFinding>,
    pub sub_class: Option<SubClass>,
    pub warnings: Vec<IloWarning>,
    /// For a child: the outcome under the second, unsettled reading of the children's rule
    /// (a Palermo act established and EX), when it differs from the first.
    pub child_alternative_reading: Option<IloOutcome>,
}

impl IloAssessment {
    pub fn element(&self, dimension: Dimension) -> Option<bool> {
        self.elements
            .iter()
            .find(|e| e.dimension == dimension)
            .and_then(|e| e.positive)
    }
}

/// The element rule: one indicator alone is never enough.
pub fn element_positive(strong: usize, medium: usize, weak: usize) -> bool {
    strong >= 2 || (strong >= 1 && medium + weak >= 1) || medium >= 3 || (medium >= 2 && weak >= 1)
}

/// The combination rule. Adults: (DR ∨ CR ∨ AVR) ∧ EX ∧ (CD ∨ AVD); children: (DR ∨ CR ∨ AVR) ∧ EX.
pub fn victim(child: bool, e: &Elements) -> bool {
    let recruitment = e.dr || e.cr || e.avr;
    let destination = e.cd || e.avd;
    recruitment && e.ex && (child || destination)
}

/// One assignment of the six elements.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Elements {
    pub dr: bool,
    pub cr: bool,
    pub avr: bool,
    pub ex: bool,
    pub cd: bool,
    pub avd: bool,
}

impl Elements {
    fn set(&mut self, dimension: Dimension, value: bool) {
        match dimension {
            Dimension::DR => self.dr = value,
            Dimension::CR => self.cr = value,
            Dimension::AVR => self.avr = value,
            Dimension::EX => self.ex = value,
            Dimension::CD => self.cd = value,
            Dimension::AVD => self.avd = value,
        }
    }
}

pub fn list_for(child: bool, exploitation: ExploitationType) -> Option<IloListId> {
    match (child, exploitation) {
        (false, ExploitationType::Labour) => Some(IloListId::AdultLabour),
        (false, ExploitationType::Sexual) => Some(IloListId::AdultSexual),
        (true, ExploitationType::Labour) => Some(IloListId::ChildLabour),
        (true, ExploitationType::Sexual) => Some(IloListId::ChildSexual),
        (_, ExploitationType::Other) => None,
    }
}

pub fn assess(catalogue: &Catalogue, facts: &ScreeningFacts<'_>, child: bool) -> IloAssessment {
    let Some(list) = list_for(child, facts.exploitation_type) else {
        return IloAssessment {
            outcome: IloOutcome::NotApplicable,
            list: None,
            elements: Vec::new(),
            sub_class: None,
            warnings: Vec::new(),
            child_alternative_reading: None,
        };
    };
    let verified = catalogue.list(list).verified;
    let yes: Vec<&Indicator> = facts.answered_yes().collect();

    let mut elements = Vec::with_capacity(Dimension::ALL.len());
    let mut possible = Vec::with_capacity(Dimension::ALL.len());
    for dimension in Dimension::ALL {
        let in_dimension: Vec<&Indicator> = yes
            .iter()
            .copied()
            .filter(|i| i.dimension == dimension)
            .collect();
        let values = possible_element_values(&in_dimension, list, verified);
        let count = |w: Weight| {
            in_dimension
                .iter()
                .filter(|i| i.weight(list) == Some(w))
                .count()
        };
        elements.push(ElementFinding {
            dimension,
            positive: (values.len() == 1).then(|| values.contains(&true)),
            strong: count(Weight::Strong),
            medium: count(Weight::Medium),
            weak: count(Weight::Weak),
            not_in_list: in_dimension
                .iter()
                .filter(|i| i.weight(list).is_none())
                .count(),
        });
        possible.push((dimension, values));
    }

    let act_established = !facts.palermo.acts.established.is_empty();
    let context = SubClassContext {
        any_yes: !yes.is_empty(),
        exactly_one_yes: yes.len() == 1,
        some_dr_yes: yes.iter().any(|i| i.dimension == Dimension::DR),
        smuggled: facts.smuggled,
    };
    let mut outcomes = BTreeSet::new();
    let mut alternative_outcomes = BTreeSet::new();
    let mut sub_classes = BTreeSet::new();
    for assignment in assignments(&possible) {
        let is_victim = victim(child, &assignment);
        outcomes.insert(is_victim);
        if !is_victim {
            sub_classes.insert(sub_class(&assignment, &context));
        }
        if child {
            alternative_outcomes.insert(act_established && assignment.ex);
        }
    }
    let decided = |set: &BTreeSet<bool>| match set.len() {
        1 if set.contains(&true) => IloOutcome::Victim,
        1 => IloOutcome::NotVictim,
        _ => IloOutcome::ListUnverified,
    };
    let outcome = decided(&outcomes);
    let alternative = decided(&alternative_outcomes);
    IloAssessment {
        outcome,
        list: Some(list),
        elements,
        sub_class: (outcome == IloOutcome::NotVictim && sub_classes.len() == 1)
            .then(|| *sub_classes.first().expect("one sub-class")),
        warnings: if verified {
            Vec::new()
        } else {
            vec![IloWarning::ListWeightsUnverified]
        },
        child_alternative_reading: (child && alternative != outcome).then_some(alternative),
    }
}

/// The forced-labour flag (ICLS 2018: involuntary work under the menace of a penalty), kept apart
/// so that a person in forced labour is not lost when the trafficking combination fails.
pub fn forced_labour_flag(facts: &ScreeningFacts<'_>, child: bool) -> bool {
    let adult = facts.exploitation_type != ExploitationType::Other
        && facts.answered_yes().any(|i| i.involuntariness)
        && facts.answered_yes().any(|i| i.penalty);
    adult
        || (child
            && WORST_FORMS_OF_CHILD_LABOUR
                .iter()
                .any(|p| facts.has_purpose(p)))
}

/// Purposes that make forced labour of a child whatever the indicators (ILO C182 Art. 3(a)-(c)).
pub const WORST_FORMS_OF_CHILD_LABOUR: [&str; 6] = [
    "slavery",
    "practices_similar_to_slavery",
    "servitude",
    "sexual_exploitation",
    "forced_criminality",
    "child_soldiering",
];

struct SubClassContext {
    any_yes: bool,
    exactly_one_yes: bool,
    some_dr_yes: bool,
    smuggled: bool,
}

fn sub_class(e: &Elements, c: &SubClassContext) -> SubClass {
    let recruitment = e.dr || e.cr || e.avr;
    let destination = e.cd || e.avd;
    if c.smuggled && !c.any_yes {
        SubClass::SmugglingOnly
    } else if e.ex && !recruitment && destination {
        SubClass::ForcedLabourWithoutRecruitmentElement
    } else if e.ex && !destination {
        SubClass::ExploitedNotTrafficked
    } else if !e.ex && c.some_dr_yes {
        SubClass::DeceptionWithoutExploitation
    } else if c.exactly_one_yes {
        SubClass::SingleIndicator
    } else {
        SubClass::NoExploitation
    }
}

/// Every assignment of the elements consistent with each dimension's possible values.
fn assignments(possible: &[(Dimension, BTreeSet<bool>)]) -> Vec<Elements> {
    let mut out = vec![Elements::default()];
    for (dimension, values) in possible {
        out = out
            .into_iter()
            .flat_map(|e| {
                values.iter().map(move |v| {
                    let mut next = e;
                    next.set(*dimension, *v);
                    next
                })
            })
            .collect();
    }
    out
}

/// The element values reachable under every reading of the weights of the indicators answered
/// yes in one dimension. A verified list has one reading: the weight it gives (or none). An
/// unverified list reads each indicator as strong or medium, also weak where any list rates it
/// weak, and also absent where this list omits it.
fn possible_element_values(
    indicators: &[&Indicator],
    list: IloListId,
    verified: bool,
) -> BTreeSet<bool> {
    // Counts are capped where the element rule stops looking: s ≥ 2, m ≥ 3, w ≥ 1.
    let mut reachable: BTreeSet<(usize, usize, usize)> = BTreeSet::from([(0, 0, 0)]);
    for indicator in indicators {
        let readings = readings(indicator, list, verified);
        reachable = reachable
            .iter()
            .flat_map(|&(s, m, w)| {
                readings.iter().map(move |reading| match reading {
                    Some(Weight::Strong) => ((s + 1).min(2), m, w),
                    Some(Weight::Medium) => (s, (m + 1).min(3), w),
                    Some(Weight::Weak) => (s, m, (w + 1).min(1)),
                    None => (s, m, w),
                })
            })
            .collect();
    }
    reachable
        .into_iter()
        .map(|(s, m, w)| element_positive(s, m, w))
        .collect()
}

fn readings(indicator: &Indicator, list: IloListId, verified: bool) -> Vec<Option<Weight>> {
    if verified {
        return vec![indicator.weight(list)];
    }
    let mut readings = vec![Some(Weight::Strong), Some(Weight::Medium)];
    if indicator.rated_weak_anywhere() {
        readings.push(Some(Weight::Weak));
    }
    if indicator.weight(list).is_none() {
        readings.push(None);
    }
    readings
}
