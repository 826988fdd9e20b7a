//! Haven's rules, with no IO and no async: the identification engine with its catalogue and
//! jurisdiction profiles, the national referral mechanism's case lifecycle, the access policy,
//! and the messages that explain results.

pub mod access;
pub mod auth;
pub mod case;
pub mod htcds;
pub mod i18n;
pub mod identification;
pub mod person;
