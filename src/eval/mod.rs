//! The evaluation model: criteria, weights, gate, quadrants, ranking.

mod model;
mod rank;
mod score;

pub use model::{Criterion, Gate, Model};
pub use rank::{Analysis, Analyzed, RankGroup, analyse, is_rankable, planning_year};
pub use score::{CriterionScore, Evaluation, GateStatus, Quadrant, evaluate};
