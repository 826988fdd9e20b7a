//! Screening input: parsed from JSON into facts whose every id is checked against the catalogue.
//!
//! Parse, don't validate: once a `ScreeningInput` exists, every id in it names a catalogue entry,
//! every answer is yes/no/unknown, and the fields that no rule may read (consent, willingness to
//! cooperate) sit apart in `RecordedStatements`, which the engine never receives.

use serde_json::{Map, Value};

use super::catalogue::{Catalogue, CatalogueEntry, Indicator, Purpose};
use crate::htcds::Gender;

/// The input of one screening, split into what the rules read and what is only recorded.
#[derive(Debug, Clone)]
pub struct ScreeningInput<'c> {
    pub facts: ScreeningFacts<'c>,
    pub statements: RecordedStatements,
}

/// Everything the identification rules may read.
#[derive(Debug, Clone)]
pub struct ScreeningFacts<'c> {
    pub age: Age,
    pub sex: Sex,
    pub palermo: PalermoFacts<'c>,
    /// The indicators that were answered, each once, in input order.
    pub indicators: Vec<(&'c Indicator, Answer)>,
    pub exploitation_type: ExploitationType,
    pub offences_as_consequence: Vec<&'c CatalogueEntry>,
    pub risk_indicators: Vec<&'c CatalogueEntry>,
    pub unaccompanied: bool,
    pub children_present: bool,
    pub family_involved: bool,
    pub smuggled: bool,
    pub seeks_international_protection: bool,
}

/// Statements kept for the file. They are legally irrelevant to identification (consent) or
/// must never condition assistance (cooperation), so no rule receives them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RecordedStatements {
    pub consent_given: Option<bool>,
    pub willing_to_cooperate: Option<bool>,
    pub consents_to_referral: Option<bool>,
}

impl RecordedStatements {
    /// The input field names this struct holds; the catalogue's `routing.never_read` must match.
    pub const FIELDS: [&'static str; 3] = [
        "consent_given",
        "willing_to_cooperate",
        "consents_to_referral",
    ];
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Age {
    /// Established age in years; `None` when the age is not established.
    pub years: Option<u8>,
    pub basis: AgeBasis,
    /// The age the person gives, used when `years` is not established.
    pub claimed_years: Option<u8>,
    pub reasons_to_believe_minor: bool,
    /// An impression only: kept for the file, never decisive.
    pub apparent_age_range: Option<(u8, u8)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AgeBasis {
    Document,
    Claimed,
    Assessment,
    Observed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sex {
    Female,
    Male,
    Other,
    Unknown,
}

impl Sex {
    /// The sex as a screening input spells it (`female`, `male`, `other`, `unknown`).
    pub fn parse(id: &str) -> Option<Sex> {
        SEXES
            .iter()
            .find(|(spelling, _)| *spelling == id)
            .map(|(_, sex)| *sex)
    }

    /// The HTCDS `prs_Gender` code a screening's sex stands for, as the case and the service
    /// directory record gender. A screening knows four values only: `other` is someone outside
    /// the two, gender non-conforming in HTCDS; `unknown` stays unknown.
    pub fn gender(self) -> Gender {
        match self {
            Sex::Female => Gender::Feminine,
            Sex::Male => Gender::Masculine,
            Sex::Other => Gender::NonConforming,
            Sex::Unknown => Gender::NonSpecifiedUnknown,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExploitationType {
    Labour,
    Sexual,
    /// Organ removal, adoption: not covered by the ILO/EC lists.
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    Yes,
    No,
    Unknown,
}

/// What is established of one Palermo element: the ids established, and whether more may be
/// present that is not known yet. A missing key and an element listed in `unknown` both leave
/// `more_unknown` set; an empty list without it means the element is established absent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recorded<T> {
    pub established: Vec<T>,
    pub more_unknown: bool,
}

#[derive(Debug, Clone)]
pub struct PalermoFacts<'c> {
    pub acts: Recorded<&'c CatalogueEntry>,
    pub means: Recorded<&'c CatalogueEntry>,
    pub purposes: Recorded<&'c Purpose>,
}

/// What is wrong with an input, naming the field and what is allowed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {problem}")]
pub struct InputError {
    pub field: String,
    pub problem: String,
}

impl<'c> ScreeningFacts<'c> {
    pub fn answered_yes(&self) -> impl Iterator<Item = &'c Indicator> + '_ {
        self.indicators
            .iter()
            .filter(|(_, answer)| *answer == Answer::Yes)
            .map(|(indicator, _)| *indicator)
    }

    pub fn is_yes(&self, indicator_id: &str) -> bool {
        self.answered_yes().any(|i| i.id == indicator_id)
    }

    pub fn has_purpose(&self, purpose_id: &str) -> bool {
        self.palermo
            .purposes
            .established
            .iter()
            .any(|p| p.entry.id == purpose_id)
    }
}

impl<'c> ScreeningInput<'c> {
    /// Parses a screening file: either the input object itself or an object with an `input`
    /// key (the layout of the screening examples, whose other keys are ignored).
    pub fn from_json_text(text: &str, catalogue: &'c Catalogue) -> Result<Self, InputError> {
        let value: Value = serde_json::from_str(text).map_err(|e| InputError {
            field: "(file)".into(),
            problem: format!("malformed JSON: {e}"),
        })?;
        match value.as_object() {
            Some(object) if object.contains_key("input") => {
                Self::from_json(&object["input"], "input", catalogue)
            }
            Some(_) => Self::from_json(&value, "", catalogue),
            None => Err(InputError {
                field: "(file)".into(),
                problem: format!(
                    "expected a JSON object (the screening input, or an object with an \"input\" key), found {}",
                    kind(&value)
                ),
            }),
        }
    }

    /// Parses the input object; `path` prefixes field names in errors.
    pub fn from_json(
        value: &Value,
        path: &str,
        catalogue: &'c Catalogue,
    ) -> Result<Self, InputError> {
        let p = Path(path.to_string());
        let object = p.object(value)?;
        if let Some(key) = object.keys().find(|k| !INPUT_FIELDS.contains(&k.as_str())) {
            return Err(p.field(key).error(format!(
                "unknown field; allowed: {}",
                INPUT_FIELDS.join(", ")
            )));
        }
        let age = parse_age(object, &p)?;
        let sex = p.field("sex").choice(p.required(object, "sex")?, &SEXES)?;
        let palermo = parse_palermo(
            p.required(object, "palermo")?,
            &p.field("palermo"),
            catalogue,
        )?;
        let exploitation_type = p.field("exploitation_type").choice(
            p.required(object, "exploitation_type")?,
            &EXPLOITATION_TYPES,
        )?;
        let indicators = match object.get("indicators") {
            None | Some(Value::Null) => Vec::new(),
            Some(v) => parse_indicators(v, &p.field("indicators"), catalogue)?,
        };
        let offences_as_consequence = id_list(
            object.get("offences_as_consequence"),
            &p.field("offences_as_consequence"),
            "offence id",
            |id| catalogue.offence(id),
            catalogue.offences.iter().map(|e| e.id.as_str()),
        )?;
        let risk_indicators = id_list(
            object.get("risk_indicators"),
            &p.field("risk_indicators"),
            "risk indicator id",
            |id| catalogue.risk(id),
            catalogue.risks.iter().map(|e| e.id.as_str()),
        )?;
        let flag = |name: &str| -> Result<Option<bool>, InputError> {
            p.field(name).optional_bool(object.get(name))
        };
        Ok(ScreeningInput {
            facts: ScreeningFacts {
                age,
                sex,
                palermo,
                indicators,
                exploitation_type,
                offences_as_consequence,
                risk_indicators,
                unaccompanied: flag("unaccompanied")?.unwrap_or(false),
                children_present: flag("children_present")?.unwrap_or(false),
                family_involved: flag("family_involved")?.unwrap_or(false),
                smuggled: flag("smuggled")?.unwrap_or(false),
                seeks_international_protection: flag("seeks_international_protection")?
                    .unwrap_or(false),
            },
            statements: RecordedStatements {
                consent_given: flag("consent_given")?,
                willing_to_cooperate: flag("willing_to_cooperate")?,
                consents_to_referral: flag("consents_to_referral")?,
            },
        })
    }
}

const INPUT_FIELDS: [&str; 15] = [
    "age",
    "sex",
    "palermo",
    "indicators",
    "exploitation_type",
    "offences_as_consequence",
    "risk_indicators",
    "unaccompanied",
    "children_present",
    "family_involved",
    "smuggled",
    "seeks_international_protection",
    "consent_given",
    "willing_to_cooperate",
    "consents_to_referral",
];

const SEXES: [(&str, Sex); 4] = [
    ("female", Sex::Female),
    ("male", Sex::Male),
    ("other", Sex::Other),
    ("unknown", Sex::Unknown),
];

const EXPLOITATION_TYPES: [(&str, ExploitationType); 3] = [
    ("labour", ExploitationType::Labour),
    ("sexual", ExploitationType::Sexual),
    ("other", ExploitationType::Other),
];

const AGE_BASES: [(&str, AgeBasis); 4] = [
    ("document", AgeBasis::Document),
    ("claimed", AgeBasis::Claimed),
    ("assessment", AgeBasis::Assessment),
    ("observed", AgeBasis::Observed),
];

const ANSWERS: [(&str, Answer); 3] = [
    ("yes", Answer::Yes),
    ("no", Answer::No),
    ("unknown", Answer::Unknown),
];

const AGE_FIELDS: [&str; 5] = [
    "years",
    "basis",
    "claimed_years",
    "reasons_to_believe_minor",
    "apparent_age_range",
];

const PALERMO_FIELDS: [&str; 4] = ["acts", "means", "purposes", "unknown"];

/// The oldest age Haven accepts; anything above is a typing error.
const MAX_AGE: u64 = 120;

fn parse_age(object: &Map<String, Value>, p: &Path) -> Result<Age, InputError> {
    let ap = p.field("age");
    let age = ap.object(p.required(object, "age")?)?;
    if let Some(key) = age.keys().find(|k| !AGE_FIELDS.contains(&k.as_str())) {
        return Err(ap
            .field(key)
            .error(format!("unknown field; allowed: {}", AGE_FIELDS.join(", "))));
    }
    let years = ap.field("years").optional_age(ap.required(age, "years")?)?;
    let basis = ap
        .field("basis")
        .choice(ap.required(age, "basis")?, &AGE_BASES)?;
    let claimed_years = match age.get("claimed_years") {
        None => None,
        Some(v) => ap.field("claimed_years").optional_age(v)?,
    };
    let reasons_to_believe_minor = ap
        .field("reasons_to_believe_minor")
        .optional_bool(age.get("reasons_to_believe_minor"))?
        .unwrap_or(false);
    let apparent_age_range = match age.get("apparent_age_range") {
        None | Some(Value::Null) => None,
        Some(v) => {
            let rp = ap.field("apparent_age_range");
            let range = match v.as_array().map(Vec::as_slice) {
                Some([lo, hi]) => (rp.index(0).age(lo)?, rp.index(1).age(hi)?),
                _ => {
                    return Err(rp.error(format!(
                        "expected [lowest, highest] ages in years, found {}",
                        kind(v)
                    )));
                }
            };
            if range.0 > range.1 {
                return Err(rp.error("the lowest age is above the highest".into()));
            }
            Some(range)
        }
    };
    Ok(Age {
        years,
        basis,
        claimed_years,
        reasons_to_believe_minor,
        apparent_age_range,
    })
}

fn parse_palermo<'c>(
    value: &Value,
    p: &Path,
    catalogue: &'c Catalogue,
) -> Result<PalermoFacts<'c>, InputError> {
    let object = p.object(value)?;
    if let Some(key) = object
        .keys()
        .find(|k| !PALERMO_FIELDS.contains(&k.as_str()))
    {
        return Err(p.field(key).error(format!(
            "unknown field; allowed: {}",
            PALERMO_FIELDS.join(", ")
        )));
    }
    let mut unknown = Vec::new();
    if let Some(v) = object.get("unknown") {
        let up = p.field("unknown");
        for (i, item) in up.array(v)?.iter().enumerate() {
            let name = up.index(i).choice(
                item,
                &[
                    ("acts", "acts"),
                    ("means", "means"),
                    ("purposes", "purposes"),
                ],
            )?;
            unknown.push(name);
        }
    }
    let recorded =
        |name: &str, ids: Option<&Value>| -> Result<(Option<Vec<String>>, bool), InputError> {
            let more_unknown = unknown.contains(&name) || ids.is_none();
            let ids = match ids {
                None => None,
                Some(v) => {
                    let lp = p.field(name);
                    let mut out = Vec::new();
                    for (i, item) in lp.array(v)?.iter().enumerate() {
                        out.push(lp.index(i).string(item)?.to_string());
                    }
                    Some(out)
                }
            };
            Ok((ids, more_unknown))
        };
    let (acts, acts_unknown) = recorded("acts", object.get("acts"))?;
    let (means, means_unknown) = recorded("means", object.get("means"))?;
    let (purposes, purposes_unknown) = recorded("purposes", object.get("purposes"))?;
    Ok(PalermoFacts {
        acts: Recorded {
            established: resolve(
                acts,
                &p.field("acts"),
                "act id",
                |id| catalogue.act(id),
                catalogue.acts.iter().map(|e| e.id.as_str()),
            )?,
            more_unknown: acts_unknown,
        },
        means: Recorded {
            established: resolve(
                means,
                &p.field("means"),
                "means id",
                |id| catalogue.mean(id),
                catalogue.means.iter().map(|e| e.id.as_str()),
            )?,
            more_unknown: means_unknown,
        },
        purposes: Recorded {
            established: resolve(
                purposes,
                &p.field("purposes"),
                "purpose id",
                |id| catalogue.purpose(id),
                catalogue.purposes.iter().map(|e| e.entry.id.as_str()),
            )?,
            more_unknown: purposes_unknown,
        },
    })
}

fn parse_indicators<'c>(
    value: &Value,
    p: &Path,
    catalogue: &'c Catalogue,
) -> Result<Vec<(&'c Indicator, Answer)>, InputError> {
    let object = p.object(value)?;
    let mut out = Vec::with_capacity(object.len());
    for (id, answer) in object {
        let ip = p.field(id);
        let indicator = catalogue.indicator(id).ok_or_else(|| {
            ip.error(unknown_id_problem(
                "ILO indicator id",
                id,
                catalogue.indicators.iter().map(|i| i.id.as_str()),
            ))
        })?;
        out.push((indicator, ip.choice(answer, &ANSWERS)?));
    }
    Ok(out)
}

/// Parses an optional list of ids; a missing key is an empty list.
fn id_list<'c, T: 'c>(
    value: Option<&Value>,
    p: &Path,
    what: &str,
    lookup: impl Fn(&str) -> Option<&'c T>,
    allowed: impl Iterator<Item = &'c str> + Clone,
) -> Result<Vec<&'c T>, InputError> {
    let ids = match value {
        None | Some(Value::Null) => return Ok(Vec::new()),
        Some(v) => {
            let mut out = Vec::new();
            for (i, item) in p.array(v)?.iter().enumerate() {
                out.push(p.index(i).string(item)?.to_string());
            }
            out
        }
    };
    resolve(Some(ids), p, what, lookup, allowed)
}

fn resolve<'c, T: 'c>(
    ids: Option<Vec<String>>,
    p: &Path,
    what: &str,
    lookup: impl Fn(&str) -> Option<&'c T>,
    allowed: impl Iterator<Item = &'c str> + Clone,
) -> Result<Vec<&'c T>, InputError> {
    let mut out: Vec<&'c T> = Vec::new();
    for (i, id) in ids.unwrap_or_default().iter().enumerate() {
        let entry = lookup(id).ok_or_else(|| {
            p.index(i)
                .error(unknown_id_problem(what, id, allowed.clone()))
        })?;
        if !out.iter().any(|e| std::ptr::eq(*e, entry)) {
            out.push(entry);
        }
    }
    Ok(out)
}

fn unknown_id_problem<'a>(what: &str, id: &str, allowed: impl Iterator<Item = &'a str>) -> String {
    let allowed: Vec<&str> = allowed.collect();
    let suggestion = allowed
        .iter()
        .map(|candidate| (edit_distance(id, candidate), *candidate))
        .filter(|(distance, _)| *distance <= 3)
        .min()
        .map(|(_, candidate)| format!(" (did you mean {candidate:?}?)"))
        .unwrap_or_default();
    if allowed.len() <= 12 {
        format!(
            "unknown {what} {id:?}{suggestion}; allowed: {}",
            allowed.join(", ")
        )
    } else {
        format!(
            "unknown {what} {id:?}{suggestion}; allowed: the {} ids listed by `haven catalogue`",
            allowed.len()
        )
    }
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous + usize::from(ca != *cb);
            previous = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(row[j + 1] + 1);
        }
    }
    row[b.len()]
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// A field path such as `input.palermo.acts[2]`, with typed accessors that fail naming it.
struct Path(String);

impl Path {
    fn field(&self, name: &str) -> Path {
        if self.0.is_empty() {
            Path(name.to_string())
        } else {
            Path(format!("{}.{name}", self.0))
        }
    }

    fn index(&self, i: usize) -> Path {
        Path(format!("{}[{i}]", self.0))
    }

    fn error(&self, problem: String) -> InputError {
        let field = if self.0.is_empty() {
            "(input)".to_string()
        } else {
            self.0.clone()
        };
        InputError { field, problem }
    }

    fn required<'v>(
        &self,
        object: &'v Map<String, Value>,
        name: &str,
    ) -> Result<&'v Value, InputError> {
        object
            .get(name)
            .ok_or_else(|| self.field(name).error("required field is missing".into()))
    }

    fn object<'v>(&self, value: &'v Value) -> Result<&'v Map<String, Value>, InputError> {
        value
            .as_object()
            .ok_or_else(|| self.error(format!("expected an object, found {}", kind(value))))
    }

    fn array<'v>(&self, value: &'v Value) -> Result<&'v Vec<Value>, InputError> {
        value
            .as_array()
            .ok_or_else(|| self.error(format!("expected a list, found {}", kind(value))))
    }

    fn string<'v>(&self, value: &'v Value) -> Result<&'v str, InputError> {
        value
            .as_str()
            .ok_or_else(|| self.error(format!("expected a string id, found {}", kind(value))))
    }

    fn optional_bool(&self, value: Option<&Value>) -> Result<Option<bool>, InputError> {
        match value {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Bool(b)) => Ok(Some(*b)),
            Some(other) => {
                Err(self.error(format!("expected true or false, found {}", kind(other))))
            }
        }
    }

    fn age(&self, value: &Value) -> Result<u8, InputError> {
        match value.as_u64() {
            Some(years) if years <= MAX_AGE => Ok(years as u8),
            _ => Err(self.error(format!(
                "expected a whole number of years from 0 to {MAX_AGE}, found {value}"
            ))),
        }
    }

    fn optional_age(&self, value: &Value) -> Result<Option<u8>, InputError> {
        match value {
            Value::Null => Ok(None),
            other => self.age(other).map(Some).map_err(|mut e| {
                e.problem = format!("expected null (not established) or a whole number of years from 0 to {MAX_AGE}, found {other}");
                e
            }),
        }
    }

    fn choice<T: Copy>(&self, value: &Value, choices: &[(&str, T)]) -> Result<T, InputError> {
        let allowed = || {
            choices
                .iter()
                .map(|(name, _)| *name)
                .collect::<Vec<_>>()
                .join(", ")
        };
        let text = value.as_str().ok_or_else(|| {
            self.error(format!(
                "expected one of {}, found {}",
                allowed(),
                kind(value)
            ))
        })?;
        choices
            .iter()
            .find(|(name, _)| *name == text)
            .map(|(_, v)| *v)
            .ok_or_else(|| self.error(format!("{text:?} is not allowed; allowed: {}", allowed())))
    }
}
