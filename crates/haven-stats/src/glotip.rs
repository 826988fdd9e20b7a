//! The tables of UNODC's Global Report on Trafficking in Persons (GLOTIP) questionnaire for one
//! year: victims detected by sex × age group × form of exploitation × citizenship; anonymous
//! notifications apart, by sex × age group; and persons suspected, prosecuted and convicted,
//! each by sex × citizenship where recorded.
//!
//! Each table is a release of its own under the policy. A person may be suspected, prosecuted
//! and convicted in one year, so the three criminal-justice tables count some people thrice:
//! under differential privacy each release spends its ε, and the report spends five times ε in
//! all ([`GlotipReport::releases`] lists them for the ledger and the audit log).
//!
//! Under suppression the citizenship dimension lists the countries that occur; under
//! differential privacy it lists every country, since which countries occur is itself data.

use rand::{CryptoRng, RngCore};
use serde::{Deserialize, Serialize};

use crate::country::Country;
use crate::release::{Release, ReleaseError, ReleasePolicy, release};
use crate::table::{Dimension, Table};
use crate::victim::{
    Basis, FormOfExploitation, NOT_RECORDED, Sex, VictimRecord, age_group_category,
    age_group_dimension, sex_category, sex_dimension,
};

/// A person in the criminal-justice process for trafficking, at one stage in one year.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OffenderRecord {
    pub year: u16,
    pub stage: Stage,
    pub sex: Option<Sex>,
    pub citizenship: Option<Country>,
}

/// The stages GLOTIP counts persons at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Brought into formal contact with the police or criminal justice system (suspected,
    /// arrested or cautioned).
    Suspected,
    Prosecuted,
    Convicted,
}

/// The GLOTIP tables for one year.
#[derive(Clone, Debug, PartialEq)]
pub struct GlotipReport {
    pub year: u16,
    pub basis: Basis,
    /// Victims by sex × age group × form of exploitation × citizenship.
    pub victims: Release,
    /// Anonymous notifications by sex × age group.
    pub anonymous_notifications: Release,
    /// Persons suspected, prosecuted and convicted, each by sex × citizenship.
    pub suspected: Release,
    pub prosecuted: Release,
    pub convicted: Release,
}

impl GlotipReport {
    /// The five releases with what each counts, for the ledger and the audit log.
    pub fn releases(&self) -> [(&'static str, &Release); 5] {
        [
            (
                "victims by sex, age group, form of exploitation and citizenship",
                &self.victims,
            ),
            (
                "anonymous notifications by sex and age group",
                &self.anonymous_notifications,
            ),
            ("persons suspected by sex and citizenship", &self.suspected),
            (
                "persons prosecuted by sex and citizenship",
                &self.prosecuted,
            ),
            ("persons convicted by sex and citizenship", &self.convicted),
        ]
    }
}

/// Computes the GLOTIP tables for a year, counting victims on the given basis and protecting
/// every table under the policy.
pub fn glotip<R: RngCore + CryptoRng>(
    victims: &[VictimRecord],
    offenders: &[OffenderRecord],
    year: u16,
    basis: Basis,
    policy: &ReleasePolicy,
    rng: &mut R,
) -> Result<GlotipReport, ReleaseError> {
    let counted: Vec<&VictimRecord> = victims
        .iter()
        .filter(|r| r.year == year && basis.counts(r.status))
        .collect();
    let identified: Vec<&VictimRecord> = counted
        .iter()
        .copied()
        .filter(|r| !r.anonymous_notification)
        .collect();
    let citizenships = Citizenships::new(
        identified.iter().map(|r| r.citizenship).chain(
            offenders
                .iter()
                .filter(|o| o.year == year)
                .map(|o| o.citizenship),
        ),
        policy,
    );
    let forms = Dimension::new(
        "form_of_exploitation",
        FormOfExploitation::ALL.map(FormOfExploitation::label),
    )?;
    let victims_table = Table::from_records(
        vec![
            sex_dimension(),
            age_group_dimension(),
            forms,
            citizenships.dimension()?,
        ],
        identified.iter().map(|r| {
            [
                sex_category(r.sex),
                age_group_category(r.age),
                r.form as usize,
                citizenships.category(r.citizenship),
            ]
        }),
    )?;
    let anonymous = Table::from_records(
        vec![sex_dimension(), age_group_dimension()],
        counted
            .iter()
            .filter(|r| r.anonymous_notification)
            .map(|r| [sex_category(r.sex), age_group_category(r.age)]),
    )?;
    let stage = |stage: Stage, rng: &mut R| -> Result<Release, ReleaseError> {
        let table = Table::from_records(
            vec![sex_dimension(), citizenships.dimension()?],
            offenders
                .iter()
                .filter(|o| o.year == year && o.stage == stage)
                .map(|o| [sex_category(o.sex), citizenships.category(o.citizenship)]),
        )?;
        release(&table, policy, rng)
    };
    Ok(GlotipReport {
        year,
        basis,
        victims: release(&victims_table, policy, rng)?,
        anonymous_notifications: release(&anonymous, policy, rng)?,
        suspected: stage(Stage::Suspected, rng)?,
        prosecuted: stage(Stage::Prosecuted, rng)?,
        convicted: stage(Stage::Convicted, rng)?,
    })
}

/// The categories of the citizenship dimension: countries by alpha-2 code, then "not recorded".
struct Citizenships {
    countries: Vec<Country>,
}

impl Citizenships {
    fn new(seen: impl Iterator<Item = Option<Country>>, policy: &ReleasePolicy) -> Self {
        let countries = match policy {
            ReleasePolicy::DifferentialPrivacy { .. } => Country::all().collect(),
            ReleasePolicy::Suppress { .. } => {
                let mut countries: Vec<Country> = seen.flatten().collect();
                countries.sort();
                countries.dedup();
                countries
            }
        };
        Self { countries }
    }

    fn dimension(&self) -> Result<Dimension, crate::table::TableError> {
        Dimension::new(
            "citizenship",
            self.countries
                .iter()
                .map(|c| c.alpha2())
                .chain([NOT_RECORDED]),
        )
    }

    fn category(&self, citizenship: Option<Country>) -> usize {
        citizenship
            .and_then(|c| self.countries.binary_search(&c).ok())
            .unwrap_or(self.countries.len())
    }
}
