//! The identification catalogue: the stable ids of acts, means, purposes, indicators, offences,
//! risk signs, ILO/EC lists, jurisdiction profiles and routing codes.
//!
//! The catalogue is data (`reference/identification-catalogue.toml`, embedded in the binary), so a
//! country adds its own jurisdiction profile without code. Loading it checks everything the engine
//! relies on; a catalogue that breaks a principle of Haven (a profile that makes assistance depend
//! on cooperation with the police, a reflection period under 30 days) is refused.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;

use serde::Deserialize;

use super::routing::{NextStep, RoutingForbid, RoutingRule};

/// The catalogue shipped with Haven.
pub const EMBEDDED_CATALOGUE: &str =
    include_str!("../../../../reference/identification-catalogue.toml");

/// The minimum recovery and reflection period any profile may set (CETS 197 Art. 13).
pub const MINIMUM_REFLECTION_PERIOD_DAYS: u16 = 30;

static EMBEDDED: LazyLock<Catalogue> = LazyLock::new(|| {
    Catalogue::from_toml(EMBEDDED_CATALOGUE)
        .unwrap_or_else(|error| panic!("the embedded identification catalogue is invalid: {error}"))
});

#[derive(Debug)]
pub struct Catalogue {
    pub child_age_threshold: u8,
    pub acts: Vec<CatalogueEntry>,
    pub means: Vec<CatalogueEntry>,
    pub purposes: Vec<Purpose>,
    pub offences: Vec<CatalogueEntry>,
    pub risks: Vec<CatalogueEntry>,
    pub dimensions: Vec<DimensionInfo>,
    pub lists: BTreeMap<IloListId, IloList>,
    pub indicators: Vec<Indicator>,
    /// In catalogue order, the default profile first.
    pub profiles: Vec<Profile>,
    pub routing: RoutingTable,
}

/// An id with its human label, as the catalogue gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogueEntry {
    pub id: String,
    pub label: String,
}

#[derive(Debug)]
pub struct Purpose {
    pub entry: CatalogueEntry,
    /// Purposes through which this one counts where a profile does not recognise it on its own.
    pub via: Vec<String>,
}

/// The six ILO/EC dimensions. They are fixed by the method, so they are an enum; the catalogue
/// must name exactly these.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Dimension {
    DR,
    CR,
    AVR,
    EX,
    CD,
    AVD,
}

impl Dimension {
    pub const ALL: [Dimension; 6] = [
        Dimension::DR,
        Dimension::CR,
        Dimension::AVR,
        Dimension::EX,
        Dimension::CD,
        Dimension::AVD,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Dimension::DR => "DR",
            Dimension::CR => "CR",
            Dimension::AVR => "AVR",
            Dimension::EX => "EX",
            Dimension::CD => "CD",
            Dimension::AVD => "AVD",
        }
    }

    fn parse(id: &str) -> Option<Dimension> {
        Dimension::ALL.into_iter().find(|d| d.id() == id)
    }
}

#[derive(Debug)]
pub struct DimensionInfo {
    pub dimension: Dimension,
    pub label: String,
}

/// The four ILO/EC indicator lists: age track × exploitation type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum IloListId {
    AdultLabour,
    ChildLabour,
    AdultSexual,
    ChildSexual,
}

impl IloListId {
    pub const ALL: [IloListId; 4] = [
        IloListId::AdultLabour,
        IloListId::ChildLabour,
        IloListId::AdultSexual,
        IloListId::ChildSexual,
    ];

    pub fn id(self) -> &'static str {
        match self {
            IloListId::AdultLabour => "al",
            IloListId::ChildLabour => "cl",
            IloListId::AdultSexual => "as",
            IloListId::ChildSexual => "cs",
        }
    }

    fn parse(id: &str) -> Option<IloListId> {
        IloListId::ALL.into_iter().find(|l| l.id() == id)
    }
}

#[derive(Debug)]
pub struct IloList {
    pub label: String,
    /// False where the catalogue marks the weights as unverified: scored under every reading.
    pub verified: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Weight {
    Strong,
    Medium,
    Weak,
}

#[derive(Debug)]
pub struct Indicator {
    pub id: String,
    pub dimension: Dimension,
    pub label: String,
    pub question: String,
    weights: BTreeMap<IloListId, Weight>,
    /// ICLS 2018 forced-labour tags.
    pub involuntariness: bool,
    pub penalty: bool,
}

impl Indicator {
    /// The weight in a list, or `None` where the list does not include the indicator.
    pub fn weight(&self, list: IloListId) -> Option<Weight> {
        self.weights.get(&list).copied()
    }

    pub fn rated_weak_anywhere(&self) -> bool {
        self.weights.values().any(|w| *w == Weight::Weak)
    }
}

/// A jurisdiction profile: which purposes count on their own, and the profile's parameters.
#[derive(Debug)]
pub struct Profile {
    pub id: String,
    pub label: String,
    pub child_age_threshold: u8,
    pub means_required_for_children: bool,
    pub recognised_purposes: BTreeSet<String>,
    pub reflection_period_days: u16,
}

#[derive(Debug)]
pub struct RoutingTable {
    /// The indicators whose "yes" means the person or their family is threatened.
    pub threat_indicators: Vec<String>,
    /// Input fields that no rule may read; recorded for the file only.
    pub never_read: Vec<String>,
    pub rules: Vec<RoutingRuleSpec>,
    pub forbids: Vec<ForbidSpec>,
    /// The meaning of each routing code, as the screener reads it.
    pub meanings: BTreeMap<NextStep, String>,
}

#[derive(Debug)]
pub struct RoutingRuleSpec {
    pub rule: RoutingRule,
    pub tier: Tier,
    pub adds: Vec<NextStep>,
    pub basis: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tier {
    Required,
    Recommended,
}

#[derive(Debug)]
pub struct ForbidSpec {
    pub forbid: RoutingForbid,
    pub codes: Vec<NextStep>,
    pub basis: String,
}

#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct CatalogueError(String);

impl Catalogue {
    /// The catalogue embedded in this build of Haven.
    pub fn embedded() -> &'static Catalogue {
        &EMBEDDED
    }

    /// Parses and checks a catalogue.
    pub fn from_toml(text: &str) -> Result<Catalogue, CatalogueError> {
        let raw: raw::Catalogue =
            toml::from_str(text).map_err(|e| CatalogueError(format!("not valid TOML: {e}")))?;
        raw.into_catalogue()
    }

    pub fn profile(&self, id: &str) -> Option<&Profile> {
        self.profiles.iter().find(|p| p.id == id)
    }

    pub fn act(&self, id: &str) -> Option<&CatalogueEntry> {
        self.acts.iter().find(|e| e.id == id)
    }

    pub fn mean(&self, id: &str) -> Option<&CatalogueEntry> {
        self.means.iter().find(|e| e.id == id)
    }

    pub fn purpose(&self, id: &str) -> Option<&Purpose> {
        self.purposes.iter().find(|p| p.entry.id == id)
    }

    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.id == id)
    }

    pub fn offence(&self, id: &str) -> Option<&CatalogueEntry> {
        self.offences.iter().find(|e| e.id == id)
    }

    pub fn risk(&self, id: &str) -> Option<&CatalogueEntry> {
        self.risks.iter().find(|e| e.id == id)
    }

    pub fn dimension_label(&self, dimension: Dimension) -> &str {
        self.dimensions
            .iter()
            .find(|d| d.dimension == dimension)
            .map_or(dimension.id(), |d| d.label.as_str())
    }

    pub fn list(&self, id: IloListId) -> &IloList {
        &self.lists[&id]
    }
}

/// The TOML shape of the catalogue, converted into the checked types above.
mod raw {
    use super::*;

    #[derive(Deserialize)]
    pub(super) struct Catalogue {
        age_track: AgeTrack,
        palermo: Palermo,
        profiles: BTreeMap<String, Profile>,
        offences: Vec<Entry>,
        risk: Vec<Entry>,
        ilo: Ilo,
        outcomes: Outcomes,
        routing: Routing,
    }

    #[derive(Deserialize)]
    struct AgeTrack {
        child_age_threshold: u8,
    }

    #[derive(Deserialize)]
    struct Palermo {
        acts: Vec<Entry>,
        means: Vec<Entry>,
        purposes: Vec<Purpose>,
    }

    #[derive(Deserialize)]
    struct Entry {
        id: String,
        label: String,
    }

    #[derive(Deserialize)]
    struct Purpose {
        id: String,
        label: String,
        #[serde(default)]
        via: Vec<String>,
    }

    #[derive(Deserialize)]
    struct Profile {
        #[serde(default)]
        default: bool,
        label: String,
        child_age_threshold: u8,
        means_required_for_children: bool,
        recognised_purposes: Vec<String>,
        reflection_period_days: u16,
        assistance_conditional_on_cooperation: bool,
    }

    #[derive(Deserialize)]
    struct Ilo {
        dimensions: Vec<Dimension>,
        lists: BTreeMap<String, List>,
        indicators: Vec<Indicator>,
    }

    #[derive(Deserialize)]
    struct Dimension {
        id: String,
        label: String,
    }

    #[derive(Deserialize)]
    struct List {
        label: String,
        verified: bool,
    }

    #[derive(Deserialize)]
    struct Indicator {
        id: String,
        dimension: String,
        label: String,
        question: String,
        al: Option<String>,
        cl: Option<String>,
        #[serde(rename = "as")]
        as_: Option<String>,
        cs: Option<String>,
        icls: Vec<String>,
    }

    #[derive(Deserialize)]
    struct Outcomes {
        next: Vec<Meaning>,
    }

    #[derive(Deserialize)]
    struct Meaning {
        id: String,
        meaning: String,
    }

    #[derive(Deserialize)]
    struct Routing {
        threat_indicators: Vec<String>,
        never_read: Vec<String>,
        rules: Vec<Rule>,
        forbid: Vec<Forbid>,
    }

    #[derive(Deserialize)]
    struct Rule {
        id: String,
        tier: String,
        add: Vec<String>,
        basis: String,
    }

    #[derive(Deserialize)]
    struct Forbid {
        id: String,
        codes: Vec<String>,
        basis: String,
    }

    fn fail<T>(message: String) -> Result<T, CatalogueError> {
        Err(CatalogueError(message))
    }

    fn entries(raw: Vec<Entry>, what: &str) -> Result<Vec<CatalogueEntry>, CatalogueError> {
        let mut seen = BTreeSet::new();
        raw.into_iter()
            .map(|e| {
                if !seen.insert(e.id.clone()) {
                    return fail(format!("{what}: id {:?} appears twice", e.id));
                }
                Ok(CatalogueEntry {
                    id: e.id,
                    label: e.label,
                })
            })
            .collect()
    }

    fn next_step(code: &str, context: &str) -> Result<NextStep, CatalogueError> {
        NextStep::parse(code).ok_or_else(|| {
            CatalogueError(format!(
                "{context}: routing code {code:?} is not one Haven knows"
            ))
        })
    }

    fn weight(raw: Option<&str>, indicator: &str) -> Result<Option<Weight>, CatalogueError> {
        match raw {
            None => Ok(None),
            Some("strong") => Ok(Some(Weight::Strong)),
            Some("medium") => Ok(Some(Weight::Medium)),
            Some("weak") => Ok(Some(Weight::Weak)),
            Some(other) => fail(format!(
                "indicator {indicator}: weight {other:?} is not strong, medium or weak"
            )),
        }
    }

    impl Catalogue {
        pub(super) fn into_catalogue(self) -> Result<super::Catalogue, CatalogueError> {
            let acts = entries(self.palermo.acts, "palermo.acts")?;
            let means = entries(self.palermo.means, "palermo.means")?;
            let offences = entries(self.offences, "offences")?;
            let risks = entries(self.risk, "risk")?;

            let mut purposes = Vec::new();
            for p in self.palermo.purposes {
                if purposes.iter().any(|q: &super::Purpose| q.entry.id == p.id) {
                    return fail(format!("palermo.purposes: id {:?} appears twice", p.id));
                }
                purposes.push(super::Purpose {
                    entry: CatalogueEntry {
                        id: p.id,
                        label: p.label,
                    },
                    via: p.via,
                });
            }
            let purpose_ids: BTreeSet<&str> =
                purposes.iter().map(|p| p.entry.id.as_str()).collect();
            for p in &purposes {
                if let Some(unknown) = p.via.iter().find(|v| !purpose_ids.contains(v.as_str())) {
                    return fail(format!(
                        "purpose {}: via names {unknown:?}, which is not a purpose",
                        p.entry.id
                    ));
                }
            }

            let mut profiles = Vec::new();
            for (id, p) in self.profiles {
                if p.assistance_conditional_on_cooperation {
                    return fail(format!(
                        "profile {id}: assistance_conditional_on_cooperation = true is refused: \
                         assistance is never conditional on cooperation with law enforcement \
                         (HRC res. 32/3 §2(e))"
                    ));
                }
                if p.reflection_period_days < MINIMUM_REFLECTION_PERIOD_DAYS {
                    return fail(format!(
                        "profile {id}: reflection_period_days = {} is under the minimum of \
                         {MINIMUM_REFLECTION_PERIOD_DAYS} (CETS 197 Art. 13)",
                        p.reflection_period_days
                    ));
                }
                if let Some(unknown) = p
                    .recognised_purposes
                    .iter()
                    .find(|r| !purpose_ids.contains(r.as_str()))
                {
                    return fail(format!(
                        "profile {id}: recognised_purposes names {unknown:?}, which is not a purpose"
                    ));
                }
                let profile = super::Profile {
                    id,
                    label: p.label,
                    child_age_threshold: p.child_age_threshold,
                    means_required_for_children: p.means_required_for_children,
                    recognised_purposes: p.recognised_purposes.into_iter().collect(),
                    reflection_period_days: p.reflection_period_days,
                };
                if p.default {
                    profiles.insert(0, profile);
                } else {
                    profiles.push(profile);
                }
            }
            if profiles.is_empty() {
                return fail("the catalogue has no jurisdiction profile".into());
            }

            let mut dimensions = Vec::new();
            for d in self.ilo.dimensions {
                let dimension = super::Dimension::parse(&d.id).ok_or_else(|| {
                    CatalogueError(format!(
                        "ilo.dimensions: {:?} is not an ILO/EC dimension",
                        d.id
                    ))
                })?;
                dimensions.push(DimensionInfo {
                    dimension,
                    label: d.label,
                });
            }
            if dimensions.len() != super::Dimension::ALL.len() {
                return fail(
                    "ilo.dimensions must name DR, CR, AVR, EX, CD and AVD once each".into(),
                );
            }

            let mut lists = BTreeMap::new();
            for (id, l) in self.ilo.lists {
                let list = IloListId::parse(&id).ok_or_else(|| {
                    CatalogueError(format!("ilo.lists.{id} is not one of al, cl, as, cs"))
                })?;
                lists.insert(
                    list,
                    IloList {
                        label: l.label,
                        verified: l.verified,
                    },
                );
            }
            if lists.len() != IloListId::ALL.len() {
                return fail("ilo.lists must define al, cl, as and cs".into());
            }

            let mut indicators: Vec<super::Indicator> = Vec::new();
            for i in self.ilo.indicators {
                if indicators.iter().any(|j| j.id == i.id) {
                    return fail(format!("ilo.indicators: id {:?} appears twice", i.id));
                }
                let dimension = super::Dimension::parse(&i.dimension).ok_or_else(|| {
                    CatalogueError(format!(
                        "indicator {}: dimension {:?} is not an ILO/EC dimension",
                        i.id, i.dimension
                    ))
                })?;
                if !i.id.starts_with(&format!("{}.", dimension.id())) {
                    return fail(format!(
                        "indicator {}: its id must start with its dimension {}",
                        i.id,
                        dimension.id()
                    ));
                }
                let mut weights = BTreeMap::new();
                for (list, raw) in [
                    (IloListId::AdultLabour, &i.al),
                    (IloListId::ChildLabour, &i.cl),
                    (IloListId::AdultSexual, &i.as_),
                    (IloListId::ChildSexual, &i.cs),
                ] {
                    if let Some(w) = weight(raw.as_deref(), &i.id)? {
                        weights.insert(list, w);
                    }
                }
                let mut involuntariness = false;
                let mut penalty = false;
                for tag in &i.icls {
                    match tag.as_str() {
                        "involuntariness" => involuntariness = true,
                        "penalty" => penalty = true,
                        other => {
                            return fail(format!(
                                "indicator {}: icls tag {other:?} is not involuntariness or penalty",
                                i.id
                            ));
                        }
                    }
                }
                indicators.push(super::Indicator {
                    id: i.id,
                    dimension,
                    label: i.label,
                    question: i.question,
                    weights,
                    involuntariness,
                    penalty,
                });
            }

            let mut meanings = BTreeMap::new();
            for m in self.outcomes.next {
                meanings.insert(next_step(&m.id, "outcomes.next")?, m.meaning);
            }
            if let Some(missing) = NextStep::ALL.iter().find(|s| !meanings.contains_key(s)) {
                return fail(format!("outcomes.next lacks the code {}", missing.code()));
            }

            for t in &self.routing.threat_indicators {
                if !indicators.iter().any(|i| &i.id == t) {
                    return fail(format!(
                        "routing.threat_indicators: {t:?} is not an indicator"
                    ));
                }
            }

            let mut rules = Vec::new();
            for r in self.routing.rules {
                let rule = RoutingRule::parse(&r.id).ok_or_else(|| {
                    CatalogueError(format!(
                        "routing rule {:?} has no implementation in this build of Haven",
                        r.id
                    ))
                })?;
                let tier = match r.tier.as_str() {
                    "required" => Tier::Required,
                    "recommended" => Tier::Recommended,
                    other => {
                        return fail(format!(
                            "routing rule {}: tier {other:?} is not required or recommended",
                            r.id
                        ));
                    }
                };
                let adds = r
                    .add
                    .iter()
                    .map(|c| next_step(c, &format!("routing rule {}", r.id)))
                    .collect::<Result<_, _>>()?;
                rules.push(RoutingRuleSpec {
                    rule,
                    tier,
                    adds,
                    basis: r.basis,
                });
            }
            if let Some(missing) = RoutingRule::ALL
                .iter()
                .find(|r| !rules.iter().any(|s| s.rule == **r))
            {
                return fail(format!(
                    "routing rule {} is missing from the catalogue",
                    missing.id()
                ));
            }

            let mut forbids = Vec::new();
            for f in self.routing.forbid {
                let codes = f
                    .codes
                    .iter()
                    .map(|c| next_step(c, &format!("routing.forbid {}", f.id)))
                    .collect::<Result<_, _>>()?;
                let forbid = RoutingForbid::parse(&f.id).ok_or_else(|| {
                    CatalogueError(format!(
                        "routing.forbid {:?} has no implementation in this build of Haven",
                        f.id
                    ))
                })?;
                forbids.push(ForbidSpec {
                    forbid,
                    codes,
                    basis: f.basis,
                });
            }

            if let Some(missing) = RoutingForbid::ALL
                .iter()
                .find(|f| !forbids.iter().any(|s| s.forbid == **f))
            {
                return fail(format!(
                    "routing.forbid {} is missing from the catalogue",
                    missing.id()
                ));
            }

            Ok(super::Catalogue {
                child_age_threshold: self.age_track.child_age_threshold,
                acts,
                means,
                purposes,
                offences,
                risks,
                dimensions,
                lists,
                indicators,
                profiles,
                routing: RoutingTable {
                    threat_indicators: self.routing.threat_indicators,
                    never_read: self.routing.never_read,
                    rules,
                    forbids,
                    meanings,
                },
            })
        }
    }
}
