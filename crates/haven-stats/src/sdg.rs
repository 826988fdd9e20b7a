//! SDG indicator 16.2.2: "Number of victims of human trafficking per 100,000 population, by
//! sex, age and form of exploitation" (custodian UNODC): detected victims of one year divided
//! by the resident population, times 100,000.
//!
//! The count is a table sex × age group × form of exploitation, released under a
//! [`ReleasePolicy`]; every rate is computed from a published count only, so a withheld count
//! gives a withheld rate. With the population as a total there is one rate per form and
//! overall; with the population by sex and age group (female/male × child/adult) there is a
//! rate for every group. People whose sex or age is not recorded (and people of another sex,
//! too few to show apart) are in the totals and in no group's rate. Anonymous notifications are
//! not counted: they may repeat a person already identified (GLOTIP reports them apart).

use rand::{CryptoRng, RngCore};
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::release::{Release, ReleaseError, ReleasePolicy, ReleasedCount, release};
use crate::table::{Dimension, Table};
use crate::victim::{
    AgeGroup, Basis, FormOfExploitation, Sex, VictimRecord, age_group_category,
    age_group_dimension, sex_category, sex_dimension,
};

/// The forms of exploitation of the SDG series: sexual exploitation (VC_HTF_DETVSX), forced
/// labour (VC_HTF_DETVFL), other purposes (VC_HTF_DETVOP).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SdgForm {
    SexualExploitation,
    ForcedLabour,
    OtherPurposes,
}

/// The resident population the rates are per 100,000 of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Population {
    Total(u64),
    BySexAndAge {
        female_child: u64,
        female_adult: u64,
        male_child: u64,
        male_adult: u64,
    },
}

/// The indicator for one year.
#[derive(Clone, Debug, PartialEq)]
pub struct SdgReport {
    pub year: u16,
    pub basis: Basis,
    /// Detected victims by sex × age group × form of exploitation, with its margins.
    pub counts: Release,
    pub rates: Vec<Rate>,
}

/// One rate per 100,000: for a sex (all if `None`), an age group (all if `None`) and a form of
/// exploitation (all if `None`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Rate {
    pub sex: Option<Sex>,
    pub age_group: Option<AgeGroup>,
    pub form: Option<SdgForm>,
    pub count: ReleasedCount,
    pub population: u64,
    pub per_100_000: PublishedRate,
}

/// A rate computed from a published count, or withheld with it.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PublishedRate {
    Published(f64),
    Suppressed,
}

#[derive(Debug, Error, PartialEq)]
pub enum SdgError {
    #[error("the population of a group must be above zero")]
    EmptyPopulation,
    #[error(transparent)]
    Release(#[from] ReleaseError),
}

impl SdgForm {
    pub const ALL: [SdgForm; 3] = [
        SdgForm::SexualExploitation,
        SdgForm::ForcedLabour,
        SdgForm::OtherPurposes,
    ];

    /// Every form other than sexual exploitation and forced labour counts as other purposes.
    pub fn of(form: FormOfExploitation) -> Self {
        match form {
            FormOfExploitation::SexualExploitation => SdgForm::SexualExploitation,
            FormOfExploitation::ForcedLabour => SdgForm::ForcedLabour,
            _ => SdgForm::OtherPurposes,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            SdgForm::SexualExploitation => "sexual exploitation",
            SdgForm::ForcedLabour => "forced labour",
            SdgForm::OtherPurposes => "other purposes",
        }
    }
}

/// Computes SDG 16.2.2 for a year from the records, counting victims on the given basis and
/// protecting the counts under the policy.
pub fn sdg_16_2_2<R: RngCore + CryptoRng>(
    records: &[VictimRecord],
    year: u16,
    basis: Basis,
    population: &Population,
    policy: &ReleasePolicy,
    rng: &mut R,
) -> Result<SdgReport, SdgError> {
    population.check()?;
    let counted = records
        .iter()
        .filter(|r| r.year == year && !r.anonymous_notification && basis.counts(r.status))
        .map(|r| {
            [
                sex_category(r.sex),
                age_group_category(r.age),
                SdgForm::of(r.form) as usize,
            ]
        });
    let table = Table::from_records(dimensions(), counted)
        .expect("the categories come from the dimensions themselves");
    let counts = release(&table, policy, rng)?;
    let rates = rates(&counts, population);
    Ok(SdgReport {
        year,
        basis,
        counts,
        rates,
    })
}

impl Population {
    fn check(&self) -> Result<(), SdgError> {
        let groups = match *self {
            Population::Total(total) => vec![total],
            Population::BySexAndAge {
                female_child,
                female_adult,
                male_child,
                male_adult,
            } => vec![female_child, female_adult, male_child, male_adult],
        };
        if groups.contains(&0) {
            return Err(SdgError::EmptyPopulation);
        }
        Ok(())
    }

    /// The population of a sex (all if `None`) and an age group (all if `None`), if known.
    fn of(&self, sex: Option<Sex>, age_group: Option<AgeGroup>) -> Option<u64> {
        match (*self, sex, age_group) {
            (Population::Total(total), None, None) => Some(total),
            (Population::Total(_), _, _) => None,
            (
                Population::BySexAndAge {
                    female_child,
                    female_adult,
                    male_child,
                    male_adult,
                },
                _,
                _,
            ) => {
                let groups = [
                    (Sex::Female, AgeGroup::Child, female_child),
                    (Sex::Female, AgeGroup::Adult, female_adult),
                    (Sex::Male, AgeGroup::Child, male_child),
                    (Sex::Male, AgeGroup::Adult, male_adult),
                ];
                Some(
                    groups
                        .iter()
                        .filter(|(s, a, _)| {
                            sex.is_none_or(|x| x == *s) && age_group.is_none_or(|x| x == *a)
                        })
                        .map(|&(_, _, p)| p)
                        .sum(),
                )
            }
        }
    }
}

fn dimensions() -> Vec<Dimension> {
    vec![
        sex_dimension(),
        age_group_dimension(),
        Dimension::new("form_of_exploitation", SdgForm::ALL.map(SdgForm::label))
            .expect("three distinct categories"),
    ]
}

/// Every rate the population allows, in table order.
fn rates(counts: &Release, population: &Population) -> Vec<Rate> {
    let sexes = [Some(Sex::Female), Some(Sex::Male)];
    let groups = [Some(AgeGroup::Child), Some(AgeGroup::Adult)];
    let mut rates = Vec::new();
    for (position, count) in counts.table.entries() {
        // Position 2 of sex and of age group is "not recorded": no population to divide by.
        let sex = match position[0] {
            Some(i) if i < 2 => sexes[i],
            Some(_) => continue,
            None => None,
        };
        let age_group = match position[1] {
            Some(i) if i < 2 => groups[i],
            Some(_) => continue,
            None => None,
        };
        let form = position[2].map(|i| SdgForm::ALL[i]);
        let Some(people) = population.of(sex, age_group) else {
            continue;
        };
        let per_100_000 = match count {
            ReleasedCount::Published(c) => {
                PublishedRate::Published(c as f64 * 100_000.0 / people as f64)
            }
            ReleasedCount::Suppressed => PublishedRate::Suppressed,
        };
        rates.push(Rate {
            sex,
            age_group,
            form,
            count,
            population: people,
            per_100_000,
        });
    }
    rates
}
