//! Haven's rules, with no IO and no async: the identification engine with its catalogue and
//! jurisdiction profiles, and the messages that explain its results.

pub mod i18n;
pub mod identification;
