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
