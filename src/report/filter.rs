//! The one filter of the ranking, for the CLI's `rank --stage/--unit/…` flags and the TUI's
//! facets alike: any value within a facet, every facet given.

use std::collections::BTreeSet;
use std::fmt;

use crate::eval::{Analysis, Analyzed, GateStatus};
use crate::model::{Initiative, Portfolio, Stage};
use crate::realisation::FlagKind;

/// The facets the ranking can be filtered by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Facet {
    Stage,
    Unit,
    Tag,
    Goal,
    Gate,
    Flag,
}

impl Facet {
    pub const ALL: [Facet; 6] = [
        Facet::Stage,
        Facet::Unit,
        Facet::Tag,
        Facet::Goal,
        Facet::Gate,
        Facet::Flag,
    ];

    /// Units, tags and goals are typed by people and compared without regard to case.
    fn folds_case(self) -> bool {
        matches!(self, Facet::Unit | Facet::Tag | Facet::Goal)
    }
}

/// The values an initiative has for a facet (a tag filter matches any of its tags).
pub fn facet_values<'a>(facet: Facet, initiative: &'a Initiative, item: &Analyzed) -> Vec<&'a str> {
    let f = &initiative.file;
    match facet {
        Facet::Stage => f.stage.iter().map(|s| s.value.id()).collect(),
        Facet::Unit => f.unit.as_deref().into_iter().collect(),
        Facet::Tag => f.tags.iter().map(|t| &**t).collect(),
        Facet::Goal => f.goals.iter().map(|g| g.value.as_str()).collect(),
        Facet::Gate => vec![item.eval.gate.id()],
        Facet::Flag => item.flags.iter().map(|fl| fl.kind.id()).collect(),
    }
}

/// Selected values per facet, in the order given.
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
        let stages = || Stage::ALL.iter().map(|s| s.id().to_string()).collect();
        let gates = || GateStatus::ALL.iter().map(|g| g.id().to_string()).collect();
        let flags = || FlagKind::ALL.iter().map(|f| f.id().to_string()).collect();
        let units = || {
            collect(portfolio, |i| {
                i.file.unit.iter().map(|u| u.to_string()).collect()
            })
        };
        let tags = || {
            collect(portfolio, |i| {
                i.file.tags.iter().map(|t| t.to_string()).collect()
            })
        };
        let goals = || {
            let mut goals = collect(portfolio, |i| {
                i.file.goals.iter().map(|g| g.value.clone()).collect()
            });
            let settings = portfolio.settings.strategic_goals.iter();
            goals.extend(settings.map(|g| g.id.clone()));
            goals
        };
        check("stage", &self.stage, stages, false)?;
        check("unit", &self.unit, units, true)?;
        check("tag", &self.tag, tags, true)?;
        check("goal", &self.goal, goals, true)?;
        check("gate", &self.gate, gates, false)?;
        check("flag", &self.flag, flags, false)
    }

    /// The initiatives that pass, in rank order.
    pub fn apply(&self, portfolio: &Portfolio, analysis: &Analysis) -> Vec<usize> {
        self.apply_in(portfolio, analysis, &analysis.order)
    }

    /// The initiatives of `order` that pass, in that order.
    pub fn apply_in(
        &self,
        portfolio: &Portfolio,
        analysis: &Analysis,
        order: &[usize],
    ) -> Vec<usize> {
        order
            .iter()
            .copied()
            .filter(|&i| self.accepts(&portfolio.initiatives[i], &analysis.items[i]))
            .collect()
    }

    /// Whether an initiative passes every facet given.
    pub fn accepts(&self, initiative: &Initiative, item: &Analyzed) -> bool {
        // A facet with nothing selected lets everything through: its values are not even made.
        Facet::ALL.into_iter().all(|facet| {
            let wanted = self.values(facet);
            wanted.is_empty()
                || any(
                    wanted,
                    &facet_values(facet, initiative, item),
                    facet.folds_case(),
                )
        })
    }

    /// The values selected for a facet.
    pub fn values(&self, facet: Facet) -> &[String] {
        match facet {
            Facet::Stage => &self.stage,
            Facet::Unit => &self.unit,
            Facet::Tag => &self.tag,
            Facet::Goal => &self.goal,
            Facet::Gate => &self.gate,
            Facet::Flag => &self.flag,
        }
    }

    fn values_mut(&mut self, facet: Facet) -> &mut Vec<String> {
        match facet {
            Facet::Stage => &mut self.stage,
            Facet::Unit => &mut self.unit,
            Facet::Tag => &mut self.tag,
            Facet::Goal => &mut self.goal,
            Facet::Gate => &mut self.gate,
            Facet::Flag => &mut self.flag,
        }
    }

    /// How many values are selected in all.
    pub fn count(&self) -> usize {
        Facet::ALL.iter().map(|&f| self.values(f).len()).sum()
    }

    pub fn is_selected(&self, facet: Facet, value: &str) -> bool {
        self.values(facet).iter().any(|v| v == value)
    }

    /// Selects a value, or deselects it when it was selected.
    pub fn toggle(&mut self, facet: Facet, value: &str) {
        let values = self.values_mut(facet);
        match values.iter().position(|v| v == value) {
            Some(at) => {
                values.remove(at);
            }
            None => values.push(value.to_string()),
        }
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

/// Each value asked for is among the `valid` ones (gathered only when a value is asked for:
/// the units of 100,000 initiatives are not collected for a ranking without filters).
fn check(
    kind: &'static str,
    wanted: &[String],
    valid: impl FnOnce() -> BTreeSet<String>,
    fold_case: bool,
) -> Result<(), FilterError> {
    if wanted.is_empty() {
        return Ok(());
    }
    let valid = valid();
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
