//! bered: triage of a municipality's portfolio of digitalisation initiatives.

pub mod changes;
pub mod edit;
pub mod eval;
pub mod finance;
pub mod i18n;
pub mod load;
pub mod model;
pub mod realisation;
pub mod report;
pub mod tui;
