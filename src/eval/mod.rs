//! The evaluation model: criteria, weights, gate, quadrants, ranking.

mod budget;
mod criteria_text;
mod model;
mod pipeline;
mod rank;
mod score;

pub use budget::{BudgetLine, BudgetPosition};
pub use criteria_text::Wording;
pub use model::{Criterion, Gate, Model};
pub use pipeline::{Section, awaiting_completion, latest_decision};
pub use rank::{Analysis, Analyzed, RankGroup, analyse, is_rankable, planning_year};
pub use score::{CriterionScore, Evaluation, GateStatus, Quadrant, evaluate};
