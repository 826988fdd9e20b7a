//! The words the statistics use for the people counted: sex, age group, the forms of
//! exploitation.

use serde::{Deserialize, Serialize};

/// Sex as recorded. `Other` is a transgender or gender non-conforming person (HTCDS
/// `TransgenderFeminine`, `TransgenderMasculine`, `NonConforming`); an unknown sex is not
/// recorded at all.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sex {
    Female,
    Male,
    Other,
}

/// Child (under 18, as in the Palermo Protocol) or adult.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AgeGroup {
    Child,
    Adult,
}

/// The forms of exploitation a person was exploited in, as the three flags of the CTDC data:
/// sexual exploitation, forced labour, and any other form. A person may have several.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Exploitation {
    pub sexual: bool,
    pub forced_labour: bool,
    pub other: bool,
}

/// The forms of exploitation GLOTIP reports victims by; one per victim, `MixedForms` for a
/// victim exploited in several.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FormOfExploitation {
    SexualExploitation,
    ForcedLabour,
    ForcedCriminalActivity,
    Begging,
    ForcedMarriage,
    OrganRemoval,
    MixedForms,
    Other,
}

impl AgeGroup {
    /// The age group of an age in completed years.
    pub fn of_age(years: u8) -> Self {
        if years < 18 { Self::Child } else { Self::Adult }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Child => "child",
            Self::Adult => "adult",
        }
    }
}

impl Sex {
    pub fn label(self) -> &'static str {
        match self {
            Self::Female => "female",
            Self::Male => "male",
            Self::Other => "other",
        }
    }
}

impl FormOfExploitation {
    pub const ALL: [FormOfExploitation; 8] = [
        Self::SexualExploitation,
        Self::ForcedLabour,
        Self::ForcedCriminalActivity,
        Self::Begging,
        Self::ForcedMarriage,
        Self::OrganRemoval,
        Self::MixedForms,
        Self::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::SexualExploitation => "sexual exploitation",
            Self::ForcedLabour => "forced labour",
            Self::ForcedCriminalActivity => "forced criminal activity",
            Self::Begging => "begging",
            Self::ForcedMarriage => "forced marriage",
            Self::OrganRemoval => "organ removal",
            Self::MixedForms => "mixed forms",
            Self::Other => "other",
        }
    }
}

/// A detected victim, as the reports count them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VictimRecord {
    /// The year the person was identified (referred to the national referral mechanism).
    pub year: u16,
    pub sex: Option<Sex>,
    /// Age at identification, in completed years.
    pub age: Option<u8>,
    /// The form of exploitation; one per person, so that each person is counted once.
    pub form: FormOfExploitation,
    pub citizenship: Option<crate::country::Country>,
    pub status: IdentificationStatus,
    /// Notified without the person's identity (with no consent to referral): reported apart,
    /// since it may repeat a person already counted.
    pub anonymous_notification: bool,
}

/// How far identification has gone.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IdentificationStatus {
    /// Presumed a victim (reasonable grounds), no conclusive decision yet or a negative one
    /// pending review.
    Presumed,
    /// Decided a victim (conclusive grounds).
    Decided,
}

/// Which victims a report counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// Everyone presumed a victim, including those since decided.
    Presumed,
    /// Only those decided victims.
    Decided,
}

impl Basis {
    pub fn counts(self, status: IdentificationStatus) -> bool {
        match self {
            Basis::Presumed => true,
            Basis::Decided => status == IdentificationStatus::Decided,
        }
    }
}

/// The label of the category for an unknown (or, for sex, also a non-binary) value, in the
/// reports' tables.
pub(crate) const NOT_RECORDED: &str = "not recorded";
pub(crate) const OTHER_OR_NOT_RECORDED: &str = "other or not recorded";

/// The sex dimension of the reports: female, male, and one category for everyone else, small
/// and sensitive enough not to be split.
pub(crate) fn sex_dimension() -> crate::table::Dimension {
    crate::table::Dimension::new("sex", ["female", "male", OTHER_OR_NOT_RECORDED])
        .expect("three distinct categories")
}

pub(crate) fn sex_category(sex: Option<Sex>) -> usize {
    match sex {
        Some(Sex::Female) => 0,
        Some(Sex::Male) => 1,
        Some(Sex::Other) | None => 2,
    }
}

pub(crate) fn age_group_dimension() -> crate::table::Dimension {
    crate::table::Dimension::new("age_group", ["child", "adult", NOT_RECORDED])
        .expect("three distinct categories")
}

pub(crate) fn age_group_category(age: Option<u8>) -> usize {
    match age.map(AgeGroup::of_age) {
        Some(AgeGroup::Child) => 0,
        Some(AgeGroup::Adult) => 1,
        None => 2,
    }
}
