//! The evaluation model: criteria, weights, gate, quadrants, ranking.

mod budget;
mod pipeline;
mod rank;
mod score;

/// The model lives in `crate::model`; re-exported here so callers that say `eval::Model` keep working.
pub use crate::model::{Criterion, Gate, Model, Wording};
pub use budget::{BudgetLine, BudgetPosition};
pub use pipeline::{Section, awaiting_completion, latest_decision};
pub use rank::{Analysis, Analyzed, RankGroup, analyse, is_rankable, planning_year};
pub use score::{CriterionScore, Evaluation, GateStatus, Quadrant, breakdown, evaluate, unscored};
