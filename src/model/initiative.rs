//! `initiatives/<id>.yaml`: one initiative as written.

use serde::{Deserialize, Serialize};

use super::located::{Located, OrderedMap};
use super::scalar::{Date, Dec, Raw};
use super::shared::{Shared, share};

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InitiativeFile {
    /// Required in single-file form; in a folder the id is the file stem.
    pub id: Option<Located<String>>,
    pub title: Located<String>,
    pub summary: Option<String>,
    pub unit: Option<Shared>,
    pub owner: Option<Shared>,
    pub submitted: Option<Located<Date>>,
    pub stage: Option<Located<Stage>>,
    #[serde(default)]
    pub tags: Vec<Shared>,
    #[serde(default)]
    pub goals: Vec<Located<String>>,
    #[serde(default)]
    pub hypotheses: Vec<Shared>,
    /// As written; the loader validates them into `Initiative::scores` and then empties this.
    #[serde(default)]
    pub scores: OrderedMap<Located<String>, Located<Raw>>,
    #[serde(default)]
    pub motivations: OrderedMap<Located<String>, String>,
    pub business_case: Option<Located<BusinessCaseFile>>,
    #[serde(default)]
    pub benefits: Vec<Located<BenefitFile>>,
    #[serde(default)]
    pub decisions: Vec<Located<Decision>>,
}

impl InitiativeFile {
    /// Every repeated text (`Shared`) replaced by the one met before in this load (`Sharing`).
    pub fn share_text(&mut self) {
        let all = self.unit.iter_mut().chain(&mut self.owner);
        all.chain(&mut self.tags)
            .chain(&mut self.hypotheses)
            .for_each(share);
        for d in &mut self.decisions {
            d.value
                .forum
                .iter_mut()
                .chain(&mut d.value.note)
                .for_each(share);
        }
        for b in &mut self.benefits {
            let b = &mut b.value;
            share(&mut b.title);
            let texts = [
                &mut b.chain,
                &mut b.owner,
                &mut b.indicator,
                &mut b.freed_time_use,
            ];
            texts.into_iter().flatten().for_each(share);
            for f in &mut b.follow_up {
                f.value.note.iter_mut().for_each(share);
            }
        }
        if let Some(case) = &mut self.business_case {
            let case = &mut case.value;
            for line in case.costs.iter_mut().chain(&mut case.benefits) {
                share(&mut line.value.name);
            }
        }
    }

    /// Gives back what the lists grew beyond their length while being read (a list of one
    /// benefit holds room for four): a large portfolio keeps only what it has.
    pub fn shrink_to_fit(&mut self) {
        self.tags.shrink_to_fit();
        self.goals.shrink_to_fit();
        self.hypotheses.shrink_to_fit();
        self.motivations.0.shrink_to_fit();
        self.decisions.shrink_to_fit();
        self.benefits.shrink_to_fit();
        for benefit in &mut self.benefits {
            benefit.value.follow_up.shrink_to_fit();
        }
        if let Some(case) = &mut self.business_case {
            let case = &mut case.value;
            case.quality_shift.0.shrink_to_fit();
            for lines in [&mut case.costs, &mut case.benefits] {
                lines.shrink_to_fit();
                for line in lines.iter_mut() {
                    line.value.amounts.0.shrink_to_fit();
                }
            }
        }
    }
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
#[serde(deny_unknown_fields)]
pub struct BusinessCaseFile {
    pub start_year: Located<i32>,
    pub years: Located<u16>,
    #[serde(default)]
    pub costs: Vec<Located<LineFile>>,
    #[serde(default)]
    pub benefits: Vec<Located<LineFile>>,
    #[serde(default)]
    pub quality_shift: OrderedMap<Located<i32>, Located<Dec>>,
}

/// A cost or benefit line. `kind` is checked against the list it stands in.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LineFile {
    pub name: Shared,
    pub kind: Located<LineKind>,
    #[serde(default)]
    pub amounts: OrderedMap<Located<i32>, Located<Dec>>,
    pub yearly: Option<Located<Dec>>,
    pub from: Option<Located<i32>>,
    pub to: Option<Located<i32>>,
    pub hours: Option<Located<Dec>>,
    pub hourly_cost: Option<Located<Dec>>,
    pub range: Option<Located<Vec<Dec>>>,
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
#[serde(deny_unknown_fields)]
pub struct BenefitFile {
    pub id: Located<String>,
    pub title: Shared,
    pub kind: Option<Located<LineKind>>,
    pub chain: Option<Shared>,
    pub owner: Option<Shared>,
    pub indicator: Option<Shared>,
    pub baseline: Option<Located<Dec>>,
    pub target: Option<Located<Dec>>,
    pub start: Option<Located<Date>>,
    pub due: Option<Located<Date>>,
    pub freed_time_use: Option<Shared>,
    #[serde(default)]
    pub follow_up: Vec<Located<FollowUp>>,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FollowUp {
    pub date: Located<Date>,
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
