//! Haven's statistics. Pure computation, no IO beyond the readers and writers it is handed.
//!
//! - [`mse`]: multiple systems estimation of the victims no agency found.
//! - [`table`]: counts by named dimensions, with every margin; [`release`]: the policy every
//!   table goes through before it is published (suppression with its audit, or differential
//!   privacy with its ledger); [`sdg`] and [`glotip`]: the reports built on them.
//! - [`anonymise`]: k-anonymous microdata; [`ctdc`]: in the CTDC's columns.
//! - [`spreadsheet`]: CSV, JSON, XLSX and SVG exports, neutralised against formulas.
//! - [`country`] and [`victim`]: the vocabulary they share.

pub mod anonymise;
pub mod country;
pub mod ctdc;
pub mod glotip;
pub mod mse;
pub mod release;
pub mod sdg;
pub mod spreadsheet;
pub mod table;
pub mod victim;
