//! k-anonymity for microdata: records about victims that can be shared, in which every
//! combination of the attributes an outsider could know (the quasi-identifiers: sex, age,
//! citizenship, country of exploitation, year of registration, forms of exploitation) is shared
//! by at least k records.
//!
//! Each quasi-identifier is generalised along its hierarchy:
//!
//! - age: years → the CTDC age bands (0–8, 9–17, 18–20, 21–23, 24–26, 27–29, 30–38, 39–47, 48+)
//!   → child or adult → withheld;
//! - citizenship and country of exploitation: country → UN M49 sub-region → M49 region →
//!   withheld;
//! - year of registration: year → two-year ranges (from even years) → four-year ranges (from
//!   multiples of four, so that they nest) → withheld;
//! - sex and forms of exploitation: as recorded → withheld.
//!
//! A value that was not recorded stays "not recorded" at every level below the top, apart from
//! the values generalised; at the top it is withheld like every other value of the attribute.
//! Once the attribute is withheld an outsider cannot tell the two apart anyway (CTDC spells
//! both as an empty cell), and keeping them apart would split groups for nothing: on a small
//! dataset, the records without an age would have to reach k on their own or be withheld.
//!
//! The search starts from the floor asked for (the least generalisation allowed) and, like
//! Datafly (Sweeney 1998), generalises the attribute with the most distinct values until the
//! records in groups smaller than k are few enough to withhold (at most the limit, 2 % by
//! default). Datafly overshoots, so it then walks back: it lowers one attribute at a time while
//! the result stays within the limit, choosing each time the step that withholds fewest
//! records. The remaining outliers are withheld. Records are first counted by their
//! combination of quasi-identifiers, so each step costs one pass over the distinct combinations,
//! not over the records.
//!
//! Attributes that are not quasi-identifiers (`attributes`) pass through unchanged: k-anonymity
//! does not protect them, and a value every member of a group shares is disclosed for the group.

use std::collections::HashMap;

use foldhash::fast::RandomState;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::country::{Country, Region, SubRegion};
use crate::victim::{AgeGroup, Exploitation, Sex};

/// The share of records that may be withheld as outliers unless a configuration says otherwise.
pub const DEFAULT_MAX_SUPPRESSED: f64 = 0.02;

/// The oldest age accepted, in years.
pub const MAX_AGE: u8 = 120;

/// The years of registration accepted.
pub const YEARS: std::ops::RangeInclusive<u16> = 1900..=2199;

/// One person's record before anonymisation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MicroRecord<A> {
    pub sex: Option<Sex>,
    /// Age in completed years.
    pub age: Option<u8>,
    pub citizenship: Option<Country>,
    pub country_of_exploitation: Option<Country>,
    pub year_of_registration: u16,
    pub exploitation: Exploitation,
    /// What is shared without being a quasi-identifier.
    pub attributes: A,
}

/// One person's record after anonymisation.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct AnonymisedRecord<A> {
    pub sex: Shown<Sex>,
    pub age: AgeValue,
    pub citizenship: PlaceValue,
    pub country_of_exploitation: PlaceValue,
    pub year_of_registration: YearValue,
    pub exploitation: Shown<Exploitation>,
    pub attributes: A,
}

/// A value as shown, not recorded in the first place, or withheld. A withheld attribute is
/// withheld on every record, those without a value included: "not recorded" is shown only
/// while the attribute is not withheld.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Shown<T> {
    Value(T),
    NotRecorded,
    Withheld,
}

/// The CTDC age bands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum AgeBand {
    From0To8,
    From9To17,
    From18To20,
    From21To23,
    From24To26,
    From27To29,
    From30To38,
    From39To47,
    From48,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AgeValue {
    Years(u8),
    Band(AgeBand),
    Group(AgeGroup),
    /// Not recorded, at a level below withheld.
    NotRecorded,
    Withheld,
}

/// A country, generalised or not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlaceValue {
    Country(Country),
    SubRegion(SubRegion),
    Region(Region),
    /// A country M49 places in no region (Antarctica, Taiwan), once generalised.
    NoRegion,
    /// Not recorded, at a level below withheld.
    NotRecorded,
    Withheld,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum YearValue {
    Year(u16),
    /// The first and the last year of a range.
    Range(u16, u16),
    Withheld,
}

/// How far each quasi-identifier is generalised: a level of its hierarchy, 0 the value as
/// recorded (see the module documentation).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Generalisation {
    pub sex: SexLevel,
    pub age: AgeLevel,
    pub citizenship: PlaceLevel,
    pub country_of_exploitation: PlaceLevel,
    pub year_of_registration: YearLevel,
    pub exploitation: ExploitationLevel,
}

#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum SexLevel {
    #[default]
    Recorded,
    Withheld,
}

#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum AgeLevel {
    #[default]
    Years,
    Band,
    ChildOrAdult,
    Withheld,
}

#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum PlaceLevel {
    #[default]
    Country,
    SubRegion,
    Region,
    Withheld,
}

#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum YearLevel {
    #[default]
    Year,
    TwoYears,
    FourYears,
    Withheld,
}

#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum ExploitationLevel {
    #[default]
    Recorded,
    Withheld,
}

/// What to achieve.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct AnonymiseConfig {
    pub k: u32,
    /// The largest share of the records that may be withheld as outliers.
    pub max_suppressed: f64,
    /// The least generalisation of each attribute (the CTDC export never shows single years of
    /// age, for instance).
    pub floor: Generalisation,
}

/// What was done: the generalisation chosen, how many records were withheld, and the k reached.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AnonymisationReport {
    pub k: u32,
    pub generalisation: Generalisation,
    pub records_in: usize,
    pub records_suppressed: usize,
    /// The size of the smallest group of records sharing their quasi-identifiers in the
    /// output; `None` when nothing is output.
    pub k_achieved: Option<u32>,
    pub equivalence_classes: usize,
}

/// Records that cannot be anonymised as asked.
#[derive(Clone, Debug, Error, PartialEq)]
pub enum AnonymiseError {
    #[error("k must be at least 1")]
    ZeroK,
    #[error("the share of records that may be withheld must be between 0 and 1, not {0}")]
    BadSuppressionLimit(f64),
    #[error("record {record}: an age of {age} years is above {MAX_AGE}")]
    AgeOutOfRange { record: usize, age: u8 },
    #[error("record {record}: the year of registration {year} is outside 1900–2199")]
    YearOutOfRange { record: usize, year: u16 },
    #[error(
        "{records} records cannot be {k}-anonymous: even with every attribute withheld they are \
         fewer than k, and withholding them all exceeds the limit"
    )]
    Unattainable { records: usize, k: u32 },
}

impl AnonymiseConfig {
    /// k-anonymity with at most [`DEFAULT_MAX_SUPPRESSED`] of the records withheld and no floor.
    pub fn new(k: u32) -> Self {
        Self {
            k,
            max_suppressed: DEFAULT_MAX_SUPPRESSED,
            floor: Generalisation::default(),
        }
    }
}

/// Anonymises records: generalises their quasi-identifiers until every combination is shared by
/// at least k records apart from at most the allowed share, withholds those, and returns the
/// others in their original order with a report.
pub fn anonymise<A: Clone>(
    records: &[MicroRecord<A>],
    config: &AnonymiseConfig,
) -> Result<(Vec<AnonymisedRecord<A>>, AnonymisationReport), AnonymiseError> {
    if config.k == 0 {
        return Err(AnonymiseError::ZeroK);
    }
    if !(0.0..=1.0).contains(&config.max_suppressed) {
        return Err(AnonymiseError::BadSuppressionLimit(config.max_suppressed));
    }
    let keys = records
        .iter()
        .enumerate()
        .map(|(i, r)| base_key(i + 1, r))
        .collect::<Result<Vec<_>, _>>()?;
    let floor = Levels::from(config.floor);
    // Keys stay as recorded here: every generalisation is computed from the recorded values.
    let mut combinations: HashMap<u64, u32, RandomState> = HashMap::default();
    for &key in &keys {
        *combinations.entry(key).or_insert(0) += 1;
    }
    let combinations: Vec<(u64, u32)> = combinations.into_iter().collect();
    let limit = (config.max_suppressed * records.len() as f64).floor() as usize;
    let search = Search {
        combinations: &combinations,
        k: config.k,
        limit,
    };
    let chosen = search.run(floor).ok_or(AnonymiseError::Unattainable {
        records: records.len(),
        k: config.k,
    })?;
    let classes = search.classes(chosen);
    let mut output = Vec::with_capacity(records.len());
    for (record, &key) in records.iter().zip(&keys) {
        let key = generalise(key, chosen);
        if classes.get(&key).is_some_and(|&n| n >= config.k) {
            output.push(decode(key, record.attributes.clone()));
        }
    }
    let kept: Vec<u32> = classes
        .values()
        .copied()
        .filter(|&n| n >= config.k)
        .collect();
    let report = AnonymisationReport {
        k: config.k,
        generalisation: chosen.into(),
        records_in: records.len(),
        records_suppressed: records.len() - output.len(),
        k_achieved: kept.iter().copied().min(),
        equivalence_classes: kept.len(),
    };
    Ok((output, report))
}

impl AgeBand {
    pub const ALL: [AgeBand; 9] = [
        Self::From0To8,
        Self::From9To17,
        Self::From18To20,
        Self::From21To23,
        Self::From24To26,
        Self::From27To29,
        Self::From30To38,
        Self::From39To47,
        Self::From48,
    ];

    pub fn of_age(years: u8) -> Self {
        match years {
            0..=8 => Self::From0To8,
            9..=17 => Self::From9To17,
            18..=20 => Self::From18To20,
            21..=23 => Self::From21To23,
            24..=26 => Self::From24To26,
            27..=29 => Self::From27To29,
            30..=38 => Self::From30To38,
            39..=47 => Self::From39To47,
            _ => Self::From48,
        }
    }

    /// Child or adult: the bands do not straddle 18.
    pub fn group(self) -> AgeGroup {
        match self {
            Self::From0To8 | Self::From9To17 => AgeGroup::Child,
            _ => AgeGroup::Adult,
        }
    }
}

// The search works on compact keys: each record's quasi-identifiers as codes packed into a u64,
// one field per attribute. Within a field, codes from 0 up are the values as recorded; higher
// codes are their generalisations, then "not recorded", then "withheld". "Not recorded" is a
// value of its own at every level but the top, where it is withheld with the rest.

/// The attributes, in the order of their fields and of the levels.
const ATTRIBUTES: usize = 6;
const SEX: usize = 0;
const AGE: usize = 1;
const CITIZENSHIP: usize = 2;
const EXPLOITATION_COUNTRY: usize = 3;
const YEAR: usize = 4;
const FORMS: usize = 5;

/// Field offsets and widths, in bits.
const SHIFT: [u32; ATTRIBUTES] = [0, 4, 12, 21, 30, 40];
const WIDTH: [u32; ATTRIBUTES] = [4, 8, 9, 9, 10, 4];
/// The top level of each attribute's hierarchy: withheld.
const TOP: [u8; ATTRIBUTES] = [1, 3, 3, 3, 3, 1];

// Codes of sex: 0–2 the sexes, then these.
const SEX_NOT_RECORDED: u16 = 3;
const SEX_WITHHELD: u16 = 4;
// Codes of age: years 0–MAX_AGE, then the bands, the two groups, and these.
const AGE_BAND: u16 = MAX_AGE as u16 + 1;
const AGE_GROUP: u16 = AGE_BAND + 9;
const AGE_NOT_RECORDED: u16 = AGE_GROUP + 2;
const AGE_WITHHELD: u16 = AGE_NOT_RECORDED + 1;
// Codes of places: the countries' numbers, then sub-regions, regions, and these.
const SUB_REGION: u16 = 256;
const REGION: u16 = SUB_REGION + 17;
const NO_REGION: u16 = REGION + 5;
const PLACE_NOT_RECORDED: u16 = NO_REGION + 1;
const PLACE_WITHHELD: u16 = PLACE_NOT_RECORDED + 1;
// Codes of years: year − 1900, then two-year ranges, four-year ranges, and withheld.
const YEAR_COUNT: u16 = 300;
const TWO_YEARS: u16 = YEAR_COUNT;
const FOUR_YEARS: u16 = TWO_YEARS + YEAR_COUNT / 2;
const YEAR_WITHHELD: u16 = FOUR_YEARS + YEAR_COUNT / 4;
// Codes of forms of exploitation: the three flags as bits, then withheld.
const FORMS_WITHHELD: u16 = 8;

/// One level per attribute, in the order of [`ATTRIBUTES`].
type Levels = [u8; ATTRIBUTES];

impl From<Generalisation> for Levels {
    fn from(g: Generalisation) -> Self {
        [
            g.sex as u8,
            g.age as u8,
            g.citizenship as u8,
            g.country_of_exploitation as u8,
            g.year_of_registration as u8,
            g.exploitation as u8,
        ]
    }
}

impl From<Levels> for Generalisation {
    fn from(levels: Levels) -> Self {
        let place = |l: u8| match l {
            0 => PlaceLevel::Country,
            1 => PlaceLevel::SubRegion,
            2 => PlaceLevel::Region,
            _ => PlaceLevel::Withheld,
        };
        Self {
            sex: if levels[SEX] == 0 {
                SexLevel::Recorded
            } else {
                SexLevel::Withheld
            },
            age: match levels[AGE] {
                0 => AgeLevel::Years,
                1 => AgeLevel::Band,
                2 => AgeLevel::ChildOrAdult,
                _ => AgeLevel::Withheld,
            },
            citizenship: place(levels[CITIZENSHIP]),
            country_of_exploitation: place(levels[EXPLOITATION_COUNTRY]),
            year_of_registration: match levels[YEAR] {
                0 => YearLevel::Year,
                1 => YearLevel::TwoYears,
                2 => YearLevel::FourYears,
                _ => YearLevel::Withheld,
            },
            exploitation: if levels[FORMS] == 0 {
                ExploitationLevel::Recorded
            } else {
                ExploitationLevel::Withheld
            },
        }
    }
}

/// The search over generalisations of the counted combinations.
struct Search<'a> {
    combinations: &'a [(u64, u32)],
    k: u32,
    limit: usize,
}

impl Search<'_> {
    /// Datafly up from the floor, then walking back down; `None` if even the top does not do.
    fn run(&self, floor: Levels) -> Option<Levels> {
        let mut levels = floor;
        loop {
            let classes = self.classes(levels);
            if self.outliers(&classes) <= self.limit {
                break;
            }
            let distinct = distinct_values(&classes);
            let next = (0..ATTRIBUTES)
                .filter(|&a| levels[a] < TOP[a])
                .max_by_key(|&a| (distinct[a], std::cmp::Reverse(a)))?;
            levels[next] += 1;
        }
        loop {
            let best = (0..ATTRIBUTES)
                .filter(|&a| levels[a] > floor[a])
                .filter_map(|a| {
                    let mut lower = levels;
                    lower[a] -= 1;
                    let outliers = self.outliers(&self.classes(lower));
                    (outliers <= self.limit).then_some((outliers, a, lower))
                })
                .min_by_key(|&(outliers, a, _)| (outliers, a));
            match best {
                Some((_, _, lower)) => levels = lower,
                None => return Some(levels),
            }
        }
    }

    /// The size of each group of records sharing their generalised quasi-identifiers.
    fn classes(&self, levels: Levels) -> HashMap<u64, u32, RandomState> {
        let mut classes: HashMap<u64, u32, RandomState> =
            HashMap::with_capacity_and_hasher(self.combinations.len(), RandomState::default());
        for &(key, count) in self.combinations {
            *classes.entry(generalise(key, levels)).or_insert(0) += count;
        }
        classes
    }

    fn outliers(&self, classes: &HashMap<u64, u32, RandomState>) -> usize {
        classes
            .values()
            .filter(|&&n| n < self.k)
            .map(|&n| n as usize)
            .sum()
    }
}

/// How many distinct codes each attribute takes among the groups.
fn distinct_values(classes: &HashMap<u64, u32, RandomState>) -> [usize; ATTRIBUTES] {
    let mut seen: Vec<Vec<bool>> = WIDTH.iter().map(|&w| vec![false; 1 << w]).collect();
    for &key in classes.keys() {
        for (a, field) in seen.iter_mut().enumerate() {
            field[usize::from(code(key, a))] = true;
        }
    }
    let mut distinct = [0; ATTRIBUTES];
    for (d, field) in distinct.iter_mut().zip(&seen) {
        *d = field.iter().filter(|&&s| s).count();
    }
    distinct
}

fn code(key: u64, attribute: usize) -> u16 {
    ((key >> SHIFT[attribute]) & ((1 << WIDTH[attribute]) - 1)) as u16
}

fn pack(codes: [u16; ATTRIBUTES]) -> u64 {
    codes
        .iter()
        .zip(SHIFT)
        .map(|(&c, s)| u64::from(c) << s)
        .sum()
}

/// A record's quasi-identifiers as recorded, checked.
fn base_key<A>(number: usize, record: &MicroRecord<A>) -> Result<u64, AnonymiseError> {
    let age = match record.age {
        Some(age) if age > MAX_AGE => {
            return Err(AnonymiseError::AgeOutOfRange {
                record: number,
                age,
            });
        }
        Some(age) => u16::from(age),
        None => AGE_NOT_RECORDED,
    };
    let year = record.year_of_registration;
    if !YEARS.contains(&year) {
        return Err(AnonymiseError::YearOutOfRange {
            record: number,
            year,
        });
    }
    let place = |c: Option<Country>| c.map_or(PLACE_NOT_RECORDED, |c| u16::from(c.number()));
    let e = record.exploitation;
    Ok(pack([
        record.sex.map_or(SEX_NOT_RECORDED, |s| s as u16),
        age,
        place(record.citizenship),
        place(record.country_of_exploitation),
        year - YEARS.start(),
        u16::from(e.sexual) | u16::from(e.forced_labour) << 1 | u16::from(e.other) << 2,
    ]))
}

/// Generalises a key of values as recorded (never an already generalised one) to the given
/// levels.
fn generalise(key: u64, levels: Levels) -> u64 {
    let mut codes = [0u16; ATTRIBUTES];
    for (a, c) in codes.iter_mut().enumerate() {
        *c = generalise_code(a, code(key, a), levels[a]);
    }
    pack(codes)
}

fn generalise_code(attribute: usize, code: u16, level: u8) -> u16 {
    match attribute {
        SEX if level == 0 => code,
        SEX => SEX_WITHHELD,
        // Withheld, a value not recorded is withheld like the others: the file no longer says
        // whether there was a value, so the records need not be told apart.
        AGE if level >= TOP[AGE] => AGE_WITHHELD,
        AGE if code == AGE_NOT_RECORDED || level == 0 => code,
        AGE => {
            let band = AgeBand::of_age(code as u8);
            match level {
                1 => AGE_BAND + band as u16,
                _ => AGE_GROUP + band.group() as u16,
            }
        }
        CITIZENSHIP | EXPLOITATION_COUNTRY if level >= TOP[attribute] => PLACE_WITHHELD,
        CITIZENSHIP | EXPLOITATION_COUNTRY if code == PLACE_NOT_RECORDED || level == 0 => code,
        CITIZENSHIP | EXPLOITATION_COUNTRY => {
            let sub_region = Country::from_number(code as u8).and_then(Country::sub_region);
            match (level, sub_region) {
                (_, None) => NO_REGION,
                (1, Some(s)) => SUB_REGION + s as u16,
                (_, Some(s)) => REGION + s.region() as u16,
            }
        }
        YEAR => match level {
            0 => code,
            1 => TWO_YEARS + code / 2,
            2 => FOUR_YEARS + code / 4,
            _ => YEAR_WITHHELD,
        },
        _ if level == 0 => code,
        _ => FORMS_WITHHELD,
    }
}

/// The record shown for a generalised key.
fn decode<A>(key: u64, attributes: A) -> AnonymisedRecord<A> {
    let sex = match code(key, SEX) {
        SEX_NOT_RECORDED => Shown::NotRecorded,
        SEX_WITHHELD => Shown::Withheld,
        0 => Shown::Value(Sex::Female),
        1 => Shown::Value(Sex::Male),
        _ => Shown::Value(Sex::Other),
    };
    let age = match code(key, AGE) {
        AGE_NOT_RECORDED => AgeValue::NotRecorded,
        AGE_WITHHELD => AgeValue::Withheld,
        c if c >= AGE_GROUP => AgeValue::Group(if c == AGE_GROUP {
            AgeGroup::Child
        } else {
            AgeGroup::Adult
        }),
        c if c >= AGE_BAND => AgeValue::Band(AgeBand::ALL[usize::from(c - AGE_BAND)]),
        c => AgeValue::Years(c as u8),
    };
    let place = |c: u16| match c {
        PLACE_NOT_RECORDED => PlaceValue::NotRecorded,
        PLACE_WITHHELD => PlaceValue::Withheld,
        NO_REGION => PlaceValue::NoRegion,
        c if c >= REGION => PlaceValue::Region(Region::ALL[usize::from(c - REGION)]),
        c if c >= SUB_REGION => PlaceValue::SubRegion(SubRegion::ALL[usize::from(c - SUB_REGION)]),
        c => Country::from_number(c as u8).map_or(PlaceValue::NoRegion, PlaceValue::Country),
    };
    let first = *YEARS.start();
    let year = match code(key, YEAR) {
        YEAR_WITHHELD => YearValue::Withheld,
        c if c >= FOUR_YEARS => {
            let start = first + (c - FOUR_YEARS) * 4;
            YearValue::Range(start, start + 3)
        }
        c if c >= TWO_YEARS => {
            let start = first + (c - TWO_YEARS) * 2;
            YearValue::Range(start, start + 1)
        }
        c => YearValue::Year(first + c),
    };
    let exploitation = match code(key, FORMS) {
        FORMS_WITHHELD => Shown::Withheld,
        c => Shown::Value(Exploitation {
            sexual: c & 1 != 0,
            forced_labour: c & 2 != 0,
            other: c & 4 != 0,
        }),
    };
    AnonymisedRecord {
        sex,
        age,
        citizenship: place(code(key, CITIZENSHIP)),
        country_of_exploitation: place(code(key, EXPLOITATION_COUNTRY)),
        year_of_registration: year,
        exploitation,
        attributes,
    }
}
