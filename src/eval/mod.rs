//! The evaluation model: criteria, weights, gate, quadrants, ranking.

mod model;

pub use model::{Criterion, Gate, Model};
