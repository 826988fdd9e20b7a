//! Haven's statistics. Pure computation, no IO beyond the readers it is handed.

pub mod anonymise;
pub mod country;
pub mod glotip;
pub mod mse;
pub mod release;
pub mod sdg;
pub mod table;
pub mod victim;
