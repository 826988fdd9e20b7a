//! The linkage schema: which columns are hashed, how they are tokenised and how many bits each
//! token sets. The file format is clkhash's linkage schema v3 (JSON), read with clkhash's
//! semantics so that both produce the same filters.
//!
//! Haven adds one optional key per feature, `havenNormalisation` (see [`Normalisation`]); clkhash
//! ignores unknown feature keys, so a schema using it still validates there, but only parties
//! running Haven apply the normalisation.

use std::collections::BTreeSet;
use std::num::NonZeroU32;

use base64::Engine as _;
use serde::Deserialize;
use serde_json::Value;

use crate::normalise::Normalisation;

/// A parsed, validated linkage schema.
#[derive(Debug, Clone)]
pub struct LinkageSchema {
    filter_bits: usize,
    xor_folds: u32,
    kdf: KeyDerivation,
    fields: Vec<FieldSpec>,
}

/// One column of the input, in order.
#[derive(Debug, Clone)]
pub struct FieldSpec {
    pub identifier: String,
    /// `None` for an ignored column: it is read but contributes nothing.
    pub hashing: Option<FieldHashing>,
}

/// How a hashed column becomes bits in the filter.
#[derive(Debug, Clone)]
pub struct FieldHashing {
    pub format: FieldFormat,
    pub comparison: Comparison,
    pub strategy: Strategy,
    pub missing_value: Option<MissingValue>,
    pub normalisation: Normalisation,
}

/// What a value must look like; dates are also rewritten as `YYYYMMDD`, integers canonically.
#[derive(Debug, Clone)]
pub enum FieldFormat {
    Text(TextFormat),
    Integer {
        minimum: Option<i64>,
        maximum: Option<i64>,
    },
    /// A `strptime` pattern such as `%Y-%m-%d`.
    Date {
        pattern: String,
    },
    Enum {
        values: BTreeSet<String>,
    },
}

#[derive(Debug, Clone)]
pub struct TextFormat {
    pub ascii_only: bool,
    pub rule: TextRule,
}

/// clkhash allows either a regular expression or case and length limits, never both.
#[derive(Debug, Clone)]
pub enum TextRule {
    Pattern(regex::Regex),
    Limits {
        case: LetterCase,
        min_length: Option<usize>,
        max_length: Option<usize>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LetterCase {
    Upper,
    Lower,
    Mixed,
}

/// How a value is cut into tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Comparison {
    /// Character n-grams with `n - 1` spaces of padding on each side; positional n-grams are
    /// prefixed with their 1-based position, for postcodes and dates.
    Ngram { n: NonZeroU32, positional: bool },
    /// The whole value is one token.
    Exact,
}

/// How many bits each token sets: the field's weight in the similarity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strategy {
    BitsPerToken(NonZeroU32),
    /// Spread over the tokens, the first ones getting one more when it does not divide evenly.
    BitsPerFeature(NonZeroU32),
}

/// A sentinel value (often the empty string) hashed as `replace_with` without validation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissingValue {
    pub sentinel: String,
    pub replace_with: String,
}

/// HKDF parameters deriving one key per field from the shared secret.
#[derive(Debug, Clone)]
pub struct KeyDerivation {
    pub hash: KdfHash,
    pub salt: Option<Vec<u8>>,
    pub info: Option<Vec<u8>>,
    pub key_size: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KdfHash {
    Sha256,
    Sha512,
}

/// Why a schema was refused; the message names the feature and what is allowed.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct SchemaError(String);

impl LinkageSchema {
    /// Parses a clkhash v3 schema document.
    pub fn from_json(text: &str) -> Result<Self, SchemaError> {
        let document: Value =
            serde_json::from_str(text).map_err(|e| SchemaError(format!("not valid JSON: {e}")))?;
        Self::from_value(&document)
    }

    pub fn from_value(document: &Value) -> Result<Self, SchemaError> {
        let top: RawSchema = serde_json::from_value(document.clone())
            .map_err(|e| SchemaError(format!("top level: {e}")))?;
        if top.version != 3 {
            return Err(SchemaError(format!(
                "version: {} is not supported; allowed: 3 (clkhash linkage schema v3)",
                top.version
            )));
        }
        let config = top.clk_config;
        if config.xor_folds_camel.is_some() {
            // clkhash 0.18 documents `xorFolds` but reads `xor_folds`; honouring the documented key
            // would make Haven's filters differ from clkhash's for the same schema.
            return Err(SchemaError(
                "clkConfig.xorFolds: clkhash ignores this key and reads `xor_folds`; use `xor_folds`"
                    .into(),
            ));
        }
        let xor_folds = config.xor_folds.unwrap_or(0);
        let filter_bits = config.l;
        let hashed_bits = filter_bits.checked_shl(xor_folds).unwrap_or(0);
        if filter_bits < 8
            || !filter_bits.is_power_of_two()
            || hashed_bits > 1 << 16
            || hashed_bits == 0
        {
            return Err(SchemaError(format!(
                "clkConfig.l: {filter_bits} with xor_folds {xor_folds}; allowed: a power of two of at \
                 least 8 whose unfolded length l·2^xor_folds is at most 65536"
            )));
        }
        let kdf = parse_kdf(config.kdf)?;
        let fields = top
            .features
            .iter()
            .enumerate()
            .map(|(position, feature)| parse_feature(position, feature))
            .collect::<Result<Vec<_>, _>>()?;
        // HKDF yields at most 255 hash lengths; clkhash derives two keys per field.
        let needed = fields.len() * 2 * kdf.key_size;
        let limit = 255 * kdf.hash.output_len();
        if needed > limit {
            return Err(SchemaError(format!(
                "features: {} fields need {needed} bytes of key material; allowed: at most {limit} with \
                 this kdf (fewer fields or a smaller keySize)",
                fields.len()
            )));
        }
        Ok(LinkageSchema {
            filter_bits,
            xor_folds,
            kdf,
            fields,
        })
    }

    /// Length of the encoded filters in bits, after folding.
    pub fn filter_bits(&self) -> usize {
        self.filter_bits
    }

    pub fn xor_folds(&self) -> u32 {
        self.xor_folds
    }

    pub fn kdf(&self) -> &KeyDerivation {
        &self.kdf
    }

    pub fn fields(&self) -> &[FieldSpec] {
        &self.fields
    }
}

impl KdfHash {
    pub fn output_len(self) -> usize {
        match self {
            KdfHash::Sha256 => 32,
            KdfHash::Sha512 => 64,
        }
    }
}

impl Strategy {
    /// Bits to set for each of `tokens` tokens, in token order.
    pub fn bits_per_token(self, tokens: usize) -> impl Iterator<Item = u32> {
        let (base, extra) = match self {
            Strategy::BitsPerToken(k) => (k.get(), 0),
            Strategy::BitsPerFeature(total) => {
                let total = total.get() as usize;
                ((total / tokens.max(1)) as u32, total % tokens.max(1))
            }
        };
        (0..tokens).map(move |i| base + u32::from(i < extra))
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawSchema {
    version: i64,
    clk_config: RawClkConfig,
    features: Vec<Value>,
}

#[derive(Deserialize)]
struct RawClkConfig {
    l: usize,
    kdf: RawKdf,
    xor_folds: Option<u32>,
    #[serde(rename = "xorFolds")]
    xor_folds_camel: Option<Value>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct RawKdf {
    #[serde(rename = "type")]
    kind: String,
    hash: Option<String>,
    salt: Option<String>,
    info: Option<String>,
    key_size: Option<usize>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawFeature {
    identifier: String,
    #[serde(default)]
    ignored: bool,
    format: Option<RawFormat>,
    hashing: Option<RawHashing>,
    #[serde(default)]
    haven_normalisation: Normalisation,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct RawFormat {
    #[serde(rename = "type")]
    kind: String,
    encoding: Option<String>,
    case: Option<String>,
    min_length: Option<usize>,
    max_length: Option<usize>,
    pattern: Option<String>,
    minimum: Option<i64>,
    maximum: Option<i64>,
    format: Option<String>,
    values: Option<Vec<String>>,
    #[serde(rename = "description")]
    _description: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct RawHashing {
    comparison: RawComparison,
    strategy: RawStrategy,
    hash: Option<RawHash>,
    missing_value: Option<RawMissingValue>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawComparison {
    #[serde(rename = "type")]
    kind: String,
    n: Option<u32>,
    #[serde(default)]
    positional: bool,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct RawStrategy {
    bits_per_token: Option<u32>,
    bits_per_feature: Option<u32>,
}

#[derive(Deserialize)]
struct RawHash {
    #[serde(rename = "type")]
    kind: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawMissingValue {
    sentinel: String,
    replace_with: Option<String>,
}

fn parse_kdf(raw: RawKdf) -> Result<KeyDerivation, SchemaError> {
    if raw.kind != "HKDF" {
        return Err(SchemaError(format!(
            "clkConfig.kdf.type: {:?}; allowed: \"HKDF\"",
            raw.kind
        )));
    }
    let hash = match raw.hash.as_deref().unwrap_or("SHA256") {
        "SHA256" => KdfHash::Sha256,
        "SHA512" => KdfHash::Sha512,
        other => {
            return Err(SchemaError(format!(
                "clkConfig.kdf.hash: {other:?}; allowed: \"SHA256\", \"SHA512\""
            )));
        }
    };
    let decode = |name: &str, text: Option<String>| {
        text.map(|t| {
            base64::engine::general_purpose::STANDARD
                .decode(t.trim())
                .map_err(|e| SchemaError(format!("clkConfig.kdf.{name}: not base64 ({e})")))
        })
        .transpose()
    };
    let key_size = raw.key_size.unwrap_or(64);
    // The keys feed keyed BLAKE2b, which takes at most 64 bytes of key.
    if !(1..=64).contains(&key_size) {
        return Err(SchemaError(format!(
            "clkConfig.kdf.keySize: {key_size}; allowed: 1 to 64 (bytes of BLAKE2b key)"
        )));
    }
    Ok(KeyDerivation {
        hash,
        salt: decode("salt", raw.salt)?,
        info: decode("info", raw.info)?,
        key_size,
    })
}

fn parse_feature(position: usize, value: &Value) -> Result<FieldSpec, SchemaError> {
    let name = value
        .get("identifier")
        .and_then(Value::as_str)
        .unwrap_or("?")
        .to_owned();
    let fail = |what: String| SchemaError(format!("feature {position} ({name:?}): {what}"));
    let raw: RawFeature = serde_json::from_value(value.clone()).map_err(|e| fail(e.to_string()))?;
    if raw.ignored {
        return Ok(FieldSpec {
            identifier: raw.identifier,
            hashing: None,
        });
    }
    let (Some(format), Some(hashing)) = (raw.format, raw.hashing) else {
        return Err(fail(
            "needs `format` and `hashing`, or `\"ignored\": true`".into(),
        ));
    };
    if let Some(hash) = &hashing.hash
        && hash.kind != "blakeHash"
    {
        return Err(fail(format!(
            "hashing.hash.type {:?} is not supported; allowed: \"blakeHash\"",
            hash.kind
        )));
    }
    let comparison = match hashing.comparison.kind.as_str() {
        "ngram" => {
            let n = hashing
                .comparison
                .n
                .and_then(NonZeroU32::new)
                .ok_or_else(|| {
                    fail("hashing.comparison.n: allowed: an integer of at least 1".into())
                })?;
            Comparison::Ngram {
                n,
                positional: hashing.comparison.positional,
            }
        }
        "exact" => Comparison::Exact,
        other => {
            return Err(fail(format!(
                "hashing.comparison.type {other:?} is not supported; allowed: \"ngram\", \"exact\""
            )));
        }
    };
    let strategy = match (
        hashing.strategy.bits_per_token,
        hashing.strategy.bits_per_feature,
    ) {
        (Some(k), None) => NonZeroU32::new(k).map(Strategy::BitsPerToken),
        (None, Some(total)) => NonZeroU32::new(total).map(Strategy::BitsPerFeature),
        _ => None,
    }
    .ok_or_else(|| {
        fail(
            "hashing.strategy: allowed: exactly one of bitsPerToken or bitsPerFeature, at least 1"
                .into(),
        )
    })?;
    let missing_value = hashing.missing_value.map(|m| MissingValue {
        replace_with: m.replace_with.unwrap_or_else(|| m.sentinel.clone()),
        sentinel: m.sentinel,
    });
    Ok(FieldSpec {
        identifier: raw.identifier,
        hashing: Some(FieldHashing {
            format: parse_format(format).map_err(fail)?,
            comparison,
            strategy,
            missing_value,
            normalisation: raw.haven_normalisation,
        }),
    })
}

fn parse_format(raw: RawFormat) -> Result<FieldFormat, String> {
    match raw.kind.as_str() {
        "string" => {
            let ascii_only = match raw.encoding.as_deref().unwrap_or("utf-8") {
                "utf-8" => false,
                "ascii" => true,
                other => {
                    return Err(format!(
                        "format.encoding {other:?} is not supported; allowed: \"utf-8\", \"ascii\""
                    ));
                }
            };
            let rule = match raw.pattern {
                Some(pattern) => {
                    if raw.case.is_some() || raw.min_length.is_some() || raw.max_length.is_some() {
                        return Err(
                            "format.pattern cannot be combined with case, minLength or maxLength"
                                .into(),
                        );
                    }
                    // Anchored: clkhash requires the whole value to match.
                    let anchored = format!("^(?:{pattern})$");
                    TextRule::Pattern(regex::Regex::new(&anchored).map_err(|e| {
                        format!("format.pattern is not a valid regular expression: {e}")
                    })?)
                }
                None => TextRule::Limits {
                    case: match raw.case.as_deref().unwrap_or("mixed") {
                        "upper" => LetterCase::Upper,
                        "lower" => LetterCase::Lower,
                        "mixed" => LetterCase::Mixed,
                        other => {
                            return Err(format!(
                                "format.case {other:?}; allowed: \"upper\", \"lower\", \"mixed\""
                            ));
                        }
                    },
                    min_length: raw.min_length,
                    max_length: raw.max_length,
                },
            };
            Ok(FieldFormat::Text(TextFormat { ascii_only, rule }))
        }
        "integer" => Ok(FieldFormat::Integer {
            minimum: raw.minimum,
            maximum: raw.maximum,
        }),
        "date" => raw
            .format
            .map(|pattern| FieldFormat::Date { pattern })
            .ok_or_else(|| {
                "format.format: a date needs a strptime pattern such as \"%Y-%m-%d\"".into()
            }),
        "enum" => raw
            .values
            .map(|values| FieldFormat::Enum {
                values: values.into_iter().collect(),
            })
            .ok_or_else(|| "format.values: an enum needs its list of values".into()),
        other => Err(format!(
            "format.type {other:?}; allowed: \"string\", \"integer\", \"date\", \"enum\""
        )),
    }
}
