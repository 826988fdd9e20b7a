//! The service directory and matching: the services providers offer and who each is for, and,
//! given a person's needs and preferences, every service of a needed kind with whether the
//! person is eligible, the reasons, and a rank. Preferences are honoured, not just counted: a
//! person who asked for women-only services is not offered a mixed one as eligible.

use std::cmp::Reverse;
use std::collections::BTreeSet;

use super::lifecycle::Case;
use super::{OrganisationId, ServiceId, Timestamp};
use crate::htcds::Gender;
use crate::i18n::Message;

/// The age at which a person stops being a child (Convention on the Rights of the Child, Art. 1;
/// Palermo Protocol, Art. 3(d)).
pub const AGE_OF_MAJORITY: u8 = 18;

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum ServiceKind {
    Shelter,
    Medical,
    Psychosocial,
    LegalAid,
    Interpretation,
    Guardianship,
    Education,
    Vocational,
    Repatriation,
    ChildProtection,
}

impl ServiceKind {
    pub const ALL: [ServiceKind; 10] = [
        ServiceKind::Shelter,
        ServiceKind::Medical,
        ServiceKind::Psychosocial,
        ServiceKind::LegalAid,
        ServiceKind::Interpretation,
        ServiceKind::Guardianship,
        ServiceKind::Education,
        ServiceKind::Vocational,
        ServiceKind::Repatriation,
        ServiceKind::ChildProtection,
    ];

    pub fn id(self) -> &'static str {
        match self {
            ServiceKind::Shelter => "shelter",
            ServiceKind::Medical => "medical",
            ServiceKind::Psychosocial => "psychosocial",
            ServiceKind::LegalAid => "legal_aid",
            ServiceKind::Interpretation => "interpretation",
            ServiceKind::Guardianship => "guardianship",
            ServiceKind::Education => "education",
            ServiceKind::Vocational => "vocational",
            ServiceKind::Repatriation => "repatriation",
            ServiceKind::ChildProtection => "child_protection",
        }
    }
}

/// A service a provider organisation offers, as its directory entry describes it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Service {
    pub id: ServiceId,
    pub provider: OrganisationId,
    pub name: String,
    pub kind: ServiceKind,
    pub eligibility: Eligibility,
    /// The genders of the caseworkers it can assign (of the interpreters, for an interpretation
    /// service), so that the person's preferences can be honoured.
    pub staff_genders: BTreeSet<Gender>,
    /// A region or place code.
    pub location: String,
    /// `None` where places do not apply (legal aid, interpretation).
    pub capacity: Option<Capacity>,
}

/// Who a service is for.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Eligibility {
    pub genders: GendersServed,
    pub ages: AgeRange,
    /// A women-only space: adults who are not women are not eligible; children are, within the
    /// age range.
    pub women_only: bool,
    pub child_friendly: bool,
    /// BCP 47 tags of the languages its staff work in.
    pub languages: BTreeSet<String>,
    pub disability_access: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GendersServed {
    Everyone,
    /// HTCDS `prs_Gender` codes.
    Only(BTreeSet<Gender>),
}

/// Ages served, in whole years, both ends included; an absent end is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "raw::AgeRange")]
pub struct AgeRange {
    min: Option<u8>,
    max: Option<u8>,
}

/// Places, where a service has them: never more free than in total.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "raw::Capacity")]
pub struct Capacity {
    total: u32,
    free: u32,
}

/// What a person needs, and who they are as far as matching must know.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Needs {
    pub services: BTreeSet<ServiceKind>,
    pub gender: Gender,
    pub age: PersonAge,
    /// BCP 47.
    pub language: Option<String>,
    pub disability_access: bool,
    /// A region or place code.
    pub location: Option<String>,
    pub preferences: Preferences,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PersonAge {
    /// Established, in years.
    Years(u8),
    /// Only the group is known.
    Group(AgeGroup),
    /// Not established. A suspected child is treated as one (the presumption of minority).
    Unknown { child_suspected: bool },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AgeGroup {
    Child,
    Adult,
}

/// What the person asked for, so that their care is gender-sensitive.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Preferences {
    pub caseworker_gender: Option<Gender>,
    pub interpreter_gender: Option<Gender>,
    pub women_only_services: bool,
}

/// The needs recorded on a case. Who the person is (gender, age) comes, when matching, from the
/// person record and the case's track.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RecordedNeeds {
    pub services: BTreeSet<ServiceKind>,
    pub disability_access: bool,
    pub location: Option<String>,
    pub recorded_at: Timestamp,
}

/// One service of a needed kind, as it fits the person.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ServiceMatch {
    /// 1 for the best.
    pub rank: usize,
    pub service: Service,
    pub eligible: bool,
    /// Why it is not eligible, and what else the caseworker should know, in the order checked.
    pub reasons: Vec<MatchReason>,
    pub preferences_honoured: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum MatchReason {
    GenderNotServed {
        gender: Gender,
    },
    /// A women-only service, and the person is an adult who is not a woman.
    WomenOnly {
        gender: Gender,
    },
    /// A mixed service, and the person asked for women-only services.
    NotWomenOnly,
    DoesNotServeChildren,
    DoesNotServeAdults,
    OutsideAgeRange {
        range: AgeRange,
    },
    NotChildFriendly,
    NoDisabilityAccess,
    NoPlacesFree,
    /// An interpretation service without the person's language.
    DoesNotInterpret {
        language: String,
    },
    /// The staff do not speak the person's language: the service can go ahead with an
    /// interpreter.
    InterpreterNeeded {
        language: String,
    },
    OtherLocation {
        location: String,
    },
    CaseworkerGenderUnavailable {
        gender: Gender,
    },
    InterpreterGenderUnavailable {
        gender: Gender,
    },
}

/// Every service of a kind the person needs, eligible ones first, then by the preferences each
/// honours, language, location and free places; ties by kind, name and id, so the order is
/// always the same.
pub fn match_services<'a>(
    needs: &Needs,
    services: impl IntoIterator<Item = &'a Service>,
) -> Vec<ServiceMatch> {
    let mut matches: Vec<ServiceMatch> = services
        .into_iter()
        .filter(|s| needs.services.contains(&s.kind))
        .map(|service| {
            let reasons = reasons(needs, service);
            ServiceMatch {
                rank: 0,
                eligible: !reasons.iter().any(MatchReason::excludes),
                reasons,
                preferences_honoured: preferences_honoured(&needs.preferences, service),
                service: service.clone(),
            }
        })
        .collect();
    matches.sort_by_cached_key(|m| {
        let s = &m.service;
        (
            Reverse(m.eligible),
            Reverse(m.preferences_honoured),
            Reverse(needs.language.as_deref().is_some_and(|l| speaks(s, l))),
            Reverse(needs.location.as_ref() == Some(&s.location)),
            // A service without places (legal aid) is never full.
            Reverse(s.capacity.map_or(u32::MAX, |c| c.free)),
            s.kind,
            s.name.clone(),
            s.id.clone(),
        )
    });
    for (i, m) in matches.iter_mut().enumerate() {
        m.rank = i + 1;
    }
    matches
}

impl MatchReason {
    /// Whether the reason makes the person ineligible; the others are for the caseworker to know.
    pub fn excludes(&self) -> bool {
        !matches!(
            self,
            MatchReason::InterpreterNeeded { .. }
                | MatchReason::OtherLocation { .. }
                | MatchReason::CaseworkerGenderUnavailable { .. }
                | MatchReason::InterpreterGenderUnavailable { .. }
        )
    }

    /// The reason in words, for a service of this kind.
    pub fn message(&self, kind: ServiceKind) -> Message {
        match self {
            MatchReason::GenderNotServed { gender } => {
                Message::new("nrm-match-gender-not-served").text("gender", gender.code())
            }
            MatchReason::WomenOnly { gender } => Message::new("nrm-match-women-only")
                .text("kind", kind.id())
                .text("gender", gender.code()),
            MatchReason::NotWomenOnly => Message::new("nrm-match-not-women-only"),
            MatchReason::DoesNotServeChildren => Message::new("nrm-match-does-not-serve-children"),
            MatchReason::DoesNotServeAdults => Message::new("nrm-match-does-not-serve-adults"),
            MatchReason::OutsideAgeRange { range } => {
                let bounds = match (range.min, range.max) {
                    (Some(_), Some(_)) => "both",
                    (Some(_), None) => "from",
                    _ => "to",
                };
                let mut message =
                    Message::new("nrm-match-outside-age-range").text("bounds", bounds);
                if let Some(min) = range.min {
                    message = message.number("min", min);
                }
                if let Some(max) = range.max {
                    message = message.number("max", max);
                }
                message
            }
            MatchReason::NotChildFriendly => Message::new("nrm-match-not-child-friendly"),
            MatchReason::NoDisabilityAccess => Message::new("nrm-match-no-disability-access"),
            MatchReason::NoPlacesFree => Message::new("nrm-match-no-places-free"),
            MatchReason::DoesNotInterpret { language } => {
                Message::new("nrm-match-does-not-interpret").text("language", language.as_str())
            }
            MatchReason::InterpreterNeeded { language } => {
                Message::new("nrm-match-interpreter-needed").text("language", language.as_str())
            }
            MatchReason::OtherLocation { location } => {
                Message::new("nrm-match-other-location").text("location", location.as_str())
            }
            MatchReason::CaseworkerGenderUnavailable { gender } => {
                Message::new("nrm-match-caseworker-gender").text("gender", gender.code())
            }
            MatchReason::InterpreterGenderUnavailable { gender } => {
                Message::new("nrm-match-interpreter-gender").text("gender", gender.code())
            }
        }
    }
}

impl Needs {
    /// A case's recorded needs, language and preferences, for a person of this gender. The age
    /// is the case's track, which already carries the presumption of minority; a caller who
    /// knows the years may set them.
    pub fn of_case(case: &Case, gender: Gender) -> Needs {
        let recorded = case.needs.as_ref();
        Needs {
            services: recorded.map(|n| n.services.clone()).unwrap_or_default(),
            gender,
            age: PersonAge::Group(if case.is_child() {
                AgeGroup::Child
            } else {
                AgeGroup::Adult
            }),
            language: case.language.clone(),
            disability_access: recorded.is_some_and(|n| n.disability_access),
            location: recorded.and_then(|n| n.location.clone()),
            preferences: case.preferences.clone(),
        }
    }
}

impl PersonAge {
    /// A child, established or presumed.
    pub fn is_child(self) -> bool {
        match self {
            PersonAge::Years(years) => years < AGE_OF_MAJORITY,
            PersonAge::Group(group) => group == AgeGroup::Child,
            PersonAge::Unknown { child_suspected } => child_suspected,
        }
    }

    /// The years the person may be.
    fn span(self) -> (u8, u8) {
        match self {
            PersonAge::Years(years) => (years, years),
            _ if self.is_child() => (0, AGE_OF_MAJORITY - 1),
            _ => (AGE_OF_MAJORITY, u8::MAX),
        }
    }
}

impl AgeRange {
    pub const ANY: AgeRange = AgeRange {
        min: None,
        max: None,
    };

    /// The range, or `None` when the minimum is above the maximum.
    pub fn new(min: Option<u8>, max: Option<u8>) -> Option<AgeRange> {
        match (min, max) {
            (Some(lo), Some(hi)) if lo > hi => None,
            _ => Some(AgeRange { min, max }),
        }
    }

    pub fn min(self) -> Option<u8> {
        self.min
    }

    pub fn max(self) -> Option<u8> {
        self.max
    }

    /// Why a person of this age is outside the range, if they may be: only when none of the
    /// ages they may be falls in it, so that a presumed child of unknown age is not refused a
    /// service for some children.
    fn excludes(self, age: PersonAge) -> Option<MatchReason> {
        let (lo, hi) = (self.min.unwrap_or(0), self.max.unwrap_or(u8::MAX));
        let (youngest, oldest) = age.span();
        if youngest <= hi && lo <= oldest {
            None
        } else if age.is_child() && lo >= AGE_OF_MAJORITY {
            Some(MatchReason::DoesNotServeChildren)
        } else if !age.is_child() && hi < AGE_OF_MAJORITY {
            Some(MatchReason::DoesNotServeAdults)
        } else {
            Some(MatchReason::OutsideAgeRange { range: self })
        }
    }
}

impl Capacity {
    /// The places, or `None` when more are free than there are.
    pub fn new(total: u32, free: u32) -> Option<Capacity> {
        (free <= total).then_some(Capacity { total, free })
    }

    pub fn total(self) -> u32 {
        self.total
    }

    pub fn free(self) -> u32 {
        self.free
    }
}

impl GendersServed {
    pub fn serves(&self, gender: Gender) -> bool {
        match self {
            GendersServed::Everyone => true,
            GendersServed::Only(genders) => genders.contains(&gender),
        }
    }
}

/// Everything that makes the person ineligible for the service or that the caseworker should
/// know about it, in a fixed order.
fn reasons(needs: &Needs, service: &Service) -> Vec<MatchReason> {
    let e = &service.eligibility;
    let child = needs.age.is_child();
    let mut reasons = Vec::new();
    if !e.genders.serves(needs.gender) {
        reasons.push(MatchReason::GenderNotServed {
            gender: needs.gender,
        });
    }
    if e.women_only && !child && !is_woman(needs.gender) {
        reasons.push(MatchReason::WomenOnly {
            gender: needs.gender,
        });
    }
    if needs.preferences.women_only_services && !e.women_only {
        reasons.push(MatchReason::NotWomenOnly);
    }
    if let Some(reason) = e.ages.excludes(needs.age) {
        reasons.push(reason);
    } else if child && !e.child_friendly {
        reasons.push(MatchReason::NotChildFriendly);
    }
    if needs.disability_access && !e.disability_access {
        reasons.push(MatchReason::NoDisabilityAccess);
    }
    if service.capacity.is_some_and(|c| c.free == 0) {
        reasons.push(MatchReason::NoPlacesFree);
    }
    if let Some(language) = needs.language.as_ref().filter(|l| !speaks(service, l)) {
        let language = language.clone();
        reasons.push(if service.kind == ServiceKind::Interpretation {
            MatchReason::DoesNotInterpret { language }
        } else {
            MatchReason::InterpreterNeeded { language }
        });
    }
    if needs
        .location
        .as_ref()
        .is_some_and(|l| *l != service.location)
    {
        reasons.push(MatchReason::OtherLocation {
            location: service.location.clone(),
        });
    }
    if let Some(gender) = staff_preference(&needs.preferences, service.kind)
        .filter(|g| !service.staff_genders.contains(g))
    {
        reasons.push(if service.kind == ServiceKind::Interpretation {
            MatchReason::InterpreterGenderUnavailable { gender }
        } else {
            MatchReason::CaseworkerGenderUnavailable { gender }
        });
    }
    reasons
}

/// How many of the person's preferences the service honours.
fn preferences_honoured(p: &Preferences, service: &Service) -> usize {
    let women_only = p.women_only_services && service.eligibility.women_only;
    let staff =
        staff_preference(p, service.kind).is_some_and(|g| service.staff_genders.contains(&g));
    usize::from(women_only) + usize::from(staff)
}

/// The gender the person asked for in the staff who would work with them: the interpreter's
/// for an interpretation service, the caseworker's for any other.
fn staff_preference(p: &Preferences, kind: ServiceKind) -> Option<Gender> {
    if kind == ServiceKind::Interpretation {
        p.interpreter_gender
    } else {
        p.caseworker_gender
    }
}

fn is_woman(gender: Gender) -> bool {
    matches!(gender, Gender::Feminine | Gender::TransgenderFeminine)
}

/// Whether the staff work in the language, compared by primary language subtag: "ar" is
/// spoken where "ar-SY" is.
fn speaks(service: &Service, language: &str) -> bool {
    let primary = |tag: &str| {
        tag.split(['-', '_'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase()
    };
    let wanted = primary(language);
    service
        .eligibility
        .languages
        .iter()
        .any(|l| primary(l) == wanted)
}

/// The JSON shapes of the checked types, converted through their constructors.
mod raw {
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct AgeRange {
        min: Option<u8>,
        max: Option<u8>,
    }

    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Capacity {
        total: u32,
        free: u32,
    }

    impl TryFrom<AgeRange> for super::AgeRange {
        type Error = &'static str;

        fn try_from(raw: AgeRange) -> Result<Self, Self::Error> {
            super::AgeRange::new(raw.min, raw.max)
                .ok_or("an age range's minimum is above its maximum")
        }
    }

    impl TryFrom<Capacity> for super::Capacity {
        type Error = &'static str;

        fn try_from(raw: Capacity) -> Result<Self, Self::Error> {
            super::Capacity::new(raw.total, raw.free)
                .ok_or("a service cannot have more places free than in total")
        }
    }
}
