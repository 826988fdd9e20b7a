//! Haven's statistics. Pure computation, no IO beyond the readers and writers it is handed.

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
