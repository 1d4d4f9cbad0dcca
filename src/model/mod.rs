//! The YAML contract as serde types (see DOMAIN.md, "The data format"), and the loaded portfolio.

mod criteria;
mod criteria_text;
mod initiative;
mod kept;
mod located;
mod portfolio;
mod scalar;
mod scores;
mod shared;

use std::path::PathBuf;

pub use criteria::{Criterion, Gate, Model};
pub use criteria_text::Wording;
pub use initiative::{
    BenefitFile, BusinessCaseFile, Decision, FollowUp, InitiativeFile, LineFile, LineKind, Outcome,
    Stage,
};
pub use located::{Loc, Located, NoLoc, OrderedMap, Site};
pub use portfolio::{
    CriterionFile, GateFile, Group, ModelFile, PortfolioFile, StrategicGoal, WordingFile,
};
pub use scalar::{Date, Dec, Raw};
pub use scores::{Id, Scores, intern, intern_id};
pub use shared::{Shared, Sharing, share, shared};

/// A loaded, validated portfolio: settings with defaults applied, and every initiative that
/// loaded without errors, in id order.
#[derive(Clone, Debug)]
pub struct Portfolio {
    pub settings: Settings,
    pub model: Model,
    pub initiatives: Vec<Initiative>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Settings {
    pub name: String,
    pub organisation: Option<String>,
    pub currency: String,
    pub planning_year: Option<i32>,
    pub budget: Option<Dec>,
    pub discount_rate: Dec,
    pub hourly_cost: Option<Dec>,
    pub strategic_goals: Vec<StrategicGoal>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            name: String::new(),
            organisation: None,
            currency: "SEK".into(),
            planning_year: None,
            budget: None,
            discount_rate: Dec(rust_decimal::Decimal::new(3, 2)),
            hourly_cost: None,
            strategic_goals: Vec::new(),
        }
    }
}

/// One initiative: its id, where it came from, what the file says, and its validated scores.
#[derive(Clone, Debug)]
pub struct Initiative {
    pub id: String,
    pub path: PathBuf,
    pub file: InitiativeFile,
    /// Scores by criterion id, each 1–4, only for criteria of the portfolio's model.
    pub scores: Scores,
}

impl Initiative {
    pub fn title(&self) -> &str {
        &self.file.title.value
    }
    pub fn stage(&self) -> Option<Stage> {
        self.file.stage.as_ref().map(|s| s.value)
    }
    pub fn motivation(&self, criterion: &str) -> Option<&str> {
        self.file.motivations.get(criterion).map(String::as_str)
    }
}
