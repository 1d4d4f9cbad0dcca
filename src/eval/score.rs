//! Scoring one initiative on the evaluation model: the weighted means, the priority, the
//! compliance gate and the quadrant; every criterion's part (`breakdown`) for explaining on
//! screen.

use rust_decimal::Decimal;

use crate::model::Model;
use crate::model::{Group, Initiative};

/// Where an initiative stands against the model's gate (compliance in Nacka's model).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum GateStatus {
    Pass,
    /// Exactly at the minimum, and the minimum is below the top of the scale.
    Warn,
    Blocked,
    /// The gate criterion is unscored.
    NotAssessed,
}

impl GateStatus {
    pub const ALL: [GateStatus; 4] = [
        GateStatus::Pass,
        GateStatus::Warn,
        GateStatus::Blocked,
        GateStatus::NotAssessed,
    ];

    pub fn id(self) -> &'static str {
        match self {
            GateStatus::Pass => "pass",
            GateStatus::Warn => "warn",
            GateStatus::Blocked => "blocked",
            GateStatus::NotAssessed => "not_assessed",
        }
    }

    pub fn from_id(id: &str) -> Option<GateStatus> {
        GateStatus::ALL.into_iter().find(|g| g.id() == id)
    }

    /// The gate lets the initiative be recommended (possibly with a warning).
    pub fn passes(self) -> bool {
        matches!(self, GateStatus::Pass | GateStatus::Warn)
    }
}

/// The four quadrants of benefit against feasibility.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Quadrant {
    /// Gör nu: high benefit, high feasibility.
    DoNow,
    /// Stärk genomförbarheten: high benefit, low feasibility.
    StrengthenFeasibility,
    /// Enkel vinst – överväg: low benefit, high feasibility.
    QuickWin,
    /// Avstå: low benefit, low feasibility.
    Abstain,
}

impl Quadrant {
    pub const ALL: [Quadrant; 4] = [
        Quadrant::DoNow,
        Quadrant::StrengthenFeasibility,
        Quadrant::QuickWin,
        Quadrant::Abstain,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Quadrant::DoNow => "do_now",
            Quadrant::StrengthenFeasibility => "strengthen_feasibility",
            Quadrant::QuickWin => "quick_win",
            Quadrant::Abstain => "abstain",
        }
    }

    pub fn from_id(id: &str) -> Option<Quadrant> {
        Quadrant::ALL.into_iter().find(|q| q.id() == id)
    }

    /// The quadrant of a benefit and feasibility score; a score at the threshold counts as high.
    pub fn of(benefit: Decimal, feasibility: Decimal, threshold: Decimal) -> Quadrant {
        match (benefit >= threshold, feasibility >= threshold) {
            (true, true) => Quadrant::DoNow,
            (true, false) => Quadrant::StrengthenFeasibility,
            (false, true) => Quadrant::QuickWin,
            (false, false) => Quadrant::Abstain,
        }
    }
}

/// One criterion's part in the score, for explaining it line by line.
#[derive(Clone, Debug, PartialEq)]
pub struct CriterionScore {
    pub id: String,
    pub group: Group,
    pub score: Option<u8>,
    pub weight: Decimal,
    /// weight × score ÷ the group's total weight: the contributions of a group sum to its score.
    pub contribution: Option<Decimal>,
    pub motivation: Option<String>,
}

/// What an initiative scored, kept for every initiative of a portfolio; the line-by-line
/// breakdown (`breakdown`) is worked out again where it is shown.
#[derive(Clone, Debug, PartialEq)]
pub struct Evaluation {
    /// Σ weight × score of each group, when every criterion of the group is scored.
    pub benefit_sum: Option<Decimal>,
    pub feasibility_sum: Option<Decimal>,
    pub benefit_score: Option<Decimal>,
    pub feasibility_score: Option<Decimal>,
    pub priority: Option<Decimal>,
    pub gate: GateStatus,
    pub complete: bool,
    /// How many criteria are unscored (`unscored` names them).
    pub unscored: usize,
    pub quadrant: Option<Quadrant>,
}

impl Evaluation {
    /// Σ weight × score over a group, defined only when every criterion of the group is scored.
    /// Ranking compares these exact sums rather than the rounded means: every initiative shares
    /// the model's weights, so the order is the same and no division rounding can split a tie.
    pub fn weighted_sum(&self, group: Group) -> Option<Decimal> {
        match group {
            Group::Benefit => self.benefit_sum,
            Group::Feasibility => self.feasibility_sum,
        }
    }
}

/// Each criterion's part in an initiative's score, in the model's order.
pub fn breakdown(model: &Model, initiative: &Initiative) -> Vec<CriterionScore> {
    let weights = GroupWeights::of(model);
    model
        .criteria
        .iter()
        .map(|c| {
            let score = initiative.scores.get(&c.id).copied();
            CriterionScore {
                id: c.id.clone(),
                group: c.group,
                score,
                weight: c.weight,
                contribution: contribution(c.weight, score, weights.of_group(c.group)),
                motivation: initiative.motivation(&c.id).map(str::to_owned),
            }
        })
        .collect()
}

/// The criteria an initiative has no score for, in the model's order.
pub fn unscored(model: &Model, initiative: &Initiative) -> Vec<String> {
    model
        .criteria
        .iter()
        .filter(|c| !initiative.scores.contains_key(&c.id))
        .map(|c| c.id.clone())
        .collect()
}

/// weight × score ÷ the group's total weight.
fn contribution(weight: Decimal, score: Option<u8>, group_weight: Decimal) -> Option<Decimal> {
    let part = weight.saturating_mul(Decimal::from(score?));
    part.checked_div(group_weight)
}

/// Scores an initiative. Unscored criteria are never counted as zero: they make the group's
/// score undefined and the initiative incomplete.
pub fn evaluate(model: &Model, initiative: &Initiative) -> Evaluation {
    let weights = GroupWeights::of(model);
    let mut sums = [Some(Decimal::ZERO); 2];
    let mut unscored = 0;
    for c in &model.criteria {
        let sum = &mut sums[usize::from(c.group == Group::Feasibility)];
        match initiative.scores.get(&c.id) {
            Some(&score) => {
                let part = c.weight.saturating_mul(Decimal::from(score));
                *sum = sum.map(|s| s.saturating_add(part));
            }
            None => {
                unscored += 1;
                *sum = None;
            }
        }
    }
    let gate = gate_status(model, initiative);
    let mut e = Evaluation {
        benefit_sum: sums[0],
        feasibility_sum: sums[1],
        benefit_score: None,
        feasibility_score: None,
        priority: None,
        gate,
        complete: false,
        unscored,
        quadrant: None,
    };
    let mean = |e: &Evaluation, g| e.weighted_sum(g)?.checked_div(weights.of_group(g));
    e.benefit_score = mean(&e, Group::Benefit);
    e.feasibility_score = mean(&e, Group::Feasibility);
    if let (Some(b), Some(f)) = (e.benefit_score, e.feasibility_score) {
        e.priority = Some(b.saturating_mul(f));
        e.quadrant = Some(Quadrant::of(b, f, model.quadrant_threshold));
    }
    // A group whose weights sum to zero has no mean; such a model cannot complete anyone.
    e.complete = unscored == 0 && gate != GateStatus::NotAssessed && e.priority.is_some();
    e
}

/// The total weight of each group: the divisor of its weighted mean.
struct GroupWeights {
    benefit: Decimal,
    feasibility: Decimal,
}

impl GroupWeights {
    fn of(model: &Model) -> GroupWeights {
        let total = |group: Group| {
            model
                .criteria
                .iter()
                .filter(|c| c.group == group)
                .fold(Decimal::ZERO, |acc, c| acc.saturating_add(c.weight))
        };
        GroupWeights {
            benefit: total(Group::Benefit),
            feasibility: total(Group::Feasibility),
        }
    }

    fn of_group(&self, group: Group) -> Decimal {
        match group {
            Group::Benefit => self.benefit,
            Group::Feasibility => self.feasibility,
        }
    }
}

/// The top of the scoring scale: at the gate's minimum, only a perfect score passes cleanly.
const TOP_SCORE: u8 = 4;

fn gate_status(model: &Model, initiative: &Initiative) -> GateStatus {
    let Some(gate) = &model.gate else {
        return GateStatus::Pass;
    };
    match initiative.scores.get(&gate.criterion).copied() {
        None => GateStatus::NotAssessed,
        Some(score) if score < gate.min => GateStatus::Blocked,
        Some(score) if score == gate.min && score < TOP_SCORE => GateStatus::Warn,
        Some(_) => GateStatus::Pass,
    }
}
