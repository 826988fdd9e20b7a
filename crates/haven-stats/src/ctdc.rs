//! Anonymised microdata in the columns and spellings of the Counter-Trafficking Data
//! Collaborative (CTDC) global dataset, for contributing Haven's cases.
//!
//! A row holds only these columns: the year of registration, the quasi-identifiers as
//! k-anonymised, and yes/no flags for the means of control and the forms and sectors of
//! exploitation. No identifier, no date finer than the year, no free text: the types allow
//! nothing else.
//!
//! Where the spellings come from:
//! - Column names `yearOfRegistration`, `gender`, `ageBroad`, `majorityStatus`, `citizenship`,
//!   `CountryOfExploitation`, `isForcedLabour`, `isSexualExploit`, `isOtherExploit`,
//!   `typeOfLabour…`, `typeOfSex…`: the header of the CTDC global dataset file (2020 release),
//!   and, except `majorityStatus`, of the CTDC global synthetic dataset (2024), as read by
//!   several independent public analyses of those files.
//! - The `means…` columns, and which HTCDS values feed them: the mapping of HTCDS 2.0 to the
//!   CTDC 2024 synthetic-data codebook in reference/htcds-fields.md.
//! - `ageBroad` bands `0--8`, `9--17`, `18--20`, `21--23`, `24--26`, `27--29`, `30--38`,
//!   `39--47`, `48+` and `majorityStatus` `Adult`/`Minor`: the values of those columns in the
//!   CTDC files.
//! - `gender` `Woman`, `Man`, `Trans/Transgender/NonConforming`: the values in the 2024
//!   synthetic dataset (the 2020 file used `Female`/`Male`).
//! - Flags are `1` when true and empty otherwise, as in the synthetic dataset.
//! - Countries are ISO 3166-1 alpha-3 codes, as in the synthetic dataset.
//!
//! Haven's own extensions, where generalisation goes beyond what CTDC publishes: a country
//! generalised to its UN M49 sub-region or region is written as the M49 name, and a range of
//! years as `first--last`, after the notation of the age bands. Anything not recorded or
//! withheld is empty.

use thiserror::Error;

use crate::anonymise::{
    AgeBand, AgeLevel, AgeValue, AnonymisationReport, AnonymiseConfig, AnonymiseError,
    AnonymisedRecord, MicroRecord, PlaceValue, Shown, YearValue, anonymise,
};
use crate::spreadsheet::{Cell, Sheet};
use crate::victim::{AgeGroup, Exploitation, Sex};

/// The columns of a CTDC row, in order.
pub const COLUMNS: [&str; 23] = [
    "yearOfRegistration",
    "gender",
    "ageBroad",
    "majorityStatus",
    "citizenship",
    "CountryOfExploitation",
    "meansDebtBondageEarnings",
    "meansThreats",
    "meansAbusePsyPhySex",
    "meansFalsePromises",
    "meansDrugsAlcohol",
    "meansDenyBasicNeeds",
    "meansExcessiveWorkHours",
    "meansWithholdDocs",
    "isForcedLabour",
    "isSexualExploit",
    "isOtherExploit",
    "typeOfLabourAgriculture",
    "typeOfLabourConstruction",
    "typeOfLabourDomesticWork",
    "typeOfLabourHospitality",
    "typeOfSexProstitution",
    "typeOfSexPornography",
];

/// The flags of a record that are not quasi-identifiers: means of control, sectors of forced
/// labour and types of sexual exploitation.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct CtdcFlags {
    pub means_debt_bondage_earnings: bool,
    pub means_threats: bool,
    pub means_abuse_psy_phy_sex: bool,
    pub means_false_promises: bool,
    pub means_drugs_alcohol: bool,
    pub means_deny_basic_needs: bool,
    pub means_excessive_work_hours: bool,
    pub means_withhold_docs: bool,
    pub labour_agriculture: bool,
    pub labour_construction: bool,
    pub labour_domestic_work: bool,
    pub labour_hospitality: bool,
    pub sex_prostitution: bool,
    pub sex_pornography: bool,
}

/// An HTCDS value these flags do not know.
#[derive(Clone, Debug, Error, PartialEq, Eq)]
#[error("`{value}` is not an HTCDS value of {field}")]
pub struct UnknownHtcdsValue {
    pub field: &'static str,
    pub value: String,
}

impl CtdcFlags {
    /// The flags from HTCDS system names: `vic_MethodsOfControl`, `vic_ForcedLabourIndustry`
    /// (the ISIC section, by its letter prefix) and `vic_TypeOfSexExploitation`, mapped as in
    /// reference/htcds-fields.md. Values without a CTDC column (`Other`, most industries,
    /// remote or private sexual services) set no flag.
    pub fn from_htcds(
        methods_of_control: &[&str],
        forced_labour_industries: &[&str],
        types_of_sex_exploitation: &[&str],
    ) -> Result<Self, UnknownHtcdsValue> {
        let mut flags = Self::default();
        for &method in methods_of_control {
            match method {
                "DebtBondage" | "TakesEarnings" => flags.means_debt_bondage_earnings = true,
                "PhysicalThreats" | "ThreatensChildrenFamily" | "ThreatsLawEnforcement" => {
                    flags.means_threats = true
                }
                "PsychologicalAbuse" | "PhysicalAbuse" | "SexualAbuse" => {
                    flags.means_abuse_psy_phy_sex = true
                }
                "FalsePromises" => flags.means_false_promises = true,
                "PsychoactiveSubstance" => flags.means_drugs_alcohol = true,
                "RestrictsFinancialAccess" | "RestrictsMedicalCare" | "WithholdsNecessities" => {
                    flags.means_deny_basic_needs = true
                }
                "ExcessiveWorkingHours" => flags.means_excessive_work_hours = true,
                "WithholdsDocuments" => flags.means_withhold_docs = true,
                "Other" => {}
                _ => return Err(unknown("vic_MethodsOfControl", method)),
            }
        }
        for &industry in forced_labour_industries {
            let section = industry.split('_').next().unwrap_or_default();
            match section {
                "A" => flags.labour_agriculture = true,
                "F" => flags.labour_construction = true,
                "T" => flags.labour_domestic_work = true,
                // Accommodation and food service activities: hospitality, approximately.
                "I" => flags.labour_hospitality = true,
                s if s.len() == 1 && ("B"..="U").contains(&s) => {}
                _ => return Err(unknown("vic_ForcedLabourIndustry", industry)),
            }
        }
        for &kind in types_of_sex_exploitation {
            match kind {
                "Prostitution" => flags.sex_prostitution = true,
                "Pornography" => flags.sex_pornography = true,
                "RemoteInteractiveServices" | "PrivateSexualServices" => {}
                _ => return Err(unknown("vic_TypeOfSexExploitation", kind)),
            }
        }
        Ok(flags)
    }
}

/// The three CTDC exploitation flags from HTCDS `vic_TypeOfExploitation` values: forced labour,
/// sexual exploitation, and every other type as "other".
pub fn exploitation_from_htcds(types: &[&str]) -> Result<Exploitation, UnknownHtcdsValue> {
    let mut exploitation = Exploitation::default();
    for &t in types {
        match t {
            "ForcedLabour" => exploitation.forced_labour = true,
            "SexualExploitation" => exploitation.sexual = true,
            "ChildLabour"
            | "ForcedMarriage"
            | "Servitude"
            | "ForcedMilitaryByNonStateActors"
            | "OrganRemoval"
            | "ForcedBegging"
            | "ForcedAdoption"
            | "Surrogacy"
            | "Other" => exploitation.other = true,
            _ => return Err(unknown("vic_TypeOfExploitation", t)),
        }
    }
    Ok(exploitation)
}

/// k-anonymises records for CTDC (ages at least in CTDC bands, which is all CTDC shows) and
/// lays them out as a CTDC sheet, with the report of what anonymisation did.
pub fn ctdc_export(
    records: &[MicroRecord<CtdcFlags>],
    k: u32,
) -> Result<(Sheet, AnonymisationReport), AnonymiseError> {
    let mut config = AnonymiseConfig::new(k);
    config.floor.age = AgeLevel::Band;
    let (rows, report) = anonymise(records, &config)?;
    let sheet = Sheet {
        name: "CTDC".to_owned(),
        header: COLUMNS.iter().map(|c| (*c).to_owned()).collect(),
        rows: rows
            .iter()
            .map(|r| ctdc_row(r).into_iter().map(Cell::Text).collect())
            .collect(),
    };
    Ok((sheet, report))
}

/// One anonymised record as the values of [`COLUMNS`].
pub fn ctdc_row(record: &AnonymisedRecord<CtdcFlags>) -> [String; 23] {
    let flag = |b: bool| if b { "1" } else { "" }.to_owned();
    let year = match record.year_of_registration {
        YearValue::Year(y) => y.to_string(),
        YearValue::Range(first, last) => format!("{first}--{last}"),
        YearValue::Withheld => String::new(),
    };
    let gender = match record.sex {
        Shown::Value(Sex::Female) => "Woman",
        Shown::Value(Sex::Male) => "Man",
        Shown::Value(Sex::Other) => "Trans/Transgender/NonConforming",
        Shown::NotRecorded | Shown::Withheld => "",
    };
    let band = match record.age {
        AgeValue::Years(y) => Some(AgeBand::of_age(y)),
        AgeValue::Band(b) => Some(b),
        AgeValue::Group(_) | AgeValue::NotRecorded | AgeValue::Withheld => None,
    };
    let group = match record.age {
        AgeValue::Group(g) => Some(g),
        _ => band.map(AgeBand::group),
    };
    let majority = match group {
        Some(AgeGroup::Child) => "Minor",
        Some(AgeGroup::Adult) => "Adult",
        None => "",
    };
    let (sexual, forced_labour, other) = match record.exploitation {
        Shown::Value(e) => (e.sexual, e.forced_labour, e.other),
        Shown::NotRecorded | Shown::Withheld => (false, false, false),
    };
    let f = &record.attributes;
    [
        year,
        gender.to_owned(),
        band.map_or("", band_label).to_owned(),
        majority.to_owned(),
        place(record.citizenship),
        place(record.country_of_exploitation),
        flag(f.means_debt_bondage_earnings),
        flag(f.means_threats),
        flag(f.means_abuse_psy_phy_sex),
        flag(f.means_false_promises),
        flag(f.means_drugs_alcohol),
        flag(f.means_deny_basic_needs),
        flag(f.means_excessive_work_hours),
        flag(f.means_withhold_docs),
        flag(forced_labour),
        flag(sexual),
        flag(other),
        flag(f.labour_agriculture),
        flag(f.labour_construction),
        flag(f.labour_domestic_work),
        flag(f.labour_hospitality),
        flag(f.sex_prostitution),
        flag(f.sex_pornography),
    ]
}

fn band_label(band: AgeBand) -> &'static str {
    match band {
        AgeBand::From0To8 => "0--8",
        AgeBand::From9To17 => "9--17",
        AgeBand::From18To20 => "18--20",
        AgeBand::From21To23 => "21--23",
        AgeBand::From24To26 => "24--26",
        AgeBand::From27To29 => "27--29",
        AgeBand::From30To38 => "30--38",
        AgeBand::From39To47 => "39--47",
        AgeBand::From48 => "48+",
    }
}

fn place(value: PlaceValue) -> String {
    match value {
        PlaceValue::Country(c) => c.alpha3().to_owned(),
        PlaceValue::SubRegion(s) => s.name().to_owned(),
        PlaceValue::Region(r) => r.name().to_owned(),
        PlaceValue::NoRegion | PlaceValue::NotRecorded | PlaceValue::Withheld => String::new(),
    }
}

fn unknown(field: &'static str, value: &str) -> UnknownHtcdsValue {
    UnknownHtcdsValue {
        field,
        value: value.to_owned(),
    }
}
