//! Flags: what an initiative lacks for benefit realisation and triage. Their words (a one-line
//! reason each) are `i18n::words::flag_reason`'s.

use crate::eval::{Evaluation, GateStatus, Model};
use crate::model::{BenefitFile, Date, Initiative, LineKind, Stage};

use super::status::is_overdue;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FlagKind {
    NoBenefitOwner,
    NoMeasurableGoal,
    NoStrategicGoal,
    FreedTimeUseMissing,
    NoBusinessCase,
    FollowUpOverdue,
    GateBlocked,
    IncompleteScores,
}

impl FlagKind {
    pub const ALL: [FlagKind; 8] = [
        FlagKind::NoBenefitOwner,
        FlagKind::NoMeasurableGoal,
        FlagKind::NoStrategicGoal,
        FlagKind::FreedTimeUseMissing,
        FlagKind::NoBusinessCase,
        FlagKind::FollowUpOverdue,
        FlagKind::GateBlocked,
        FlagKind::IncompleteScores,
    ];

    pub fn id(self) -> &'static str {
        match self {
            FlagKind::NoBenefitOwner => "no_benefit_owner",
            FlagKind::NoMeasurableGoal => "no_measurable_goal",
            FlagKind::NoStrategicGoal => "no_strategic_goal",
            FlagKind::FreedTimeUseMissing => "freed_time_use_missing",
            FlagKind::NoBusinessCase => "no_business_case",
            FlagKind::FollowUpOverdue => "follow_up_overdue",
            FlagKind::GateBlocked => "gate_blocked",
            FlagKind::IncompleteScores => "incomplete_scores",
        }
    }

    pub fn from_id(id: &str) -> Option<FlagKind> {
        FlagKind::ALL.into_iter().find(|f| f.id() == id)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Flag {
    pub kind: FlagKind,
    /// What the flag is about: benefit ids or missing criteria (comma-separated), or the gate's
    /// criterion with its score and minimum (`compliance 2 < 3`).
    pub subject: Option<String>,
}

impl Flag {
    fn new(kind: FlagKind, subject: Option<String>) -> Flag {
        Flag { kind, subject }
    }
}

/// The flags of one initiative, in `FlagKind` order. Rejected and parked initiatives get none:
/// they no longer ask anything of the group.
pub fn flags(
    model: &Model,
    initiative: &Initiative,
    evaluation: &Evaluation,
    as_of: Date,
) -> Vec<Flag> {
    if matches!(initiative.stage(), Some(Stage::Rejected | Stage::Parked)) {
        return Vec::new();
    }
    let file = &initiative.file;
    let benefits: Vec<&BenefitFile> = file.benefits.iter().map(|b| &b.value).collect();
    let mut out = Vec::new();
    let mut push = |kind, subject| out.push(Flag::new(kind, subject));
    if let Some(ids) = ids_where(&benefits, |b| blank(b.owner.as_deref())) {
        push(FlagKind::NoBenefitOwner, Some(ids));
    }
    if benefits.is_empty() {
        push(FlagKind::NoMeasurableGoal, None);
    } else if let Some(ids) = ids_where(&benefits, |b| !is_measurable(b)) {
        push(FlagKind::NoMeasurableGoal, Some(ids));
    }
    if file.goals.is_empty() {
        push(FlagKind::NoStrategicGoal, None);
    }
    if let Some(flag) = freed_time_flag(initiative, &benefits) {
        push(flag.kind, flag.subject);
    }
    if file.business_case.is_none() {
        push(FlagKind::NoBusinessCase, None);
    }
    if let Some(ids) = ids_where(&benefits, |b| is_overdue(b, as_of)) {
        push(FlagKind::FollowUpOverdue, Some(ids));
    }
    if evaluation.gate == GateStatus::Blocked {
        // "compliance 2 < 3": what was scored against what the gate asks.
        let subject = model.gate.as_ref().map(|g| {
            let score = initiative.scores.get(&g.criterion).copied().unwrap_or(0);
            format!("{} {score} < {}", g.criterion, g.min)
        });
        push(FlagKind::GateBlocked, subject);
    }
    if evaluation.unscored > 0 {
        let missing = crate::eval::unscored(model, initiative);
        push(FlagKind::IncompleteScores, Some(missing.join(", ")));
    }
    out
}

/// A measurable effect goal: an indicator, a baseline and a target that differs from it.
pub fn is_measurable(benefit: &BenefitFile) -> bool {
    let differs = match (&benefit.baseline, &benefit.target) {
        (Some(b), Some(t)) => b.value != t.value,
        _ => false,
    };
    !blank(benefit.indicator.as_deref()) && differs
}

/// A reallocation benefit must say what the freed time is used for (seed 000: the benefit
/// shows in the operation, not in the budget). A business case that counts reallocation money
/// with no benefit stating such a use is flagged too.
fn freed_time_flag(initiative: &Initiative, benefits: &[&BenefitFile]) -> Option<Flag> {
    let is_reallocation = |b: &&BenefitFile| {
        b.kind
            .as_ref()
            .is_some_and(|k| k.value == LineKind::Reallocation)
    };
    let lacking = ids_where(benefits, |b| {
        is_reallocation(&b) && blank(b.freed_time_use.as_deref())
    });
    if lacking.is_some() {
        return Some(Flag::new(FlagKind::FreedTimeUseMissing, lacking));
    }
    let case_reallocates = initiative.file.business_case.as_ref().is_some_and(|c| {
        c.benefits
            .iter()
            .any(|l| l.kind.value == LineKind::Reallocation)
    });
    let planned = benefits
        .iter()
        .any(|b| is_reallocation(b) || !blank(b.freed_time_use.as_deref()));
    (case_reallocates && !planned).then(|| Flag::new(FlagKind::FreedTimeUseMissing, None))
}

fn blank(text: Option<&str>) -> bool {
    text.is_none_or(|t| t.trim().is_empty())
}

fn ids_where(benefits: &[&BenefitFile], pred: impl Fn(&BenefitFile) -> bool) -> Option<String> {
    let ids: Vec<&str> = benefits
        .iter()
        .filter(|b| pred(b))
        .map(|b| b.id.value.as_str())
        .collect();
    (!ids.is_empty()).then(|| ids.join(", "))
}
