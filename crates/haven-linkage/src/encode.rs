//! Records to filters, exactly as clkhash does it.
//!
//! For each hashed field: the value is normalised (Haven extension, off by default), checked
//! against its format and rewritten (dates as `YYYYMMDD`), cut into tokens, and each token sets
//! `k` bits chosen by keyed BLAKE2b under that field's key: the 64-byte digest of the token
//! (salted with the decimal index of the digest, for more than 32 bits) is read as 32
//! little-endian 16-bit numbers, each taken modulo the filter length. The per-field keys come from
//! the shared secret by HKDF. Filters are finally XOR-folded as the schema says.

use std::collections::HashMap;
use std::fmt::Write as _;

use hkdf::Hkdf;
use rayon::prelude::*;

use crate::clk::Clk;
use crate::schema::{
    Comparison, FieldFormat, FieldHashing, KdfHash, LetterCase, LinkageSchema, TextRule,
};

/// Encodes records under one schema and secret.
#[derive(Debug, Clone)]
pub struct ClkEncoder {
    schema: LinkageSchema,
    field_keys: Vec<Vec<u8>>,
}

/// Why a record could not be encoded; rows count from 0 (the first record after any header).
#[derive(Debug, thiserror::Error)]
pub enum EncodeError {
    #[error("row {row}: {found} columns; allowed: {expected}, one per schema feature")]
    ColumnCount {
        row: usize,
        expected: usize,
        found: usize,
    },
    #[error("row {row}, field {field:?}: {reason}")]
    InvalidValue {
        row: usize,
        field: String,
        reason: String,
    },
}

impl ClkEncoder {
    /// Derives the field keys from the secret (the shared secret's bytes, e.g. UTF-8 text).
    pub fn new(schema: LinkageSchema, secret: &[u8]) -> Self {
        let field_keys = derive_field_keys(&schema, secret);
        ClkEncoder { schema, field_keys }
    }

    pub fn schema(&self) -> &LinkageSchema {
        &self.schema
    }

    /// Encodes one record, given as its columns in schema order.
    pub fn encode<S: AsRef<str>>(&self, row: usize, record: &[S]) -> Result<Clk, EncodeError> {
        self.encode_reusing(row, record, &mut Scratch::default())
    }

    /// Encodes many records in parallel; `progress` is told how many records each finished chunk
    /// held.
    pub fn encode_all<R, S>(
        &self,
        records: &[R],
        progress: &(dyn Fn(usize) + Sync),
    ) -> Result<Vec<Clk>, EncodeError>
    where
        R: AsRef<[S]> + Sync,
        S: AsRef<str>,
    {
        // A few large chunks per thread, so that each chunk's cache warms up and then hits.
        let chunk_len = records
            .len()
            .div_ceil(4 * rayon::current_num_threads())
            .max(1024);
        let chunks: Vec<Vec<Clk>> = records
            .par_chunks(chunk_len)
            .enumerate()
            .map(|(chunk, rows)| {
                let mut scratch = Scratch::default();
                let mut clks = Vec::with_capacity(rows.len());
                for (i, record) in rows.iter().enumerate() {
                    clks.push(self.encode_reusing(
                        chunk * chunk_len + i,
                        record.as_ref(),
                        &mut scratch,
                    )?);
                    if i % 1024 == 1023 {
                        progress(1024);
                    }
                }
                progress(rows.len() % 1024);
                Ok(clks)
            })
            .collect::<Result<_, EncodeError>>()?;
        Ok(chunks.into_iter().flatten().collect())
    }

    fn encode_reusing<S: AsRef<str>>(
        &self,
        row: usize,
        record: &[S],
        scratch: &mut Scratch,
    ) -> Result<Clk, EncodeError> {
        let fields = self.schema.fields();
        if record.len() != fields.len() {
            return Err(EncodeError::ColumnCount {
                row,
                expected: fields.len(),
                found: record.len(),
            });
        }
        let hashed_bits = self.schema.filter_bits() << self.schema.xor_folds();
        let Scratch {
            cache,
            text,
            chars,
            token,
            filter,
        } = scratch;
        filter.clear();
        filter.resize(hashed_bits / 8, 0);
        for (position, ((field, key), value)) in
            fields.iter().zip(&self.field_keys).zip(record).enumerate()
        {
            let Some(hashing) = &field.hashing else {
                continue;
            };
            text.clear();
            prepare_value(hashing, value.as_ref(), text).map_err(|reason| {
                EncodeError::InvalidValue {
                    row,
                    field: field.identifier.clone(),
                    reason,
                }
            })?;
            let tokens = Tokens { chars, token };
            set_field_bits(hashing, key, text, cache.field(position), tokens, filter);
        }
        let folded = fold(filter, self.schema.xor_folds());
        Ok(Clk::from_bytes(folded.to_vec()))
    }
}

/// Buffers one thread reuses from record to record, so that encoding a record allocates nothing
/// but its filter once the buffers have grown.
#[derive(Default)]
struct Scratch {
    cache: TokenCache,
    /// The value being encoded, as the schema's format rewrites it.
    text: String,
    chars: Vec<char>,
    token: String,
    /// The filter before folding.
    filter: Vec<u8>,
}

/// The buffers tokenisation writes into.
struct Tokens<'a> {
    chars: &'a mut Vec<char>,
    token: &'a mut String,
}

/// Bit positions already computed for each field's tokens. Bigrams of names and places and the
/// positional digits of dates repeat across nearly all records, and hashing is most of the cost
/// of encoding.
#[derive(Default)]
struct TokenCache {
    fields: Vec<FieldCache>,
}

/// Short tokens (nearly all: n-grams, digits) are keyed by one number, which hashes and compares
/// in a few instructions; longer ones by their text.
#[derive(Default)]
struct FieldCache {
    short: HashMap<u128, Vec<u16>, foldhash::fast::RandomState>,
    long: HashMap<String, Vec<u16>, foldhash::fast::RandomState>,
}

impl TokenCache {
    /// Tokens remembered per field, bounding memory on inputs with few repeats.
    const CAPACITY: usize = 1 << 16;

    fn field(&mut self, field: usize) -> &mut FieldCache {
        if self.fields.len() <= field {
            self.fields.resize_with(field + 1, Default::default);
        }
        let tokens = &mut self.fields[field];
        if tokens.short.len() + tokens.long.len() >= Self::CAPACITY {
            tokens.short.clear();
            tokens.long.clear();
        }
        tokens
    }
}

impl FieldCache {
    /// The positions remembered for `token`, empty if it is new.
    fn positions(&mut self, token: &str) -> &mut Vec<u16> {
        let bytes = token.as_bytes();
        if bytes.len() < 16 {
            // The bytes, then the length in the last byte, so that no two tokens share a key.
            let mut key = [0u8; 16];
            key[..bytes.len()].copy_from_slice(bytes);
            key[15] = bytes.len() as u8;
            self.short.entry(u128::from_le_bytes(key)).or_default()
        } else {
            if !self.long.contains_key(token) {
                self.long.insert(token.to_owned(), Vec::new());
            }
            self.long.get_mut(token).expect("inserted above")
        }
    }
}

/// Sets the bits one field value hashes to in the filter (before folding).
fn set_field_bits(
    hashing: &FieldHashing,
    key: &[u8],
    text: &str,
    cache: &mut FieldCache,
    buffers: Tokens<'_>,
    filter: &mut [u8],
) {
    let bits = filter.len() * 8;
    let tokens = token_count(hashing.comparison, text.chars().count());
    let mut per_token = hashing.strategy.bits_per_token(tokens);
    for_each_token(hashing.comparison, text, buffers, |token| {
        let k = per_token.next().expect("one bit count per token") as usize;
        // A token's positions for `k` bits are the first `k` of its positions for more bits.
        let known = cache.positions(token);
        if known.len() < k {
            known.clear();
            token_bits(key, token.as_bytes(), k as u32, bits, known);
        }
        for &bit in &known[..k] {
            let bit = usize::from(bit);
            filter[bit / 8] |= 0x80 >> (bit % 8);
        }
    });
}

/// clkhash derives two keys per field (one per hashing method it knows) from one HKDF output,
/// and BLAKE2b hashing uses the first of each pair.
fn derive_field_keys(schema: &LinkageSchema, secret: &[u8]) -> Vec<Vec<u8>> {
    let kdf = schema.kdf();
    let fields = schema.fields().len();
    let mut material = vec![0u8; 2 * fields * kdf.key_size];
    let salt = kdf.salt.as_deref();
    let info = kdf.info.as_deref().unwrap_or_default();
    let expanded = match kdf.hash {
        KdfHash::Sha256 => Hkdf::<sha2::Sha256>::new(salt, secret).expand(info, &mut material),
        KdfHash::Sha512 => Hkdf::<sha2::Sha512>::new(salt, secret).expand(info, &mut material),
    };
    expanded.expect("the schema bounds the key material HKDF is asked for");
    material
        .chunks(2 * kdf.key_size)
        .map(|pair| pair[..kdf.key_size].to_vec())
        .collect()
}

/// Normalises, validates and formats one value as clkhash would before tokenising it, into `out`.
fn prepare_value(hashing: &FieldHashing, raw: &str, out: &mut String) -> Result<(), String> {
    let value = hashing.normalisation.apply(raw);
    if let Some(missing) = &hashing.missing_value
        && missing.sentinel == value
    {
        out.push_str(&missing.replace_with);
        return Ok(());
    }
    match &hashing.format {
        FieldFormat::Text(text) => {
            if text.ascii_only && !value.is_ascii() {
                return Err(format!(
                    "{value:?} is not ASCII; allowed: ASCII text (format.encoding)"
                ));
            }
            check_text_rule(&text.rule, &value)?;
            out.push_str(&value);
            Ok(())
        }
        FieldFormat::Integer { minimum, maximum } => {
            let number: i128 = value
                .trim()
                .parse()
                .map_err(|_| format!("{value:?} is not an integer; allowed: decimal digits"))?;
            if minimum.is_some_and(|m| number < i128::from(m))
                || maximum.is_some_and(|m| number > i128::from(m))
            {
                return Err(format!(
                    "{number} is out of range; allowed: {} to {}",
                    minimum.map_or("-∞".into(), |m| m.to_string()),
                    maximum.map_or("∞".into(), |m| m.to_string())
                ));
            }
            write!(out, "{number}").expect("writing to a String cannot fail");
            Ok(())
        }
        FieldFormat::Date { pattern } => {
            let date = chrono::NaiveDate::parse_from_str(&value, pattern).map_err(|e| {
                format!("{value:?} is not a date ({e}); allowed: dates as {pattern:?}")
            })?;
            use chrono::Datelike as _;
            write!(out, "{}{:02}{:02}", date.year(), date.month(), date.day())
                .expect("writing to a String cannot fail");
            Ok(())
        }
        FieldFormat::Enum { values } => {
            if values.contains(value.as_ref()) {
                out.push_str(&value);
                Ok(())
            } else {
                let allowed: Vec<&str> = values.iter().map(String::as_str).collect();
                Err(format!(
                    "{value:?} is not allowed; allowed: {}",
                    allowed.join(", ")
                ))
            }
        }
    }
}

fn check_text_rule(rule: &TextRule, value: &str) -> Result<(), String> {
    match rule {
        TextRule::Pattern(pattern) if !pattern.is_match(value) => Err(format!(
            "{value:?} does not match; allowed: values matching {}",
            pattern.as_str()
        )),
        TextRule::Pattern(_) => Ok(()),
        TextRule::Limits {
            case,
            min_length,
            max_length,
        } => {
            let length = value.chars().count();
            if min_length.is_some_and(|m| length < m) || max_length.is_some_and(|m| length > m) {
                return Err(format!(
                    "{value:?} has {length} characters; allowed: {} to {}",
                    min_length.unwrap_or(0),
                    max_length.map_or("any".into(), |m| m.to_string())
                ));
            }
            let wrong_case = match case {
                LetterCase::Upper => value.to_uppercase() != value,
                LetterCase::Lower => value.to_lowercase() != value,
                LetterCase::Mixed => false,
            };
            if wrong_case {
                return Err(format!(
                    "{value:?} is not in the case the schema asks (format.case)"
                ));
            }
            Ok(())
        }
    }
}

fn token_count(comparison: Comparison, chars: usize) -> usize {
    match comparison {
        _ if chars == 0 => 0,
        Comparison::Exact => 1,
        // `chars + 2(n-1)` padded characters give `chars + n - 1` windows of `n`.
        Comparison::Ngram { n, .. } => chars + n.get() as usize - 1,
    }
}

/// Calls `each` with every token of the value in clkhash's order, built in reused buffers.
fn for_each_token(
    comparison: Comparison,
    text: &str,
    buffers: Tokens<'_>,
    mut each: impl FnMut(&str),
) {
    if text.is_empty() {
        return;
    }
    match comparison {
        Comparison::Exact => each(text),
        Comparison::Ngram { n, positional } => {
            let n = n.get() as usize;
            let Tokens { chars, token } = buffers;
            chars.clear();
            chars.extend(std::iter::repeat_n(' ', n - 1));
            chars.extend(text.chars());
            chars.extend(std::iter::repeat_n(' ', n - 1));
            for (position, gram) in chars.windows(n).enumerate() {
                token.clear();
                if positional {
                    push_decimal(token, position + 1);
                    token.push(' ');
                }
                token.extend(gram);
                each(token);
            }
        }
    }
}

/// Appends `n` in decimal; `write!` costs more than the rest of building a token.
fn push_decimal(out: &mut String, mut n: usize) {
    let mut digits = [0u8; 20];
    let mut start = digits.len();
    loop {
        start -= 1;
        digits[start] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.push_str(std::str::from_utf8(&digits[start..]).expect("decimal digits are ASCII"));
}

/// The `k` bit positions of one token: 32 per 64-byte keyed BLAKE2b digest, each digest salted
/// with its own number. `bits` is a power of two of at most 2^16, so positions fit in `u16`.
fn token_bits(key: &[u8], token: &[u8], k: u32, bits: usize, positions: &mut Vec<u16>) {
    let mut remaining = k as usize;
    let mut digest_number = 0u32;
    while remaining > 0 {
        let salt = digest_number.to_string();
        let digest = blake2b_simd::Params::new()
            .hash_length(64)
            .key(key)
            .salt(salt.as_bytes())
            .hash(token);
        positions.extend(
            digest
                .as_bytes()
                .chunks_exact(2)
                .take(remaining)
                .map(|pair| (usize::from(u16::from_le_bytes([pair[0], pair[1]])) % bits) as u16),
        );
        remaining = remaining.saturating_sub(32);
        digest_number += 1;
    }
}

/// XOR-folds the filter in half `folds` times (first half XOR second half), in place; returns
/// the folded filter, its first part.
fn fold(filter: &mut [u8], folds: u32) -> &[u8] {
    let mut length = filter.len();
    for _ in 0..folds {
        length /= 2;
        let (first, second) = filter[..2 * length].split_at_mut(length);
        first
            .iter_mut()
            .zip(second.iter())
            .for_each(|(a, b)| *a ^= b);
    }
    &filter[..length]
}

/// Records of a CSV file with a header row: the header and the rows, each as its columns.
/// Rows may have any number of columns; [`ClkEncoder::encode`] checks them against the schema.
pub fn read_csv(text: &str) -> Result<(Vec<String>, Vec<Vec<String>>), csv::Error> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let header = reader.headers()?.iter().map(str::to_owned).collect();
    let rows = reader
        .records()
        .map(|record| record.map(|r| r.iter().map(str::to_owned).collect()))
        .collect::<Result<_, _>>()?;
    Ok((header, rows))
}
