//! The comparison of two analysed portfolios, initiative by initiative: what DOMAIN.md lists
//! under "Changes since a revision (git)".
//!
//! An initiative is listed when something of its own changed (its file, or what the portfolio's
//! model and settings make of it) or when it crossed the budget line. A rank that moved only
//! because others moved does not list it; for a listed initiative the rank move is shown.

use std::collections::HashMap;

use rust_decimal::Decimal;

use crate::eval::{Analysis, Analyzed, GateStatus};
use crate::model::{Date, Decision, Initiative, Portfolio, Stage};

/// One change to one initiative.
#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    Added {
        stage: Option<Stage>,
        rank: usize,
    },
    Removed {
        stage: Option<Stage>,
        rank: usize,
    },
    Title {
        old: String,
        new: String,
    },
    Stage {
        old: Option<Stage>,
        new: Option<Stage>,
    },
    /// A criterion's score, with the rationale written at the new end.
    Score {
        criterion: String,
        old: Option<u8>,
        new: Option<u8>,
        rationale: Option<String>,
    },
    Benefit {
        old: Option<Decimal>,
        new: Option<Decimal>,
    },
    Feasibility {
        old: Option<Decimal>,
        new: Option<Decimal>,
    },
    Priority {
        old: Option<Decimal>,
        new: Option<Decimal>,
    },
    Rank {
        old: usize,
        new: usize,
    },
    Gate {
        old: GateStatus,
        new: GateStatus,
    },
    Decision(Decision),
    FollowUp {
        benefit: String,
        date: Date,
        value: Decimal,
        note: Option<String>,
    },
    Npv {
        old: Option<Decimal>,
        new: Option<Decimal>,
    },
    Payback {
        old: Option<i32>,
        new: Option<i32>,
    },
    /// Within (`Some(true)`) or beyond (`Some(false)`) the budget; `None`: not counted.
    Budget {
        old: Option<bool>,
        new: Option<bool>,
    },
}

/// Every kind, in the order a summary counts them.
pub const KINDS: [&str; 15] = [
    "added",
    "removed",
    "title",
    "stage",
    "score",
    "benefit",
    "feasibility",
    "priority",
    "rank",
    "gate",
    "decision",
    "follow_up",
    "npv",
    "payback",
    "budget",
];

impl Change {
    /// The stable id of the change's kind, as in the JSON.
    pub fn kind(&self) -> &'static str {
        match self {
            Change::Added { .. } => "added",
            Change::Removed { .. } => "removed",
            Change::Title { .. } => "title",
            Change::Stage { .. } => "stage",
            Change::Score { .. } => "score",
            Change::Benefit { .. } => "benefit",
            Change::Feasibility { .. } => "feasibility",
            Change::Priority { .. } => "priority",
            Change::Rank { .. } => "rank",
            Change::Gate { .. } => "gate",
            Change::Decision(_) => "decision",
            Change::FollowUp { .. } => "follow_up",
            Change::Npv { .. } => "npv",
            Change::Payback { .. } => "payback",
            Change::Budget { .. } => "budget",
        }
    }
}

/// The changes to one initiative.
#[derive(Clone, Debug, PartialEq)]
pub struct InitiativeChanges {
    pub id: String,
    /// The title at the newer end (at the older for a removed initiative).
    pub title: String,
    pub changes: Vec<Change>,
}

impl InitiativeChanges {
    /// How far the rank moved: positive is up (towards 1).
    pub fn rank_move(&self) -> Option<i64> {
        self.changes.iter().find_map(|c| match c {
            Change::Rank { old, new } => Some(*old as i64 - *new as i64),
            _ => None,
        })
    }

    pub fn has(&self, kind: &str) -> bool {
        self.changes.iter().any(|c| c.kind() == kind)
    }
}

/// Where the budget line runs through a ranking.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct BudgetLine {
    /// Initiatives within the budget.
    pub within: usize,
    /// The rank of the last initiative within the budget.
    pub last_rank: Option<usize>,
}

/// Whether an analysed initiative is within the budget. The one place the comparison asks, so
/// that it follows the engine's budget line wherever that is drawn.
pub fn within_budget(item: &Analyzed) -> Option<bool> {
    item.within_budget
}

pub fn budget_line(analysis: &Analysis) -> BudgetLine {
    let mut line = BudgetLine::default();
    for &i in &analysis.order {
        if within_budget(&analysis.items[i]) == Some(true) {
            line.within += 1;
            line.last_rank = Some(analysis.items[i].rank);
        }
    }
    line
}

/// The changes from `old` to `new`, in the newer ranking's order, removed initiatives last.
pub fn compare(
    old: (&Portfolio, &Analysis),
    new: (&Portfolio, &Analysis),
) -> Vec<InitiativeChanges> {
    let old_ids: HashMap<&str, usize> = index_by_id(old.0);
    let mut listed = Vec::new();
    let mut seen = vec![false; old.0.initiatives.len()];
    for &n in &new.1.order {
        let ini = &new.0.initiatives[n];
        let item = &new.1.items[n];
        let changes = match old_ids.get(ini.id.as_str()) {
            Some(&o) => {
                seen[o] = true;
                let before = (&old.0.initiatives[o], &old.1.items[o]);
                changed(before, (ini, item))
            }
            None => vec![Change::Added {
                stage: ini.stage(),
                rank: item.rank,
            }],
        };
        if !changes.is_empty() {
            listed.push(entry(ini, changes));
        }
    }
    for &o in &old.1.order {
        if !seen[o] {
            let ini = &old.0.initiatives[o];
            let rank = old.1.items[o].rank;
            let change = Change::Removed {
                stage: ini.stage(),
                rank,
            };
            listed.push(entry(ini, vec![change]));
        }
    }
    listed
}

fn entry(ini: &Initiative, changes: Vec<Change>) -> InitiativeChanges {
    InitiativeChanges {
        id: ini.id.clone(),
        title: ini.title().to_string(),
        changes,
    }
}

fn index_by_id(p: &Portfolio) -> HashMap<&str, usize> {
    p.initiatives
        .iter()
        .enumerate()
        .map(|(i, ini)| (ini.id.as_str(), i))
        .collect()
}

type Side<'a> = (&'a Initiative, &'a Analyzed);

/// The changes to an initiative present at both ends; empty when nothing of its own changed.
fn changed(old: Side<'_>, new: Side<'_>) -> Vec<Change> {
    let mut out = Vec::new();
    if old.0.title() != new.0.title() {
        out.push(Change::Title {
            old: old.0.title().to_string(),
            new: new.0.title().to_string(),
        });
    }
    if old.0.stage() != new.0.stage() {
        out.push(Change::Stage {
            old: old.0.stage(),
            new: new.0.stage(),
        });
    }
    scores(old.0, new.0, &mut out);
    evaluation(old.1, new.1, &mut out);
    decisions(old.0, new.0, &mut out);
    follow_ups(old.0, new.0, &mut out);
    finance(old.1, new.1, &mut out);
    let (was, is) = (within_budget(old.1), within_budget(new.1));
    if was != is {
        out.push(Change::Budget { old: was, new: is });
    }
    if !out.is_empty() && old.1.rank != new.1.rank {
        let at = first_after_evaluation(&out);
        out.insert(
            at,
            Change::Rank {
                old: old.1.rank,
                new: new.1.rank,
            },
        );
    }
    out
}

/// Where the rank goes: right after the scores and the figures made of them.
fn first_after_evaluation(out: &[Change]) -> usize {
    out.iter()
        .rposition(|c| {
            matches!(
                c,
                Change::Title { .. }
                    | Change::Stage { .. }
                    | Change::Score { .. }
                    | Change::Benefit { .. }
                    | Change::Feasibility { .. }
                    | Change::Priority { .. }
            )
        })
        .map_or(0, |i| i + 1)
}

fn scores(old: &Initiative, new: &Initiative, out: &mut Vec<Change>) {
    let mut criteria: Vec<&str> = old.scores.keys().chain(new.scores.keys()).collect();
    criteria.sort();
    criteria.dedup();
    for criterion in criteria {
        let (was, is) = (old.scores.get(criterion), new.scores.get(criterion));
        let rationale = new.motivation(criterion);
        if was != is || old.motivation(criterion) != rationale {
            out.push(Change::Score {
                criterion: criterion.to_string(),
                old: was.copied(),
                new: is.copied(),
                rationale: rationale.map(str::to_string),
            });
        }
    }
}

fn evaluation(old: &Analyzed, new: &Analyzed, out: &mut Vec<Change>) {
    let (o, n) = (&old.eval, &new.eval);
    if o.benefit_score != n.benefit_score {
        out.push(Change::Benefit {
            old: o.benefit_score,
            new: n.benefit_score,
        });
    }
    if o.feasibility_score != n.feasibility_score {
        out.push(Change::Feasibility {
            old: o.feasibility_score,
            new: n.feasibility_score,
        });
    }
    if o.priority != n.priority {
        out.push(Change::Priority {
            old: o.priority,
            new: n.priority,
        });
    }
    if o.gate != n.gate {
        out.push(Change::Gate {
            old: o.gate,
            new: n.gate,
        });
    }
}

/// Decisions at the newer end not among the older one's (each older decision matches once).
fn decisions(old: &Initiative, new: &Initiative, out: &mut Vec<Change>) {
    let mut before: Vec<&Decision> = old.file.decisions.iter().map(|d| &d.value).collect();
    for d in &new.file.decisions {
        match before.iter().position(|b| **b == d.value) {
            Some(i) => {
                before.swap_remove(i);
            }
            None => out.push(Change::Decision(d.value.clone())),
        }
    }
}

/// Follow-ups at the newer end not among the older one's, benefit by benefit.
fn follow_ups(old: &Initiative, new: &Initiative, out: &mut Vec<Change>) {
    for benefit in &new.file.benefits {
        let id = &benefit.value.id.value;
        let mut before: Vec<_> = old
            .file
            .benefits
            .iter()
            .filter(|b| &b.value.id.value == id)
            .flat_map(|b| b.value.follow_up.iter().map(|f| &f.value))
            .collect();
        for f in &benefit.value.follow_up {
            match before.iter().position(|b| **b == f.value) {
                Some(i) => {
                    before.swap_remove(i);
                }
                None => out.push(Change::FollowUp {
                    benefit: id.clone(),
                    date: f.value.date.value,
                    value: f.value.value.0,
                    note: f.value.note.as_deref().map(str::to_string),
                }),
            }
        }
    }
}

fn finance(old: &Analyzed, new: &Analyzed, out: &mut Vec<Change>) {
    let npv = |a: &Analyzed| a.case.as_ref().map(|c| c.totals.npv);
    let payback = |a: &Analyzed| a.case.as_ref().and_then(|c| c.totals.payback_year);
    if npv(old) != npv(new) {
        out.push(Change::Npv {
            old: npv(old),
            new: npv(new),
        });
    }
    if payback(old) != payback(new) {
        out.push(Change::Payback {
            old: payback(old),
            new: payback(new),
        });
    }
}
