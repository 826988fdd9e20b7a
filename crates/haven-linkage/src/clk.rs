//! Cryptographic long-term keys and their clkhash file format.
//!
//! A [`Clk`] keeps clkhash's byte layout (bit 0 is the high bit of byte 0) so that base64 files
//! interchange with clkhash and anonlink. For comparison, filters are packed into a [`ClkBatch`]:
//! one contiguous array of `u64` words, the layout the popcount kernels want.

use base64::Engine as _;
use serde::{Deserialize, Serialize};

/// One encoded record: a Bloom filter of keyed token hashes.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Clk(Vec<u8>);

/// Filters of one length, packed word by word for fast comparison.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClkBatch {
    filter_bits: usize,
    words_per_filter: usize,
    words: Vec<u64>,
}

/// Why a `.clk` file or a set of filters was refused.
#[derive(Debug, thiserror::Error)]
pub enum ClkFileError {
    #[error("not a clkhash CLK file ({0}); allowed: a JSON object {{\"clks\": [base64, ...]}}")]
    Json(#[from] serde_json::Error),
    #[error("clks[{index}]: invalid base64 ({reason}); allowed: standard base64 with padding")]
    Base64 {
        index: usize,
        reason: base64::DecodeError,
    },
    #[error(
        "clks[{index}]: {found} bits, but clks[0] has {expected}; allowed: filters of one length"
    )]
    MixedLengths {
        index: usize,
        expected: usize,
        found: usize,
    },
    #[error("clks[{index}]: empty filter; allowed: at least one byte")]
    Empty { index: usize },
}

#[derive(Serialize, Deserialize)]
struct ClkFile<S> {
    clks: Vec<S>,
}

impl Clk {
    /// A filter from clkhash's bytes.
    pub fn from_bytes(bytes: Vec<u8>) -> Self {
        Clk(bytes)
    }

    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    pub fn bits(&self) -> usize {
        self.0.len() * 8
    }

    pub fn popcount(&self) -> u32 {
        self.0.iter().map(|b| b.count_ones()).sum()
    }

    pub fn to_base64(&self) -> String {
        base64::engine::general_purpose::STANDARD.encode(&self.0)
    }
}

/// Reads a clkhash/anonlink CLK file: `{"clks": ["base64", ...]}`.
pub fn read_clk_file(text: &str) -> Result<Vec<Clk>, ClkFileError> {
    let file: ClkFile<String> = serde_json::from_str(text)?;
    file.clks
        .iter()
        .enumerate()
        .map(|(index, encoded)| {
            base64::engine::general_purpose::STANDARD
                .decode(encoded.trim())
                .map(Clk)
                .map_err(|reason| ClkFileError::Base64 { index, reason })
        })
        .collect()
}

/// Writes filters in the format [`read_clk_file`] and clkhash read.
pub fn write_clk_file(clks: &[Clk]) -> String {
    let file = ClkFile {
        clks: clks.iter().map(Clk::to_base64).collect(),
    };
    serde_json::to_string(&file).expect("strings always serialise")
}

impl ClkBatch {
    /// Packs filters, which must all have the same length.
    pub fn new(clks: &[Clk]) -> Result<Self, ClkFileError> {
        let filter_bits = clks.first().map_or(0, Clk::bits);
        let words_per_filter = filter_bits.div_ceil(64);
        let mut words = Vec::with_capacity(words_per_filter * clks.len());
        for (index, clk) in clks.iter().enumerate() {
            if clk.0.is_empty() {
                return Err(ClkFileError::Empty { index });
            }
            if clk.bits() != filter_bits {
                return Err(ClkFileError::MixedLengths {
                    index,
                    expected: filter_bits,
                    found: clk.bits(),
                });
            }
            // Zero padding in the last word changes no popcount.
            words.extend(clk.0.chunks(8).map(|chunk| {
                let mut word = [0u8; 8];
                word[..chunk.len()].copy_from_slice(chunk);
                u64::from_be_bytes(word)
            }));
        }
        Ok(ClkBatch {
            filter_bits,
            words_per_filter,
            words,
        })
    }

    pub fn len(&self) -> usize {
        self.words
            .len()
            .checked_div(self.words_per_filter)
            .unwrap_or(0)
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    pub fn filter_bits(&self) -> usize {
        self.filter_bits
    }

    pub fn words_per_filter(&self) -> usize {
        self.words_per_filter
    }

    /// The words of filter `index`.
    pub fn filter(&self, index: usize) -> &[u64] {
        &self.words[index * self.words_per_filter..(index + 1) * self.words_per_filter]
    }

    /// The batch's filters in a new order: `order[i]` is the old position of the new `i`-th.
    pub(crate) fn permuted(&self, order: &[usize]) -> ClkBatch {
        let words = order
            .iter()
            .flat_map(|&i| self.filter(i).iter().copied())
            .collect();
        ClkBatch {
            filter_bits: self.filter_bits,
            words_per_filter: self.words_per_filter,
            words,
        }
    }

    pub(crate) fn words(&self) -> &[u64] {
        &self.words
    }
}
