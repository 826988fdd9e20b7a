//! Privacy-preserving record linkage: find the same person in lists held by different agencies
//! without anyone handing over names.
//!
//! Each party turns its records into cryptographic long-term keys ([`Clk`]s: Bloom filters of
//! keyed hashes of name, address and date tokens) under a [`LinkageSchema`] and a shared secret;
//! the filters are then compared with the Sørensen–Dice coefficient. Encodings are bit-for-bit
//! those of clkhash (linkage schema v3, BLAKE2b hashing, HKDF keys), so Haven interoperates with
//! clkhash and anonlink in both directions.
//!
//! - [`schema`]: the clkhash v3 schema, with Haven's optional name normalisation.
//! - [`encode`]: records to filters.
//! - [`clk`]: the filters, their clkhash JSON file format and a packed batch for comparison.
//! - [`matching`]: candidate pairs above a Dice threshold and the greedy one-to-one solver.
//! - [`blocking`]: LSH and P-Sig signatures, so that large lists compare only likely pairs.
//! - [`dedup`]: clusters of the same person within one list.
//! - [`popcount`]: the intersection-popcount kernels, chosen at runtime for the CPU.

pub mod blocking;
pub mod clk;
pub mod dedup;
pub mod encode;
pub mod matching;
pub mod normalise;
pub mod popcount;
pub mod schema;

pub use blocking::{Blocking, LshParams, PSigParams};
pub use clk::{Clk, ClkBatch, ClkFileError, read_clk_file, write_clk_file};
pub use dedup::{Cluster, deduplicate};
pub use encode::{ClkEncoder, EncodeError, read_csv};
pub use matching::{
    CandidatePair, DiceSimilarity, LengthMismatch, Threshold, ThresholdError, candidate_pairs,
    link, self_candidate_pairs, solve_greedy,
};
pub use normalise::Normalisation;
pub use schema::{FieldSpec, LinkageSchema, SchemaError};
