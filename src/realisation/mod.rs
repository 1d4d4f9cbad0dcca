//! Benefit realisation: each benefit's status from its follow-ups, the flags of what an
//! initiative lacks, and the portfolio summary with the DiMiOS mirror.

mod flags;
mod maturity;
mod mirror;
mod status;
mod summary;

pub use flags::{Flag, FlagKind, flags, is_measurable};
pub use maturity::{Maturity, Missing, Share, maturity};
pub use mirror::{Measured, Principle, PrincipleMirror, Requirement, mirror};
pub use status::{
    BenefitProgress, BenefitStatus, FOLLOW_UP_INTERVAL_DAYS, benefit_status, is_overdue,
};
pub use summary::{
    CostOfDelay, NotPrioritiseReason, NotPrioritised, RankedTotals, Summary, summarise,
};
