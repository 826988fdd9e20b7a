//! Hierarchical Poisson log-linear models for capture tables.
//!
//! log μ_ω = Σ_{θ ⊆ ω} α_θ over the terms θ of the model: the intercept (θ = ∅), every list's
//! main effect and the chosen interactions. exp(α_∅) is the expected count of the unobservable
//! history ω = ∅, the dark figure.

use std::collections::BTreeSet;

/// An interaction between two or more lists, as a bit set of lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Interaction(u32);

impl Interaction {
    /// `None` unless `lists` names at least two lists.
    pub fn new(lists: u32) -> Option<Self> {
        (lists.count_ones() >= 2).then_some(Interaction(lists))
    }

    pub fn pair(a: usize, b: usize) -> Option<Self> {
        (a != b).then(|| Interaction((1 << a) | (1 << b)))
    }

    pub fn lists(self) -> u32 {
        self.0
    }

    pub fn order(self) -> u32 {
        self.0.count_ones()
    }
}

/// A column of the design matrix: the set of lists a cell must contain for the term to apply.
/// The empty set is the intercept; one list is a main effect.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Term(pub u32);

impl Term {
    pub const INTERCEPT: Term = Term(0);
}

/// The highest order of interaction a search may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InteractionOrder {
    Two,
    Three,
}

/// A hierarchical log-linear model: main effects for all `lists`, plus interactions whose every
/// sub-interaction is also in the model.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct LogLinearModel {
    lists: usize,
    interactions: BTreeSet<Interaction>,
}

impl LogLinearModel {
    /// Main effects only.
    pub fn main_effects(lists: usize) -> Self {
        LogLinearModel {
            lists,
            interactions: BTreeSet::new(),
        }
    }

    /// A model with these interactions; `None` if one names a list beyond `lists` or the set is
    /// not hierarchical.
    pub fn with_interactions(
        lists: usize,
        interactions: impl IntoIterator<Item = Interaction>,
    ) -> Option<Self> {
        let interactions: BTreeSet<Interaction> = interactions.into_iter().collect();
        let in_range = interactions.iter().all(|t| t.lists() >> lists == 0);
        let hierarchical = interactions
            .iter()
            .all(|t| sub_interactions(*t).all(|sub| interactions.contains(&sub)));
        (in_range && hierarchical).then_some(LogLinearModel {
            lists,
            interactions,
        })
    }

    pub fn lists(&self) -> usize {
        self.lists
    }

    pub fn interactions(&self) -> impl Iterator<Item = Interaction> + '_ {
        self.interactions.iter().copied()
    }

    pub fn contains(&self, interaction: Interaction) -> bool {
        self.interactions.contains(&interaction)
    }

    /// This model with one more two-list interaction (always hierarchical).
    pub fn with_pair(&self, pair: Interaction) -> Self {
        debug_assert_eq!(pair.order(), 2);
        let mut interactions = self.interactions.clone();
        interactions.insert(pair);
        LogLinearModel {
            lists: self.lists,
            interactions,
        }
    }

    /// Every two-list interaction not yet in the model.
    pub fn absent_pairs(&self) -> impl Iterator<Item = Interaction> + '_ {
        all_pairs(self.lists).filter(|p| !self.interactions.contains(p))
    }

    /// All terms with their own parameter: intercept, main effects, interactions.
    pub fn terms(&self) -> impl Iterator<Item = Term> + '_ {
        std::iter::once(Term::INTERCEPT)
            .chain((0..self.lists).map(|i| Term(1 << i)))
            .chain(self.interactions.iter().map(|t| Term(t.lists())))
    }
}

/// Every hierarchical model with interactions up to `order`, main effects first.
pub fn hierarchical_models(lists: usize, order: InteractionOrder) -> Vec<LogLinearModel> {
    let pairs: Vec<Interaction> = all_pairs(lists).collect();
    let triples: Vec<Interaction> = match order {
        InteractionOrder::Two => Vec::new(),
        InteractionOrder::Three => (0u32..1 << lists)
            .filter(|bits| bits.count_ones() == 3)
            .map(Interaction)
            .collect(),
    };
    let mut models = Vec::new();
    for chosen in 0u64..1 << pairs.len() {
        let graph: Vec<Interaction> = pairs
            .iter()
            .enumerate()
            .filter(|(i, _)| chosen & (1 << i) != 0)
            .map(|(_, p)| *p)
            .collect();
        let allowed: Vec<Interaction> = triples
            .iter()
            .copied()
            .filter(|t| sub_interactions(*t).all(|sub| graph.contains(&sub)))
            .collect();
        for chosen_triples in 0u64..1 << allowed.len() {
            let interactions = graph.iter().copied().chain(
                allowed
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| chosen_triples & (1 << i) != 0)
                    .map(|(_, t)| *t),
            );
            models.push(LogLinearModel {
                lists,
                interactions: interactions.collect(),
            });
        }
    }
    models
}

fn all_pairs(lists: usize) -> impl Iterator<Item = Interaction> {
    (0..lists).flat_map(move |a| (a + 1..lists).map(move |b| Interaction((1 << a) | (1 << b))))
}

/// The interactions one order below `t` (empty for a pair, whose subsets are main effects).
fn sub_interactions(t: Interaction) -> impl Iterator<Item = Interaction> {
    let bits = t.lists();
    (0..32)
        .filter(move |i| bits & (1 << i) != 0)
        .filter_map(move |i| Interaction::new(bits & !(1 << i)))
}
