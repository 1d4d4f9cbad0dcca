//! `initiatives/<id>.yaml`: one initiative as written.

use serde::{Deserialize, Serialize};

use super::located::{Located, NoLoc, OrderedMap, Site};
use super::scalar::{Date, Dec, Raw};
use super::shared::Shared;

/// `S` is where values were written: `Loc` as read and checked by the loader, `NoLoc` (the
/// default) in the model kept after that (`InitiativeFile::kept`).
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "S: Site"))]
pub struct InitiativeFile<S = NoLoc> {
    /// Required in single-file form; in a folder the id is the file stem. Its location is kept:
    /// an id used twice in one file is pointed at once every initiative is read.
    pub id: Option<Located<String>>,
    pub title: Located<String, S>,
    pub summary: Option<String>,
    pub unit: Option<Shared>,
    pub owner: Option<Shared>,
    pub submitted: Option<Located<Date, S>>,
    pub stage: Option<Located<Stage, S>>,
    #[serde(default)]
    pub tags: Vec<Shared>,
    #[serde(default)]
    pub goals: Vec<Located<String, S>>,
    #[serde(default)]
    pub hypotheses: Vec<Shared>,
    /// As written; the loader validates them into `Initiative::scores`, and the kept form has
    /// none (`kept`).
    #[serde(default)]
    pub scores: OrderedMap<Located<String, S>, Located<Raw, S>>,
    #[serde(default)]
    pub motivations: OrderedMap<Located<String, S>, String>,
    pub business_case: Option<Located<BusinessCaseFile<S>, S>>,
    #[serde(default)]
    pub benefits: Vec<Located<BenefitFile<S>, S>>,
    #[serde(default)]
    pub decisions: Vec<Located<Decision, S>>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    Idea,
    Preparation,
    Approved,
    Project,
    Operations,
    Realisation,
    Closed,
    Rejected,
    Parked,
}

impl Stage {
    pub const ALL: [Stage; 9] = [
        Stage::Idea,
        Stage::Preparation,
        Stage::Approved,
        Stage::Project,
        Stage::Operations,
        Stage::Realisation,
        Stage::Closed,
        Stage::Rejected,
        Stage::Parked,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Stage::Idea => "idea",
            Stage::Preparation => "preparation",
            Stage::Approved => "approved",
            Stage::Project => "project",
            Stage::Operations => "operations",
            Stage::Realisation => "realisation",
            Stage::Closed => "closed",
            Stage::Rejected => "rejected",
            Stage::Parked => "parked",
        }
    }

    pub fn from_id(id: &str) -> Option<Stage> {
        Stage::ALL.into_iter().find(|s| s.id() == id)
    }

    /// Work has begun: the stages after the decision to go ahead.
    pub fn is_started(self) -> bool {
        matches!(
            self,
            Stage::Project | Stage::Operations | Stage::Realisation | Stage::Closed
        )
    }

    /// Past preparation on the way to delivery (where benefits are expected to be planned).
    pub fn is_past_preparation(self) -> bool {
        matches!(
            self,
            Stage::Approved
                | Stage::Project
                | Stage::Operations
                | Stage::Realisation
                | Stage::Closed
        )
    }

    /// Still to be decided or delivered: the stages a ranking is about.
    pub fn is_open(self) -> bool {
        matches!(self, Stage::Idea | Stage::Preparation | Stage::Approved)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "S: Site"))]
pub struct BusinessCaseFile<S = NoLoc> {
    pub start_year: Located<i32, S>,
    pub years: Located<u16, S>,
    #[serde(default)]
    pub costs: Vec<Located<LineFile<S>, S>>,
    #[serde(default)]
    pub benefits: Vec<Located<LineFile<S>, S>>,
    #[serde(default)]
    pub quality_shift: OrderedMap<Located<i32, S>, Located<Dec, S>>,
}

/// A cost or benefit line. `kind` is checked against the list it stands in.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "S: Site"))]
pub struct LineFile<S = NoLoc> {
    pub name: Shared,
    pub kind: Located<LineKind, S>,
    #[serde(default)]
    pub amounts: OrderedMap<Located<i32, S>, Located<Dec, S>>,
    pub yearly: Option<Located<Dec, S>>,
    pub from: Option<Located<i32, S>>,
    pub to: Option<Located<i32, S>>,
    pub hours: Option<Located<Dec, S>>,
    pub hourly_cost: Option<Located<Dec, S>>,
    pub range: Option<Located<Vec<Dec>, S>>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LineKind {
    #[default]
    Investment,
    Operations,
    Financial,
    Reallocation,
    Quality,
    Environment,
}

impl LineKind {
    pub fn id(self) -> &'static str {
        match self {
            LineKind::Investment => "investment",
            LineKind::Operations => "operations",
            LineKind::Financial => "financial",
            LineKind::Reallocation => "reallocation",
            LineKind::Quality => "quality",
            LineKind::Environment => "environment",
        }
    }
    pub fn is_cost(self) -> bool {
        matches!(self, LineKind::Investment | LineKind::Operations)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "S: Site"))]
pub struct BenefitFile<S = NoLoc> {
    pub id: Located<String, S>,
    pub title: Shared,
    pub kind: Option<Located<LineKind, S>>,
    pub chain: Option<Shared>,
    pub owner: Option<Shared>,
    pub indicator: Option<Shared>,
    pub baseline: Option<Located<Dec, S>>,
    pub target: Option<Located<Dec, S>>,
    pub start: Option<Located<Date, S>>,
    pub due: Option<Located<Date, S>>,
    pub freed_time_use: Option<Shared>,
    #[serde(default)]
    pub follow_up: Vec<Located<FollowUp<S>, S>>,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, bound(deserialize = "S: Site", serialize = ""))]
pub struct FollowUp<S = NoLoc> {
    pub date: Located<Date, S>,
    pub value: Dec,
    pub note: Option<Shared>,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    pub date: Date,
    pub forum: Option<Shared>,
    pub outcome: Outcome,
    pub note: Option<Shared>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Prioritised,
    Deferred,
    Returned,
    Rejected,
    Approved,
}

impl Outcome {
    pub const ALL: [Outcome; 5] = [
        Outcome::Prioritised,
        Outcome::Deferred,
        Outcome::Returned,
        Outcome::Rejected,
        Outcome::Approved,
    ];
    pub fn id(self) -> &'static str {
        match self {
            Outcome::Prioritised => "prioritised",
            Outcome::Deferred => "deferred",
            Outcome::Returned => "returned",
            Outcome::Rejected => "rejected",
            Outcome::Approved => "approved",
        }
    }

    /// The stage a decision with this outcome moves the initiative to (DOMAIN.md, "A decision
    /// moves the initiative"); `None` leaves the stage as it is.
    pub fn stage_after(self) -> Option<Stage> {
        match self {
            Outcome::Approved => Some(Stage::Approved),
            Outcome::Rejected => Some(Stage::Rejected),
            Outcome::Prioritised | Outcome::Deferred | Outcome::Returned => None,
        }
    }
}
