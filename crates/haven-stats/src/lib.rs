//! Haven's statistics. Pure computation, no IO beyond the readers it is handed.

pub mod mse;
pub mod release;
pub mod table;
