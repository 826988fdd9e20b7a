//! The identification engine: structured facts about a person in, a screening result out —
//! the child track, the legal test of every jurisdiction profile, the ILO/EC indicators, the
//! forced-labour flag, what must happen next, and why, in plain language.
//!
//! ```
//! use haven_domain::identification::{screen, Catalogue, ScreeningInput};
//!
//! let catalogue = Catalogue::embedded();
//! let input = ScreeningInput::from_json_text(
//!     r#"{"age": {"years": 15, "basis": "document"}, "sex": "female",
//!         "palermo": {"acts": ["recruitment"], "purposes": ["sexual_exploitation"]},
//!         "exploitation_type": "sexual"}"#,
//!     catalogue,
//! )
//! .unwrap();
//! let screening = screen(catalogue, &input.facts);
//! assert!(screening.treated_as_child);
//! assert_eq!(screening.legal[0].outcome.code(), "TRAFFICKING");
//! ```

pub mod catalogue;
mod explain;
pub mod ilo;
pub mod input;
pub mod legal;
mod report;
pub mod routing;

pub use catalogue::{Catalogue, CatalogueError};
pub use explain::{Explanation, explanation_rule_patterns};
pub use ilo::{IloAssessment, IloOutcome};
pub use input::{InputError, RecordedStatements, ScreeningFacts, ScreeningInput};
pub use legal::{LegalAssessment, LegalOutcome};
pub use report::ScreeningReport;
pub use routing::{NextStep, Routing};

/// The result of screening one person.
#[derive(Debug, Clone)]
pub struct Screening<'c> {
    pub treated_as_child: bool,
    /// One per profile, in catalogue order (the default profile first).
    pub legal: Vec<LegalAssessment<'c>>,
    pub other_legal: Vec<OtherLegalFinding>,
    pub ilo: IloAssessment,
    pub forced_labour_flag: bool,
    pub routing: Routing,
    pub explanation: Vec<Explanation>,
}

/// Findings under instruments other than the trafficking profiles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OtherLegalFinding {
    /// A child handed over for payment or other benefit (OPSC Art. 2(a)).
    SaleOfChildren,
}

impl OtherLegalFinding {
    pub fn code(self) -> &'static str {
        match self {
            OtherLegalFinding::SaleOfChildren => "SALE_OF_CHILDREN",
        }
    }
}

/// Screens one person. Pure: the same facts always give the same result.
pub fn screen<'c>(catalogue: &'c Catalogue, facts: &ScreeningFacts<'c>) -> Screening<'c> {
    let treated_as_child = legal::treated_as_child(&facts.age, catalogue.child_age_threshold);
    let legal: Vec<LegalAssessment<'c>> = catalogue
        .profiles
        .iter()
        .map(|profile| legal::assess(profile, facts))
        .collect();
    let other_legal = other_legal(facts, treated_as_child);
    let ilo = ilo::assess(catalogue, facts, treated_as_child);
    let forced_labour_flag = ilo::forced_labour_flag(facts, treated_as_child);
    let routing = routing::route(&routing::RoutingFacts {
        catalogue,
        facts,
        child: treated_as_child,
        result: routing::ProtectiveResult::of(&legal),
        ilo: &ilo,
    });
    let mut screening = Screening {
        treated_as_child,
        legal,
        other_legal,
        ilo,
        forced_labour_flag,
        routing,
        explanation: Vec::new(),
    };
    screening.explanation = explain::explain(catalogue, facts, &screening);
    screening
}

fn other_legal(facts: &ScreeningFacts<'_>, child: bool) -> Vec<OtherLegalFinding> {
    let payment = facts
        .palermo
        .means
        .established
        .iter()
        .any(|m| m.id == "giving_or_receiving_payments");
    let transfer = facts
        .palermo
        .acts
        .established
        .iter()
        .any(|a| a.id == "transfer");
    if child && payment && transfer {
        vec![OtherLegalFinding::SaleOfChildren]
    } else {
        Vec::new()
    }
}
