//! Multiple systems estimation: how many victims are there, including those no agency found?
//!
//! Several agencies' lists of identified cases overlap; the pattern of overlaps (the capture
//! histories) tells, under a Poisson log-linear model, how many cases are on none of them.
//! Read a [`CaptureTable`] with [`read_capture_csv`], choose a [`ModelSelection`], call
//! [`estimate`], and attach an interval with [`profile_interval`] or [`bca_interval`]. Strata are
//! estimated separately, or together by one model with stratum terms ([`fit_joint`]).

mod capture;
mod fit;
mod interval;
mod joint;
mod model;
mod selection;

pub use capture::{
    CaptureData, CaptureHistory, CaptureTable, InputError, MAX_LISTS, StratumColumn,
    read_capture_csv,
};
pub use fit::{FitOutcome, ModelFit, fit_model};
pub use interval::{
    BootstrapConfig, BootstrapError, BootstrapInterval, ConfidenceInterval, ConfidenceLevel,
    bca_interval, profile_interval,
};
pub use joint::{
    JointFit, JointOutcome, ScopedInteraction, Strata, StrataError, StratumTerms, fit_joint,
};
pub use model::{Interaction, InteractionOrder, LogLinearModel, Term, hierarchical_models};
pub use selection::{Estimation, ModelSelection, ModelSpaceTooLarge, PThreshold, estimate};
