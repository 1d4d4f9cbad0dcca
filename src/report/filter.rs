//! Filters of the ranking: any value within a kind, every kind given.

use std::collections::BTreeSet;
use std::fmt;

use crate::eval::{Analysis, GateStatus};
use crate::model::{Initiative, Portfolio, Stage};
use crate::realisation::FlagKind;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RankFilter {
    pub stage: Vec<String>,
    pub unit: Vec<String>,
    pub tag: Vec<String>,
    pub goal: Vec<String>,
    pub gate: Vec<String>,
    pub flag: Vec<String>,
}

/// A filter value that matches nothing the portfolio can hold, with the values that would.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FilterError {
    /// The option's name: "stage", "unit", "tag", "goal", "gate" or "flag".
    pub kind: &'static str,
    pub value: String,
    pub valid: Vec<String>,
}

impl fmt::Display for FilterError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown {} `{}`", self.kind, self.value)?;
        if self.valid.is_empty() {
            write!(f, ": the portfolio has no {} values", self.kind)
        } else {
            write!(f, "; valid values: {}", self.valid.join(", "))
        }
    }
}

impl std::error::Error for FilterError {}

impl RankFilter {
    pub fn is_empty(&self) -> bool {
        [
            &self.stage,
            &self.unit,
            &self.tag,
            &self.goal,
            &self.gate,
            &self.flag,
        ]
        .iter()
        .all(|v| v.is_empty())
    }

    /// Checks every value against what the model and the portfolio allow. Units, tags and goals
    /// are compared without regard to case; a typo would otherwise silently show nothing.
    pub fn validate(&self, portfolio: &Portfolio) -> Result<(), FilterError> {
        let stages = Stage::ALL.iter().map(|s| s.id().to_string()).collect();
        let gates = GateStatus::ALL.iter().map(|g| g.id().to_string()).collect();
        let flags = FlagKind::ALL.iter().map(|f| f.id().to_string()).collect();
        let units = collect(portfolio, |i| i.file.unit.iter().cloned().collect());
        let tags = collect(portfolio, |i| i.file.tags.clone());
        let mut goals = collect(portfolio, |i| {
            i.file.goals.iter().map(|g| g.value.clone()).collect()
        });
        goals.extend(
            portfolio
                .settings
                .strategic_goals
                .iter()
                .map(|g| g.id.clone()),
        );
        check("stage", &self.stage, stages, false)?;
        check("unit", &self.unit, units, true)?;
        check("tag", &self.tag, tags, true)?;
        check("goal", &self.goal, goals, true)?;
        check("gate", &self.gate, gates, false)?;
        check("flag", &self.flag, flags, false)
    }

    /// The initiatives that pass, in rank order.
    pub fn apply(&self, portfolio: &Portfolio, analysis: &Analysis) -> Vec<usize> {
        analysis
            .order
            .iter()
            .copied()
            .filter(|&i| self.matches(&portfolio.initiatives[i], analysis, i))
            .collect()
    }

    fn matches(&self, initiative: &Initiative, analysis: &Analysis, index: usize) -> bool {
        let item = &analysis.items[index];
        let file = &initiative.file;
        let stage = initiative.stage().map(Stage::id);
        let flags: Vec<&str> = item.flags.iter().map(|f| f.kind.id()).collect();
        let goals: Vec<&str> = file.goals.iter().map(|g| g.value.as_str()).collect();
        let tags: Vec<&str> = file.tags.iter().map(String::as_str).collect();
        any(&self.stage, stage.as_slice(), false)
            && any(&self.unit, file.unit.as_deref().as_slice(), true)
            && any(&self.tag, &tags, true)
            && any(&self.goal, &goals, true)
            && any(&self.gate, &[item.eval.gate.id()], false)
            && any(&self.flag, &flags, false)
    }
}

/// True when no value is asked for, or one of the initiative's values is asked for.
fn any(wanted: &[String], present: &[&str], fold_case: bool) -> bool {
    wanted.is_empty()
        || wanted
            .iter()
            .any(|w| present.iter().any(|p| same(p, w, fold_case)))
}

/// Equal, or equal in lower case where case does not matter (Swedish letters included).
fn same(a: &str, b: &str, fold_case: bool) -> bool {
    a == b || (fold_case && a.to_lowercase() == b.to_lowercase())
}

fn collect(portfolio: &Portfolio, values: impl Fn(&Initiative) -> Vec<String>) -> BTreeSet<String> {
    portfolio.initiatives.iter().flat_map(values).collect()
}

fn check(
    kind: &'static str,
    wanted: &[String],
    valid: BTreeSet<String>,
    fold_case: bool,
) -> Result<(), FilterError> {
    for value in wanted {
        if !valid.iter().any(|v| same(v, value, fold_case)) {
            return Err(FilterError {
                kind,
                value: value.clone(),
                valid: valid.into_iter().collect(),
            });
        }
    }
    Ok(())
}
